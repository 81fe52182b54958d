//! OpenDocument spreadsheets (.ods) as they show: each cell's displayed text, which an .ods
//! stores beside the value (`<text:p>95.00%</text:p>` for 0.95). calamine 0.38 gives the
//! value alone and drops the percentage type: LibreOffice's .ods of the two-forms fixture
//! read 执行率 95.00% as 0.95, and a correct self-evaluation got R001 and two E003. So the
//! sheets are read here from content.xml (zip and quick-xml, calamine's own), a covered
//! cell of a merged range blank, as a copy gives it.

use super::workbook::{entity, zip_part, Content, Sheet};
use quick_xml::events::{BytesStart, Event};

/// Rows and columns past these are not laid out (LibreOffice repeats an empty row to the
/// sheet's end, 1,048,576).
const MAX_ROW: usize = 1_048_576;
const MAX_COL: usize = 16_384;

fn attr(e: &BytesStart, key: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == key)
        .map(|a| a.value.into_owned())
}

fn repeat(e: &BytesStart, key: &str) -> usize {
    attr(e, key)
        .and_then(|v| v.parse().ok())
        .unwrap_or(1usize)
        .max(1)
}

/// Every sheet of an .ods as rows of displayed texts. Sheets hidden by their style
/// (table:display="false") are left out.
pub fn read(bytes: &[u8]) -> Result<Vec<Sheet>, String> {
    let xml = zip_part(bytes, "content.xml", "表格文件")?;
    parse(&xml).map_err(|e| format!("表格文件格式有误（{e}）/ corrupt file"))
}

#[derive(Default)]
struct Build {
    name: String,
    style: Option<String>,
    rows: Vec<Vec<String>>,
    row: usize,
    col: usize,
    row_repeat: usize,
    cell: Option<(String, usize, bool)>,
}

fn parse(xml: &str) -> Result<Vec<Sheet>, quick_xml::Error> {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut hidden_styles: Vec<String> = Vec::new();
    let mut style: Option<String> = None;
    let mut sheets = Vec::new();
    let mut t: Option<Build> = None;
    let mut in_p = false;
    loop {
        let event = reader.read_event()?;
        let empty = matches!(event, Event::Empty(_));
        match &event {
            Event::Start(e) | Event::Empty(e) => match e.name().as_ref() {
                "style:style" => style = attr(e, "style:name"),
                "style:table-properties"
                    if attr(e, "table:display").as_deref() == Some("false") =>
                {
                    hidden_styles.extend(style.clone());
                }
                "table:table" if !empty => {
                    t = Some(Build {
                        name: attr(e, "table:name").unwrap_or_default(),
                        style: attr(e, "table:style-name"),
                        ..Build::default()
                    });
                }
                "table:table-row" => {
                    if let Some(b) = t.as_mut() {
                        b.col = 0;
                        b.row_repeat = repeat(e, "table:number-rows-repeated");
                        if empty {
                            b.row = b.row.saturating_add(b.row_repeat);
                        }
                    }
                }
                "table:table-cell" | "table:covered-table-cell" => {
                    if let Some(b) = t.as_mut() {
                        let n = repeat(e, "table:number-columns-repeated");
                        let covered = e.name().as_ref() == "table:covered-table-cell";
                        if empty {
                            b.col = b.col.saturating_add(n);
                        } else {
                            b.cell = Some((String::new(), n, covered));
                        }
                    }
                }
                "text:p" if !empty => {
                    if let Some((text, _, _)) = t.as_mut().and_then(|b| b.cell.as_mut()) {
                        if in_p || !text.is_empty() {
                            text.push('\n');
                        }
                    }
                    in_p = true;
                }
                "text:s" => push(&mut t, &" ".repeat(repeat(e, "text:c").min(64))),
                "text:tab" => push(&mut t, "\t"),
                "text:line-break" => push(&mut t, "\n"),
                _ => {}
            },
            Event::Text(x) if in_p => push(&mut t, &x.xml10_content()),
            Event::GeneralRef(r) if in_p => push(&mut t, &entity(r)),
            Event::End(e) => match e.name().as_ref() {
                "text:p" => in_p = false,
                "table:table-cell" | "table:covered-table-cell" => {
                    if let Some(b) = t.as_mut() {
                        if let Some((text, n, covered)) = b.cell.take() {
                            if !covered && !text.is_empty() {
                                place(b, &text, n);
                            }
                            b.col = b.col.saturating_add(n);
                        }
                    }
                }
                "table:table-row" => {
                    if let Some(b) = t.as_mut() {
                        b.row = b.row.saturating_add(b.row_repeat);
                    }
                }
                "table:table" => {
                    if let Some(mut b) = t.take() {
                        let hidden = b.style.as_ref().is_some_and(|s| hidden_styles.contains(s));
                        while b.rows.last().is_some_and(Vec::is_empty) {
                            b.rows.pop();
                        }
                        if !hidden {
                            sheets.push(Sheet {
                                name: b.name,
                                content: Content::Rows(b.rows),
                            });
                        }
                    }
                }
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(sheets)
}

fn push(t: &mut Option<Build>, s: &str) {
    if let Some((text, _, _)) = t.as_mut().and_then(|b| b.cell.as_mut()) {
        text.push_str(s);
    }
}

/// Puts a cell's text at the current row and column, over its repeats (rows and columns).
fn place(b: &mut Build, text: &str, n: usize) {
    let rows = b.row_repeat.min(MAX_ROW.saturating_sub(b.row));
    for r in b.row..b.row.saturating_add(rows) {
        if r >= MAX_ROW {
            break;
        }
        if b.rows.len() <= r {
            b.rows.resize_with(r.saturating_add(1), Vec::new);
        }
        let Some(row) = b.rows.get_mut(r) else { break };
        let end = b.col.saturating_add(n).min(MAX_COL);
        if row.len() < end {
            row.resize(end, String::new());
        }
        for c in b.col..end {
            if let Some(slot) = row.get_mut(c) {
                *slot = text.to_string();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_read_as_they_show() {
        let xml = concat!(
            r#"<office:document-content><office:automatic-styles>"#,
            r#"<style:style style:name="ta2"><style:table-properties table:display="false"/></style:style>"#,
            r#"</office:automatic-styles><office:body><office:spreadsheet>"#,
            r#"<table:table table:name="自评表">"#,
            r#"<table:table-row><table:table-cell table:number-columns-spanned="2" office:value-type="string"><text:p>项目名称</text:p></table:table-cell><table:covered-table-cell/>"#,
            r#"<table:table-cell office:value-type="percentage" office:value="0.95"><text:p>95.00%</text:p></table:table-cell></table:table-row>"#,
            r#"<table:table-row table:number-rows-repeated="2"><table:table-cell table:number-columns-repeated="3"/></table:table-row>"#,
            r#"<table:table-row><table:table-cell/><table:table-cell><text:p>A<text:s text:c="2"/>&amp;B</text:p><text:p>第二段</text:p></table:table-cell></table:table-row>"#,
            r#"<table:table-row table:number-rows-repeated="1048570"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>"#,
            r#"</table:table><table:table table:name="隐藏" table:style-name="ta2"><table:table-row><table:table-cell><text:p>x</text:p></table:table-cell></table:table-row></table:table>"#,
            r#"</office:spreadsheet></office:body></office:document-content>"#,
        );
        let sheets = parse(xml).unwrap();
        assert_eq!(sheets.len(), 1, "the hidden sheet is left out");
        let Content::Rows(rows) = &sheets[0].content else {
            panic!("rows")
        };
        assert_eq!(
            rows,
            &[
                vec!["项目名称".to_string(), String::new(), "95.00%".to_string()],
                vec![],
                vec![],
                vec![String::new(), "A  &B\n第二段".to_string()],
            ]
        );
    }
}
