//! V001: a 指标值 that starts like a figure but can't be read ("≥", "≥较好", "%=99百分比", "二100").
//!
//! 检查内容：比较符号后必须有数字；数字前不能是单位或错字。
//! 原因：读不出数值就无法评分和比对完成情况。
//! 错误示例：“≥”、“二100”。
//! 正确示例：“≥90%”、“=100”。

use super::{issues_of, report};
use crate::diagnostic::{Diagnostic, Msg};
use crate::rules::registry::Code;
use crate::rules::{Context, Reads, Rule};
use crate::value::parser::IssueKind;

pub struct ValueUnparseable;

impl Rule for ValueUnparseable {
    fn code(&self) -> Code {
        Code::V001
    }

    fn reads(&self) -> Reads {
        super::READS
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        for v in cx.values() {
            if let Some(i) = issues_of(v, |k| *k == IssueKind::Unparseable).next() {
                let t = v.cell.trimmed();
                out.push(report(
                    cx,
                    v,
                    self.code(),
                    Some(i),
                    Msg::new(format!("{}“{t}”无法读取为数值", v.what_zh()), format!("{} \"{t}\" can't be read as a figure", v.what_en())),
                    Msg::new(
                        "定量指标写成“比较符号 + 数字 + 单位”，如“≥90%”“=300天”“≤8万元”；定性指标直接写文字，不要加比较符号",
                        "Write quantitative targets as comparator + number + unit (≥90%, =300天, ≤8万元); write qualitative ones as words without a comparator",
                    ),
                ));
                continue;
            }
            if let Some(letter) = letter_for_digit(v.cell.trimmed()) {
                let t = v.cell.trimmed();
                out.push(report(
                    cx,
                    v,
                    self.code(),
                    None,
                    Msg::new(
                        format!("{}“{t}”的数字中混入了字母“{letter}”，无法读取为数值", v.what_zh()),
                        format!("{} \"{t}\" has the letter \"{letter}\" among its digits", v.what_en()),
                    ),
                    Msg::new(
                        "字母多是扫描识别或输入时把数字认错了：按原始资料改为数字，如“14.8万元”",
                        "The letter is likely a misread digit: write the figure from the source, e.g. 14.8万元",
                    ),
                ));
            }
        }
    }
}

/// A figure with a Latin letter where a digit should be (`M.8万元`, `1O0%` as scanned): the
/// letter next to the decimal point or digits, and the cell ending in a known unit.
pub(super) fn letter_for_digit(text: &str) -> Option<char> {
    let body = text.trim_start_matches(['≥', '≤', '=', '>', '<', '＞', '＜', '＝']);
    let end = body
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '.'))
        .unwrap_or(body.len());
    let (figure, unit) = body.split_at(end);
    let letters: Vec<char> = figure.chars().filter(char::is_ascii_alphabetic).collect();
    let digits = figure.chars().filter(char::is_ascii_digit).count();
    let known_unit =
        !unit.is_empty() && crate::value::longest_known_prefix(unit) == Some(unit.len());
    match letters.as_slice() {
        [l] if digits >= 1 && known_unit => Some(*l),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::letter_for_digit;

    #[test]
    fn a_letter_among_digits_is_found() {
        for (text, want) in [
            ("M.8万元", Some('M')),
            ("1O0%", Some('O')),
            ("≥9S%", Some('S')),
            ("14.8万元", None),
            ("5G基站", None),
            ("A级景区", None),
            ("PM2.5", None),
        ] {
            assert_eq!(letter_for_digit(text), want, "{text}");
        }
    }
}
