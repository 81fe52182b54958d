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

const COLUMNS: &[Role] = &[
    Role::BudgetInitial,
    Role::BudgetAdjusted,
    Role::Executed,
    Role::Amount,
];

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
        for project in &cx.form.projects {
            let totals: Vec<_> = project
                .funding
                .iter()
                .filter(|r| r.source == FundSource::Total)
                .collect();
            for total_row in &totals {
                // Blocks side by side (中期 | 年度): each total sums the sources in its column.
                let same_block = |r: &&crate::form::FundingRow| {
                    totals.len() < 2 || r.label.loc.col == total_row.label.loc.col
                };
                self.check_block(cx, project, total_row, same_block, out);
            }
            if let Some(total_row) = totals.first() {
                self.check_items(cx, project, total_row, out);
            }
        }
    }
}

/// Whether a funding row is one of the parts its total sums. A key–value line (a single
/// amount) of another name is a part only when it names a source (the profile's fund
/// sources, 项目支出 / 基本支出, or a source's name misspelled): 项目当年预算 or 同名项目上年预算额 beside 项目总预算 are other
/// figures, not its parts. Table rows are the table's sources whatever their names.
fn is_part(cx: &Context, r: &crate::form::FundingRow) -> bool {
    let FundSource::Named(name) = &r.source else {
        return true;
    };
    if r.cells.get(Role::Amount).is_none() {
        return true;
    }
    // A standard source (自筹资金), or one misspelled (其中：财政投款); another line may be a
    // share of a source
    // (其中：中央资金 under 财政拨款) or a subset (其中：政府采购), not a part.
    crate::read::headers::is_standard_source(name)
        || crate::read::headers::misspelled_source(name).is_some()
        || ["项目支出", "基本支出", "人员经费", "公用经费"].contains(&name.as_str())
        || cx
            .profile
            .fund_sources
            .iter()
            .any(|s| crate::read::headers::normalize_label(s) == *name)
}

/// An amount cell's value in the form's unit: `None` for a blank or unreadable cell.
fn value_of(cell: &crate::form::Cell, unit: MoneyUnit) -> Option<Stated> {
    amount(&cell.text, unit).flatten()
}

impl FundSourcesDoNotSumToTotal {
    /// Spending lines that itemise the total another way (a 部门整体 form's 支出项目): they
    /// must add up to it, and a line named as one of the sources (基本支出) must carry that
    /// source's amount.
    fn check_items(
        &self,
        cx: &Context,
        project: &crate::form::Project,
        total_row: &crate::form::FundingRow,
        out: &mut Vec<Diagnostic>,
    ) {
        let unit = cx
            .form
            .money_unit
            .as_ref()
            .map_or(MoneyUnit::Yuan, |(u, _)| *u);
        let unit_zh = cx.form.money_unit.as_ref().map_or("", |(u, _)| u.zh());
        let section = cx.money_section();
        let items: Vec<(&crate::form::FundingRow, &crate::form::Cell, Stated)> = project
            .funding
            .iter()
            .filter(|r| matches!(r.source, FundSource::Item(_)))
            // A year table's line (预算数 and 决算数 by year) is not an itemised share; a
            // line's task (年度目标任务) is no figure.
            .filter(|r| {
                r.cells
                    .0
                    .iter()
                    .all(|(role, _)| matches!(role, Role::Amount | Role::Goal))
            })
            .filter_map(|r| {
                let c = r.cells.get(Role::Amount)?;
                Some((r, c, value_of(c, unit)?))
            })
            .collect();
        if items.is_empty() {
            return;
        }
        for (item, cell, v) in &items {
            let FundSource::Item(name) = &item.source else {
                continue;
            };
            let same = project.funding.iter().find(|r| {
                !matches!(r.source, FundSource::Item(_) | FundSource::Total)
                    && crate::read::headers::normalize_label(&r.label.text) == *name
            });
            let Some((src, src_cell, sv)) = same.and_then(|r| {
                let c = r.cells.get(Role::Amount)?;
                Some((r, c, value_of(c, unit)?))
            }) else {
                continue;
            };
            if amount_interval(v).intersects(&amount_interval(&sv)) {
                continue;
            }
            out.push(
                Diagnostic::new(
                    self.code(),
                    cx.loc(section, Some(Role::Amount), cell),
                    Msg::new(
                        format!("支出项目“{name}”的预算金额 {} {unit_zh} ≠ 资金表中“{}” {} {unit_zh}", cell.trimmed(), src.label.trimmed(), src_cell.trimmed()),
                        format!("Spending line \"{name}\" budgets {} but the funding table's \"{}\" is {}", cell.trimmed(), src.label.trimmed(), src_cell.trimmed()),
                    ),
                    Msg::new(
                        "同一笔资金在两处的金额应一致。请核对履职目标表与资金表，改正填错的一处",
                        "The same money must carry the same amount in both tables; correct the wrong one",
                    ),
                )
                .with_related(cx.loc(section, Some(Role::Amount), src_cell), Msg::new(src.label.trimmed(), src.label.trimmed())),
            );
        }
        let Some(total_cell) = total_row.cells.get(Role::Amount) else {
            return;
        };
        let Some(total) = value_of(total_cell, unit) else {
            return;
        };
        let Some((sum, exact)) = interval_sum(items.iter().map(|(_, _, v)| v)) else {
            return;
        };
        if sum.intersects(&amount_interval(&total)) {
            return;
        }
        let dp = items
            .iter()
            .map(|(_, _, v)| v.decimals)
            .chain([total.decimals])
            .max()
            .unwrap_or(0);
        let shown = money::fmt_fixed(exact, dp);
        let working: Vec<&str> = items.iter().map(|(_, c, _)| c.trimmed()).collect();
        let mut d = Diagnostic::new(
            self.code(),
            cx.loc(section, Some(Role::Amount), total_cell),
            Msg::new(
                format!(
                    "{} {} {unit_zh} ≠ 各支出项目预算金额之和 {shown} {unit_zh}（{}）",
                    total_row.label.trimmed().trim_end_matches([':', '：']),
                    total_cell.trimmed(),
                    working.join(" + ")
                ),
                format!(
                    "{} {} ≠ the spending lines' sum {shown} ({})",
                    total_row.label.trimmed(),
                    total_cell.trimmed(),
                    working.join(" + ")
                ),
            ),
            Msg::new(
                "履职目标下各支出项目的预算金额之和应等于资金总额。请核对各项金额",
                "The spending lines under the duties must add up to the total; check each amount",
            ),
        );
        for (item, c, _) in &items {
            d = d.with_related(
                cx.loc(section, Some(Role::Amount), c),
                Msg::new(item.label.trimmed(), item.label.trimmed()),
            );
        }
        out.push(d);
    }
}

impl FundSourcesDoNotSumToTotal {
    fn check_block(
        &self,
        cx: &Context,
        project: &crate::form::Project,
        total_row: &crate::form::FundingRow,
        same_block: impl Fn(&&crate::form::FundingRow) -> bool,
        out: &mut Vec<Diagnostic>,
    ) {
        let unit = cx
            .form
            .money_unit
            .as_ref()
            .map_or(MoneyUnit::Yuan, |(u, _)| *u);
        let unit_zh = cx.form.money_unit.as_ref().map_or("", |(u, _)| u.zh());
        let section = cx.money_section();
        {
            let parts: Vec<_> = project
                .funding
                .iter()
                .filter(|r| !matches!(r.source, FundSource::Total | FundSource::Item(_)))
                .filter(&same_block)
                .filter(|r| {
                    !cx.profile
                        .fund_sum_excludes
                        .iter()
                        .any(|x| r.label.text.contains(x.as_str()))
                })
                .filter(|r| is_part(cx, r))
                .collect();
            // A 其中 line of another name (其中：省级补助) may be a part or a share of one:
            // the parts can't be told, so the sum is not checked.
            let unsure = project.funding.iter().filter(&same_block).any(|r| {
                matches!(r.source, FundSource::Named(_))
                    && crate::span::trim(&r.label.text).starts_with("其中")
                    && !is_part(cx, r)
            });
            if parts.is_empty() || unsure {
                return;
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
                let mut unreadable = false;
                for p in &parts {
                    let Some(cell) = p.cells.get(*role) else {
                        continue;
                    };
                    match amount(&cell.text, unit) {
                        Some(v) => addends.push((p, cell, v)),
                        None => unreadable = true,
                    }
                }
                // An unreadable part is B001's or S030's: the sum can't be told.
                if unreadable || addends.iter().all(|(_, _, v)| v.is_none()) {
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
                let total_label = total_row.label.trimmed().trim_end_matches([':', '：']);
                let dp = addends
                    .iter()
                    .filter_map(|(_, _, v)| v.map(|s| s.decimals))
                    .chain([total.decimals])
                    .max()
                    .unwrap_or(0);
                // The total as written, with the form's unit unless it names its own; the
                // sum in the total's unit, and as the cell would hold it (the fix).
                let own = match parse_amount(&total_cell.text) {
                    AmountCell::Value(_, Some(own)) => Some(own),
                    _ => None,
                };
                let in_own = own.and_then(|o| Some((money::convert(exact, unit, o)?, o)));
                // Converted (元 to 万元), the sum keeps the places the conversion adds.
                let replacement = match in_own {
                    Some((v, o)) => {
                        let v = v.normalize();
                        format!("{}{}", money::fmt_fixed(v, dp.max(v.scale())), o.zh())
                    }
                    None => money::fmt_fixed(exact, dp),
                };
                let (shown_total, shown_sum) = match in_own {
                    Some(_) => (total_cell.trimmed().to_string(), replacement.clone()),
                    None => (
                        format!("{} {unit_zh}", total_cell.trimmed()),
                        format!("{replacement} {unit_zh}"),
                    ),
                };
                let (shown_total, shown_sum) = (
                    shown_total.trim_end().to_string(),
                    shown_sum.trim_end().to_string(),
                );
                let mut d = Diagnostic::new(
                    self.code(),
                    cx.loc(section, Some(*role), total_cell),
                    Msg::new(
                        format!(
                            "{}：{total_label} {shown_total} ≠ 明细之和 {shown_sum}（{}）",
                            role.zh(),
                            working.join(" + ")
                        ),
                        format!(
                            "{}: {total_label} {shown_total} ≠ sum of sources {shown_sum} ({})",
                            role.en(),
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
                        format!("总额改为 {replacement}"),
                        format!("Change the total to {replacement}"),
                    ),
                    replacement,
                    applicability: Applicability::Unsafe,
                });
                out.push(d);
            }
        }
    }
}
