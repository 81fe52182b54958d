//! The three real seed forms, read as a user pastes them: what is found, and what must not be flagged.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // test helpers fail loudly by design

use jixiao::diagnostic::Lang;
use jixiao::form::{FormKind, Role};
use jixiao::profile::Profile;
use jixiao::report::Report;

fn check(name: &str) -> Report {
    let path = format!("{}/tests/fixtures/seeds/{name}", env!("CARGO_MANIFEST_DIR"));
    jixiao::check_bytes(&std::fs::read(path).unwrap(), &Profile::default()).unwrap()
}

fn codes(r: &Report, code: &str) -> Vec<u32> {
    r.diagnostics
        .iter()
        .filter(|d| d.code.as_str() == code)
        .filter_map(|d| d.location.row)
        .collect()
}

#[test]
fn seed_001_is_three_target_forms_with_their_shifted_rows() {
    let r = check("001_f86cb81a918eba29.txt");
    let kinds: Vec<FormKind> = r.forms.iter().map(|f| f.kind).collect();
    assert_eq!(kinds, vec![FormKind::Target; 3]);
    let names: Vec<String> = r.forms.iter().map(|f| f.display_name().unwrap()).collect();
    assert_eq!(
        names,
        [
            "安全质量监督查处",
            "建设工程安全质量管控",
            "建设工程监督检测"
        ]
    );
    let counts: Vec<usize> = r
        .forms
        .iter()
        .map(|f| f.projects[0].indicators.len())
        .collect();
    assert_eq!(counts, vec![13, 10, 19]);
    assert_eq!(codes(&r, "S002"), vec![30, 60, 96, 99, 100]);
    assert!(!r.has_errors(), "{:#?}", r.diagnostics);
    // The shifted row 60 is read by content: its name and value, under the 时效 group.
    let ind = r.forms[1].projects[0]
        .indicators
        .iter()
        .find(|i| i.row == 60)
        .unwrap();
    assert_eq!(
        ind.level3.as_ref().unwrap().text,
        "相关审改文件的整理和汇编进行时间"
    );
    assert_eq!(ind.cells.get(Role::Target).unwrap().text, "=3月~11月");
    assert_eq!(ind.level2.as_ref().unwrap().text, "时效");
    assert_eq!(ind.level1.as_ref().unwrap().text, "产出目标");
    // Row 30: 时效 in the 一级 column becomes the 二级 label.
    let ind = r.forms[0].projects[0]
        .indicators
        .iter()
        .find(|i| i.row == 30)
        .unwrap();
    assert_eq!(ind.level2.as_ref().unwrap().text, "时效");
    assert_eq!(ind.cells.get(Role::Target).unwrap().text, "=11月底前");
    // Money in 元 with thousands separators, kept as written.
    let f = &r.forms[2];
    assert_eq!(
        f.money_unit.as_ref().unwrap().0,
        jixiao::form::MoneyUnit::Yuan
    );
    assert_eq!(
        f.projects[0].funding[0]
            .cells
            .get(Role::Amount)
            .unwrap()
            .text,
        "1,530,000"
    );
}

#[test]
fn seed_004_is_one_summary_of_fourteen_projects_with_no_false_rate_findings() {
    let r = check("004_9d9dc482990db41b.txt");
    assert_eq!(r.forms.len(), 1);
    let f = &r.forms[0];
    assert_eq!(f.kind, FormKind::SummarySelfEvaluation);
    assert_eq!(f.projects.len(), 14);
    assert_eq!(
        f.money_unit.as_ref().unwrap().0,
        jixiao::form::MoneyUnit::Wanyuan
    );
    // All 14 stated rates are correct.
    assert!(codes(&r, "R001").is_empty());
    assert!(codes(&r, "B001").is_empty());
    // Rates were read from the right cells in every row.
    for p in &f.projects {
        let total = &p.funding[0];
        assert!(
            total.cells.get(Role::Rate).unwrap().text.ends_with('%'),
            "row {}",
            p.row
        );
        assert_eq!(p.indicators.len(), 7, "row {}", p.row);
    }
    // Header announces 非财政资金 that no row carries; rows 5, 8, 13 (sheet 16, 22, 27) are short.
    assert_eq!(codes(&r, "S004"), vec![10]);
    assert_eq!(codes(&r, "S003"), vec![16, 22, 27]);
    // 应急管理专项 (sheet row 24) runs at 88.16% with an empty 存在的问题.
    assert_eq!(codes(&r, "R004"), vec![24]);
    let text = r.to_text(Lang::Zh, "004");
    assert!(text.contains("88.16%"), "{text}");
    // Row 13's lone 时效 cell is its result, with the target missing.
    let p13 = f.projects.iter().find(|p| p.row == 27).unwrap();
    let timely = &p13.indicators[2];
    assert!(timely.cells.get(Role::Target).is_none());
    assert_eq!(timely.cells.get(Role::Actual).unwrap().text, "及时完成");
}

#[test]
fn seed_003_is_a_narrative_report() {
    let r = check("003_fd178c73d5be2efc.txt");
    assert_eq!(r.forms.len(), 1);
    assert_eq!(r.forms[0].kind, FormKind::NarrativeReport);
    assert_eq!(r.forms[0].display_name().unwrap(), "安全技术服务费项目");
    assert!(r.forms[0].text.as_ref().unwrap().contains("64.086095万元"));
}

#[test]
fn seeds_json_matches_snapshot() {
    for name in [
        "001_f86cb81a918eba29.txt",
        "003_fd178c73d5be2efc.txt",
        "004_9d9dc482990db41b.txt",
    ] {
        let rec = check(name).to_record(Lang::Zh);
        insta::assert_json_snapshot!(format!("seed_{}", &name[..3]), rec);
    }
}
