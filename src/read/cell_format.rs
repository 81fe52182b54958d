//! A number shown as Excel shows it under its number format (0.00% → 88.16%, #,##0.00 →
//! 1,273.65, dates as dates), from the number's exact decimal text: what a copy from Excel
//! gives, so a workbook reads like its paste.

use crate::money::{fmt_fixed, round_half_away};
use rust_decimal::Decimal;

/// The format code of a built-in format id (ECMA-376 18.8.30) as Excel shows it in a
/// Chinese locale, for the ids a workbook names without spelling out (below 164).
pub fn builtin(id: u32) -> &'static str {
    match id {
        37 => "#,##0_);(#,##0)",
        38 => "#,##0_);[Red](#,##0)",
        39 => "#,##0.00_);(#,##0.00)",
        40 => "#,##0.00_);[Red](#,##0.00)",
        1 => "0",
        2 => "0.00",
        3 => "#,##0",
        4 => "#,##0.00",
        9 => "0%",
        10 => "0.00%",
        11 => "0.00E+00",
        14 | 22 | 27..=36 | 50..=58 => "yyyy/m/d",
        15..=17 => "d-mmm",
        18..=21 | 45..=47 => "h:mm",
        49 => "@",
        _ => "General",
    }
}

/// A number as Excel stores it ("0.88159999999999994", "4.4561E4"), exactly.
pub fn decimal(v: &str) -> Option<Decimal> {
    let v = v.trim();
    if v.contains(['e', 'E']) {
        Decimal::from_scientific(v).ok()
    } else {
        Decimal::from_str_exact(v).ok()
    }
}

/// The first section of a format code with quoted text, escapes and brackets resolved:
/// (literal before, the number pattern, literal after).
fn split_format(code: &str) -> (String, String, String) {
    let section = code.split(';').next().unwrap_or("");
    let (mut before, mut pattern, mut after) = (String::new(), String::new(), String::new());
    let mut chars = section.chars().peekable();
    let mut seen_digit = false;
    let push_lit = |c: &str, seen: bool, before: &mut String, after: &mut String| {
        if seen {
            after.push_str(c);
        } else {
            before.push_str(c);
        }
    };
    while let Some(c) = chars.next() {
        match c {
            '"' => {
                let lit: String = chars.by_ref().take_while(|c| *c != '"').collect();
                push_lit(&lit, seen_digit, &mut before, &mut after);
            }
            '\\' => {
                if let Some(n) = chars.next() {
                    push_lit(&n.to_string(), seen_digit, &mut before, &mut after);
                }
            }
            '[' => {
                chars.by_ref().take_while(|c| *c != ']').for_each(drop);
            }
            // `_)` leaves the width of `)` blank: a copy gives a space.
            '_' => {
                chars.next();
                push_lit(" ", seen_digit, &mut before, &mut after);
            }
            '*' => {
                chars.next();
            }
            '0' | '#' | '?' | '.' | ',' | '%' | 'E' | 'e' | '+'
                if !seen_digit || after.is_empty() =>
            {
                seen_digit |= matches!(c, '0' | '#' | '?');
                pattern.push(c);
            }
            c => push_lit(&c.to_string(), seen_digit, &mut before, &mut after),
        }
    }
    (before, pattern, after)
}

fn is_date_format(code: &str) -> bool {
    let (before, pattern, after) = split_format(code);
    let lits = format!("{before}{after}").to_ascii_lowercase();
    pattern.chars().all(|c| !matches!(c, '0' | '#' | '?'))
        && lits.contains(['y', 'd'])
        && !lits.contains("general")
}

/// A number shown as its format shows it: "0.00%" → "88.16%", "#,##0.00" → "1,273.65".
pub fn format_number(v: Decimal, code: &str) -> String {
    if code.eq_ignore_ascii_case("general") || code == "@" || code.is_empty() {
        return general(v);
    }
    if is_date_format(code) {
        use rust_decimal::prelude::ToPrimitive;
        let whole = v.trunc().to_i64();
        if let Some((y, m, d)) = whole.and_then(super::excel_serial_date) {
            return if code.contains('年') {
                format!("{y}年{m}月{d}日")
            } else if code.contains('-') {
                format!("{y}-{m:02}-{d:02}")
            } else {
                format!("{y}/{m}/{d}")
            };
        }
        return general(v);
    }
    let (before, pattern, after) = split_format(code);
    if pattern.contains(['E', 'e']) {
        return general(v);
    }
    let percent = pattern.contains('%');
    let v = if percent {
        v.checked_mul(Decimal::ONE_HUNDRED).unwrap_or(v)
    } else {
        v
    };
    let decimals = pattern.split_once('.').map_or(0, |(_, d)| {
        d.chars().filter(|c| matches!(c, '0' | '#' | '?')).count()
    });
    let decimals = u32::try_from(decimals).unwrap_or(0).min(20);
    let mut text = fmt_fixed(v, decimals);
    if pattern.contains(',') {
        text = group_thousands(&text);
    }
    format!("{before}{text}{}{after}", if percent { "%" } else { "" })
}

/// Excel's General in a cell of standard width: at most 11 characters, so up to 10
/// decimals less the integer digits, and numbers of more than 11 digits in scientific
/// form with 6 significant digits (a 21-digit 项目编码 stored as a number shows 4.40306E+20).
fn general(v: Decimal) -> String {
    let abs = v.abs();
    let int_digits = if abs >= Decimal::ONE {
        abs.trunc().to_string().len()
    } else {
        1
    };
    if int_digits > 11 {
        let exp = int_digits.saturating_sub(1);
        let scale = (0..exp).fold(Decimal::ONE, |d, _| {
            d.checked_mul(Decimal::TEN).unwrap_or(d)
        });
        let mantissa = round_half_away(v.checked_div(scale).unwrap_or(v), 5).normalize();
        return format!("{mantissa}E+{exp:02}");
    }
    let dp = u32::try_from(10usize.saturating_sub(int_digits)).unwrap_or(0);
    round_half_away(v, dp).normalize().to_string()
}

fn group_thousands(text: &str) -> String {
    let (sign, rest) = text.strip_prefix('-').map_or(("", text), |r| ("-", r));
    let (int, frac) = rest
        .split_once('.')
        .map_or((rest, None), |(i, f)| (i, Some(f)));
    let mut grouped = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    match frac {
        Some(f) => format!("{sign}{grouped}.{f}"),
        None => format!("{sign}{grouped}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        Decimal::from_str_exact(s).unwrap()
    }

    #[test]
    fn numbers_show_as_their_format_shows_them() {
        let cases = [
            ("0.88159999999999994", "0.00%", "88.16%"),
            ("0.99855", "0.00%", "99.86%"),
            ("1", "0%", "100%"),
            ("1273.65", "#,##0.00", "1,273.65"),
            ("517500", "#,##0", "517,500"),
            ("256.63", "General", "256.63"),
            ("0.30000000000000004", "General", "0.3"),
            ("44561", "yyyy/m/d", "2021/12/31"),
            ("44561", "yyyy\"年\"m\"月\"d\"日\"", "2021年12月31日"),
            ("300", "0\"人次\"", "300人次"),
            ("95", "\"≥\"0\"%\"", "≥95%"),
            ("12.5", "0.0_ ", "12.5 "),
            ("1273.65", "#,##0.00_);[Red](#,##0.00)", "1,273.65 "),
            ("-3.14159", "0.00", "-3.14"),
            ("440306231391500000000", "General", "4.40306E+20"),
            ("440306231391500000193", "@", "4.40306E+20"),
            ("12345678901", "General", "12345678901"),
            ("0.123456789012", "General", "0.123456789"),
        ];
        for (v, code, want) in cases {
            let got = format_number(decimal(v).unwrap(), code);
            assert_eq!(got, want, "{v} as {code}");
        }
        assert_eq!(decimal("4.4561E4"), Some(d("44561")));
    }

    #[test]
    fn builtin_ids_name_their_codes() {
        assert_eq!(builtin(10), "0.00%");
        assert_eq!(builtin(4), "#,##0.00");
        assert_eq!(builtin(14), "yyyy/m/d");
        assert_eq!(builtin(40), "#,##0.00_);[Red](#,##0.00)");
        assert_eq!(builtin(999), "General");
    }
}
