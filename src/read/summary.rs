//! Reads a summary self-evaluation table (汇总自评表): a fixed prefix of columns, one target/result pair per 二级 indicator, and a tail — aligned by content when rows or headers lack cells.

use super::grid::Grid;
use super::headers::{fund_source_of, label_key, normalize_label, role_of};
use crate::diagnostic::{Diagnostic, Location, Msg, Section};
use crate::form::{Cell, Cells, FundSource, FundingRow, Indicator, Loc, Project, Role, Text};
use crate::memo::{push_len, Memo};
use crate::money::{parse_amount, parse_percent, AmountCell};
use crate::rules::registry::Code;
use crate::span::has;

/// What one prefix column holds.
#[derive(Debug, Clone, PartialEq)]
enum Slot {
    Role(Role),
    Spent(FundSource),
}

impl Slot {
    fn zh(&self) -> String {
        match self {
            Slot::Role(r) => r.zh().to_string(),
            Slot::Spent(FundSource::Total) => "实际支出合计".to_string(),
            Slot::Spent(FundSource::Fiscal) => "财政拨款".to_string(),
            Slot::Spent(FundSource::NonFiscal) => "非财政资金".to_string(),
            Slot::Spent(s) => format!("{s:?}"),
        }
    }

    fn en(&self) -> String {
        match self {
            Slot::Role(r) => r.en().to_string(),
            Slot::Spent(FundSource::Total) => "total spending".to_string(),
            Slot::Spent(FundSource::Fiscal) => "fiscal appropriation".to_string(),
            Slot::Spent(FundSource::NonFiscal) => "non-fiscal funds".to_string(),
            Slot::Spent(s) => format!("{s:?}"),
        }
    }

    fn accepts(&self, cell: Option<&Cell>) -> bool {
        let Some(cell) = cell else { return false };
        let t = cell.trimmed();
        if t.is_empty() {
            return true;
        }
        match self {
            Slot::Role(Role::Index) => t.chars().all(|c| c.is_ascii_digit()),
            Slot::Role(Role::BudgetAdjusted) | Slot::Spent(_) => {
                !t.contains(['%', '％']) && !matches!(parse_amount(t), AmountCell::Invalid)
            }
            Slot::Role(Role::Rate) => t.contains(['%', '％']) && parse_percent(t).is_some(),
            _ => parse_percent(t).is_none() || !matches!(parse_amount(t), AmountCell::Value(..)),
        }
    }
}

fn canonical_rank(s: &Slot) -> u8 {
    match s {
        Slot::Role(Role::Index) => 0,
        Slot::Role(Role::UnitName) => 1,
        Slot::Role(Role::ProjectName) => 2,
        Slot::Role(Role::BudgetAdjusted) => 3,
        Slot::Spent(FundSource::Total) => 4,
        Slot::Spent(FundSource::Fiscal) => 5,
        Slot::Spent(_) => 6,
        Slot::Role(Role::Rate) => 7,
        Slot::Role(Role::Goal) => 8,
        Slot::Role(Role::Overall) => 9,
        Slot::Role(_) => 10,
    }
}

/// One 二级 indicator announced by the header, read as a (target, result) pair.
struct Group {
    /// The `LEVEL2` entry the header names (数量, 质量 …).
    name: &'static str,
    level1: Option<Cell>,
    level2: Cell,
    /// Words typical of this group's cells, for locating a missing cell.
    cues: &'static [&'static str],
}

/// The level-2 names a summary header uses, with their level-1 group and content cues.
const LEVEL2: &[(&str, &str, &[&str])] = &[
    ("数量", "产出", &["数量", "完成", "个", "场", "次", "家"]),
    ("质量", "产出", &["质量", "合格", "验收", "达标", "%", "率"]),
    ("时效", "产出", &["及时", "按时", "时间", "月", "前"]),
    ("成本", "产出", &["成本", "费用", "元"]),
    ("经济效益", "效益", &["经济", "成本", "损失"]),
    ("社会效益", "效益", &["社会", "安全", "提高"]),
    ("生态效益", "效益", &["生态", "环境"]),
    ("可持续", "效益", &["长效", "持续"]),
    ("满意度", "满意度", &["满意"]),
];

/// The `LEVEL2` entry a header label names; `n` is already `normalize_label`led.
fn level2_of(n: &str) -> Option<&'static (&'static str, &'static str, &'static [&'static str])> {
    if has(n, "目标") && !has(n, "指标") {
        return None;
    }
    LEVEL2.iter().find(|(name, _, _)| has(n, name))
}

/// Rows above a summary table searched for what the prose says the table is.
const PROSE_ABOVE: usize = 8;

/// What the prose just above a summary says the table holds, where the self-evaluation
/// checks can't apply, said once each (S027, info): the results of 重点绩效评价 (evaluations
/// made by the finance bureau or a third party, not the units' own self-evaluation), and a
/// span of years (2020年以来) instead of one budget year.
pub fn evaluation_notes(grid: &Grid, start: usize, form: usize) -> Vec<Diagnostic> {
    const EVALUATION: &[&str] = &["重点绩效评价", "重点评价", "第三方绩效评价", "第三方评价"];
    let mut out = Vec::new();
    let (mut said_kind, mut said_years) = (false, false);
    let rows = grid
        .rows
        .get(start.saturating_sub(PROSE_ABOVE)..start)
        .unwrap_or(&[]);
    for cell in rows.iter().flatten().filter(|c| !c.is_blank()) {
        let t = cell.as_str();
        // A note at the words that say it, in this cell.
        let note = |span: &str, message: Msg, help: Msg| {
            let at = Location {
                form,
                section: Some(Section::Form),
                row: Some(cell.loc.row),
                column: Some(cell.loc.col),
                field: None,
                cell_text: Some(span.into()),
            };
            Diagnostic::new(Code::S027, at, message, help)
        };
        if let Some(word) = EVALUATION
            .iter()
            .find(|w| t.contains(*w))
            .filter(|_| !said_kind)
        {
            said_kind = true;
            out.push(note(
                word,
                Msg::new(
                    format!("表前说明称这是“{word}”的结果：这是财政部门或第三方的评价结果汇总，不是单位自评表；自评表的指标、执行率等检查不适用，未核对"),
                    format!("The text above says these are results of \"{word}\": evaluations by the finance bureau or a third party, not the units' self-evaluations; the self-evaluation checks (indicators, rates) do not apply and were not made"),
                ),
                Msg::new(
                    "单位自评请按项目填写绩效自评表（含指标、目标值和实际完成值）后再检查",
                    "For a unit's self-evaluation, fill in the project's self-evaluation form (indicators, targets and results) and check that",
                ),
            ));
        }
        if said_years {
            continue;
        }
        if let Some(span) = years_since(t) {
            said_years = true;
            out.push(note(
                span,
                Msg::new(
                    format!("表前说明的范围是“{span}”，不是单一预算年度：按年度核对的内容（年度预算、执行率、时间进度）未核对"),
                    format!("The text above covers \"{span}\", not one budget year: what is checked by year (annual budget, rate, time progress) was not"),
                ),
                Msg::new(
                    "按年度分别列示各项目的预算和执行，或在表题中写明所评价的预算年度",
                    "List each project's budget and spending by year, or name the budget year evaluated in the title",
                ),
            ));
        }
    }
    out
}

/// "2020年以来" in a text: four digits, 年以来.
fn years_since(t: &str) -> Option<&str> {
    let at = t.find("年以来")?;
    let start = at.checked_sub(4)?;
    let year = t.get(start..at)?;
    year.bytes()
        .all(|b| b.is_ascii_digit())
        .then(|| t.get(start..at.checked_add("年以来".len())?))
        .flatten()
}

/// Reads header rows from `start` and the data rows after them. Returns the projects,
/// the index of the first row after the table, and layout diagnostics.
pub fn read(grid: &Grid, start: usize, form: usize) -> (Vec<Project>, usize, Vec<Diagnostic>) {
    let rows = &grid.rows;
    let is_data = |row: &Vec<Cell>| {
        let first = row.iter().find(|c| !c.is_blank());
        first.is_some_and(|c| c.trimmed().chars().all(|ch| ch.is_ascii_digit()))
            && row.iter().filter(|c| !c.is_blank()).nth(3).is_some()
    };
    let mut data_start = start + 1;
    while data_start < rows.len()
        && data_start < start + 4
        && !rows.get(data_start).is_some_and(is_data)
    {
        data_start += 1;
    }
    let header_rows = rows.get(start..data_start).unwrap_or(&[]);

    // Announced columns, in header column order within each part.
    let mut prefix: Vec<(usize, Slot, Cell)> = Vec::new();
    let mut tail: Vec<(usize, Role, Cell)> = Vec::new();
    let mut groups: Vec<(usize, Group)> = Vec::new();
    let mut level1_cells: Vec<(&str, Cell)> = Vec::new();
    // A label met again adds nothing (each part keeps the first column announcing it), and
    // a summary's sub-header repeats 年度指标内容 / 完成情况 once per group.
    let mut seen: Vec<&str> = Vec::new();
    for row in header_rows {
        for (c, cell) in row.iter().enumerate() {
            if seen.contains(&cell.as_str()) {
                continue;
            }
            seen.push(cell.as_str());
            let n = label_key(&cell.text);
            if n.is_empty() {
                continue;
            }
            for key in ["产出", "效益", "满意度"] {
                if has(&n, key) && has(&n, "目标") && !has(&n, "指标") {
                    level1_cells.push((key, cell.clone()));
                }
            }
            if let Some(entry) = level2_of(&n) {
                if !groups.iter().any(|(_, g)| g.name == entry.0) {
                    groups.push((
                        c,
                        Group {
                            name: entry.0,
                            level1: None,
                            level2: cell.clone(),
                            cues: entry.2,
                        },
                    ));
                }
                continue;
            }
            let slot = match (&*n, role_of(&n)) {
                ("合计", _) | ("财政拨款", _) | ("非财政资金", _) => {
                    fund_source_of(&n).map(Slot::Spent)
                }
                (_, Some(r @ (Role::Problems | Role::Rectification))) => {
                    if !tail.iter().any(|(_, t, _)| *t == r) {
                        tail.push((c, r, cell.clone()));
                    }
                    None
                }
                (
                    _,
                    Some(
                        r @ (Role::Index
                        | Role::UnitName
                        | Role::ProjectName
                        | Role::BudgetAdjusted
                        | Role::Rate
                        | Role::Goal
                        | Role::Overall),
                    ),
                ) => Some(Slot::Role(r)),
                _ => None,
            };
            if let Some(s) = slot {
                if !prefix.iter().any(|(_, p, _)| *p == s) {
                    prefix.push((c, s, cell.clone()));
                }
            }
        }
    }
    // The prefix follows the layout's order (序号 … 执行率, 目标, 完成情况): headers
    // flattened from merged cells often place a group's sub-columns out of order.
    sort_small(&mut prefix, |(_, s, _)| usize::from(canonical_rank(s)));
    sort_small(&mut tail, |(c, _, _)| *c);
    sort_small(&mut groups, |(c, _)| *c);
    for (_, g) in &mut groups {
        let key = LEVEL2.iter().find(|e| e.0 == g.name).map_or("", |e| e.1);
        g.level1 = level1_cells
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, c)| c.clone());
    }

    // The funding rows' labels, made once and shared by every project's rows.
    let labels = ["合计", "财政拨款", "非财政资金"].map(Text::from);
    let mut projects = Vec::new();
    let mut diags = Vec::new();
    let mut skipped_everywhere: Option<Vec<usize>> = None;
    let mut i = data_start;
    while let Some(row) = rows.get(i) {
        if row.iter().all(Cell::is_blank) {
            i += 1;
            continue;
        }
        if !is_data(row) {
            break;
        }
        let rownum = (i as u32) + 1;
        let (project, skipped, mut row_diags) =
            read_row(row, rownum, form, &prefix, &groups, &tail, &labels);
        skipped_everywhere = Some(match skipped_everywhere {
            None => skipped,
            Some(prev) => prev.into_iter().filter(|k| skipped.contains(k)).collect(),
        });
        projects.push(project);
        diags.append(&mut row_diags);
        i += 1;
    }
    for k in skipped_everywhere.unwrap_or_default() {
        let Some((c, slot, cell)) = prefix.get(k) else {
            continue;
        };
        diags.push(Diagnostic::new(
            Code::S004,
            Location {
                form,
                section: Some(Section::Projects),
                row: Some(cell.loc.row),
                column: Some((*c as u32) + 1),
                field: None,
                cell_text: Some(cell.text.clone()),
            },
            Msg::new(
                format!("表头列出了「{}」列，但所有数据行都没有这一列，数据行的单元格因此比表头左移一列", slot.zh()),
                format!("The header announces a \"{}\" column that no data row carries, so data cells sit one column left of their headers", slot.en()),
            ),
            Msg::new(
                "已按单元格内容对齐读取（金额、百分比各归其列）。若确有该项数据，请补上这一列；否则删去表头中的该列，使表头与数据对齐",
                "The rows were aligned by content. Add the column to the data if it exists, or remove it from the header",
            ),
        ));
    }
    (projects, i, diags)
}

/// A stable insertion sort for the few header columns: `sort_by_key` compiles ~5 KB of
/// sorting code per element type into the page's module; this, a few hundred bytes.
fn sort_small<T>(v: &mut [T], key: impl Fn(&T) -> usize) {
    for i in 1..v.len() {
        let mut j = i;
        while j > 0 && v.get(j - 1).map(&key) > v.get(j).map(&key) {
            v.swap(j - 1, j);
            j -= 1;
        }
    }
}

type RowRead = (Project, Vec<usize>, Vec<Diagnostic>);

fn read_row(
    row: &[Cell],
    rownum: u32,
    form: usize,
    prefix: &[(usize, Slot, Cell)],
    groups: &[(usize, Group)],
    tail: &[(usize, Role, Cell)],
    labels: &[Text; 3],
) -> RowRead {
    // Sized up front: a summary table has hundreds of these small vectors, and growing each
    // one push by push was a fifth of reading seed 004.
    let mut project = Project {
        row: rownum,
        cells: Cells(Vec::with_capacity(prefix.len() + tail.len())),
        funding: Vec::with_capacity(3),
        indicators: Vec::with_capacity(groups.len()),
        ..Project::default()
    };
    let mut diags = Vec::new();
    let mut skipped = Vec::new();
    let mut ci = 0usize;
    let mut total = Cells(Vec::with_capacity(3));
    let mut spent: Vec<(FundSource, Cell)> = Vec::with_capacity(2);
    for (k, (_, slot, _)) in prefix.iter().enumerate() {
        let cell = row.get(ci);
        // A typed column the data lacks: skip it when the cell fits what comes next
        // (the next prefix column, or the indicator pairs, which take any text).
        let next_accepts = || {
            prefix
                .get(k + 1)
                .map_or(cell.is_some_and(|c| !c.is_blank()), |(_, next, _)| {
                    next.accepts(cell)
                })
        };
        if !slot.accepts(cell) && next_accepts() {
            skipped.push(k);
            continue;
        }
        let Some(cell) = cell.cloned() else { break };
        ci += 1;
        match slot {
            Slot::Role(Role::ProjectName) => project.name = Some(cell),
            Slot::Role(Role::BudgetAdjusted) => total.push(Role::BudgetAdjusted, cell),
            Slot::Role(Role::Rate) => total.push(Role::Rate, cell),
            Slot::Role(r) => project.cells.push(*r, cell),
            Slot::Spent(FundSource::Total) => total.push(Role::Executed, cell),
            Slot::Spent(s) => spent.push((s.clone(), cell)),
        }
    }
    let label = |text: &Text| Cell::new(text.clone(), Loc::new(rownum, 0));
    let [total_label, fiscal_label, non_fiscal_label] = labels;
    project.funding.push(FundingRow {
        label: label(total_label),
        source: FundSource::Total,
        cells: total,
    });
    for (source, cell) in spent {
        let cells = Cells(vec![(Role::Executed, cell)]);
        project.funding.push(FundingRow {
            label: label(if source == FundSource::NonFiscal {
                non_fiscal_label
            } else {
                fiscal_label
            }),
            source,
            cells,
        });
    }

    // Pairs and tail: everything after the prefix up to the last non-blank cell.
    let last = row.iter().rposition(|c| !c.is_blank()).map_or(0, |p| p + 1);
    let rest: &[Cell] = row.get(ci..last).unwrap_or(&[]);
    let need = groups.len() * 2;
    // Slot `k` of the pairs holds `rest[k]`, except in a row one cell short, where the
    // cell judged missing leaves slot `gap` empty and shifts the rest one slot right.
    let mut gap = None;
    if need > 0 && rest.len() + 1 == need {
        let (at, ties) = best_gap_remembered(rest, groups);
        // The lone cell of the incomplete pair is where the shift shows.
        let lone = if at % 2 == 0 {
            rest.get(at)
        } else {
            at.checked_sub(1).and_then(|k| rest.get(k))
        };
        diags.push(short_row(rownum, form, lone, groups, at, &ties));
        gap = Some(at);
    } else if rest.len() < need && !rest.is_empty() {
        diags.push(cells_missing(rownum, form, row, need - rest.len()));
    }
    let slot = |k: usize| match gap {
        Some(g) if k == g => None,
        Some(g) if k > g => rest.get(k - 1),
        _ => rest.get(k),
    };
    let extra = rest.get(need..).unwrap_or(&[]);
    for (g, (_, group)) in groups.iter().enumerate() {
        let mut ind = Indicator {
            row: rownum,
            level1: group.level1.clone(),
            level2: Some(group.level2.clone()),
            level3: None,
            cells: Cells(Vec::with_capacity(2)),
            midterm: false,
        };
        if let Some(t) = slot(2 * g) {
            ind.cells.push(Role::Target, t.clone());
        }
        if let Some(a) = slot(2 * g + 1) {
            ind.cells.push(Role::Actual, a.clone());
        }
        project.indicators.push(ind);
    }
    // Tail columns (存在的问题, 整改情况) follow the pairs; blank ones keep their position.
    let pairs_end = ci + rest.len().min(need);
    for (k, (_, role, _)) in tail.iter().enumerate() {
        let cell = extra.get(k).cloned().unwrap_or_else(|| {
            let idx = pairs_end + k;
            row.get(idx)
                .cloned()
                .unwrap_or_else(|| Cell::new("", Loc::new(rownum, (idx as u32) + 1)))
        });
        project.cells.push(*role, cell);
    }
    if let Some(cell) = extra.get(tail.len()) {
        diags.push(extra_cell(rownum, form, cell));
    }
    (project, skipped, diags)
}

thread_local! {
    /// `best_gap`'s answer (the slot, and the slots tying with it as bits), by the groups'
    /// names and the row's texts: weighing a short row's cells against every slot was a tenth
    /// of checking seed 004 (three short rows), and checking a table again after a keystroke
    /// weighs again only a row whose text changed.
    static GAPS: Memo<Option<(usize, usize)>> = Memo::default();
}

/// `best_gap`, remembered.
fn best_gap_remembered(rest: &[Cell], groups: &[(usize, Group)]) -> (usize, Vec<usize>) {
    let need = groups.len() * 2;
    if need > usize::BITS as usize {
        return best_gap(rest, groups);
    }
    let found = GAPS.with(|m| {
        m.get_or_built(
            // The row has 2 × groups − 1 cells here, so the parts split into names and
            // texts one way only.
            |key| {
                for (_, g) in groups {
                    push_len(key, g.name);
                }
                for c in rest {
                    push_len(key, c.trimmed());
                }
            },
            || {
                let (gap, ties) = best_gap(rest, groups);
                Some((gap, ties.iter().fold(0, |bits, t| bits | 1 << t)))
            },
        )
    });
    // Always `Some`: the table shares `Option<(usize, usize)>` with S016's, so it adds no
    // hash-table code to the page's module.
    let Some((gap, bits)) = found else {
        return best_gap(rest, groups);
    };
    (gap, (0..need).filter(|t| bits & (1 << t) != 0).collect())
}

/// Where one missing cell most likely is: the slot whose removal makes the pairs most
/// coherent (不适用 in both cells, a copy of the target, a name followed by a figure,
/// words typical of the group). Returns the chosen slot and all slots that tie with it.
fn best_gap(rest: &[Cell], groups: &[(usize, Group)]) -> (usize, Vec<usize>) {
    let need = groups.len() * 2;
    // What each cell is, computed once: 不适用, has a figure, and which groups' cue words it
    // holds. With one cell missing, cell `k` sits in slot `k` or `k + 1`, so only those
    // slots' groups can score its cues.
    let facts: Vec<CellFacts> = rest
        .iter()
        .enumerate()
        .map(|(k, c)| {
            let t = c.trimmed();
            let na = t == "不适用";
            let cued = |g: usize| {
                !na && groups
                    .get(g)
                    .is_some_and(|(_, g)| g.cues.iter().any(|w| has(t, w)))
            };
            CellFacts {
                text: t,
                na,
                figure: t.bytes().any(|b| b.is_ascii_digit() || b == b'%'),
                cues: [(k / 2, cued(k / 2)), (k.div_ceil(2), cued(k.div_ceil(2)))],
            }
        })
        .collect();
    let mut best = (i64::MIN, 0usize);
    let mut scores = Vec::with_capacity(need);
    for gap in 0..need {
        let at = |slot: usize| -> Option<&CellFacts> {
            match slot.cmp(&gap) {
                std::cmp::Ordering::Equal => None,
                std::cmp::Ordering::Less => facts.get(slot),
                std::cmp::Ordering::Greater => facts.get(slot - 1),
            }
        };
        let score: i64 = (0..groups.len())
            .map(|g| pair_score(at(2 * g), at(2 * g + 1), g))
            .sum();
        scores.push(score);
        if score > best.0 {
            best = (score, gap);
        }
    }
    let ties = scores
        .iter()
        .enumerate()
        .filter(|(_, s)| **s == best.0)
        .map(|(k, _)| k)
        .collect();
    (best.1, ties)
}

struct CellFacts<'a> {
    text: &'a str,
    na: bool,
    figure: bool,
    /// For the (at most two) groups the cell can fall in: does it hold one of their cue words?
    cues: [(usize, bool); 2],
}

fn pair_score(t: Option<&CellFacts>, a: Option<&CellFacts>, group: usize) -> i64 {
    let na = |c: Option<&CellFacts>| c.is_some_and(|c| c.na);
    let mut score = 0;
    match (t, a) {
        (Some(_), Some(_)) if na(t) && na(a) => score += 2,
        (Some(_), Some(_)) if na(t) || na(a) => score -= 3,
        (None, _) | (_, None) if na(t) || na(a) => score -= 2,
        (Some(x), Some(y)) => {
            // Copying the target into the result cell is common in these forms.
            if x.text == y.text {
                score += 2;
            }
            if !x.figure && y.figure {
                score += 1;
            }
        }
        _ => {}
    }
    for c in [t, a].into_iter().flatten() {
        if c.cues.iter().any(|&(g, cued)| g == group && cued) {
            score += 1;
        }
    }
    score
}

fn loc(form: usize, rownum: u32, cell: Option<&Cell>) -> Location {
    Location {
        form,
        section: Some(Section::Projects),
        row: Some(rownum),
        column: cell.map(|c| c.loc.col),
        field: None,
        cell_text: cell.map(|c| c.text.clone()),
    }
}

fn short_row(
    rownum: u32,
    form: usize,
    lone: Option<&Cell>,
    groups: &[(usize, Group)],
    gap: usize,
    ties: &[usize],
) -> Diagnostic {
    let group_name = |slot: usize| {
        groups
            .get(slot / 2)
            .map_or(String::new(), |(_, g)| normalize_label(&g.level2.text))
    };
    let part = |slot: usize| {
        if slot.is_multiple_of(2) {
            "年度指标内容"
        } else {
            "完成情况"
        }
    };
    let same_pair = ties.iter().all(|t| t / 2 == gap / 2);
    let what_zh = if same_pair && ties.len() > 1 {
        format!("「{}」的年度指标内容或完成情况", group_name(gap))
    } else if ties.len() > 1 {
        let names: Vec<String> = ties
            .iter()
            .map(|t| format!("「{}」{}", group_name(*t), part(*t)))
            .collect();
        format!("{} 之一（无法唯一确定）", names.join("、"))
    } else {
        format!("「{}」的{}", group_name(gap), part(gap))
    };
    Diagnostic::new(
        Code::S003,
        loc(form, rownum, lone),
        Msg::new(
            format!("第 {rownum} 行比其他行少一个单元格，其后的单元格整体左移；按内容推断缺少的是{what_zh}"),
            format!("Row {rownum} has one cell fewer than the other rows, so later cells shift left; by content the missing cell is the {} of \"{}\"", if gap.is_multiple_of(2) { "target" } else { "result" }, group_name(gap)),
        ),
        Msg::new(
            "已按推断对齐读取该行。请在表格中补上缺少的单元格（无内容可填“不适用”），使各列与表头对齐后再提交",
            "The row was read with that alignment. Insert the missing cell (write 不适用 if nothing applies) so the columns line up with the header",
        ),
    )
}

fn cells_missing(rownum: u32, form: usize, row: &[Cell], missing: usize) -> Diagnostic {
    let last = row.iter().rev().find(|c| !c.is_blank());
    Diagnostic::new(
        Code::S003,
        loc(form, rownum, last),
        Msg::new(
            format!("第 {rownum} 行比表头少 {missing} 个指标单元格，无法确定缺少哪几列"),
            format!("Row {rownum} has {missing} indicator cells fewer than the header; which columns are missing can't be told"),
        ),
        Msg::new(
            "已按顺序读取该行，后面的指标可能错位。请补齐该行的单元格（无内容可填“不适用”）",
            "The row was read in order and later indicators may be misplaced. Fill in the row's missing cells (write 不适用 if nothing applies)",
        ),
    )
}

fn extra_cell(rownum: u32, form: usize, cell: &Cell) -> Diagnostic {
    Diagnostic::new(
        Code::S005,
        loc(form, rownum, Some(cell)),
        Msg::new(
            format!("第 {rownum} 行比表头多出单元格（从第 {} 列起），多出的内容未归入任何列", cell.loc.col),
            format!("Row {rownum} has more cells than the header (from column {}); the extra text belongs to no column", cell.loc.col),
        ),
        Msg::new(
            "检查该行是否有单元格被拆分或多了一列，使各列与表头对齐",
            "Check whether a cell was split or a column added, so the columns line up with the header",
        ),
    )
}

#[cfg(test)]
mod tests {
    #[test]
    fn finds_a_span_of_years_since() {
        let cases = [
            ("本次评价针对2020年以来实施的政策和项目", Some("2020年以来")),
            ("2021年以来", Some("2021年以来")),
            ("近年以来", None),
            ("20年以来", None),
            ("2020年度", None),
        ];
        for (text, want) in cases {
            assert_eq!(super::years_since(text), want, "{text}");
        }
    }
}
