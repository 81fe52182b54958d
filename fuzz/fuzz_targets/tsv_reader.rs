//! Fuzzes the paste reader alone: any text read as an Excel/WPS paste, then every rule over what it built; cells keep positions inside the grid.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let out = jixiao::read::read_tsv(text);
    let rows = jixiao::read::grid::parse(text).rows.len() as u32;
    for f in &out.forms {
        for p in &f.projects {
            for i in &p.indicators {
                assert!(i.row <= rows.max(1), "row {} of {rows}", i.row);
            }
        }
    }
    let report = jixiao::check_forms(out, &jixiao::profile::Profile::default());
    let _ = report.to_record(jixiao::diagnostic::Lang::Zh);
});
