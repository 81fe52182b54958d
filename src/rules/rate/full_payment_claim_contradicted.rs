//! R007: a report says the funds were paid out in full (全部拨付, 发放到位) while its own figures show part unspent.
//!
//! 检查内容：自评报告称资金“已全部拨付”“全部支付”“发放到位”，但报告列出的支出数小于预算数（执行率不到 100%）。
//! 原因：结论与数字矛盾，审核时会要求说明未支付部分及原因。
//! 错误示例：“乡村振兴衔接资金2179万元目前已全部拨付”，下文“已完成拨付2113.63万元，执行率97%”。
//! 正确示例：“已拨付2113.63万元，剩余65.37万元因项目未完成结算将于次年支付”。

use super::claims::first_claim;
use crate::diagnostic::{Diagnostic, Location, Msg, Section};
use crate::form::{FormKind, MoneyUnit, Role};
use crate::money::{self, fmt_fixed};
use crate::rules::registry::Code;
use crate::rules::{Context, Reads, Rule};
use rust_decimal::Decimal;

pub struct FullPaymentClaimContradicted;

impl Rule for FullPaymentClaimContradicted {
    fn code(&self) -> Code {
        Code::R007
    }

    fn reads(&self) -> Reads {
        Reads::REST
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        if cx.form.kind != FormKind::NarrativeReport {
            return;
        }
        let Some(text) = cx.form.text.as_deref() else {
            return;
        };
        // The report's own figures: the first budget whose spending falls short of it.
        let short = cx.executions().iter().find(|e| {
            e.computed
                .is_some_and(|r| money::round_half_away(r, 2) < Decimal::ONE_HUNDRED)
        });
        let Some(e) = short else {
            return;
        };
        let Some((row, col, said)) = first_claim(text, cx.folded_text().unwrap_or(text)) else {
            return;
        };
        let unit = cx
            .form
            .money_unit
            .as_ref()
            .map_or(MoneyUnit::Yuan, |(u, _)| *u);
        // Both figures are in the form's unit; the gap is shown in the budget's own.
        let shown_unit = match money::parse_amount(&e.budget.1.text) {
            money::AmountCell::Value(_, Some(u)) => u,
            _ => unit,
        };
        let unpaid = e
            .budget
            .0
            .value
            .checked_sub(e.executed.0.value)
            .and_then(|d| money::convert(d, unit, shown_unit))
            .map(|d| {
                format!(
                    "{}{}",
                    fmt_fixed(money::round_half_away(d, 2), 2),
                    shown_unit.zh()
                )
            });
        let rate = e
            .computed
            .map(|r| fmt_fixed(money::round_half_away(r, 2), 2))
            .unwrap_or_default();
        let left = unpaid
            .map(|s| format!("，尚有 {s} 未支付"))
            .unwrap_or_default();
        let (spent, budget) = (e.executed.1.trimmed(), e.budget.1.trimmed());
        let section = cx.money_section();
        out.push(
            Diagnostic::new(
                self.code(),
                Location {
                    form: cx.form_index,
                    section: Some(Section::Text),
                    row: Some(row),
                    column: Some(col),
                    field: None,
                    cell_text: Some(said.as_str().into()),
                },
                Msg::new(
                    format!("报告称“{said}”，但所列支出 {spent} 少于预算 {budget}（执行率 {rate}%）{left}"),
                    format!("The report says \"{said}\", but its spending {spent} is less than the budget {budget} ({rate}%)"),
                ),
                Msg::new(
                    "结论应与数字一致：写明已支付金额和未支付部分的原因及安排，或核对支出数",
                    "Make the conclusion match the figures: state what was paid, why the rest was not and when it will be, or check the spending figure",
                ),
            )
            .with_related(
                cx.loc(section, Some(Role::Executed), e.executed.1),
                Msg::new("支出数", "spending"),
            ),
        );
    }
}
