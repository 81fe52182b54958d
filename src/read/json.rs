//! Reads forms given as JSON in the form model's own shape (what a portal passes).

use super::{ReadError, ReadOutput};
use crate::form::{Form, FundSource};
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(untagged)]
enum Input {
    Wrapped { forms: Vec<Form> },
    Many(Vec<Form>),
    One(Box<Form>),
}

/// Accepts `{"forms": [...]}`, `[form, ...]` or a single form object.
pub fn read(text: &str) -> Result<ReadOutput, ReadError> {
    // Parse once to a Value to report syntax errors with line and column.
    let value: serde_json::Value =
        serde_json::from_str(text).map_err(|e| ReadError::Json(e.to_string()))?;
    let forms = match serde_json::from_value::<Input>(value.clone()) {
        Ok(Input::Wrapped { forms }) | Ok(Input::Many(forms)) => forms,
        Ok(Input::One(form)) => vec![*form],
        Err(_) => {
            // Say which field is wrong, from the strict shape.
            let detail = match &value {
                serde_json::Value::Object(o) if o.contains_key("forms") => {
                    serde_json::from_value::<Vec<Form>>(o.get("forms").cloned().unwrap_or_default())
                        .err()
                        .map(|e| format!("forms: {e}"))
                }
                serde_json::Value::Array(_) => serde_json::from_value::<Vec<Form>>(value.clone())
                    .err()
                    .map(|e| e.to_string()),
                _ => serde_json::from_value::<Form>(value.clone())
                    .err()
                    .map(|e| e.to_string()),
            };
            return Err(ReadError::Json(
                detail.unwrap_or_else(|| "不是表单结构 / not a form".to_string()),
            ));
        }
    };
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
