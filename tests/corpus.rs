//! The ratchet over real published forms (`../shared/corpus`): each expected finding the
//! committed baseline records as found (HIT) must still be found, and each must-not item it
//! records as quiet must stay quiet. Items are named, so a corrected expectation file is
//! told from a regression; forms and items the baseline does not know are reported, and
//! counted only once the baseline is written again (`JIXIAO_CORPUS_BLESS=1`).
//!
//! An item is matched as `../shared/corpus/score` matches it: a finding of its family at its
//! cell (the cell's text, or a text holding it and not much longer), or, for must and
//! should items, anywhere on a row where that text stands (or, for a text of 8 characters
//! or more, a row holding it).
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // test helpers fail loudly by design

use jixiao::profile::Profile;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

const BASELINE: &str = "tests/corpus-baseline.tsv";

/// The corpus folder: `JIXIAO_CORPUS`, else `../shared/corpus/tsv` beside the checkout.
fn corpus() -> Option<PathBuf> {
    let dir = std::env::var_os("JIXIAO_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/tsv"));
    dir.is_dir().then_some(dir)
}

/// One expected item's state: HIT / miss for must and should, ok / VIOL for must_not.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Item {
    form: String,
    kind: String,
    family: String,
    cell: String,
}

fn rows_of(lines: &[&str], want: &str) -> Vec<u32> {
    let long = want.chars().count() >= 8;
    lines
        .iter()
        .enumerate()
        .filter(|(_, line)| {
            let cells: Vec<&str> = line
                .trim_end_matches(['\n', '\r'])
                .split('\t')
                .map(str::trim)
                .collect();
            cells.contains(&want) || (long && cells.iter().any(|c| c.contains(want)))
        })
        .map(|(i, _)| (i as u32) + 1)
        .collect()
}

/// (code, row, cell text) of every finding.
type Found = Vec<(String, Option<u32>, String)>;

fn hit(found: &Found, family: &str, want: &str, rows: &[u32]) -> bool {
    let want = want.trim();
    let n = want.chars().count();
    found.iter().any(|(code, row, cell)| {
        if !code.starts_with(family) {
            return false;
        }
        let cell = cell.trim();
        let by_cell = cell == want
            || (!want.is_empty() && cell.contains(want) && cell.chars().count() < 4 * n + 20);
        by_cell || row.is_some_and(|r| rows.contains(&r))
    })
}

/// Every item of every form in the folder, with its state now.
fn score(dir: &Path) -> BTreeMap<Item, &'static str> {
    let profile = Profile::default();
    let mut out = BTreeMap::new();
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().ends_with(".expect.json"))
        .collect();
    files.sort();
    for exp in files {
        let name = exp
            .file_name()
            .unwrap()
            .to_string_lossy()
            .replace(".expect.json", "");
        let tsv = exp.with_file_name(format!("{name}.tsv"));
        let text = std::fs::read_to_string(&tsv).unwrap();
        let lines: Vec<&str> = text.split('\n').collect();
        let report = jixiao::check_bytes(text.as_bytes(), &profile)
            .unwrap_or_else(|e| panic!("{name}: can't be read: {e}"));
        let found: Found = report
            .diagnostics
            .iter()
            .map(|d| {
                (
                    d.code.as_str(),
                    d.location.row,
                    d.location
                        .cell_text
                        .as_ref()
                        .map_or(String::new(), |t| t.to_string()),
                )
            })
            .collect();
        let e: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&exp).unwrap()).unwrap();
        for kind in ["must", "should", "must_not"] {
            for it in e[kind].as_array().into_iter().flatten() {
                let family = it["family"].as_str().unwrap_or("").to_string();
                let cell = it["cell"].as_str().unwrap_or("").to_string();
                let state = if kind == "must_not" {
                    if hit(&found, &family, &cell, &[]) {
                        "VIOL"
                    } else {
                        "ok"
                    }
                } else if hit(&found, &family, &cell, &rows_of(&lines, cell.trim())) {
                    "HIT"
                } else {
                    "miss"
                };
                let item = Item {
                    form: name.clone(),
                    kind: kind.to_string(),
                    family,
                    cell,
                };
                out.insert(item, state);
            }
        }
    }
    out
}

fn one_line(s: &str) -> String {
    s.replace(['\t', '\n', '\r'], " ")
}

fn read_baseline() -> BTreeMap<Item, String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(BASELINE);
    let text = std::fs::read_to_string(path).unwrap_or_default();
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| {
            let mut f = l.split('\t');
            let (form, kind, family, cell, state) =
                (f.next()?, f.next()?, f.next()?, f.next()?, f.next()?);
            Some((
                Item {
                    form: form.into(),
                    kind: kind.into(),
                    family: family.into(),
                    cell: cell.into(),
                },
                state.to_string(),
            ))
        })
        .collect()
}

fn totals(items: &BTreeMap<Item, String>) -> String {
    let count = |kind: &str, state: &str| {
        items
            .iter()
            .filter(|(i, s)| i.kind == kind && s.as_str() == state)
            .count()
    };
    let all = |kind: &str| items.keys().filter(|i| i.kind == kind).count();
    format!(
        "MUST {}/{}, SHOULD {}/{}, must-NOT violations {}",
        count("must", "HIT"),
        all("must"),
        count("should", "HIT"),
        all("should"),
        count("must_not", "VIOL")
    )
}

#[test]
fn real_forms_keep_every_finding_the_baseline_records() {
    let Some(dir) = corpus() else {
        assert!(
            std::env::var_os("JIXIAO_REQUIRE_CORPUS").is_none(),
            "JIXIAO_REQUIRE_CORPUS is set but ../shared/corpus/tsv is not there"
        );
        eprintln!("corpus: ../shared/corpus/tsv not found (set JIXIAO_CORPUS); nothing to compare");
        return;
    };
    let now: BTreeMap<Item, String> = score(&dir)
        .into_iter()
        .map(|(i, s)| (i, s.to_string()))
        .collect();
    if std::env::var_os("JIXIAO_CORPUS_BLESS").is_some() {
        let mut text = String::from(
            "# Corpus ratchet baseline: form, kind, family, cell, state. Written by\n\
             # JIXIAO_CORPUS_BLESS=1 cargo test --test corpus; tests/corpus.rs reads it.\n",
        );
        text.push_str(&format!("# {}\n", totals(&now)));
        for (i, s) in &now {
            text.push_str(&format!(
                "{}\t{}\t{}\t{}\t{s}\n",
                i.form,
                i.kind,
                i.family,
                one_line(&i.cell)
            ));
        }
        std::fs::write(Path::new(env!("CARGO_MANIFEST_DIR")).join(BASELINE), text).unwrap();
        return;
    }
    let base = read_baseline();
    assert!(
        !base.is_empty(),
        "{BASELINE} is missing: write it with JIXIAO_CORPUS_BLESS=1"
    );
    // Items are keyed with their cell on one line, as the baseline stores them.
    let now: BTreeMap<Item, String> = now
        .into_iter()
        .map(|(i, s)| {
            (
                Item {
                    cell: one_line(&i.cell),
                    ..i
                },
                s,
            )
        })
        .collect();
    let mut lost = Vec::new();
    let mut gained = Vec::new();
    for (item, was) in &base {
        let Some(is) = now.get(item) else { continue };
        let worse = (was == "HIT" && is == "miss") || (was == "ok" && is == "VIOL");
        let better = (was == "miss" && is == "HIT") || (was == "VIOL" && is == "ok");
        let line = format!(
            "{} {} {} «{}»: {was} → {is}",
            item.form, item.kind, item.family, item.cell
        );
        if worse {
            lost.push(line);
        } else if better {
            gained.push(line);
        }
    }
    let unknown: Vec<String> = now
        .keys()
        .filter(|i| !base.contains_key(*i))
        .map(|i| format!("{} {} {} «{}»", i.form, i.kind, i.family, i.cell))
        .collect();
    let gone = base.keys().filter(|i| !now.contains_key(*i)).count();
    eprintln!("corpus now: {} (baseline: {})", totals(&now), totals(&base));
    if !gained.is_empty() {
        eprintln!(
            "gained since the baseline (write it again to keep them):\n  {}",
            gained.join("\n  ")
        );
    }
    if !unknown.is_empty() || gone > 0 {
        eprintln!(
            "{} item(s) not in the baseline (new forms or corrected expectations), {gone} baseline item(s) no longer expected:\n  {}",
            unknown.len(),
            unknown.join("\n  ")
        );
    }
    assert!(
        lost.is_empty(),
        "lost since the baseline:\n  {}",
        lost.join("\n  ")
    );
}
