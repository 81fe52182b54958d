//! Picks a reader for the input (JSON, tab-separated paste or narrative report) and turns bytes into forms plus reader diagnostics.

mod bands;
#[cfg(feature = "workbook")]
pub mod cell_format;
#[cfg(feature = "workbook")]
mod docx;
pub mod grid;
pub mod headers;
mod json;
pub(crate) mod narrative;
#[cfg(feature = "workbook")]
mod ods;
mod projects;
mod summary;
mod tsv;
#[cfg(feature = "workbook")]
pub mod workbook;
#[cfg(feature = "workbook")]
mod xls_formats;

use crate::diagnostic::{Diagnostic, Location, Msg};
use crate::form::{Form, FormKind};
use crate::rules::registry::Code;
use std::fmt;

/// Inputs larger than this are refused with a clear error (documented in the README).
pub const MAX_INPUT_BYTES: usize = 20 * 1024 * 1024;

/// Forms read from one input, with what the readers noticed about its layout.
#[derive(Debug, Clone, Default)]
pub struct ReadOutput {
    pub forms: Vec<Form>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Input that can't be read at all (the CLI exits 2).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadError {
    NotText,
    TooLarge {
        bytes: usize,
    },
    Json(String),
    /// A workbook or document that can't be read (corrupt, encrypted, too large).
    Workbook(String),
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::NotText => write!(
                f,
                "输入不是文本（可能是二进制文件，或不是 UTF-8/UTF-16/GBK 编码）。请从 Excel/WPS 复制表格后粘贴，或另存为 UTF-8 文本 / input is not text"
            ),
            ReadError::TooLarge { bytes } => write!(
                f,
                "输入过大：{bytes} 字节，上限 {MAX_INPUT_BYTES} 字节。请分批检查 / input too large"
            ),
            ReadError::Json(e) => write!(f, "JSON 格式错误：{e} / invalid JSON"),
            ReadError::Workbook(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for ReadError {}

/// Decodes bytes (UTF-8, or UTF-16 with a byte-order mark) and reads them. A workbook or
/// document gives its first part that holds a form (`read_file` gives every part).
pub fn read_bytes(bytes: &[u8]) -> Result<ReadOutput, ReadError> {
    let mut parts = read_file(bytes)?;
    let first = parts
        .iter()
        .position(|p| !p.output.forms.is_empty())
        .unwrap_or(0);
    Ok(if first < parts.len() {
        parts.swap_remove(first).output
    } else {
        ReadOutput::default()
    })
}

/// One part of a file read on its own: a sheet of a workbook, a table or the text of a
/// document, or the whole of a text file.
#[derive(Debug, Clone)]
pub struct Part {
    /// The sheet's name (表格1, 正文 for a document); `None` for a text file.
    pub name: Option<String>,
    pub output: ReadOutput,
}

/// Reads a file: text, or every sheet of a workbook and every table of a Word document.
/// Of a workbook or document, the parts that hold no form are left out (a 填报说明 sheet,
/// a 项目基本信息 sheet of fields alone); when none holds one, the first part is kept, so
/// that "no form recognised" is said once.
pub fn read_file(bytes: &[u8]) -> Result<Vec<Part>, ReadError> {
    let mut parts = Vec::new();
    for (name, text) in file_texts(bytes)? {
        let output = read_text(&text)?;
        parts.push(Part { name, output });
    }
    if parts.len() > 1 {
        if parts.iter().any(|p| holds_form(&p.output)) {
            parts.retain(|p| holds_form(&p.output));
        } else {
            parts.truncate(1);
        }
    }
    Ok(parts)
}

/// A part with a form to check: indicators, funding lines, or rows of projects or text.
/// A sheet of header fields alone (项目名称, 主管部门) is read as a form when pasted, so that
/// the clerk hears what is missing; a workbook's other sheets are not forms.
pub fn holds_form(output: &ReadOutput) -> bool {
    output.forms.iter().any(|f| {
        f.kind != FormKind::Target && f.kind != FormKind::SelfEvaluation
            || f.projects
                .iter()
                .any(|p| !p.indicators.is_empty() || !p.funding.is_empty())
    })
}

/// A file's parts as the texts their paste would be, each with its sheet's name (`None`
/// for a text file).
pub fn file_texts(bytes: &[u8]) -> Result<Vec<(Option<String>, String)>, ReadError> {
    if bytes.len() > MAX_INPUT_BYTES {
        return Err(ReadError::TooLarge { bytes: bytes.len() });
    }
    #[cfg(feature = "workbook")]
    if workbook::is_workbook(bytes) {
        let sheets = workbook::read_sheets(bytes).map_err(|e| ReadError::Workbook(e.0))?;
        return Ok(sheets
            .into_iter()
            .map(|s| (Some(s.name), s.content.to_text()))
            .collect());
    }
    Ok(vec![(None, decode_text(bytes)?)])
}

/// Text from bytes: UTF-8 or UTF-16 (with a byte-order mark), or GBK/GB18030 in the CLI.
pub fn decode_text(bytes: &[u8]) -> Result<String, ReadError> {
    let utf16 = |le: bool| {
        let units: Vec<u16> = bytes
            .get(2..)
            .unwrap_or(&[])
            .chunks_exact(2)
            .map(|p| match p {
                [a, b] if le => u16::from_le_bytes([*a, *b]),
                [a, b] => u16::from_be_bytes([*a, *b]),
                _ => 0,
            })
            .collect();
        String::from_utf16(&units).map_err(|_| ReadError::NotText)
    };
    let text = match bytes {
        [0xFF, 0xFE, ..] => utf16(true)?,
        [0xFE, 0xFF, ..] => utf16(false)?,
        [0xEF, 0xBB, 0xBF, rest @ ..] => std::str::from_utf8(rest)
            .map_err(|_| ReadError::NotText)?
            .to_string(),
        _ => match std::str::from_utf8(bytes) {
            Ok(t) => t.to_string(),
            Err(_) => legacy_chinese(bytes).ok_or(ReadError::NotText)?,
        },
    };
    Ok(text)
}

/// Text saved by Chinese-locale Excel/WPS as GBK (GB18030 is its superset), when it decodes
/// without a single bad sequence. The page decodes in the browser; this is for the CLI.
#[cfg(all(feature = "cli", not(target_arch = "wasm32")))]
fn legacy_chinese(bytes: &[u8]) -> Option<String> {
    encoding_rs::GB18030
        .decode_without_bom_handling_and_without_replacement(bytes)
        .map(|t| t.into_owned())
}

#[cfg(not(all(feature = "cli", not(target_arch = "wasm32"))))]
fn legacy_chinese(_bytes: &[u8]) -> Option<String> {
    None
}

/// Days since 1899-12-30 (Excel's serial, with its 1900 leap-year slip) as a date.
pub fn excel_serial_date(serial: i64) -> Option<(i64, u32, u32)> {
    if serial < 1 {
        return None;
    }
    let days = if serial < 61 { serial + 1 } else { serial };
    // Civil-from-days (Howard Hinnant), counted from 1899-12-30.
    let z = days - 25_569 + 719_468; // 1970-01-01 is serial 25569
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = u32::try_from(doy - (153 * mp + 2) / 5 + 1).ok()?;
    let m = u32::try_from(if mp < 10 { mp + 3 } else { mp - 9 }).ok()?;
    Some((if m <= 2 { y + 1 } else { y }, m, d))
}

/// True when a byte could start a control character other than tab and line breaks: a C0
/// control, DEL, or C2 (the lead byte of U+0080–U+009F, and of Latin-1 letters).
fn suspect(x: u8) -> bool {
    (x < 0x20 && x != b'\t' && x != b'\n' && x != b'\r') || x == 0x7F || x == 0xC2
}

/// The first 16 KiB of a text: its first 4096 characters lie there.
fn head(b: &[u8]) -> &[u8] {
    b.get(..b.len().min(4 * 4096)).unwrap_or(b)
}

/// True when the head of `b` holds a byte that could start a control character: most texts
/// hold none, and `looks_binary` then needn't count characters. In blocks of 64 bytes with
/// no branch per byte, which the compiler turns into vector instructions.
#[cfg_attr(target_arch = "wasm32", allow(dead_code))]
fn any_suspect_by_blocks(b: &[u8]) -> bool {
    let mut blocks = head(b).chunks_exact(64);
    let tail = blocks.remainder();
    let block = |c: &[u8]| c.iter().fold(false, |acc, &x| acc | suspect(x));
    blocks.any(block) || block(tail)
}

/// `any_suspect_by_blocks` eight bytes at a time in plain integers, for the page's module:
/// it is built without vector instructions (older browsers lack them), and there the
/// blocks' tests would run byte by byte, several instructions each. Each test below sets a
/// byte's high bit only from that byte (no carry crosses bytes), so no other byte can set
/// or hide it.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
fn any_suspect_by_words(b: &[u8]) -> bool {
    const LOW7: u64 = 0x7F7F_7F7F_7F7F_7F7F;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const ONES: u64 = 0x0101_0101_0101_0101;
    let words = head(b).chunks_exact(8);
    let mut last = [b' '; 8];
    last.iter_mut()
        .zip(words.remainder())
        .for_each(|(l, t)| *l = *t);
    let word = |c: &[u8]| u64::from_le_bytes(c.try_into().unwrap_or([0; 8]));
    words.map(word).chain([u64::from_le_bytes(last)]).any(|w| {
        // High bit set where the byte is zero; where it equals `byte`; where it is below 0x20.
        let zero = |v: u64| !(((v & LOW7) + LOW7) | v | LOW7);
        let eq = |byte: u8| zero(w ^ (ONES * u64::from(byte)));
        let below_space = !(((w & LOW7) + ONES * 0x60) | w) & HIGH;
        let c0 = below_space & !(eq(b'\t') | eq(b'\n') | eq(b'\r'));
        c0 | eq(0x7F) | eq(0xC2) != 0
    })
}

/// True when the text holds a NUL among its first 4096 characters, or more than one in
/// ten of them are control characters other than tab and line breaks (U+0000–U+001F,
/// U+007F–U+009F). Decided by bytes: decoding each character was a tenth of checking a
/// seed-sized form, on every keystroke.
fn looks_binary(text: &str) -> bool {
    let b = text.as_bytes();
    #[cfg(target_arch = "wasm32")]
    let any_suspect = any_suspect_by_words;
    #[cfg(not(target_arch = "wasm32"))]
    let any_suspect = any_suspect_by_blocks;
    if !any_suspect(b) {
        return false;
    }
    let (mut seen, mut control) = (0usize, 0usize);
    for (i, &x) in b.iter().enumerate() {
        if x & 0xC0 == 0x80 {
            continue; // inside a character
        }
        if seen == 4096 {
            break;
        }
        seen += 1;
        match x {
            0 => return true,
            // U+0080–U+009F: C2 80 … C2 9F.
            0xC2 => control += usize::from(matches!(b.get(i + 1), Some(0x80..=0x9F))),
            x if suspect(x) => control += 1,
            _ => {}
        }
    }
    control * 10 > seen.max(1)
}

/// Reads text: JSON in the form model's shape, a narrative report, or a paste.
pub fn read_text(text: &str) -> Result<ReadOutput, ReadError> {
    read_text_keeping(text, &mut None)
}

/// A paste and its cells, kept to read the next version of the text.
pub struct Kept {
    text: std::rc::Rc<str>,
    grid: grid::Grid,
}

/// `read_text` for a session that reads versions of one paste: where `kept` holds the
/// version before and the edit stays inside one line, only that line is split into cells
/// again (`grid::patch`). `kept` then holds this version.
pub fn read_text_keeping(text: &str, kept: &mut Option<Kept>) -> Result<ReadOutput, ReadError> {
    let before = kept.take();
    if text.len() > MAX_INPUT_BYTES {
        return Err(ReadError::TooLarge { bytes: text.len() });
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if looks_binary(text) {
        return Err(ReadError::NotText);
    }
    let trimmed = text.trim_start();
    let mut out = if trimmed.starts_with('{') || trimmed.starts_with('[') {
        json::read(text)?
    } else if narrative::is_narrative(text) {
        narrative::read(text)
    } else if trimmed.is_empty() {
        // The empty sheet, as a page first opens: there is no form to read.
        ReadOutput::default()
    } else {
        let patched =
            before.and_then(|mut k| grid::patch(&mut k.grid, &k.text, text).then_some(k.grid));
        // The text is copied once (after the last version's copy is freed): kept for the
        // next version, and shared by the cells of a fresh split.
        let shared: std::rc::Rc<str> = text.into();
        let grid = patched.unwrap_or_else(|| grid::parse_shared(&shared));
        let out = tsv::read_grid(&grid);
        *kept = Some(Kept { text: shared, grid });
        out
    };
    out.forms.retain(|f| !is_empty_form(f));
    if out.forms.is_empty() {
        out.diagnostics.push(Diagnostic::new(
            Code::S001,
            Location::default(),
            Msg::new(
                "没有识别出绩效表格：找不到表头（如“一级指标/二级指标/三级指标/指标值”或“项目名称/执行率”）",
                "No performance form found: no header such as 一级指标/二级指标/三级指标/指标值 or 项目名称/执行率",
            ),
            Msg::new(
                "请从 Excel/WPS 中连同表头一起复制整张表后粘贴；也可以打开 .tsv/.csv/.json 文件",
                "Copy the whole table including its header rows from Excel/WPS, or open a .tsv/.csv/.json file",
            ),
        ));
    }
    Ok(out)
}

/// Reads text as an Excel/WPS paste, whatever it looks like (fuzzing, benchmarks).
pub fn read_tsv(text: &str) -> ReadOutput {
    tsv::read(text)
}

/// Reads text as a narrative report, whatever it looks like (fuzzing, benchmarks).
pub fn read_narrative(text: &str) -> ReadOutput {
    narrative::read(text)
}

fn is_empty_form(f: &Form) -> bool {
    f.title.is_none()
        && f.fields.is_empty()
        && f.text.is_none()
        && f.projects
            .iter()
            .all(|p| p.indicators.is_empty() && p.funding.is_empty() && p.name.is_none())
}

#[cfg(test)]
mod tests {
    use super::{any_suspect_by_blocks, any_suspect_by_words, suspect};
    use super::{excel_serial_date, looks_binary, read_text, read_tsv};
    use crate::rules::registry::Code;

    /// What `looks_binary` decides by bytes, decided by characters.
    fn looks_binary_by_chars(text: &str) -> bool {
        let (mut seen, mut control) = (0usize, 0usize);
        for c in text.chars().take(4096) {
            if c == '\0' {
                return true;
            }
            seen += 1;
            control += usize::from(c.is_control() && !matches!(c, '\t' | '\n' | '\r'));
        }
        control * 10 > seen.max(1)
    }

    #[test]
    fn suspect_bytes_are_found_by_words_as_by_blocks() {
        // Every pair of byte values, side by side at places in and across eight-byte words,
        // among filler bytes that test high and low bits (a carry or borrow from one byte
        // must not reach another).
        for filler in [b'a', 0xFF, 0x80, b'\t', 0x20] {
            for x in 0..=255u8 {
                for y in 0..=255u8 {
                    for at in [0usize, 6, 7, 64] {
                        let mut text = vec![filler; 72];
                        text.splice(at..at + 2, [x, y]);
                        let want = suspect(x) || suspect(y) || suspect(filler);
                        assert_eq!(any_suspect_by_blocks(&text), want, "{text:x?}");
                        assert_eq!(any_suspect_by_words(&text), want, "{text:x?}");
                    }
                }
            }
        }
        // Short texts, and a suspect byte past the first 16 KiB.
        for text in [&b""[..], b"\x01", b"abc\x7f", b"ab\tc\r\n"] {
            let want = text.iter().any(|&x| suspect(x));
            assert_eq!(any_suspect_by_words(text), want);
            assert_eq!(any_suspect_by_blocks(text), want);
        }
        let late = [vec![b'a'; 16 * 1024], vec![0]].concat();
        assert!(!any_suspect_by_words(&late) && !any_suspect_by_blocks(&late));
    }

    #[test]
    fn binary_is_told_by_bytes_as_by_characters() {
        let long_then_nul = format!("{}\0", "预算".repeat(4096));
        let c1 = "\u{85}\u{9f}\u{80}".repeat(3);
        let cases: Vec<(String, bool)> = vec![
            (String::new(), false),
            ("项目名称\t金额\r\n培训\t5".into(), false),
            ("a\0b".into(), true),
            // One control in ten characters is text; two is not.
            ("\u{1}bcdefghij".into(), false),
            ("\u{1}\u{2}cdefghij".into(), true),
            // C1 controls (two bytes each) count, U+00A0 and U+00C2 do not.
            (format!("{c1}abc"), true),
            ("\u{a0}\u{c2}\u{a0}\u{c2}".into(), false),
            // A C1 control whose two bytes straddle eight-byte words.
            ("abcdefg\u{85}".into(), true),
            ("\u{7f}\u{7f}x".into(), true),
            // Only the first 4096 characters are looked at.
            (long_then_nul, false),
            (
                format!("{}{}", "\u{1b}".repeat(500), "文".repeat(4096)),
                true,
            ),
            (
                format!("{}{}", "文".repeat(4096), "\u{1b}".repeat(500)),
                false,
            ),
        ];
        for (text, want) in &cases {
            assert_eq!(looks_binary(text), *want, "{text:?}");
            assert_eq!(looks_binary_by_chars(text), *want, "{text:?}");
        }
    }

    #[test]
    fn a_blank_text_is_no_form_without_the_reader_and_says_so() {
        for text in ["", " ", "\n\t\r\n", "\u{3000}\n", "\u{feff}"] {
            let out = read_text(text).unwrap_or_default();
            let codes: Vec<Code> = out.diagnostics.iter().map(|d| d.code).collect();
            assert_eq!((out.forms.len(), codes), (0, vec![Code::S001]), "{text:?}");
            // What the reader, had it run, would have found.
            assert!(
                read_tsv(text).forms.iter().all(super::is_empty_form),
                "{text:?}"
            );
        }
    }

    #[test]
    fn serials_become_dates_with_excels_leap_year_slip() {
        for (serial, want) in [
            (1, Some((1900, 1, 1))),
            (59, Some((1900, 2, 28))),
            (61, Some((1900, 3, 1))),
            (25569, Some((1970, 1, 1))),
            (36526, Some((2000, 1, 1))),
            (44561, Some((2021, 12, 31))),
            (45352, Some((2024, 3, 1))),
            (0, None),
        ] {
            assert_eq!(excel_serial_date(serial), want, "{serial}");
        }
    }
}
