//! Fuzzes the .xlsx reader on arbitrary bytes (zip directory, inflate, the sheet's XML, number formats), then the paste reader and every rule on what it gives.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(rows) = jixiao::read::xlsx::read_rows(data) {
        let text = jixiao::read::xlsx::to_tsv(&rows);
        // What was read comes back cell for cell from its paste.
        let grid = jixiao::read::grid::parse(&text);
        for (r, row) in rows.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                let back = grid.rows.get(r).and_then(|g| g.get(c)).map(|x| x.as_str());
                assert_eq!(back, Some(cell.as_str()), "cell ({r}, {c})");
            }
        }
        let _ = jixiao::check_text_lenient(&text, &jixiao::profile::Profile::default());
    }
});
