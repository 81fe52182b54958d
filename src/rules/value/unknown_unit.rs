//! V009: a unit the grammar does not know, kept as written ("5M").
//!
//! 检查内容：计量单位应是常用单位（%、元、万元、个、次、人次、天、月 …）。
//! 原因：无法识别的单位不能换算和比对，可能是笔误。
//! 错误示例：“5M”。
//! 正确示例：“5个”、“5万元”。

use super::{issues_of, report};
use crate::diagnostic::{Diagnostic, Msg};
use crate::rules::registry::Code;
use crate::rules::{Context, Reads, Rule};
use crate::value::parser::IssueKind;

pub struct UnknownUnit;

impl Rule for UnknownUnit {
    fn code(&self) -> Code {
        Code::V009
    }

    fn reads(&self) -> Reads {
        super::READS
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        for v in cx.values() {
            if super::value_unparseable::letter_for_digit(v.cell.trimmed()).is_some() {
                continue; // V001: a misread digit, not a unit.
            }
            for i in issues_of(v, |k| matches!(k, IssueKind::UnknownUnit(_))) {
                let IssueKind::UnknownUnit(u) = &i.kind else {
                    continue;
                };
                out.push(report(
                    cx,
                    v,
                    self.code(),
                    Some(i),
                    Msg::new(format!("{}中的计量单位“{u}”无法识别", v.what_zh()), format!("Unknown unit \"{u}\" in {}", v.what_en())),
                    Msg::new("请使用常用单位，如 %、元、万元、个、次、人次、天、月；若确为专业单位可忽略此提示", "Use a common unit; ignore this if the unit is a real technical one"),
                ));
            }
        }
    }
}
