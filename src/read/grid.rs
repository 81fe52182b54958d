//! Splits pasted text into a grid of cells: tabs, line breaks and Excel's quoted cells.

use crate::form::{Cell, Loc, Text};
use std::rc::Rc;

/// A pasted sheet: `rows[i]` is sheet row `i + 1`; cells keep their exact text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Grid {
    pub rows: Vec<Vec<Cell>>,
    /// Cells whose opening quote never closed; read literally.
    pub unbalanced_quotes: Vec<Loc>,
}

impl Grid {
    /// The cell at 1-based (row, col), if the row has it.
    pub fn cell(&self, row: u32, col: u32) -> Option<&Cell> {
        let r = self.rows.get((row as usize).checked_sub(1)?)?;
        r.get((col as usize).checked_sub(1)?)
    }
}

/// Parses tab-separated text as Excel and WPS put it on the clipboard. A cell that
/// starts with `"` is quoted when a closing `"` followed by a tab, a line break or the
/// end comes later; inside it `""` is one quote and tabs and line breaks are text.
/// Otherwise the quote is literal text and the cell is recorded in `unbalanced_quotes`.
pub fn parse(text: &str) -> Grid {
    parse_shared(&Rc::from(text))
}

/// `parse` of text already shared: each cell is a range of `text` (a quoted cell with `""`
/// in it, unquoted, has its own).
pub fn parse_shared(buf: &Rc<str>) -> Grid {
    let text: &str = buf;
    let mut grid = Grid::default();
    let bytes = text.as_bytes();
    let mut row: Vec<Cell> = Vec::new();
    let mut pos = 0usize;
    // Earliest position after which no closing quote exists (saves rescans on bad input).
    let mut no_close_from = usize::MAX;
    let row_no = |g: &Grid| (g.rows.len() as u32).saturating_add(1);
    loop {
        let loc = Loc::new(row_no(&grid), (row.len() as u32).saturating_add(1));
        let quoted = if bytes.get(pos) == Some(&b'"') && pos < no_close_from {
            match find_closing_quote(bytes, pos.saturating_add(1)) {
                Some(close) => Some(close),
                None => {
                    no_close_from = pos;
                    None
                }
            }
        } else {
            None
        };
        let (cell_text, next) = match quoted {
            Some(close) => {
                let inner = pos.saturating_add(1)..close;
                let unquoted = match text.get(inner.clone()) {
                    Some(t) if t.contains("\"\"") => Text::from(t.replace("\"\"", "\"")),
                    _ => Text::slice(buf, inner),
                };
                (unquoted, close.saturating_add(1))
            }
            None => {
                if bytes.get(pos) == Some(&b'"') {
                    grid.unbalanced_quotes.push(loc);
                }
                let end = bytes
                    .get(pos..)
                    .and_then(|rest| memchr::memchr3(b'\t', b'\n', b'\r', rest))
                    .map_or(bytes.len(), |i| pos.saturating_add(i));
                (Text::slice(buf, pos..end), end)
            }
        };
        row.push(Cell::new(cell_text, loc));
        match bytes.get(next) {
            Some(b'\t') => pos = next.saturating_add(1),
            Some(b'\r') | Some(b'\n') => {
                let skip = if bytes.get(next) == Some(&b'\r')
                    && bytes.get(next.saturating_add(1)) == Some(&b'\n')
                {
                    2
                } else {
                    1
                };
                // Rows of a table have the same width: the next one is sized like this one.
                let width = row.len();
                grid.rows
                    .push(std::mem::replace(&mut row, Vec::with_capacity(width)));
                pos = next.saturating_add(skip);
                if pos >= bytes.len() {
                    break;
                }
            }
            _ => {
                grid.rows.push(std::mem::take(&mut row));
                break;
            }
        }
    }
    grid
}

/// Brings `grid`, the parse of `before`, up to date with `after` when the two differ
/// inside one line and neither holds a quote (so no cell spans lines): that row is split
/// again, the others kept. Returns false, leaving `grid` as it was, for any other edit.
pub fn patch(grid: &mut Grid, before: &str, after: &str) -> bool {
    let (b, a) = (before.as_bytes(), after.as_bytes());
    if b.contains(&b'"') || a.contains(&b'"') {
        return false;
    }
    let prefix = b.iter().zip(a).take_while(|(x, y)| x == y).count();
    let room = b.len().min(a.len()) - prefix;
    let suffix = b
        .iter()
        .rev()
        .zip(a.iter().rev())
        .take(room)
        .take_while(|(x, y)| x == y)
        .count();
    let is_break = |c: &u8| matches!(c, b'\n' | b'\r');
    let changed = |t: &[u8]| {
        t.get(prefix..t.len() - suffix)
            .is_none_or(|c| c.iter().any(is_break))
    };
    // Right after a CR, the edit may make or break a CR LF pair ("\r\t\n" → "\r\n"):
    // the lines change though no line break was typed.
    let after_cr = prefix.checked_sub(1).and_then(|i| b.get(i)) == Some(&b'\r');
    if changed(b) || changed(a) || after_cr {
        return false;
    }
    // The line around the change, in `after`.
    let start = a
        .get(..prefix)
        .map_or(0, |p| p.iter().rposition(is_break).map_or(0, |i| i + 1));
    let end = a
        .get(a.len() - suffix..)
        .and_then(|s| s.iter().position(is_break))
        .map_or(a.len(), |i| a.len() - suffix + i);
    // Its row: line breaks before it, a CR LF pair counted once.
    let head = a.get(..start).unwrap_or_default();
    let row = head
        .iter()
        .enumerate()
        .filter(|&(i, &c)| c == b'\n' || (c == b'\r' && head.get(i + 1) != Some(&b'\n')))
        .count();
    // An empty last line after a line break is no row (a trailing newline).
    if start == end && end == a.len() && start > 0 {
        return false;
    }
    let (Some(line), Some(slot)) = (after.get(start..end), grid.rows.get_mut(row)) else {
        return false;
    };
    let mut cells = parse(line).rows.pop().unwrap_or_default();
    let row_no = (row as u32).saturating_add(1);
    for c in &mut cells {
        c.loc.row = row_no;
    }
    *slot = cells;
    true
}

/// Index of the quote that closes a quoted cell whose text starts at `from`.
fn find_closing_quote(bytes: &[u8], from: usize) -> Option<usize> {
    let mut i = from;
    while let Some(&b) = bytes.get(i) {
        if b == b'"' {
            match bytes.get(i.saturating_add(1)) {
                Some(b'"') => i = i.saturating_add(2),
                None | Some(b'\t') | Some(b'\n') | Some(b'\r') => return Some(i),
                Some(_) => return None,
            }
        } else {
            i = i.saturating_add(1);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(g: &Grid) -> Vec<Vec<&str>> {
        g.rows
            .iter()
            .map(|r| r.iter().map(|c| c.as_str()).collect())
            .collect()
    }

    #[test]
    fn a_patched_grid_is_the_parse_of_the_edited_text() {
        // (before, after, patched in place?)
        let cases = [
            ("a\tb\nc\td\n", "a\tb\nc\tdx\n", true),
            ("a\tb\nc\td\n", "a\tB\nc\td\n", true),
            ("a\tb\r\nc\td\r\ne\n", "a\tb\r\nc\t\r\ne\n", true),
            ("a\rb\rc", "a\rbb\rc", true),
            ("a\tb\nc\td", "a\tb\nc\td\te", true),
            ("a\tb\nc\td", "a\tb\nc", true),
            ("a\tb\nc\td\n", "a\tb\nc\td\n", false), // nothing to patch
            ("a\n\nb\n", "a\nx\nb\n", true),
            ("a\tb\nc", "a\tb\n", false), // the last row goes
            ("a\tb\n", "a\tb\nc", false), // a row comes
            ("a\tb\nc\n", "a\tb\n\nc\n", false),
            ("a\tb\nc\td\n", "a\tb\tc\td\n", false),
            ("\"x\ny\"\tb\n", "\"x\ny\"\tbb\n", false),
            ("a\tb\n", "a\t\"b\n", false),
            ("\r\t\n", "\r\n", false), // CR and LF now a pair: one row fewer
            ("a\rb\n", "a\r\n", false),
            ("a\r\n", "a\rx\n", false), // a pair broken: one row more
        ];
        for (before, after, patches) in cases {
            let mut g = parse(before);
            let done = patch(&mut g, before, after);
            assert_eq!(done, patches, "{before:?} → {after:?}");
            let want = if done { parse(after) } else { parse(before) };
            assert_eq!(g, want, "{before:?} → {after:?}");
        }
    }

    #[test]
    fn splits_tabs_and_lines() {
        let g = parse("a\tb\r\nc\t\n\td");
        assert_eq!(
            texts(&g),
            vec![vec!["a", "b"], vec!["c", ""], vec!["", "d"]]
        );
        assert_eq!(g.cell(3, 2).unwrap().loc, Loc::new(3, 2));
    }

    #[test]
    fn reads_quoted_cells_with_breaks_and_tabs() {
        let g = parse("\"一\n二\"\tx\n\"say \"\"hi\"\"\"\t\"a\tb\"");
        assert_eq!(
            texts(&g),
            vec![vec!["一\n二", "x"], vec!["say \"hi\"", "a\tb"]]
        );
        assert!(g.unbalanced_quotes.is_empty());
    }

    #[test]
    fn unbalanced_quote_is_literal_and_reported() {
        let g = parse("\"abc\tdef\nghi");
        assert_eq!(texts(&g), vec![vec!["\"abc", "def"], vec!["ghi"]]);
        assert_eq!(g.unbalanced_quotes, vec![Loc::new(1, 1)]);
    }

    #[test]
    fn empty_input_is_one_empty_cell() {
        assert_eq!(texts(&parse("")), vec![vec![""]]);
        assert_eq!(texts(&parse("x\n")), vec![vec!["x"]]);
    }
}
