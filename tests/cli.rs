//! Drives the `jixiao` binary as a user or a batch script would: exit codes, JSON shape, stdin, text output.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // test helpers fail loudly by design

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn fixture(p: &str) -> String {
    format!("{}/tests/fixtures/{p}", env!("CARGO_MANIFEST_DIR"))
}

fn run(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_jixiao"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    // The program may exit before reading (usage errors): a closed pipe is fine.
    let _ = input.write_all(stdin.unwrap_or(b""));
    drop(input);
    child.wait_with_output().unwrap()
}

fn json(out: &Output) -> serde_json::Value {
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn exit_codes_follow_the_contract() {
    let cases: &[(&[&str], i32)] = &[
        (&["check", "clean/valid-central-self-evaluation.tsv"], 0),
        (&["check", "seeds/001_f86cb81a918eba29.txt"], 0),
        (&["check", "seeds/004_9d9dc482990db41b.txt"], 0),
        (&["check", "R001/invalid-wrong-rate.tsv"], 1),
        (&["check", "S001/invalid-empty.tsv"], 1),
        (&["check", "no/such/file.tsv"], 2),
    ];
    for (args, want) in cases {
        let mut a: Vec<String> = args.iter().map(|s| s.to_string()).collect();
        if let Some(last) = a.last_mut() {
            *last = fixture(last);
        }
        let refs: Vec<&str> = a.iter().map(String::as_str).collect();
        let out = run(&refs, None);
        assert_eq!(
            out.status.code(),
            Some(*want),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

#[test]
fn usage_errors_and_binary_input_exit_2_with_a_message() {
    for args in [
        &["check"][..],
        &["check", "--format", "xml", "x"],
        &["frobnicate"],
        &["check", "--profile", "mars", "-"],
    ] {
        let out = run(args, Some(b"x"));
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(!out.stderr.is_empty(), "{args:?}");
    }
    let out = run(&["check", "-"], Some(&[0u8, 159, 146, 150, 0, 1, 2, 3]));
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("不是文本"));
}

#[test]
fn json_output_has_forms_and_diagnostics_with_locations() {
    let out = run(
        &[
            "check",
            "--format",
            "json",
            &fixture("seeds/004_9d9dc482990db41b.txt"),
        ],
        None,
    );
    let v = json(&out);
    assert_eq!(v["forms"][0]["kind"], "summary-self-evaluation");
    assert_eq!(v["forms"][0]["projects"], 14);
    let d = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "R004")
        .unwrap();
    assert_eq!(d["severity"], "warning");
    assert_eq!(d["location"]["row"], 24);
    assert_eq!(d["location"]["column"], 7);
    assert_eq!(d["location"]["field"], "rate");
    assert_eq!(d["location"]["cellText"], "88.16%");
    assert!(d["message"].as_str().unwrap().contains("88.16%"));
    assert!(d["span"].is_null());
}

#[test]
fn reads_stdin_and_speaks_english_on_request() {
    let paste = std::fs::read(fixture("R001/invalid-wrong-rate.tsv")).unwrap();
    let out = run(&["check", "--lang", "en", "-"], Some(&paste));
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("[error R001]"), "{text}");
    assert!(text.contains("Execution rate is 98.50%"), "{text}");
    assert!(text.contains("row 6 col G(execution rate)"), "{text}");
}

#[test]
fn several_files_give_one_entry_each() {
    let out = run(
        &[
            "check",
            "--format",
            "json",
            &fixture("clean/valid-central-self-evaluation.tsv"),
            &fixture("R001/invalid-wrong-rate.tsv"),
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(1));
    let v = json(&out);
    let files = v["files"].as_array().unwrap();
    assert_eq!(files.len(), 2);
    assert!(files[1]["file"]
        .as_str()
        .unwrap()
        .ends_with("invalid-wrong-rate.tsv"));
}

#[test]
fn value_prints_the_typed_reading() {
    let out = run(&["value", ">=90%"], None);
    assert_eq!(out.status.code(), Some(0));
    let v = json(&out);
    assert_eq!(v["kind"], "quantitative");
    assert_eq!(v["comparator"], "≥");
    assert_eq!(v["value"], "90");
    assert_eq!(v["upper"], serde_json::Value::Null);
    assert_eq!(v["unit"], "%");
    assert_eq!(v["dimension"], "percent");
    assert_eq!(v["direction"], "positive");
    assert_eq!(v["normalized"], "≥90%");
    // Sichuan layout: comparator and unit in their own columns.
    let split = json(&run(&["value", "90", "--op", "≥", "--unit", "%"], None));
    assert_eq!(split["normalized"], v["normalized"]);
    // Diagnostics carry UTF-16 spans and fixes.
    let d = json(&run(&["value", ">=≥90%"], None));
    assert_eq!(d["diagnostics"][0]["kind"], "DoubledComparator");
    assert_eq!(d["diagnostics"][0]["span"]["start"], 0);
    assert_eq!(d["diagnostics"][0]["span"]["end"], 3);
    assert_eq!(d["diagnostics"][0]["fix"]["replacement"], "≥90%");
}

#[test]
fn codes_lists_the_catalog() {
    let out = run(&["codes", "--format", "json"], None);
    let v = json(&out);
    let codes: Vec<&str> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["code"].as_str().unwrap())
        .collect();
    assert!(codes.contains(&"R001") && codes.contains(&"S002"));
}

#[test]
fn approved_targets_come_from_another_file() {
    let pair = std::fs::read_to_string(fixture("X004/invalid-budget-differs.tsv")).unwrap();
    let at = pair.find("项目支出绩效自评表").unwrap();
    let dir = std::env::temp_dir().join(format!("jixiao-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let (approved, own) = (dir.join("target.tsv"), dir.join("self.tsv"));
    std::fs::write(&approved, &pair[..at]).unwrap();
    std::fs::write(&own, &pair[at..]).unwrap();
    let out = run(
        &[
            "check",
            "--format",
            "json",
            "--approved",
            approved.to_str().unwrap(),
            own.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v = json(&out);
    assert_eq!(v["forms"][0]["reference"], true);
    assert_eq!(v["forms"][1]["reference"], false);
    let codes: Vec<&str> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["X004"]);
    // Without the approved file the self-evaluation alone is clean.
    let alone = run(&["check", own.to_str().unwrap()], None);
    assert!(!String::from_utf8_lossy(&alone.stdout).contains("X004"));
    let missing = run(
        &["check", "--approved", "no/such.tsv", own.to_str().unwrap()],
        None,
    );
    assert_eq!(missing.status.code(), Some(2));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_folder_is_checked_as_a_batch_with_tables_for_excel() {
    // A reviewer's folder: two workbooks, a paste, a file that can't be read, a lock file.
    let dir = std::env::temp_dir().join(format!("jixiao-batch-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("二科")).unwrap();
    for (from, to) in [
        ("workbooks/xlsxwriter-two-forms.xlsx", "甲.xlsx"),
        ("workbooks/xlwt-instructions-first.xls", "二科/乙.xls"),
        ("R001/invalid-wrong-rate.tsv", "二科/丙.tsv"),
    ] {
        std::fs::copy(fixture(from), dir.join(to)).unwrap();
    }
    std::fs::write(dir.join("坏.xlsx"), b"PK\x03\x04broken").unwrap();
    std::fs::write(dir.join("~$甲.xlsx"), b"lock").unwrap();
    std::fs::write(dir.join("说明.pdf"), b"%PDF").unwrap();
    let d = dir.to_str().unwrap();

    let out = run(&["check", "--summary", "csv", d], None);
    assert_eq!(
        out.status.code(),
        Some(2),
        "an unreadable file makes the exit 2"
    );
    let table = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = table.lines().collect();
    assert_eq!(lines[0], "\u{feff}文件,工作表,表,类型,项目,错误,警告,提示");
    // 丙.tsv, 乙.xls 目标表, 坏.xlsx (unreadable), 甲.xlsx 目标表 and 自评表: in path order.
    assert_eq!(lines.len(), 6, "{table}");
    assert!(lines[1].contains("丙.tsv,,1,绩效自评表"), "{}", lines[1]);
    assert!(
        lines[2].contains("乙.xls,目标表,1,绩效目标表,农村公路安全生命防护工程,0,0,0"),
        "{}",
        lines[2]
    );
    assert!(lines[3].contains("坏.xlsx,,,无法读取,"), "{}", lines[3]);
    assert!(
        lines[4].contains("甲.xlsx,目标表,1,绩效目标表"),
        "{}",
        lines[4]
    );
    assert!(
        lines[5].contains("甲.xlsx,自评表,1,绩效自评表,社区安全培训,0,0,0"),
        "{}",
        lines[5]
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("坏.xlsx"));

    let out = run(&["check", "--format", "csv", &format!("{d}/二科")], None);
    assert_eq!(out.status.code(), Some(1));
    let table = String::from_utf8(out.stdout).unwrap();
    assert!(table.starts_with("\u{feff}文件,工作表,表,单元格,代码,级别,问题,修改建议"));
    let r001 = table.lines().find(|l| l.contains(",R001,")).unwrap();
    assert!(
        r001.contains(",G6,R001,error,"),
        "the cell as Excel names it: {r001}"
    );
    assert!(
        !table.lines().any(|l| l.contains("乙.xls")),
        "a clean sheet has no rows: {table}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_folder_of_a_thousand_mixed_files_is_one_command() {
    // Pastes, workbooks of every kind, Word documents and broken files, 1,000 in all.
    let dir = std::env::temp_dir().join(format!("jixiao-thousand-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let sources = [
        ("clean/valid-central-self-evaluation.tsv", "tsv", 1),
        ("R001/invalid-wrong-rate.tsv", "tsv", 1),
        ("workbooks/xlsxwriter-two-forms.xlsx", "xlsx", 2),
        ("workbooks/libreoffice-seed-004.xls", "xls", 1),
        ("workbooks/libreoffice-xlsxwriter-two-forms.ods", "ods", 2),
        ("workbooks/python-docx-report.docx", "docx", 2),
    ];
    let mut forms = 0;
    let mut broken = 0;
    for i in 0..1000 {
        if i % 50 == 49 {
            std::fs::write(
                dir.join(format!("{i:04}.xlsx")),
                b"PK\x03\x04not a workbook",
            )
            .unwrap();
            broken += 1;
            continue;
        }
        let (src, ext, n) = sources[i % sources.len()];
        std::fs::copy(fixture(src), dir.join(format!("{i:04}.{ext}"))).unwrap();
        forms += n;
    }
    let out = run(&["check", "--summary", "csv", dir.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(2), "broken files make the exit 2");
    let table = String::from_utf8(out.stdout).unwrap();
    let rows: Vec<&str> = table.lines().skip(1).collect();
    assert_eq!(
        rows.len(),
        forms + broken,
        "a row per form and per unreadable file"
    );
    assert_eq!(
        rows.iter().filter(|r| r.contains(",无法读取,")).count(),
        broken
    );
    let out = run(&["check", "--format", "csv", dir.to_str().unwrap()], None);
    let table = String::from_utf8(out.stdout).unwrap();
    // One row per finding: the wrong rate in each copy of the R001 paste, for one.
    let r001 = table.lines().filter(|l| l.contains(",R001,")).count();
    assert_eq!(
        r001,
        (0..1000)
            .filter(|i| i % 50 != 49 && i % sources.len() == 1)
            .count()
    );
    let _ = std::fs::remove_dir_all(&dir);
}
