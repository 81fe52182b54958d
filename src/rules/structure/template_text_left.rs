//! S016: a text cell still holding the template's instructions: "（100字以内）", "对照年度目标，说明…", "**", "请填写".
//!
//! 检查内容：项目名称、指标名称、完成情况、偏差原因、存在问题等文字栏不应保留模板中的填写说明或占位符。
//! 原因：保留说明文字说明该栏没有真正填写，审核会退回。
//! 错误示例：存在的问题栏为“（100字以内）”。
//! 正确示例：存在的问题栏写明实际问题，或填“无”。

use super::cells_of;
use crate::diagnostic::{Diagnostic, Location, Msg, Section};
use crate::form::{Cell, FormKind, Role};
use crate::memo::Memo;
use crate::rules::registry::Code;
use crate::rules::{Context, Reads, Rule};
use crate::span::{ellipsize, Span};
use std::cell::RefCell;

pub struct TemplateTextLeft;

/// Roles a clerk writes prose into (指标值 and 完成值 are V002's business).
const TEXT_ROLES: &[Role] = &[
    Role::ProjectName,
    Role::Level1,
    Role::Level2,
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

thread_local! {
    /// Where a text's first phrase stands (byte offset, index in the list), for the list in
    /// `SCANNED_FOR`. A form's prose is most of its bytes, and a re-check after a keystroke
    /// scans again only the text that changed (seed 004: 9 % of its check).
    static FOUND: Memo<Option<(usize, usize)>> = Memo::default();
    static SCANNED_FOR: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
}

/// Texts shorter than this are scanned outright: looking them up costs as much.
const REMEMBERED_FROM: usize = 32;

impl<'p> Phrases<'p> {
    fn new(list: &'p [String]) -> Self {
        let firsts: Vec<char> = list.iter().filter_map(|p| p.chars().next()).collect();
        let mask = firsts
            .iter()
            .fold(0u64, |m, c| m | 1u64 << (u32::from(*c) % 64));
        SCANNED_FOR.with(|s| {
            if let Ok(mut s) = s.try_borrow_mut() {
                if *s != list {
                    FOUND.with(Memo::clear);
                    *s = list.to_vec();
                }
            }
        });
        Phrases { list, firsts, mask }
    }

    /// The first phrase in `text` and where it starts.
    fn find(&self, text: &str) -> Option<(usize, &'p str)> {
        let found = if text.len() < REMEMBERED_FROM {
            self.scan(text)
        } else {
            FOUND.with(|m| m.get_or(text, || self.scan(text)))
        };
        let (at, k) = found?;
        Some((at, self.list.get(k)?.as_str()))
    }

    /// One pass over the text, a phrase tried only where its first character stands.
    fn scan(&self, text: &str) -> Option<(usize, usize)> {
        text.char_indices()
            .filter(|(_, ch)| {
                self.mask & (1u64 << (u32::from(*ch) % 64)) != 0 && self.firsts.contains(ch)
            })
            .find_map(|(i, _)| {
                let rest = text.get(i..)?;
                self.list
                    .iter()
                    .position(|p| !p.is_empty() && rest.starts_with(p.as_str()))
                    .map(|k| (i, k))
            })
    }
}

impl TemplateTextLeft {
    /// Reports `cell` when it holds a template phrase; `what` names it (zh, en). The
    /// location is built only for a finding.
    /// A header field holding the template's stand-in for a name (县(市、区)教育部门, XX局).
    fn stand_in(&self, loc: Location, cell: &Cell, key: &str, out: &mut Vec<Diagnostic>) {
        let Some((at, part)) = GENERIC_NAME_PARTS
            .iter()
            .find_map(|p| cell.text.find(p).map(|at| (at, *p)))
        else {
            return;
        };
        let shown = ellipsize(cell.trimmed(), 30);
        let mut d = Diagnostic::new(
            self.code(),
            loc,
            Msg::new(
                format!("“{key}”仍是模板里的通用名称：“{shown}”"),
                format!("The {key} still holds the template's stand-in name: \"{shown}\""),
            ),
            Msg::new(
                format!("把“{part}”换成实际的单位或地区名称，如“某某市财政局”"),
                "Replace the stand-in with the actual unit's or place's name",
            ),
        );
        let span = Span::new(at, at.saturating_add(part.len()));
        if span.len() < cell.text.len() {
            d = d.with_span(span);
        }
        out.push(d);
    }

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

impl TemplateTextLeft {
    /// A 三级 name that is still the template's numbered slot: 指标1：, 指标2.
    fn numbered(&self, cx: &Context, cell: &Cell) -> Diagnostic {
        let t = cell.trimmed();
        Diagnostic::new(
            self.code(),
            cx.loc(Section::Indicators, Some(Role::Level3), cell),
            Msg::new(
                format!("三级指标“{}”仍是模板的编号“指标N”", ellipsize(t, 30)),
                format!("The level-3 name \"{}\" is still the template's numbered slot", ellipsize(t, 30)),
            ),
            Msg::new(
                "写出指标的实际名称（如“新建堤防长度”），删去“指标1：”这类编号；用不上的模板行整行删去",
                "Write the indicator's real name and drop the \"指标1：\" numbering; delete template rows that are not used",
            ),
        )
    }

    /// A project named only by generic words and a year: 项目2023, 经费.
    fn generic_name(&self, cx: &Context, cell: &Cell) -> Diagnostic {
        let t = cell.trimmed();
        Diagnostic::new(
            self.code(),
            cx.loc(Section::Projects, Some(Role::ProjectName), cell),
            Msg::new(
                format!("项目名称“{t}”没有说明是什么项目"),
                format!("The project name \"{t}\" does not say what the project is"),
            ),
            Msg::new(
                "按预算批复写出项目的完整名称（如“审计项目外聘人员劳务费”）",
                "Write the project's full name as the budget approval gives it",
            ),
        )
    }
}

/// "指标1：…", "指标2", "指标L" (an OCR'd 1): a template's numbered indicator slot.
fn is_numbered_slot(t: &str) -> bool {
    let Some(rest) = t.strip_prefix("指标") else {
        return false;
    };
    let num: String = rest
        .chars()
        .take_while(|c| c.is_ascii_digit() || "一二三四五六七八九十lLI".contains(*c))
        .collect();
    let after = rest.get(num.len()..).unwrap_or("");
    !num.is_empty() && (after.is_empty() || after.starts_with([':', '：', '.', '、']))
}

/// A template's stand-ins for a unit's or place's name, in header fields only (an indicator
/// may well count 县(市、区)).
const GENERIC_NAME_PARTS: [&str; 6] = [
    "(市、区)",
    "（市、区）",
    "(区、县)",
    "（区、县）",
    "XX",
    "××",
];

/// A name of nothing but generic words, a year and punctuation: 项目2023, 专项资金.
fn is_generic_name(t: &str) -> bool {
    let core: String = t
        .chars()
        .filter(|c| !c.is_ascii_digit() && !c.is_whitespace() && !c.is_ascii_punctuation())
        .filter(|c| !"年度“”‘’（）()【】、，。".contains(*c))
        .collect();
    !t.is_empty()
        && [
            "项目",
            "经费",
            "资金",
            "专项",
            "专项资金",
            "项目资金",
            "项目经费",
            "项目名称",
        ]
        .contains(&core.as_str())
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
                let before = out.len();
                self.check_cell(&phrases, loc, v, (&f.key, &f.key), out);
                if out.len() == before {
                    self.stand_in(loc(), v, &f.key, out);
                }
            }
        }
        let summary = cx.form.kind == FormKind::SummarySelfEvaluation;
        let many = cx.form.projects.len() > 1;
        for project in &cx.form.projects {
            // A template's notes on its category labels: 数量指标（必填硬性指标）.
            let labels = project
                .indicators
                .iter()
                .chain(project.headings.iter())
                .flat_map(|i| [(Role::Level1, &i.level1), (Role::Level2, &i.level2)])
                .filter_map(|(r, c)| c.as_ref().map(|c| (r, c)));
            // Label cells filled down a merged cell repeat: each is looked at once.
            let mut seen: crate::memo::FastSet<(crate::form::Loc, Role)> = Default::default();
            for (role, cell) in labels {
                if cell.is_blank() || !seen.insert((cell.loc, role)) {
                    continue;
                }
                let loc = || cx.loc(Section::Indicators, Some(role), cell);
                self.check_cell(&phrases, loc, cell, (role.zh(), role.en()), out);
            }
            for ind in &project.indicators {
                if let Some(c) = ind
                    .level3
                    .as_ref()
                    .filter(|c| is_numbered_slot(c.trimmed()))
                {
                    out.push(self.numbered(cx, c));
                }
            }
            if let Some(name) = project
                .name
                .as_ref()
                .filter(|c| many && is_generic_name(c.trimmed()))
            {
                out.push(self.generic_name(cx, name));
            }
            for (section, role, cell) in cells_of(project, summary) {
                if TEXT_ROLES.contains(&role) && !cell.is_blank() {
                    let loc = || cx.loc(section, Some(role), cell);
                    self.check_cell(&phrases, loc, cell, (role.zh(), role.en()), out);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Phrases;

    #[test]
    fn a_remembered_text_is_scanned_again_for_another_phrase_list() {
        let text = "本栏请填写实际内容，说明文字不超过一百字以内";
        assert!(text.len() >= super::REMEMBERED_FROM);
        let a = vec!["请填写".to_string()];
        let b = vec!["字以内".to_string(), "请填写".to_string()];
        let found = |list: &[String]| {
            Phrases::new(list)
                .find(text)
                .map(|(at, p)| (at, p.to_string()))
        };
        let at = |at: usize, p: &str| Some((at, p.to_string()));
        assert_eq!(found(&a), at(6, "请填写"));
        assert_eq!(found(&b), at(6, "请填写"));
        assert_eq!(found(&["字以内".to_string()]), at(57, "字以内"));
        assert_eq!(found(&a), at(6, "请填写"));
        assert_eq!(found(&["无关".to_string()]), None);
    }
}
