//! An indicator table that grades each indicator in bands instead of giving it one target
//! (河北's 2019 templates): 绩效指标分类 | 绩效指标 | 绩效指标描述 | 绩效指标评价标准 over
//! 优 | 良 | 中 | 差 | 评价标准确定依据. There is no 二级 level; each band's threshold is read
//! as a `Role::Band` cell, in the header's order, and the description as the explanation.

use super::grid::Grid;
use super::headers::label_key;
use crate::form::{Cell, Cells, Indicator, Role};

/// The grades a band header names, best first.
const GRADES: &[&str] = &["优", "良", "中", "差"];

/// The columns of a band table: 分类 (一级), 指标 (三级), 描述, the bands, and 依据.
pub struct Columns {
    level1: usize,
    level3: usize,
    description: Option<usize>,
    bands: Vec<usize>,
    basis: Option<usize>,
}

/// The columns when row `i` heads a band table (its grades on the row below), else `None`.
pub fn heads(grid: &Grid, i: usize) -> Option<Columns> {
    let header = grid.rows.get(i)?;
    let below = grid.rows.get(i + 1)?;
    let col = |want: &[&str]| {
        header
            .iter()
            .position(|c| want.contains(&label_key(c.trimmed()).as_ref()))
    };
    let level1 = col(&["绩效指标分类", "指标分类"])?;
    let level3 = col(&["绩效指标", "指标名称"])?;
    let bands: Vec<usize> = below
        .iter()
        .enumerate()
        .filter(|(_, c)| GRADES.contains(&c.trimmed()))
        .map(|(k, _)| k)
        .collect();
    if bands.len() < 3 || bands.iter().any(|&k| k <= level3) {
        return None;
    }
    Some(Columns {
        level1,
        level3,
        description: col(&["绩效指标描述", "指标描述", "指标解释"]),
        bands,
        basis: col(&["评价标准确定依据", "确定依据", "评价依据"]),
    })
}

/// Reads the rows under a band header from `start` (the header row); returns the
/// indicators and the index of the first row after the table.
pub fn read(grid: &Grid, start: usize, cols: &Columns) -> (Vec<Indicator>, usize) {
    let mut out = Vec::new();
    let mut last1: Option<Cell> = None;
    let mut i = start + 2;
    while let Some(row) = grid.rows.get(i) {
        let at = |k: usize| row.get(k).filter(|c| !c.is_blank()).cloned();
        let Some(name) = at(cols.level3) else {
            break;
        };
        if cols.bands.iter().all(|&k| at(k).is_none()) {
            break;
        }
        if let Some(l1) = at(cols.level1) {
            last1 = Some(l1);
        }
        let mut cells = Cells::default();
        if let Some(d) = cols.description.and_then(at) {
            cells.push(Role::Explanation, d);
        }
        for &k in &cols.bands {
            if let Some(band) = row.get(k) {
                cells.push(Role::Band, band.clone());
            }
        }
        if let Some(b) = cols.basis.and_then(at) {
            cells.push(Role::Criterion, b);
        }
        out.push(Indicator {
            row: name.loc.row,
            level1: last1.clone(),
            level2: None,
            level3: Some(name),
            cells,
            midterm: false,
        });
        i += 1;
    }
    (out, i)
}
