//! B003: a 成本指标's unit cost (`=23万元/个`) times the matching 数量指标 (`=10个`) comes to more than the form's annual budget.
//!
//! 检查内容：成本指标写成“金额/单位”的标准（如“=23万元/个”），数量指标中有同一单位的数量（如“入股合作社个数 =10个”），二者相乘不应超过年度资金总额。
//! 原因：单位成本 × 数量就是至少要花的钱；超过预算说明标准、数量或预算有一处填错。
//! 错误示例：年度资金总额 214.06 万元，成本指标“补助合作社平均标准 =23万元/个”，数量指标“入股合作社个数 =10个”（10 × 23 = 230 万元）。
//! 正确示例：成本指标“≤21.41万元/个”，或数量、预算按实际改正。
//!
//! Only a cost stated as a standard (`=`, bare or `≥`) and a quantity stated as exact or as a
//! floor (`=`, bare or `≥`) give a least cost; a cost per unit of time (`元/人·月`, `元/年`)
//! needs a duration the form does not give, and a unit counted by two different quantities
//! is ambiguous: neither is checked.

use crate::diagnostic::{Diagnostic, Msg, Section};
use crate::form::{MoneyUnit, Role};
use crate::money::{self, amount_interval, fmt_fixed, parse_amount, AmountCell};
use crate::rules::registry::Code;
use crate::rules::value::ValueCell;
use crate::rules::{Context, Reads, Rule};
use crate::value::{canonical_unit, Comparator, Kind};
use rust_decimal::Decimal;

pub struct UnitCostExceedsBudget;

/// Units of time: a cost per one of them needs a duration to become an amount.
const TIME_UNITS: &[&str] = &["年", "月", "天", "日", "周", "季度", "小时", "学期"];

/// A least figure a value states: `=x`, `x` or `≥x` (not `≤x`, not a range).
fn floor(v: &ValueCell) -> Option<Decimal> {
    let p = &v.parsed.value;
    let stated = matches!(p.kind, Kind::Quantitative)
        && matches!(p.comparator, None | Some(Comparator::Eq | Comparator::Ge));
    stated.then_some(p.value?)
}

/// A cost per unit: its money unit and the unit counted (`万元/个` → 万元, 个).
fn per_unit(unit: &str) -> Option<(MoneyUnit, &str)> {
    let (money, per) = unit.split_once(['/', '／'])?;
    let per = per.trim();
    // 人·年, 人月: a count over a period.
    let over_time = TIME_UNITS.iter().any(|t| per.ends_with(t));
    let countable = !per.is_empty() && !per.contains(['/', '／', '·', '.', '*']) && !over_time;
    Some((MoneyUnit::named(money.trim())?, per)).filter(|_| countable)
}

impl Rule for UnitCostExceedsBudget {
    fn code(&self) -> Code {
        Code::B003
    }

    fn reads(&self) -> Reads {
        crate::rules::value::READS
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        if cx.form.projects.len() != 1 {
            return;
        }
        let Some((total_row, total_cell)) = super::annual_budget(cx.form) else {
            return;
        };
        let AmountCell::Value(stated, unit) = parse_amount(&total_cell.text) else {
            return;
        };
        let Some(unit) = unit.or_else(|| super::row_unit(total_row, cx.form)) else {
            return; // 214.06 of what: can't say.
        };
        let budget = amount_interval(&stated);
        let Some(budget_hi) = money::convert(budget.hi, unit, MoneyUnit::Yuan) else {
            return;
        };
        let targets: Vec<&ValueCell> = cx
            .values()
            .iter()
            .filter(|v| v.role == Role::Target)
            .collect();
        for cost in targets.iter().filter(|v| v.facts.cost) {
            let Some(((cost_unit, per), each)) = cost
                .parsed
                .value
                .unit
                .as_deref()
                .and_then(per_unit)
                .zip(floor(cost))
            else {
                continue;
            };
            let per = canonical_unit(per);
            let counts: Vec<(&&ValueCell, Decimal)> = targets
                .iter()
                .filter(|q| q.level2.contains("数量") && !q.facts.rate)
                .filter(|q| q.parsed.value.unit.as_deref().map(canonical_unit) == Some(per.clone()))
                .filter_map(|q| Some((q, floor(q)?)))
                .collect();
            let Some((quantity, n)) = counts.first().copied() else {
                continue;
            };
            if counts.iter().any(|(_, m)| *m != n) {
                continue; // two counts in 个: which one the cost is per is not said.
            }
            // The cost's lowest reading within its written precision (23 may be 22.5).
            let Some(each_lo) = money::parse_decimal(&each.to_string())
                .map(|s| amount_interval(&s).lo)
                .and_then(|lo| money::convert(lo, cost_unit, MoneyUnit::Yuan))
            else {
                continue;
            };
            let Some(least) = each_lo.checked_mul(n) else {
                continue;
            };
            if least <= budget_hi {
                continue;
            }
            let Some(product) = each
                .checked_mul(n)
                .and_then(|p| money::convert(p, cost_unit, unit))
            else {
                continue;
            };
            // The average the budget allows, in the cost's unit, or in 元 when that rounds to 0.
            let average = money::convert(stated.value, unit, cost_unit)
                .and_then(|b| b.checked_div(n))
                .and_then(|a| {
                    let shown = money::round_half_away(a, 2);
                    if shown.is_zero() {
                        let yuan = money::convert(a, cost_unit, MoneyUnit::Yuan)?;
                        Some(format!(
                            "{}元",
                            fmt_fixed(money::round_half_away(yuan, 2), 2)
                        ))
                    } else {
                        Some(format!("{}{}", fmt_fixed(shown, 2), cost_unit.zh()))
                    }
                });
            let unit_zh = unit.zh();
            let product_s = fmt_fixed(money::round_half_away(product, 2), 2);
            let total = total_cell.trimmed();
            let total_name = total_row.shown_label();
            out.push(
                Diagnostic::new(
                    self.code(),
                    cost.location(cx),
                    Msg::new(
                        format!(
                            "“{}”{} × “{}”{} = {product_s}{unit_zh}，超过“{total_name}”{total}{unit_zh}",
                            cost.name,
                            cost.cell.trimmed(),
                            quantity.name,
                            quantity.cell.trimmed(),
                        ),
                        format!(
                            "\"{}\" {} × \"{}\" {} = {product_s}{unit_zh}, more than the annual budget {total}{unit_zh}",
                            cost.name,
                            cost.cell.trimmed(),
                            quantity.name,
                            quantity.cell.trimmed(),
                        ),
                    ),
                    Msg::new(
                        format!(
                            "单位成本 × 数量不应超过预算。请核对成本标准、数量和年度资金总额{}",
                            average
                                .as_ref()
                                .map_or(String::new(), |a| format!("（按预算平均为 {a}/{per}）"))
                        ),
                        "Unit cost × quantity can't exceed the budget; check the standard, the quantity and the annual total".to_string(),
                    ),
                )
                .with_related(quantity.location(cx), Msg::new("数量指标", "quantity"))
                .with_related(
                    cx.loc(Section::Funding, Some(Role::Amount), total_cell),
                    Msg::new("年度资金总额", "annual budget"),
                ),
            );
        }
    }
}
