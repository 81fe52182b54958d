//! Reads forms given as JSON in the form model's own shape (what a portal passes).

use super::{ReadError, ReadOutput};
use crate::form::{
    Cell, Cells, Field, Form, FormKind, FundSource, FundingRow, Indicator, Loc, MoneyUnit, Project,
    Role,
};
use crate::json::Value;
use crate::json::{self, Fields};

/// Accepts `{"forms": [...]}`, `[form, ...]` or a single form object.
pub fn read(text: &str) -> Result<ReadOutput, ReadError> {
    // Parse once to a Value to report syntax errors with line and column.
    let value = crate::json::parse(text).map_err(ReadError::Json)?;
    let forms = match &value {
        Value::Object(o) => match o.get("forms") {
            Some(forms) => json::list(forms, "forms", form),
            None => form(&value, "").map(|f| vec![f]),
        },
        Value::Array(_) => json::list(&value, "", form),
        _ => Err("不是表单结构 / not a form".to_string()),
    }
    .map_err(ReadError::Json)?;
    Ok(ReadOutput {
        forms,
        diagnostics: Vec::new(),
    })
}

// Fields not named here are let be: a portal may pass more than the model holds.

fn form(v: &Value, at: &str) -> json::Result<Form> {
    let mut f = Fields::of(v, at)?;
    let money_unit = |v: &Value, at: &str| {
        let (unit, cell_v) = json::pair(v, at)?;
        let names = [
            ("yuan", MoneyUnit::Yuan),
            ("qianyuan", MoneyUnit::Qianyuan),
            ("wanyuan", MoneyUnit::Wanyuan),
            ("yiyuan", MoneyUnit::Yiyuan),
        ];
        Ok((json::one_of(unit, at, &names)?, cell(cell_v, at)?))
    };
    Ok(Form {
        kind: f.req("kind", FormKind::from_json)?,
        title: f.opt("title", cell)?,
        fields: f.or_default("fields", |v, at| json::list(v, at, field))?,
        money_unit: match f.opt("money_unit", money_unit)? {
            Some(m) => Some(m),
            None => f.opt("moneyUnit", money_unit)?,
        },
        projects: f.or_default("projects", |v, at| json::list(v, at, project))?,
        text: f.opt("text", json::string)?,
    })
}

fn field(v: &Value, at: &str) -> json::Result<Field> {
    let mut f = Fields::of(v, at)?;
    Ok(Field {
        key: f.req("key", json::string)?,
        label: f.req("label", cell)?,
        value: f.opt("value", cell)?,
    })
}

fn project(v: &Value, at: &str) -> json::Result<Project> {
    let mut f = Fields::of(v, at)?;
    Ok(Project {
        row: f.or_default("row", json::uint)?,
        name: f.opt("name", cell)?,
        cells: f.or_default("cells", cells)?,
        funding: f.or_default("funding", |v, at| json::list(v, at, funding_row))?,
        indicators: f.or_default("indicators", |v, at| json::list(v, at, indicator))?,
        headings: f.or_default("headings", |v, at| json::list(v, at, indicator))?,
        open_ended: f.or_default("open_ended", json::boolean)?,
        graded: f.or_default("graded", json::boolean)?,
    })
}

fn indicator(v: &Value, at: &str) -> json::Result<Indicator> {
    let mut f = Fields::of(v, at)?;
    Ok(Indicator {
        row: f.or_default("row", json::uint)?,
        level1: f.opt("level1", cell)?,
        level2: f.opt("level2", cell)?,
        level3: f.opt("level3", cell)?,
        cells: f.or_default("cells", cells)?,
        midterm: f.or_default("midterm", json::boolean)?,
    })
}

/// A funding row; without `source`, its label decides which source it is.
fn funding_row(v: &Value, at: &str) -> json::Result<FundingRow> {
    let mut f = Fields::of(v, at)?;
    let label = f.req("label", cell)?;
    let source = match f.opt("source", fund_source)? {
        Some(s) => s,
        None => super::headers::fund_source_of(&label.text)
            .unwrap_or_else(|| FundSource::Named(label.trimmed().to_string())),
    };
    Ok(FundingRow {
        label,
        source,
        cells: f.req("cells", cells)?,
    })
}

/// `"total"`, `"fiscal"`, `"carryOver"`, `"nonFiscal"`, `"other"`, `{"named": "…"}` or
/// `{"item": "…"}`.
fn fund_source(v: &Value, at: &str) -> json::Result<FundSource> {
    if let Value::Object(_) = v {
        let mut f = Fields::of(v, at)?;
        let named = f.opt("named", json::string)?;
        let item = f.opt("item", json::string)?;
        f.end()?;
        return match (named, item) {
            (Some(name), None) => Ok(FundSource::Named(name)),
            (None, Some(name)) => Ok(FundSource::Item(name)),
            _ => json::error(
                at,
                "应有 `named` 或 `item` 之一 / expected one of `named`, `item`",
            ),
        };
    }
    type Make = fn() -> FundSource;
    let names: [(&str, Make); 5] = [
        ("total", || FundSource::Total),
        ("fiscal", || FundSource::Fiscal),
        ("carryOver", || FundSource::CarryOver),
        ("nonFiscal", || FundSource::NonFiscal),
        ("other", || FundSource::Other),
    ];
    json::one_of(v, at, &names).map(|make| make())
}

/// `[[role, cell], …]` in column order.
fn cells(v: &Value, at: &str) -> json::Result<Cells> {
    json::list(v, at, |p, at| {
        let (role, c) = json::pair(p, at)?;
        Ok((Role::from_json(role, at)?, cell(c, at)?))
    })
    .map(Cells)
}

/// A cell: its text, or `{"text", "row", "col"}` (row and column 1-based, 0 or absent when
/// unknown).
fn cell(v: &Value, at: &str) -> json::Result<Cell> {
    match v {
        Value::String(text) => Ok(Cell::new(text.as_str(), Loc::default())),
        Value::Object(_) => {
            let mut f = Fields::of(v, at)?;
            let text = f.req("text", json::string)?;
            let loc = Loc::new(f.or_default("row", json::uint)?, f.or_default("col", json::uint)?);
            Ok(Cell::new(text, loc))
        }
        _ => json::error(
            at,
            "应为单元格：文字，或 {\"text\", \"row\", \"col\"} / expected a cell: its text, or {\"text\", \"row\", \"col\"}",
        ),
    }
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
            (
                r#"{"forms": 5}"#,
                Err("forms: 应为数组 / invalid type: number"),
            ),
            (
                r#"{"forms":[{"kind":"nope"}]}"#,
                Err("forms[0].kind: 未知取值 `nope` / unknown variant `nope`"),
            ),
            ("5", Err("not a form")),
            (r#""text""#, Err("not a form")),
            (
                &FORM.replace(r#"{"text":"256.63","row":5,"col":4}"#, r#"{"row":5}"#),
                Err("projects[0].funding[0].cells[0]: 缺少字段 `text`"),
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
