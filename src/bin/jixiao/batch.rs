//! A reviewer's batch: the files named and the folders walked for what jixiao reads, each
//! file's sheets checked on every core (rayon), a progress bar on stderr when it is a
//! terminal (indicatif), and each result rendered where it was checked (forms are not
//! `Send`: their cells share text by `Rc`).

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use jixiao::diagnostic::{Lang, Severity};
use jixiao::form::{Form, FormKind};
use jixiao::profile::Profile;
use jixiao::read::{headers::normalize_label, Part, ReadOutput};
use jixiao::report::{column_letters, DiagnosticRecord, Report};
use rayon::prelude::*;
use std::io::IsTerminal;
use std::path::Path;

/// What a folder is searched for: pastes saved as text, JSON, workbooks and Word documents.
const EXTENSIONS: &[&str] = &[
    "tsv", "txt", "csv", "json", "xlsx", "xlsm", "xls", "et", "xlsb", "ods", "docx",
];

/// The files to check: each path named, and the readable files under each folder named
/// (sorted; Office's `~$` lock files skipped). A path that does not exist is an error.
pub fn expand(paths: &[String]) -> Result<Vec<String>, String> {
    let mut files = Vec::new();
    for p in paths {
        let path = Path::new(p);
        if p == "-" || path.is_file() {
            files.push(p.clone());
        } else if path.is_dir() {
            let mut found: Vec<String> = walkdir::WalkDir::new(path)
                .sort_by_file_name()
                .into_iter()
                .filter_map(Result::ok)
                .filter(|e| e.file_type().is_file())
                .filter(|e| readable_name(&e.file_name().to_string_lossy()))
                .map(|e| e.path().display().to_string())
                .collect();
            files.append(&mut found);
        } else {
            return Err(format!(
                "无法读取 {p}: 文件或文件夹不存在 / no such file or folder"
            ));
        }
    }
    Ok(files)
}

fn readable_name(name: &str) -> bool {
    let lower = name.to_lowercase();
    !name.starts_with("~$")
        && !name.starts_with('.')
        && lower
            .rsplit_once('.')
            .is_some_and(|(_, ext)| EXTENSIONS.contains(&ext))
}

/// A file's parts as read, or why it can't be read. A `.csv` is turned into the
/// tab-separated text its cells make.
pub fn read_path(path: &str) -> Result<Vec<Part>, String> {
    let bytes = crate::read_input(path).map_err(|e| format!("无法读取 {path}: {e}"))?;
    if path.to_lowercase().ends_with(".csv") {
        let text = csv_to_tsv(&bytes).map_err(|e| format!("{path}: {e}"))?;
        return jixiao::read::read_file(text.as_bytes()).map_err(|e| format!("{path}: {e}"));
    }
    jixiao::read::read_file(&bytes).map_err(|e| format!("{path}: {e}"))
}

fn csv_to_tsv(bytes: &[u8]) -> Result<String, String> {
    let text = jixiao::read::decode_text(bytes).map_err(|e| e.to_string())?;
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| format!("CSV 格式有误：{e} / invalid CSV"))?;
        rows.push(record.iter().map(str::to_string).collect::<Vec<_>>());
    }
    Ok(jixiao::read::workbook::to_tsv(&rows))
}

/// How results are wanted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Output {
    Text,
    Json,
    /// One row per finding.
    Csv,
    /// One row per form.
    Summary,
}

/// One checked part of a file, rendered.
pub struct Checked {
    pub sheet: Option<String>,
    pub errors: bool,
    pub text: String,
    pub json: Option<serde_json::Value>,
    pub rows: Vec<Vec<String>>,
}

/// One file's outcome.
pub struct FileResult {
    pub path: String,
    pub parts: Result<Vec<Checked>, String>,
}

/// Checks every file, in parallel, in the order given. `approved` holds the texts of the
/// approved 目标表 (`--approved`): each thread reads them once, and each self-evaluation
/// is checked against the approved forms of its own project.
pub fn check_all(
    files: &[String],
    approved: &[String],
    profile: &Profile,
    lang: Lang,
    output: Output,
) -> Vec<FileResult> {
    let bar = progress(files.len());
    let results = files
        .par_iter()
        .map_init(
            || read_approved(approved),
            |approved, path| {
                let parts = read_path(path).map(|parts| {
                    parts
                        .into_iter()
                        .map(|part| check_part(path, part, approved, profile, lang, output))
                        .collect()
                });
                bar.inc(1);
                FileResult {
                    path: path.clone(),
                    parts,
                }
            },
        )
        .collect();
    bar.finish_and_clear();
    results
}

/// A bar on stderr for a batch on a terminal; hidden in pipes and CI.
fn progress(n: usize) -> ProgressBar {
    let shown = n > 1 && std::io::stderr().is_terminal() && std::env::var_os("CI").is_none();
    if !shown {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(
        Some(u64::try_from(n).unwrap_or(u64::MAX)),
        ProgressDrawTarget::stderr(),
    );
    if let Ok(style) = ProgressStyle::with_template("检查中 {bar:30} {pos}/{len} 个文件 {eta}")
    {
        bar.set_style(style);
    }
    bar
}

/// The forms of the approved files (unreadable ones were reported when they were listed).
fn read_approved(texts: &[String]) -> Vec<Form> {
    texts
        .iter()
        .filter_map(|t| jixiao::read::read_text(t).ok())
        .flat_map(|o| o.forms)
        .filter(|f| f.kind == FormKind::Target)
        .collect()
}

/// The texts of every part of every approved file, and why a file could not be read.
pub fn approved_texts(paths: &[String]) -> Result<(Vec<String>, Vec<String>), String> {
    let mut texts = Vec::new();
    let mut failed = Vec::new();
    for path in expand(paths)? {
        let read = crate::read_input(&path)
            .map_err(|e| format!("无法读取 {path}: {e}"))
            .and_then(|bytes| {
                if path.to_lowercase().ends_with(".csv") {
                    return csv_to_tsv(&bytes).map(|t| vec![t]);
                }
                jixiao::read::file_texts(&bytes)
                    .map(|parts| parts.into_iter().map(|(_, t)| t).collect())
                    .map_err(|e| format!("{path}: {e}"))
            });
        match read {
            Ok(mut t) => texts.append(&mut t),
            Err(e) => failed.push(e),
        }
    }
    Ok((texts, failed))
}

fn check_part(
    path: &str,
    part: Part,
    approved: &[Form],
    profile: &Profile,
    lang: Lang,
    output: Output,
) -> Checked {
    let names: Vec<String> = part
        .output
        .forms
        .iter()
        .filter_map(Form::display_name)
        .map(|n| normalize_label(&n))
        .collect();
    let mine: Vec<Form> = approved
        .iter()
        .filter(|f| {
            f.display_name()
                .is_some_and(|n| names.contains(&normalize_label(&n)))
        })
        .cloned()
        .collect();
    let report = if mine.is_empty() {
        jixiao::check_forms(part.output, profile)
    } else {
        let reference = ReadOutput {
            forms: mine,
            diagnostics: Vec::new(),
        };
        jixiao::check_against(part.output, reference, profile)
    };
    let source = match &part.name {
        Some(sheet) => format!("{path}「{sheet}」"),
        None => path.to_string(),
    };
    let mut checked = Checked {
        sheet: part.name.clone(),
        errors: report.has_errors(),
        text: String::new(),
        json: None,
        rows: Vec::new(),
    };
    match output {
        Output::Text => checked.text = report.to_text(lang, &source),
        Output::Json => checked.json = serde_json::to_value(report.to_record(lang)).ok(),
        Output::Csv => checked.rows = finding_rows(path, part.name.as_deref(), &report, lang),
        Output::Summary => checked.rows = form_rows(path, part.name.as_deref(), &report, lang),
    }
    checked
}

/// The header of `--format csv`.
pub const FINDING_HEADER: [&str; 8] = [
    "文件",
    "工作表",
    "表",
    "单元格",
    "代码",
    "级别",
    "问题",
    "修改建议",
];

/// The header of `--summary csv`.
pub const FORM_HEADER: [&str; 8] = [
    "文件",
    "工作表",
    "表",
    "类型",
    "项目",
    "错误",
    "警告",
    "提示",
];

fn finding_rows(path: &str, sheet: Option<&str>, report: &Report, lang: Lang) -> Vec<Vec<String>> {
    report
        .diagnostics
        .iter()
        .map(|d| {
            let rec = DiagnosticRecord::new(d, lang);
            let loc = &d.location;
            let cell = match (loc.row, loc.column, loc.section) {
                (Some(r), Some(c), s) if s != Some(jixiao::diagnostic::Section::Text) => {
                    format!("{}{r}", column_letters(c))
                }
                (Some(r), _, _) => match lang {
                    Lang::Zh => format!("第{r}行"),
                    Lang::En => format!("row {r}"),
                },
                _ => String::new(),
            };
            vec![
                path.to_string(),
                sheet.unwrap_or("").to_string(),
                (loc.form.saturating_sub(report.references) + 1).to_string(),
                cell,
                rec.code,
                rec.severity.as_str().to_string(),
                rec.message,
                rec.help,
            ]
        })
        .collect()
}

fn form_rows(path: &str, sheet: Option<&str>, report: &Report, lang: Lang) -> Vec<Vec<String>> {
    let count = |i: usize, s: Severity| {
        report
            .diagnostics
            .iter()
            .filter(|d| d.location.form == i && d.severity == s)
            .count()
            .to_string()
    };
    let checked: Vec<(usize, &Form)> = report
        .forms
        .iter()
        .enumerate()
        .skip(report.references)
        .collect();
    if checked.is_empty() {
        // Nothing read as a form: the row says so, with the file-level findings.
        return vec![vec![
            path.to_string(),
            sheet.unwrap_or("").to_string(),
            String::new(),
            match lang {
                Lang::Zh => "未识别出表格",
                Lang::En => "no form",
            }
            .to_string(),
            String::new(),
            report.count(Severity::Error).to_string(),
            report.count(Severity::Warning).to_string(),
            report.count(Severity::Info).to_string(),
        ]];
    }
    checked
        .into_iter()
        .map(|(i, f)| {
            vec![
                path.to_string(),
                sheet.unwrap_or("").to_string(),
                (i - report.references + 1).to_string(),
                match lang {
                    Lang::Zh => f.kind.zh().to_string(),
                    Lang::En => f.kind.en().to_string(),
                },
                f.display_name().unwrap_or_default(),
                count(i, Severity::Error),
                count(i, Severity::Warning),
                count(i, Severity::Info),
            ]
        })
        .collect()
}

/// A file that could not be read, as a row of either table.
pub fn unreadable_row(path: &str, why: &str, output: Output, lang: Lang) -> Vec<String> {
    let unreadable = match lang {
        Lang::Zh => "无法读取",
        Lang::En => "unreadable",
    };
    match output {
        Output::Summary => vec![
            path.into(),
            String::new(),
            String::new(),
            unreadable.into(),
            why.into(),
            String::new(),
            String::new(),
            String::new(),
        ],
        _ => vec![
            path.into(),
            String::new(),
            String::new(),
            String::new(),
            "READ".into(),
            "error".into(),
            why.into(),
            unreadable.into(),
        ],
    }
}

/// Writes rows as CSV that Excel opens safely: UTF-8 with a byte-order mark (so Excel
/// doesn't read it as GBK), and a cell that begins with `= + - @` (or a tab or carriage
/// return) prefixed with `'`, so Excel shows it as text rather than running it.
pub fn write_csv(
    out: &mut dyn std::io::Write,
    header: &[&str],
    rows: &[Vec<String>],
) -> Result<(), String> {
    out.write_all("\u{feff}".as_bytes())
        .map_err(|e| e.to_string())?;
    let mut w = csv::Writer::from_writer(out);
    w.write_record(header).map_err(|e| e.to_string())?;
    for row in rows {
        w.write_record(row.iter().map(|c| excel_safe(c).into_owned()))
            .map_err(|e| e.to_string())?;
    }
    w.flush().map_err(|e| e.to_string())
}

fn excel_safe(cell: &str) -> std::borrow::Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}").into()
    } else {
        cell.into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_excel_would_run_are_escaped() {
        let cases = [
            (
                "=HYPERLINK(\"http://x\",\"y\")",
                "'=HYPERLINK(\"http://x\",\"y\")",
            ),
            ("+1+1", "'+1+1"),
            ("-2", "'-2"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("=50家", "'=50家"),
            ("≥50家", "≥50家"),
            ("", ""),
        ];
        for (cell, want) in cases {
            assert_eq!(excel_safe(cell), want);
        }
    }

    #[test]
    fn folders_are_searched_for_what_jixiao_reads() {
        let cases = [
            ("目标表.xlsx", true),
            ("自评表.XLS", true),
            ("报告.docx", true),
            ("~$目标表.xlsx", false),
            (".hidden.tsv", false),
            ("说明.pdf", false),
            ("README", false),
        ];
        for (name, want) in cases {
            assert_eq!(readable_name(name), want, "{name}");
        }
    }
}
