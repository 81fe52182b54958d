//! B007 (info): one project's funding block writes some amounts of a thousand or more with thousands separators (215,457.6) and the others without (215457.6).
//!
//! 检查内容：同一资金表中，千元以上的金额要么都带千分位逗号，要么都不带。
//! 原因：写法不一致多是从不同来源粘贴或手工改过的痕迹，核对时容易把同一个数看成两个数；导入系统时带逗号的格可能按文本处理。
//! 错误示例：年度资金总额“215,457.6”，其中财政拨款“215457.6”。
//! 正确示例：都写“215457.60”，或都写“215,457.60”。

use crate::diagnostic::{Diagnostic, Msg};
use crate::form::{Cell, FormKind, Role};
use crate::money::{parse_amount, AmountCell};
use crate::rules::registry::Code;
use crate::rules::{Context, Reads, Rule};
use rust_decimal::Decimal;

pub struct SeparatorsMixed;

/// An amount of a thousand or more, and whether it is written with a thousands separator.
fn separated(cell: &Cell) -> Option<bool> {
    let AmountCell::Value(s, _) = parse_amount(&cell.text) else {
        return None;
    };
    (s.value.abs() >= Decimal::ONE_THOUSAND).then(|| cell.trimmed().contains([',', '，']))
}

impl Rule for SeparatorsMixed {
    fn code(&self) -> Code {
        Code::B007
    }

    fn reads(&self) -> Reads {
        Reads::REST
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        // A summary's projects are rows of one table, each typed on its own.
        if matches!(
            cx.form.kind,
            FormKind::NarrativeReport | FormKind::SummarySelfEvaluation
        ) {
            return;
        }
        for project in &cx.form.projects {
            let amounts: Vec<(Role, &Cell, bool)> = project
                .funding
                .iter()
                .flat_map(|row| row.cells.0.iter())
                .filter_map(|(r, c)| separated(c).map(|s| (*r, c, s)))
                .collect();
            let with = amounts.iter().filter(|(_, _, s)| *s).count();
            let without = amounts.len().saturating_sub(with);
            // The fewer are the odd ones out; the more set the form's way of writing.
            if with == 0 || without == 0 || with > without {
                continue;
            }
            for (role, cell, _) in amounts.iter().filter(|(_, _, s)| *s) {
                let t = cell.trimmed();
                let plain: String = t.chars().filter(|c| !matches!(c, ',' | '，')).collect();
                out.push(Diagnostic::new(
                    self.code(),
                    cx.loc(cx.money_section(), Some(*role), cell),
                    Msg::new(
                        format!("金额“{t}”带千分位逗号，同一资金表的其他金额不带"),
                        format!("\"{t}\" has thousands separators; the other amounts of the funding table do not"),
                    ),
                    Msg::new(
                        format!("统一金额写法，写成“{plain}”"),
                        format!("Write the amounts one way: \"{plain}\""),
                    ),
                ));
            }
        }
    }
}
