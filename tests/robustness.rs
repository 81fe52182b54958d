//! Bad input of any kind gives diagnostics or a clear error, never a panic: property tests and hostile inputs.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // test helpers fail loudly by design

use jixiao::profile::Profile;
use jixiao::read::{self, ReadError};
use proptest::prelude::*;

const ALPHABET: &str =
    "\t\n\r\"一级二级三级指标值项目名称执行率≥≤%％=<>~0123456789.,，：:万元 —/不适用a";

fn pasteish() -> impl Strategy<Value = String> {
    let chars: Vec<char> = ALPHABET.chars().collect();
    prop::collection::vec(prop::sample::select(chars), 0..400).prop_map(|v| v.into_iter().collect())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn span_has_agrees_with_contains(hay in pasteish(), from in 0usize..400, len in 0usize..6) {
        // Needles cut from the haystack (found) and from the alphabet's own runs (mostly not).
        let chars: Vec<char> = hay.chars().collect();
        let start = from.min(chars.len());
        let cut: String = chars.iter().skip(start).take(len).collect();
        let other: String = ALPHABET.chars().skip(from % 40).take(len).collect();
        for needle in [cut, other] {
            prop_assert_eq!(jixiao::span::has(&hay, &needle), hay.contains(needle.as_str()), "{:?} / {:?}", hay, needle);
        }
    }

    #[test]
    fn check_never_panics_on_pasteish_text(text in pasteish()) {
        let _ = jixiao::check_text_lenient(&text, &Profile::default());
    }

    #[test]
    fn check_never_panics_on_any_string(text in ".{0,300}") {
        let _ = jixiao::check_text_lenient(&text, &Profile::default());
    }

    #[test]
    fn grid_keeps_every_character_outside_quotes(text in "[a-z\t\n一≥]{0,200}") {
        let g = read::grid::parse(&text);
        let joined: Vec<String> = g.rows.iter().map(|r| r.iter().map(|c| c.as_str()).collect::<Vec<_>>().join("\t")).collect();
        let expected = text.strip_suffix('\n').unwrap_or(&text);
        prop_assert_eq!(joined.join("\n"), expected);
    }

    #[test]
    fn a_patched_grid_is_the_parse_of_the_edited_text(
        before in "[ab\t\n\r\"一]{0,40}",
        at in 0usize..41,
        near_end in proptest::bool::ANY,
        cut in 0usize..4,
        put in "[ab\t\n\r\"一]{0,3}",
    ) {
        // One edit: `cut` characters at character `at` (or `at` from the end, where rows
        // come and go) replaced by `put`.
        let chars: Vec<char> = before.chars().collect();
        let at = if near_end { chars.len().saturating_sub(at % 4) } else { at.min(chars.len()) };
        let end = (at + cut).min(chars.len());
        let after: String = chars[..at].iter().chain(put.chars().collect::<Vec<_>>().iter()).chain(chars[end..].iter()).collect();
        let mut g = read::grid::parse(&before);
        if read::grid::patch(&mut g, &before, &after) {
            prop_assert_eq!(g, read::grid::parse(&after));
        } else {
            prop_assert_eq!(g, read::grid::parse(&before));
        }
    }

    #[test]
    fn value_parse_never_panics(text in ".{0,60}") {
        let _ = jixiao::value::parse(&text);
    }
}

#[test]
fn hostile_inputs_are_handled() {
    let profile = Profile::default();
    // Unbalanced quotes everywhere, a single cell, only separators.
    for text in [
        "\"",
        "\"\"\"",
        "\"a\tb\n\"c",
        "\t\t\t\n\n\n",
        "一级指标",
        "一级指标\t二级指标\t三级指标\t指标值\n\t\t\t",
    ] {
        let r = jixiao::check_text(text, &profile).unwrap();
        let _ = r.to_text(jixiao::diagnostic::Lang::Zh, "x");
    }
    // 10 MB of text reads; over the limit is a clear error.
    let big = "项目名称\t某项目\n一级指标\t二级指标\t三级指标\t指标值\n".to_string()
        + &"产出指标\t数量指标\t培训人次\t≥300人次\n".repeat(10 * 1024 * 1024 / 40);
    let r = jixiao::check_text(&big, &profile).unwrap();
    assert!(r.forms[0].projects[0].indicators.len() > 200_000);
    let huge = "a".repeat(read::MAX_INPUT_BYTES + 1);
    assert!(matches!(
        jixiao::check_text(&huge, &profile),
        Err(ReadError::TooLarge { .. })
    ));
    // Binary and broken encodings.
    assert_eq!(
        read::read_bytes(&[0, 1, 2, 3, 0xff]).unwrap_err(),
        ReadError::NotText
    );
    assert_eq!(
        read::read_bytes(&[0xc3, 0x28, 0xff, 0xff]).unwrap_err(),
        ReadError::NotText
    );
    // GBK, as Chinese-locale Excel saves a .txt/.csv: 项目名称 / 甲 / 一级指标 …
    let (gbk, _, bad) = encoding_rs::GBK
        .encode("项目名称\t甲\n一级指标\t二级指标\t三级指标\t指标值\n产出\t数量\t人次\t≥1人\n");
    assert!(!bad);
    let r = jixiao::check_bytes(&gbk, &profile).unwrap();
    assert_eq!(r.forms[0].display_name().as_deref(), Some("甲"));
    // UTF-16 with BOM, as some exports save it.
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(
            "项目名称\t甲\n一级指标\t二级指标\t三级指标\t指标值\n产出\t数量\t人次\t≥1人\n"
                .encode_utf16()
                .flat_map(u16::to_le_bytes),
        )
        .collect();
    let r = jixiao::check_bytes(&utf16, &profile).unwrap();
    assert_eq!(r.forms[0].display_name().as_deref(), Some("甲"));
    // Numbers far out of range, and far too fine, are findings, not panics.
    let numbers = "项目支出绩效自评表\n项目名称\t甲\n项目资金（万元）\t\t年初预算数\t全年预算数\t全年执行数\t执行率\n\t年度资金总额\t1e40\t99999999999999999999999999999999\t0.000000000000000000000001\t1e-30%\n\t其中：当年财政拨款\t79228162514264337593543950335\t79228162514264337593543950335\t1\t—\n一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\n产出\t数量\t人次\t≥1e40人\t0.0000000000000000000000000001人\n";
    let r = jixiao::check_text(numbers, &profile).unwrap();
    assert!(r.diagnostics.iter().any(|d| d.code.as_str() == "B001"));
    let _ = r.to_record(jixiao::diagnostic::Lang::Zh);
    // A 1 MB cell, and a 100,000-row form.
    let cell = "很长的说明".repeat(1024 * 1024 / 15);
    let text =
        format!("项目名称\t甲\n一级指标\t二级指标\t三级指标\t指标值\n产出\t数量\t{cell}\t≥1人\n");
    let r = jixiao::check_text(&text, &profile).unwrap();
    assert!(r.diagnostics.iter().any(|d| d.code.as_str() == "S017"));
    let rows = "产出指标\t数量指标\t培训人次\t≥300人次\n".repeat(100_000);
    let r = jixiao::check_text(
        &format!("项目名称\t甲\n一级指标\t二级指标\t三级指标\t指标值\n{rows}"),
        &profile,
    )
    .unwrap();
    assert_eq!(r.forms[0].projects[0].indicators.len(), 100_000);
    // Broken JSON is an error naming the problem.
    let e = jixiao::check_text("{\"forms\": [{\"kind\": \"nope\"}]}", &profile).unwrap_err();
    assert!(e.to_string().contains("nope"), "{e}");
}

#[test]
fn json_in_the_model_shape_round_trips() {
    let profile = Profile::default();
    let text = std::fs::read_to_string(format!(
        "{}/tests/fixtures/R001/invalid-wrong-rate.tsv",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let from_tsv = jixiao::check_text(&text, &profile).unwrap();
    let json = serde_json::to_string(&serde_json::json!({ "forms": from_tsv.forms })).unwrap();
    let from_json = jixiao::check_text(&json, &profile).unwrap();
    let codes = |r: &jixiao::report::Report| {
        r.diagnostics
            .iter()
            .map(|d| (d.code, d.location.row, d.location.column))
            .collect::<Vec<_>>()
    };
    assert_eq!(codes(&from_tsv), codes(&from_json));
    // A portal may pass plain strings for cells.
    let minimal = r#"{"kind":"self-evaluation","title":null,"projects":[{"funding":[{"label":"年度资金总额","source":"total","cells":[["budgetAdjusted","257"],["executed","256.63"],["rate","98.50%"]]}]}]}"#;
    let r = jixiao::check_text(minimal, &profile).unwrap();
    let found: Vec<String> = r.diagnostics.iter().map(|d| d.code.as_str()).collect();
    assert!(found.contains(&"R001".to_string()), "{found:?}");
    // No indicator table in it: said once, as info.
    assert_eq!(
        found.iter().filter(|c| *c == "S019").count(),
        1,
        "{found:?}"
    );
}
