//! Fuzzes reading a portal's own profile (JSON with `extends`, trees, scoring): an error or a
//! profile, never a panic; a profile read is then used for a check.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(json) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(profile) = jixiao::profile::Profile::from_json(json) {
        let _ = jixiao::check_text_lenient("绩效指标\t一级指标\t二级指标\t三级指标\t指标值\n\t产出指标\t数量指标\t培训\t≥5次", &profile);
    }
});
