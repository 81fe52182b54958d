//! X003: a 自评表 indicator whose 年度指标值 differs from the approved 目标表's (compared as read: ">=90%" and "≥90%" are the same).
//!
//! 检查内容：自评表的年度指标值应与批复目标表一致。
//! 原因：调低目标值再自评，会让未完成的目标显得已完成。
//! 错误示例：目标表“≥90%”，自评表年度指标值写“≥85%”。
//! 正确示例：自评表年度指标值“≥90%”，实际完成值如实填写。

use super::Pair;
use crate::diagnostic::{Applicability, Diagnostic, Fix, Msg, Section};
use crate::form::{Indicator, Role};
use crate::rules::registry::Code;
use crate::rules::{Context, Rule};
use crate::span::ellipsize;
use crate::value::parser::parse;

pub struct TargetValueChanged;

/// A target as compared: the parsed canonical text, or the trimmed text when unreadable.
fn reading(ind: &Indicator) -> Option<(String, &crate::form::Cell)> {
    let cell = ind.cells.get(Role::Target).filter(|c| !c.is_blank())?;
    let nature = ind.cells.get(Role::Nature).map_or("", |c| c.as_str());
    let unit = ind.cells.get(Role::Unit).map_or("", |c| c.as_str());
    let v = if nature.trim().is_empty() && unit.trim().is_empty() {
        parse(&cell.text).value
    } else {
        crate::value::parse_split(nature, &cell.text, unit).value
    };
    let text = if v.normalized.is_empty() {
        cell.trimmed().to_string()
    } else {
        v.normalized
    };
    Some((text, cell))
}

impl Rule for TargetValueChanged {
    fn code(&self) -> Code {
        Code::X003
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        let Some(pair) = Pair::of(cx) else { return };
        let at = pair.at;
        for (ind, orig) in pair.matched() {
            let (Some((now, cell)), Some((was, was_cell))) = (reading(ind), reading(orig)) else {
                continue;
            };
            if now == was {
                continue;
            }
            let name = ind
                .level3
                .as_ref()
                .map(|c| ellipsize(c.trimmed(), 20))
                .unwrap_or_default();
            out.push(
                Diagnostic::new(
                    self.code(),
                    cx.loc(Section::Indicators, Some(Role::Target), cell),
                    Msg::new(
                        format!("“{name}”的年度指标值“{}”与批复目标表（表{}）的“{}”不一致", cell.trimmed(), at.saturating_add(1), was_cell.trimmed()),
                        format!("\"{name}\" targets \"{}\" but the approved form {} says \"{}\"", cell.trimmed(), at.saturating_add(1), was_cell.trimmed()),
                    ),
                    Msg::new(
                        "自评应以批复的指标值为准；目标确经批准调整的，请附批准依据并在偏差原因中说明",
                        "Evaluate against the approved target; an approved change needs its basis and an explanation",
                    ),
                )
                .with_related(Context::loc_in(at, Section::Indicators, Some(Role::Target), was_cell), Msg::new("批复的指标值", "approved target"))
                .with_fix(Fix {
                    title: Msg::new(format!("改回“{}”", was_cell.trimmed()), format!("Change back to \"{}\"", was_cell.trimmed())),
                    replacement: was_cell.trimmed().to_string(),
                    applicability: Applicability::Unsafe,
                }),
            );
        }
    }
}
