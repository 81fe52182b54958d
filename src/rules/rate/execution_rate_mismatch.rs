//! R001: the stated 执行率 is not 执行数 / 调整后预算数 rounded half-up, even allowing for the rounding of the amounts.
//!
//! 检查内容：执行率 = 全年执行数 ÷ 全年预算数(调整后)，四舍五入到所填的小数位。
//! 原因：汇总和审核都按公式复核，填错会被退回。
//! 错误示例：预算 257，执行 256.63，执行率 99.85%（截断而非四舍五入）。
//! 正确示例：预算 257，执行 256.63，执行率 99.86%。

use super::working;
use crate::diagnostic::{Applicability, Diagnostic, Fix, Msg, Section};
use crate::form::Role;
use crate::money::{fmt_fixed, percent_range, round_half_away};
use crate::rules::registry::Code;
use crate::rules::{Context, Reads, Rule};

pub struct ExecutionRateMismatch;

impl Rule for ExecutionRateMismatch {
    fn code(&self) -> Code {
        Code::R001
    }

    fn reads(&self) -> Reads {
        Reads::REST
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        for e in cx.executions() {
            let (Some((stated, cell)), Some(computed)) = (e.stated_rate, e.computed) else {
                continue;
            };
            let dp = stated.decimals.max(cx.profile.rate_decimals);
            let rounded = round_half_away(computed, stated.decimals);
            if rounded == stated.value {
                continue;
            }
            // Amounts written with few decimals stand for intervals: accept any rate they allow.
            if percent_range(&e.executed.0, &e.budget.0)
                .is_some_and(|r| r.intersects(&stated.interval()))
            {
                continue;
            }
            let want = format!("{}%", fmt_fixed(computed, dp));
            let exact = fmt_fixed(computed, dp.saturating_add(4));
            let section = if e.project.row > 0 && cx.form.projects.len() > 1 {
                Section::Projects
            } else {
                Section::Funding
            };
            out.push(
                Diagnostic::new(
                    self.code(),
                    cx.loc(section, Some(Role::Rate), cell),
                    Msg::new(
                        format!(
                            "执行率填写为 {}，按执行数 ÷ 预算数应为 {want}（{} = {exact}%，四舍五入保留 {dp} 位小数）",
                            cell.trimmed(),
                            working(e)
                        ),
                        format!(
                            "Execution rate is {} but spending / budget gives {want} ({} = {exact}%, rounded half-up to {dp} decimals)",
                            cell.trimmed(),
                            working(e)
                        ),
                    ),
                    Msg::new(
                        "执行率 = 全年执行数 ÷ 全年预算数（调整后），四舍五入（不是截断）。请核对执行数、预算数和执行率三者，改正填错的一项",
                        "Rate = spending ÷ adjusted budget, rounded half-up (not truncated). Check all three figures and correct the wrong one",
                    ),
                )
                .with_related(
                    cx.loc(section, Some(Role::Executed), e.executed.1),
                    Msg::new("执行数", "spending"),
                )
                .with_related(
                    cx.loc(section, Some(Role::BudgetAdjusted), e.budget.1),
                    Msg::new("预算数", "budget"),
                )
                .with_fix(Fix {
                    title: Msg::new(format!("改为 {want}"), format!("Change to {want}")),
                    replacement: want,
                    applicability: Applicability::Unsafe,
                }),
            );
        }
    }
}
