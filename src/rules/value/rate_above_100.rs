//! V005: a percentage above 100 on a rate indicator (合格率, 满意度, 覆盖率 …); "292%" for "≥92%" gets a suggested fix.
//!
//! 检查内容：比率类指标（名称以“率”结尾或含“满意度”）的百分数不能超过 100%。
//! 原因：比率最多 100%；超过通常是丢了“≥”（被识别成“2”）或多打了数字。
//! 错误示例：满意度“292%”、合格率“105%”。
//! 正确示例：满意度“≥92%”、合格率“≥95%”。

use super::{fix, report};
use crate::diagnostic::{Applicability, Diagnostic, Msg};
use crate::rules::registry::Code;
use crate::rules::{Context, Reads, Rule};
use rust_decimal::Decimal;

pub struct RateAbove100;

impl Rule for RateAbove100 {
    fn code(&self) -> Code {
        Code::V005
    }

    fn reads(&self) -> Reads {
        super::READS
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        for v in cx.values() {
            let p = &v.parsed.value;
            if !v.rate_above_100() {
                continue;
            }
            let Some(value) = [p.value, p.upper]
                .into_iter()
                .flatten()
                .max()
                .filter(|x| *x > Decimal::ONE_HUNDRED)
            else {
                continue;
            };
            let mut d = report(
                cx,
                v,
                self.code(),
                None,
                Msg::new(
                    format!(
                        "“{}”是比率，{}却是 {value}%，超过 100%",
                        v.name,
                        if v.role == crate::form::Role::Target {
                            "指标值"
                        } else {
                            "实际完成值"
                        }
                    ),
                    format!(
                        "\"{}\" is a rate but {} is {value}%, above 100%",
                        v.name,
                        v.what_en()
                    ),
                ),
                Msg::new(
                    "比率最多为 100%。请核对是否漏了“≥”或多打了数字",
                    "A rate can't exceed 100%; check for a lost ≥ or an extra digit",
                ),
            );
            // 292% → ≥92%: a "≥" read as "2" by OCR or a slip of the keyboard.
            let digits: String = value.to_string();
            if p.comparator.is_none() && digits.len() == 3 && digits.starts_with('2') {
                if let Some(rest) = digits.get(1..) {
                    d = d.with_fix(fix(format!("≥{rest}%"), Applicability::Unsafe));
                }
            }
            out.push(d);
        }
    }
}
