//! S017: text longer than the profile allows (四川: 执行率原因 100 字, 评价结论/存在问题/改进措施 200 字; pmkpi: 三级指标名称 100 字).
//!
//! 检查内容：有字数限制的栏目不超过所选配置规定的字数。
//! 原因：系统导入时超长文字会被截断或拒收。
//! 错误示例：四川自评表“存在问题”写了 260 字。
//! 正确示例：精简到 200 字以内，细节写入自评报告。

use super::cells_of;
use crate::diagnostic::{Diagnostic, Location, Msg, Section};
use crate::form::{Cell, FormKind};
use crate::profile::TextLimit;
use crate::rules::registry::Code;
use crate::rules::{Context, Reads, Rule};
use crate::span::Span;

pub struct TextTooLong;

impl TextTooLong {
    fn check_cell(
        &self,
        loc: impl FnOnce() -> Location,
        cell: &Cell,
        what_zh: &str,
        what_en: &str,
        limit: &TextLimit,
        out: &mut Vec<Diagnostic>,
    ) {
        let text = cell.trimmed();
        let max = usize::try_from(limit.max).unwrap_or(usize::MAX);
        // No more characters than bytes: most cells pass without being counted.
        if text.len() <= max {
            return;
        }
        let n = text.chars().count();
        if n <= max {
            return;
        }
        // Underline what runs past the limit.
        let lead = cell.text.len().saturating_sub(cell.text.trim_start().len());
        let cut = text.char_indices().nth(max).map_or(text.len(), |(i, _)| i);
        let source = if limit.source.is_empty() {
            String::new()
        } else {
            format!("（{}）", limit.source)
        };
        out.push(
            Diagnostic::new(
                self.code(),
                loc(),
                Msg::new(
                    format!("“{what_zh}”共 {n} 字，超过 {max} 字的限制{source}"),
                    format!("The {what_en} has {n} characters; the limit is {max}"),
                ),
                Msg::new(
                    format!("请精简到 {max} 字以内，详细情况可写入绩效自评报告"),
                    format!(
                        "Shorten it to {max} characters; put the details in the narrative report"
                    ),
                ),
            )
            .with_span(Span::new(
                lead.saturating_add(cut),
                lead.saturating_add(text.len()),
            )),
        );
    }
}

impl Rule for TextTooLong {
    fn code(&self) -> Code {
        Code::S017
    }

    fn reads(&self) -> Reads {
        Reads::FORM
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        if cx.profile.text_limits.is_empty() || cx.form.kind == FormKind::NarrativeReport {
            return;
        }
        for limit in &cx.profile.text_limits {
            if let Some(key) = &limit.field {
                for f in cx
                    .form
                    .fields
                    .iter()
                    .filter(|f| f.key.contains(key.as_str()))
                {
                    if let Some(v) = &f.value {
                        self.check_cell(
                            || cx.loc(Section::Header, None, v),
                            v,
                            &f.key,
                            &f.key,
                            limit,
                            out,
                        );
                    }
                }
            }
        }
        let summary = cx.form.kind == FormKind::SummarySelfEvaluation;
        for project in &cx.form.projects {
            for (section, role, cell) in cells_of(project, summary) {
                if let Some(limit) = cx.profile.text_limits.iter().find(|l| l.role == Some(role)) {
                    self.check_cell(
                        || cx.loc(section, Some(role), cell),
                        cell,
                        role.zh(),
                        role.en(),
                        limit,
                        out,
                    );
                }
            }
        }
    }
}
