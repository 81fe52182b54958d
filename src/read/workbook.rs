//! Workbooks (.xlsx, .xls, .xlsb, .ods, WPS .et saved as BIFF) through calamine, and Word
//! documents (`docx`), as sheets of cell texts as Excel shows and copies them: numbers under
//! their formats, a merged range's value in its top-left cell and blanks elsewhere.

use super::cell_format::{builtin, decimal, format_number};
use super::xls_formats::SheetFormats;
use super::{docx, ods, xls_formats};
use calamine::{Data, Reader, Sheets};
use std::io::{Cursor, Read, Seek};

/// A zip whose parts would unpack to more than this is refused before anything is unpacked
/// (a zip bomb, or not a form): the 20-project workbooks in the wild unpack to under 2 MB.
const MAX_UNPACKED_BYTES: u64 = 256 * 1024 * 1024;
/// Sheets with more cells than this are refused rather than laid out as rows of text.
const MAX_CELLS: usize = 4_000_000;

/// One sheet of a workbook (or one table of a document, or a document's text).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sheet {
    /// The sheet's name as its tab shows it; a document's tables are 表格1, 表格2…, its
    /// paragraphs 正文.
    pub name: String,
    pub content: Content,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Content {
    /// Rows of cell texts, `[0][0]` being A1.
    Rows(Vec<Vec<String>>),
    /// Paragraphs, one per line.
    Text(String),
}

impl Content {
    /// What the paste of it would be: tab-separated rows (as Excel copies them) or the text.
    pub fn to_text(&self) -> String {
        match self {
            Content::Rows(rows) => to_tsv(rows),
            Content::Text(t) => t.clone(),
        }
    }
}

/// Why a file can't be read as a workbook or document: the message a clerk sees.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorkbookError(pub String);

impl std::fmt::Display for WorkbookError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.0)
    }
}

fn err(s: impl Into<String>) -> WorkbookError {
    WorkbookError(s.into())
}

/// True when the bytes start like a zip archive (.xlsx, .ods, .docx) or an OLE compound
/// file (.xls, .et, and encrypted .xlsx).
pub fn is_workbook(bytes: &[u8]) -> bool {
    is_zip(bytes) || is_compound(bytes)
}

fn is_zip(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
}

fn is_compound(bytes: &[u8]) -> bool {
    bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])
}

/// Every visible sheet of a workbook, or a Word document's text and tables, in order.
/// Hidden sheets are left out: a clerk neither sees nor copies them.
pub fn read_sheets(bytes: &[u8]) -> Result<Vec<Sheet>, WorkbookError> {
    if is_zip(bytes) {
        let names = zip_guard(bytes)?;
        if names.iter().any(|n| n == "word/document.xml") {
            return docx::read(bytes).map_err(err);
        }
        if names.iter().any(|n| n == "xl/workbook.xml") {
            let book = calamine::Xlsx::new(Cursor::new(bytes)).map_err(|e| opened(&e))?;
            return sheets(Sheets::Xlsx(book), None);
        }
        if names.iter().any(|n| n == "xl/workbook.bin") {
            let book = calamine::Xlsb::new(Cursor::new(bytes)).map_err(|e| opened(&e))?;
            return sheets(Sheets::Xlsb(book), None);
        }
        if names.iter().any(|n| n == "content.xml") {
            return ods::read(bytes).map_err(err);
        }
        return Err(err(
            "这个压缩文件不是 Excel/WPS 工作簿，也不是 Word 文档（.xlsx/.ods/.docx）。请在 Excel/WPS 中另存为 .xlsx 后再打开 / not a workbook",
        ));
    }
    if is_compound(bytes) {
        if compound_has(bytes, "EncryptedPackage") {
            return Err(err(PASSWORD));
        }
        let book = calamine::Xls::new(Cursor::new(bytes)).map_err(|e| opened(&e))?;
        return sheets(Sheets::Xls(book), Some(&xls_formats::read(bytes)));
    }
    Err(err(
        "不是可识别的工作簿或文档。请在 Excel/WPS 中另存为 .xlsx 后再打开 / not a workbook",
    ))
}

const PASSWORD: &str = "文件设置了打开密码，无法读取。请在 Excel/WPS 中取消密码（文件→信息→保护工作簿）后另存，再打开 / the file is password-protected";

/// A calamine error as a clerk's message: a password, else a file that is not what it says.
fn opened(e: &dyn std::fmt::Display) -> WorkbookError {
    let text = e.to_string();
    if text.to_ascii_lowercase().contains("password") {
        return err(PASSWORD);
    }
    err(format!(
        "无法读取工作簿：{text}。文件可能已损坏，或是 WPS 专有格式；请在 Excel/WPS 中另存为 .xlsx 后再打开 / unreadable workbook"
    ))
}

/// One part of a zip (a Word document's body, an .ods's content) as text; `what` names the
/// file for the message.
pub(super) fn zip_part(bytes: &[u8], name: &str, what: &str) -> Result<String, String> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| format!("{what}已损坏（{e}）/ corrupt file"))?;
    let mut xml = String::new();
    zip.by_name(name)
        .map_err(|e| format!("{what}缺少 {name}（{e}）/ corrupt file"))?
        .read_to_string(&mut xml)
        .map_err(|e| format!("{what}的 {name} 无法读取（{e}）/ corrupt file"))?;
    Ok(xml)
}

/// The text of an XML reference (`&amp;`, `&#x2265;`); an unknown one gives nothing.
pub(super) fn entity(r: &quick_xml::events::BytesRef) -> String {
    match r.resolve_char_ref() {
        Ok(Some(c)) => c.to_string(),
        _ => quick_xml::escape::resolve_predefined_entity(r.as_ref())
            .unwrap_or_default()
            .to_string(),
    }
}

/// True when an OLE compound file names a stream `name` in its directory (UTF-16 names):
/// an encrypted .xlsx is a compound file with an EncryptedPackage stream.
fn compound_has(bytes: &[u8], name: &str) -> bool {
    let wanted: Vec<u8> = name.encode_utf16().flat_map(u16::to_le_bytes).collect();
    bytes.windows(wanted.len()).any(|w| w == wanted.as_slice())
}

/// The zip's part names, once its central directory says it is safe to unpack: not
/// encrypted, and not unpacking to more than `MAX_UNPACKED_BYTES`. (Reading a part stops
/// at its stated size, so a part can't unpack to more than its directory entry says.)
fn zip_guard(bytes: &[u8]) -> Result<Vec<String>, WorkbookError> {
    let corrupt = |e: &dyn std::fmt::Display| {
        err(format!(
            "压缩包已损坏，无法打开（{e}）。请在 Excel/WPS/Word 中重新保存后再打开 / corrupt file"
        ))
    };
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| corrupt(&e))?;
    let mut total = 0u64;
    let mut names = Vec::new();
    for i in 0..zip.len() {
        let entry = zip.by_index_raw(i).map_err(|e| corrupt(&e))?;
        if entry.encrypted() {
            return Err(err(PASSWORD));
        }
        total = total.saturating_add(entry.size());
        names.push(entry.name().map_err(|e| corrupt(&e))?.into_owned());
    }
    if total > MAX_UNPACKED_BYTES {
        return Err(err(format!(
            "文件解压后达 {} MB，超过 {} MB 上限，不像是一张绩效表（可能是压缩炸弹）/ unpacks too large",
            total / (1024 * 1024),
            MAX_UNPACKED_BYTES / (1024 * 1024)
        )));
    }
    Ok(names)
}

/// The visible sheets of a calamine workbook as rows of cell texts; an .xls's number
/// formats come in `xls` (calamine gives them for .xlsx only).
fn sheets<RS: Read + Seek>(
    mut book: Sheets<RS>,
    xls: Option<&SheetFormats>,
) -> Result<Vec<Sheet>, WorkbookError> {
    let visible: Vec<String> = book
        .sheets_metadata()
        .iter()
        .filter(|s| s.visible == calamine::SheetVisible::Visible)
        .filter(|s| s.typ == calamine::SheetType::WorkSheet)
        .map(|s| s.name.clone())
        .collect();
    let mut out = Vec::new();
    for name in visible {
        let range = book
            .worksheet_range(&name)
            .map_err(|e| err(format!("无法读取工作表「{name}」：{e} / unreadable sheet")))?;
        let styles = match &mut book {
            Sheets::Xlsx(x) => x.worksheet_style(&name).ok(),
            _ => None,
        };
        // A merged range shows its value in its top-left cell; a copy gives blanks for the
        // rest, whatever the file stores there (WPS stores the value in every cell of it).
        let merges = match &mut book {
            Sheets::Xlsx(x) => x.merge_cells_by_sheet_name(&name).unwrap_or_default(),
            Sheets::Xls(x) => x.merge_cells_by_sheet_name(&name).unwrap_or_default(),
            _ => Vec::new(),
        };
        let (rows, cols) = range.get_size();
        if rows.saturating_mul(cols) > MAX_CELLS {
            return Err(err(format!(
                "工作表「{name}」有 {rows} 行 × {cols} 列，过大，不像是一张绩效表。请只复制表格部分粘贴 / sheet too large"
            )));
        }
        let Some((top, left)) = range.start() else {
            out.push(Sheet {
                name,
                content: Content::Rows(Vec::new()),
            });
            continue;
        };
        let mut grid: Vec<Vec<String>> = Vec::new();
        for (r, row) in range.rows().enumerate() {
            let mut cells = Vec::new();
            for (c, value) in row.iter().enumerate() {
                let at = (
                    top.saturating_add(u32::try_from(r).unwrap_or(u32::MAX)),
                    left.saturating_add(u32::try_from(c).unwrap_or(u32::MAX)),
                );
                let biff = xls.and_then(|f| f.get(&name)).and_then(|f| f.get(&at));
                let code = biff.cloned().or_else(|| {
                    styles
                        .as_ref()
                        .and_then(|s| s.get(at))
                        .and_then(|s| s.number_format.as_ref())
                        .map(|f| match f.format_id {
                            // A built-in id: Excel's own code (calamine's table drops the
                            // `_)` of ids 37–40, which a copy shows as a trailing space).
                            Some(id) if id < 164 && builtin(id) != "General" => {
                                builtin(id).to_string()
                            }
                            _ => f.format_code.clone(),
                        })
                });
                let covered = merges
                    .iter()
                    .any(|m| m.contains(at.0, at.1) && m.start != at);
                cells.push(if covered {
                    String::new()
                } else {
                    shown(value, code.as_deref())
                });
            }
            grid.push(cells);
        }
        out.push(Sheet {
            name,
            content: Content::Rows(place(grid, top, left)),
        });
    }
    Ok(out)
}

/// The range's rows moved to where they stand in the sheet (A1 at `[0][0]`), trailing
/// blanks trimmed, so row and column numbers in findings are the sheet's own.
fn place(grid: Vec<Vec<String>>, top: u32, left: u32) -> Vec<Vec<String>> {
    let pad = usize::try_from(left).unwrap_or(0);
    let mut rows: Vec<Vec<String>> = (0..top).map(|_| Vec::new()).collect();
    for mut row in grid {
        while row.last().is_some_and(String::is_empty) {
            row.pop();
        }
        if !row.is_empty() && pad > 0 {
            let mut padded = vec![String::new(); pad];
            padded.append(&mut row);
            row = padded;
        }
        rows.push(row);
    }
    while rows.last().is_some_and(Vec::is_empty) {
        rows.pop();
    }
    rows
}

/// A cell as Excel shows it. Numbers come from calamine as binary floating point; each is
/// turned at once into its shortest decimal text (which reads back as the same number, and
/// is what Excel shows in General) and formatted from there as an exact decimal.
fn shown(value: &Data, code: Option<&str>) -> String {
    let number = |text: String, default: &str| match decimal(&text) {
        Some(d) => format_number(d, code.unwrap_or(default)),
        None => text,
    };
    match value {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Int(i) => number(i.to_string(), "General"),
        Data::Float(f) => number(f.to_string(), "General"),
        Data::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_string(),
        Data::DateTime(d) => number(d.as_f64().to_string(), "yyyy/m/d"),
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Error(e) => e.to_string(),
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_show_as_excel_shows_them() {
        let cases = [
            (Data::Float(0.881_6), Some("0.00%"), "88.16%"),
            (Data::Float(1273.65), Some("#,##0.00"), "1,273.65"),
            (Data::Float(0.1 + 0.2), None, "0.3"),
            (Data::Int(300), Some("0\"人次\""), "300人次"),
            (Data::String("≥95%".into()), Some("0.00%"), "≥95%"),
            (Data::Bool(true), None, "TRUE"),
            (Data::Empty, Some("0.00"), ""),
        ];
        for (value, code, want) in cases {
            assert_eq!(shown(&value, code), want, "{value:?} as {code:?}");
        }
    }

    #[test]
    fn ranges_stand_where_they_stand_in_the_sheet() {
        let grid = vec![vec!["a".to_string(), String::new()], vec![String::new()]];
        assert_eq!(
            place(grid, 2, 1),
            [vec![], vec![], vec![String::new(), "a".to_string()]]
        );
    }

    #[test]
    fn what_is_not_a_workbook_gets_a_message_not_a_panic() {
        for bytes in [
            &b""[..],
            b"PK\x03\x04",
            b"PK\x03\x04garbage PK\x05\x06",
            &[0u8; 100],
            &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0],
        ] {
            assert!(read_sheets(bytes).is_err_and(|e| !e.0.is_empty()));
        }
    }
}
