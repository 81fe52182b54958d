//! Budget arithmetic rules (family B): amounts that can be read and added.

pub mod amount_unreadable;
pub mod fund_sources_do_not_sum_to_total;
pub mod period_total_below_annual;
pub mod unit_cost_exceeds_budget;

use crate::form::{Cell, Form, FundSource, FundingRow, MoneyUnit, Role};

/// The money unit of a funding row's amounts: its label's (项目当年预算（元）), else the form's.
pub(crate) fn row_unit(row: &FundingRow, form: &Form) -> Option<MoneyUnit> {
    crate::read::headers::money_unit_in(&row.label.text)
        .or_else(|| form.money_unit.as_ref().map(|(u, _)| *u))
}

/// The annual budget a form states, with its row: 当年/年度 budget lines first (not a 中期
/// total), else the total.
pub(crate) fn annual_budget(form: &Form) -> Option<(&FundingRow, &Cell)> {
    let rows = form.projects.iter().flat_map(|p| p.funding.iter());
    let annual = rows.clone().find(|r| {
        let l = &r.label.text;
        l.contains("当年预算") || l.contains("年度资金总额") || l.contains("年度预算")
    });
    let row = annual.or_else(|| rows.clone().find(|r| r.source == FundSource::Total))?;
    [Role::Amount, Role::BudgetInitial, Role::BudgetAdjusted]
        .iter()
        .find_map(|r| row.cells.get(*r))
        .filter(|c| !c.is_blank())
        .map(|c| (row, c))
}
