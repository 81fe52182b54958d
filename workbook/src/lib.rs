//! jixiao's .xlsx reader (`jixiao::read::xlsx`) as a WebAssembly module of its own, so the
//! checker's module, which every page load compiles, does not carry zip, inflate and the
//! sheet XML (59 KB of 636). The page's worker loads it when a workbook is opened; portals
//! import `workbook.js`. Like `src/wasm.rs` for the checker, this is the only file of the
//! module that knows wasm-bindgen.

#[cfg(target_arch = "wasm32")]
mod wasm {
    use wasm_bindgen::prelude::*;

    /// The first sheet of an .xlsx workbook as rows of cell texts, numbers shown as their
    /// formats show them; throws with a message for a file that is not a readable workbook.
    #[wasm_bindgen(js_name = readWorkbook, unchecked_return_type = "string[][]")]
    pub fn read_workbook(bytes: &[u8]) -> Result<JsValue, JsError> {
        let rows = super::rows_json(bytes).map_err(|e| JsError::new(&e))?;
        js_sys::JSON::parse(&rows).map_err(|_| JsError::new("workbook: rows not serialisable"))
    }
}

/// The rows of a workbook's first sheet as a JSON array of arrays of strings, or the
/// message to show.
pub fn rows_json(bytes: &[u8]) -> Result<String, String> {
    if bytes.len() > jixiao::read::MAX_INPUT_BYTES {
        return Err(jixiao::read::ReadError::TooLarge { bytes: bytes.len() }.to_string());
    }
    let rows = jixiao::read::xlsx::read_rows(bytes).map_err(|e| e.to_string())?;
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
    }
}
