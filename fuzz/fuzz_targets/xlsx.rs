//! Fuzzes the workbook reader on arbitrary bytes (zip or compound file, calamine's sheets,
//! a Word document's XML, number formats), then the paste reader and every rule on what it gives.
#![no_main]

use jixiao::read::workbook::{read_sheets, to_tsv, Content};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(sheets) = read_sheets(data) else { return };
    for sheet in sheets {
        let text = sheet.content.to_text();
        if let Content::Rows(rows) = &sheet.content {
            // What was read comes back cell for cell from its paste.
            assert_eq!(to_tsv(rows), text);
            let grid = jixiao::read::grid::parse(&text);
            for (r, row) in rows.iter().enumerate() {
                for (c, cell) in row.iter().enumerate() {
                    let back = grid.rows.get(r).and_then(|g| g.get(c)).map(|x| x.as_str());
                    assert_eq!(back, Some(cell.as_str()), "cell ({r}, {c})");
                }
            }
        }
        let _ = jixiao::check_text_lenient(&text, &jixiao::profile::Profile::default());
    }
});
