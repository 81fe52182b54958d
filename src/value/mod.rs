//! 指标值 (target value) reading: comparator, number(s), unit and kind of one cell.
//!
//! This is the first cut used by the readers and the first rules; the full grammar
//! with token spans and recovery lives here as it grows.

mod unit;

pub use unit::{unit_dimension, Dimension};

use crate::money::{normalize_number, parse_decimal};
use rust_decimal::Decimal;
use serde::Serialize;

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

/// Leading comparators, longest first; worded forms follow 民法典 第一千二百五十九条.
const LEADING: &[(&str, Comparator)] = &[
    (">=", Comparator::Ge),
    ("<=", Comparator::Le),
    ("＞＝", Comparator::Ge),
    ("＜＝", Comparator::Le),
    ("≥", Comparator::Ge),
    ("≤", Comparator::Le),
    ("≧", Comparator::Ge),
    ("≦", Comparator::Le),
    ("＞", Comparator::Gt),
    ("＜", Comparator::Lt),
    (">", Comparator::Gt),
    ("<", Comparator::Lt),
    ("＝", Comparator::Eq),
    ("﹦", Comparator::Eq),
    ("=", Comparator::Eq),
    ("不低于", Comparator::Ge),
    ("不少于", Comparator::Ge),
    ("不超过", Comparator::Le),
    ("不高于", Comparator::Le),
    ("不多于", Comparator::Le),
    ("达到", Comparator::Ge),
    ("低于", Comparator::Lt),
    ("少于", Comparator::Lt),
    ("高于", Comparator::Gt),
    ("多于", Comparator::Gt),
    ("超过", Comparator::Gt),
    ("不满", Comparator::Lt),
];

const TRAILING: &[(&str, Comparator)] = &[
    ("以上", Comparator::Ge),
    ("以下", Comparator::Le),
    ("以内", Comparator::Le),
];

const RANGE_SEPARATORS: &[char] = &['~', '～', '-', '—', '至', '到', '－'];

const DEADLINE_WORDS: &[&str] = &["全年", "按时", "及时", "年底前", "年内", "当年"];

/// Reads one 指标值 cell.
pub fn parse(text: &str) -> TargetValue {
    let t = text.trim();
    let mut tv = TargetValue {
        kind: Kind::Empty,
        comparator: None,
        value: None,
        upper: None,
        unit: None,
        dimension: None,
        direction: None,
        normalized: String::new(),
    };
    if t.is_empty() {
        return tv;
    }
    if t == "不适用" {
        tv.kind = Kind::NotApplicable;
        tv.normalized = t.to_string();
        return tv;
    }
    let (comparator, rest) = strip_leading(t);
    tv.comparator = comparator;
    let Some((first, after)) = take_number(rest) else {
        classify_wordy(&mut tv, t, rest);
        return tv;
    };
    tv.value = Some(first);
    let mut tail = after.trim_start();
    // Unit may sit before a range separator: "3月~11月", "80%-90%".
    let (unit1, after_unit1) = split_unit(tail);
    if let Some(sep_rest) = strip_range_separator(after_unit1) {
        if let Some((second, after2)) = take_number(sep_rest) {
            tv.upper = Some(second);
            tv.kind = Kind::Range;
            tail = after2.trim_start();
            let (unit2, rest2) = split_unit(tail);
            let unit = if unit2.is_empty() { unit1 } else { unit2 };
            finish_unit(&mut tv, unit);
            return finish_deadline_or_invalid(tv, rest2);
        }
    }
    tail = after_unit1;
    finish_unit(&mut tv, unit1);
    let mut rest_words = tail.trim();
    for (word, cmp) in TRAILING {
        if let Some(r) = rest_words.strip_prefix(word) {
            if tv.comparator.is_none() {
                tv.comparator = Some(*cmp);
            }
            rest_words = r.trim();
        }
    }
    tv.kind = Kind::Quantitative;
    finish_deadline_or_invalid(tv, rest_words)
}

fn finish_deadline_or_invalid(mut tv: TargetValue, rest: &str) -> TargetValue {
    let rest = rest.trim();
    let time_unit = matches!(tv.dimension, Some(Dimension::Time));
    if time_unit && (rest.starts_with('前') || rest.starts_with("底前") || rest.starts_with("底"))
    {
        tv.kind = Kind::Deadline;
    } else if !rest.is_empty() && tv.kind == Kind::Quantitative {
        // "≥5类（按照…）": keep the reading, the remark is free text.
        if !rest.starts_with(['（', '(', '，', ',', '；', ';', ' ']) {
            tv.kind = Kind::Invalid;
        }
    }
    tv.direction = direction_of(&tv);
    tv.normalized = normalized(&tv);
    tv
}

fn classify_wordy(tv: &mut TargetValue, whole: &str, rest: &str) {
    let has_digit = whole
        .chars()
        .any(|c| c.is_ascii_digit() || ('０'..='９').contains(&c));
    tv.kind = if DEADLINE_WORDS.iter().any(|w| rest.contains(w)) {
        Kind::Deadline
    } else if has_digit || rest.is_empty() || rest.contains("**") || rest.contains("__") {
        Kind::Invalid
    } else {
        Kind::Qualitative
    };
    tv.direction = match tv.kind {
        Kind::Qualitative => Some(Direction::Qualitative),
        _ => None,
    };
    tv.normalized = whole.to_string();
}

fn strip_leading(t: &str) -> (Option<Comparator>, &str) {
    for (word, cmp) in LEADING {
        if let Some(rest) = t.strip_prefix(word) {
            return (Some(*cmp), rest.trim_start());
        }
    }
    (None, t)
}

/// Takes a number at the start: digits, full-width digits, thousands separators, one point.
fn take_number(s: &str) -> Option<(Decimal, &str)> {
    let mut end = 0;
    for (i, ch) in s.char_indices() {
        let numeric = ch.is_ascii_digit()
            || ('０'..='９').contains(&ch)
            || matches!(ch, '.' | '．' | ',' | '，')
            || (i == 0 && matches!(ch, '-' | '－'));
        if !numeric {
            break;
        }
        end = i + ch.len_utf8();
    }
    let raw = s.get(..end)?.trim_end_matches([',', '，', '.', '．']);
    if raw.is_empty() {
        return None;
    }
    let norm = normalize_number(raw)?;
    let stated = parse_decimal(&norm)?;
    Some((stated.value, s.get(raw.len()..).unwrap_or("")))
}

fn strip_range_separator(s: &str) -> Option<&str> {
    let mut chars = s.chars();
    let c = chars.next()?;
    RANGE_SEPARATORS
        .contains(&c)
        .then(|| chars.as_str().trim_start())
}

/// Splits a unit off the front of `s`: the longest known unit, else a run of
/// non-digit, non-separator characters.
fn split_unit(s: &str) -> (&str, &str) {
    if let Some(u) = unit::longest_known_prefix(s) {
        return (s.get(..u).unwrap_or(""), s.get(u..).unwrap_or(""));
    }
    let mut end = 0;
    for (i, ch) in s.char_indices() {
        if ch.is_ascii_digit()
            || RANGE_SEPARATORS.contains(&ch)
            || matches!(ch, '（' | '(' | '，' | ',' | '；' | ';' | ' ' | '前')
        {
            break;
        }
        end = i + ch.len_utf8();
        if end >= 12 {
            break;
        }
    }
    (s.get(..end).unwrap_or(""), s.get(end..).unwrap_or(""))
}

fn finish_unit(tv: &mut TargetValue, unit: &str) {
    if !unit.is_empty() {
        tv.unit = Some(unit.to_string());
        tv.dimension = Some(unit_dimension(unit));
    }
}

fn direction_of(tv: &TargetValue) -> Option<Direction> {
    match (tv.kind, tv.comparator) {
        (Kind::Deadline, _) => Some(Direction::Negative),
        (_, Some(Comparator::Ge | Comparator::Gt)) => Some(Direction::Positive),
        (_, Some(Comparator::Le | Comparator::Lt)) => Some(Direction::Negative),
        (_, Some(Comparator::Eq)) | (Kind::Range, None) => Some(Direction::Equal),
        _ => None,
    }
}

fn normalized(tv: &TargetValue) -> String {
    let unit = tv
        .unit
        .as_deref()
        .map(unit::canonical_unit)
        .unwrap_or_default();
    let cmp = tv.comparator.map(Comparator::symbol).unwrap_or_default();
    match (tv.value, tv.upper) {
        (Some(v), Some(u)) => format!("{cmp}{v}~{u}{unit}"),
        (Some(v), None) if tv.kind == Kind::Deadline => format!("{v}{unit}前"),
        (Some(v), None) => format!("{cmp}{v}{unit}"),
        _ => String::new(),
    }
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
    fn reads_seed_values() {
        // (cell, kind, comparator, value, unit, normalized)
        type Case<'a> = (
            &'a str,
            Kind,
            Option<&'a str>,
            Option<&'a str>,
            Option<&'a str>,
            &'a str,
        );
        let cases: &[Case] = &[
            (
                "=50家",
                Kind::Quantitative,
                Some("="),
                Some("50"),
                Some("家"),
                "=50家",
            ),
            (
                ">=90%",
                Kind::Quantitative,
                Some("≥"),
                Some("90"),
                Some("%"),
                "≥90%",
            ),
            (
                "<=45天",
                Kind::Quantitative,
                Some("≤"),
                Some("45"),
                Some("天"),
                "≤45天",
            ),
            (
                "=1~2%",
                Kind::Range,
                Some("="),
                Some("1"),
                Some("%"),
                "=1~2%",
            ),
            (
                "=3月~11月",
                Kind::Range,
                Some("="),
                Some("3"),
                Some("月"),
                "=3~11月",
            ),
            (
                "=3月份~11月份",
                Kind::Range,
                Some("="),
                Some("3"),
                Some("月份"),
                "=3~11月",
            ),
            (
                "=11月底前",
                Kind::Deadline,
                Some("="),
                Some("11"),
                Some("月"),
                "11月前",
            ),
            (
                "11月前",
                Kind::Deadline,
                None,
                Some("11"),
                Some("月"),
                "11月前",
            ),
            ("16", Kind::Quantitative, None, Some("16"), None, "16"),
            (
                "2020年度",
                Kind::Quantitative,
                None,
                Some("2020"),
                Some("年度"),
                "2020年度",
            ),
            (
                "≤8万元",
                Kind::Quantitative,
                Some("≤"),
                Some("8"),
                Some("万元"),
                "≤8万元",
            ),
            (
                "≥95%",
                Kind::Quantitative,
                Some("≥"),
                Some("95"),
                Some("%"),
                "≥95%",
            ),
            (
                "90%以上",
                Kind::Quantitative,
                Some("≥"),
                Some("90"),
                Some("%"),
                "≥90%",
            ),
            (
                "提高管理水平",
                Kind::Qualitative,
                None,
                None,
                None,
                "提高管理水平",
            ),
            ("完善", Kind::Qualitative, None, None, None, "完善"),
            ("不适用", Kind::NotApplicable, None, None, None, "不适用"),
            ("及时完成", Kind::Deadline, None, None, None, "及时完成"),
            ("≤**", Kind::Invalid, Some("≤"), None, None, "≤**"),
            (
                "＞＝９０％",
                Kind::Quantitative,
                Some("≥"),
                Some("90"),
                Some("％"),
                "≥90%",
            ),
            (
                "1,530,000元",
                Kind::Quantitative,
                None,
                Some("1530000"),
                Some("元"),
                "1530000元",
            ),
        ];
        for (text, kind, cmp, v, unit, norm) in cases {
            let got = parse(text);
            assert_eq!(got.kind, *kind, "{text}: {got:?}");
            assert_eq!(got.comparator.map(Comparator::symbol), *cmp, "{text}");
            assert_eq!(got.value.map(|d| d.to_string()).as_deref(), *v, "{text}");
            assert_eq!(got.unit.as_deref(), *unit, "{text}");
            assert_eq!(got.normalized, *norm, "{text}");
        }
    }

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
