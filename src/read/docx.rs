//! Word documents (.docx): the paragraphs as a report's text, and each table as the rows a
//! copy from Word gives (a gridSpan cell followed by blanks, a vMerge continuation blank),
//! headed by the short paragraph above it (the form's title, as a clerk copies it).

use super::workbook::{entity, zip_part, Content, Sheet};
use quick_xml::events::Event;

/// The longest paragraph taken as the title of the table below it.
const TITLE_CHARS: usize = 60;

/// The document's text (if it has any) and its tables, in order.
pub fn read(bytes: &[u8]) -> Result<Vec<Sheet>, String> {
    let xml = zip_part(bytes, "word/document.xml", "Word 文档")?;
    let body =
        parse(&xml).map_err(|e| format!("Word 文档正文格式有误（{e}）/ corrupt document"))?;
    let mut sheets = Vec::new();
    let text: Vec<&str> = body
        .iter()
        .filter_map(|b| match b {
            Block::Paragraph(p) => Some(p.as_str()),
            Block::Table(_) => None,
        })
        .collect();
    if text.iter().any(|p| !p.trim().is_empty()) {
        sheets.push(Sheet {
            name: "正文".to_string(),
            content: Content::Text(text.join("\n")),
        });
    }
    let mut title: Option<&str> = None;
    let mut n = 0;
    for block in &body {
        match block {
            Block::Paragraph(p) if !p.trim().is_empty() => title = Some(p.trim()),
            Block::Paragraph(_) => {}
            Block::Table(rows) => {
                n += 1;
                let mut all = Vec::new();
                if let Some(t) = title.filter(|t| t.chars().count() <= TITLE_CHARS) {
                    all.push(vec![t.to_string()]);
                }
                all.extend(rows.iter().cloned());
                sheets.push(Sheet {
                    name: format!("表格{n}"),
                    content: Content::Rows(all),
                });
                title = None;
            }
        }
    }
    Ok(sheets)
}

/// A paragraph or a table of the document's body.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Block {
    Paragraph(String),
    Table(Vec<Vec<String>>),
}

#[derive(Default)]
struct Table {
    rows: Vec<Vec<String>>,
    row: Vec<String>,
    cell: Option<CellBuild>,
}

#[derive(Default)]
struct CellBuild {
    text: String,
    span: usize,
    continues: bool,
}

fn attr(e: &quick_xml::events::BytesStart, key: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == key)
        .map(|a| a.value.into_owned())
}

/// The body's paragraphs and tables. A table inside a cell is flattened into the cell's
/// text (its rows on lines, its cells separated by spaces).
fn parse(xml: &str) -> Result<Vec<Block>, quick_xml::Error> {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut body = Vec::new();
    let mut tables: Vec<Table> = Vec::new();
    let mut para = String::new();
    let mut in_text = false;
    loop {
        let event = reader.read_event()?;
        match &event {
            Event::Start(e) | Event::Empty(e) => {
                let empty = matches!(event, Event::Empty(_));
                match e.local_name().as_ref() {
                    "tbl" if !empty => tables.push(Table::default()),
                    "tr" if !empty => {
                        if let Some(t) = tables.last_mut() {
                            t.row.clear();
                        }
                    }
                    "tc" => {
                        if let Some(t) = tables.last_mut() {
                            if empty {
                                t.row.push(String::new());
                            } else {
                                t.cell = Some(CellBuild {
                                    span: 1,
                                    ..CellBuild::default()
                                });
                            }
                        }
                    }
                    "gridSpan" => {
                        if let Some(c) = tables.last_mut().and_then(|t| t.cell.as_mut()) {
                            c.span = attr(e, "val")
                                .and_then(|v| v.parse().ok())
                                .unwrap_or(1)
                                .clamp(1, 64);
                        }
                    }
                    "vMerge" => {
                        if let Some(c) = tables.last_mut().and_then(|t| t.cell.as_mut()) {
                            c.continues = attr(e, "val").is_none_or(|v| v == "continue");
                        }
                    }
                    "p" if !empty => para.clear(),
                    // An empty paragraph is a blank line.
                    "p" if tables.is_empty() => body.push(Block::Paragraph(String::new())),
                    "t" if !empty => in_text = true,
                    "tab" => para.push(' '),
                    // A line break inside a table cell joins its lines, as the copies of
                    // real documents in files-wild read them; in body text it ends a line.
                    "br" | "cr" if tables.is_empty() => para.push('\n'),
                    _ => {}
                }
            }
            Event::Text(t) if in_text => para.push_str(&t.xml10_content()),
            Event::CData(t) if in_text => para.push_str(&t.xml10_content()),
            Event::GeneralRef(r) if in_text => para.push_str(&entity(r)),
            Event::End(e) => match e.local_name().as_ref() {
                "t" => in_text = false,
                "p" => {
                    let text = std::mem::take(&mut para);
                    let outside = tables.is_empty();
                    match tables.last_mut().and_then(|t| t.cell.as_mut()) {
                        Some(c) => {
                            if !c.text.is_empty() {
                                c.text.push('\n');
                            }
                            c.text.push_str(&text);
                        }
                        None if outside => body.push(Block::Paragraph(text)),
                        None => {}
                    }
                }
                "tc" => {
                    if let Some(t) = tables.last_mut() {
                        if let Some(c) = t.cell.take() {
                            t.row.push(if c.continues { String::new() } else { c.text });
                            t.row.extend((1..c.span).map(|_| String::new()));
                        }
                    }
                }
                "tr" => {
                    if let Some(t) = tables.last_mut() {
                        let row = std::mem::take(&mut t.row);
                        t.rows.push(row);
                    }
                }
                "tbl" => {
                    let Some(done) = tables.pop() else { continue };
                    let outside = tables.is_empty();
                    match tables.last_mut().and_then(|t| t.cell.as_mut()) {
                        Some(outer) => {
                            for row in done.rows {
                                if !outer.text.is_empty() {
                                    outer.text.push('\n');
                                }
                                outer.text.push_str(&row.join(" "));
                            }
                        }
                        None if outside => body.push(Block::Table(done.rows)),
                        None => {}
                    }
                }
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(body)
}

#[cfg(test)]
mod tests {
    use super::*;

    const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;

    fn doc(body: &str) -> String {
        format!("<w:document {W}><w:body>{body}</w:body></w:document>")
    }

    #[test]
    fn paragraphs_and_tables_read_as_word_copies_them() {
        let xml = doc(concat!(
            "<w:p><w:r><w:t>项目支出绩效目标表</w:t></w:r></w:p>",
            "<w:tbl>",
            "<w:tr><w:tc><w:tcPr><w:gridSpan w:val=\"2\"/></w:tcPr><w:p><w:r><w:t>项目名称</w:t></w:r></w:p></w:tc>",
            "<w:tc><w:p><w:r><w:t>A&amp;B</w:t></w:r></w:p></w:tc></w:tr>",
            "<w:tr><w:tc><w:tcPr><w:vMerge w:val=\"restart\"/></w:tcPr><w:p><w:r><w:t>产出</w:t></w:r><w:r><w:t>指标</w:t></w:r></w:p></w:tc>",
            "<w:tc><w:p><w:r><w:t>数量</w:t></w:r></w:p><w:p><w:r><w:t>指标</w:t></w:r></w:p></w:tc><w:tc/></w:tr>",
            "<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc><w:tc><w:p><w:r><w:t>质量</w:t></w:r></w:p></w:tc></w:tr>",
            "</w:tbl>",
        ));
        let body = parse(&xml).unwrap();
        assert_eq!(
            body,
            [
                Block::Paragraph("项目支出绩效目标表".into()),
                Block::Table(vec![
                    vec!["项目名称".into(), "".into(), "A&B".into()],
                    vec!["产出指标".into(), "数量\n指标".into(), "".into()],
                    vec!["".into(), "质量".into()],
                ]),
            ]
        );
    }

    #[test]
    fn a_table_in_a_cell_is_flattened_into_it() {
        let xml = doc(concat!(
            "<w:tbl><w:tr><w:tc><w:tbl><w:tr><w:tc><w:p><w:r><w:t>a</w:t></w:r></w:p></w:tc>",
            "<w:tc><w:p><w:r><w:t>b</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:tc></w:tr></w:tbl>",
        ));
        assert_eq!(
            parse(&xml).unwrap(),
            [Block::Table(vec![vec!["a b".into()]])]
        );
    }

    #[test]
    fn broken_xml_is_an_error() {
        assert!(parse("<w:document><w:body><w:p></w:body>").is_err());
    }
}
