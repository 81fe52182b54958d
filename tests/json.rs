//! The hand-written JSON parser (`jixiao::json::parse`) against `serde_json`: what one reads
//! the other reads the same, and what either refuses gets an error with a place, not a panic.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // test helpers fail loudly by design

use jixiao::json::{parse, Value};
use proptest::prelude::*;

/// Our tree as serde_json's, numbers read by serde_json from the text we kept.
fn to_serde(v: &Value) -> serde_json::Value {
    match v {
        Value::Null => serde_json::Value::Null,
        Value::Bool(b) => serde_json::Value::Bool(*b),
        Value::Number(raw) => serde_json::from_str(raw).unwrap(),
        Value::String(s) => serde_json::Value::String(s.clone()),
        Value::Array(items) => serde_json::Value::Array(items.iter().map(to_serde).collect()),
        Value::Object(m) => {
            serde_json::Value::Object(m.iter().map(|(k, v)| (k.clone(), to_serde(v))).collect())
        }
    }
}

/// Parses with both: equal trees, or both refuse (ours saying where).
fn agree(text: &str) {
    let theirs = serde_json::from_str::<serde_json::Value>(text);
    match (parse(text), theirs) {
        (Ok(ours), Ok(theirs)) => assert_eq!(to_serde(&ours), theirs, "{text:?}"),
        (Err(e), Err(_)) => assert!(e.contains(" at line "), "{text:?}: {e}"),
        (ours, theirs) => panic!("{text:?}: ours {ours:?}, serde_json {theirs:?}"),
    }
}

#[test]
fn reads_what_serde_json_reads_and_refuses_what_it_refuses() {
    for text in [
        // Read.
        "null",
        " true ",
        "false",
        "0",
        "-0",
        "12",
        "-3.25",
        "1e2",
        "2.5E-3",
        r#""""#,
        r#""项目名称""#,
        r#""a\"b\\c\/d\b\f\n\r\t""#,
        r#""\u00e9\u4e2d\ud83d\ude00""#,
        "[]",
        "[1, [2, [3]], {}]",
        r#"{"b": 1, "a": {"c": [true, null]}}"#,
        r#"{"a": 1, "a": 2}"#,
        "\t\r\n[ 1 ,\n2 ]\n",
        r#"{"forms":[{"kind":"self-evaluation","projects":[{"name":"培训","cells":{"rate":"99.86%"}}]}]}"#,
        // Refused.
        "",
        " ",
        "{",
        "[1,]",
        "[1 2]",
        r#"{"a" 1}"#,
        r#"{"a":1,}"#,
        "{1:2}",
        r#""abc"#,
        r#""\x""#,
        r#""\u12""#,
        r#""\ud800""#,
        r#""\ud800\u0041""#,
        r#""\udc00""#,
        "\"tab\there\"",
        "01",
        "1.",
        ".5",
        "-",
        "1e",
        "+1",
        "tru",
        "nul",
        "[] x",
        "NaN",
        "'a'",
    ] {
        agree(text);
    }
}

#[test]
fn deep_nesting_is_refused_not_recursed_into() {
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let e = parse(&deep).unwrap_err();
    assert!(e.contains("recursion limit"), "{e}");
    let ok = format!("{}{}", "[".repeat(100), "]".repeat(100));
    assert!(parse(&ok).is_ok());
}

#[test]
fn errors_say_where() {
    assert_eq!(
        parse("{\n  \"a\": 1\n  \"b\": 2\n}").unwrap_err(),
        "expected `,` or `}` at line 3 column 3"
    );
    assert_eq!(
        parse("[1,]").unwrap_err(),
        "trailing comma at line 1 column 4"
    );
    assert_eq!(
        parse("").unwrap_err(),
        "EOF while parsing a value at line 1 column 0"
    );
}

#[test]
fn whole_numbers_read_as_u64_and_no_others() {
    let n = |t: &str| parse(t).unwrap().as_u64();
    assert_eq!(n("0"), Some(0));
    assert_eq!(n("18446744073709551615"), Some(u64::MAX));
    for t in ["18446744073709551616", "-1", "1.0", "1e2", "\"1\""] {
        assert_eq!(n(t), None, "{t}");
    }
}

/// JSON values built from a small alphabet (keys that repeat, strings with escapes).
fn json_value() -> impl Strategy<Value = serde_json::Value> {
    let leaf = prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::Bool),
        any::<i64>().prop_map(|n| serde_json::json!(n)),
        (-1_000_000i64..1_000_000, 0u32..6).prop_map(|(n, d)| {
            serde_json::from_str(&format!("{}.{:0>width$}", n, 7, width = d as usize + 1)).unwrap()
        }),
        "[a-c\"\\\\\u{1}\n项目%≥]{0,8}".prop_map(serde_json::Value::String),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(serde_json::Value::Array),
            prop::collection::vec(("[a-d]{0,2}", inner), 0..6)
                .prop_map(|kv| serde_json::Value::Object(kv.into_iter().collect())),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn written_json_reads_back_the_same(v in json_value(), pretty in any::<bool>()) {
        let text = if pretty { serde_json::to_string_pretty(&v) } else { serde_json::to_string(&v) }.unwrap();
        let ours = parse(&text);
        prop_assert!(ours.is_ok(), "{}: {:?}", text, ours);
        prop_assert_eq!(to_serde(&ours.unwrap()), v);
    }

    #[test]
    fn any_text_is_read_or_refused_as_serde_json_does(text in r#"[\[\]{}",:0-9.eE+\-tfnrul \\a项]{0,40}"#) {
        agree(&text);
    }
}

#[test]
fn a_huge_object_in_no_order_is_read_whole_and_the_last_repeat_wins() {
    // 200,000 keys written backwards, then a repeat of one: inserted in order one by one
    // this would move the map ~2·10¹⁰ times; read and sorted once, it is quick.
    let n = 200_000;
    let mut text = String::from("{");
    for i in (0..n).rev() {
        text.push_str(&format!("\"k{i:06}\":{i},"));
    }
    text.push_str("\"k000007\":\"again\"}");
    let v = parse(&text).unwrap();
    let m = v.as_object().unwrap();
    assert_eq!(m.len(), n);
    assert_eq!(m.get("k000007").and_then(Value::as_str), Some("again"));
    assert_eq!(m.get("k199999").and_then(Value::as_u64), Some(199_999));
    assert_eq!(m.keys().next().map(String::as_str), Some("k000000"));
}
