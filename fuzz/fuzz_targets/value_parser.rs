//! Fuzzes the 指标值 parser: no panic, tokens cover the input, issue spans on char boundaries.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let p = jixiao::value::parser::parse(text);
    let mut pos = 0;
    for t in &p.tokens {
        assert_eq!(t.span.start, pos);
        assert!(t.span.end > t.span.start);
        pos = t.span.end;
    }
    if !text.trim().is_empty() || text.is_empty() {
        assert_eq!(pos, text.len());
    }
    for i in &p.issues {
        assert!(text.is_char_boundary(i.span.start) && text.is_char_boundary(i.span.end));
        assert!(i.span.start <= i.span.end);
    }
    let _ = jixiao::value::compare::compare(&p.value, &jixiao::value::parse(text));
});
