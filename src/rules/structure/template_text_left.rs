//! S016: a text cell still holding the template's instructions: "（100字以内）", "对照年度目标，说明…", "**", "请填写".
//!
//! 检查内容：项目名称、指标名称、完成情况、偏差原因、存在问题等文字栏不应保留模板中的填写说明或占位符。
//! 原因：保留说明文字说明该栏没有真正填写，审核会退回。
//! 错误示例：存在的问题栏为“（100字以内）”。
//! 正确示例：存在的问题栏写明实际问题，或填“无”。

use super::cells_of;
use crate::diagnostic::{Diagnostic, Location, Msg, Section};
use crate::form::{Cell, FormKind, Role};
use crate::rules::registry::Code;
use crate::rules::{Context, Rule};
use crate::span::{ellipsize, Span};

pub struct TemplateTextLeft;

/// Roles a clerk writes prose into (指标值 and 完成值 are V002's business).
const TEXT_ROLES: &[Role] = &[
    Role::ProjectName,
    Role::Level3,
    Role::Goal,
    Role::Overall,
    Role::Problems,
    Role::Rectification,
    Role::Reason,
    Role::DeviationReason,
];

impl TemplateTextLeft {
    fn check_cell(
        &self,
        cx: &Context,
        loc: Location,
        cell: &Cell,
        what_zh: &str,
        what_en: &str,
        out: &mut Vec<Diagnostic>,
    ) {
        let found = cx
            .profile
            .template_phrases
            .iter()
            .filter(|p| !p.is_empty())
            .find_map(|p| cell.text.find(p.as_str()).map(|i| (i, p)));
        let Some((at, phrase)) = found else { return };
        let shown = ellipsize(cell.text.trim(), 30);
        let mut d = Diagnostic::new(
            self.code(),
            loc,
            Msg::new(
                format!("“{what_zh}”仍是模板说明文字：“{shown}”"),
                format!("The {what_en} still holds template text: \"{shown}\""),
            ),
            Msg::new(
                format!("删去“{phrase}”等填写说明，写入实际内容；确无内容的按要求填“无”"),
                "Replace the template's instructions with the actual content (or 无 where there is none)",
            ),
        );
        let span = Span::new(at, at.saturating_add(phrase.len()));
        if span.len() < cell.text.len() {
            d = d.with_span(span);
        }
        out.push(d);
    }
}

impl Rule for TemplateTextLeft {
    fn code(&self) -> Code {
        Code::S016
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        if cx.profile.template_phrases.is_empty() || cx.form.kind == FormKind::NarrativeReport {
            return;
        }
        for f in &cx.form.fields {
            if let Some(v) = f.value.as_ref().filter(|v| !v.is_blank()) {
                self.check_cell(cx, cx.loc(Section::Header, None, v), v, &f.key, &f.key, out);
            }
        }
        let summary = cx.form.kind == FormKind::SummarySelfEvaluation;
        for project in &cx.form.projects {
            for (section, role, cell) in cells_of(project, summary) {
                if TEXT_ROLES.contains(&role) && !cell.is_blank() {
                    self.check_cell(
                        cx,
                        cx.loc(section, Some(role), cell),
                        cell,
                        role.zh(),
                        role.en(),
                        out,
                    );
                }
            }
        }
    }
}
