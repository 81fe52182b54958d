//! jixiao's workbook and document reader (`jixiao::read::workbook`: .xlsx, .xls, .xlsb,
//! .ods through calamine, and .docx) as a WebAssembly module of its own, so the checker's
//! module, which every page load compiles, does not carry zip, inflate, XML and BIFF. The
//! page's worker loads it when a file is opened; portals import `workbook.js`. Like
//! `src/wasm.rs` for the checker, this is the only file of the module that knows wasm-bindgen.

use jixiao::read::workbook::{self, Content};

#[cfg(target_arch = "wasm32")]
mod wasm {
    use wasm_bindgen::prelude::*;

    /// Every visible sheet of a workbook (and a Word document's text, 正文, and its tables,
    /// 表格1…) as `{name, text}`, the text being what a copy of it would paste; throws with
    /// a message for a file that can't be read.
    #[wasm_bindgen(js_name = readSheets, unchecked_return_type = "{name: string, text: string}[]")]
    pub fn read_sheets(bytes: &[u8]) -> Result<JsValue, JsError> {
        let json = super::sheets_json(bytes).map_err(|e| JsError::new(&e))?;
        js_sys::JSON::parse(&json).map_err(|_| JsError::new("workbook: sheets not serialisable"))
    }

    /// The first sheet of a workbook as rows of cell texts, numbers shown as their formats
    /// show them; throws with a message for a file that is not a readable workbook.
    #[wasm_bindgen(js_name = readWorkbook, unchecked_return_type = "string[][]")]
    pub fn read_workbook(bytes: &[u8]) -> Result<JsValue, JsError> {
        let rows = super::rows_json(bytes).map_err(|e| JsError::new(&e))?;
        js_sys::JSON::parse(&rows).map_err(|_| JsError::new("workbook: rows not serialisable"))
    }
}

fn sheets(bytes: &[u8]) -> Result<Vec<workbook::Sheet>, String> {
    if bytes.len() > jixiao::read::MAX_INPUT_BYTES {
        return Err(jixiao::read::ReadError::TooLarge { bytes: bytes.len() }.to_string());
    }
    workbook::read_sheets(bytes).map_err(|e| e.to_string())
}

/// `[{"name": …, "text": …}, …]`.
pub fn sheets_json(bytes: &[u8]) -> Result<String, String> {
    let list: Vec<serde_json::Value> = sheets(bytes)?
        .into_iter()
        .map(|s| serde_json::json!({ "name": s.name, "text": s.content.to_text() }))
        .collect();
    serde_json::to_string(&list).map_err(|e| e.to_string())
}

/// The rows of a workbook's first sheet of rows as a JSON array of arrays of strings, or
/// the message to show.
pub fn rows_json(bytes: &[u8]) -> Result<String, String> {
    let rows = sheets(bytes)?
        .into_iter()
        .find_map(|s| match s.content {
            Content::Rows(rows) => Some(rows),
            Content::Text(_) => None,
        })
        .unwrap_or_default();
    json_rows(&rows)
}

/// `[["a","b"],…]`.
fn json_rows(rows: &[Vec<String>]) -> Result<String, String> {
    serde_json::to_string(rows).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_are_json_any_text_survives() {
        let cases: &[(&[&[&str]], &str)] = &[
            (&[], "[]"),
            (&[&[]], "[[]]"),
            (&[&["a", "b"], &["c"]], r#"[["a","b"],["c"]]"#),
            (&[&["引号\"与\\反斜杠"]], r#"[["引号\"与\\反斜杠"]]"#),
            (&[&["行\n内\t换\r行\u{1}"]], r#"[["行\n内\t换\r行\u0001"]]"#),
        ];
        for (rows, want) in cases {
            let rows: Vec<Vec<String>> = rows
                .iter()
                .map(|r| r.iter().map(|c| c.to_string()).collect())
                .collect();
            let got = json_rows(&rows).unwrap_or_default();
            assert_eq!(&got, want);
            let back: Vec<Vec<String>> = serde_json::from_str(&got).unwrap_or_default();
            assert_eq!(back, rows, "{got}");
        }
    }

    #[test]
    fn a_file_that_is_not_a_workbook_gets_a_message() {
        assert!(rows_json(b"not a zip").is_err_and(|e| !e.is_empty()));
        assert!(sheets_json(b"PK\x03\x04broken").is_err_and(|e| !e.is_empty()));
    }
}
