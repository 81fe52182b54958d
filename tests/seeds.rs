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
    // Its 三级 names run to 151 字: pmkpi's 100-字 limit is not shanghai-legacy's (S017).
    let longest = r
        .forms
        .iter()
        .flat_map(|f| &f.projects[0].indicators)
        .filter_map(|i| i.level3.as_ref())
        .map(|c| c.as_str().chars().count())
        .max();
    assert_eq!(longest, Some(151));
    assert!(codes(&r, "S017").is_empty());
    // The shifted row 60 is read by content: its name and value, under the 时效 group.
    let ind = r.forms[1].projects[0]
        .indicators
        .iter()
        .find(|i| i.row == 60)
        .unwrap();
    assert_eq!(
        ind.level3.as_ref().unwrap().as_str(),
        "相关审改文件的整理和汇编进行时间"
    );
    assert_eq!(ind.cells.get(Role::Target).unwrap().as_str(), "=3月~11月");
    assert_eq!(ind.level2.as_ref().unwrap().as_str(), "时效");
    assert_eq!(ind.level1.as_ref().unwrap().as_str(), "产出目标");
    // Row 30: 时效 in the 一级 column becomes the 二级 label.
    let ind = r.forms[0].projects[0]
        .indicators
        .iter()
        .find(|i| i.row == 30)
        .unwrap();
    assert_eq!(ind.level2.as_ref().unwrap().as_str(), "时效");
    assert_eq!(ind.cells.get(Role::Target).unwrap().as_str(), "=11月底前");
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
            .as_str(),
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
    assert_eq!(timely.cells.get(Role::Actual).unwrap().as_str(), "及时完成");
}

#[test]
fn seed_003_is_a_narrative_report_whose_figures_are_checked() {
    let r = check("003_fd178c73d5be2efc.txt");
    assert_eq!(r.forms.len(), 1);
    let f = &r.forms[0];
    assert_eq!(f.kind, FormKind::NarrativeReport);
    assert_eq!(f.display_name().unwrap(), "安全技术服务费项目");
    assert!(f.text.as_ref().unwrap().contains("64.086095万元"));
    // 64 = 40 + 16 + 8 and 40万 + 159800元 + 81060.95元 = 64.086095万: read, and no B002.
    let funding = &f.projects[0].funding;
    let col = |role: Role| -> Vec<&str> {
        funding
            .iter()
            .filter_map(|r| r.cells.get(role))
            .map(|c| c.as_str())
            .collect()
    };
    assert_eq!(
        col(Role::BudgetAdjusted),
        ["64万元", "40万元", "16万元", "8万元"]
    );
    assert_eq!(
        col(Role::Executed),
        ["64.086095万元", "40万元", "159800元", "81060.95元"]
    );
    assert!(codes(&r, "B002").is_empty());
    // 64.086095 / 64 = 100.13%: over-execution, located at the 全年执行数 figure on line 25.
    let over = r
        .diagnostics
        .iter()
        .find(|d| d.code.as_str() == "R003")
        .unwrap();
    assert!(over.message.zh.contains("100.13%"));
    assert_eq!(over.location.row, Some(25));
    assert_eq!(over.location.cell_text.as_deref(), Some("64.086095万元"));
    // 网络通讯费 8.11万元 against ≤8万元, beside the report's "未发生偏离".
    let missed: Vec<_> = r
        .diagnostics
        .iter()
        .filter(|d| d.code.as_str() == "E007")
        .collect();
    assert_eq!(missed.len(), 1, "{missed:#?}");
    assert!(
        missed[0].message.zh.contains("网络通讯费") && missed[0].message.zh.contains("未发生偏离")
    );
    assert_eq!(missed[0].related.len(), 2);
    // The other pairs (≤40万元 vs 40万元, ≤16万元 vs 15.98万元, ≥95% vs 95%) are met.
    assert_eq!(f.projects[0].indicators.len(), 9);
}

#[test]
fn seed_001_money_raises_no_arithmetic_findings() {
    let r = check("001_f86cb81a918eba29.txt");
    assert!(
        r.diagnostics
            .iter()
            .all(|d| !matches!(&d.code.as_str()[..1], "B" | "R" | "E")),
        "{:#?}",
        r.diagnostics
    );
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

/// Seed 004 with one data row edited by `edit` (given the row's cells, blank ends trimmed).
fn check_004_with(index: &str, edit: impl Fn(&mut Vec<String>)) -> Report {
    let path = format!(
        "{}/tests/fixtures/seeds/004_9d9dc482990db41b.txt",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(path).unwrap();
    let lines: Vec<String> = text
        .lines()
        .map(|line| {
            if !line.starts_with(&format!("{index}\t")) {
                return line.to_string();
            }
            let mut cells: Vec<String> = line
                .trim_end_matches('\t')
                .split('\t')
                .map(str::to_string)
                .collect();
            edit(&mut cells);
            cells.join("\t")
        })
        .collect();
    jixiao::check_text(&lines.join("\n"), &Profile::default()).unwrap()
}

#[test]
fn seed_004_rows_with_a_cell_too_many_or_two_too_few_are_reported_where_they_go_wrong() {
    // Row 1 (sheet row 12): text beyond the two blank tail columns.
    let r = check_004_with("1", |cells| {
        cells.extend(["".into(), "".into(), "多出的内容".into()]);
    });
    let extra: Vec<_> = r
        .diagnostics
        .iter()
        .filter(|d| d.code.as_str() == "S005")
        .collect();
    assert_eq!(extra.len(), 1, "{:?}", r.diagnostics);
    assert_eq!(extra[0].location.row, Some(12));
    assert_eq!(extra[0].location.cell_text.as_deref(), Some("多出的内容"));
    let p = &r.forms[0].projects[0];
    assert_eq!(p.indicators.len(), 7);
    assert!(p.cells.get(Role::Problems).unwrap().is_blank());

    // Row 1 missing its first pair (数量 target and result): which two can't be told.
    let r = check_004_with("1", |cells| {
        cells.drain(9..11);
    });
    let short: Vec<_> = r
        .diagnostics
        .iter()
        .filter(|d| d.code.as_str() == "S003" && d.location.row == Some(12))
        .collect();
    assert_eq!(short.len(), 1, "{:?}", r.diagnostics);
    assert!(
        short[0].message.zh.contains("少 2 个指标单元格"),
        "{}",
        short[0].message.zh
    );
    // Read in order: the pairs that remain fill the first slots.
    let p = &r.forms[0].projects[0];
    let target = p.indicators[0].cells.get(Role::Target).unwrap();
    assert!(target.text.contains("100%通过验收"), "{}", &*target.text);
    assert!(p.indicators[6].cells.get(Role::Target).is_none());
}

#[test]
fn seed_004_checked_again_reads_its_short_rows_the_same() {
    // The second check finds each short row's missing cell in the memo table.
    let first = check("004_9d9dc482990db41b.txt").to_text(Lang::Zh, "004");
    let again = check("004_9d9dc482990db41b.txt").to_text(Lang::Zh, "004");
    assert_eq!(first, again);
    assert!(first.contains("缺少的是「质量指标」"), "{first}");
}
