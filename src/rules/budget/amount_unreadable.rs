//! B001: a budget, spending or rate cell holds a mistyped figure (256,63), or a number with
//! a stray point at its end ("7.50."), which the other rules read as the number before it.
//! Words or a second figure in the cell (约95, 854万854万) are S030's.
//!
//! 检查内容：预算数、执行数、执行率等金额单元格必须是数字（可带千分位、单位或 %），或“—”“/”表示无。
//! 原因：无法读数就无法复核总额和执行率。
//! 错误示例：“256.63万”误写为“256,63”；“7.50.”末尾多一个点。
//! 正确示例：“256.63”、“1,273.65”、“99.86%”、“—”。

use crate::diagnostic::{Diagnostic, Msg};
use crate::form::Role;
use crate::money::{parse_amount, without_stray_point, AmountCell};
use crate::rules::registry::Code;
use crate::rules::{Context, Reads, Rule};

pub struct AmountUnreadable;

const AMOUNT_ROLES: &[Role] = &[
    Role::BudgetInitial,
    Role::BudgetAdjusted,
    Role::Executed,
    Role::Amount,
];

impl Rule for AmountUnreadable {
    fn code(&self) -> Code {
        Code::B001
    }

    fn reads(&self) -> Reads {
        Reads::REST
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        let section = cx.money_section();
        for project in &cx.form.projects {
            for row in &project.funding {
                for (role, cell) in &row.cells.0 {
                    let stray = AMOUNT_ROLES
                        .contains(role)
                        .then(|| without_stray_point(&cell.text))
                        .flatten()
                        .filter(|_| parse_amount(&cell.text) != AmountCell::Invalid);
                    if let Some(figure) = stray {
                        out.push(Diagnostic::new(
                            self.code(),
                            cx.loc(section, Some(*role), cell),
                            Msg::new(
                                format!(
                                    "“{}”的{}“{}”末尾多了一个点，已按 {figure} 核对",
                                    row.shown_label(),
                                    role.zh(),
                                    cell.trimmed()
                                ),
                                format!(
                                    "\"{}\" in {} ends in a stray point; checked as {figure}",
                                    cell.trimmed(),
                                    role.en()
                                ),
                            ),
                            Msg::new(
                                format!("删去末尾多余的点，写成“{figure}”"),
                                format!("Delete the stray point: \"{figure}\""),
                            ),
                        ));
                        continue;
                    }
                    let bad = (AMOUNT_ROLES.contains(role) || *role == Role::Rate)
                        && crate::money::unreadable(&cell.text, *role == Role::Rate);
                    // Words or a second figure in the cell are S030's: the field holds something else.
                    if !bad || crate::money::prose_in_amount(&cell.text).is_some() {
                        continue;
                    }
                    out.push(Diagnostic::new(
                        self.code(),
                        cx.loc(section, Some(*role), cell),
                        Msg::new(
                            match &row.source {
                                // A spending line of a year table: its name says which figure.
                                crate::form::FundSource::Item(_) => format!(
                                    "“{}”的{}“{}”不是可读的数字",
                                    row.shown_label(),
                                    role.zh(),
                                    cell.trimmed()
                                ),
                                _ => format!("“{}”中的“{}”不是可读的数字", role.zh(), cell.trimmed()),
                            },
                            format!("\"{}\" in {} is not a readable number", cell.trimmed(), role.en()),
                        ),
                        Msg::new(
                            "只填数字（可带千分位逗号、小数点；执行率带 %），没有数据填“—”。说明文字请写到原因栏",
                            "Write only the number (thousands commas and a decimal point are fine; rates end in %), or — for none. Put explanations in the reason field",
                        ),
                    ));
                }
            }
        }
    }
}
