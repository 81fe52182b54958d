//! B002: a funding total differs from the sum of its sources in some column, beyond what the rounding of the figures allows.
//!
//! 检查内容：年初预算数、全年预算数、全年执行数各列中，总额 = 各资金来源之和（中央：财政拨款 + 上年结转 + 其他资金；
//! 四川：财政资金 + 财政专户管理资金 + 单位资金 + 其他资金；汇总表：合计 = 财政拨款 + 非财政资金）。
//! 原因：总额与明细对不上是最常见的退回原因。
//! 错误示例：年度资金总额 0.00，当年财政拨款 89.97。
//! 正确示例：年度资金总额 89.97，当年财政拨款 89.97，上年结转 —，其他资金 —。

use crate::diagnostic::{Applicability, Diagnostic, Fix, Msg};
use crate::form::{FundSource, MoneyUnit, Role};
use crate::money::{self, amount_interval, interval_sum, parse_amount, AmountCell, Stated};
use crate::rules::registry::Code;
use crate::rules::{Context, Reads, Rule};

pub struct FundSourcesDoNotSumToTotal;

const COLUMNS: &[Role] = &[Role::BudgetInitial, Role::BudgetAdjusted, Role::Executed];

fn amount(text: &str, form_unit: MoneyUnit) -> Option<Option<Stated>> {
    match parse_amount(text) {
        AmountCell::NoValue => Some(None),
        AmountCell::Value(mut s, unit) => {
            if let Some(u) = unit.filter(|u| *u != form_unit) {
                s.value = money::convert(s.value, u, form_unit)?;
            }
            Some(Some(s))
        }
        AmountCell::Invalid => None,
    }
}

impl Rule for FundSourcesDoNotSumToTotal {
    fn code(&self) -> Code {
        Code::B002
    }

    fn reads(&self) -> Reads {
        Reads::REST
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        let unit = cx
            .form
            .money_unit
            .as_ref()
            .map_or(MoneyUnit::Yuan, |(u, _)| *u);
        let unit_zh = cx.form.money_unit.as_ref().map_or("", |(u, _)| u.zh());
        let section = cx.money_section();
        for project in &cx.form.projects {
            let Some(total_row) = project
                .funding
                .iter()
                .find(|r| r.source == FundSource::Total)
            else {
                continue;
            };
            let parts: Vec<_> = project
                .funding
                .iter()
                .filter(|r| r.source != FundSource::Total)
                .filter(|r| {
                    !cx.profile
                        .fund_sum_excludes
                        .iter()
                        .any(|x| r.label.text.contains(x.as_str()))
                })
                .collect();
            if parts.is_empty() {
                continue;
            }
            for role in COLUMNS {
                let Some(total_cell) = total_row.cells.get(*role) else {
                    continue;
                };
                let Some(Some(total)) = amount(&total_cell.text, unit) else {
                    continue;
                };
                // Each part: its cell, and its value (None for "—" or blank).
                let mut addends = Vec::new();
                for p in &parts {
                    let Some(cell) = p.cells.get(*role) else {
                        continue;
                    };
                    match amount(&cell.text, unit) {
                        Some(v) => addends.push((p, cell, v)),
                        None => addends.clear(), // an unreadable part is B001's; skip the sum
                    }
                }
                if addends.iter().all(|(_, _, v)| v.is_none()) {
                    continue;
                }
                let Some((sum, exact)) =
                    interval_sum(addends.iter().filter_map(|(_, _, v)| v.as_ref()))
                else {
                    continue;
                };
                if sum.intersects(&amount_interval(&total)) {
                    continue;
                }
                let working: Vec<String> = addends
                    .iter()
                    .map(|(p, c, v)| {
                        let label = p
                            .label
                            .text
                            .trim()
                            .trim_start_matches("其中：")
                            .trim_start_matches("其中:");
                        format!("{label} {}", if v.is_some() { c.trimmed() } else { "—" })
                    })
                    .collect();
                let total_label = total_row.label.trimmed();
                let dp = addends
                    .iter()
                    .filter_map(|(_, _, v)| v.map(|s| s.decimals))
                    .chain([total.decimals])
                    .max()
                    .unwrap_or(0);
                let shown_sum = money::fmt_fixed(exact, dp);
                let mut d = Diagnostic::new(
                    self.code(),
                    cx.loc(section, Some(*role), total_cell),
                    Msg::new(
                        format!(
                            "{}：{total_label} {} {unit_zh} ≠ 明细之和 {shown_sum} {unit_zh}（{}）",
                            role.zh(),
                            total_cell.trimmed(),
                            working.join(" + ")
                        ),
                        format!(
                            "{}: {total_label} {} ≠ sum of sources {shown_sum} ({})",
                            role.en(),
                            total_cell.trimmed(),
                            working.join(" + ")
                        ),
                    ),
                    Msg::new(
                        "总额应等于各资金来源之和（已考虑四舍五入误差）。请核对总额和各来源金额，改正填错的一项",
                        "The total must equal the sum of its sources (rounding allowed for). Check the total and each source",
                    ),
                );
                for (p, c, _) in &addends {
                    d = d.with_related(
                        cx.loc(section, Some(*role), c),
                        Msg::new(p.label.trimmed(), p.label.trimmed()),
                    );
                }
                d = d.with_fix(Fix {
                    title: Msg::new(
                        format!("总额改为 {shown_sum}"),
                        format!("Change the total to {shown_sum}"),
                    ),
                    replacement: shown_sum,
                    applicability: Applicability::Unsafe,
                });
                out.push(d);
            }
        }
    }
}
