//! Parses the tokens of one 指标值 cell into a typed value, reporting syntax issues to a sink and carrying on.

use super::lexer::{lex, Op, Spelling, Token, TokenKind};
use super::unit::{canonical_unit, unit_dimension, Dimension};
use super::{Comparator, Direction, Kind, TargetValue};
use crate::diagnostic::Applicability;
use crate::money::{normalize_number, parse_decimal};
use crate::span::has;
use crate::span::Span;
use rust_decimal::Decimal;

/// A syntax problem inside the cell, with its byte span and an optional whole-cell fix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Issue {
    pub kind: IssueKind,
    pub span: Span,
    /// The cell's full replacement text and how safe it is to apply.
    pub fix: Option<(String, Applicability)>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IssueKind {
    /// A comparator or number that leads nowhere: "≥", "≥abc".
    Unparseable,
    /// Template text left in: "**", "__".
    Placeholder,
    /// Two comparators in a row: ">=≥90", "=>90".
    DoubledComparator,
    /// Full-width or worded spellings with a canonical form: "＞＝９０％", "百分比".
    NonstandardSpelling,
    /// A unit the grammar does not know, kept as written: "5M".
    UnknownUnit(String),
    /// Only a unit, no figure: "公里", "≥万人" — the template's unit with the number left out.
    UnitOnly,
}

/// The result of parsing: the value, the tokens (covering the cell) and the issues.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parsed {
    pub value: TargetValue,
    pub tokens: Vec<Token>,
    pub issues: Vec<Issue>,
}

const DEADLINE_WORDS: &[&str] = &[
    "全年",
    "按时",
    "及时",
    "年底前",
    "年底",
    "年内",
    "当年",
    "年度内",
    "按期",
    "如期",
    "按月",
    "按季",
];
const REMARK_WORDS: &[&str] = &[
    "完成",
    "合格",
    "满意",
    "达标",
    "验收",
    "通过",
    "左右",
    "及以上",
];

fn symbol(op: Op) -> Comparator {
    match op {
        Op::Ge => Comparator::Ge,
        Op::Le => Comparator::Le,
        Op::Gt => Comparator::Gt,
        Op::Lt => Comparator::Lt,
        Op::Eq => Comparator::Eq,
    }
}

struct Cursor<'a> {
    text: &'a str,
    toks: Vec<Token>,
    i: usize,
}

impl<'a> Cursor<'a> {
    fn peek(&self) -> Option<Token> {
        self.toks.get(self.i).copied()
    }
    fn kind(&self) -> Option<TokenKind> {
        self.peek().map(|t| t.kind)
    }
    fn bump(&mut self) -> Option<Token> {
        let t = self.peek();
        self.i += 1;
        t
    }
    fn src(&self, t: Token) -> &'a str {
        self.text.get(t.span.start..t.span.end).unwrap_or("")
    }
}

/// True when the cell opens with prose: nothing a figure or comparator starts with.
fn is_prose(text: &str) -> bool {
    let t = text.trim_start();
    let Some(c) = t.chars().next() else {
        return false;
    };
    let figure_start = c.is_ascii_digit()
        || ('０'..='９').contains(&c)
        || "≥≤<>=＞＜＝≧≦﹦⩾⩽﹥﹤═-－−*＊_＿%％~～零一二两三四五六七八九十百千".contains(c)
        || [
            "不适用",
            "不低于",
            "不少于",
            "不小于",
            "不超过",
            "不高于",
            "不多于",
            "不大于",
            "不满",
            "大于",
            "小于",
            "达到",
            "低于",
            "少于",
            "高于",
            "多于",
            "超过",
            "控制在",
            "等于",
        ]
        .iter()
        .any(|w| t.starts_with(w));
    !figure_start && t.len() > 24
}

/// Parses one 指标值 cell.
pub fn parse(text: &str) -> Parsed {
    // Long free text (seed 004's target sentences) is one Text token: no need to lex it.
    if is_prose(text) {
        return parse_prose(text);
    }
    let tokens = lex(text);
    let significant: Vec<Token> = tokens
        .iter()
        .copied()
        .filter(|t| t.kind != TokenKind::Space)
        .collect();
    let mut issues = Vec::new();
    let mut v = TargetValue::empty();
    let mut c = Cursor {
        text,
        toks: significant,
        i: 0,
    };

    if c.toks.is_empty() {
        return Parsed {
            value: v,
            tokens,
            issues,
        };
    }
    if let Some(t) = c.toks.iter().find(|t| t.kind == TokenKind::Placeholder) {
        issues.push(Issue {
            kind: IssueKind::Placeholder,
            span: t.span,
            fix: None,
        });
    }
    if c.toks.len() == 1 && c.kind() == Some(TokenKind::NotApplicable) {
        v.kind = Kind::NotApplicable;
        v.normalized = "不适用".to_string();
        return Parsed {
            value: v,
            tokens,
            issues,
        };
    }

    // Leading comparators.
    let mut cmps: Vec<(Op, Spelling, Span)> = Vec::new();
    while let Some(TokenKind::Cmp(op, sp)) = c.kind() {
        if let Some(t) = c.bump() {
            cmps.push((op, sp, t.span));
        }
    }
    let mut op = leading_op(text, &cmps, &mut issues);

    // Negative numbers: a dash right before a number at the start.
    let mut negative = false;
    if c.kind() == Some(TokenKind::RangeSep)
        && c.toks
            .get(c.i + 1)
            .is_some_and(|t| t.kind == TokenKind::Number)
    {
        let dash = c.peek().map(|t| c.src(t)).unwrap_or("");
        if matches!(dash, "-" | "－" | "−") {
            negative = true;
            c.bump();
        }
    }

    let Some(first) = take_number(&mut c, &mut issues) else {
        wordy(&mut v, text, &c, !cmps.is_empty(), &mut issues);
        if v.kind != Kind::Qualitative {
            v.comparator = op.map(symbol);
        }
        finish(&mut v);
        return Parsed {
            value: v,
            tokens,
            issues,
        };
    };
    let mut date_like = first.date;
    v.value = Some(if negative { -first.value } else { first.value });
    let unit1 = take_unit(&mut c, &mut issues);
    v.kind = Kind::Quantitative;

    // Dates written as 2021年12月31日, with or without 前.
    let mut units_seen = vec![unit1.clone()];
    while unit1.is_some()
        && matches!(units_seen.last(), Some(Some(u)) if matches!(u.as_str(), "年" | "月"))
        && c.kind() == Some(TokenKind::Number)
    {
        let save = c.i;
        let Some(n) = take_number(&mut c, &mut issues) else {
            c.i = save;
            break;
        };
        let u = take_unit(&mut c, &mut issues);
        if !matches!(u.as_deref(), Some("月" | "日" | "号")) {
            c.i = save;
            break;
        }
        let _ = n;
        date_like = true;
        units_seen.push(u);
    }
    set_unit(&mut v, unit1.as_deref());

    // Ranges: 1~2%, 3月~11月, 80%-90%, 2021.1.1—2021.12.31.
    if c.kind() == Some(TokenKind::RangeSep) {
        let save = c.i;
        c.bump();
        if let Some(TokenKind::Cmp(..)) = c.kind() {
            c.bump();
        }
        match take_number(&mut c, &mut issues) {
            Some(second) => {
                v.upper = Some(second.value);
                date_like |= second.date;
                let unit2 = take_unit(&mut c, &mut issues);
                if unit1.is_none() {
                    set_unit(&mut v, unit2.as_deref());
                }
                v.kind = if date_like {
                    Kind::Deadline
                } else {
                    Kind::Range
                };
            }
            None => c.i = save,
        }
    }

    // 2020-12-31: a date written with dashes.
    if v.kind == Kind::Range
        && c.kind() == Some(TokenKind::RangeSep)
        && c.toks
            .get(c.i + 1)
            .is_some_and(|t| t.kind == TokenKind::Number)
    {
        c.bump();
        c.bump();
        v.upper = None;
        date_like = true;
    }

    // 以上 / 以下 / 以内 after the number.
    if let Some(TokenKind::TrailingCmp(t_op)) = c.kind() {
        let t = c.bump();
        match op {
            None => op = Some(t_op),
            Some(o) if o != t_op => {
                if let Some(t) = t {
                    issues.push(Issue {
                        kind: IssueKind::DoubledComparator,
                        span: t.span,
                        fix: None,
                    });
                }
            }
            _ => {}
        }
    }
    if c.kind() == Some(TokenKind::Before) {
        c.bump();
        v.kind = Kind::Deadline;
    }
    if date_like || matches!(v.unit.as_deref(), Some("年度")) {
        v.kind = Kind::Deadline;
    }
    // What is left is a remark ("≥5类（…）", "100%验收合格"); a second figure is fine too.
    v.comparator = op.map(symbol);
    if v.kind == Kind::Deadline {
        v.normalized = deadline_text(text, &tokens);
    }
    finish(&mut v);
    // When the whole cell was read, the canonical text is the safe fix for every spelling issue.
    if c.i >= c.toks.len()
        && matches!(v.kind, Kind::Quantitative | Kind::Range)
        && !v.normalized.is_empty()
    {
        for i in issues
            .iter_mut()
            .filter(|i| i.kind == IssueKind::NonstandardSpelling)
        {
            i.fix = Some((v.normalized.clone(), Applicability::Safe));
        }
    }
    Parsed {
        value: v,
        tokens,
        issues,
    }
}

fn parse_prose(text: &str) -> Parsed {
    let start = text.len() - text.trim_start().len();
    let end = text.trim_end().len();
    let mut tokens = Vec::with_capacity(3);
    if start > 0 {
        tokens.push(Token {
            kind: TokenKind::Space,
            span: Span::new(0, start),
        });
    }
    tokens.push(Token {
        kind: TokenKind::Text,
        span: Span::new(start, end),
    });
    if end < text.len() {
        tokens.push(Token {
            kind: TokenKind::Space,
            span: Span::new(end, text.len()),
        });
    }
    let mut v = TargetValue::empty();
    let mut issues = Vec::new();
    let body = text.get(start..end).unwrap_or("");
    if let Some(at) = ["**", "＊＊", "__", "＿＿"]
        .iter()
        .filter_map(|p| body.find(p))
        .min()
    {
        let run = body
            .get(at..)
            .unwrap_or("")
            .find(|ch: char| !matches!(ch, '*' | '＊' | '_' | '＿'))
            .unwrap_or(body.len() - at);
        issues.push(Issue {
            kind: IssueKind::Placeholder,
            span: Span::new(start + at, start + at + run),
            fix: None,
        });
        v.kind = Kind::Invalid;
    } else if DEADLINE_WORDS.iter().any(|w| has(body, w)) {
        v.kind = Kind::Deadline;
    } else {
        v.kind = Kind::Qualitative;
    }
    v.normalized = body.to_string();
    finish(&mut v);
    Parsed {
        value: v,
        tokens,
        issues,
    }
}

fn leading_op(text: &str, cmps: &[(Op, Spelling, Span)], issues: &mut Vec<Issue>) -> Option<Op> {
    let (first, last) = (cmps.first()?, cmps.last()?);
    if cmps.len() == 1 {
        // ASCII >= and <= are what a keyboard gives, but forms and the systems they are
        // imported into write ≥ and ≤: the same safe fix as a full-width sign.
        if matches!(first.1, Spelling::FullWidth | Spelling::Ascii) {
            let canon = symbol(first.0).symbol();
            issues.push(Issue {
                kind: IssueKind::NonstandardSpelling,
                span: first.2,
                fix: Some((replace(text, first.2, canon), Applicability::Safe)),
            });
        }
        return Some(first.0);
    }
    let span = Span::new(first.2.start, last.2.end);
    let ops: Vec<Op> = cmps.iter().map(|c| c.0).collect();
    let all_same = ops.iter().all(|o| *o == first.0);
    // "=>" and "=<" are ≥ and ≤ typed in the wrong order.
    let merged = match ops.as_slice() {
        [Op::Eq, Op::Gt] | [Op::Gt, Op::Eq] => Some(Op::Ge),
        [Op::Eq, Op::Lt] | [Op::Lt, Op::Eq] => Some(Op::Le),
        _ if all_same => Some(first.0),
        _ => None,
    };
    let fix = merged.map(|o| {
        let safety = if all_same {
            Applicability::Safe
        } else {
            Applicability::Unsafe
        };
        (replace(text, span, symbol(o).symbol()), safety)
    });
    issues.push(Issue {
        kind: IssueKind::DoubledComparator,
        span,
        fix,
    });
    merged.or(Some(first.0))
}

fn replace(text: &str, span: Span, with: &str) -> String {
    format!(
        "{}{}{}",
        text.get(..span.start).unwrap_or(""),
        with,
        text.get(span.end..).unwrap_or("")
    )
}

struct Num {
    value: Decimal,
    date: bool,
}

fn take_number(c: &mut Cursor, issues: &mut Vec<Issue>) -> Option<Num> {
    let t = c.peek()?;
    let raw = c.src(t);
    match t.kind {
        TokenKind::Number => {
            c.bump();
            if raw
                .chars()
                .any(|ch| ('０'..='９').contains(&ch) || matches!(ch, '．' | '，'))
            {
                issues.push(Issue {
                    kind: IssueKind::NonstandardSpelling,
                    span: t.span,
                    fix: None,
                });
            }
            if let Some(s) = normalize_number(raw).as_deref().and_then(parse_decimal) {
                return Some(Num {
                    value: s.value,
                    date: false,
                });
            }
            // 2021.1.1 — a date, read as its year.
            let parts: Vec<&str> = raw.split(['.', '．']).collect();
            if parts.len() == 3
                && parts
                    .iter()
                    .all(|p| !p.is_empty() && p.chars().all(|ch| ch.is_ascii_digit()))
            {
                let year = parts.first().and_then(|y| parse_decimal(y))?;
                return Some(Num {
                    value: year.value,
                    date: true,
                });
            }
            issues.push(Issue {
                kind: IssueKind::Unparseable,
                span: t.span,
                fix: None,
            });
            None
        }
        TokenKind::ChineseNumber => {
            c.bump();
            chinese_number(raw).map(|n| Num {
                value: Decimal::from(n),
                date: false,
            })
        }
        _ => None,
    }
}

/// 一 → 1, 十二 → 12, 两百 → 200, 三十五 → 35.
pub fn chinese_number(s: &str) -> Option<u32> {
    let digit = |c: char| match c {
        '零' => Some(0),
        '一' => Some(1),
        '二' | '两' => Some(2),
        '三' => Some(3),
        '四' => Some(4),
        '五' => Some(5),
        '六' => Some(6),
        '七' => Some(7),
        '八' => Some(8),
        '九' => Some(9),
        _ => None,
    };
    let mut total: u32 = 0;
    let mut cur: Option<u32> = None;
    for ch in s.chars() {
        let mult = match ch {
            '十' => 10,
            '百' => 100,
            '千' => 1000,
            _ => {
                cur = Some(digit(ch)?);
                continue;
            }
        };
        total = total.checked_add(cur.unwrap_or(1).checked_mul(mult)?)?;
        cur = None;
    }
    total.checked_add(cur.unwrap_or(0))
}

fn take_unit(c: &mut Cursor, issues: &mut Vec<Issue>) -> Option<String> {
    let t = c.peek()?;
    match t.kind {
        TokenKind::Unit => {
            c.bump();
            let u = c.src(t);
            if matches!(u, "％" | "百分比") {
                let fix = (replace(c.text, t.span, "%"), Applicability::Safe);
                issues.push(Issue {
                    kind: IssueKind::NonstandardSpelling,
                    span: t.span,
                    fix: Some(fix),
                });
            }
            Some(u.to_string())
        }
        // A short unknown word glued to the number is kept as its unit: "5M", "3批次".
        TokenKind::Text => {
            let prev_end =
                c.i.checked_sub(1)
                    .and_then(|k| c.toks.get(k))
                    .map(|p| p.span.end);
            let u = c.src(t);
            let glued = prev_end == Some(t.span.start);
            if glued && u.chars().count() <= 3 && !REMARK_WORDS.iter().any(|w| has(u, w)) {
                c.bump();
                issues.push(Issue {
                    kind: IssueKind::UnknownUnit(u.to_string()),
                    span: t.span,
                    fix: None,
                });
                Some(u.to_string())
            } else {
                None
            }
        }
        _ => None,
    }
}

fn set_unit(v: &mut TargetValue, unit: Option<&str>) {
    if let Some(u) = unit {
        v.unit = Some(u.to_string());
        v.dimension = Some(unit_dimension(u));
    }
}

fn wordy(v: &mut TargetValue, text: &str, c: &Cursor, had_cmp: bool, issues: &mut Vec<Issue>) {
    // "达到森林防火安全98%以上…": a worded comparator opening a sentence is just prose.
    let worded_cmp = c
        .toks
        .first()
        .is_some_and(|t| matches!(t.kind, TokenKind::Cmp(_, Spelling::Word)));
    let rest_start = c.peek().map_or(text.len(), |t| t.span.start);
    let rest = text.get(rest_start..).unwrap_or("").trim();
    let placeholder = issues.iter().any(|i| i.kind == IssueKind::Placeholder);
    v.kind = if placeholder {
        Kind::Invalid
    } else if let Some(fixed) = ocr_equals(text, c) {
        // "二100": an OCR'd or mistyped "=".
        issues.push(Issue {
            kind: IssueKind::Unparseable,
            span: Span::new(0, text.len()),
            fix: Some((fixed, Applicability::Unsafe)),
        });
        Kind::Invalid
    } else if (had_cmp && !worded_cmp) || rest.is_empty() || starts_with_unit_and_has_figure(c) {
        // A comparator with nothing to compare: "≥", "≥较好".
        issues.push(Issue {
            kind: IssueKind::Unparseable,
            span: Span::new(0, text.len()),
            fix: None,
        });
        Kind::Invalid
    } else if is_unit_only(rest) {
        issues.push(Issue {
            kind: IssueKind::UnitOnly,
            span: Span::new(0, text.len()),
            fix: None,
        });
        Kind::Invalid
    } else if DEADLINE_WORDS.iter().any(|w| has(rest, w)) {
        Kind::Deadline
    } else {
        // Free text, figures inside a sentence included.
        Kind::Qualitative
    };
    v.normalized = text.trim().to_string();
}

/// A unit and nothing else ("公里", "万人", "%"); time words (年度, 月份) can be answers.
fn is_unit_only(rest: &str) -> bool {
    let rest = rest.trim();
    super::unit::longest_known_prefix(rest) == Some(rest.len())
        && unit_dimension(rest) != Dimension::Time
}

/// "二100" → "=100": the character 二 right before the figure.
fn ocr_equals(text: &str, c: &Cursor) -> Option<String> {
    let first = c.toks.first()?;
    let second = c.toks.get(1)?;
    (c.src(*first) == "二"
        && second.kind == TokenKind::Number
        && second.span.start == first.span.end)
        .then(|| replace(text, first.span, "="))
}

/// "%=99百分比": a unit before any figure, with a figure later.
fn starts_with_unit_and_has_figure(c: &Cursor) -> bool {
    c.toks.first().is_some_and(|t| t.kind == TokenKind::Unit)
        && c.toks.iter().any(|t| t.kind == TokenKind::Number)
}

fn deadline_text(text: &str, tokens: &[Token]) -> String {
    let mut out = String::new();
    // 2020-12-31 keeps its dashes; other separators become ~.
    let dash_date = tokens
        .iter()
        .filter(|t| t.kind == TokenKind::RangeSep)
        .count()
        == 2;
    for t in tokens {
        let s = text.get(t.span.start..t.span.end).unwrap_or("");
        match t.kind {
            TokenKind::Cmp(..) | TokenKind::Space => {}
            TokenKind::Number => {
                out.push_str(&normalize_number(s).unwrap_or(std::borrow::Cow::Borrowed(s)))
            }
            TokenKind::Unit => out.push_str(&canonical_unit(s)),
            TokenKind::RangeSep if dash_date => out.push_str(s),
            TokenKind::RangeSep => out.push('~'),
            _ => out.push_str(s),
        }
    }
    out
}

fn finish(v: &mut TargetValue) {
    v.direction = match (v.kind, v.comparator) {
        (Kind::Qualitative, _) => Some(Direction::Qualitative),
        (Kind::Deadline, _) => Some(Direction::Negative),
        (_, Some(Comparator::Ge | Comparator::Gt)) => Some(Direction::Positive),
        (_, Some(Comparator::Le | Comparator::Lt)) => Some(Direction::Negative),
        (_, Some(Comparator::Eq)) | (Kind::Range, None) => Some(Direction::Equal),
        _ => None,
    };
    if v.normalized.is_empty() {
        let unit = v.unit.as_deref().map(canonical_unit).unwrap_or_default();
        let cmp = v.comparator.map(Comparator::symbol).unwrap_or_default();
        v.normalized = match (v.value, v.upper) {
            (Some(a), Some(b)) => format!("{cmp}{a}~{b}{unit}"),
            (Some(a), None) => format!("{cmp}{a}{unit}"),
            _ => String::new(),
        };
    }
    if v.dimension == Some(Dimension::Unknown) && v.unit.is_none() {
        v.dimension = None;
    }
}
