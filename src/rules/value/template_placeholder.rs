//! V002: template text left in a value ("≤**", "***", "__"), or only the template's unit with no figure ("公里").
//!
//! 检查内容：指标值、完成值中不能残留模板里的 * 或 _ 占位符。
//! 原因：占位符说明该项没有真正填写。
//! 错误示例：“≤**万元”。
//! 正确示例：“≤8万元”。

use super::{issues_of, report};
use crate::diagnostic::{Diagnostic, Msg};
use crate::rules::registry::Code;
use crate::rules::{Context, Reads, Rule};
use crate::value::parser::IssueKind;

pub struct TemplatePlaceholder;

impl Rule for TemplatePlaceholder {
    fn code(&self) -> Code {
        Code::V002
    }

    fn reads(&self) -> Reads {
        super::READS
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        for v in cx.values() {
            if let Some(i) = issues_of(v, |k| *k == IssueKind::UnitOnly).next() {
                let t = v.cell.trimmed();
                out.push(report(
                    cx,
                    v,
                    self.code(),
                    Some(i),
                    Msg::new(
                        format!("{}“{t}”只有计量单位，没有填写数值", v.what_zh()),
                        format!(
                            "{} \"{t}\" is only a unit; the figure was left out",
                            v.what_en()
                        ),
                    ),
                    Msg::new(
                        format!(
                            "在单位前填上目标数值和比较符号，例如“≥10{}”",
                            t.trim_start_matches(['≥', '≤', '=', '>', '<'])
                        ),
                        "Write the target figure (and its comparator) before the unit",
                    ),
                ));
                continue;
            }
            if let Some(i) = issues_of(v, |k| *k == IssueKind::Placeholder).next() {
                let t = v.cell.trimmed();
                if super::masked_digits(t) {
                    continue; // S019 says it could not be checked.
                }
                out.push(report(
                    cx,
                    v,
                    self.code(),
                    Some(i),
                    Msg::new(
                        format!("{}“{t}”仍是模板占位符", v.what_zh()),
                        format!("{} \"{t}\" is still a template placeholder", v.what_en()),
                    ),
                    Msg::new(
                        "把 * 或 _ 换成实际数值，例如“≤**万元”填为“≤8万元”",
                        "Replace the * or _ with the real figure",
                    ),
                ));
            }
        }
    }
}
