//! jixiao validates Chinese budget performance (预算绩效) forms.
//!
//! The pipeline: `read` (paste, JSON, narrative) → `form` model → `rules` (S, V, B, R, E, X)
//! → `diagnostic`s → `report` (records, text). `wasm.rs` and `bin/jixiao.rs` are thin
//! boundaries over [`check_text`] and [`check_forms`]; neither holds a rule.

pub mod diagnostic;
pub mod form;
pub mod money;
pub mod monitor;
pub mod profile;
pub mod read;
pub mod report;
pub mod rules;
pub mod score;
pub mod span;
pub mod value;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

use profile::Profile;
use read::{ReadError, ReadOutput};
use report::Report;

/// Reads `text` (a paste, JSON or a report) and runs every rule.
pub fn check_text(text: &str, profile: &Profile) -> Result<Report, ReadError> {
    Ok(check_forms(read::read_text(text)?, profile))
}

/// Reads bytes from a file or stdin (UTF-8, or UTF-16 with BOM) and runs every rule.
pub fn check_bytes(bytes: &[u8], profile: &Profile) -> Result<Report, ReadError> {
    Ok(check_forms(read::read_bytes(bytes)?, profile))
}

/// Runs every rule over forms already read, keeping the readers' own findings.
pub fn check_forms(input: ReadOutput, profile: &Profile) -> Report {
    let mut diagnostics = input.diagnostics;
    diagnostics.extend(rules::run_all(&input.forms, profile));
    for d in &mut diagnostics {
        d.severity = profile.severity_of(d.code, d.severity);
        // In a narrative report, a location is (line, character), whatever the rule's section.
        let narrative = |form: usize| {
            input
                .forms
                .get(form)
                .is_some_and(|f| f.kind == form::FormKind::NarrativeReport)
        };
        if narrative(d.location.form) {
            d.location.section = Some(diagnostic::Section::Text);
            for r in &mut d.related {
                r.location.section = Some(diagnostic::Section::Text);
            }
        }
    }
    let mut report = Report {
        forms: input.forms,
        diagnostics,
    };
    report.normalize();
    report
}

/// Like [`check_text`], but input that can't be read becomes an S008 diagnostic instead
/// of an error: what the page and portals use, where a bad paste is a normal result.
pub fn check_text_lenient(text: &str, profile: &Profile) -> Report {
    match check_text(text, profile) {
        Ok(report) => report,
        Err(e) => Report {
            forms: Vec::new(),
            diagnostics: vec![diagnostic::Diagnostic::new(
                rules::registry::Code::S008,
                diagnostic::Location::default(),
                diagnostic::Msg::new(e.to_string(), e.to_string()),
                diagnostic::Msg::new(
                    "请粘贴从 Excel/WPS 复制的表格文本，或检查 JSON 是否完整",
                    "Paste table text copied from Excel/WPS, or check that the JSON is complete",
                ),
            )],
        },
    }
}
