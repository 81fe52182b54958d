//! X001: a 自评表 indicator that the approved 目标表 of the same project does not have (added, or renamed: the likely original is named).
//!
//! 检查内容：自评表的三级指标应与批复的绩效目标表一致，不得擅自增加或改名。
//! 原因：自评是对批复目标的评价，指标变动须经批准并说明。
//! 错误示例：目标表“建材监督抽检合格率”，自评表写成“建材抽检合格率”。
//! 正确示例：自评表沿用目标表的指标名称。

use super::{name_cell, Pair};
use crate::diagnostic::{Diagnostic, Msg, Section};
use crate::form::Role;
use crate::rules::registry::Code;
use crate::rules::{Context, Rule};
use crate::span::ellipsize;

pub struct IndicatorNotInApprovedTargets;

impl Rule for IndicatorNotInApprovedTargets {
    fn code(&self) -> Code {
        Code::X001
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        let Some(pair) = Pair::of(cx) else { return };
        let at = pair.at;
        for (added, renamed_from) in pair.added() {
            let Some(cell) = name_cell(added) else {
                continue;
            };
            let name = ellipsize(cell.trimmed(), 20);
            let loc = cx.loc(Section::Indicators, Some(Role::Level3), cell);
            let d = match renamed_from.and_then(name_cell) {
                Some(orig) => Diagnostic::new(
                    self.code(),
                    loc,
                    Msg::new(
                        format!("三级指标“{name}”与批复目标表（表{}）中的“{}”名称不同，疑似改名", at.saturating_add(1), ellipsize(orig.trimmed(), 20)),
                        format!("\"{name}\" differs from the approved \"{}\" (form {}): renamed?", orig.trimmed(), at.saturating_add(1)),
                    ),
                    Msg::new(
                        "自评表应沿用批复的指标名称；确需调整的，应有批准依据并在偏差原因中说明",
                        "Keep the approved indicator's name; a change needs approval and an explanation",
                    ),
                )
                .with_related(Context::loc_in(at, Section::Indicators, Some(Role::Level3), orig), Msg::new("批复的指标", "approved indicator")),
                None => Diagnostic::new(
                    self.code(),
                    loc,
                    Msg::new(
                        format!("三级指标“{name}”不在批复的目标表（表{}）中", at.saturating_add(1)),
                        format!("\"{name}\" is not in the approved target form (form {})", at.saturating_add(1)),
                    ),
                    Msg::new(
                        "自评指标应与批复的绩效目标一致；新增指标须经批准，并在偏差原因中说明",
                        "Self-evaluation indicators follow the approved targets; an added one needs approval and an explanation",
                    ),
                ),
            };
            out.push(d);
        }
    }
}
