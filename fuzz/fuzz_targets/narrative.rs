//! Fuzzes the narrative-report reader: any text read as a 自评报告, its money and target sentences lifted, then every rule and both renderings.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let out = jixiao::read::read_narrative(text);
    let report = jixiao::check_forms(out, &jixiao::profile::Profile::default());
    let _ = report.to_record(jixiao::diagnostic::Lang::Zh);
    let _ = report.to_text(jixiao::diagnostic::Lang::En, "fuzz");
});
