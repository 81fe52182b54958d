//! Fuzzes the whole check on arbitrary bytes: readers (TSV, JSON, narrative), every rule, both renderings.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let profile = jixiao::profile::Profile::default();
    if let Ok(report) = jixiao::check_bytes(data, &profile) {
        let _ = report.to_record(jixiao::diagnostic::Lang::Zh);
        let _ = report.to_text(jixiao::diagnostic::Lang::En, "fuzz");
    }
});
