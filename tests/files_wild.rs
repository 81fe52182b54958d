//! Real workbooks and Word documents as WPS and Excel saved them (`../shared/files-wild`,
//! read in place, not copied here): each sheet and table reads as Excel copies it (the
//! TSVs beside them), and every sheet that holds a form is checked.

use std::path::{Path, PathBuf};

fn wild() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/files-wild");
    dir.is_dir().then_some(dir)
}

/// Rows without their trailing blank cells, and no trailing blank rows: Excel's copy pads
/// every row to the sheet's width, a reader need not.
fn normalized(text: &str) -> Vec<Vec<String>> {
    let mut rows: Vec<Vec<String>> = jixiao::read::grid::parse(text)
        .rows
        .iter()
        .map(|r| {
            let mut cells: Vec<String> = r.iter().map(|c| c.text.to_string()).collect();
            while cells.last().is_some_and(String::is_empty) {
                cells.pop();
            }
            cells
        })
        .collect();
    while rows.last().is_some_and(Vec::is_empty) {
        rows.pop();
    }
    rows
}

#[test]
fn each_sheet_reads_as_excel_copies_it() {
    let Some(dir) = wild() else {
        eprintln!("../shared/files-wild not found: skipped");
        return;
    };
    let mut compared = 0;
    let mut differ = Vec::new();
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir.join("files"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    for path in files {
        let bytes = std::fs::read(&path).unwrap();
        let stem = path.file_stem().unwrap().to_string_lossy().to_string();
        let parts =
            jixiao::read::file_texts(&bytes).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let mut table = 0;
        for (name, text) in parts {
            let name = name.unwrap();
            let tsv_name = if name == "正文" {
                continue;
            } else if let Some(n) = name.strip_prefix("表格") {
                table += 1;
                assert_eq!(n, table.to_string());
                format!("{stem}__table{table:02}.tsv")
            } else {
                format!("{stem}__{name}.tsv")
            };
            let want = std::fs::read_to_string(dir.join("tsv").join(&tsv_name))
                .unwrap_or_else(|e| panic!("{tsv_name}: {e}"));
            let mut got = normalized(&text);
            if tsv_name.contains("__table") {
                // The title paragraph above a table is read with it, as a clerk copies it.
                let want = normalized(&want);
                if got.len() == want.len() + 1 {
                    got.remove(0);
                }
                if got != want {
                    differ.push(format!("{tsv_name}\n got {got:?}\nwant {want:?}"));
                }
            } else if got != normalized(&want) {
                differ.push(format!(
                    "{tsv_name}\n got {got:?}\nwant {:?}",
                    normalized(&want)
                ));
            }
            compared += 1;
        }
    }
    assert!(
        differ.is_empty(),
        "{} of {compared} differ:\n{}",
        differ.len(),
        differ.join("\n")
    );
    assert!(compared >= 80, "only {compared} sheets compared");
}

#[test]
fn every_sheet_holding_a_form_is_checked() {
    let Some(dir) = wild() else {
        return;
    };
    let cases = [
        // 20 projects on 20 sheets: 20 target forms.
        ("06_songgang_二级项目支出绩效目标申报表.xlsx", 20),
        ("07_songgang_二级项目支出绩效目标申报表(7).xlsx", 20),
        ("11_songgang_二级项目支出绩效目标申报表(1).xlsx", 20),
        ("08_sysmng_绩效目标模板.xlsx", 1),
    ];
    for (file, forms) in cases {
        let bytes = std::fs::read(dir.join("files").join(file)).unwrap();
        let parts = jixiao::read::read_file(&bytes).unwrap();
        let targets = parts
            .iter()
            .flat_map(|p| &p.output.forms)
            .filter(|f| f.kind == jixiao::form::FormKind::Target)
            .count();
        assert_eq!((parts.len(), targets), (forms, forms), "{file}");
    }
    // The .xls with its form on the sixth sheet gives that form.
    let bytes = std::fs::read(dir.join("files/03_gxjzy_2018评审项目模板.xls")).unwrap();
    let parts = jixiao::read::read_file(&bytes).unwrap();
    let names: Vec<_> = parts.iter().filter_map(|p| p.name.as_deref()).collect();
    assert!(names.contains(&"项目支出绩效目标申报表"), "{names:?}");
}
