//! A session's check after an edit equals a fresh check of the edited text: every cell of
//! every fixture (each rule has one where it fires) and of a generated form is edited in
//! turn, so a rule that reads more than its `reads()` says is caught keeping a stale finding.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // test helpers fail loudly by design

use jixiao::diagnostic::Lang;
use jixiao::profile::Profile;
use jixiao::report::Report;
use jixiao::session::Session;
use std::path::Path;

#[path = "support/generate.rs"]
mod generate;

/// What an edit writes into a cell: emptied, a digit typed at the end, or replaced.
const EDITS: [fn(&str) -> String; 5] = [
    |_| String::new(),
    |c| format!("{c}1"),
    |_| "≥95%".to_string(),
    |_| "12.5".to_string(),
    |c| c.chars().skip(1).collect(),
];

/// The text with the cell at (`line`, `cell`) (split on newlines and tabs) rewritten.
fn edit(text: &str, line: usize, cell: usize, how: fn(&str) -> String) -> String {
    text.split('\n')
        .enumerate()
        .map(|(i, l)| {
            if i != line {
                return l.to_string();
            }
            l.split('\t')
                .enumerate()
                .map(|(j, c)| if j == cell { how(c) } else { c.to_string() })
                .collect::<Vec<_>>()
                .join("\t")
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn json(r: &Report) -> String {
    serde_json::to_string_pretty(&r.to_record(Lang::Zh)).unwrap()
}

/// Edits every cell of `text` in turn, `ways` of the `EDITS` each (each edit on top of the
/// original, so one check to the next differs in two cells), and compares the session's
/// report with a fresh one.
fn edits_match_fresh_checks(name: &str, text: &str, profile: &Profile, ways: usize) -> usize {
    let mut session = Session::new(profile.clone());
    let mut compared = 0;
    let mut check = |t: &str, what: &str| {
        let fresh = jixiao::check_text_lenient(t, profile);
        let again = session.check(t);
        assert_eq!(json(again), json(&fresh), "{name}: {what}");
        compared += 1;
    };
    check(text, "as given");
    for (i, line) in text.split('\n').enumerate() {
        for j in 0..line.split('\t').count() {
            for k in 0..ways {
                let how = EDITS[(i + j + k) % EDITS.len()];
                check(
                    &edit(text, i, j, how),
                    &format!("line {} cell {} edit {k}", i + 1, j + 1),
                );
            }
        }
    }
    check(text, "as given, again");
    compared
}

#[test]
fn a_session_after_each_edit_reports_what_a_fresh_check_does() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut files = Vec::new();
    for dir in std::fs::read_dir(&root).unwrap() {
        let dir = dir.unwrap().path();
        // The pastes beside the workbooks are copies of fixtures edited here already.
        if dir.ends_with("workbooks") {
            continue;
        }
        for f in std::fs::read_dir(dir).into_iter().flatten() {
            files.push(f.unwrap().path());
        }
    }
    files.sort();
    let mut compared = 0;
    let mut fixtures = 0;
    for path in files {
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue; // workbooks
        };
        let stem = path.file_stem().unwrap().to_string_lossy().to_string();
        let in_profiles = path.parent().is_some_and(|p| p.ends_with("profiles"));
        let profile = match stem.split_once('@') {
            Some((_, p)) => Profile::builtin(p).unwrap(),
            None if in_profiles => Profile::builtin(stem.trim_start_matches("valid-")).unwrap(),
            None => Profile::default(),
        };
        compared +=
            edits_match_fresh_checks(&path.display().to_string(), &text, &profile, EDITS.len());
        fixtures += 1;
    }
    assert!(fixtures >= 90, "only {fixtures} fixtures");
    assert!(compared > 20_000, "only {compared} checks compared");
}

#[test]
fn a_session_over_a_generated_form_reports_what_a_fresh_check_does() {
    let text = generate::self_evaluation(60, 3);
    let n = edits_match_fresh_checks("generated", &text, &Profile::default(), 1);
    assert!(n > 400, "only {n} checks compared");
}

#[test]
fn a_session_reuses_the_findings_of_rules_an_edit_does_not_reach() {
    // Reuse is only worth having if it happens: typing in a 指标值 leaves the findings of
    // rules that don't read 指标值 cells (the tree rules, the money rules) as they were, and
    // a session then matches a fresh check (tested above).
    use jixiao::form::Role;
    use jixiao::rules::{all, Reads};
    let reading = |role: Role| {
        let n = all()
            .iter()
            .filter(|r| r.reads().intersects(Reads::role(role)))
            .count();
        (n, all().len() - n)
    };
    let text = generate::self_evaluation(60, 3);
    let mut session = Session::new(Profile::default());
    session.check(&text);
    let stats = session.last_rerun();
    assert_eq!(stats.kept, 0, "{stats:?}");
    let line = text
        .split('\n')
        .position(|l| l.split('\t').nth(4).is_some_and(|c| c.contains('%')))
        .unwrap();
    let typed = edit(&text, line, 4, |c| format!("{c}1"));
    session.check(&typed);
    let stats = session.last_rerun();
    let (run, kept) = reading(Role::Target);
    assert!(kept >= 20, "only {kept} of the rules skip a 指标值 edit");
    assert_eq!((stats.run, stats.kept), (run, kept), "a 指标值 typed in");
    // A 偏差原因 (column 9) is read by S016, S017, S025, E006, E009 and the cross-form rules.
    session.check(&edit(&typed, line, 8, |_| "未完成".to_string()));
    let stats = session.last_rerun();
    let (run, kept) = reading(Role::DeviationReason);
    assert!(run <= 9, "{run} rules read a 偏差原因");
    assert_eq!((stats.run, stats.kept), (run, kept), "a 偏差原因 typed in");
}

#[test]
fn a_session_reports_unreadable_input_as_a_fresh_check_does_and_recovers() {
    let text = generate::self_evaluation(20, 5);
    let profile = Profile::default();
    let mut session = Session::new(profile.clone());
    for t in [
        text.as_str(),
        "{\"forms\": [",
        "\0\0\0binary",
        text.as_str(),
    ] {
        let fresh = jixiao::check_text_lenient(t, &profile);
        assert_eq!(json(session.check(t)), json(&fresh), "{t:.20}");
    }
}
