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
        ..Profile::default()
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
