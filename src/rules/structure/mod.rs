//! Structure and completeness rules (family S), and what the tree rules share: the 一级/二级 groups of a project as the profile's tree sees them.

pub mod amount_cell_holds_text;
pub mod cannot_verify;
pub mod child_weights_do_not_sum;
pub mod common_typo;
pub mod document_number_malformed;
pub mod duplicate_indicator;
pub mod fund_label_misspelled;
pub mod goal_copies_field;
pub mod goal_stated_as_done;
pub mod goal_without_duty_line;
pub mod group_row_in_other_column;
pub mod level1_missing;
pub mod level2_missing;
pub mod midterm_copies_annual;
pub mod misplaced_category;
pub mod not_applicable_disallowed;
pub mod personnel_cost_in_project;
pub mod project_period_open;
pub mod required_cell_empty;
pub mod template_text_left;
pub mod text_too_long;
pub mod too_few_level3;
pub mod unknown_category;

use crate::diagnostic::{Location, Section};
use crate::form::{Cell, Loc, Project, Role};
use crate::memo::FastSet;
use crate::rules::{Context, Reads};
use crate::tree::Placed;

/// What placing rows in the tree reads (`Context::placed`): the 一级 and 二级 labels.
pub const TREE: Reads = Reads::indicators(&[Role::Level1, Role::Level2]);

/// The rows of project `p` placed in the tree.
pub fn rows_of<'c, 'a>(cx: &'c Context<'a>, p: usize) -> impl Iterator<Item = &'c Placed<'a>> {
    cx.placed().iter().filter(move |x| x.project == p)
}

/// The 一级 entries project `p` has (by tree index), in order.
pub fn present_level1(cx: &Context, p: usize) -> Vec<usize> {
    set_of(rows_of(cx, p).filter_map(|x| x.level1))
}

/// The distinct tree indices among `items`, in order: a sorted vector, each inserted where
/// it belongs (a tree has a handful of entries; a `BTreeSet` compiled some twenty functions
/// into the page's module).
pub fn set_of(items: impl Iterator<Item = usize>) -> Vec<usize> {
    let mut set = Vec::new();
    for item in items {
        if let Err(at) = set.binary_search(&item) {
            set.insert(at, item);
        }
    }
    set
}

/// For a table that may have been cut short (no 总分 row, running to the end of the
/// input): the last 一级 it reaches. Entries after it can't be judged missing.
pub fn cut_after(cx: &Context, p: usize) -> Option<usize> {
    let project = cx.form.projects.get(p)?;
    if !project.open_ended {
        return None;
    }
    // A table with no 一级 label at all tells nothing of where it was cut: none can be
    // judged missing (the unlabelled rows are S007's).
    Some(
        present_level1(cx, p)
            .into_iter()
            .max()
            .unwrap_or(usize::MAX),
    )
}

/// The 1-based sheet row of the project's last indicator: where a missing part would go.
pub fn last_row(cx: &Context, p: usize) -> Option<u32> {
    rows_of(cx, p)
        .map(|x| x.indicator.row)
        .filter(|r| *r > 0)
        .max()
}

/// A location that marks a whole row of the indicator table.
pub fn row_location(cx: &Context, row: Option<u32>) -> Location {
    Location {
        form: cx.form_index,
        section: Some(Section::Indicators),
        row,
        column: None,
        field: None,
        cell_text: None,
    }
}

/// Distinct label cells (a filled-down 一级/二级 label is one cell written once).
pub fn distinct<'a>(cells: impl Iterator<Item = &'a Cell>) -> Vec<&'a Cell> {
    // Hashed, as the other rules' sets of label cells are (one map type for all): a form
    // may have thousands of them, not all in sheet order (headings come after rows).
    let mut seen: FastSet<(Loc, &str)> = FastSet::default();
    cells.filter(|c| seen.insert((c.loc, c.as_str()))).collect()
}

/// "产出指标、效益指标、满意度指标".
pub fn list(names: impl Iterator<Item = impl AsRef<str>>) -> String {
    names
        .map(|n| n.as_ref().to_string())
        .collect::<Vec<_>>()
        .join("、")
}

/// Every cell of a project with its section and role: the project's own cells, its
/// funding cells, and each indicator's 三级 name and cells.
pub fn cells_of(project: &Project, summary: bool) -> Vec<(Section, Role, &Cell)> {
    let (own, funding, indicators) = if summary {
        (Section::Projects, Section::Projects, Section::Projects)
    } else {
        (Section::Indicators, Section::Funding, Section::Indicators)
    };
    // Counted first: several rules ask for every cell of every project on each check.
    let funding_cells: usize = project.funding.iter().map(|r| r.cells.0.len()).sum();
    let indicator_cells: usize = project
        .indicators
        .iter()
        .map(|i| i.cells.0.len().saturating_add(1))
        .sum();
    let n = project
        .cells
        .0
        .len()
        .saturating_add(funding_cells)
        .saturating_add(indicator_cells);
    let mut out: Vec<(Section, Role, &Cell)> = Vec::with_capacity(n);
    out.extend(project.cells.0.iter().map(|(r, c)| (own, *r, c)));
    for row in &project.funding {
        out.extend(row.cells.0.iter().map(|(r, c)| (funding, *r, c)));
    }
    for ind in &project.indicators {
        if let Some(c) = &ind.level3 {
            out.push((indicators, Role::Level3, c));
        }
        out.extend(ind.cells.0.iter().map(|(r, c)| (indicators, *r, c)));
    }
    out
}
