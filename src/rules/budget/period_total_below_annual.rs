//! B004: a total over several years (中期资金总额, 项目总预算) is smaller than the one year's total (年度资金总额, 当年预算) it includes.
//!
//! 检查内容：中期资金总额（或项目总预算）包含本年度资金，不能小于年度资金总额（或项目当年预算）。
//! 原因：中期是多年合计，比一年还少说明两个数填反或填错。
//! 错误示例：中期资金总额 170.00 万元，年度资金总额 340.00 万元。
//! 正确示例：中期资金总额 340.00 万元（中期只含本年度时与年度相等），年度资金总额 340.00 万元。

use super::{is_annual_budget as is_annual_total, is_period_total};
use crate::diagnostic::{Diagnostic, Msg};
use crate::form::{Cell, FundSource, FundingRow, MoneyUnit, Role};
use crate::money::{self, amount_interval, parse_amount, AmountCell, Interval};
use crate::rules::registry::Code;
use crate::rules::{Context, Reads, Rule};

pub struct PeriodTotalBelowAnnual;

/// A total row's amount cell, read in 元 as an interval for its written precision.
fn amount_of<'r>(row: &'r FundingRow, cx: &Context) -> Option<(&'r Cell, Interval)> {
    let cell = [Role::Amount, Role::BudgetInitial, Role::BudgetAdjusted]
        .iter()
        .find_map(|r| row.cells.get(*r))?;
    let AmountCell::Value(s, own) = parse_amount(&cell.text) else {
        return None;
    };
    // Both in one unit when nothing says which: the comparison needs no unit then.
    let unit = own
        .or_else(|| super::row_unit(row, cx.form))
        .unwrap_or(MoneyUnit::Yuan);
    let i = amount_interval(&s);
    Some((
        cell,
        Interval {
            lo: money::convert(i.lo, unit, MoneyUnit::Yuan)?,
            hi: money::convert(i.hi, unit, MoneyUnit::Yuan)?,
        },
    ))
}

impl Rule for PeriodTotalBelowAnnual {
    fn code(&self) -> Code {
        Code::B004
    }

    fn reads(&self) -> Reads {
        Reads::REST
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        for project in &cx.form.projects {
            let totals = || {
                project.funding.iter().filter(|r| {
                    r.source == FundSource::Total || r.cells.get(Role::Amount).is_some()
                })
            };
            let label = |r: &FundingRow| crate::read::headers::normalize_label(&r.label.text);
            let Some((period_row, (period_cell, period))) = totals()
                .find(|r| is_period_total(&label(r)))
                .and_then(|r| Some((r, amount_of(r, cx)?)))
            else {
                continue;
            };
            let Some((annual_row, (annual_cell, annual))) = totals()
                .find(|r| is_annual_total(&label(r)))
                .and_then(|r| Some((r, amount_of(r, cx)?)))
            else {
                continue;
            };
            if period.hi >= annual.lo {
                continue;
            }
            let name = |r: &FundingRow| {
                r.label
                    .trimmed()
                    .trim_end_matches([':', '：'])
                    .trim()
                    .to_string()
            };
            let (pn, an) = (name(period_row), name(annual_row));
            let (pv, av) = (period_cell.trimmed(), annual_cell.trimmed());
            let section = cx.money_section();
            out.push(
                Diagnostic::new(
                    self.code(),
                    cx.loc(section, Some(Role::Amount), period_cell),
                    Msg::new(
                        format!("“{pn}”{pv} 小于“{an}”{av}：多年的总额不能少于其中一年"),
                        format!("\"{pn}\" {pv} is less than \"{an}\" {av}: a total over several years can't be less than one of them"),
                    ),
                    Msg::new(
                        format!("“{pn}”包含本年度资金，应不小于“{an}”（只含本年度时二者相等）。请核对两个金额是否填反或填错"),
                        format!("\"{pn}\" includes this year's funds and can't be less than \"{an}\" (equal when it covers only this year); check whether the two were swapped"),
                    ),
                )
                .with_related(
                    cx.loc(section, Some(Role::Amount), annual_cell),
                    Msg::new("年度金额", "annual amount"),
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tells_period_totals_from_annual_ones() {
        let cases = [
            ("中期资金总额", true, false),
            ("项目总预算", true, false),
            ("年度资金总额", false, true),
            ("项目当年预算", false, true),
            ("同名项目上年预算额", false, false),
            ("上一年度预算执行数", false, false),
            ("本年度安排资金", false, true),
            ("其中财政拨款", false, false),
        ];
        for (label, period, annual) in cases {
            assert_eq!(is_period_total(label), period, "{label}");
            assert_eq!(is_annual_total(label), annual, "{label}");
        }
    }
}
