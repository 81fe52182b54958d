//! The number format of each number cell of an .xls (BIFF8), which calamine 0.38 reads but
//! does not give: it keeps only whether a format is a date. Without it a rate formatted
//! 0.00% reads as its fraction (LibreOffice's .xls of the two-forms fixture: 执行率 95.00%
//! read as 0.95, and R001 and E003 raised on a correct form). The compound file is opened
//! with the cfb crate; this walks the workbook stream's records for the formats (FORMAT),
//! the cell styles (XF), the sheets (BOUNDSHEET8) and the style of each number cell.

use super::cell_format::builtin;
use std::collections::HashMap;
use std::io::Read;

/// Each sheet's number cells, by 0-based (row, column), with their format codes.
pub type SheetFormats = HashMap<String, HashMap<(u32, u32), String>>;

const BOF: u16 = 0x0809;
const EOF: u16 = 0x000A;
const FORMAT: u16 = 0x041E;
const XF: u16 = 0x00E0;
const BOUNDSHEET: u16 = 0x0085;
const NUMBER: u16 = 0x0203;
const RK: u16 = 0x027E;
const MULRK: u16 = 0x00BD;
const FORMULA: u16 = 0x0006;

fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes([
        *b.get(at)?,
        *b.get(at.checked_add(1)?)?,
    ]))
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    let s = b.get(at..at.checked_add(4)?)?;
    Some(u32::from_le_bytes([
        *s.first()?,
        *s.get(1)?,
        *s.get(2)?,
        *s.get(3)?,
    ]))
}

/// The records from `at` on: (type, body).
fn records(stream: &[u8], mut at: usize) -> impl Iterator<Item = (u16, &[u8])> {
    std::iter::from_fn(move || {
        let kind = u16_at(stream, at)?;
        let len = usize::from(u16_at(stream, at.checked_add(2)?)?);
        let start = at.checked_add(4)?;
        let body = stream.get(start..start.checked_add(len)?)?;
        at = start.checked_add(len)?;
        Some((kind, body))
    })
}

/// An XLUnicodeString (`cch` characters, then a flag byte: UTF-16LE or one byte each).
fn unicode_string(b: &[u8], cch: usize) -> Option<String> {
    let high = b.first()? & 1 == 1;
    let chars = b.get(1..)?;
    if high {
        let units: Vec<u16> = chars
            .chunks_exact(2)
            .take(cch)
            .map(|p| u16::from_le_bytes([*p.first().unwrap_or(&0), *p.get(1).unwrap_or(&0)]))
            .collect();
        Some(String::from_utf16_lossy(&units))
    } else {
        Some(chars.iter().take(cch).map(|&c| char::from(c)).collect())
    }
}

/// The format codes of an .xls's number cells; empty when the file is not BIFF8 or its
/// records can't be walked (its numbers then show in General, as before).
pub fn read(bytes: &[u8]) -> SheetFormats {
    let Ok(mut file) = cfb::CompoundFile::open(std::io::Cursor::new(bytes)) else {
        return SheetFormats::new();
    };
    let mut stream = Vec::new();
    let read = file
        .open_stream("/Workbook")
        .and_then(|mut s| s.read_to_end(&mut stream));
    if read.is_err() {
        return SheetFormats::new();
    }
    walk(&stream).unwrap_or_default()
}

fn walk(stream: &[u8]) -> Option<SheetFormats> {
    let mut codes: HashMap<u16, String> = HashMap::new();
    let mut xf_formats: Vec<u16> = Vec::new();
    let mut sheets: Vec<(usize, String)> = Vec::new();
    for (kind, body) in records(stream, 0) {
        match kind {
            FORMAT => {
                let id = u16_at(body, 0)?;
                let cch = usize::from(u16_at(body, 2)?);
                codes.insert(id, unicode_string(body.get(4..)?, cch)?);
            }
            XF => xf_formats.push(u16_at(body, 2)?),
            BOUNDSHEET => {
                let at = usize::try_from(u32_at(body, 0)?).ok()?;
                let cch = usize::from(*body.get(6)?);
                sheets.push((at, unicode_string(body.get(7..)?, cch)?));
            }
            EOF => break,
            _ => {}
        }
    }
    let code_of = |ixfe: u16| -> Option<String> {
        let id = *xf_formats.get(usize::from(ixfe))?;
        Some(match codes.get(&id) {
            Some(c) => c.clone(),
            None => builtin(u32::from(id)).to_string(),
        })
    };
    let mut out = SheetFormats::new();
    for (at, name) in sheets {
        let mut cells = HashMap::new();
        let mut body = records(stream, at);
        if body.next().map(|(k, _)| k) != Some(BOF) {
            continue;
        }
        for (kind, b) in body {
            let mut put = |row: Option<u16>, col: Option<u16>, ixfe: Option<u16>| {
                if let (Some(r), Some(c), Some(code)) = (row, col, ixfe.and_then(code_of)) {
                    if code != "General" {
                        cells.insert((u32::from(r), u32::from(c)), code);
                    }
                }
            };
            match kind {
                NUMBER | RK | FORMULA => put(u16_at(b, 0), u16_at(b, 2), u16_at(b, 4)),
                MULRK => {
                    let first = u16_at(b, 2).unwrap_or(0);
                    // (ixfe, RK) pairs of 6 bytes from byte 4, then the last column.
                    let pairs = b.len().saturating_sub(6) / 6;
                    for i in 0..pairs {
                        let col = u16::try_from(i).ok().and_then(|i| first.checked_add(i));
                        put(u16_at(b, 0), col, u16_at(b, 4 + i * 6));
                    }
                }
                EOF => break,
                _ => {}
            }
        }
        out.insert(name, cells);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(kind: u16, body: &[u8]) -> Vec<u8> {
        let mut r = kind.to_le_bytes().to_vec();
        r.extend(u16::try_from(body.len()).unwrap().to_le_bytes());
        r.extend(body);
        r
    }

    #[test]
    fn number_cells_get_their_formats() {
        // Globals: one custom format (164 = 0.00%), XF 0 General, XF 1 → 164, XF 2 → builtin 4.
        let mut globals = record(BOF, &[0; 16]);
        let mut fmt = 164u16.to_le_bytes().to_vec();
        fmt.extend(5u16.to_le_bytes());
        fmt.push(0);
        fmt.extend(b"0.00%");
        globals.extend(record(FORMAT, &fmt));
        for id in [0u16, 164, 4] {
            let mut xf = vec![0, 0];
            xf.extend(id.to_le_bytes());
            xf.extend([0; 16]);
            globals.extend(record(XF, &xf));
        }
        let mut bs = vec![0, 0, 0, 0, 0, 0, 2, 1];
        bs.extend("目标".encode_utf16().flat_map(u16::to_le_bytes));
        let sheet_at = globals.len() + 4 + bs.len() + 4;
        bs.splice(0..4, u32::try_from(sheet_at).unwrap().to_le_bytes());
        globals.extend(record(BOUNDSHEET, &bs));
        globals.extend(record(EOF, &[]));
        assert_eq!(globals.len(), sheet_at);
        let mut sheet = record(BOF, &[0; 16]);
        // NUMBER at (5, 6) in XF 1; MULRK on row 7, columns 2–3 in XF 2 and XF 0.
        let mut number = vec![5, 0, 6, 0, 1, 0];
        number.extend([0; 8]);
        sheet.extend(record(NUMBER, &number));
        let mut mulrk = vec![7, 0, 2, 0];
        mulrk.extend([2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        mulrk.extend([3, 0]);
        sheet.extend(record(MULRK, &mulrk));
        sheet.extend(record(EOF, &[]));
        let mut stream = globals;
        stream.extend(sheet);
        let got = walk(&stream).unwrap();
        let cells = got.get("目标").unwrap();
        assert_eq!(cells.get(&(5, 6)).map(String::as_str), Some("0.00%"));
        assert_eq!(cells.get(&(7, 2)).map(String::as_str), Some("#,##0.00"));
        assert_eq!(cells.get(&(7, 3)), None, "General is left out");
    }

    #[test]
    fn broken_streams_give_nothing_not_a_panic() {
        for bytes in [&b""[..], &[0x09, 0x08], &[0x1E, 0x04, 0xFF, 0xFF, 1, 2]] {
            let _ = walk(bytes);
            assert!(read(bytes).is_empty());
        }
    }
}
