//! 指标值 (target value) reading: comparator, number(s), unit and kind of one cell.
//!
//! This is the first cut used by the readers and the first rules; the full grammar
//! with token spans and recovery lives here as it grows.

pub mod compare;
pub mod lexer;
pub mod parser;
mod unit;

pub use unit::{canonical_unit, longest_known_prefix, unit_dimension, Dimension};

use crate::memo::Memo;
use rust_decimal::Decimal;
use serde::Serialize;
use std::rc::Rc;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    Empty,
    Quantitative,
    Range,
    Deadline,
    Qualitative,
    NotApplicable,
    Invalid,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Comparator {
    #[serde(rename = "≥")]
    Ge,
    #[serde(rename = "≤")]
    Le,
    #[serde(rename = ">")]
    Gt,
    #[serde(rename = "<")]
    Lt,
    #[serde(rename = "=")]
    Eq,
}

impl Comparator {
    pub fn symbol(self) -> &'static str {
        match self {
            Comparator::Ge => "≥",
            Comparator::Le => "≤",
            Comparator::Gt => ">",
            Comparator::Lt => "<",
            Comparator::Eq => "=",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Direction {
    /// 正向: more is better (≥, >).
    Positive,
    /// 反向: less is better (≤, <).
    Negative,
    /// 等于
    Equal,
    /// 定性
    Qualitative,
}

/// The typed reading of one 指标值 cell. Numbers serialize as strings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TargetValue {
    pub kind: Kind,
    pub comparator: Option<Comparator>,
    #[serde(with = "rust_decimal::serde::str_option")]
    pub value: Option<Decimal>,
    #[serde(with = "rust_decimal::serde::str_option")]
    pub upper: Option<Decimal>,
    pub unit: Option<String>,
    pub dimension: Option<Dimension>,
    pub direction: Option<Direction>,
    pub normalized: String,
}

impl TargetValue {
    pub(crate) fn empty() -> Self {
        TargetValue {
            kind: Kind::Empty,
            comparator: None,
            value: None,
            upper: None,
            unit: None,
            dimension: None,
            direction: None,
            normalized: String::new(),
        }
    }
}

/// Reads one 指标值 cell (merged layout: comparator, number and unit in one cell).
pub fn parse(text: &str) -> TargetValue {
    parser::parse(text).value
}

thread_local! {
    static MERGED: Memo<Rc<parser::Parsed>> = Memo::default();
    static SPLIT: Memo<Rc<parser::Parsed>> = Memo::default();
}

/// [`parser::parse`], remembered: re-checking a form after one keystroke parses the one
/// changed cell again and finds every other cell's reading in the memo.
pub fn parse_cached(text: &str) -> Rc<parser::Parsed> {
    MERGED.with(|m| m.get_or(text, || Rc::new(parser::parse(text))))
}

/// [`parse_split`], remembered.
pub fn parse_split_cached(nature: &str, value: &str, unit: &str) -> Rc<parser::Parsed> {
    // Lengths first, so no three texts can spell another three's key.
    let key = format!("{}:{}:{nature}{value}{unit}", nature.len(), value.len());
    SPLIT.with(|m| m.get_or(&key, || Rc::new(parse_split(nature, value, unit))))
}

/// Reads a split layout (四川): 指标性质 (=, ≥, 正向 …), 指标值 and 度量单位 in their own
/// columns. Gives the same value as the merged cell would.
pub fn parse_split(nature: &str, value: &str, unit: &str) -> parser::Parsed {
    let nature = nature.trim();
    let op = match nature {
        "正向" | "反向" | "定性" | "定量" => "",
        other => other,
    };
    let unit = unit.trim();
    // A unit already written in the value wins; the conflict is a rule's business.
    let unit = if parser::parse(value).value.unit.is_some() {
        ""
    } else {
        unit
    };
    let merged = format!("{op}{}{unit}", value.trim());
    let mut parsed = parser::parse(&merged);
    if parsed.value.comparator.is_none() && nature == "反向" {
        parsed.value.direction = Some(Direction::Negative);
    }
    parsed
}

/// True when the text reads as a value rather than an indicator name: a comparator,
/// a number with a unit, a range or a deadline.
pub fn looks_like_value(text: &str) -> bool {
    let t = text.trim();
    if t.is_empty() || t.chars().count() > 24 {
        return false;
    }
    let v = parse(t);
    match v.kind {
        Kind::Quantitative | Kind::Range | Kind::Deadline => true,
        Kind::NotApplicable => true,
        _ => v.comparator.is_some(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tells_values_from_names() {
        assert!(looks_like_value("=3月~11月"));
        assert!(looks_like_value("<=45天"));
        assert!(looks_like_value("11月前"));
        assert!(looks_like_value("16"));
        assert!(!looks_like_value("相关审改文件的整理和汇编进行时间"));
        assert!(!looks_like_value("时效"));
    }
}
