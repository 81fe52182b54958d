//! Reads the first sheet of an .xlsx workbook into rows of cell texts as Excel shows them (number formats applied, merged cells blank below their first cell, as a copy would give).

use crate::money::{fmt_fixed, round_half_away};
use rust_decimal::Decimal;
use std::collections::HashMap;

/// Decompressed parts larger than this are refused (a zip bomb, or not a form).
const MAX_PART_BYTES: usize = 64 * 1024 * 1024;
/// Sheets wider or longer than this are refused rather than allocated.
const MAX_ROWS: usize = 1_048_576;
const MAX_COLS: usize = 16_384;

/// Why a workbook can't be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct XlsxError(pub String);

impl std::fmt::Display for XlsxError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "无法读取 .xlsx 文件：{}（请在 Excel/WPS 中另存为 .xlsx 后重试，或复制表格粘贴）/ unreadable .xlsx", self.0)
    }
}

fn err(s: impl Into<String>) -> XlsxError {
    XlsxError(s.into())
}

/// True when the bytes start like a zip archive (an .xlsx is one).
pub fn is_zip(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
}

/// The first worksheet's cells as text, rows and columns as in Excel (1-based A1 = `[0][0]`).
pub fn read_rows(bytes: &[u8]) -> Result<Vec<Vec<String>>, XlsxError> {
    let zip = Zip::open(bytes)?;
    let sheet_path = first_sheet_path(&zip)?;
    let strings = match zip.file("xl/sharedStrings.xml")? {
        Some(x) => shared_strings(&x),
        None => Vec::new(),
    };
    let formats = match zip.file("xl/styles.xml")? {
        Some(x) => Formats::parse(&x),
        None => Formats::default(),
    };
    let sheet = zip
        .file(&sheet_path)?
        .ok_or_else(|| err(format!("缺少工作表 {sheet_path}")))?;
    sheet_rows(&sheet, &strings, &formats)
}

/// Rows as the tab-separated text a copy from Excel would give (cells with tabs, line
/// breaks or a leading quote are quoted), so the paste reader reads them at the same places.
pub fn to_tsv(rows: &[Vec<String>]) -> String {
    let mut out = String::new();
    for (i, row) in rows.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        for (j, cell) in row.iter().enumerate() {
            if j > 0 {
                out.push('\t');
            }
            if cell.contains(['\t', '\n', '\r']) || cell.starts_with('"') {
                out.push('"');
                out.push_str(&cell.replace('"', "\"\""));
                out.push('"');
            } else {
                out.push_str(cell);
            }
        }
    }
    out
}

// ---- zip ----

struct Entry {
    name: String,
    method: u16,
    compressed: usize,
    size: usize,
    offset: usize,
}

struct Zip<'a> {
    bytes: &'a [u8],
    entries: Vec<Entry>,
}

fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    let s = b.get(at..at.checked_add(2)?)?;
    Some(u16::from_le_bytes([*s.first()?, *s.get(1)?]))
}

fn u32_at(b: &[u8], at: usize) -> Option<usize> {
    let s = b.get(at..at.checked_add(4)?)?;
    let v = u32::from_le_bytes([*s.first()?, *s.get(1)?, *s.get(2)?, *s.get(3)?]);
    usize::try_from(v).ok()
}

impl<'a> Zip<'a> {
    fn open(bytes: &'a [u8]) -> Result<Zip<'a>, XlsxError> {
        // The end-of-central-directory record sits in the last 64 KiB + 22 bytes.
        let from = bytes.len().saturating_sub(65_557);
        let eocd = (from..bytes.len().saturating_sub(21))
            .rev()
            .find(|&i| bytes.get(i..i + 4) == Some(b"PK\x05\x06"))
            .ok_or_else(|| err("不是完整的 zip 文件"))?;
        let count = u16_at(bytes, eocd + 10).ok_or_else(|| err("目录损坏"))?;
        let mut at = u32_at(bytes, eocd + 16).ok_or_else(|| err("目录损坏"))?;
        let mut entries = Vec::new();
        for _ in 0..count {
            if bytes.get(at..at + 4) != Some(b"PK\x01\x02") {
                return Err(err("目录项损坏"));
            }
            let field = |o: usize| u16_at(bytes, at + o).map(usize::from);
            let (
                Some(method),
                Some(compressed),
                Some(size),
                Some(name_len),
                Some(extra),
                Some(comment),
                Some(offset),
            ) = (
                u16_at(bytes, at + 10),
                u32_at(bytes, at + 20),
                u32_at(bytes, at + 24),
                field(28),
                field(30),
                field(32),
                u32_at(bytes, at + 42),
            )
            else {
                return Err(err("目录项损坏"));
            };
            let name = bytes
                .get(at + 46..at + 46 + name_len)
                .map(|n| String::from_utf8_lossy(n).replace('\\', "/"))
                .ok_or_else(|| err("目录项损坏"))?;
            entries.push(Entry {
                name,
                method,
                compressed,
                size,
                offset,
            });
            at = at + 46 + name_len + extra + comment;
        }
        Ok(Zip { bytes, entries })
    }

    /// A part's bytes, decompressed; `None` when the archive has no such part.
    fn file(&self, name: &str) -> Result<Option<String>, XlsxError> {
        let Some(e) = self
            .entries
            .iter()
            .find(|e| e.name.eq_ignore_ascii_case(name))
        else {
            return Ok(None);
        };
        let b = self.bytes;
        if b.get(e.offset..e.offset + 4) != Some(b"PK\x03\x04") {
            return Err(err(format!("{name} 损坏")));
        }
        let skip = |o: usize| u16_at(b, e.offset + o).map(usize::from);
        let (Some(n), Some(x)) = (skip(26), skip(28)) else {
            return Err(err(format!("{name} 损坏")));
        };
        let start = e.offset + 30 + n + x;
        let data = b
            .get(start..start.saturating_add(e.compressed))
            .ok_or_else(|| err(format!("{name} 被截断")))?;
        let raw = match e.method {
            0 => data.to_vec(),
            8 => miniz_oxide::inflate::decompress_to_vec_with_limit(
                data,
                MAX_PART_BYTES
                    .min(e.size.max(1).saturating_mul(2))
                    .max(1024),
            )
            .map_err(|_| err(format!("{name} 解压失败")))?,
            m => return Err(err(format!("{name} 使用了不支持的压缩方式 {m}"))),
        };
        String::from_utf8(raw)
            .map(Some)
            .map_err(|_| err(format!("{name} 不是 UTF-8 文本")))
    }
}

// ---- XML ----

/// One tag or text run of an XML document; names without their namespace prefix.
#[derive(Debug, PartialEq)]
enum Token<'x> {
    Open {
        name: &'x str,
        attrs: &'x str,
        empty: bool,
    },
    Close(&'x str),
    Text(&'x str),
}

fn local(name: &str) -> &str {
    name.rsplit_once(':').map_or(name, |(_, n)| n)
}

/// A forgiving XML tokenizer: enough for the parts Excel and WPS write.
fn tokens(x: &str) -> impl Iterator<Item = Token<'_>> {
    let mut rest = x;
    std::iter::from_fn(move || loop {
        if rest.is_empty() {
            return None;
        }
        if let Some(after) = rest.strip_prefix('<') {
            let end = if after.starts_with("!--") {
                after.find("-->").map(|i| i + 3)
            } else if after.starts_with("![CDATA[") {
                let body = after.get(8..).unwrap_or("");
                let close = body.find("]]>").unwrap_or(body.len());
                let text = body.get(..close).unwrap_or("");
                rest = body.get(close + 3..).unwrap_or("");
                return Some(Token::Text(text));
            } else {
                after.find('>')
            };
            let Some(end) = end else {
                rest = "";
                return None;
            };
            let tag = after.get(..end).unwrap_or("");
            rest = after.get(end + 1..).unwrap_or("");
            if tag.starts_with('?') || tag.starts_with('!') {
                continue;
            }
            if let Some(name) = tag.strip_prefix('/') {
                return Some(Token::Close(local(name.trim())));
            }
            let empty = tag.ends_with('/');
            let tag = tag.trim_end_matches('/');
            let (name, attrs) = tag.split_once(char::is_whitespace).unwrap_or((tag, ""));
            return Some(Token::Open {
                name: local(name),
                attrs,
                empty,
            });
        }
        let end = rest.find('<').unwrap_or(rest.len());
        let text = rest.get(..end).unwrap_or("");
        rest = rest.get(end..).unwrap_or("");
        return Some(Token::Text(text));
    })
}

/// An attribute's value (entities decoded).
fn attr(attrs: &str, key: &str) -> Option<String> {
    let mut rest = attrs;
    while let Some(eq) = rest.find('=') {
        let name = rest.get(..eq).unwrap_or("").trim();
        let after = rest.get(eq + 1..).unwrap_or("").trim_start();
        let quote = after.chars().next()?;
        let body = after.get(1..).unwrap_or("");
        let close = body.find(quote)?;
        if local(name) == key {
            return Some(unescape(body.get(..close).unwrap_or("")));
        }
        rest = body.get(close + 1..).unwrap_or("");
    }
    None
}

fn unescape(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(rest.get(..i).unwrap_or(""));
        let after = rest.get(i + 1..).unwrap_or("");
        let Some(semi) = after.find(';').filter(|n| *n <= 10) else {
            out.push('&');
            rest = after;
            continue;
        };
        let ent = after.get(..semi).unwrap_or("");
        let ch = match ent {
            "lt" => Some('<'),
            "gt" => Some('>'),
            "amp" => Some('&'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            _ => ent
                .strip_prefix("#x")
                .or_else(|| ent.strip_prefix("#X"))
                .and_then(|h| u32::from_str_radix(h, 16).ok())
                .or_else(|| ent.strip_prefix('#').and_then(|d| d.parse().ok()))
                .and_then(char::from_u32),
        };
        match ch {
            Some(c) => {
                out.push(c);
                rest = after.get(semi + 1..).unwrap_or("");
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// `xl/worksheets/sheet1.xml`, or whatever the workbook names as its first sheet.
fn first_sheet_path(zip: &Zip) -> Result<String, XlsxError> {
    let fallback = "xl/worksheets/sheet1.xml".to_string();
    let Some(book) = zip.file("xl/workbook.xml")? else {
        return Ok(fallback);
    };
    let rid = tokens(&book).find_map(|t| match t {
        Token::Open {
            name: "sheet",
            attrs,
            ..
        } => attr(attrs, "id"),
        _ => None,
    });
    let (Some(rid), Some(rels)) = (rid, zip.file("xl/_rels/workbook.xml.rels")?) else {
        return Ok(fallback);
    };
    let target = tokens(&rels).find_map(|t| match t {
        Token::Open {
            name: "Relationship",
            attrs,
            ..
        } if attr(attrs, "Id").as_deref() == Some(rid.as_str()) => attr(attrs, "Target"),
        _ => None,
    });
    Ok(match target {
        Some(t) if t.starts_with('/') => t.trim_start_matches('/').to_string(),
        Some(t) => format!("xl/{}", t.trim_start_matches("./")),
        None => fallback,
    })
}

/// The shared strings, each the text of its `<t>` runs (phonetic `<rPh>` runs left out).
fn shared_strings(x: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur: Option<String> = None;
    let (mut in_t, mut in_ph) = (false, false);
    for t in tokens(x) {
        match t {
            Token::Open {
                name: "si", empty, ..
            } => {
                if empty {
                    out.push(String::new());
                } else {
                    cur = Some(String::new());
                }
            }
            Token::Close("si") => out.push(cur.take().unwrap_or_default()),
            Token::Open {
                name: "rPh",
                empty: false,
                ..
            } => in_ph = true,
            Token::Close("rPh") => in_ph = false,
            Token::Open {
                name: "t",
                empty: false,
                ..
            } => in_t = true,
            Token::Close("t") => in_t = false,
            Token::Text(s) if in_t && !in_ph => {
                if let Some(c) = cur.as_mut() {
                    c.push_str(&unescape(s));
                }
            }
            _ => {}
        }
    }
    out
}

// ---- number formats ----

/// Cell styles' number formats: `cellXfs[s]` → format code.
#[derive(Default)]
struct Formats {
    codes: HashMap<u32, String>,
    xfs: Vec<u32>,
}

impl Formats {
    fn parse(x: &str) -> Formats {
        let mut f = Formats::default();
        let mut in_xfs = false;
        for t in tokens(x) {
            match t {
                Token::Open {
                    name: "numFmt",
                    attrs,
                    ..
                } => {
                    if let (Some(id), Some(code)) = (
                        attr(attrs, "numFmtId").and_then(|i| i.parse().ok()),
                        attr(attrs, "formatCode"),
                    ) {
                        f.codes.insert(id, code);
                    }
                }
                Token::Open {
                    name: "cellXfs",
                    empty: false,
                    ..
                } => in_xfs = true,
                Token::Close("cellXfs") => in_xfs = false,
                Token::Open {
                    name: "xf", attrs, ..
                } if in_xfs => {
                    f.xfs.push(
                        attr(attrs, "numFmtId")
                            .and_then(|i| i.parse().ok())
                            .unwrap_or(0),
                    );
                }
                _ => {}
            }
        }
        f
    }

    /// The format code of style `s`: custom, or the built-in it names.
    fn code(&self, s: Option<usize>) -> String {
        let id = s.and_then(|s| self.xfs.get(s)).copied().unwrap_or(0);
        if let Some(c) = self.codes.get(&id) {
            return c.clone();
        }
        match id {
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
        .to_string()
    }
}

/// A number as Excel stores it ("0.88159999999999994", "4.4561E4"), exactly.
fn decimal(v: &str) -> Option<Decimal> {
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
            '_' | '*' => {
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
fn format_number(v: Decimal, code: &str) -> String {
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

/// Excel's General: up to 15 significant digits, trailing zeros dropped.
fn general(v: Decimal) -> String {
    let abs = v.abs();
    let int_digits = if abs >= Decimal::ONE {
        abs.trunc().to_string().len()
    } else {
        0
    };
    let dp = u32::try_from(15usize.saturating_sub(int_digits)).unwrap_or(0);
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

// ---- the sheet ----

/// "C12" → (row 12, column 3), 1-based.
fn cell_ref(r: &str) -> Option<(usize, usize)> {
    let letters: String = r.chars().take_while(char::is_ascii_alphabetic).collect();
    let digits = r.get(letters.len()..)?;
    let mut col = 0usize;
    for c in letters.chars() {
        col = col
            .checked_mul(26)?
            .checked_add(usize::from(c.to_ascii_uppercase() as u8).checked_sub(64)?)?;
    }
    let row = digits.parse().ok()?;
    (row > 0 && col > 0).then_some((row, col))
}

fn sheet_rows(
    x: &str,
    strings: &[String],
    formats: &Formats,
) -> Result<Vec<Vec<String>>, XlsxError> {
    let mut rows: Vec<Vec<String>> = Vec::new();
    let (mut row_no, mut col_no) = (0usize, 0usize);
    let mut cell: Option<(usize, usize, Option<String>, Option<usize>)> = None;
    let mut value = String::new();
    let (mut in_v, mut in_is_t) = (false, false);
    for t in tokens(x) {
        match t {
            Token::Open {
                name: "row",
                attrs,
                empty,
            } => {
                row_no = attr(attrs, "r")
                    .and_then(|r| r.parse().ok())
                    .unwrap_or(row_no + 1);
                col_no = 0;
                if empty {
                    continue;
                }
            }
            Token::Open {
                name: "c",
                attrs,
                empty,
            } => {
                let (r, c) = attr(attrs, "r")
                    .and_then(|r| cell_ref(&r))
                    .unwrap_or((row_no.max(1), col_no + 1));
                row_no = r;
                col_no = c;
                cell = Some((
                    r,
                    c,
                    attr(attrs, "t"),
                    attr(attrs, "s").and_then(|s| s.parse().ok()),
                ));
                value.clear();
                if empty {
                    cell = None;
                }
            }
            Token::Open {
                name: "v",
                empty: false,
                ..
            } => in_v = true,
            Token::Close("v") => in_v = false,
            Token::Open {
                name: "t",
                empty: false,
                ..
            } if cell.is_some() => in_is_t = true,
            Token::Close("t") => in_is_t = false,
            Token::Text(s) if in_v || in_is_t => value.push_str(&unescape(s)),
            Token::Close("c") => {
                let Some((r, c, kind, style)) = cell.take() else {
                    continue;
                };
                if r > MAX_ROWS || c > MAX_COLS {
                    return Err(err(format!("工作表过大（{r} 行 × {c} 列）")));
                }
                let text = match kind.as_deref() {
                    Some("s") => value
                        .trim()
                        .parse::<usize>()
                        .ok()
                        .and_then(|i| strings.get(i))
                        .cloned()
                        .unwrap_or_default(),
                    Some("b") => {
                        if value.trim() == "1" {
                            "TRUE".into()
                        } else {
                            "FALSE".into()
                        }
                    }
                    Some("str" | "inlineStr" | "e") => value.clone(),
                    _ => match decimal(&value) {
                        Some(d) => format_number(d, &formats.code(style)),
                        None => value.clone(),
                    },
                };
                if text.is_empty() {
                    continue;
                }
                if rows.len() < r {
                    rows.resize_with(r, Vec::new);
                }
                if let Some(row) = rows.get_mut(r - 1) {
                    if row.len() < c {
                        row.resize(c, String::new());
                    }
                    if let Some(slot) = row.get_mut(c - 1) {
                        *slot = text;
                    }
                }
            }
            _ => {}
        }
    }
    Ok(rows)
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
            ("12.5", "0.0_ ", "12.5"),
            ("-3.14159", "0.00", "-3.14"),
        ];
        for (v, code, want) in cases {
            let got = format_number(decimal(v).unwrap(), code);
            assert_eq!(got, want, "{v} as {code}");
        }
        assert_eq!(decimal("4.4561E4"), Some(d("44561")));
    }

    #[test]
    fn references_and_entities() {
        assert_eq!(cell_ref("A1"), Some((1, 1)));
        assert_eq!(cell_ref("AA10"), Some((10, 27)));
        assert_eq!(cell_ref("1A"), None);
        assert_eq!(
            unescape("a &lt; b &amp;&#x2265;&#8804; &bogus; &"),
            "a < b &≥≤ &bogus; &"
        );
        assert_eq!(attr(r#"r="B2" s="3" t="s""#, "t").as_deref(), Some("s"));
    }

    #[test]
    fn shared_strings_skip_phonetic_runs() {
        let x = r#"<sst><si><t>产出指标</t></si><si><r><t>数量</t></r><r><t xml:space="preserve">指标</t></r><rPh><t>すう</t></rPh></si><si/></sst>"#;
        assert_eq!(shared_strings(x), ["产出指标", "数量指标", ""]);
    }

    #[test]
    fn broken_archives_are_errors_not_panics() {
        for bytes in [
            &b""[..],
            b"PK\x03\x04",
            b"PK\x03\x04garbage PK\x05\x06",
            &[0u8; 100],
        ] {
            assert!(read_rows(bytes).is_err());
        }
    }
}
