//! S024: in a table of projects by fund source, a group row named for one source (一般公共预算) carries money in another source's column (其他资金(专户收入) 262.00).
//!
//! 检查内容：按资金来源分列的项目表中，以某一资金来源命名的分组行（如“一般公共预算”），其金额应只在该来源列。
//! 原因：分组行的金额落在别的来源列，说明分组或分列填错，按来源汇总的数会对不上。
//! 错误示例：“一般公共预算”行：一般公共预算 239.60，其他资金(专户收入) 262.00。
//! 正确示例：把专户收入的项目归到“其他资金”分组行下，“一般公共预算”行只填一般公共预算列。

use crate::diagnostic::{Diagnostic, Msg};
use crate::form::{FundSource, Role};
use crate::money::{parse_amount, AmountCell};
use crate::read::headers::label_key;
use crate::rules::registry::Code;
use crate::rules::{Context, Reads, Rule};

pub struct GroupRowInOtherColumn;

impl Rule for GroupRowInOtherColumn {
    fn code(&self) -> Code {
        Code::S024
    }

    fn reads(&self) -> Reads {
        Reads::REST
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        if cx.form.projects.len() < 2 {
            return;
        }
        for project in &cx.form.projects {
            let Some(name) = project.name.as_ref().filter(|c| !c.is_blank()) else {
                continue;
            };
            let key = label_key(&name.text);
            let key: &str = &key;
            let sources = || {
                project.funding.iter().filter_map(|r| match &r.source {
                    FundSource::Named(n) => Some((r, n.as_str())),
                    _ => None,
                })
            };
            if !sources().any(|(_, n)| n == key) {
                continue;
            }
            let other = sources().filter(|(_, n)| *n != key).find_map(|(r, n)| {
                let cell = r.cells.get(Role::BudgetAdjusted)?;
                match parse_amount(&cell.text) {
                    AmountCell::Value(s, _) if !s.value.is_zero() => Some((r, n, cell)),
                    _ => None,
                }
            });
            let Some((row, column, cell)) = other else {
                continue;
            };
            let (group, amount) = (name.trimmed(), cell.trimmed());
            // The column's title without the spaces a wrapped header cell keeps.
            let shown: String = row.label.text.split_whitespace().collect();
            out.push(
                Diagnostic::new(
                    self.code(),
                    cx.loc(cx.money_section(), Some(Role::BudgetAdjusted), cell),
                    Msg::new(
                        format!("分组行“{group}”在“{shown}”列填了 {amount}：以“{group}”命名的分组，金额应只在“{group}”列"),
                        format!("The group row \"{group}\" has {amount} in the \"{column}\" column; a group named for a source holds money only in that source's column"),
                    ),
                    Msg::new(
                        format!("把“{shown}”的项目归到对应的分组行下，或核对“{group}”行的分列"),
                        "Put those projects under the group of their own source, or check the row's columns".to_string(),
                    ),
                )
                .with_related(
                    cx.loc(cx.money_section(), None, name),
                    Msg::new("分组行", "group row"),
                ),
            );
        }
    }
}
