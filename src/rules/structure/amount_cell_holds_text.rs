//! S030: a budget, spending or rate cell holds words or a second figure (约95, 见附表,
//! 854万854万(…)) instead of one amount: the field is filled with something else.
//!
//! 检查内容：金额栏、执行率栏只填一个数字；说明、分项构成写到说明栏或原因栏。
//! 原因：系统按数字导入和汇总，栏内夹有文字或重复的数字就无法读数，也无法复核总额和执行率。
//! 错误示例：财政拨款“854万854万(高标准农田建设400万元,…)”；执行数“约95”。
//! 正确示例：财政拨款“854”，分项构成写在项目概况或说明栏。

use crate::diagnostic::{Diagnostic, Msg};
use crate::form::Role;
use crate::money::{prose_in_amount, AmountProse};
use crate::rules::registry::Code;
use crate::rules::{Context, Reads, Rule};

pub struct AmountCellHoldsText;

/// The cells that hold one amount or rate (B001 reads the same ones).
pub const AMOUNT_ROLES: &[Role] = &[
    Role::BudgetInitial,
    Role::BudgetAdjusted,
    Role::Executed,
    Role::Amount,
    Role::Rate,
];

impl Rule for AmountCellHoldsText {
    fn code(&self) -> Code {
        Code::S030
    }

    fn reads(&self) -> Reads {
        Reads::REST
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        let section = cx.money_section();
        for row in cx.form.projects.iter().flat_map(|p| &p.funding) {
            for (role, cell) in row.cells.0.iter().filter(|(r, _)| AMOUNT_ROLES.contains(r)) {
                // A figure with a note that other rules read (854万（…）) is left alone.
                let unread = crate::money::unreadable(&cell.text, *role == Role::Rate);
                let Some(what) = prose_in_amount(&cell.text).filter(|_| unread) else {
                    continue;
                };
                // A long text with no figure at all (自然保护地体系建设(省级自然保护区补助)) is a
                // label read in a layout not foreseen, not an amount someone wrote in words.
                let t = cell.trimmed();
                if !t
                    .chars()
                    .any(|c| c.is_ascii_digit() || ('０'..='９').contains(&c))
                    && t.chars().count() > 6
                {
                    continue;
                }
                let t = crate::span::ellipsize(t, 30);
                let (zh, en) = match what {
                    AmountProse::Words => ("夹有文字", "holds words besides the figure"),
                    AmountProse::SeveralFigures => {
                        ("写了不止一个数字", "holds more than one figure")
                    }
                };
                out.push(Diagnostic::new(
                    self.code(),
                    cx.loc(section, Some(*role), cell),
                    Msg::new(
                        format!("“{}”的{}“{t}”{zh}，不是一个金额，无法核对", row.shown_label(), role.zh()),
                        format!("{} of \"{}\" (\"{t}\") {en}, so it can't be checked", role.en(), row.shown_label()),
                    ),
                    Msg::new(
                        "金额栏只填一个数字（执行率带 %）；分项构成和说明写到说明栏或原因栏",
                        "Write one figure only (rates end in %); put breakdowns and explanations in the notes or reason field",
                    ),
                ));
            }
        }
    }
}
