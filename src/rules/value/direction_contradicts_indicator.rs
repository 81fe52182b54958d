//! V006: a comparator pointing the wrong way for what the indicator measures ("事故发生率 ≥5%"), or contradicting a 正向/反向 column.
//!
//! 检查内容：越低越好的指标（事故发生率、逾期率、投诉 …）应使用 ≤ 或 <；指标性质写“反向”时不应配 ≥。
//! 原因：方向写反会让评分完全颠倒。
//! 错误示例：“较大事故发生率 ≥1%”、指标性质“反向”配“≥”。
//! 正确示例：“较大事故发生率 ≤1%”。

use super::report;
use crate::diagnostic::{Diagnostic, Msg};
use crate::form::Role;
use crate::rules::registry::Code;
use crate::rules::{Context, Reads, Rule};
use crate::value::Comparator;
use rust_decimal::Decimal;

pub struct DirectionContradictsIndicator;

impl Rule for DirectionContradictsIndicator {
    fn code(&self) -> Code {
        Code::V006
    }

    fn reads(&self) -> Reads {
        super::READS
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        for v in cx.values() {
            if v.role != Role::Target {
                continue;
            }
            let p = &v.parsed.value;
            let upward = matches!(p.comparator, Some(Comparator::Ge | Comparator::Gt));
            let downward = matches!(p.comparator, Some(Comparator::Le | Comparator::Lt));
            let nature = v.nature_col.map(|c| c.trimmed()).unwrap_or("");
            let t = v.cell.trimmed();
            let (zh, en) = if nature == "反向" && upward {
                (
                    "指标性质为“反向”（越低越好），指标值却用了“≥/>”".to_string(),
                    "the nature column says 反向 (lower is better) but the value uses ≥/>"
                        .to_string(),
                )
            } else if nature == "正向" && downward {
                (
                    "指标性质为“正向”（越高越好），指标值却用了“≤/<”".to_string(),
                    "the nature column says 正向 (higher is better) but the value uses ≤/<"
                        .to_string(),
                )
            } else if upward && v.is_negative_sense() && p.value.is_some_and(|x| x > Decimal::ZERO)
            {
                (
                    format!("“{}”越低越好，指标值“{t}”却要求不低于该值", v.name),
                    format!(
                        "\"{}\" should be kept low, but the target \"{t}\" asks for at least that",
                        v.name
                    ),
                )
            } else if upward && v.is_cost() && p.dimension == Some(crate::value::Dimension::Money) {
                (
                    format!("“{}”是成本，指标值“{t}”却写成不低于该金额", v.name),
                    format!(
                        "\"{}\" is a cost, but the target \"{t}\" asks for at least that amount",
                        v.name
                    ),
                )
            } else {
                continue;
            };
            out.push(report(
                cx,
                v,
                self.code(),
                None,
                Msg::new(zh, en),
                Msg::new(
                    "越低越好的指标（事故发生率、成本、单价）用“≤”（如“事故发生率 ≤1%”“单位成本 ≤1050元/平方米”），越高越好的用“≥”；请核对方向",
                    "Use ≤ for indicators to keep low and ≥ for those to raise; check the direction",
                ),
            ));
        }
    }
}
