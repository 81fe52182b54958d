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
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    let Some(k) = needle.chars().next().map(|c| c.len_utf8() - 1) else {
        return true;
    };
    let (Some(&key), Some(starts)) = (n.get(k), h.len().checked_sub(n.len())) else {
        return false;
    };
    // Window `i` (0..=starts) is a candidate when h[i + k] == key.
    let mut i = 0usize;
    while let Some(off) = h
        .get(i.saturating_add(k)..=starts.saturating_add(k))
        .and_then(|rest| memchr::memchr(key, rest))
    {
        let at = i + off;
        if h.get(at..at.saturating_add(n.len())) == Some(n) {
            return true;
        }
        i = at + 1;
    }
    false
}

/// `hay.starts_with(needle)`, with the first three bytes (a CJK character) compared inline
/// first: scanning a word list at every position of a value, most words differ there, and
/// the full comparison (a `memcmp` call) is left for the few that don't.
pub fn starts(hay: &str, needle: &str) -> bool {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    h.len() >= n.len() && n.iter().zip(h).take(3).all(|(a, b)| a == b) && h.starts_with(n)
}

/// `text.trim()`, answering at once when neither end can be white space: a cell's first
/// byte is seldom one that starts a space (ASCII blanks, or C2/E1/E2/E3, which begin U+0085,
/// U+00A0, U+1680, U+2000–U+205F and U+3000) and its last byte seldom one that ends one.
/// Otherwise the character at that end is decoded, and only a space there goes to
/// `str::trim`, so the result is always the same as it.
pub fn trim(text: &str) -> &str {
    let b = text.as_bytes();
    if b.is_empty() {
        return text; // an empty cell: the commonest of all
    }
    let ascii_space = |x: u8| matches!(x, b'\t'..=b'\r' | b' ');
    let start_clear = b
        .first()
        .is_some_and(|&f| !ascii_space(f) && !matches!(f, 0xC2 | 0xE1..=0xE3));
    let end_clear = b.last().is_some_and(|&l| {
        !ascii_space(l) && !matches!(l, 0x80..=0x8A | 0x9F | 0xA0 | 0xA8 | 0xA9 | 0xAF)
    });
    if start_clear && end_clear {
        return text;
    }
    // A byte that may begin or end a space: decode that one character (a cell of Chinese
    // prose often ends in 。, whose last byte could end one).
    let space_at_start = !start_clear && text.chars().next().is_some_and(char::is_whitespace);
    let space_at_end = !end_clear && text.chars().next_back().is_some_and(char::is_whitespace);
    if space_at_start || space_at_end {
        text.trim()
    } else {
        text
    }
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
    fn has_finds_substrings_like_contains() {
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
