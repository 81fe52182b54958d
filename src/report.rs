//! Sorts and counts diagnostics and renders them: plain records (for JSON and the wasm boundary) and text lines for people.

use crate::diagnostic::{Applicability, Diagnostic, Lang, Location, Section, Severity};
use crate::form::{Form, FormKind, MoneyUnit};
use crate::profile::Choice;
use crate::rules::registry;
use crate::span::{to_utf16, Utf16Span};
use serde::Serialize;

/// The result of checking one input.
#[derive(Debug, Clone, Default)]
pub struct Report {
    pub forms: Vec<Form>,
    /// The profile each form was checked with (`choices[i]` for `forms[i]`) and why.
    pub choices: Vec<Choice>,
    /// The first `references` forms are approved 目标表 given for comparison, not checked.
    pub references: usize,
    pub diagnostics: Vec<Diagnostic>,
}

impl Report {
    /// Sorts by form, row, column and code, and drops exact repeats.
    pub fn normalize(&mut self) {
        self.diagnostics.sort_by(|a, b| {
            let key = |d: &Diagnostic| {
                (
                    d.location.form,
                    d.location.row.unwrap_or(0),
                    d.location.column.unwrap_or(0),
                    d.code,
                )
            };
            key(a).cmp(&key(b))
        });
        self.diagnostics.dedup();
    }

    pub fn count(&self, severity: Severity) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == severity)
            .count()
    }

    pub fn has_errors(&self) -> bool {
        self.count(Severity::Error) > 0
    }

    pub fn to_record(&self, lang: Lang) -> ReportRecord {
        ReportRecord {
            forms: self
                .forms
                .iter()
                .enumerate()
                .map(|(i, f)| {
                    let mut r = FormRecord::new(f, self.choices.get(i), lang);
                    r.reference = i < self.references;
                    r
                })
                .collect(),
            diagnostics: self
                .diagnostics
                .iter()
                .map(|d| DiagnosticRecord::new(d, lang))
                .collect(),
            summary: Summary {
                errors: self.count(Severity::Error),
                warnings: self.count(Severity::Warning),
                infos: self.count(Severity::Info),
            },
        }
    }

    /// One line per diagnostic: `[error R001] 表1 第24行 第7列(执行率): message`, then help.
    pub fn to_text(&self, lang: Lang, source: &str) -> String {
        let mut out = String::new();
        for (i, f) in self.forms.iter().enumerate() {
            let r = FormRecord::new(f, self.choices.get(i), lang);
            if i < self.references {
                out.push_str(&match lang {
                    Lang::Zh => format!(
                        "{source}: 表{} 为对照的批复{}「{}」\n",
                        i + 1,
                        f.kind.zh(),
                        r.name.unwrap_or_default()
                    ),
                    Lang::En => format!(
                        "{source}: form {} is the approved {:?} \"{}\" (reference)\n",
                        i + 1,
                        f.kind,
                        r.name.unwrap_or_default()
                    ),
                });
                continue;
            }
            let why = r
                .profile_reason
                .as_ref()
                .map(|w| match lang {
                    Lang::Zh => format!("（{w}）"),
                    Lang::En => format!(" ({w})"),
                })
                .unwrap_or_default();
            out.push_str(&match lang {
                Lang::Zh => format!(
                    "{source}: 表{} {}「{}」，{} 个项目；按配置 {}{why}\n",
                    i + 1,
                    f.kind.zh(),
                    r.name.unwrap_or_default(),
                    r.projects,
                    r.profile,
                ),
                Lang::En => format!(
                    "{source}: form {} {:?} \"{}\", {} project(s); profile {}{why}\n",
                    i + 1,
                    f.kind,
                    r.name.unwrap_or_default(),
                    r.projects,
                    r.profile,
                ),
            });
        }
        for d in &self.diagnostics {
            let rec = DiagnosticRecord::new(d, lang);
            out.push_str(&format!(
                "{source}:{} [{} {}] {}\n    {}\n",
                place(&d.location, lang),
                rec.severity.as_str(),
                rec.code,
                rec.message,
                rec.help
            ));
        }
        let (e, w, n) = (
            self.count(Severity::Error),
            self.count(Severity::Warning),
            self.count(Severity::Info),
        );
        out.push_str(&match lang {
            Lang::Zh => format!("{source}: {e} 个错误，{w} 个警告，{n} 条提示\n"),
            Lang::En => format!("{source}: {e} error(s), {w} warning(s), {n} info\n"),
        });
        out
    }
}

/// "表1 第24行 G列(执行率)" — as a person finds it in the sheet.
fn place(loc: &Location, lang: Lang) -> String {
    if loc.section.is_none() && loc.row.is_none() {
        return match lang {
            Lang::Zh => "(全文)".to_string(),
            Lang::En => "(input)".to_string(),
        };
    }
    let mut s = match lang {
        Lang::Zh => format!("表{}", loc.form + 1),
        Lang::En => format!("form {}", loc.form + 1),
    };
    if let Some(r) = loc.row {
        s.push_str(&match lang {
            Lang::Zh => format!(" 第{r}行"),
            Lang::En => format!(" row {r}"),
        });
    }
    if let (Some(c), Some(Section::Text)) = (loc.column, loc.section) {
        s.push_str(&match lang {
            Lang::Zh => format!(" 第{c}字"),
            Lang::En => format!(" char {c}"),
        });
    } else if let Some(c) = loc.column {
        s.push_str(&match lang {
            Lang::Zh => format!(" {}列", column_letters(c)),
            Lang::En => format!(" col {}", column_letters(c)),
        });
    }
    if let Some(role) = loc.field.and_then(crate::form::Role::from_name) {
        s.push_str(&match lang {
            Lang::Zh => format!("({})", role.zh()),
            Lang::En => format!("({})", role.en()),
        });
    }
    s
}

/// 1 → A, 27 → AA.
pub fn column_letters(mut col: u32) -> String {
    let mut s = Vec::new();
    while col > 0 {
        let rem = ((col - 1) % 26) as u8;
        s.push(char::from(b'A' + rem));
        col = (col - 1) / 26;
    }
    s.iter().rev().collect()
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ReportRecord {
    pub forms: Vec<FormRecord>,
    pub diagnostics: Vec<DiagnosticRecord>,
    pub summary: Summary,
}

#[derive(Debug, Clone, Serialize)]
pub struct Summary {
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FormRecord {
    pub kind: FormKind,
    pub name: Option<String>,
    pub projects: usize,
    pub indicators: usize,
    pub money_unit: Option<MoneyUnit>,
    /// 1-based sheet row of the form's first line, if known.
    pub row: Option<u32>,
    /// The profile the form was checked with.
    pub profile: String,
    /// Why a detecting profile (`auto`) chose it; `None` when it was given.
    pub profile_reason: Option<String>,
    /// An approved 目标表 given for comparison (`--approved`), not itself checked.
    pub reference: bool,
}

impl FormRecord {
    pub fn new(f: &Form, choice: Option<&Choice>, lang: Lang) -> Self {
        FormRecord {
            kind: f.kind,
            name: f.display_name(),
            projects: f.projects.len(),
            indicators: f.projects.iter().map(|p| p.indicators.len()).sum(),
            money_unit: f.money_unit.as_ref().map(|(u, _)| *u),
            row: f.title.as_ref().map(|c| c.loc.row).filter(|r| *r > 0),
            profile: choice.map(|c| c.profile.clone()).unwrap_or_default(),
            profile_reason: choice
                .and_then(|c| c.reason.as_ref())
                .map(|m| m.get(lang).to_string()),
            reference: false,
        }
    }
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LocationRecord {
    /// 0-based index into `forms`.
    pub form: usize,
    pub section: Option<Section>,
    /// 1-based sheet row.
    pub row: Option<u32>,
    /// 1-based sheet column.
    pub column: Option<u32>,
    pub field: Option<&'static str>,
    pub cell_text: Option<crate::form::Text>,
}

impl From<&Location> for LocationRecord {
    fn from(l: &Location) -> Self {
        LocationRecord {
            form: l.form,
            section: l.section,
            row: l.row,
            column: l.column,
            field: l.field,
            cell_text: l.cell_text.clone(),
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct RelatedRecord {
    pub location: LocationRecord,
    pub label: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct FixRecord {
    pub title: String,
    pub replacement: String,
    pub applicability: Applicability,
}

#[derive(Debug, Clone, Serialize)]
pub struct DiagnosticRecord {
    pub code: String,
    pub name: &'static str,
    pub severity: Severity,
    pub message: String,
    pub help: String,
    pub location: LocationRecord,
    /// Zero-based UTF-16 code units inside `location.cellText`, end exclusive.
    pub span: Option<Utf16Span>,
    pub related: Vec<RelatedRecord>,
    pub fix: Option<FixRecord>,
}

impl DiagnosticRecord {
    pub fn new(d: &Diagnostic, lang: Lang) -> Self {
        let span = d
            .span
            .map(|s| to_utf16(d.location.cell_text.as_deref().unwrap_or(""), s));
        DiagnosticRecord {
            code: d.code.as_str(),
            name: registry::entry(d.code).name,
            severity: d.severity,
            message: d.message.get(lang).to_string(),
            help: d.help.get(lang).to_string(),
            location: LocationRecord::from(&d.location),
            span,
            related: d
                .related
                .iter()
                .map(|r| RelatedRecord {
                    location: LocationRecord::from(&r.location),
                    label: r.label.get(lang).to_string(),
                })
                .collect(),
            fix: d.fix.as_ref().map(|f| FixRecord {
                title: f.title.get(lang).to_string(),
                replacement: f.replacement.clone(),
                applicability: f.applicability,
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_columns_like_a_spreadsheet() {
        let cases = [
            (1, "A"),
            (7, "G"),
            (26, "Z"),
            (27, "AA"),
            (52, "AZ"),
            (703, "AAA"),
        ];
        for (n, want) in cases {
            assert_eq!(column_letters(n), want, "{n}");
        }
    }
}
