//! X002: an indicator of the approved 目标表 that the 自评表 of the same project leaves out (and does not merely rename).
//!
//! 检查内容：批复目标表中的每个三级指标都应在自评表中评价。
//! 原因：漏评的指标等于回避了未完成的目标，审核会要求补充。
//! 错误示例：目标表有“群众满意度 ≥90%”，自评表没有这一行。
//! 正确示例：自评表列出该指标并填写实际完成值。

use super::{name_cell, Pair};
use crate::diagnostic::{Diagnostic, Msg, Section};
use crate::form::Role;
use crate::rules::registry::Code;
use crate::rules::structure::{last_row, row_location};
use crate::rules::{Context, Rule};
use crate::span::ellipsize;

pub struct ApprovedIndicatorDropped;

impl Rule for ApprovedIndicatorDropped {
    fn code(&self) -> Code {
        Code::X002
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        let Some(pair) = Pair::of(cx) else { return };
        let at = pair.at;
        for ind in pair.dropped() {
            let Some(cell) = name_cell(ind) else { continue };
            let name = ellipsize(cell.trimmed(), 20);
            let target = ind
                .cells
                .get(Role::Target)
                .map(|c| c.trimmed().to_string())
                .unwrap_or_default();
            out.push(
                Diagnostic::new(
                    self.code(),
                    row_location(cx, last_row(cx, 0)),
                    Msg::new(
                        format!("批复目标表（表{}）的指标“{name}”（指标值 {target}）在自评表中缺失", at.saturating_add(1)),
                        format!("The approved indicator \"{name}\" ({target}) from form {} is missing", at.saturating_add(1)),
                    ),
                    Msg::new(
                        "请在自评表中补上该指标，填写实际完成值；未完成的说明偏差原因",
                        "Add the indicator with its actual value, and a deviation reason if it was missed",
                    ),
                )
                .with_related(Context::loc_in(at, Section::Indicators, Some(Role::Level3), cell), Msg::new("批复的指标", "approved indicator")),
            );
        }
    }
}
