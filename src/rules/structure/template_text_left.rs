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
use crate::rules::{Context, Reads, Rule};
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

/// The profile's template phrases, with their first characters for a one-pass scan.
struct Phrases<'p> {
    list: &'p [String],
    firsts: Vec<char>,
    mask: u64,
}

impl<'p> Phrases<'p> {
    fn new(list: &'p [String]) -> Self {
        let firsts: Vec<char> = list.iter().filter_map(|p| p.chars().next()).collect();
        let mask = firsts
            .iter()
            .fold(0u64, |m, c| m | 1u64 << (u32::from(*c) % 64));
        Phrases { list, firsts, mask }
    }

    /// The first phrase in `text` and where it starts: one pass over the text, a phrase
    /// tried only where its first character stands.
    fn find(&self, text: &str) -> Option<(usize, &'p str)> {
        text.char_indices()
            .filter(|(_, ch)| {
                self.mask & (1u64 << (u32::from(*ch) % 64)) != 0 && self.firsts.contains(ch)
            })
            .find_map(|(i, _)| {
                let rest = text.get(i..)?;
                self.list
                    .iter()
                    .find(|p| !p.is_empty() && rest.starts_with(p.as_str()))
                    .map(|p| (i, p.as_str()))
            })
    }
}

impl TemplateTextLeft {
    /// Reports `cell` when it holds a template phrase; `what` names it (zh, en). The
    /// location is built only for a finding.
    fn check_cell(
        &self,
        phrases: &Phrases,
        loc: impl FnOnce() -> Location,
        cell: &Cell,
        what: (&str, &str),
        out: &mut Vec<Diagnostic>,
    ) {
        let Some((at, phrase)) = phrases.find(&cell.text) else {
            return;
        };
        let (what_zh, what_en) = what;
        let shown = ellipsize(cell.trimmed(), 30);
        let mut d = Diagnostic::new(
            self.code(),
            loc(),
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

    fn reads(&self) -> Reads {
        Reads::indicators(TEXT_ROLES)
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        if cx.profile.template_phrases.is_empty() || cx.form.kind == FormKind::NarrativeReport {
            return;
        }
        let phrases = Phrases::new(&cx.profile.template_phrases);
        for f in &cx.form.fields {
            if let Some(v) = f.value.as_ref().filter(|v| !v.is_blank()) {
                let loc = || cx.loc(Section::Header, None, v);
                self.check_cell(&phrases, loc, v, (&f.key, &f.key), out);
            }
        }
        let summary = cx.form.kind == FormKind::SummarySelfEvaluation;
        for project in &cx.form.projects {
            for (section, role, cell) in cells_of(project, summary) {
                if TEXT_ROLES.contains(&role) && !cell.is_blank() {
                    let loc = || cx.loc(section, Some(role), cell);
                    self.check_cell(&phrases, loc, cell, (role.zh(), role.en()), out);
                }
            }
        }
    }
}
