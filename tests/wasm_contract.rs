//! The JavaScript shape portals rely on, checked in a real browser (wasm32 only): field types, nulls, string amounts, what throws and what does not.
#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // test helpers fail loudly by design

use jixiao::wasm::Validator;
use js_sys::{Array, Reflect, JSON};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const WRONG_RATE: &str = include_str!("fixtures/R001/invalid-wrong-rate.tsv");
const SEED_004: &str = include_str!("fixtures/seeds/004_9d9dc482990db41b.txt");
const SEED_001: &str = include_str!("fixtures/seeds/001_f86cb81a918eba29.txt");
const PAIR: &str = include_str!("fixtures/X003/invalid-lowered-target.tsv");

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &JsValue::from_str(key)).unwrap()
}

fn validator() -> Validator {
    Validator::new(JsValue::UNDEFINED).unwrap()
}

#[wasm_bindgen_test]
fn check_returns_plain_records_with_nulls_and_numbers() {
    let report = validator()
        .check(JsValue::from_str(WRONG_RATE), JsValue::UNDEFINED)
        .unwrap();
    let diags: Array = get(&report, "diagnostics").into();
    let d = diags
        .iter()
        .find(|d| get(d, "code").as_string().as_deref() == Some("R001"))
        .unwrap();
    assert_eq!(get(&d, "code").as_string().unwrap(), "R001");
    assert_eq!(get(&d, "severity").as_string().unwrap(), "error");
    assert!(get(&d, "span").is_null());
    let loc = get(&d, "location");
    assert_eq!(get(&loc, "row").as_f64(), Some(6.0));
    assert_eq!(get(&loc, "column").as_f64(), Some(7.0));
    assert_eq!(get(&loc, "cellText").as_string().unwrap(), "98.50%");
    let fix = get(&d, "fix");
    assert_eq!(get(&fix, "replacement").as_string().unwrap(), "99.86%");
    assert_eq!(get(&fix, "applicability").as_string().unwrap(), "unsafe");
    let related: Array = get(&d, "related").into();
    assert_eq!(related.length(), 2);
    let summary = get(&report, "summary");
    assert!(get(&summary, "errors").as_f64().unwrap() >= 1.0);
}

#[wasm_bindgen_test]
fn seed_004_reads_the_same_in_the_browser() {
    let report = validator()
        .check(JsValue::from_str(SEED_004), JsValue::UNDEFINED)
        .unwrap();
    let forms: Array = get(&report, "forms").into();
    assert_eq!(get(&forms.get(0), "projects").as_f64(), Some(14.0));
    assert_eq!(
        get(&forms.get(0), "moneyUnit").as_string().unwrap(),
        "wanyuan"
    );
    let json = JSON::stringify(&report).unwrap().as_string().unwrap();
    assert!(json.contains("\"R004\""));
    assert!(!json.contains("\"R001\""));
}

#[wasm_bindgen_test]
fn bad_forms_do_not_throw_but_host_misuse_does() {
    let v = validator();
    for text in ["", "\"", "\u{0}\u{1}\u{2}", "{not json"] {
        let report = v
            .check(JsValue::from_str(text), JsValue::UNDEFINED)
            .unwrap();
        assert!(
            Array::from(&get(&report, "diagnostics")).length() >= 1,
            "{text:?}"
        );
    }
    assert!(v.check(JsValue::from_f64(3.0), JsValue::UNDEFINED).is_err());
    let not_a_form = JSON::parse("{\"kind\": \"nope\"}").unwrap();
    assert!(v.check(not_a_form.clone(), JsValue::UNDEFINED).is_err());
    // An approved form that is not one is host misuse too.
    assert!(v.check(JsValue::from_str(WRONG_RATE), not_a_form).is_err());
    let bad_profile = JSON::parse("{\"profile\": \"mars\"}").unwrap();
    assert!(Validator::new(bad_profile).is_err());
    let bad_lang = JSON::parse("{\"lang\": \"fr\"}").unwrap();
    assert!(Validator::new(bad_lang).is_err());
}

#[wasm_bindgen_test]
fn values_serialize_numbers_as_strings() {
    let v = validator().parse_value(">=90%").unwrap();
    assert_eq!(get(&v, "value").as_string().unwrap(), "90");
    assert!(get(&v, "upper").is_null());
    assert_eq!(get(&v, "normalized").as_string().unwrap(), "≥90%");
}

#[wasm_bindgen_test]
fn grid_matches_check_positions() {
    let grid: Array = validator().grid(WRONG_RATE).unwrap().into();
    let row6: Array = grid.get(5).into();
    assert_eq!(row6.get(6).as_string().unwrap(), "98.50%");
}

#[wasm_bindgen_test]
fn forms_say_which_profile_checked_them_and_why() {
    let report = validator()
        .check(JsValue::from_str(SEED_001), JsValue::UNDEFINED)
        .unwrap();
    let forms: Array = get(&report, "forms").into();
    assert_eq!(forms.length(), 3);
    for f in forms.iter() {
        assert_eq!(get(&f, "profile").as_string().unwrap(), "shanghai-legacy");
        assert!(get(&f, "profileReason")
            .as_string()
            .unwrap()
            .contains("投入与管理"));
        assert_eq!(get(&f, "reference").as_bool(), Some(false));
    }
    let given = Validator::new(JSON::parse("{\"profile\": \"central-2021\"}").unwrap()).unwrap();
    let report = given
        .check(JsValue::from_str(SEED_001), JsValue::UNDEFINED)
        .unwrap();
    let forms: Array = get(&report, "forms").into();
    assert!(get(&forms.get(0), "profileReason").is_null());
}

#[wasm_bindgen_test]
fn a_self_evaluation_is_compared_with_an_approved_form_passed_alongside() {
    let at = PAIR.find("项目支出绩效自评表").unwrap();
    let (approved, own) = PAIR.split_at(at);
    let report = validator()
        .check(JsValue::from_str(own), JsValue::from_str(approved))
        .unwrap();
    let forms: Array = get(&report, "forms").into();
    assert_eq!(forms.length(), 2);
    assert_eq!(get(&forms.get(0), "reference").as_bool(), Some(true));
    let diags: Array = get(&report, "diagnostics").into();
    let codes: Vec<String> = diags
        .iter()
        .map(|d| get(&d, "code").as_string().unwrap())
        .collect();
    assert_eq!(codes, vec!["X003".to_string()]);
    let d = diags.get(0);
    assert_eq!(get(&get(&d, "location"), "form").as_f64(), Some(1.0));
}
