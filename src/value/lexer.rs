//! Lexes one 指标值 cell into tokens covering every byte, with no gaps or overlaps.

use super::unit;
use crate::span::{starts, Span};

/// How a comparator was written; only `Symbol` is canonical.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Spelling {
    /// ≥ ≤ > < =
    Symbol,
    /// >= <= (ASCII digraphs)
    Ascii,
    /// ＞ ＜ ＝ ≧ ≦ ﹦ ＞＝ ＜＝ and look-alikes: ═ ﹥ ﹤ ≥=
    FullWidth,
    /// 不低于, 不超过, 达到 …
    Word,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    Ge,
    Le,
    Gt,
    Lt,
    Eq,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// A leading comparator.
    Cmp(Op, Spelling),
    /// 以上 / 以下 / 以内 after a number (inclusive, 民法典 第1259条).
    TrailingCmp(Op),
    /// Digits (ASCII or full-width) with separators and points as written.
    Number,
    /// 一 两 十 百 … directly before a unit.
    ChineseNumber,
    /// A known unit (the longest that matches), after a number.
    Unit,
    /// ~ ～ 〜 - — – 至 到 －
    RangeSep,
    /// 前 / 底前 / 以前 / 之前 / 底 after a date part.
    Before,
    /// * ＊ _ ＿ runs left from a template.
    Placeholder,
    /// 不适用
    NotApplicable,
    Space,
    /// Brackets, commas and other punctuation.
    Punct,
    /// Any other run of text.
    Text,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub kind: TokenKind,
    pub span: Span,
}

const COMPARATORS: &[(&str, Op, Spelling)] = &[
    (">=", Op::Ge, Spelling::Ascii),
    ("<=", Op::Le, Spelling::Ascii),
    ("＞＝", Op::Ge, Spelling::FullWidth),
    ("＜＝", Op::Le, Spelling::FullWidth),
    // Look-alikes: ≥ with a stray =, the box-drawing ═ and the small-form ﹥ ﹤.
    ("≥=", Op::Ge, Spelling::FullWidth),
    ("≤=", Op::Le, Spelling::FullWidth),
    ("≥", Op::Ge, Spelling::Symbol),
    ("≤", Op::Le, Spelling::Symbol),
    ("≧", Op::Ge, Spelling::FullWidth),
    ("≦", Op::Le, Spelling::FullWidth),
    ("⩾", Op::Ge, Spelling::FullWidth),
    ("⩽", Op::Le, Spelling::FullWidth),
    ("＞", Op::Gt, Spelling::FullWidth),
    ("＜", Op::Lt, Spelling::FullWidth),
    ("﹥", Op::Gt, Spelling::FullWidth),
    ("﹤", Op::Lt, Spelling::FullWidth),
    ("═", Op::Eq, Spelling::FullWidth),
    (">", Op::Gt, Spelling::Symbol),
    ("<", Op::Lt, Spelling::Symbol),
    ("＝", Op::Eq, Spelling::FullWidth),
    ("﹦", Op::Eq, Spelling::FullWidth),
    ("=", Op::Eq, Spelling::Symbol),
    ("不低于", Op::Ge, Spelling::Word),
    ("不少于", Op::Ge, Spelling::Word),
    ("不小于", Op::Ge, Spelling::Word),
    ("大于等于", Op::Ge, Spelling::Word),
    ("小于等于", Op::Le, Spelling::Word),
    ("不超过", Op::Le, Spelling::Word),
    ("不高于", Op::Le, Spelling::Word),
    ("不多于", Op::Le, Spelling::Word),
    ("不大于", Op::Le, Spelling::Word),
    ("控制在", Op::Le, Spelling::Word),
    ("达到", Op::Ge, Spelling::Word),
    ("低于", Op::Lt, Spelling::Word),
    ("少于", Op::Lt, Spelling::Word),
    ("小于", Op::Lt, Spelling::Word),
    ("高于", Op::Gt, Spelling::Word),
    ("多于", Op::Gt, Spelling::Word),
    ("大于", Op::Gt, Spelling::Word),
    ("超过", Op::Gt, Spelling::Word),
    ("不满", Op::Lt, Spelling::Word),
    ("等于", Op::Eq, Spelling::Word),
];

const TRAILING: &[(&str, Op)] = &[
    ("及以上", Op::Ge),
    ("以上", Op::Ge),
    ("以下", Op::Le),
    ("以内", Op::Le),
    ("之内", Op::Le),
    ("内", Op::Le),
];
const BEFORE: &[&str] = &["底以前", "底之前", "底前", "以前", "之前", "前", "底"];
const RANGE_SEPS: &[char] = &['~', '～', '〜', '-', '—', '–', '－', '至', '到'];
const CN_DIGITS: &[char] = &[
    '零', '一', '二', '两', '三', '四', '五', '六', '七', '八', '九', '十', '百', '千',
];

fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

fn is_punct(c: char) -> bool {
    matches!(
        c,
        '(' | ')'
            | '（'
            | '）'
            | ','
            | '，'
            | ';'
            | '；'
            | '、'
            | '。'
            | ':'
            | '：'
            | '/'
            | '／'
            | '['
            | ']'
            | '【'
            | '】'
            | '"'
            | '“'
            | '”'
            | '\''
            | '+'
            | '＋'
    )
}

/// Tokens covering every byte of `text`, in order.
pub fn lex(text: &str) -> Vec<Token> {
    let mut tokens: Vec<Token> = Vec::with_capacity(8);
    let mut pos = 0usize;
    let len = text.len();
    // The last non-space token's kind, and the text of the last unit.
    let mut prev: Option<TokenKind> = None;
    let mut last_unit = "";
    while pos < len {
        let rest = text.get(pos..).unwrap_or("");
        let Some(c) = rest.chars().next() else { break };
        let after_number = matches!(prev, Some(TokenKind::Number | TokenKind::ChineseNumber));
        let after_date_part = matches!(prev, Some(TokenKind::Unit))
            && matches!(
                last_unit,
                "月" | "月份" | "日" | "号" | "年" | "年度" | "季度"
            );
        let (kind, n) = if c.is_whitespace() {
            let n = rest
                .find(|ch: char| !ch.is_whitespace())
                .unwrap_or(rest.len());
            (TokenKind::Space, n)
        } else if rest.starts_with("不适用") {
            (TokenKind::NotApplicable, "不适用".len())
        } else if let Some(n) = after_number
            .then(|| unit::longest_known_prefix(rest))
            .flatten()
        {
            (TokenKind::Unit, n)
        } else if let Some((w, op)) = TRAILING.iter().find(|(w, _)| {
            matches!(prev, Some(TokenKind::Unit | TokenKind::Number)) && starts(rest, w)
        }) {
            (TokenKind::TrailingCmp(*op), w.len())
        } else if let Some(w) = BEFORE.iter().find(|w| after_date_part && starts(rest, w)) {
            (TokenKind::Before, w.len())
        } else if let Some((w, op, sp)) = starts_comparator(c)
            .then(|| COMPARATORS.iter().find(|(w, _, _)| starts(rest, w)))
            .flatten()
        {
            (TokenKind::Cmp(*op, *sp), w.len())
        } else if is_digit(c) {
            let n = rest
                .char_indices()
                .find(|(i, ch)| {
                    !(is_digit(*ch)
                        || (matches!(ch, '.' | '．' | ',' | '，')
                            && rest
                                .get(i + ch.len_utf8()..)
                                .and_then(|r| r.chars().next())
                                .is_some_and(is_digit)))
                })
                .map_or(rest.len(), |(i, _)| i);
            (TokenKind::Number, n)
        } else if CN_DIGITS.contains(&c) {
            let run = rest
                .find(|ch: char| !CN_DIGITS.contains(&ch))
                .unwrap_or(rest.len());
            let followed_by_unit = rest
                .get(run..)
                .is_some_and(|r| unit::longest_known_prefix(r).is_some());
            if followed_by_unit {
                (TokenKind::ChineseNumber, run)
            } else {
                (TokenKind::Text, text_run(rest))
            }
        } else if matches!(c, '*' | '＊' | '_' | '＿') {
            let n = rest
                .find(|ch: char| !matches!(ch, '*' | '＊' | '_' | '＿'))
                .unwrap_or(rest.len());
            (TokenKind::Placeholder, n)
        } else if RANGE_SEPS.contains(&c) {
            (TokenKind::RangeSep, c.len_utf8())
        } else if c == '%' || c == '％' {
            (TokenKind::Unit, c.len_utf8())
        } else if is_punct(c) {
            (TokenKind::Punct, c.len_utf8())
        } else {
            (TokenKind::Text, text_run(rest))
        };
        let n = n.max(c.len_utf8());
        if kind != TokenKind::Space {
            prev = Some(kind);
        }
        if kind == TokenKind::Unit {
            last_unit = rest.get(..n).unwrap_or("");
        }
        tokens.push(Token {
            kind,
            span: Span::new(pos, pos + n),
        });
        pos += n;
    }
    tokens
}

/// Characters that can start a comparator (symbols and the first characters of the words).
fn starts_comparator(c: char) -> bool {
    is_comparator_symbol(c)
        || matches!(
            c,
            '不' | '大' | '小' | '控' | '达' | '低' | '少' | '高' | '多' | '超' | '等'
        )
}

fn is_comparator_symbol(c: char) -> bool {
    matches!(
        c,
        '≥' | '≤'
            | '>'
            | '<'
            | '='
            | '＞'
            | '＜'
            | '＝'
            | '≧'
            | '≦'
            | '﹦'
            | '⩾'
            | '⩽'
            | '﹥'
            | '﹤'
            | '═'
    )
}

/// A run of text up to the next character that starts another token.
fn text_run(rest: &str) -> usize {
    let mut end = 0;
    for (i, ch) in rest.char_indices() {
        let starts_other = i > 0
            && (ch.is_whitespace()
                || is_digit(ch)
                || is_punct(ch)
                || RANGE_SEPS.contains(&ch)
                || matches!(ch, '*' | '＊' | '_' | '＿' | '%' | '％')
                || rest.get(i..).is_some_and(|r| {
                    r.starts_with("不适用")
                        || COMPARATORS
                            .iter()
                            .any(|(w, _, sp)| *sp != Spelling::Word && starts(r, w))
                }));
        if starts_other {
            break;
        }
        end = i + ch.len_utf8();
    }
    end
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(TokenKind, &str)> {
        lex(text)
            .into_iter()
            .map(|t| (t.kind, &text[t.span.start..t.span.end]))
            .collect()
    }

    #[test]
    fn lexes_common_forms() {
        use TokenKind::*;
        assert_eq!(
            kinds(">=90%"),
            vec![
                (Cmp(Op::Ge, Spelling::Ascii), ">="),
                (Number, "90"),
                (Unit, "%")
            ]
        );
        assert_eq!(
            kinds("=3月份~11月份"),
            vec![
                (Cmp(Op::Eq, Spelling::Symbol), "="),
                (Number, "3"),
                (Unit, "月份"),
                (RangeSep, "~"),
                (Number, "11"),
                (Unit, "月份")
            ]
        );
        assert_eq!(
            kinds("11月底前"),
            vec![(Number, "11"), (Unit, "月"), (Before, "底前")]
        );
        assert_eq!(
            kinds("1,530,000元"),
            vec![(Number, "1,530,000"), (Unit, "元")]
        );
        assert_eq!(kinds("两场"), vec![(ChineseNumber, "两"), (Unit, "场")]);
        assert_eq!(kinds("一般"), vec![(Text, "一般")]);
        assert_eq!(
            kinds("≤**"),
            vec![(Cmp(Op::Le, Spelling::Symbol), "≤"), (Placeholder, "**")]
        );
        assert_eq!(
            kinds("90%以上"),
            vec![(Number, "90"), (Unit, "%"), (TrailingCmp(Op::Ge), "以上")]
        );
    }
}
