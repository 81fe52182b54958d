//! R005: the budget changed between 年初预算数 and 全年预算数 (调整后) with no reason given, where the profile requires one (四川).
//!
//! 检查内容：年中追加或调减预算的，须在原因栏单独说明。
//! 原因：SC-23 填报说明要求对预算调整作出说明。
//! 错误示例：年初 100，调整后 120，原因为空。
//! 正确示例：原因写“追加防汛物资采购 20 万元”。

use crate::diagnostic::{Diagnostic, Msg, Section};
use crate::form::{FundSource, MoneyUnit, Role};
use crate::money::{parse_amount, AmountCell};
use crate::rules::registry::Code;
use crate::rules::{Context, Reads, Rule};

pub struct BudgetAdjustedWithoutReason;

impl Rule for BudgetAdjustedWithoutReason {
    fn code(&self) -> Code {
        Code::R005
    }

    fn reads(&self) -> Reads {
        Reads::REST
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        if !cx.profile.adjustment_reason_required {
            return;
        }
        let unit = cx
            .form
            .money_unit
            .as_ref()
            .map_or(MoneyUnit::Yuan, |(u, _)| *u);
        let value = |text: &str| match parse_amount(text) {
            AmountCell::Value(s, u) => crate::money::convert(s.value, u.unwrap_or(unit), unit),
            _ => None,
        };
        for project in &cx.form.projects {
            for row in project
                .funding
                .iter()
                .filter(|r| r.source == FundSource::Total)
            {
                let (Some(initial), Some(adjusted)) = (
                    row.cells.get(Role::BudgetInitial),
                    row.cells.get(Role::BudgetAdjusted),
                ) else {
                    continue;
                };
                let (Some(a), Some(b)) = (value(&initial.text), value(&adjusted.text)) else {
                    continue;
                };
                if a == b || row.cells.get(Role::Reason).is_some_and(|c| !c.is_blank()) {
                    continue;
                }
                let (it, at) = (initial.trimmed(), adjusted.trimmed());
                out.push(
                    Diagnostic::new(
                        self.code(),
                        cx.loc(Section::Funding, Some(Role::BudgetAdjusted), adjusted),
                        Msg::new(
                            format!("预算从年初 {it} 调整为 {at}，但未说明调整原因"),
                            format!("The budget changed from {it} to {at} without a reason"),
                        ),
                        Msg::new("年中追加或调减预算须单独说明原因（调整依据、金额和用途），写在原因栏", "Explain the mid-year adjustment (basis, amount, use) in the reason column"),
                    )
                    .with_related(cx.loc(Section::Funding, Some(Role::BudgetInitial), initial), Msg::new("年初预算数", "initial budget")),
                );
            }
        }
    }
}
