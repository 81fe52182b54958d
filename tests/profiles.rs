//! Profiles as data: every built-in loads, a portal's own JSON works end to end, and settings change findings without code branches.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // test helpers fail loudly by design

use jixiao::profile::{Profile, BUILTIN};

fn fixture(p: &str) -> String {
    std::fs::read_to_string(format!("{}/tests/fixtures/{p}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

fn codes(text: &str, profile: &Profile) -> Vec<String> {
    jixiao::check_text(text, profile)
        .unwrap()
        .diagnostics
        .iter()
        .map(|d| d.code.as_str())
        .collect()
}

#[test]
fn every_builtin_profile_loads() {
    for (name, _) in BUILTIN {
        assert_eq!(Profile::builtin(name).unwrap().name, *name);
    }
}

#[test]
fn adjustment_reason_is_required_only_where_the_profile_says() {
    let text = fixture("R005/valid-auto-profile-does-not-require-a-reason.tsv");
    let auto = Profile::default();
    assert!(!codes(&text, &auto).contains(&"R005".to_string()));
    let strict = Profile {
        adjustment_reason_required: true,
        ..Profile::builtin("central-2020").unwrap()
    };
    assert!(codes(&text, &strict).contains(&"R005".to_string()));
    let explained = text.replace("\t9.5\t\n", "\t9.5\t追加培训场次 20 万元\n");
    assert!(!codes(&explained, &strict).contains(&"R005".to_string()));
}

#[test]
fn thresholds_and_formulas_come_from_the_profile() {
    let text = fixture("R004/invalid-low-rate-no-reason.tsv"); // 85.00%
    assert!(codes(&text, &Profile::default()).contains(&"R004".to_string()));
    let lenient = Profile::from_json(r#"{"name":"x","executionFloorPercent":"80","rateDecimals":2,"lowRateReasonFields":["reason"]}"#).unwrap();
    assert!(!codes(&text, &lenient).contains(&"R004".to_string()));
    // 江西-style steps: 85% scores 7, so the stated 9.5 is flagged and 7 is not.
    let steps = Profile::from_json(
        r#"{"name":"jx","executionFloorPercent":"90","rateDecimals":2,"lowRateReasonFields":["reason"],
            "scoring":{"execution":{"kind":"steps","steps":[["100","10"],["80","7"],["60","5"]]},"negative":"inverse-ratio",
                       "qualitativeBands":[{"outcome":"达成","min":"0.8","max":"1"}],"tolerance":"0.01"}}"#,
    )
    .unwrap();
    let e002 = jixiao::check_text(&text, &steps)
        .unwrap()
        .diagnostics
        .into_iter()
        .find(|d| d.code.as_str() == "E002")
        .unwrap();
    assert!(e002.message.zh.contains("应为 7.00"), "{}", e002.message.zh);
    // Severity overrides.
    let strict = Profile::from_json(r#"{"name":"s","executionFloorPercent":"90","rateDecimals":2,"lowRateReasonFields":["reason"],"severity":{"R004":"error"}}"#).unwrap();
    let r = jixiao::check_text(&text, &strict).unwrap();
    assert!(r
        .diagnostics
        .iter()
        .any(|d| d.code.as_str() == "R004" && d.severity == jixiao::diagnostic::Severity::Error));
}

#[test]
fn the_cli_takes_a_profile_file() {
    let dir = std::env::temp_dir().join(format!("jixiao-profile-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let good = dir.join("mine.json");
    std::fs::write(&good, r#"{"name":"mine","executionFloorPercent":"80","rateDecimals":2,"lowRateReasonFields":["reason"]}"#).unwrap();
    let bad = dir.join("bad.json");
    std::fs::write(&bad, r#"{"name":"bad","executionFloorPercent":"eighty","rateDecimals":2,"lowRateReasonFields":["reason"]}"#).unwrap();
    let path = format!(
        "{}/tests/fixtures/R004/invalid-low-rate-no-reason.tsv",
        env!("CARGO_MANIFEST_DIR")
    );
    let run = |p: &std::path::Path| {
        std::process::Command::new(env!("CARGO_BIN_EXE_jixiao"))
            .args(["check", "--profile", p.to_str().unwrap(), &path])
            .output()
            .unwrap()
    };
    let ok = run(&good);
    assert!(!String::from_utf8_lossy(&ok.stdout).contains("[warning R004]"));
    let err = run(&bad);
    assert_eq!(err.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&err.stderr).contains("executionFloorPercent"),
        "{}",
        String::from_utf8_lossy(&err.stderr)
    );
}

/// The profile `auto` picks for each form of `text`, and why.
fn chosen(text: &str) -> Vec<(String, String)> {
    jixiao::check_text(text, &Profile::default())
        .unwrap()
        .choices
        .iter()
        .map(|c| {
            let why = c.reason.as_ref().map(|m| m.zh.clone()).unwrap_or_default();
            (c.profile.clone(), why)
        })
        .collect()
}

#[test]
fn auto_detects_the_layout_and_says_why() {
    let cases = [
        (
            "seeds/001_f86cb81a918eba29.txt",
            "shanghai-legacy",
            "投入与管理",
        ),
        (
            "seeds/004_9d9dc482990db41b.txt",
            "central-2020",
            "汇总绩效自评表",
        ),
        (
            "seeds/003_fd178c73d5be2efc.txt",
            "central-2020",
            "绩效自评报告",
        ),
        (
            "profiles/valid-central-2021.tsv",
            "central-2021",
            "成本指标",
        ),
        (
            "profiles/valid-sichuan-2023.tsv",
            "sichuan-2023",
            "财政专户管理资金",
        ),
        // A 指标性质 column alone is no regional clue: 云南 and 湖南 forms carry one too.
        ("V007/valid-split-layout.tsv", "central-2020", "按默认"),
        (
            "profiles/valid-shanghai-legacy.tsv",
            "shanghai-legacy",
            "投入与管理",
        ),
        (
            "clean/valid-central-self-evaluation.tsv",
            "central-2020",
            "按默认",
        ),
    ];
    for (file, want, clue) in cases {
        let got = chosen(&fixture(file));
        assert!(!got.is_empty(), "{file}");
        for (profile, why) in &got {
            assert_eq!(profile, want, "{file}");
            assert!(why.contains(clue), "{file}: {why}");
        }
    }
    assert_eq!(chosen(&fixture("seeds/001_f86cb81a918eba29.txt")).len(), 3);
}

#[test]
fn a_given_profile_is_used_as_is() {
    let text = fixture("profiles/valid-central-2021.tsv");
    let p = Profile::builtin("central-2020").unwrap();
    let r = jixiao::check_text(&text, &p).unwrap();
    assert_eq!(r.choices[0].profile, "central-2020");
    assert!(r.choices[0].reason.is_none());
    // The 2021 tree's 成本指标 is a 二级 (under 产出) in the 2020 tree.
    assert!(codes(&text, &p).contains(&"S013".to_string()));
}

#[test]
fn each_profile_accepts_its_clean_form_and_varies_where_its_data_does() {
    // (fixture, profile that accepts it, code it raises under another profile, that profile)
    let cases = [
        ("profiles/valid-hubei.tsv", "hubei", "E003", "central-2021"),
        (
            "profiles/valid-jiangxi.tsv",
            "jiangxi",
            "E002",
            "central-2021",
        ),
        (
            "E006/invalid-over-130-without-reason@guangxi.tsv",
            "central-2021",
            "E006",
            "guangxi",
        ),
        (
            "profiles/valid-central-2021.tsv",
            "central-2021",
            "S009",
            "shanghai-legacy",
        ),
        (
            "S013/invalid-cost-as-level2@central-2021.tsv",
            "central-2020",
            "S013",
            "central-2021",
        ),
        (
            "S017/invalid-problems-over-200@sichuan-2023.tsv",
            "central-2021",
            "S017",
            "sichuan-2023",
        ),
    ];
    for (file, ok, code, other) in cases {
        let text = fixture(file);
        let under_ok = codes(&text, &Profile::builtin(ok).unwrap());
        assert!(
            !under_ok.contains(&code.to_string()),
            "{file} under {ok}: {under_ok:?}"
        );
        let under_other = codes(&text, &Profile::builtin(other).unwrap());
        assert!(
            under_other.contains(&code.to_string()),
            "{file} under {other}: {under_other:?}"
        );
    }
}

#[test]
fn a_portal_profile_extends_a_builtin() {
    let text = fixture("S010/invalid-no-timeliness.tsv");
    assert!(codes(&text, &Profile::default()).contains(&"S010".to_string()));
    // A portal whose template has no 时效 requirement: the sichuan tree, central scoring.
    let own =
        Profile::from_json(r#"{"extends":"central-2020","name":"portal","tree":"sichuan-2023"}"#)
            .unwrap();
    assert!(!codes(&text, &own).contains(&"S010".to_string()));
    let quiet =
        Profile::from_json(r#"{"extends":"central-2020","name":"q","severity":{"S010":"info"}}"#)
            .unwrap();
    let r = jixiao::check_text(&text, &quiet).unwrap();
    let d = r
        .diagnostics
        .iter()
        .find(|d| d.code.as_str() == "S010")
        .unwrap();
    assert_eq!(d.severity, jixiao::diagnostic::Severity::Info);
}

#[test]
fn the_readme_profile_example_loads_and_works() {
    let readme =
        std::fs::read_to_string(format!("{}/README.md", env!("CARGO_MANIFEST_DIR"))).unwrap();
    let start = readme.find("A complete profile").unwrap();
    let block = &readme[start..];
    let json = &block[block.find("```json\n").unwrap() + 8..];
    let json = &json[..json.find("```").unwrap()];
    let p = Profile::from_json(json).unwrap();
    assert_eq!(p.name, "my-city-2024");
    assert_eq!(p.tree.level1.len(), 4);
    // Its own floor (85%) and severity (S009 as info) apply.
    let text = fixture("R004/invalid-low-rate-no-reason.tsv"); // 85.00%
    assert!(!codes(&text, &p).contains(&"R004".to_string()));
    let r = jixiao::check_text(&fixture("S009/invalid-no-satisfaction.tsv"), &p).unwrap();
    assert!(r
        .diagnostics
        .iter()
        .any(|d| d.code.as_str() == "S009" && d.severity == jixiao::diagnostic::Severity::Info));
}
