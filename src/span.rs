//! Byte spans inside one cell, char-boundary helpers and the one conversion to UTF-16.

use serde::Serialize;

/// A byte range `[start, end)` into one cell's text. Internal unit: UTF-8 bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    pub fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// A span as JavaScript sees it: zero-based UTF-16 code units, end exclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Utf16Span {
    pub start: usize,
    pub end: usize,
}

/// Converts a byte span in `text` to UTF-16 units. A span that is out of range or
/// not on char boundaries is clamped to the nearest boundaries inside `text`.
pub fn to_utf16(text: &str, span: Span) -> Utf16Span {
    let start = floor_char_boundary(text, span.start);
    let end = floor_char_boundary(text, span.end.max(start));
    let before = text.get(..start).unwrap_or("");
    let inside = text.get(start..end).unwrap_or("");
    let start16 = before.encode_utf16().count();
    Utf16Span {
        start: start16,
        end: start16 + inside.encode_utf16().count(),
    }
}

/// The largest char boundary of `text` that is `<= index`.
pub fn floor_char_boundary(text: &str, index: usize) -> usize {
    if index >= text.len() {
        return text.len();
    }
    let mut i = index;
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Whether `needle` occurs in `hay`, comparing bytes window by window. For the short names
/// and words the rules test, this beats `str::contains`, whose searcher setup dominates on
/// short haystacks (and has no SIMD in wasm). UTF-8 is self-synchronising, so a byte match of
/// a whole needle is a match of its characters. Windows are picked by the last byte of the
/// needle's first character: in Chinese text lead bytes (E4–E9) recur every third byte, a
/// last byte seldom, and in a long cell `memchr` jumps from one to the next a word at a time.
pub fn has(hay: &str, needle: &str) -> bool {
    find(hay, needle).is_some()
}

/// Where `needle` first occurs in `hay`, found as [`has`] finds it: `str::find` for the word
/// lists the readers and rules look for in every line (seed 003's check spent 20 % building
/// `str::find`'s searchers).
pub fn find(hay: &str, needle: &str) -> Option<usize> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    let Some(k) = needle.chars().next().map(|c| c.len_utf8() - 1) else {
        return Some(0);
    };
    let (&key, starts) = (n.get(k)?, h.len().checked_sub(n.len())?);
    // Window `i` (0..=starts) is a candidate when h[i + k] == key.
    let mut i = 0usize;
    while let Some(off) = h
        .get(i.saturating_add(k)..=starts.saturating_add(k))
        .and_then(|rest| memchr::memchr(key, rest))
    {
        let at = i + off;
        if h.get(at..at.saturating_add(n.len())) == Some(n) {
            return Some(at);
        }
        i = at + 1;
    }
    None
}

/// `hay.starts_with(needle)`, with the first three bytes (a CJK character) compared inline
/// first: scanning a word list at every position of a value, most words differ there, and
/// the full comparison (a `memcmp` call) is left for the few that don't.
pub fn starts(hay: &str, needle: &str) -> bool {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    h.len() >= n.len() && n.iter().zip(h).take(3).all(|(a, b)| a == b) && h.starts_with(n)
}

/// `text.trim()`, answering at once when neither end is white space: the bytes at each end
/// are matched against the encodings of the characters Unicode calls white space (ASCII
/// blanks, U+0085, U+00A0, U+1680, U+2000–U+200A, U+2028, U+2029, U+202F, U+205F,
/// U+3000), with no character decoded. A cell of Chinese prose ends in 。 or ）, whose last
/// byte is also one of a space's: decoding that character had been ~1 % of seed 004's check.
pub fn trim(text: &str) -> &str {
    if starts_with_space(text.as_bytes()) || ends_with_space(text.as_bytes()) {
        text.trim()
    } else {
        text
    }
}

fn starts_with_space(b: &[u8]) -> bool {
    matches!(
        b,
        [b'\t'..=b'\r' | b' ', ..]
            | [0xC2, 0x85 | 0xA0, ..]
            | [0xE1, 0x9A, 0x80, ..]
            | [0xE2, 0x80, 0x80..=0x8A | 0xA8 | 0xA9 | 0xAF, ..]
            | [0xE2, 0x81, 0x9F, ..]
            | [0xE3, 0x80, 0x80, ..]
    )
}

/// As `starts_with_space`, at the end. A lead byte (C2, E1–E3) is never inside another
/// character, so these bytes at the end are that one character.
fn ends_with_space(b: &[u8]) -> bool {
    matches!(
        b,
        [.., b'\t'..=b'\r' | b' ']
            | [.., 0xC2, 0x85 | 0xA0]
            | [.., 0xE1, 0x9A, 0x80]
            | [.., 0xE2, 0x80, 0x80..=0x8A | 0xA8 | 0xA9 | 0xAF]
            | [.., 0xE2, 0x81, 0x9F]
            | [.., 0xE3, 0x80, 0x80]
    )
}

/// Truncates `text` to at most `max_chars` characters, adding "…" when cut.
pub fn ellipsize(text: &str, max_chars: usize) -> String {
    match text.char_indices().nth(max_chars) {
        Some((i, _)) => format!("{}…", text.get(..i).unwrap_or(text)),
        None => text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn has_and_find_find_substrings_like_contains_and_find() {
        for (hay, needle) in [
            ("事故发生率", "发生率"),
            ("培训人次", "人次"),
            ("abc", ""),
            ("", "率"),
            ("率", "事故发生率"),
            ("满意度指标", "意度指"),
            ("ab", "ba"),
            ("故事故", "事故"),
            ("≥90%", "90%"),
            ("≥90%", "≥"),
            ("偏差原因", "原因"),
            ("原因偏差", "原因"),
            ("原", "原因"),
            ("a率b", "率b"),
            // Near misses before the match, the match at the very end, a needle's key byte
            // that recurs in the haystack without the needle.
            ("数数数据量数量", "数量"),
            ("完成率未完成", "未完成"),
            ("率率率率", "率a"),
        ] {
            assert_eq!(has(hay, needle), hay.contains(needle), "{hay} / {needle}");
            assert_eq!(find(hay, needle), hay.find(needle), "{hay} / {needle}");
            assert_eq!(
                starts(hay, needle),
                hay.starts_with(needle),
                "{hay} / {needle}"
            );
        }
    }

    #[test]
    fn trim_matches_str_trim() {
        // Every character Unicode calls white space, on either side of CJK, ASCII and
        // characters sharing a lead byte with a space (E2 80 94 "—", E3 80 82 "。").
        let spaces: Vec<char> = (0..=0x3000u32)
            .filter_map(char::from_u32)
            .filter(|c| c.is_whitespace())
            .collect();
        assert_eq!(spaces.len(), 25);
        let cores = [
            "", "率", "a", "—", "。", "≥90%", "\u{85}x", "x\u{a0}y", "\u{feff}",
        ];
        for core in cores {
            for s in spaces.iter().map(|c| c.to_string()).chain([String::new()]) {
                for text in [
                    format!("{s}{core}"),
                    format!("{core}{s}"),
                    format!("{s}{core}{s}"),
                ] {
                    assert_eq!(trim(&text), text.trim(), "{text:?}");
                }
            }
        }
        // Every character at either end of a CJK character, alone and doubled.
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            for text in [
                format!("{c}率"),
                format!("率{c}"),
                format!("{c}"),
                format!("{c}{c}"),
            ] {
                assert_eq!(trim(&text), text.trim(), "{text:?}");
            }
        }
    }

    #[test]
    fn converts_multibyte_and_non_bmp() {
        let cases: &[(&str, Span, (usize, usize))] = &[
            ("≥90%", Span::new(0, 3), (0, 1)),
            ("≥90%", Span::new(3, 6), (1, 4)),
            ("≥９０％", Span::new(3, 9), (1, 3)),
            ("𠀀≥1", Span::new(4, 7), (2, 3)),
            ("abc", Span::new(1, 99), (1, 3)),
            ("≥", Span::new(1, 2), (0, 0)),
        ];
        for (text, span, (s, e)) in cases {
            let got = to_utf16(text, *span);
            assert_eq!((got.start, got.end), (*s, *e), "{text:?} {span:?}");
        }
    }

    #[test]
    fn ellipsizes_by_chars() {
        assert_eq!(ellipsize("安全质量监督", 4), "安全质量…");
        assert_eq!(ellipsize("安全", 4), "安全");
    }
}
