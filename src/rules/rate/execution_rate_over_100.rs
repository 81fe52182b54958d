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
    }
}
