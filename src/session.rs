//! Checking a form again after an edit, as the page does on every keystroke: the text is
//! read again, but a rule runs again on a form only if the edit changed something it reads
//! (`Rule::reads`); the others keep the findings of the check before.

use crate::form::{Form, Indicator, Project, Role};
use crate::profile::{Choice, Profile};
use crate::report::Report;
use crate::rules::{self, Findings, Reads, Rerun};
use std::borrow::Cow;

/// One profile's checks of successive versions of an input.
pub struct Session {
    /// A built-in is borrowed from the parsed built-ins, not copied.
    profile: Cow<'static, Profile>,
    last: Option<Last>,
    /// The last paste's cells, to split only an edited line again.
    kept: Option<crate::read::Kept>,
}

/// The check before: its report (which owns the forms read) and each rule's findings.
struct Last {
    report: Report,
    findings: Findings,
}

impl Session {
    pub fn new(profile: Profile) -> Self {
        Session::with(Cow::Owned(profile))
    }

    /// A session with a built-in profile (`profile::builtin_ref`).
    pub fn builtin(profile: &'static Profile) -> Self {
        Session::with(Cow::Borrowed(profile))
    }

    fn with(profile: Cow<'static, Profile>) -> Self {
        Session {
            profile,
            last: None,
            kept: None,
        }
    }

    pub fn profile(&self) -> &Profile {
        &self.profile
    }

    /// How many (form, rule) pairs the last check ran and how many kept their findings.
    pub fn last_rerun(&self) -> Rerun {
        self.last
            .as_ref()
            .map_or(Rerun::default(), |l| l.findings.rerun())
    }

    /// What `check_text_lenient(text, profile)` returns, worked out again only where the
    /// text changed since the session's last check.
    pub fn check(&mut self, text: &str) -> &Report {
        let read = match crate::read::read_text_keeping(text, &mut self.kept) {
            Ok(read) => read,
            Err(e) => {
                let last = self.last.insert(Last {
                    report: crate::unreadable(&e),
                    findings: Findings::default(),
                });
                return &last.report;
            }
        };
        let resolved: Vec<(&Profile, Choice)> =
            read.forms.iter().map(|f| self.profile.resolve(f)).collect();
        let profiles: Vec<&Profile> = resolved.iter().map(|(p, _)| *p).collect();
        let mut changed = Vec::new();
        let earlier = self.last.take().and_then(|last| {
            changed = changes(&last.report, &read.forms, &resolved)?;
            (last.findings.forms() == read.forms.len()).then_some(last.findings)
        });
        let findings = rules::run(&read.forms, &profiles, earlier.map(|f| (f, &changed[..])));
        let report = crate::report(read, resolved, findings.to_vec(), &self.profile);
        &self.last.insert(Last { report, findings }).report
    }
}

/// What changed in each form since `before`, or None when the forms aren't the same forms
/// (one more or fewer). A form checked with another profile than before changed wholly;
/// a change in one form is a change to every other form's other forms.
fn changes(before: &Report, after: &[Form], resolved: &[(&Profile, Choice)]) -> Option<Vec<Reads>> {
    if before.forms.len() != after.len() || before.references != 0 {
        return None;
    }
    let mut changed: Vec<Reads> = after
        .iter()
        .zip(&before.forms)
        .zip(resolved)
        .zip(&before.choices)
        .map(|(((a, b), (_, now)), then)| {
            if now.profile == then.profile {
                form_changes(b, a)
            } else {
                Reads::ALL
            }
        })
        .collect();
    let touched = changed.iter().filter(|c| **c != Reads::NOTHING).count();
    for c in &mut changed {
        let elsewhere = touched - usize::from(*c != Reads::NOTHING);
        if elsewhere > 0 {
            *c = c.union(Reads::OTHER_FORMS);
        }
    }
    Some(changed)
}

/// What differs between two readings of a form: the roles of the indicator cells whose
/// text or place changed, or `Reads::REST` for anything else (every field is compared:
/// a field added to the model must be added here).
fn form_changes(before: &Form, after: &Form) -> Reads {
    let Form {
        kind,
        title,
        fields,
        money_unit,
        projects,
        text,
    } = before;
    if *kind != after.kind
        || *title != after.title
        || *fields != after.fields
        || *money_unit != after.money_unit
        || *text != after.text
        || projects.len() != after.projects.len()
    {
        return Reads::ALL;
    }
    projects
        .iter()
        .zip(&after.projects)
        .try_fold(Reads::NOTHING, |acc, (b, a)| {
            Some(acc.union(project_changes(b, a)?))
        })
        .unwrap_or(Reads::ALL)
}

/// The roles of the indicator cells that differ, or None when anything else does.
fn project_changes(before: &Project, after: &Project) -> Option<Reads> {
    let Project {
        row,
        name,
        cells,
        funding,
        indicators,
        headings,
        open_ended,
        graded,
    } = before;
    let same = *row == after.row
        && *name == after.name
        && *cells == after.cells
        && *funding == after.funding
        && *headings == after.headings
        && *open_ended == after.open_ended
        && *graded == after.graded
        && indicators.len() == after.indicators.len();
    if !same {
        return None;
    }
    indicators
        .iter()
        .zip(&after.indicators)
        .try_fold(Reads::NOTHING, |acc, (b, a)| {
            Some(acc.union(indicator_changes(b, a)?))
        })
}

fn indicator_changes(before: &Indicator, after: &Indicator) -> Option<Reads> {
    let Indicator {
        row,
        level1,
        level2,
        level3,
        cells,
        midterm,
    } = before;
    if *row != after.row || *midterm != after.midterm || cells.0.len() != after.cells.0.len() {
        return None;
    }
    let mut changed = Reads::NOTHING;
    for (role, b, a) in [
        (Role::Level1, level1, &after.level1),
        (Role::Level2, level2, &after.level2),
        (Role::Level3, level3, &after.level3),
    ] {
        if b != a {
            changed = changed.union(Reads::role(role));
        }
    }
    for ((rb, b), (ra, a)) in cells.0.iter().zip(&after.cells.0) {
        if rb != ra {
            return None;
        }
        if b != a {
            changed = changed.union(Reads::role(*rb));
        }
    }
    Some(changed)
}
