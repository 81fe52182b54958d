//! E002: the 预算执行率 row's 得分 differs from the profile's formula (default min(rate, 100%) × 分值; 湖北 ×20; 江西 steps).
//!
//! 检查内容：预算执行得分 = 按配置公式由执行率计算的分数。
//! 原因：执行得分是公式结果，手算常出错。
//! 错误示例：执行率 88.16%，分值 10，得分 9.5。
//! 正确示例：得分 8.82。

use super::{number, tolerance};
use crate::diagnostic::{Diagnostic, Msg, Section};
use crate::form::Role;
use crate::money::fmt_fixed;
use crate::rules::registry::Code;
use crate::rules::{Context, Reads, Rule};
use crate::score::execution_score;

pub struct ExecutionScoreMismatch;

impl Rule for ExecutionScoreMismatch {
    fn code(&self) -> Code {
        Code::E002
    }

    fn reads(&self) -> Reads {
        Reads::REST
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        for e in cx.executions() {
            let (Some(rate), true) = (e.computed, e.is_total()) else {
                continue;
            };
            let (Some((w, _)), Some((s, s_cell))) = (
                number(&e.row.cells, Role::Weight),
                number(&e.row.cells, Role::Score),
            ) else {
                continue;
            };
            let Some((expected, formula)) = execution_score(&cx.profile.scoring, rate, w.value)
            else {
                continue;
            };
            let Some(diff) = s.value.checked_sub(expected) else {
                continue;
            };
            if diff.abs() <= tolerance(cx.profile.scoring.tolerance, &s) {
                continue;
            }
            let want = fmt_fixed(expected, 2);
            let rate_s = fmt_fixed(rate, 2);
            out.push(
                Diagnostic::new(
                    self.code(),
                    cx.loc(Section::Funding, Some(Role::Score), s_cell),
                    Msg::new(
                        format!("预算执行得分填写为 {}，按“{formula}”应为 {want}（执行率 {rate_s}%）", s_cell.trimmed()),
                        format!("Execution score is {} but the formula gives {want} (rate {rate_s}%)", s_cell.trimmed()),
                    ),
                    Msg::new(
                        format!("预算执行得分按所选地区口径计算：{formula}。请改正得分或核对执行数、预算数"),
                        format!("The execution score follows the profile's formula: {formula}. Correct the score or the amounts"),
                    ),
                )
                .with_related(cx.loc(Section::Funding, Some(Role::Executed), e.executed.1), Msg::new("执行数", "spending"))
                .with_related(cx.loc(Section::Funding, Some(Role::BudgetAdjusted), e.budget.1), Msg::new("预算数", "budget")),
            );
        }
    }
}
