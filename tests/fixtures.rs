//! Every fixture file checked end to end: invalid-* files raise their folder's code, valid-* files do not, and the rendered report is snapshotted.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // test helpers fail loudly by design

use jixiao::diagnostic::Lang;
use jixiao::profile::Profile;
use std::path::{Path, PathBuf};

fn fixtures() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut files = Vec::new();
    for dir in std::fs::read_dir(&root).unwrap() {
        let dir = dir.unwrap().path();
        if !dir.is_dir() {
            continue;
        }
        for f in std::fs::read_dir(&dir).unwrap() {
            files.push(f.unwrap().path());
        }
    }
    files.sort();
    files
}

/// A folder named for a diagnostic code (S001, X004 …).
fn is_code(folder: &str) -> bool {
    let mut chars = folder.chars();
    folder.len() == 4
        && chars.next().is_some_and(|c| "SVBREX".contains(c))
        && chars.all(|c| c.is_ascii_digit())
}

fn rel(p: &Path) -> String {
    p.strip_prefix(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures"))
        .unwrap()
        .to_string_lossy()
        .replace('\\', "/")
}

/// The name of the folder a fixture sits in (its code, `clean` or `profiles`).
fn folder_of(path: &Path) -> String {
    path.parent()
        .and_then(Path::file_name)
        .map(|f| f.to_string_lossy().to_string())
        .unwrap_or_default()
}

/// The profile a fixture is checked with: `name@profile.tsv`, a file under `profiles/`
/// named `valid-<profile>.tsv`, else `auto`.
fn profile_for(path: &Path) -> Profile {
    let stem = path.file_stem().unwrap().to_string_lossy().to_string();
    let folder = folder_of(path);
    let name = match stem.split_once('@') {
        Some((_, p)) => p.to_string(),
        None if folder == "profiles" => stem.trim_start_matches("valid-").to_string(),
        None => "auto".to_string(),
    };
    Profile::builtin(&name).unwrap_or_else(|e| panic!("{}: {e}", rel(path)))
}

#[test]
fn invalid_fixtures_raise_their_code_and_valid_ones_do_not() {
    let mut checked = 0;
    for path in fixtures() {
        let profile = profile_for(&path);
        let folder = folder_of(&path);
        let file = path.file_name().unwrap().to_string_lossy().to_string();
        let report = jixiao::check_bytes(&std::fs::read(&path).unwrap(), &profile).unwrap();
        let codes: Vec<String> = report.diagnostics.iter().map(|d| d.code.as_str()).collect();
        if folder == "clean" || folder == "profiles" {
            assert!(codes.is_empty(), "{}: clean form got {codes:?}", rel(&path));
        } else if is_code(&folder) && file.starts_with("invalid-") {
            assert!(
                codes.contains(&folder),
                "{}: expected {folder}, got {codes:?}",
                rel(&path)
            );
        } else if is_code(&folder) && file.starts_with("valid-") {
            assert!(
                !codes.contains(&folder),
                "{}: unexpected {folder} in {codes:?}",
                rel(&path)
            );
        }
        checked += 1;
    }
    assert!(checked >= 90, "only {checked} fixtures found");
}

#[test]
fn reports_match_snapshots() {
    for path in fixtures() {
        let profile = profile_for(&path);
        let name = rel(&path);
        let mut report = jixiao::check_bytes(&std::fs::read(&path).unwrap(), &profile).unwrap();
        // A <CODE> folder's snapshot shows that code alone; seeds and clean forms show all.
        let folder = folder_of(&path);
        if is_code(&folder) {
            report.diagnostics.retain(|d| d.code.as_str() == folder);
        }
        let text = report.to_text(Lang::Zh, &name);
        let snap = name.replace(['/', '.'], "__");
        insta::assert_snapshot!(snap, text);
    }
}

#[test]
fn a_workbook_reads_like_the_paste_of_the_same_sheet() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let pairs = [
        (
            "xlsx/valid-central-self-evaluation.xlsx",
            "clean/valid-central-self-evaluation.tsv",
        ),
        (
            "xlsx/invalid-wrong-rate.xlsx",
            "R001/invalid-wrong-rate.tsv",
        ),
        ("xlsx/seed-004.xlsx", "seeds/004_9d9dc482990db41b.txt"),
    ];
    let profile = Profile::default();
    for (book, paste) in pairs {
        let from_book =
            jixiao::check_bytes(&std::fs::read(root.join(book)).unwrap(), &profile).unwrap();
        let from_paste =
            jixiao::check_bytes(&std::fs::read(root.join(paste)).unwrap(), &profile).unwrap();
        let seen = |r: &jixiao::report::Report| {
            r.diagnostics
                .iter()
                .map(|d| {
                    (
                        d.code,
                        d.location.row,
                        d.location.column,
                        d.message.zh.clone(),
                    )
                })
                .collect::<Vec<_>>()
        };
        assert_eq!(seen(&from_book), seen(&from_paste), "{book}");
        assert_eq!(from_book.forms.len(), from_paste.forms.len(), "{book}");
    }
}
