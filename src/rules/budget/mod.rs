//! Budget arithmetic rules (family B): amounts that can be read and added.

pub mod amount_in_label_cell;
pub mod amount_unreadable;
pub mod fund_sources_do_not_sum_to_total;
pub mod period_total_below_annual;
pub mod separators_mixed;
pub mod spending_exceeds_income;
pub mod unit_cost_exceeds_budget;

use crate::form::{Cell, Form, FundSource, FundingRow, MoneyUnit, Role};

/// The money unit of a funding row's amounts: its label's (项目当年预算（元）), else the form's.
pub(crate) fn row_unit(row: &FundingRow, form: &Form) -> Option<MoneyUnit> {
    crate::read::headers::money_unit_in(&row.label.text)
        .or_else(|| form.money_unit.as_ref().map(|(u, _)| *u))
}

/// A label of a total over several years: 中期资金总额, 项目总预算, 长期.
pub(crate) fn is_period_total(label: &str) -> bool {
    label.contains("中期") || label.contains("长期") || label.contains("总预算")
}

/// A label of this year's budget: 年度资金总额, 项目当年预算, 本年度预算 — not last year's
/// (上年, 上一年度, 同名项目) and not spending (执行数).
pub(crate) fn is_annual_budget(label: &str) -> bool {
    let this_year = label.contains("年度") || label.contains("当年") || label.contains("本年");
    let other = [
        "上年",
        "上一年",
        "以前年度",
        "同名项目",
        "执行",
        "结转",
        "结余",
    ]
    .iter()
    .any(|w| crate::span::has(label, w));
    this_year && !other && !is_period_total(label)
}

/// The annual budget a form states, with its row: 当年/年度 budget lines first (not a 中期
/// total, not last year's), else the total. On a 自评表 the 全年预算数 (after adjustment)
/// is the year's budget.
pub(crate) fn annual_budget(form: &Form) -> Option<(&FundingRow, &Cell)> {
    let rows = form.projects.iter().flat_map(|p| p.funding.iter());
    let annual = rows.clone().find(|r| {
        !matches!(r.source, FundSource::Item(_))
            && is_annual_budget(&crate::read::headers::normalize_label(&r.label.text))
    });
    let row = annual.or_else(|| rows.clone().find(|r| r.source == FundSource::Total))?;
    [Role::Amount, Role::BudgetAdjusted, Role::BudgetInitial]
        .iter()
        .find_map(|r| row.cells.get(*r).filter(|c| !c.is_blank()))
        .map(|c| (row, c))
}
