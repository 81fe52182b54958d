//! V004: two comparators in a row (">=≥90", "=>90", "≥90%以下").
//!
//! 检查内容：一个指标值只能有一个比较符号。
//! 原因：重复或矛盾的符号让方向和评分无法确定。
//! 错误示例：“>=≥90%”、“=>90”。
//! 正确示例：“≥90%”。

use super::{issues_of, report};
use crate::diagnostic::{Diagnostic, Msg};
use crate::rules::registry::Code;
use crate::rules::{Context, Reads, Rule};
use crate::value::parser::IssueKind;

pub struct DoubledComparator;

impl Rule for DoubledComparator {
    fn code(&self) -> Code {
        Code::V004
    }

    fn reads(&self) -> Reads {
        super::READS
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        for v in cx.values() {
            if let Some(i) = issues_of(v, |k| *k == IssueKind::DoubledComparator).next() {
                let t = v.cell.trimmed();
                let part = v.cell.text.get(i.span.start..i.span.end).unwrap_or(t);
                out.push(report(
                    cx,
                    v,
                    self.code(),
                    Some(i),
                    Msg::new(
                        format!("{}“{t}”中的比较符号“{part}”重复或相互矛盾", v.what_zh()),
                        format!(
                            "{} \"{t}\" has doubled or conflicting comparators \"{part}\"",
                            v.what_en()
                        ),
                    ),
                    Msg::new(
                        "只保留一个比较符号：≥（不低于）、≤（不高于）、>、< 或 =",
                        "Keep one comparator: ≥, ≤, >, < or =",
                    ),
                ));
            }
        }
    }
}
