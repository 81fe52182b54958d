//! Exact money and rates: parsing amounts and percentages, unit scaling, checked sums, intervals and the one rounding helper (四舍五入).

use crate::form::MoneyUnit;
use rust_decimal::{Decimal, RoundingStrategy};
use std::borrow::Cow;

/// A number read from a cell, with the decimals it was written with (its precision).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stated {
    pub value: Decimal,
    /// Digits after the decimal point as written: "1,273.65" → 2, "257" → 0.
    pub decimals: u32,
}

impl Stated {
    /// The interval a rounded figure stands for: value ± ½·10⁻ᵈ.
    pub fn interval(&self) -> Interval {
        let half = Decimal::new(5, self.decimals.saturating_add(1).min(28));
        Interval {
            lo: self.value.checked_sub(half).unwrap_or(self.value),
            hi: self.value.checked_add(half).unwrap_or(self.value),
        }
    }
}

/// A closed interval `[lo, hi]` of exact decimals.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Interval {
    pub lo: Decimal,
    pub hi: Decimal,
}

impl Interval {
    pub fn intersects(&self, other: &Interval) -> bool {
        self.lo <= other.hi && other.lo <= self.hi
    }

    pub fn contains(&self, v: Decimal) -> bool {
        self.lo <= v && v <= self.hi
    }
}

/// What an amount cell holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AmountCell {
    /// Blank, `—`, `-`, `/`, `无`: no value (not zero).
    NoValue,
    /// A number, with the unit written in the cell if any.
    Value(Stated, Option<MoneyUnit>),
    /// Text that is not an amount.
    Invalid,
}

/// Rounds half away from zero (四舍五入) to `dp` decimals. The only rounding in the crate:
/// `Decimal::round_dp` is banker's rounding (0.125 → 0.12) and is banned by clippy.toml.
pub fn round_half_away(value: Decimal, dp: u32) -> Decimal {
    value.round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero)
}

/// Parses validated ASCII digits `[-]ddd[.ddd]`; anything else is `None`.
pub fn parse_decimal(s: &str) -> Option<Stated> {
    let body = s.strip_prefix('-').unwrap_or(s);
    let (int, frac) = match body.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (body, None),
    };
    let digits_ok = |p: &str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit());
    if !digits_ok(int) || frac.is_some_and(|f| !digits_ok(f)) || body.len() > 28 {
        return None;
    }
    let decimals = frac.map_or(0, |f| f.len() as u32);
    Decimal::from_str_exact(s)
        .ok()
        .map(|value| Stated { value, decimals })
}

/// Maps full-width digits and signs to ASCII and drops thousands separators in
/// well-formed groups ("1,273.65", "１，５３０，０００"). Returns `None` if commas are misplaced.
pub fn normalize_number(text: &str) -> Option<Cow<'_, str>> {
    // Bail out before allocating on anything that can't be a number (prose cells).
    let numeric = |c: char| {
        c.is_ascii_digit()
            || ('０'..='９').contains(&c)
            || matches!(c, '.' | '．' | ',' | '，' | '-' | '－' | '−')
    };
    if text.len() > 64 || !text.chars().all(numeric) {
        return None;
    }
    // Already plain ("256.63", "-3"): no copy. Most figures in a form are.
    if text
        .bytes()
        .all(|b| b.is_ascii_digit() || b == b'.' || b == b'-')
    {
        return Some(Cow::Borrowed(text));
    }
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        let c = match ch {
            '０'..='９' => char::from_u32(ch as u32 - '０' as u32 + '0' as u32).unwrap_or(ch),
            '．' => '.',
            '，' => ',',
            '－' | '−' => '-',
            _ => ch,
        };
        out.push(c);
    }
    if out.contains(',') {
        let (int, frac) = match out.split_once('.') {
            Some((i, f)) => (i.to_string(), Some(f.to_string())),
            None => (out.clone(), None),
        };
        let unsigned = int.strip_prefix('-').unwrap_or(&int);
        let groups: Vec<&str> = unsigned.split(',').collect();
        let first_ok = groups.first().is_some_and(|g| (1..=3).contains(&g.len()));
        let rest_ok = groups.iter().skip(1).all(|g| g.len() == 3);
        if !first_ok || !rest_ok {
            return None;
        }
        let mut joined = int.replace(',', "");
        if let Some(f) = frac {
            joined.push('.');
            joined.push_str(&f);
        }
        out = joined;
    }
    Some(Cow::Owned(out))
}

const NO_VALUE: &[&str] = &["", "—", "——", "-", "--", "/", "／", "无", "空", "不适用"];

/// Reads an amount cell: "1,273.65", "517,500", "８.５万元", "—".
pub fn parse_amount(text: &str) -> AmountCell {
    thread_local! {
        static AMOUNTS: crate::memo::Memo<AmountCell> = crate::memo::Memo::default();
    }
    // Every 分值 and 得分 is read by several rules, on every keystroke: read each text once.
    if text.len() > 64 {
        return read_amount(text);
    }
    AMOUNTS.with(|m| m.get_or(text, || read_amount(text)))
}

fn read_amount(text: &str) -> AmountCell {
    let t = crate::span::trim(text);
    if NO_VALUE.contains(&t) {
        return AmountCell::NoValue;
    }
    // "854万（高标准农田建设400万元，…）": a figure with its breakdown in brackets after it.
    let t = strip_trailing_note(t);
    // "7.50.": read as 7.50, so totals and rates are checked; B001 still reports the point.
    let t = without_stray_point(t).unwrap_or(t);
    let (num, unit) = split_money_unit(t);
    match normalize_number(num.trim())
        .as_deref()
        .and_then(parse_decimal)
    {
        Some(s) => AmountCell::Value(s, unit),
        None => AmountCell::Invalid,
    }
}

/// A figure typed with one point too many at its end ("7.50.", "18。"): the figure without it.
pub fn without_stray_point(text: &str) -> Option<&str> {
    let t = crate::span::trim(text);
    let rest = t.strip_suffix(['.', '．', '。'])?;
    let digit_before = rest
        .chars()
        .next_back()
        .is_some_and(|c| c.is_ascii_digit() || ('０'..='９').contains(&c));
    digit_before.then_some(rest)
}

/// A cell of an amount (`rate: false`) or of a rate (`rate: true`) that holds something
/// other than a figure, "—" or a blank (B001 and S030 tell what).
pub fn unreadable(text: &str, rate: bool) -> bool {
    match rate {
        true => parse_amount(text) != AmountCell::NoValue && parse_percent(text).is_none(),
        false => parse_amount(text) == AmountCell::Invalid,
    }
}

/// What an unreadable amount cell holds besides one figure: words (约95, 见附表, a breakdown
/// in prose) or a second figure (854万854万). `None` for a figure that is only mistyped
/// (256,63; 7.50.), which B001 reports.
pub fn prose_in_amount(text: &str) -> Option<AmountProse> {
    let t = crate::span::trim(text);
    let words = t.chars().any(|c| {
        ('\u{4E00}'..='\u{9FFF}').contains(&c)
            && !matches!(c, '万' | '元' | '亿' | '千' | '萬' | '億')
    });
    let figures = t
        .split(|c: char| {
            !(c.is_ascii_digit()
                || ('０'..='９').contains(&c)
                || matches!(c, '.' | ',' | '，' | '．'))
        })
        .filter(|run| {
            run.chars()
                .any(|c| c.is_ascii_digit() || ('０'..='９').contains(&c))
        })
        .count();
    match (words, figures) {
        (true, _) => Some(AmountProse::Words),
        (false, n) if n > 1 => Some(AmountProse::SeveralFigures),
        _ => None,
    }
}

/// See [`prose_in_amount`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AmountProse {
    Words,
    SeveralFigures,
}

/// The text before a bracketed note that ends it ("854万（…）" → "854万"); the text itself
/// when it does not end in one or starts with it.
fn strip_trailing_note(t: &str) -> &str {
    if !t.ends_with([')', '）']) {
        return t;
    }
    match t.find(['(', '（']) {
        Some(i) if i > 0 => crate::span::trim(t.get(..i).unwrap_or(t)),
        _ => t,
    }
}

fn split_money_unit(t: &str) -> (&str, Option<MoneyUnit>) {
    for (suffix, unit) in [
        ("亿元", MoneyUnit::Yiyuan),
        ("万元", MoneyUnit::Wanyuan),
        // Traditional characters, as some regions' pages publish them.
        ("億元", MoneyUnit::Yiyuan),
        ("萬元", MoneyUnit::Wanyuan),
        ("千元", MoneyUnit::Qianyuan),
        ("元", MoneyUnit::Yuan),
        // "854万": 万 alone, as clerks write 万元 (a count would say 万人, 万户).
        ("万", MoneyUnit::Wanyuan),
        ("萬", MoneyUnit::Wanyuan),
    ] {
        if let Some(n) = t.strip_suffix(suffix) {
            return (n, Some(unit));
        }
    }
    (t, None)
}

/// A grading band's threshold: "85%", "≥85%", "85".
pub fn band_threshold(text: &str) -> Option<Stated> {
    parse_percent(
        crate::span::trim(text).trim_start_matches(['≥', '≤', '>', '<', '=', '＞', '＜', '＝']),
    )
}

/// Reads a percentage cell "99.86%" / "99.86％" / "100.00"; returns the percent number (99.86).
pub fn parse_percent(text: &str) -> Option<Stated> {
    let t = crate::span::trim(text);
    let t = crate::span::trim(
        t.strip_suffix('%')
            .or_else(|| t.strip_suffix('％'))
            .unwrap_or(t),
    );
    normalize_number(t).as_deref().and_then(parse_decimal)
}

/// How many 元 one unit is.
pub fn yuan_per(unit: MoneyUnit) -> Decimal {
    match unit {
        MoneyUnit::Yuan => Decimal::ONE,
        MoneyUnit::Qianyuan => Decimal::from(1_000),
        MoneyUnit::Wanyuan => Decimal::from(10_000),
        MoneyUnit::Yiyuan => Decimal::from(100_000_000),
    }
}

/// Converts an amount between units exactly; `None` on overflow.
pub fn convert(value: Decimal, from: MoneyUnit, to: MoneyUnit) -> Option<Decimal> {
    value.checked_mul(yuan_per(from))?.checked_div(yuan_per(to))
}

/// Sum with overflow reported as `None`.
pub fn checked_sum<I: IntoIterator<Item = Decimal>>(items: I) -> Option<Decimal> {
    items
        .into_iter()
        .try_fold(Decimal::ZERO, |acc, v| acc.checked_add(v))
}

/// `part / whole × 100`, exact to Decimal's precision; `None` when `whole` is zero or on overflow.
pub fn percent_of(part: Decimal, whole: Decimal) -> Option<Decimal> {
    if whole.is_zero() {
        return None;
    }
    part.checked_mul(Decimal::ONE_HUNDRED)?.checked_div(whole)
}

/// The interval an amount stands for when used in a rate: a figure written with
/// decimals was rounded to them; a whole number is taken as exact (budget columns mix
/// "257" and "331.96", so whole figures are whole, not rounded to the 万元).
pub fn amount_interval(s: &Stated) -> Interval {
    if s.decimals == 0 {
        Interval {
            lo: s.value,
            hi: s.value,
        }
    } else {
        s.interval()
    }
}

/// The sum of stated figures, exactly and as the interval their rounding allows (whole
/// figures exact, see [`amount_interval`]); `None` on overflow.
pub fn interval_sum<'s>(
    figures: impl IntoIterator<Item = &'s Stated>,
) -> Option<(Interval, Decimal)> {
    let mut sum = (
        Interval {
            lo: Decimal::ZERO,
            hi: Decimal::ZERO,
        },
        Decimal::ZERO,
    );
    for s in figures {
        sum = add_figure(sum, s)?;
    }
    Some(sum)
}

/// One step of [`interval_sum`], kept out of line: inlined, each caller's copy of the sum
/// was 6 KB of the page's module.
#[inline(never)]
fn add_figure((sum, exact): (Interval, Decimal), s: &Stated) -> Option<(Interval, Decimal)> {
    let i = amount_interval(s);
    Some((
        Interval {
            lo: sum.lo.checked_add(i.lo)?,
            hi: sum.hi.checked_add(i.hi)?,
        },
        exact.checked_add(s.value)?,
    ))
}

/// The range of `part / whole × 100` over the intervals both stated amounts stand for.
/// `None` when the whole's interval reaches zero or below.
pub fn percent_range(part: &Stated, whole: &Stated) -> Option<Interval> {
    let p = amount_interval(part);
    let w = amount_interval(whole);
    if w.lo <= Decimal::ZERO || p.lo < Decimal::ZERO {
        return None;
    }
    Some(Interval {
        lo: percent_of(p.lo, w.hi)?,
        hi: percent_of(p.hi, w.lo)?,
    })
}

/// Formats a decimal with exactly `dp` decimals, rounding half away from zero.
pub fn fmt_fixed(value: Decimal, dp: u32) -> String {
    let mut v = round_half_away(value, dp);
    v.rescale(dp);
    v.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        Decimal::from_str_exact(s).unwrap()
    }

    #[test]
    fn rounds_half_away_from_zero_not_to_even() {
        let cases = [
            ("0.125", 2, "0.13"),
            ("0.135", 2, "0.14"),
            ("-0.125", 2, "-0.13"),
            ("99.855", 2, "99.86"),
            ("2.5", 0, "3"),
            ("3.5", 0, "4"),
            ("1.004", 2, "1.00"),
        ];
        for (v, dp, want) in cases {
            assert_eq!(round_half_away(d(v), dp), d(want), "{v} to {dp}");
        }
    }

    #[test]
    fn parses_amount_cells() {
        let cases: &[(&str, Option<(&str, u32)>)] = &[
            ("1,273.65", Some(("1273.65", 2))),
            ("517,500", Some(("517500", 0))),
            ("1,530,000", Some(("1530000", 0))),
            ("１２.５", Some(("12.5", 1))),
            ("257", Some(("257", 0))),
            ("-3.10", Some(("-3.10", 2))),
            ("12,34", None),
            ("1e5", None),
            ("abc", None),
            ("1..2", None),
            // One point too many at the end: the figure before it (B001 reports the point).
            ("7.50.", Some(("7.50", 2))),
            ("18。", Some(("18", 0))),
            ("7.50..", None),
            (".", None),
        ];
        for (text, want) in cases {
            let got = match parse_amount(text) {
                AmountCell::Value(s, _) => Some((s.value, s.decimals)),
                _ => None,
            };
            assert_eq!(got, want.map(|(v, n)| (d(v), n)), "{text}");
        }
        assert_eq!(parse_amount("—"), AmountCell::NoValue);
        assert_eq!(parse_amount(" "), AmountCell::NoValue);
        assert!(matches!(
            parse_amount("8.11万元"),
            AmountCell::Value(_, Some(MoneyUnit::Wanyuan))
        ));
    }

    #[test]
    fn converts_units_exactly_both_ways() {
        let v = d("64.086095");
        let yuan = convert(v, MoneyUnit::Wanyuan, MoneyUnit::Yuan).unwrap();
        assert_eq!(yuan, d("640860.95"));
        assert_eq!(
            convert(yuan, MoneyUnit::Yuan, MoneyUnit::Wanyuan).unwrap(),
            v
        );
    }

    #[test]
    fn percent_of_zero_whole_is_none() {
        assert_eq!(percent_of(d("1"), Decimal::ZERO), None);
        assert_eq!(
            fmt_fixed(percent_of(d("256.63"), d("257")).unwrap(), 2),
            "99.86"
        );
        assert_eq!(
            fmt_fixed(percent_of(d("1273.65"), d("1444.64")).unwrap(), 2),
            "88.16"
        );
    }

    #[test]
    fn intervals_follow_stated_decimals() {
        let s = parse_decimal("99.86").unwrap();
        let i = s.interval();
        assert_eq!((i.lo, i.hi), (d("99.855"), d("99.865")));
    }
}
