//! B006 (info): a funding line's amount written in the same cell as its name (年度资金总额:50万), where the form has a cell for it.
//!
//! 检查内容：资金表中金额应单独填在金额单元格，不与资金名称写在同一格。
//! 原因：预算系统按单元格导入金额，“名称:金额”写在一格里的，金额读不出来，汇总时按空值处理。
//! 错误示例：“年度资金总额:50万”写在一个单元格中，右侧金额格另写其他内容。
//! 正确示例：名称格写“年度资金总额”，金额格写“50”（单位万元见表头）。

use crate::diagnostic::{Diagnostic, Msg};
use crate::rules::registry::Code;
use crate::rules::{Context, Reads, Rule};

pub struct AmountInLabelCell;

impl Rule for AmountInLabelCell {
    fn code(&self) -> Code {
        Code::B006
    }

    fn reads(&self) -> Reads {
        Reads::REST
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        if cx.form.kind == crate::form::FormKind::NarrativeReport {
            return;
        }
        for row in cx.form.projects.iter().flat_map(|p| &p.funding) {
            let shared = row
                .cells
                .0
                .iter()
                // The reader split "名称:金额" out of one cell: the amount is part of the
                // label's own text (a table's column title shares a place, not its text).
                .any(|(_, c)| {
                    c.loc == row.label.loc
                        && !c.is_blank()
                        && row.label.text.len() > c.text.len()
                        && row.label.text.contains(c.trimmed())
                });
            if !shared {
                continue;
            }
            let t = row.label.trimmed();
            out.push(Diagnostic::new(
                self.code(),
                cx.loc(cx.money_section(), None, &row.label),
                Msg::new(
                    format!("“{t}”把资金名称和金额写在同一单元格"),
                    format!("\"{t}\" puts the fund's name and its amount in one cell"),
                ),
                Msg::new(
                    "名称和金额分格填写：名称格写资金名称，金额格只写数字（单位见表头）",
                    "Put the name and the amount in cells of their own: the amount cell holds the figure alone",
                ),
            ));
        }
    }
}
