//! V008: full-width digits or comparators, or a unit spelled out ("＞＝９０％", "100百分比"), with a safe fix.
//!
//! 检查内容：比较符号、数字和 % 使用标准半角写法。
//! 原因：系统导入和汇总按标准字符识别，全角字符可能被判为无效。
//! 错误示例：“＞＝９０％”、“=100百分比”。
//! 正确示例：“≥90%”、“=100%”。

use super::{issues_of, report};
use crate::diagnostic::{Diagnostic, Msg};
use crate::rules::registry::Code;
use crate::rules::{Context, Reads, Rule};
use crate::value::parser::IssueKind;

pub struct NonstandardSpelling;

impl Rule for NonstandardSpelling {
    fn code(&self) -> Code {
        Code::V008
    }

    fn reads(&self) -> Reads {
        super::READS
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        for v in cx.values() {
            if !issues_of(v, |k| *k == IssueKind::NonstandardSpelling).any(|_| true) {
                continue;
            }
            let t = v.cell.trimmed();
            let canonical = v.parsed.value.normalized.clone();
            let mut d = report(
                cx,
                v,
                self.code(),
                issues_of(v, |k| *k == IssueKind::NonstandardSpelling).next(),
                Msg::new(
                    format!("{}“{t}”使用了全角或非标准写法，标准写法为“{canonical}”", v.what_zh()),
                    format!("{} \"{t}\" uses full-width or nonstandard characters; the standard form is \"{canonical}\"", v.what_en()),
                ),
                Msg::new("使用半角数字、≥ ≤ 等标准符号和 %，避免导入系统时识别错误", "Use half-width digits, standard comparators and %"),
            );
            if !v.split && !canonical.is_empty() {
                d.span = None;
                d = d.with_fix(super::fix(
                    canonical,
                    crate::diagnostic::Applicability::Safe,
                ));
            }
            out.push(d);
        }
    }
}
