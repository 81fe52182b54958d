//! R003: spending exceeds the adjusted budget (执行率 above 100%).
//!
//! 检查内容：执行数 ÷ 调整后预算数 > 100%。
//! 原因：超预算支出只在结转等特殊情况下出现，需要说明。
//! 错误示例：预算 64 万元，执行 64.086095 万元（100.13%）。
//! 正确示例：执行数不超过预算，或在原因栏说明超出的资金来源。

use super::{project_name, working};
use crate::diagnostic::{Diagnostic, Msg};
use crate::form::Role;
use crate::money::fmt_fixed;
use crate::rules::registry::Code;
use crate::rules::{Context, Reads, Rule};
use rust_decimal::Decimal;

pub struct ExecutionRateOver100;

impl Rule for ExecutionRateOver100 {
    fn code(&self) -> Code {
        Code::R003
    }

    fn reads(&self) -> Reads {
        Reads::REST
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        for e in cx.executions() {
            let Some(rate) = e.computed.filter(|r| *r > Decimal::ONE_HUNDRED) else {
                continue;
            };
            if !e.is_total() {
                continue;
            }
            let shown = fmt_fixed(rate, cx.profile.rate_decimals);
            let section = cx.money_section();
            out.push(
                Diagnostic::new(
                    self.code(),
                    cx.loc(section, Some(Role::Executed), e.executed.1),
                    Msg::new(
                        format!("{}：执行率 {shown}% 超过 100%（{}）", project_name(e.project), working(e)),
                        format!("{}: execution rate {shown}% is above 100% ({})", project_name(e.project), working(e)),
                    ),
                    Msg::new(
                        "执行数超过调整后预算。若含上年结转等资金，应计入预算数；否则请说明超支原因",
                        "Spending exceeds the adjusted budget. Count carried-over funds in the budget, or explain the overspend",
                    ),
                )
                .with_related(
                    cx.loc(section, Some(Role::BudgetAdjusted), e.budget.1),
                    Msg::new("预算数", "budget"),
                ),
            );
        }
        // A spending line over its own budget (业务工作专项 决算 689.16 against 预算 320).
        for e in super::line_executions(cx.form) {
            let Some(rate) = e.computed.filter(|r| *r > Decimal::ONE_HUNDRED) else {
                continue;
            };
            let line = e.row.shown_label();
            if line.contains("调整") {
                continue; // 部门整体支出预算调整: its 决算 column is the budget after adjustment.
            }
            let shown = fmt_fixed(rate, cx.profile.rate_decimals);
            let section = cx.money_section();
            out.push(
                Diagnostic::new(
                    self.code(),
                    cx.loc(section, Some(Role::Executed), e.executed.1),
                    Msg::new(
                        format!("“{line}”支出 {} 超过预算 {}（{shown}%）", e.executed.1.trimmed(), e.budget.1.trimmed()),
                        format!("\"{line}\" spent {} against a budget of {} ({shown}%)", e.executed.1.trimmed(), e.budget.1.trimmed()),
                    ),
                    Msg::new(
                        "支出超过该项预算：应有预算调整（追加）并说明原因，三公经费等控制类支出不得超预算",
                        "The line spent more than its budget: it needs a budget adjustment and a reason; controlled spending (三公经费) must not exceed its budget",
                    ),
                )
                .with_related(
                    cx.loc(section, Some(Role::BudgetAdjusted), e.budget.1),
                    Msg::new("预算数", "budget"),
                ),
            );
        }
    }
}
