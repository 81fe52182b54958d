//! Execution-rate rules (family R) and the figures they share: budget, spending and stated rate per funding row.

pub mod budget_adjusted_without_reason;
pub mod budget_progress_behind;
mod claims;
pub mod execution_rate_mismatch;
pub mod execution_rate_over_100;
pub mod full_payment_claim_contradicted;
pub mod full_payment_claim_unverified;
pub mod low_execution_rate_without_reason;
pub mod rate_before_year_end;
pub mod spending_without_budget;

use crate::form::{Cell, Form, FundSource, FundingRow, MoneyUnit, Project, Role};
use crate::money::{self, parse_amount, parse_percent, AmountCell, Stated};
use rust_decimal::Decimal;

/// One funding row's readable figures. Amounts are scaled to the unit of the row's
/// budget so that a cell written "8.11万元" in a 元 table compares correctly.
pub struct Execution<'a> {
    pub project: &'a Project,
    pub row: &'a FundingRow,
    pub budget: (Stated, &'a Cell),
    pub executed: (Stated, &'a Cell),
    pub stated_rate: Option<(Stated, &'a Cell)>,
    /// executed / budget × 100, exact; `None` when the budget is zero.
    pub computed: Option<Decimal>,
}

impl Execution<'_> {
    pub fn is_total(&self) -> bool {
        self.row.source == FundSource::Total
    }
}

fn amount(row: &FundingRow, role: Role, form_unit: MoneyUnit) -> Option<(Stated, &Cell)> {
    let cell = row.cells.get(role)?;
    match parse_amount(&cell.text) {
        AmountCell::Value(mut s, unit) => {
            if let Some(u) = unit.filter(|u| *u != form_unit) {
                s.value = money::convert(s.value, u, form_unit)?;
            }
            Some((s, cell))
        }
        _ => None,
    }
}

/// Every funding row with a readable budget and spending. Spending lines (a year table's
/// 三公经费, 办公经费) are not executed against a budget that needs a reason: their rates
/// are not the form's, and are left out.
pub fn executions(form: &Form) -> Vec<Execution<'_>> {
    executions_where(form, |r| !matches!(r.source, FundSource::Item(_)))
}

/// The spending lines' budgets and spending, for the checks that do apply to a line.
pub fn line_executions(form: &Form) -> Vec<Execution<'_>> {
    executions_where(form, |r| matches!(r.source, FundSource::Item(_)))
}

fn executions_where(form: &Form, keep: impl Fn(&FundingRow) -> bool) -> Vec<Execution<'_>> {
    let unit = form
        .money_unit
        .as_ref()
        .map_or(MoneyUnit::Yuan, |(u, _)| *u);
    let mut out = Vec::new();
    for project in &form.projects {
        for row in project.funding.iter().filter(|r| keep(r)) {
            // The adjusted budget; monitoring forms have only the initial one.
            let budget = amount(row, Role::BudgetAdjusted, unit)
                .or_else(|| amount(row, Role::BudgetInitial, unit));
            let (Some(budget), Some(executed)) = (budget, amount(row, Role::Executed, unit)) else {
                continue;
            };
            let stated_rate = row
                .cells
                .get(Role::Rate)
                .and_then(|c| parse_percent(&c.text).map(|s| (s, c)));
            let computed = money::percent_of(executed.0.value, budget.0.value);
            out.push(Execution {
                project,
                row,
                budget,
                executed,
                stated_rate,
                computed,
            });
        }
    }
    out
}

/// "256.63 ÷ 257" with the figures as written.
pub fn working(e: &Execution) -> String {
    format!("{} ÷ {}", e.executed.1.trimmed(), e.budget.1.trimmed())
}

/// A project's name for messages.
pub fn project_name(p: &Project) -> String {
    p.name
        .as_ref()
        .map(|c| crate::span::ellipsize(c.trimmed(), 24))
        .unwrap_or_else(|| "本项目".to_string())
}
