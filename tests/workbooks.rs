//! Workbooks and documents written by real writers (`scripts/make-workbook-fixtures.py`:
//! openpyxl, xlsxwriter, xlwt, python-docx, LibreOffice): the sheets that hold forms are
//! found (an instructions sheet first, a hidden sheet, a cover sheet are skipped), and each
//! reads and is checked exactly like the paste of the same sheet (`NAME__SHEET.tsv`).

use jixiao::diagnostic::Lang;
use jixiao::profile::Profile;
use std::path::Path;

fn findings(output: jixiao::read::ReadOutput) -> String {
    jixiao::check_forms(output, &Profile::default()).to_text(Lang::Zh, "")
}

#[test]
fn each_form_sheet_is_checked_like_its_paste() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/workbooks");
    let cases: &[(&str, &[&str])] = &[
        ("openpyxl-instructions-first.xlsx", &["目标表"]),
        ("xlsxwriter-two-forms.xlsx", &["目标表", "自评表"]),
        ("xlwt-instructions-first.xls", &["目标表"]),
        ("libreoffice-openpyxl-instructions-first.xls", &["目标表"]),
        ("libreoffice-openpyxl-instructions-first.ods", &["目标表"]),
        (
            "libreoffice-xlsxwriter-two-forms.ods",
            &["目标表", "自评表"],
        ),
        (
            "libreoffice-xlsxwriter-two-forms.xls",
            &["目标表", "自评表"],
        ),
        ("python-docx-report.docx", &["正文", "表格1"]),
        ("libreoffice-python-docx-report.docx", &["正文", "表格1"]),
        ("xlsxwriter-inline-strings.xlsx", &["自评表"]),
        ("odfpy-self-evaluation.ods", &["自评表"]),
        // The seeds as files: 004's fourteen projects with rates as 0.00% in .xlsx, and as
        // LibreOffice saves it in .xls and .ods (whose number formats calamine doesn't
        // give: read by src/read/xls_formats.rs and src/read/ods.rs); 003 as a Word report.
        ("seed-004.xlsx", &["自评表"]),
        ("libreoffice-seed-004.xls", &["自评表"]),
        ("libreoffice-seed-004.ods", &["自评表"]),
        ("python-docx-seed-003.docx", &["正文"]),
    ];
    for (file, sheets) in cases {
        let bytes = std::fs::read(dir.join(file)).unwrap();
        let parts = jixiao::read::read_file(&bytes).unwrap();
        let names: Vec<&str> = parts.iter().filter_map(|p| p.name.as_deref()).collect();
        assert_eq!(&names, sheets, "{file}: the sheets that hold forms");
        let stem = Path::new(file).file_stem().unwrap().to_string_lossy();
        for part in parts {
            let sheet = part.name.clone().unwrap();
            let twin = dir.join(format!("{stem}__{sheet}.tsv"));
            if !twin.exists() {
                continue;
            }
            let paste = std::fs::read_to_string(&twin).unwrap();
            let want = findings(jixiao::read::read_text(&paste).unwrap());
            assert_eq!(findings(part.output), want, "{file}「{sheet}」");
        }
    }
}

#[test]
fn hostile_files_get_a_message_not_a_panic() {
    // A zip whose directory says it unpacks to far more than a form: refused unread.
    let mut bomb = Vec::new();
    {
        use std::io::Write;
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(&mut bomb));
        let opts = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        zip.start_file("xl/workbook.xml", opts).unwrap();
        zip.write_all(b"<workbook/>").unwrap();
        zip.start_file("xl/worksheets/sheet1.xml", opts).unwrap();
        let zeros = vec![b' '; 1 << 20];
        for _ in 0..300 {
            zip.write_all(&zeros).unwrap();
        }
        zip.finish().unwrap();
    }
    assert!(
        bomb.len() < 2 << 20,
        "the bomb is small: {} bytes",
        bomb.len()
    );
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("zip bomb", bomb, "上限"),
        ("encrypted .xlsx", encrypted_package(), "密码"),
        ("corrupt zip", b"PK\x03\x04\x14\x00broken".to_vec(), "损坏"),
        (
            "not a workbook",
            b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1junk".to_vec(),
            "另存为",
        ),
    ];
    for (what, bytes, says) in cases {
        let e = jixiao::read::read_file(&bytes).unwrap_err().to_string();
        assert!(e.contains(says), "{what}: {e}");
    }
}

/// The start of an OLE compound file naming an EncryptedPackage stream, as Excel writes a
/// password-protected .xlsx.
fn encrypted_package() -> Vec<u8> {
    let mut b = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    b.resize(512, 0);
    b.extend("EncryptedPackage".encode_utf16().flat_map(u16::to_le_bytes));
    b.resize(2048, 0);
    b
}
