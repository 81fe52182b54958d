//! R009 (info): a report says the funds were paid out in full (资金已全部支付到位) but gives no spending figure or rate, so the claim can't be checked.
//!
//! 检查内容：自评报告称资金“已全部拨付”“全部支付到位”，但全文没有执行数或执行率。
//! 原因：自评要以执行数和执行率说明预算执行情况，只有结论无法核对，审核时会退回补充。
//! 错误示例：“上级下达资金总额118万元……资金已全部支付到位。”（没有支付金额和执行率）
//! 正确示例：“截至2023年12月31日，已支付118万元，预算执行率100%。”

use super::claims::first_claim;
use crate::diagnostic::{Diagnostic, Location, Msg, Section};
use crate::form::{FormKind, Role};
use crate::rules::registry::Code;
use crate::rules::{Context, Reads, Rule};

pub struct FullPaymentClaimUnverified;

impl Rule for FullPaymentClaimUnverified {
    fn code(&self) -> Code {
        Code::R009
    }

    fn reads(&self) -> Reads {
        Reads::REST
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        if cx.form.kind != FormKind::NarrativeReport {
            return;
        }
        let figures =
            cx.form.projects.iter().flat_map(|p| &p.funding).any(|f| {
                f.cells.get(Role::Executed).is_some() || f.cells.get(Role::Rate).is_some()
            });
        // Figures the reader did not lift (资金使用率100%, 实际支出86万元) may still be there.
        let stated = cx.folded_text().is_some_and(|t| {
            [
                "执行率",
                "使用率",
                "支付率",
                "支出率",
                "执行进度",
                "实际支出",
                "已支出",
                "已支付",
                "累计支付",
            ]
            .iter()
            .any(|w| crate::span::has(t, w))
        });
        if figures || stated {
            return;
        }
        let (Some(text), Some(folded)) = (cx.form.text.as_deref(), cx.folded_text()) else {
            return;
        };
        let Some((row, col, said)) = first_claim(text, folded) else {
            return;
        };
        out.push(Diagnostic::new(
            self.code(),
            Location {
                form: cx.form_index,
                section: Some(Section::Text),
                row: Some(row),
                column: Some(col),
                field: None,
                cell_text: Some(said.as_str().into()),
            },
            Msg::new(
                format!("报告称“{said}”，但没有给出执行数或执行率，无法核对资金是否全部支付"),
                format!("The report says \"{said}\" but gives no spending figure or rate, so the claim could not be checked"),
            ),
            Msg::new(
                "写明截至 12 月 31 日的实际支付金额和预算执行率（执行数 ÷ 预算数）",
                "State the amount actually paid by 31 December and the execution rate (spending ÷ budget)",
            ),
        ));
    }
}
