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
            }
        }
    }
}
