//! E005: the 分值 of the execution row and the indicators do not add up to the total (100, or what the 总分 row states).
//!
//! 检查内容：预算执行分值 + 各三级指标分值 = 总分值（通常 100 = 10 + 90；湖北 20 + 80）。
//! 原因：权重不闭合，得分就不可比。
//! 错误示例：执行 10 + 指标 85 = 95。
//! 正确示例：执行 10 + 指标 90 = 100。

use super::number;
use crate::diagnostic::{Diagnostic, Msg, Section};
use crate::form::{FundSource, Role};
use crate::money::{checked_sum, fmt_fixed};
use crate::rules::registry::Code;
use crate::rules::{Context, Reads, Rule};
use rust_decimal::Decimal;

pub struct WeightsDoNotSum;

impl Rule for WeightsDoNotSum {
    fn code(&self) -> Code {
        Code::E005
    }

    fn reads(&self) -> Reads {
        Reads::indicators(&[Role::Weight])
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        for project in &cx.form.projects {
            let weights: Vec<_> = project
                .indicators
                .iter()
                .filter_map(|i| number(&i.cells, Role::Weight))
                .collect();
            if weights.is_empty() {
                continue;
            }
            let exec = project
                .funding
                .iter()
                .filter(|r| r.source == FundSource::Total)
                .find_map(|r| number(&r.cells, Role::Weight));
            let stated = number(&project.cells, Role::Weight);
            // Without the execution row or a stated total, the sum can't be judged.
            if exec.is_none() && stated.is_none() {
                continue;
            }
            let total = stated.map_or(Decimal::ONE_HUNDRED, |(s, _)| s.value);
            let Some(sum) = checked_sum(exec.iter().chain(weights.iter()).map(|(s, _)| s.value))
            else {
                continue;
            };
            if sum == total {
                continue;
            }
            let exec_s = exec.map_or("—".to_string(), |(_, c)| c.trimmed().to_string());
            let ind = fmt_fixed(
                checked_sum(weights.iter().map(|(s, _)| s.value)).unwrap_or_default(),
                0,
            );
            let anchor = stated
                .map(|(_, c)| c)
                .or_else(|| weights.first().map(|(_, c)| *c));
            let Some(anchor) = anchor else { continue };
            out.push(Diagnostic::new(
                self.code(),
                cx.loc(Section::Indicators, Some(Role::Weight), anchor),
                Msg::new(
                    format!("分值合计 {} ≠ {}：预算执行 {exec_s} + 指标分值之和 {ind}", fmt_fixed(sum, 0), fmt_fixed(total, 0)),
                    format!("Points add up to {} instead of {}: execution {exec_s} + indicators {ind}", fmt_fixed(sum, 0), fmt_fixed(total, 0)),
                ),
                Msg::new(
                    "预算执行率与各三级指标的分值合计应为 100（一般执行 10 分、指标 90 分）。请调整分值",
                    "Execution and indicator points should total 100 (usually 10 + 90); adjust the points",
                ),
            ));
        }
    }
}
