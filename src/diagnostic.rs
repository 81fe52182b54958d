//! One finding about a form: code, severity, cell location, span, bilingual text, related cells, fix.

use crate::rules::registry::{self, Code};
use crate::span::Span;
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Info,
}

impl Severity {
    /// A severity given by name in JSON (a profile's overrides).
    pub fn from_json(v: &crate::json::Value, at: &str) -> crate::json::Result<Severity> {
        let all = [Severity::Error, Severity::Warning, Severity::Info];
        crate::json::one_of(v, at, &all.map(|s| (s.as_str(), s)))
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

/// Text in both languages; Chinese is the default shown to users.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Msg {
    pub zh: String,
    pub en: String,
}

impl Msg {
    pub fn new(zh: impl Into<String>, en: impl Into<String>) -> Self {
        Msg {
            zh: zh.into(),
            en: en.into(),
        }
    }

    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh => &self.zh,
            Lang::En => &self.en,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    pub fn parse(s: &str) -> Option<Lang> {
        match s {
            "zh" | "zh-CN" | "cn" => Some(Lang::Zh),
            "en" | "en-US" => Some(Lang::En),
            _ => None,
        }
    }
}

/// The part of a form a location lies in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Section {
    /// The whole input or the form as a whole (layout, missing tables).
    Form,
    /// Title and key–value header fields (项目名称, 单位 …).
    Header,
    /// The funding table (资金).
    Funding,
    /// The indicator grid (绩效指标).
    Indicators,
    /// One row per project of a summary table (汇总自评表).
    Projects,
    /// Prose of a narrative report (自评报告).
    Text,
}

/// Where a finding is. `row` and `column` are 1-based, counted as a person counts the
/// pasted sheet (records, not physical lines, when a quoted cell holds line breaks);
/// `None` when the finding is about the form rather than a cell.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Location {
    /// 0-based index into the report's `forms`.
    pub form: usize,
    pub section: Option<Section>,
    pub row: Option<u32>,
    pub column: Option<u32>,
    /// The column role, e.g. "rate" or "level3"; see `form::Role`.
    pub field: Option<&'static str>,
    /// The cell's exact text as read.
    pub cell_text: Option<crate::form::Text>,
}

/// What a fix may do without asking: `safe` fixes keep the meaning, `unsafe` ones guess it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Applicability {
    Safe,
    Unsafe,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fix {
    pub title: Msg,
    /// The whole new text of the cell at the diagnostic's location (never a fragment).
    pub replacement: String,
    pub applicability: Applicability,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Related {
    pub location: Location,
    pub label: Msg,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub code: Code,
    pub severity: Severity,
    pub message: Msg,
    pub help: Msg,
    pub location: Location,
    /// Byte span inside `location.cell_text`, when narrower than the cell.
    pub span: Option<Span>,
    pub related: Vec<Related>,
    pub fix: Option<Fix>,
}

impl Diagnostic {
    /// A diagnostic with the code's default severity.
    pub fn new(code: Code, location: Location, message: Msg, help: Msg) -> Self {
        Diagnostic {
            code,
            severity: registry::entry(code).severity,
            message,
            help,
            location,
            span: None,
            related: Vec::new(),
            fix: None,
        }
    }

    pub fn with_span(mut self, span: Span) -> Self {
        self.span = Some(span);
        self
    }

    pub fn with_related(mut self, location: Location, label: Msg) -> Self {
        self.related.push(Related { location, label });
        self
    }

    pub fn with_fix(mut self, fix: Fix) -> Self {
        self.fix = Some(fix);
        self
    }
}
