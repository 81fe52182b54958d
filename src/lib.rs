//! jixiao validates Chinese budget performance (预算绩效) forms.
//!
//! The pipeline: `read` (paste, JSON, narrative) → `form` model → `rules` (S, V, B, R, E, X)
//! → `diagnostic`s → `report` (records, text). `wasm.rs` and `bin/jixiao.rs` are thin
//! boundaries over [`check_text`] and [`check_forms`]; neither holds a rule.

pub mod diagnostic;
pub mod form;
pub mod hanzi;
pub mod json;
pub mod memo;
pub mod money;
pub mod monitor;
pub mod profile;
pub mod read;
pub mod report;
pub mod rules;
pub mod score;
pub mod session;
pub mod span;
pub mod template;
pub mod tree;
pub mod value;

#[cfg(all(target_arch = "wasm32", feature = "js"))]
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

/// Checks `input` against approved 目标表 read from another file or paste (the X rules
/// match forms by project name). The approved forms come first in the report's `forms`
/// and are marked as references; only the input's own findings are reported.
pub fn check_against(input: ReadOutput, approved: ReadOutput, profile: &Profile) -> Report {
    let n = approved.forms.len();
    let mut forms = approved.forms;
    forms.extend(input.forms);
    let mut diagnostics = input.diagnostics;
    for d in &mut diagnostics {
        d.location.form = d.location.form.saturating_add(n);
    }
    let mut report = check_forms(ReadOutput { forms, diagnostics }, profile);
    report.diagnostics.retain(|d| d.location.form >= n);
    report.references = n;
    report
}

/// Runs every rule over forms already read, keeping the readers' own findings. Each form
/// is checked with the profile `profile` resolves for it (a detecting profile such as
/// `auto` picks one per form and says why).
pub fn check_forms(input: ReadOutput, profile: &Profile) -> Report {
    let resolved: Vec<(&Profile, profile::Choice)> =
        input.forms.iter().map(|f| profile.resolve(f)).collect();
    let profiles: Vec<&Profile> = resolved.iter().map(|(p, _)| *p).collect();
    let found = rules::run_all(&input.forms, &profiles);
    report(input, resolved, found, profile)
}

/// The report of forms read (with the readers' findings), the profile each was resolved
/// to, and the rules' findings on them: severities as each form's profile sets them,
/// sorted, repeats dropped.
pub(crate) fn report(
    input: ReadOutput,
    resolved: Vec<(&Profile, profile::Choice)>,
    found: Vec<diagnostic::Diagnostic>,
    profile: &Profile,
) -> Report {
    let mut diagnostics = input.diagnostics;
    diagnostics.extend(found);
    for d in &mut diagnostics {
        let p = resolved.get(d.location.form).map_or(profile, |r| r.0);
        d.severity = p.severity_of(d.code, d.severity);
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
    let choices = resolved.into_iter().map(|(_, c)| c).collect();
    let mut report = Report {
        forms: input.forms,
        choices,
        references: 0,
        diagnostics,
    };
    report.normalize();
    report
}

/// Like [`check_text`], but input that can't be read becomes an S008 diagnostic instead
/// of an error: what the page and portals use, where a bad paste is a normal result.
pub fn check_text_lenient(text: &str, profile: &Profile) -> Report {
    check_text(text, profile).unwrap_or_else(|e| unreadable(&e))
}

/// The report of input that can't be read: one S008 saying why.
pub(crate) fn unreadable(e: &ReadError) -> Report {
    Report {
        forms: Vec::new(),
        choices: Vec::new(),
        references: 0,
        diagnostics: vec![diagnostic::Diagnostic::new(
            rules::registry::Code::S008,
            diagnostic::Location::default(),
            diagnostic::Msg::new(e.to_string(), e.to_string()),
            diagnostic::Msg::new(
                "请粘贴从 Excel/WPS 复制的表格文本，或检查 JSON 是否完整",
                "Paste table text copied from Excel/WPS, or check that the JSON is complete",
            ),
        )],
    }
}
