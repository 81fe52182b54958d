//! Reads forms given as JSON in the form model's own shape (what a portal passes).

use super::{ReadError, ReadOutput};
use crate::form::{Form, FundSource};
use serde_json::Value;

/// Accepts `{"forms": [...]}`, `[form, ...]` or a single form object. The shape is told
/// from the JSON itself, not by trying each in turn (serde's untagged enums copy the whole
/// input once more and compile the form reader a second time for that copy).
pub fn read(text: &str) -> Result<ReadOutput, ReadError> {
    // Parse once to a Value to report syntax errors with line and column.
    let value: Value = serde_json::from_str(text).map_err(|e| ReadError::Json(e.to_string()))?;
    let forms = match value {
        Value::Object(mut o) if o.contains_key("forms") => {
            let forms = o.remove("forms").unwrap_or_default();
            serde_json::from_value::<Vec<Form>>(forms).map_err(|e| format!("forms: {e}"))
        }
        Value::Array(_) => serde_json::from_value::<Vec<Form>>(value).map_err(|e| e.to_string()),
        Value::Object(_) => serde_json::from_value::<Form>(value)
            .map(|f| vec![f])
            .map_err(|e| e.to_string()),
        _ => Err("不是表单结构 / not a form".to_string()),
    }
    .map_err(ReadError::Json)?;
    let mut forms = forms;
    for row in forms
        .iter_mut()
        .flat_map(|f| f.projects.iter_mut())
        .flat_map(|p| p.funding.iter_mut())
    {
        if row.source == FundSource::Named(String::new()) {
            row.source = super::headers::fund_source_of(&row.label.text)
                .unwrap_or_else(|| FundSource::Named(row.label.trimmed().to_string()));
        }
    }
    Ok(ReadOutput {
        forms,
        diagnostics: Vec::new(),
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    const FORM: &str = r#"{"kind":"self-evaluation","projects":[{"name":"甲","funding":[{"label":"合计","cells":[["executed",{"text":"256.63","row":5,"col":4}],["budgetAdjusted","257"]]}]}]}"#;

    #[test]
    fn each_shape_reads_and_each_mistake_is_named() {
        let wrapped = format!(r#"{{"forms":[{FORM},{FORM}]}}"#);
        let many = format!("[{FORM}]");
        // (input, forms read, or the words the error must hold)
        let cases: &[(&str, Result<usize, &str>)] = &[
            (FORM, Ok(1)),
            (&many, Ok(1)),
            (&wrapped, Ok(2)),
            ("[]", Ok(0)),
            (r#"{"forms": 5}"#, Err("forms: invalid type: integer `5`")),
            (
                r#"{"forms":[{"kind":"nope"}]}"#,
                Err("forms: unknown variant `nope`"),
            ),
            ("5", Err("not a form")),
            (r#""text""#, Err("not a form")),
            (
                &FORM.replace(r#"{"text":"256.63","row":5,"col":4}"#, r#"{"row":5}"#),
                Err("missing field `text`"),
            ),
            (
                &FORM.replace(r#""257""#, "257"),
                Err(r#"expected a cell: its text, or {"text", "row", "col"}"#),
            ),
        ];
        for (input, want) in cases {
            match (read(input), want) {
                (Ok(out), Ok(n)) => assert_eq!(out.forms.len(), *n, "{input}"),
                (Err(ReadError::Json(e)), Err(words)) => {
                    assert!(e.contains(words), "{input}: {e}")
                }
                (got, _) => panic!("{input}: {:?}", got.map(|o| o.forms.len())),
            }
        }
        // A cell given in full keeps its place; a plain string has none.
        let out = read(FORM).unwrap();
        let cells = &out.forms[0].projects[0].funding[0].cells;
        let spent = cells.get(crate::form::Role::Executed).unwrap();
        assert_eq!(
            (spent.as_str(), spent.loc.row, spent.loc.col),
            ("256.63", 5, 4)
        );
        let budget = cells.get(crate::form::Role::BudgetAdjusted).unwrap();
        assert_eq!((budget.as_str(), budget.loc.row), ("257", 0));
    }
}
