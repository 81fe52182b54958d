//! The command line: reads files or stdin, prints diagnostics as text or JSON, exits 1 on errors and 2 on unreadable input.

mod batch;

use batch::Output;
use jixiao::diagnostic::Lang;
use jixiao::profile::Profile;
use jixiao::rules::registry;
use std::io::{Read, Write};
use std::process::ExitCode;

const USAGE: &str = "\
jixiao — 预算绩效表格检查 / budget performance form validator

用法 / usage:
  jixiao check [--profile NAME|FILE] [--format text|json|csv] [--summary csv] [--lang zh|en]
               [--approved FILE|DIR]... FILE|DIR...
        读取粘贴文本(.tsv/.txt/.csv/.json)、工作簿(.xlsx/.xls/.et/.xlsb/.ods)的每张工作表
        和 Word 文档(.docx)的正文与每个表格；DIR 为文件夹时检查其中全部这些文件
        reads pastes, every sheet of a workbook, a Word document's text and tables; a DIR is walked
        FILE 为 - 时读标准输入 / FILE - reads stdin
        --approved 批复的绩效目标表（文件或文件夹），自评表按项目名称与之比对
                   approved target forms (files or folders), paired by project name
        --format csv   每条问题一行（文件、工作表、单元格如 G12、代码、级别、问题、修改建议）
                       one row per finding, safe to open in Excel
        --summary csv  每张表一行（文件、工作表、类型、项目、错误/警告/提示数）
                       one row per form instead of the findings
        退出码 / exit: 0 无错误 no errors, 1 有错误 errors found, 2 有文件无法读取 a file unreadable
  jixiao value TEXT [--unit U] [--op OP]   解析一个指标值 / parse one target value (JSON)
  jixiao codes [--format text|json]        列出全部诊断代码 / list every diagnostic code
  jixiao read FILE                         输出读入的表单模型 JSON / print the form model as read
";

struct Args {
    profile: Option<String>,
    approved: Vec<String>,
    summary: bool,
    format: String,
    lang: Lang,
    unit: Option<String>,
    op: Option<String>,
    positional: Vec<String>,
}

fn parse_args(args: &[String]) -> Result<Args, String> {
    let mut a = Args {
        profile: None,
        approved: Vec::new(),
        summary: false,
        format: "text".to_string(),
        lang: Lang::Zh,
        unit: None,
        op: None,
        positional: Vec::new(),
    };
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        let mut value = |name: &str| {
            it.next()
                .cloned()
                .ok_or_else(|| format!("{name} 需要一个值 / {name} needs a value"))
        };
        match arg.as_str() {
            "--profile" => a.profile = Some(value("--profile")?),
            "--approved" => a.approved.push(value("--approved")?),
            "--format" => {
                a.format = value("--format")?;
                if !["text", "json", "csv"].contains(&a.format.as_str()) {
                    return Err(format!(
                        "--format 只能是 text、json 或 csv，收到 {}",
                        a.format
                    ));
                }
            }
            "--summary" => {
                let v = value("--summary")?;
                if v != "csv" {
                    return Err(format!("--summary 只能是 csv，收到 {v}"));
                }
                a.summary = true;
            }
            "--lang" => {
                let v = value("--lang")?;
                a.lang =
                    Lang::parse(&v).ok_or_else(|| format!("--lang 只能是 zh 或 en，收到 {v}"))?;
            }
            "--unit" => a.unit = Some(value("--unit")?),
            "--op" => a.op = Some(value("--op")?),
            "-h" | "--help" => return Err(String::new()),
            s if s.starts_with("--") => return Err(format!("未知选项 / unknown option {s}")),
            _ => a.positional.push(arg.clone()),
        }
    }
    Ok(a)
}

fn load_profile(spec: Option<&str>) -> Result<Profile, String> {
    match spec {
        None => Ok(Profile::default()),
        Some(s) if s.ends_with(".json") || std::path::Path::new(s).is_file() => {
            let json =
                std::fs::read_to_string(s).map_err(|e| format!("无法读取配置文件 {s}: {e}"))?;
            Profile::from_json(&json).map_err(|e| e.to_string())
        }
        Some(name) => Profile::builtin(name).map_err(|e| e.to_string()),
    }
}

pub(crate) fn read_input(path: &str) -> std::io::Result<Vec<u8>> {
    if path == "-" {
        let mut buf = Vec::new();
        std::io::stdin().read_to_end(&mut buf)?;
        Ok(buf)
    } else {
        std::fs::read(path)
    }
}

fn check(a: &Args) -> Result<u8, String> {
    if a.positional.is_empty() {
        return Err(
            "请给出要检查的文件或文件夹（或 - 读标准输入）/ give a FILE, DIR or -".to_string(),
        );
    }
    let profile = load_profile(a.profile.as_deref())?;
    let mut worst = 0u8;
    let (approved, failed) = batch::approved_texts(&a.approved)?;
    for e in &failed {
        eprintln!("{e}");
        worst = 2;
    }
    let files = batch::expand(&a.positional)?;
    if files.is_empty() {
        return Err("文件夹中没有可检查的文件（.tsv .txt .csv .json .xlsx .xls .et .xlsb .ods .docx）/ no files to check".to_string());
    }
    let output = match (a.summary, a.format.as_str()) {
        (true, _) => Output::Summary,
        (_, "json") => Output::Json,
        (_, "csv") => Output::Csv,
        _ => Output::Text,
    };
    let results = batch::check_all(&files, &approved, &profile, a.lang, output);
    let mut stdout = std::io::stdout().lock();
    let mut records = Vec::new();
    let mut rows = Vec::new();
    for r in results {
        let parts = match r.parts {
            Ok(parts) => parts,
            Err(e) => {
                eprintln!("{e}");
                worst = 2;
                rows.push(batch::unreadable_row(&r.path, &e, output, a.lang));
                continue;
            }
        };
        for mut part in parts {
            if part.errors {
                worst = worst.max(1);
            }
            match output {
                Output::Text => {
                    let _ = write!(stdout, "{}", part.text);
                }
                Output::Json => {
                    let mut rec = part.json.take().unwrap_or_default();
                    if let Some(o) = rec.as_object_mut() {
                        if let Some(sheet) = &part.sheet {
                            o.insert("sheet".into(), serde_json::Value::String(sheet.clone()));
                        }
                    }
                    records.push((r.path.clone(), rec));
                }
                Output::Csv | Output::Summary => rows.append(&mut part.rows),
            }
        }
    }
    match output {
        Output::Text => {}
        Output::Json => {
            let out = match records.as_slice() {
                [(_, one)] if files.len() == 1 => one.clone(),
                _ => serde_json::json!({
                    "files": records
                        .into_iter()
                        .map(|(file, mut rec)| {
                            if let Some(o) = rec.as_object_mut() {
                                o.insert("file".to_string(), serde_json::Value::String(file));
                            }
                            rec
                        })
                        .collect::<Vec<_>>()
                }),
            };
            let s = serde_json::to_string_pretty(&out).map_err(|e| e.to_string())?;
            let _ = writeln!(stdout, "{s}");
        }
        Output::Csv => batch::write_csv(&mut stdout, &batch::FINDING_HEADER, &rows)?,
        Output::Summary => batch::write_csv(&mut stdout, &batch::FORM_HEADER, &rows)?,
    }
    Ok(worst)
}

fn value(a: &Args) -> Result<u8, String> {
    let [text] = a.positional.as_slice() else {
        return Err("用法 / usage: jixiao value TEXT [--unit U] [--op OP]".to_string());
    };
    let split = a.unit.is_some() || a.op.is_some();
    let parsed = if split {
        jixiao::value::parse_split(
            a.op.as_deref().unwrap_or(""),
            text,
            a.unit.as_deref().unwrap_or(""),
        )
    } else {
        jixiao::value::parser::parse(text)
    };
    let mut json = serde_json::to_value(&parsed.value).map_err(|e| e.to_string())?;
    let issues: Vec<serde_json::Value> = parsed
        .issues
        .iter()
        .map(|i| {
            let span = (!split).then(|| jixiao::span::to_utf16(text, i.span));
            serde_json::json!({
                "kind": format!("{:?}", i.kind),
                "span": span,
                "fix": i.fix.as_ref().map(|(r, app)| serde_json::json!({"replacement": r, "applicability": app})),
            })
        })
        .collect();
    if let Some(o) = json.as_object_mut() {
        o.insert("diagnostics".to_string(), serde_json::Value::Array(issues));
    }
    println!(
        "{}",
        serde_json::to_string_pretty(&json).map_err(|e| e.to_string())?
    );
    Ok(0)
}

/// Prints the form model as read (the JSON shape a portal may pass back in).
fn read_model(a: &Args) -> Result<u8, String> {
    let [path] = a.positional.as_slice() else {
        return Err("用法 / usage: jixiao read FILE".to_string());
    };
    let bytes = read_input(path).map_err(|e| format!("无法读取 {path}: {e}"))?;
    match jixiao::read::read_bytes(&bytes) {
        Ok(out) => {
            let json = serde_json::json!({ "forms": out.forms });
            println!(
                "{}",
                serde_json::to_string_pretty(&json).map_err(|e| e.to_string())?
            );
            Ok(0)
        }
        Err(e) => {
            eprintln!("{path}: {e}");
            Ok(2)
        }
    }
}

fn codes(a: &Args) -> Result<u8, String> {
    if a.format == "json" {
        println!(
            "{}",
            serde_json::to_string_pretty(registry::TABLE).map_err(|e| e.to_string())?
        );
    } else {
        for e in registry::TABLE {
            println!(
                "{:?}\t{}\t{}\t{}\t{}",
                e.code,
                e.severity.as_str(),
                e.name,
                e.title_zh,
                e.title_en
            );
        }
    }
    Ok(0)
}

fn main() -> ExitCode {
    let all: Vec<String> = std::env::args().skip(1).collect();
    let Some((cmd, rest)) = all.split_first() else {
        eprint!("{USAGE}");
        return ExitCode::from(2);
    };
    let result = parse_args(rest).and_then(|a| match cmd.as_str() {
        "check" => check(&a),
        "value" => value(&a),
        "codes" => codes(&a),
        "read" => read_model(&a),
        "-h" | "--help" | "help" => {
            print!("{USAGE}");
            Ok(0)
        }
        other => Err(format!("未知命令 / unknown command: {other}")),
    });
    match result {
        Ok(code) => ExitCode::from(code),
        Err(msg) => {
            if !msg.is_empty() {
                eprintln!("jixiao: {msg}");
            }
            // Usage goes with argument mistakes, not with a bad profile or file.
            if msg.is_empty() || !(msg.contains("配置") || msg.contains("无法读取")) {
                eprint!("{USAGE}");
            }
            ExitCode::from(2)
        }
    }
}
