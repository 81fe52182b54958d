//! X004: the 自评表's 年初预算数 differs from the budget the approved 目标表 states (年度资金总额 / 项目当年预算), in the same money unit.
//!
//! 检查内容：自评表资金表“年初预算数”的总额应等于批复目标表的年度预算金额（单位换算后比较）。
//! 原因：年初预算数就是批复数，对不上说明填错了项目或金额。
//! 错误示例：目标表项目当年预算 517,500 元，自评表年初预算数 50.75 万元。
//! 正确示例：自评表年初预算数 51.75 万元。

use super::approved;
use crate::diagnostic::{Diagnostic, Msg, Section};
use crate::form::{Cell, FundSource, MoneyUnit, Role};
use crate::money::{self, amount_interval, parse_amount, AmountCell, Interval};
use crate::rules::budget::row_unit;
use crate::rules::registry::Code;
use crate::rules::{Context, Rule};

pub struct FundingDiffersFromApproved;

/// An amount cell read in 元, as intervals for its written precision: one per unit it may be
/// in (元 and 万元 when neither the cell nor its form states one).
fn yuan(cell: &Cell, form_unit: Option<MoneyUnit>) -> Option<Vec<Interval>> {
    let AmountCell::Value(s, unit) = parse_amount(&cell.text) else {
        return None;
    };
    let units = match unit.or(form_unit) {
        Some(u) => vec![u],
        None => vec![MoneyUnit::Yuan, MoneyUnit::Wanyuan],
    };
    let i = amount_interval(&s);
    units
        .into_iter()
        .map(|unit| {
            Some(Interval {
                lo: money::convert(i.lo, unit, MoneyUnit::Yuan)?,
                hi: money::convert(i.hi, unit, MoneyUnit::Yuan)?,
            })
        })
        .collect()
}

impl Rule for FundingDiffersFromApproved {
    fn code(&self) -> Code {
        Code::X004
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        let Some((at, target_form)) = approved(cx) else {
            return;
        };
        let Some((was_row, was)) = crate::rules::budget::annual_budget(target_form) else {
            return;
        };
        let total = cx
            .form
            .projects
            .iter()
            .flat_map(|p| p.funding.iter())
            .find(|r| r.source == FundSource::Total);
        let Some((now_row, now)) = total.and_then(|r| {
            r.cells
                .get(Role::BudgetInitial)
                .filter(|c| !c.is_blank())
                .map(|c| (r, c))
        }) else {
            return;
        };
        let now_unit = row_unit(now_row, cx.form);
        let was_unit = row_unit(was_row, target_form);
        let (Some(a), Some(b)) = (yuan(now, now_unit), yuan(was, was_unit)) else {
            return;
        };
        // Where a side's unit is unknown, a match in either reading is no finding.
        if a.iter().any(|a| b.iter().any(|b| a.intersects(b))) {
            return;
        }
        let with_unit = |c: &Cell, u: Option<MoneyUnit>| {
            format!("{}{}", c.trimmed(), u.map_or("", MoneyUnit::zh))
        };
        out.push(
            Diagnostic::new(
                self.code(),
                cx.loc(Section::Funding, Some(Role::BudgetInitial), now),
                Msg::new(
                    format!("年初预算数 {} 与批复目标表（表{}）的预算 {} 不一致", with_unit(now, now_unit), at.saturating_add(1), with_unit(was, was_unit)),
                    format!("Initial budget {} differs from the approved form {}'s {}", with_unit(now, now_unit), at.saturating_add(1), with_unit(was, was_unit)),
                ),
                Msg::new(
                    "年初预算数应等于批复的年度预算（注意元与万元的换算）。请核对是否填错金额或项目",
                    "The initial budget should equal the approved annual budget (mind 元 vs 万元); check the figure and the project",
                ),
            )
            .with_related(Context::loc_in(at, Section::Funding, Some(Role::Amount), was), Msg::new("批复的预算", "approved budget")),
        );
    }
}
