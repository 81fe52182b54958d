//! R002: spending recorded against a budget of zero; the rate is undefined, never "within tolerance".
//!
//! 检查内容：预算数为 0 而执行数大于 0。
//! 原因：执行率无从计算，说明预算或执行数填错，或存在无预算支出。
//! 错误示例：全年预算数 0，全年执行数 12.5。
//! 正确示例：全年预算数 12.5，全年执行数 12.5。

use super::project_name;
use crate::diagnostic::{Diagnostic, Msg};
use crate::form::Role;
use crate::rules::registry::Code;
use crate::rules::{Context, Reads, Rule};
use rust_decimal::Decimal;

pub struct SpendingWithoutBudget;

impl Rule for SpendingWithoutBudget {
    fn code(&self) -> Code {
        Code::R002
    }

    fn reads(&self) -> Reads {
        Reads::REST
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        let mut reported: Vec<&crate::form::Project> = Vec::new();
        for e in cx.executions() {
            if !e.budget.0.value.is_zero() || e.executed.0.value <= Decimal::ZERO {
                continue;
            }
            // One finding per project: sub-rows repeat what the total row shows.
            if reported.iter().any(|p| std::ptr::eq(*p, e.project)) {
                continue;
            }
            reported.push(e.project);
            let section = cx.money_section();
            out.push(
                Diagnostic::new(
                    self.code(),
                    cx.loc(section, Some(Role::BudgetAdjusted), e.budget.1),
                    Msg::new(
                        format!(
                            "{}：预算数为 0，执行数却为 {}，执行率无法计算",
                            project_name(e.project),
                            e.executed.1.trimmed()
                        ),
                        format!(
                            "{}: the budget is 0 but spending is {}; the execution rate is undefined",
                            project_name(e.project),
                            e.executed.1.trimmed()
                        ),
                    ),
                    Msg::new(
                        "核对预算数是否漏填（调整后预算应包含追加的资金）；无预算不得列支",
                        "Check whether the budget was left out (the adjusted budget includes added funds); spending needs a budget",
                    ),
                )
                .with_related(
                    cx.loc(section, Some(Role::Executed), e.executed.1),
                    Msg::new("执行数", "spending"),
                ),
            );
        }
    }
}
