//! Reads a table of projects with their money, one project a row (预算执行情况表 of a 监控 form): a header of one or two rows whose top row may group columns — 预算额度 over 合计 and its sources, 截止9月30日预算执行进度 over the same — and each row's budget, spending and rate as that project's funding.

use super::grid::Grid;
use super::headers::label_key;
use crate::form::{Cell, Cells, FundSource, FundingRow, Loc, Project, Role};
use crate::money::{parse_amount, parse_percent, AmountCell};
use crate::span::has;

/// What a column of the table holds.
#[derive(Debug, Clone, PartialEq)]
enum Column {
    Name,
    /// An amount of the budget (`Role::BudgetAdjusted`) or of spending (`Role::Executed`),
    /// for the total or one source.
    Money(Role, FundSource, Cell),
    Rate,
    /// The project's evaluation score (评分情况).
    Score,
}

/// A column title's role in a table of projects: the headers' roles, and the titles of a
/// table of evaluated projects (重点绩效评价结果: 评价政策或项目资金名称 | 资金规模 | 评分情况),
/// which elsewhere (a scoring table's 评分情况 beside its 得分) mean something else.
pub fn role_of(title: &str) -> Option<Role> {
    let n = label_key(title);
    if has(&n, "项目资金名称") {
        Some(Role::ProjectName)
    } else if has(&n, "资金规模") {
        Some(Role::BudgetAdjusted)
    } else if n == "评分情况" {
        Some(Role::Score)
    } else {
        super::headers::role_of(title)
    }
}

/// The money group a top-row title announces over the columns below it.
fn group_of(title: &str) -> Option<Role> {
    let n = label_key(title);
    match role_of(title) {
        Some(Role::BudgetInitial | Role::BudgetAdjusted) => Some(Role::BudgetAdjusted),
        Some(Role::Executed) => Some(Role::Executed),
        _ if has(&n, "执行进度") || has(&n, "执行情况") || has(&n, "支出") => {
            Some(Role::Executed)
        }
        _ if has(&n, "预算") => Some(Role::BudgetAdjusted),
        _ => None,
    }
}

/// A short cell with no figure: a title, not a value.
fn is_title_cell(c: &Cell) -> bool {
    let t = c.trimmed();
    !t.is_empty()
        && t.chars().count() <= 24
        && !t.bytes().any(|b| b.is_ascii_digit())
        && !t.contains(['%', '％'])
}

/// True when `header` (and the row under it) head a project table this reader reads: a
/// 项目名称 column and money columns, and no indicator groups (a 汇总自评表's 数量/质量 pairs
/// are `summary`'s).
pub fn heads_table(grid: &Grid, start: usize) -> bool {
    let Some(header) = grid.rows.get(start) else {
        return false;
    };
    let named = header
        .iter()
        .any(|c| role_of(&c.text) == Some(Role::ProjectName));
    let money = header
        .iter()
        .filter(|c| is_title_cell(c))
        .any(|c| group_of(&c.text).is_some() || role_of(&c.text) == Some(Role::Rate));
    let band = grid.rows.get(start..(start + 2).min(grid.rows.len()));
    let indicators = band.into_iter().flatten().flatten().any(|c| {
        let n = label_key(&c.text);
        ["数量", "质量", "时效", "效益", "满意度"]
            .iter()
            .any(|w| has(&n, w))
    });
    named && money && !indicators
}

/// The table's columns, from its header row and the row of sub-titles under it if any.
/// Returns them and the first data row.
fn columns(grid: &Grid, start: usize) -> (Vec<(usize, Column)>, usize) {
    let empty = Vec::new();
    let top = grid.rows.get(start).unwrap_or(&empty);
    let below = grid.rows.get(start + 1);
    let sub = below.filter(|r| {
        r.iter().any(|c| !c.is_blank()) && r.iter().filter(|c| !c.is_blank()).all(is_title_cell)
    });
    let width = top.len().max(sub.map_or(0, Vec::len));
    let mut cols = Vec::new();
    let mut group: Option<Role> = None;
    for c in 0..width {
        let t = top.get(c).filter(|x| !x.is_blank());
        let s = sub.and_then(|r| r.get(c)).filter(|x| !x.is_blank());
        if let Some(t) = t {
            group = group_of(&t.text);
            if role_of(&t.text) == Some(Role::ProjectName) {
                cols.push((c, Column::Name));
                group = None;
                continue;
            }
            if role_of(&t.text) == Some(Role::Rate) && s.is_none() {
                cols.push((c, Column::Rate));
                group = None;
                continue;
            }
            if role_of(&t.text) == Some(Role::Score) && s.is_none() {
                cols.push((c, Column::Score));
                group = None;
                continue;
            }
        }
        // A sub-title with a role of its own (支付进度 under the spending group) is that.
        if let Some(s) = s {
            if role_of(&s.text) == Some(Role::Rate) {
                cols.push((c, Column::Rate));
                continue;
            }
        }
        let Some(g) = group else { continue };
        let label = s.or(t).cloned();
        let Some(label) = label else { continue };
        let n = label_key(&label.text);
        let source = if sub.is_none() || n == "合计" || n == "小计" || has(&n, "总") {
            FundSource::Total
        } else {
            FundSource::Named(n.to_string())
        };
        cols.push((c, Column::Money(g, source, label)));
    }
    (cols, start + 1 + usize::from(sub.is_some()))
}

/// A row of the table: its money cells hold figures (a blank name is allowed: a group's
/// subtotal row, or a name left out).
fn is_data(row: &[Cell], cols: &[(usize, Column)]) -> bool {
    let mut figures = 0;
    for (c, col) in cols {
        let Some(cell) = row.get(*c).filter(|x| !x.is_blank()) else {
            continue;
        };
        let figure = match col {
            Column::Money(..) => matches!(parse_amount(&cell.text), AmountCell::Value(..)),
            Column::Rate => parse_percent(&cell.text).is_some(),
            Column::Score => matches!(parse_amount(&cell.text), AmountCell::Value(..)),
            Column::Name => false,
        };
        figures += usize::from(figure);
    }
    figures >= 2
}

/// Reads the table whose header is at `start`: its projects and the row after it, or
/// `None` when the header does not give a name and money columns.
pub fn read(grid: &Grid, start: usize) -> Option<(Vec<Project>, usize)> {
    let (cols, data) = columns(grid, start);
    let name_col = cols
        .iter()
        .find(|(_, c)| *c == Column::Name)
        .map(|(c, _)| *c)?;
    if !cols.iter().any(|(_, c)| matches!(c, Column::Money(..))) {
        return None;
    }
    let mut projects = Vec::new();
    let mut i = data;
    while let Some(row) = grid.rows.get(i) {
        if !is_data(row, &cols) {
            break;
        }
        let rownum = (i as u32) + 1;
        let name = row
            .get(name_col)
            .cloned()
            .unwrap_or_else(|| Cell::new("", Loc::new(rownum, (name_col as u32) + 1)));
        let mut total = Cells::default();
        let mut own = Cells::default();
        let mut sources: Vec<(FundSource, Cell, Cells)> = Vec::new();
        for (c, col) in &cols {
            let Some(cell) = row.get(*c) else { continue };
            match col {
                Column::Name => {}
                Column::Score => own.push(Role::Score, cell.clone()),
                Column::Rate => total.push(Role::Rate, cell.clone()),
                Column::Money(role, FundSource::Total, _) => total.push(*role, cell.clone()),
                Column::Money(role, source, label) => {
                    match sources.iter_mut().find(|(s, _, _)| s == source) {
                        Some((_, _, cells)) => cells.push(*role, cell.clone()),
                        None => {
                            let mut cells = Cells::default();
                            cells.push(*role, cell.clone());
                            let label =
                                Cell::new(label.text.clone(), Loc::new(rownum, label.loc.col));
                            sources.push((source.clone(), label, cells));
                        }
                    }
                }
            }
        }
        let mut funding = vec![FundingRow {
            label: Cell::new(name.text.clone(), name.loc),
            source: FundSource::Total,
            cells: total,
        }];
        funding.extend(
            sources
                .into_iter()
                .map(|(source, label, cells)| FundingRow {
                    label,
                    source,
                    cells,
                }),
        );
        projects.push(Project {
            row: rownum,
            name: Some(name),
            cells: own,
            funding,
            ..Project::default()
        });
        i += 1;
    }
    (!projects.is_empty()).then_some((projects, i))
}

#[cfg(test)]
mod tests {
    use crate::form::{FormKind, Role};

    #[test]
    fn reads_a_table_of_evaluated_projects() {
        let text = "序号\t评价政策或项目资金名称\t主管部门\t资金规模(万元)\t评分情况\t评级情况\n\
                    1\t老旧小区改造补助资金项目\t县住建局\t1860\t91.5\t优\n\
                    2\t农村客运公交化改造补贴项目\t县交通局\t420\t86\t良\n";
        let out = crate::read::read_text(text).unwrap_or_default();
        let form = out.forms.first();
        assert_eq!(form.map(|f| f.kind), Some(FormKind::SummarySelfEvaluation));
        let got: Vec<(String, String, String)> = form
            .into_iter()
            .flat_map(|f| &f.projects)
            .map(|p| {
                let text =
                    |c: Option<&crate::form::Cell>| c.map_or("", |c| c.trimmed()).to_string();
                (
                    text(p.name.as_ref()),
                    text(
                        p.funding
                            .first()
                            .and_then(|r| r.cells.get(Role::BudgetAdjusted)),
                    ),
                    text(p.cells.get(Role::Score)),
                )
            })
            .collect();
        let want = [
            ("老旧小区改造补助资金项目", "1860", "91.5"),
            ("农村客运公交化改造补贴项目", "420", "86"),
        ]
        .map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string()));
        assert_eq!(got, want);
        assert_eq!(
            form.and_then(|f| f.money_unit.as_ref())
                .map(|(u, _)| u.zh()),
            Some("万元")
        );
    }
}
