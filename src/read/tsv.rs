//! Reads an Excel/WPS paste: finds the forms in the grid, their header fields, funding rows, indicator tables and summary tables.

use super::grid::{self, Grid};
use super::headers::{
    self, fund_source_of, is_title, label_key, may_be_header, money_unit_in, normalize_label,
    role_of,
};
use super::projects;
use super::summary;
use super::ReadOutput;
use crate::diagnostic::{Diagnostic, Location, Msg, Section};
use crate::form::{
    Cell, Cells, Field, Form, FormKind, FundSource, FundingRow, Indicator, Project, Role,
};
use crate::rules::registry::Code;
use crate::span::ellipsize;
use crate::span::has;
use crate::value::looks_like_value;
use std::borrow::Cow;

/// Reads every form in a tab-separated paste.
pub fn read(text: &str) -> ReadOutput {
    read_grid(&grid::parse(text))
}

/// Reads a paste already split into cells.
pub fn read_grid(grid: &Grid) -> ReadOutput {
    let mut r = Reader {
        grid,
        out: ReadOutput::default(),
        cur: None,
    };
    r.run();
    let mut out = r.out;
    for loc in &grid.unbalanced_quotes {
        let cell = grid.cell(loc.row, loc.col);
        let form = form_at_row(&out.forms, loc.row);
        out.diagnostics.push(Diagnostic::new(
            Code::S006,
            Location {
                form,
                section: None,
                row: Some(loc.row),
                column: Some(loc.col),
                field: None,
                cell_text: cell.map(|c| c.text.clone()),
            },
            Msg::new(
                "单元格以英文引号 \" 开头，但引号没有闭合，已按原文读取",
                "The cell starts with a double quote that never closes; it was read literally",
            ),
            Msg::new(
                "从 Excel/WPS 复制时，含换行的单元格会被引号包住；若复制不完整，请重新整表复制，或删去多余的引号",
                "Excel/WPS quotes cells that contain line breaks; copy the whole table again or remove the stray quote",
            ),
        ));
    }
    out
}

fn form_at_row(forms: &[Form], row: u32) -> usize {
    forms
        .iter()
        .rposition(|f| first_row(f).is_some_and(|r| r <= row))
        .unwrap_or(0)
}

fn first_row(f: &Form) -> Option<u32> {
    f.title
        .as_ref()
        .map(|c| c.loc.row)
        .or_else(|| f.fields.first().map(|x| x.label.loc.row))
        .or_else(|| f.projects.first().map(|p| p.row))
}

/// A form being read, with what decides its kind.
struct Building {
    form: Form,
    project: Project,
    title_kind: Option<FormKind>,
    has_actual: bool,
    has_summary: bool,
    /// A table of projects and their money (one project a row) was read.
    has_projects: bool,
}

struct Reader<'g> {
    grid: &'g Grid,
    out: ReadOutput,
    cur: Option<Building>,
}

fn blank(row: &[Cell]) -> bool {
    row.iter().all(Cell::is_blank)
}

/// A row's first non-blank cell and how many it has (no list: this runs on every row).
fn filled(row: &[Cell]) -> (Option<&Cell>, usize) {
    let mut cells = row.iter().filter(|c| !c.is_blank());
    let first = cells.next();
    (first, usize::from(first.is_some()) + cells.count())
}

fn title_kind(title: &str) -> Option<FormKind> {
    if title.contains("监控") {
        Some(FormKind::Monitoring)
    } else if title.contains("自评") {
        Some(FormKind::SelfEvaluation)
    } else if title.contains("目标") {
        Some(FormKind::Target)
    } else if title.contains("评价") {
        Some(FormKind::SelfEvaluation)
    } else {
        None
    }
}

/// A row holding a form's title: the title alone, or beside it only the notes a published
/// sheet puts on the title row (部门：某局, 公开14表, 附件2, 单位：万元).
fn is_title_row(row: &[Cell], first: &Cell, filled: usize) -> bool {
    if !is_title(&first.text) {
        return false;
    }
    filled == 1
        || row
            .iter()
            .filter(|c| !c.is_blank() && !std::ptr::eq(*c, first))
            .all(|c| is_side_note(c.trimmed()))
}

/// A row holding a form's title, whatever its other cells.
fn is_title_row_any(row: &[Cell]) -> bool {
    let (first, filled) = filled(row);
    first.is_some_and(|f| is_title_row(row, f, filled))
}

/// A note beside a title: a short `label：value`, a table number or a unit.
fn is_side_note(t: &str) -> bool {
    let short = t.chars().count() <= 30;
    let numbered = ["公开", "附件", "附表", "表"]
        .iter()
        .any(|w| t.starts_with(w) && t.chars().count() <= 8);
    short && (t.contains([':', '：']) || numbered || money_unit_in(t).is_some())
}

impl<'g> Reader<'g> {
    fn run(&mut self) {
        let rows = &self.grid.rows;
        let mut i = 0usize;
        while let Some(row) = rows.get(i) {
            let (Some(first), filled) = filled(row) else {
                i += 1;
                continue;
            };
            if is_title_row(row, first, filled) {
                self.start_form();
                let b = self.building();
                b.title_kind = title_kind(&first.text);
                b.form.title = Some(first.clone());
                // A unit stated above the title (an allocation table's 单位：元) is not this form's.
                if b.form
                    .money_unit
                    .as_ref()
                    .is_some_and(|(_, c)| c.loc.row < first.loc.row)
                {
                    b.form.money_unit = None;
                }
                i += 1;
                continue;
            }
            if filled == 1 && is_year_line(&first.text) {
                let b = self.building();
                b.form.fields.push(Field {
                    key: "年度".to_string(),
                    label: first.clone(),
                    value: Some(first.clone()),
                });
                i += 1;
                continue;
            }
            if filled == 1 && first.text.contains("单位") {
                if let Some(unit) = money_unit_in(&first.text) {
                    let b = self.building();
                    b.form.money_unit = Some((unit, first.clone()));
                    i += 1;
                    continue;
                }
            }
            // Summary and funding headers name a project, a budget or spending; other rows
            // are passed over without reading every cell as a header.
            let money_words = row.iter().any(|c| {
                c.text.len() < 200
                    && ["项目名称", "预算", "执行", "金额", "资金名称", "资金规模"]
                        .iter()
                        .any(|w| has(&c.text, w))
            });
            let roles: Vec<Role> = if money_words {
                row.iter().filter_map(|c| role_of(&c.text)).collect()
            } else {
                Vec::new()
            };
            let has = |r: Role| roles.contains(&r);
            let names_projects = has(Role::ProjectName)
                || money_words
                    && row
                        .iter()
                        .any(|c| projects::role_of(&c.text) == Some(Role::ProjectName));
            if names_projects && projects::heads_table(self.grid, i) {
                if let Some(next) = self.read_projects(i) {
                    i = next;
                    continue;
                }
            }
            if has(Role::ProjectName)
                && (has(Role::Rate) || has(Role::BudgetAdjusted))
                && filled >= 4
            {
                i = self.read_summary(i);
                continue;
            }
            if let Some(cols) = super::bands::heads(self.grid, i) {
                let (indicators, next) = super::bands::read(self.grid, i, &cols);
                let project = &mut self.building().project;
                project.graded = true;
                project.indicators.extend(indicators);
                i = next;
                continue;
            }
            if is_indicator_header(row) {
                i = self.read_indicators(i);
                continue;
            }
            if let Some(next) = self.read_items(i) {
                i = next;
                continue;
            }
            if let Some(next) = self.read_year_lines(i) {
                i = next;
                continue;
            }
            if let Some(next) = self.read_goal_block(i) {
                i = next;
                continue;
            }
            let money_cols = [
                Role::BudgetInitial,
                Role::BudgetAdjusted,
                Role::Executed,
                Role::Rate,
            ]
            .iter()
            .filter(|r| has(**r))
            .count();
            if money_cols >= 2 {
                i = self.read_funding(i);
                continue;
            }
            self.read_key_values(row);
            i += 1;
        }
        self.finish_form();
    }

    fn building(&mut self) -> &mut Building {
        self.cur.get_or_insert_with(|| Building {
            form: Form::new(FormKind::Target),
            project: Project::default(),
            title_kind: None,
            has_actual: false,
            has_summary: false,
            has_projects: false,
        })
    }

    /// Starts a new form unless the current one holds nothing yet but a title.
    fn start_form(&mut self) {
        let empty = self.cur.as_ref().is_some_and(|b| {
            b.form.fields.is_empty()
                && b.project == Project::default()
                && b.form.projects.is_empty()
                && b.form.title.is_none()
        });
        if !empty {
            self.finish_form();
        }
    }

    fn finish_form(&mut self) {
        let Some(mut b) = self.cur.take() else {
            return;
        };
        b.form.kind = if b.has_summary {
            FormKind::SummarySelfEvaluation
        } else if let (true, Some(k)) = (b.has_projects, b.title_kind) {
            k
        } else if b.has_projects {
            FormKind::SummarySelfEvaluation
        } else if let Some(k) = b.title_kind {
            k
        } else if b.has_actual {
            FormKind::SelfEvaluation
        } else {
            FormKind::Target
        };
        if !b.has_summary && (!b.has_projects || b.project != Project::default()) {
            if b.project.name.is_none() {
                b.project.name = b.form.field("项目名称").cloned();
            }
            if b.project.row == 0 {
                b.project.row = first_row(&b.form).unwrap_or(0);
            }
            b.form.projects.push(b.project);
        }
        self.out.forms.push(b.form);
    }

    fn form_index(&self) -> usize {
        self.out.forms.len()
    }

    fn read_key_values(&mut self, row: &[Cell]) {
        // A block's label may carry the money unit: 资金情况（万元）, 项目资金 (元).
        if let Some((unit, cell)) = row.iter().find_map(block_unit) {
            let b = self.building();
            if b.form.money_unit.is_none() {
                b.form.money_unit = Some((unit, cell));
            }
        }
        let lone = row.iter().filter(|c| !c.is_blank()).count() == 1;
        for (key, label, mut value) in key_value_pairs(row) {
            // 填报单位：| 单位：万元 — the cell beside the label states the unit, not the value.
            if let Some(unit) = value
                .as_ref()
                .filter(|v| is_unit_note(v))
                .and_then(|v| money_unit_in(&v.text))
            {
                if let Some(v) = value.take() {
                    self.building().form.money_unit = Some((unit, v));
                }
            }
            // A heading over a goal block (年度绩效目标 above *年度绩效总目标：…), not a field.
            if lone && key == "年度目标" && value.as_ref().is_none_or(Cell::is_blank) {
                continue;
            }
            if key == "项目名称"
                && self
                    .cur
                    .as_ref()
                    .is_some_and(|b| b.form.field("项目名称").is_some())
            {
                // A second project in a paste without titles.
                self.finish_form();
            }
            if key == "单位" || key == "金额单位" {
                if let Some(unit) = value
                    .as_ref()
                    .and_then(|v| money_unit_in(&format!("单位：{}", v.text)))
                {
                    self.building().form.money_unit = Some((unit, label.clone()));
                }
            }
            let b = self.building();
            if key == "项目名称" {
                b.project.name = value.clone();
            }
            if let Some(source) = funding_source(&key, &label.text, value.as_ref()) {
                if b.form.money_unit.is_none() {
                    if let Some(unit) = money_unit_in(&label.text) {
                        b.form.money_unit = Some((unit, label.clone()));
                    }
                }
                let mut cells = Cells::default();
                if let Some(v) = value.clone() {
                    cells.push(Role::Amount, v);
                }
                b.project.funding.push(FundingRow {
                    label: label.clone(),
                    source,
                    cells,
                });
            }
            b.form.fields.push(Field { key, label, value });
        }
    }

    /// Reads a 年度总体目标 block whose row names its parts (预期目标 | 实际完成情况, 中期目标 |
    /// 年度目标) with each part's text below its name, or beside it. Returns the row after
    /// the block, or `None` when the row is not such a block.
    fn read_goal_block(&mut self, i: usize) -> Option<usize> {
        let rows = &self.grid.rows;
        let row = rows.get(i)?;
        let filled: Vec<(usize, &Cell)> = row
            .iter()
            .enumerate()
            .filter(|(_, c)| !c.is_blank())
            .collect();
        let (_, first) = filled.first()?;
        let block_label = field_key_of(first.trimmed()) == "年度目标" || is_goal_fragment(first);
        if !block_label {
            return None;
        }
        // The parts named in the row: after the block's own label, or the label itself
        // when it stands alone (年度目标 over its text).
        fn named<'c>((c, cell): &(usize, &'c Cell)) -> Option<(usize, &'c Cell, &'static str)> {
            goal_part(cell.trimmed()).map(|k| (*c, *cell, k))
        }
        let mut parts: Vec<(usize, &Cell, &'static str)> =
            filled.iter().skip(1).filter_map(named).collect();
        let all_named = parts.len() + 1 == filled.len();
        if parts.is_empty() && filled.len() == 1 {
            parts = filled.iter().filter_map(named).collect();
        }
        if parts.is_empty() {
            return None;
        }
        let below = rows.get(i + 1);
        let under = |c: usize| below.and_then(|b| b.get(c)).filter(|v| !v.is_blank());
        let values_below = (all_named || filled.len() == 1)
            && parts.iter().any(|(c, _, _)| under(*c).is_some())
            && parts
                .iter()
                .filter_map(|(c, _, _)| under(*c))
                .all(|v| !is_label_cell(v) && goal_part(v.trimmed()).is_none());
        if !values_below && filled.len() == 1 {
            // A heading over the block (年度绩效目标 above *年度绩效总目标：…).
            return None;
        }
        let mut fields = Vec::with_capacity(parts.len());
        for (c, label, key) in &parts {
            let value = if values_below {
                Some(under(*c).cloned().unwrap_or_else(|| {
                    below.and_then(|b| b.get(*c)).cloned().unwrap_or_else(|| {
                        Cell::new("", crate::form::Loc::new(label.loc.row + 1, label.loc.col))
                    })
                }))
            } else {
                // Beside its name: the next filled cell, unless another part's name comes first.
                filled
                    .iter()
                    .find(|(k, _)| k > c)
                    .filter(|(_, v)| goal_part(v.trimmed()).is_none())
                    .map(|(_, v)| (*v).clone())
            };
            fields.push(Field {
                key: (*key).to_string(),
                label: (*label).clone(),
                value,
            });
        }
        self.building().form.fields.extend(fields);
        Some(if values_below { i + 2 } else { i + 1 })
    }

    /// Reads a table of spending lines under a 部门整体 form's 履职目标 (部门职能 | 年度目标任务
    /// | 支出项目名称 | 预算金额): each line's name and amount, itemising the form's total.
    /// Returns the row after it, or `None` when `start` does not head such a table.
    fn read_items(&mut self, start: usize) -> Option<usize> {
        let rows = &self.grid.rows;
        let header = rows.get(start)?;
        let col = |pred: &dyn Fn(&str) -> bool| {
            header
                .iter()
                .position(|c| c.trimmed().chars().count() <= 16 && pred(&label_key(&c.text)))
        };
        let name_col = col(&|n| n.contains("支出项目"))?;
        let amount_col = col(&|n| n.contains("金额") || n.ends_with("预算数"))?;
        // The task the money is for (年度目标任务), kept beside the line's amount.
        let task_col = col(&|n| n.contains("目标任务") || n.contains("工作任务"));
        let mut items = Vec::new();
        let mut i = start + 1;
        while let Some(row) = rows.get(i) {
            if blank(row) || is_indicator_header(row) || is_title_row_any(row) {
                break;
            }
            let (Some(name), Some(amount)) = (row.get(name_col), row.get(amount_col)) else {
                break;
            };
            if name.is_blank() && amount.is_blank() {
                break;
            }
            let mut cells = Cells::default();
            cells.push(Role::Amount, amount.clone());
            if let Some(task) = task_col.and_then(|k| row.get(k)).filter(|c| !c.is_blank()) {
                cells.push(Role::Goal, task.clone());
            }
            items.push(FundingRow {
                label: name.clone(),
                source: FundSource::Item(normalize_label(&name.text)),
                cells,
            });
            i += 1;
        }
        if items.is_empty() {
            return None;
        }
        self.building().project.funding.extend(items);
        Some(i)
    }

    /// Reads a table of budget lines by year (经费控制情况 | 2017年决算数 | 2018年预算数 |
    /// 2018年决算数, as a 部门整体 评价's 基础数据表 gives them): each line a spending item,
    /// the latest year's 预算数 and 决算数 first, so that checks needing one figure read that
    /// year's. Returns the row after it, or `None` when `start` does not head such a table.
    fn read_year_lines(&mut self, start: usize) -> Option<usize> {
        let rows = &self.grid.rows;
        let header = rows.get(start)?;
        let mut cols: Vec<(u32, usize, Role)> = header
            .iter()
            .enumerate()
            .filter_map(|(c, cell)| year_money_column(cell.trimmed()).map(|(y, r)| (y, c, r)))
            .collect();
        let first = cols.iter().map(|(_, c, _)| *c).min()?;
        let label_col = header.iter().take(first).rposition(|c| !c.is_blank())?;
        if cols.len() < 2 {
            return None;
        }
        // The latest year with both a budget and a spending column first (its figures are
        // the ones paired), then the other years, latest first; within a year, in order.
        let paired = |y: u32| {
            let has = |f: &dyn Fn(Role) -> bool| cols.iter().any(|(x, _, r)| *x == y && f(*r));
            has(&|r| r == Role::Executed) && has(&|r| r != Role::Executed)
        };
        let primary = cols.iter().map(|(y, _, _)| *y).filter(|y| paired(*y)).max();
        cols.sort_by(|a, b| {
            (Some(b.0) == primary)
                .cmp(&(Some(a.0) == primary))
                .then(b.0.cmp(&a.0))
                .then(a.1.cmp(&b.1))
        });
        let mut lines = Vec::new();
        let mut i = start + 1;
        while let Some(row) = rows.get(i) {
            if blank(row) || is_indicator_header(row) || is_title_row_any(row) {
                break;
            }
            let Some(label) = row.get(label_col).filter(|c| !c.is_blank()) else {
                break;
            };
            let mut cells = Cells::default();
            for (year, c, role) in &cols {
                // Another year's figures are read (B001) but never paired as budget and
                // spending: they stand as plain amounts.
                let role = if Some(*year) == primary {
                    *role
                } else {
                    Role::Amount
                };
                if let Some(cell) = row.get(*c) {
                    cells.push(role, cell.clone());
                }
            }
            lines.push(FundingRow {
                label: label.clone(),
                source: FundSource::Item(normalize_label(&label.text)),
                cells,
            });
            i += 1;
        }
        if lines.is_empty() {
            return None;
        }
        self.building().project.funding.extend(lines);
        Some(i)
    }

    /// Records the month a monitoring header covers ("1-7月执行数" → 7), once per form.
    fn note_month(&mut self, header: &[Cell]) {
        let found = header.iter().find_map(|c| {
            let role = role_of(&c.text);
            matches!(role, Some(Role::Executed | Role::Rate | Role::Actual))
                .then(|| crate::monitor::month_in(&c.text).map(|m| (m, c.clone())))
                .flatten()
        });
        let Some((month, cell)) = found else { return };
        let b = self.building();
        if b.form.fields.iter().any(|f| f.key == "监控月份") {
            return;
        }
        b.form.fields.push(Field {
            key: "监控月份".to_string(),
            label: cell.clone(),
            value: Some(Cell::new(month.to_string(), cell.loc)),
        });
    }

    /// Header roles by column, first occurrence of each role. A 分值 column right after
    /// the 一级 or 二级 column holds that group's points, not a 三级's.
    fn header_roles(row: &[Cell]) -> Vec<(usize, Role)> {
        first_of_each(column_roles(row))
    }

    /// The column roles of an indicator table's header, and the row its body starts at. A
    /// header may stand on two rows: a band of titles above the level row (实际完成值, 分值,
    /// 得分 standing over rows the lower header leaves blank), or a row of sub-titles below it
    /// (年度指标值 spanning 指标性质 / 指标值 / 度量单位; region names under 区域目标值), which
    /// is read as part of the header, never as an indicator.
    fn indicator_header(&self, start: usize) -> (Vec<(usize, Role)>, usize, Option<SideBlock>) {
        let rows = &self.grid.rows;
        let Some(header) = rows.get(start) else {
            return (Vec::new(), start + 1, None);
        };
        let mut cols = column_roles(header);
        let above = start.checked_sub(1).and_then(|k| rows.get(k));
        if let Some(above) = above.filter(|r| is_title_band(r)) {
            for (c, r) in column_roles(above) {
                if !cols.iter().any(|(k, _)| *k == c) {
                    cols.push((c, r));
                }
            }
        }
        let mut body = start + 1;
        if let Some(below) = rows.get(start + 1).filter(|r| is_sub_header(r, &cols)) {
            for (c, r) in column_roles(below) {
                cols.retain(|(k, _)| *k != c);
                cols.push((c, r));
            }
            body += 1;
        }
        sort_by_column(&mut cols);
        let side = side_block(&cols);
        (first_of_each(cols), body, side)
    }

    /// Whether the left of two side-by-side indicator blocks is the 中期 one: the goal row
    /// above names 中期 left of 年度 (the standard 申报表), or says nothing otherwise.
    fn left_is_midterm(&self, header: usize, side: &SideBlock) -> bool {
        let col_of = |pred: &dyn Fn(&str) -> bool| {
            self.grid
                .rows
                .get(header.saturating_sub(12)..header)
                .into_iter()
                .flatten()
                .find_map(|r| r.iter().position(|c| pred(&label_key(&c.text))))
        };
        // 中期目标 / 中期绩效指标 and 年度目标 / 年度绩效指标, not 中期资金总额.
        let heading =
            |t: &str, lead: &str| t.starts_with(lead) && (t.contains("目标") || t.contains("指标"));
        let mid = col_of(&|t| heading(t, "中期"));
        let annual = col_of(&|t| heading(t, "年度"));
        match (mid, annual) {
            (Some(m), Some(a)) => m < a,
            (Some(m), None) => m < side.level2,
            _ => true,
        }
    }

    fn read_funding(&mut self, start: usize) -> usize {
        let rows = &self.grid.rows;
        let Some(header) = rows.get(start) else {
            return start + 1;
        };
        let cols = Self::header_roles(header);
        self.note_month(header);
        let first_role_col = cols.iter().map(|(c, _)| *c).min().unwrap_or(0);
        if let Some(unit) = header
            .iter()
            .find_map(|c| money_unit_in(&c.text).map(|u| (u, c.clone())))
        {
            let b = self.building();
            if b.form.money_unit.is_none() {
                b.form.money_unit = Some(unit);
            }
        }
        let mut i = start + 1;
        while let Some(row) = rows.get(i) {
            if blank(row) {
                break;
            }
            let label = row
                .iter()
                .take(first_role_col)
                .rev()
                .find(|c| !c.is_blank())
                .or_else(|| row.iter().find(|c| !c.is_blank()));
            let Some(label) = label else { break };
            let Some(source) = fund_source_of(&label.text) else {
                break;
            };
            let mut cells = Cells::default();
            for (c, role) in &cols {
                if let Some(cell) = row.get(*c) {
                    cells.push(*role, cell.clone());
                }
            }
            self.building().project.funding.push(FundingRow {
                label: label.clone(),
                source,
                cells,
            });
            i += 1;
        }
        i
    }

    fn read_indicators(&mut self, start: usize) -> usize {
        let rows = &self.grid.rows;
        let Some(header) = rows.get(start) else {
            return start + 1;
        };
        let (cols, body, side) = self.indicator_header(start);
        let left_midterm = side.is_some_and(|s| self.left_is_midterm(start, &s));
        self.note_month(header);
        let form = self.form_index();
        let misnamed = misnamed_level_headers(header, form);
        self.out.diagnostics.extend(misnamed);
        let col = |role: Role| cols.iter().find(|(_, r)| *r == role).map(|(c, _)| *c);
        let (l1, l2, l3, target) = (
            col(Role::Level1),
            col(Role::Level2),
            col(Role::Level3),
            col(Role::Target),
        );
        if col(Role::Actual).is_some() {
            self.building().has_actual = true;
        }
        let mut last1: Option<Cell> = None;
        let mut last2: Option<Cell> = None;
        let mut i = body;
        let mut diags = Vec::new();
        let mut indicators = Vec::new();
        let mut headings = Vec::new();
        let mut totals = Vec::new();
        let mut side_rows: Vec<(Indicator, bool)> = Vec::new();
        let mut side_last1: Option<Cell> = None;
        let mut side_last2: Option<Cell> = None;
        while let Some(row) = rows.get(i) {
            let (Some(first), filled) = filled(row) else {
                break;
            };
            if (filled == 1 && is_title(&first.text))
                || is_indicator_header(row)
                || is_sign_off(row)
                || (filled == 1 && is_prose_line(first.trimmed()))
            {
                break;
            }
            // Only a short row or one with 总/合 can be a 总分 row or a text field: most
            // rows skip the normalised label.
            let norm = if filled <= 2 || has(&first.text, "总") || has(&first.text, "合") {
                label_key(&first.text)
            } else {
                Cow::Borrowed("")
            };
            if norm.starts_with("总分") || norm == "合计" {
                // The 总分 row: its 分值 and 得分 are the form's totals, and the table ends.
                for role in [Role::Weight, Role::Score] {
                    if let Some(cell) = col(role).and_then(|c| row.get(c)) {
                        totals.push((role, cell.clone()));
                    }
                }
                i += 1;
                break;
            }
            if filled <= 2 && headers::KNOWN_KEYS.contains(&norm.as_ref()) {
                // A text field such as 评价结论 / 存在问题 below the table.
                break;
            }
            let get = |c: Option<usize>| {
                c.and_then(|c| row.get(c))
                    .filter(|c| !c.is_blank())
                    .cloned()
            };
            let rownum = (i as u32) + 1;
            if let Some(s) = side {
                // The right-hand block's row: its own 二级 (filled down), and its own 一级
                // when it has the column, else the left's.
                let level1 = match s.level1 {
                    Some(c) => {
                        if let Some(c1) = get(Some(c)) {
                            side_last1 = Some(c1);
                            side_last2 = None;
                        }
                        side_last1.clone()
                    }
                    None => get(l1).or_else(|| last1.clone()),
                };
                if let Some(c2) = get(Some(s.level2)) {
                    side_last2 = Some(c2);
                }
                let (c3, value) = (get(s.level3), get(Some(s.target)));
                if c3.is_some() || value.is_some() {
                    let mut ind = Indicator {
                        row: rownum,
                        level1,
                        level2: side_last2.clone(),
                        level3: c3,
                        midterm: !left_midterm,
                        ..Indicator::default()
                    };
                    let at = crate::form::Loc::new(rownum, (s.target as u32) + 1);
                    ind.cells
                        .push(Role::Target, value.unwrap_or_else(|| Cell::new("", at)));
                    side_rows.push((ind, false));
                } else if get(Some(s.level2)).is_some() {
                    let heading = Indicator {
                        row: rownum,
                        level1,
                        level2: side_last2.clone(),
                        midterm: !left_midterm,
                        ..Indicator::default()
                    };
                    side_rows.push((heading, true));
                }
            }
            let mut ind = Indicator {
                row: rownum,
                midterm: left_midterm,
                ..Indicator::default()
            };
            let target_blank = get(target).is_none();
            let last_filled = row.iter().rposition(|c| !c.is_blank());
            let shifted = match (target, last_filled) {
                (Some(t), Some(lf)) => {
                    target_blank
                        && t >= 1
                        && lf == t - 1
                        && row.get(lf).is_some_and(|c| looks_like_value(&c.text))
                }
                _ => false,
            };
            if shifted {
                let Some(t) = target else { break };
                let value = row.get(t - 1).cloned();
                let names: Vec<&Cell> = row.iter().take(t - 1).filter(|c| !c.is_blank()).collect();
                let name = names.last().map(|c| (*c).clone());
                if names.len() >= 2 {
                    if let Some(lbl) = names.get(names.len() - 2) {
                        last2 = Some((*lbl).clone());
                    }
                }
                ind.level1 = last1.clone();
                ind.level2 = last2.clone();
                ind.level3 = name.clone();
                if let Some(v) = value.clone() {
                    ind.cells.push(Role::Target, v);
                }
                let vtext = value.as_ref().map(|v| v.text.clone()).unwrap_or_default();
                let mut d = Diagnostic::new(
                    Code::S002,
                    Location {
                        form,
                        section: Some(Section::Indicators),
                        row: Some(rownum),
                        column: Some(t as u32),
                        field: Some(Role::Target.as_str()),
                        cell_text: value.as_ref().map(|v| v.text.clone()),
                    },
                    Msg::new(
                        format!(
                            "第 {rownum} 行整体向左错位一列：指标值「{vtext}」位于「三级指标」列，「{}」列为空",
                            Role::Target.zh()
                        ),
                        format!("Row {rownum} is shifted one column left: the target value \"{vtext}\" sits in the level-3 column and the target column is empty"),
                    ),
                    Msg::new(
                        "已按内容读取为：三级指标「".to_string()
                            + &ellipsize(name.as_ref().map_or("", |c| c.as_str()), 20)
                            + "」，指标值「" + &vtext + "」。请在表格中把该行单元格右移一列，使各列与表头对齐",
                        "Read by content as level-3 name and target value. Move the row's cells one column right so they line up with the header",
                    ),
                );
                if let Some(v) = &value {
                    d = d.with_related(
                        Location {
                            form,
                            section: Some(Section::Indicators),
                            row: Some(v.loc.row),
                            column: Some(v.loc.col),
                            field: Some(Role::Level3.as_str()),
                            cell_text: Some(v.text.clone()),
                        },
                        Msg::new("指标值实际所在单元格", "where the target value actually is"),
                    );
                }
                diags.push(d);
            } else {
                let c1 = get(l1);
                let c2 = get(l2);
                let (c1_here, c2_here) = (c1.is_some(), c2.is_some());
                let c3 = l3.and_then(|c| row.get(c)).cloned();
                if c1.is_some() {
                    last1 = c1;
                    last2 = None;
                }
                if c2.is_some() {
                    last2 = c2;
                }
                let has_body = c3.as_ref().is_some_and(|c| !c.is_blank()) || !target_blank;
                if !has_body {
                    // A heading row that only carries 一级/二级 labels (and maybe the group's 分值).
                    if c1_here || c2_here {
                        let mut heading = Indicator {
                            row: rownum,
                            level1: last1.clone(),
                            level2: if c2_here { last2.clone() } else { None },
                            midterm: left_midterm,
                            ..Indicator::default()
                        };
                        for (c, role) in &cols {
                            let group_weight = matches!(
                                role,
                                Role::Weight | Role::Level1Weight | Role::Level2Weight
                            );
                            if let Some(cell) =
                                row.get(*c).filter(|x| group_weight && !x.is_blank())
                            {
                                heading.cells.push(*role, cell.clone());
                            }
                        }
                        headings.push(heading);
                    }
                    i += 1;
                    continue;
                }
                ind.level1 = last1.clone();
                ind.level2 = last2.clone();
                ind.level3 = c3;
                ind.cells.0.reserve_exact(cols.len());
                for (c, role) in &cols {
                    if matches!(role, Role::Level1 | Role::Level2 | Role::Level3) {
                        continue;
                    }
                    if let Some(cell) = row.get(*c) {
                        ind.cells.push(*role, cell.clone());
                    } else if *role == Role::Target {
                        ind.cells.push(
                            *role,
                            Cell::new("", crate::form::Loc::new(rownum, (*c as u32) + 1)),
                        );
                    }
                }
            }
            indicators.push(ind);
            i += 1;
        }
        self.out.diagnostics.extend(diags);
        let runs_to_end = rows
            .get(i..)
            .is_none_or(|rest| rest.iter().all(|r| blank(r)));
        let open_ended = runs_to_end && totals.is_empty() && !indicators.is_empty();
        let project = &mut self.building().project;
        project.indicators.extend(indicators);
        project.headings.extend(headings);
        for (ind, heading) in side_rows {
            if heading {
                project.headings.push(ind);
            } else {
                project.indicators.push(ind);
            }
        }
        project.open_ended = open_ended;
        for (role, cell) in totals {
            project.cells.push(role, cell);
        }
        i
    }

    fn read_summary(&mut self, start: usize) -> usize {
        self.start_form_if_has_content();
        let form = self.form_index();
        let (projects, end, diags) = summary::read(self.grid, start, form);
        self.note_evaluation(start);
        let b = self.building();
        b.has_summary = true;
        b.form.projects.extend(projects);
        self.out.diagnostics.extend(diags);
        end
    }

    /// A table of projects and their money (a 监控 form's 预算执行情况表). Returns the row
    /// after it, or `None` when the header does not give names and money columns.
    fn read_projects(&mut self, start: usize) -> Option<usize> {
        let (projects, end) = projects::read(self.grid, start)?;
        self.start_form_if_has_content();
        self.note_evaluation(start);
        let header: Vec<Cell> = self
            .grid
            .rows
            .get(start..end)
            .into_iter()
            .flatten()
            .flatten()
            .cloned()
            .collect();
        self.note_month(&header);
        let b = self.building();
        // A money column that names its unit (资金规模(万元)) gives the table's.
        if b.form.money_unit.is_none() {
            b.form.money_unit = header
                .iter()
                .find_map(|c| Some((money_unit_in(&c.text)?, c.clone())));
        }
        b.has_projects = true;
        b.form.projects.extend(projects);
        Some(end)
    }

    /// A summary table after a finished project form starts a form of its own.
    /// What the prose above a table of projects says it holds (summary::evaluation_notes).
    fn note_evaluation(&mut self, start: usize) {
        let form = self.form_index();
        let notes = summary::evaluation_notes(self.grid, start, form);
        self.out.diagnostics.extend(notes);
    }

    fn start_form_if_has_content(&mut self) {
        if self
            .cur
            .as_ref()
            .is_some_and(|b| !b.project.indicators.is_empty() || b.has_summary)
        {
            self.finish_form();
        }
    }
}

/// The label–value pairs of a header row: `项目名称：X`, `项目名称：<tab>X`, a known label
/// and the next filled cell (a merged cell leaves blanks between them), `其中：财政拨款<tab>10`.
/// A known label with nothing after it before the next label gets its blank neighbour as
/// the value, so that an empty 主管部门 can be pointed at.
/// A level header written 一级目标 beside others written 二级指标, 三级指标 (S031): a slip, read
/// as 一级指标. A template that names every level 目标 (上海 2020: 一级目标 / 二级目标 /
/// 三级目标) is its own and is left alone.
fn misnamed_level_headers(header: &[Cell], form: usize) -> Vec<Diagnostic> {
    let levels = ["一级", "二级", "三级"];
    let named_indicator = header.iter().any(|c| {
        levels
            .iter()
            .any(|l| c.trimmed().strip_prefix(l) == Some("指标"))
    });
    if !named_indicator {
        return Vec::new();
    }
    header
        .iter()
        .filter_map(|c| {
            let t = c.trimmed();
            let level = levels
                .into_iter()
                .find(|l| t.strip_prefix(l) == Some("目标"))?;
            let standard = format!("{level}指标");
            let at = Location {
                form,
                section: Some(crate::diagnostic::Section::Indicators),
                row: Some(c.loc.row),
                column: Some(c.loc.col),
                field: None,
                cell_text: Some(t.into()),
            };
            Some(
                Diagnostic::new(
                    Code::S031,
                    at,
                    Msg::new(
                        format!("指标表表头“{t}”应为“{standard}”，已按“{standard}”读取"),
                        format!("The indicator table's header \"{t}\" should read \"{standard}\"; read as {standard}"),
                    ),
                    Msg::new(
                        "表头用模板原名（一级指标、二级指标、三级指标），汇总和导入按表头识别各列",
                        "Keep the template's headers (一级指标, 二级指标, 三级指标): imports find the columns by them",
                    ),
                )
                .with_fix(crate::diagnostic::Fix {
                    title: Msg::new(format!("改为“{standard}”"), format!("Change to \"{standard}\"")),
                    replacement: standard,
                    applicability: crate::diagnostic::Applicability::Safe,
                }),
            )
        })
        .collect()
}

fn key_value_pairs(row: &[Cell]) -> Vec<(String, Cell, Option<Cell>)> {
    let mut pairs = Vec::new();
    let mut k = 0usize;
    while let Some(cell) = row.get(k) {
        let t = strip_among(cell.trimmed());
        if t.is_empty() {
            k += 1;
            continue;
        }
        if let Some(label) = t.strip_suffix('：').or_else(|| t.strip_suffix(':')) {
            let key = field_key_of(label);
            // A sentence ending in a colon (…报告如下：) is prose, not a label.
            if !key.is_empty() && key.chars().count() <= 16 {
                let (value, next) = value_after(row, k, &key);
                pairs.push((key, cell.clone(), value));
                k = next;
            } else {
                k += 1;
            }
            continue;
        }
        if let Some((label, value)) = t.split_once('：').or_else(|| t.split_once(':')) {
            let key = field_key_of(label);
            if !key.is_empty() && key.chars().count() <= 16 && !value.trim().is_empty() {
                pairs.push((key, cell.clone(), Some(Cell::new(value.trim(), cell.loc))));
                k += 1;
                continue;
            }
        }
        if !headers::may_be_label(t) {
            k += 1;
            continue;
        }
        let key = field_key_of(t);
        if is_label_key(&key) {
            let (value, next) = value_after(row, k, &key);
            pairs.push((key, cell.clone(), value));
            k = next;
            continue;
        }
        // A money line without a colon: "年度资金总额（万元）<tab>100", or a part of the
        // total whatever its name ("其中:财政投款<tab>2279.048").
        let part = t.len() < cell.trimmed().len() && cell.trimmed().starts_with("其中");
        let next_is_amount = row.get(k + 1).is_some_and(|v| {
            matches!(
                crate::money::parse_amount(&v.text),
                crate::money::AmountCell::Value(..)
            )
        });
        if next_is_amount
            && (part
                || ["预算", "资金", "执行数", "金额", "支出"]
                    .iter()
                    .any(|w| crate::span::has(&key, w)))
        {
            pairs.push((key, cell.clone(), row.get(k + 1).cloned()));
            k += 2;
            continue;
        }
        k += 1;
    }
    pairs
}

/// "其中：财政拨款" → "财政拨款": a source listed under the total names itself after 其中.
fn strip_among(t: &str) -> &str {
    t.strip_prefix("其中")
        .map(|r| r.trim_start_matches([':', '：', ' ', '\u{3000}']))
        .filter(|r| !r.is_empty())
        .unwrap_or(t)
}

/// A label's key: the field it names (主管部门及代码 → 主管部门), else the label normalised;
/// none (empty) for a cell too long to be a label.
fn field_key_of(label: &str) -> String {
    if !headers::may_be_label(label) {
        return String::new();
    }
    let norm = normalize_label(strip_among(label));
    headers::field_key(&norm).map_or(norm, str::to_string)
}

/// A label that is a header field or a funding line by its words alone, without a colon.
fn is_label_key(key: &str) -> bool {
    headers::KNOWN_KEYS.contains(&key)
        || headers::field_key(key).is_some()
        || fund_source_of(key).is_some_and(|s| !matches!(s, FundSource::Named(_)))
}

/// A cell that starts a pair of its own, so is not the value of the label before it.
fn is_label_cell(c: &Cell) -> bool {
    let t = strip_among(c.trimmed());
    let colon = t.ends_with([':', '：']) && t.chars().count() <= 17;
    colon || headers::may_be_label(t) && is_label_key(&normalize_label(t))
}

/// The value of the label at `k`: the next filled cell, unless a label comes first. Returns
/// it and where reading goes on. A required field left empty gets its blank neighbour (or a
/// cell made where it would be) so the finding has a place.
fn value_after(row: &[Cell], k: usize, key: &str) -> (Option<Cell>, usize) {
    let mut j = k + 1;
    while let Some(c) = row.get(j) {
        if c.is_blank() {
            j += 1;
            continue;
        }
        if is_label_cell(c) {
            break;
        }
        return (Some(c.clone()), j + 1);
    }
    let next = (k + 1).max(j.min(row.len()));
    let blank = row
        .get(k + 1)
        .filter(|c| c.is_blank())
        .cloned()
        .or_else(|| {
            let label = row.get(k)?;
            headers::REQUIRED_FIELDS.contains(&key).then(|| {
                Cell::new(
                    "",
                    crate::form::Loc::new(label.loc.row, label.loc.col.saturating_add(1)),
                )
            })
        });
    (blank, next)
}

/// The fund source a label–value pair is a funding line of: a named total or source
/// (年度资金总额, 财政拨款, 其他资金 …) whatever its value holds (an unreadable amount is
/// B001's finding), or another money label (本年度申请市财政预算资金) or a part of the total
/// (其中：财政投款, whatever it is called) with a readable amount.
fn funding_source(key: &str, label: &str, value: Option<&Cell>) -> Option<FundSource> {
    let value = value?;
    match fund_source_of(key) {
        Some(FundSource::Named(_)) | None => {
            let part = crate::span::trim(label).starts_with("其中");
            let money = (part
                || ["预算", "执行数", "资金", "金额", "支出"]
                    .iter()
                    .any(|w| crate::span::has(key, w)))
                && !headers::NOT_AMOUNT_WORDS
                    .iter()
                    .any(|w| crate::span::has(key, w));
            let readable = matches!(
                crate::money::parse_amount(&value.text),
                crate::money::AmountCell::Value(..)
            );
            (money && readable).then(|| FundSource::Named(key.to_string()))
        }
        Some(source) => Some(source),
    }
}

/// A short cell that labels a money block and names its unit: 资金情况（万元）.
fn block_unit(c: &Cell) -> Option<(crate::form::MoneyUnit, Cell)> {
    let t = c.trimmed();
    if t.chars().count() > 24 || !["资金", "金额", "预算", "经费"].iter().any(|w| has(t, w))
    {
        return None;
    }
    let unit = money_unit_in(t)?;
    // Only a unit in brackets or after 单位：, not a figure's own (10万元).
    let bracketed = ["（", "(", "单位"].iter().any(|w| has(t, w));
    bracketed.then(|| (unit, c.clone()))
}

/// Every column's role in a header row. Where 得分 heads several columns (部门整体
/// evaluation tables: 一级指标 | 得分 | 二级指标 | 得分 | 三级指标 | 得分 | … | 得分), each one
/// right after a level column holds that level's points and the last is the score; a 分值
/// right after the 一级 or 二级 column is that group's points.
fn column_roles(row: &[Cell]) -> Vec<(usize, Role)> {
    let mut cols: Vec<(usize, Role)> = row
        .iter()
        .enumerate()
        .filter_map(|(c, cell)| role_of(&cell.text).map(|r| (c, r)))
        .collect();
    let scores = cols.iter().filter(|(_, r)| *r == Role::Score).count();
    let mut prev: Option<Role> = None;
    for (_, r) in cols.iter_mut() {
        let level = prev;
        prev = Some(*r);
        let group = match (*r, level) {
            (Role::Weight, Some(Role::Level1)) => Role::Level1Weight,
            (Role::Weight, Some(Role::Level2)) => Role::Level2Weight,
            (Role::Score, Some(Role::Level1)) if scores > 1 => Role::Level1Weight,
            (Role::Score, Some(Role::Level2)) if scores > 1 => Role::Level2Weight,
            (Role::Score, Some(Role::Level3)) if scores > 1 => Role::Weight,
            (r, _) => r,
        };
        *r = group;
    }
    cols
}

/// A money column of one year: `2018年预算数` → (2018, 年初预算数), `2018年调整后预算数` →
/// (2018, 全年预算数), `2017年决算数` → (2017, 执行数).
fn year_money_column(text: &str) -> Option<(u32, Role)> {
    if !headers::may_be_label(text) {
        return None;
    }
    let t = label_key(text);
    let (year, rest) = t.split_once('年')?;
    let year: u32 = year.parse().ok().filter(|y| (1990..=2100).contains(y))?;
    let rest = rest.trim_start_matches('度');
    let role = if rest.starts_with("调整后预算") || rest.starts_with("全年预算") {
        Role::BudgetAdjusted
    } else if rest.starts_with("预算") {
        Role::BudgetInitial
    } else if rest.starts_with("决算") || rest.starts_with("执行") || rest.starts_with("支出")
    {
        Role::Executed
    } else {
        return None;
    };
    (rest.chars().count() <= 6).then_some((year, role))
}

/// A cell that only states the money unit (`单位:万元`, `金额单位：元`).
fn is_unit_note(cell: &Cell) -> bool {
    let t = label_key(&cell.text);
    (t.starts_with("单位") || t.starts_with("金额单位")) && t.chars().count() <= 8
}

/// The columns of a second indicator block standing right of the first (中期 | 年度 side
/// by side: 二级 三级 指标值 again after the first 指标值).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct SideBlock {
    /// The block's own 一级 column, when it has one.
    level1: Option<usize>,
    level2: usize,
    level3: Option<usize>,
    target: usize,
}

/// A second 二级 … 指标值 run of columns after the first block's 指标值.
fn side_block(cols: &[(usize, Role)]) -> Option<SideBlock> {
    let after = |from: usize, role: Role| {
        cols.iter()
            .find(|(c, r)| *c > from && *r == role)
            .map(|(c, _)| *c)
    };
    let first_target = cols.iter().find(|(_, r)| *r == Role::Target)?.0;
    let level2 = after(first_target, Role::Level2)?;
    let level3 = after(level2, Role::Level3);
    let target = after(level3.unwrap_or(level2), Role::Target)?;
    let level1 = after(first_target, Role::Level1).filter(|c| *c < level2);
    Some(SideBlock {
        level1,
        level2,
        level3,
        target,
    })
}

/// The first column of each role, in column order.
fn first_of_each(cols: Vec<(usize, Role)>) -> Vec<(usize, Role)> {
    let mut seen: Vec<(usize, Role)> = Vec::with_capacity(cols.len());
    for (c, r) in cols {
        if !seen.iter().any(|(_, s)| *s == r) {
            seen.push((c, r));
        }
    }
    seen
}

fn sort_by_column(cols: &mut [(usize, Role)]) {
    // Insertion sort: a header has a dozen columns (see summary::sort_small on code size).
    for i in 1..cols.len() {
        let mut j = i;
        while j > 0 && cols.get(j - 1).map(|c| c.0) > cols.get(j).map(|c| c.0) {
            cols.swap(j - 1, j);
            j -= 1;
        }
    }
}

/// A short cell that reads as a title, not as data: no figure, no sentence.
fn is_title_text(c: &Cell) -> bool {
    let t = c.trimmed();
    t.chars().count() <= 20 && !looks_like_value(t) && !t.bytes().any(|b| b.is_ascii_digit())
}

/// A row of column titles standing above an indicator header: two or more header words,
/// every filled cell a short title.
fn is_title_band(row: &[Cell]) -> bool {
    let filled: Vec<&Cell> = row.iter().filter(|c| !c.is_blank()).collect();
    filled.iter().all(|c| is_title_text(c))
        && filled.iter().filter(|c| role_of(&c.text).is_some()).count() >= 2
        && !filled.iter().any(|c| {
            matches!(
                role_of(&c.text),
                Some(Role::ProjectName | Role::BudgetAdjusted)
            )
        })
}

/// A row of sub-titles right under an indicator header: nothing under the level columns
/// (a data row always names its indicator there), every filled cell a short title.
fn is_sub_header(row: &[Cell], header: &[(usize, Role)]) -> bool {
    let levels = header
        .iter()
        .filter(|(_, r)| matches!(r, Role::Level1 | Role::Level2 | Role::Level3))
        .map(|(c, _)| *c);
    let mut any = false;
    for c in levels {
        any = true;
        if row.get(c).is_some_and(|x| !x.is_blank()) {
            return false;
        }
    }
    let filled: Vec<&Cell> = row.iter().filter(|c| !c.is_blank()).collect();
    any && !filled.is_empty() && filled.iter().all(|c| is_title_text(c))
}

/// A piece of a 总体目标 label split over merged cells ("总" | "年度目标").
fn is_goal_fragment(c: &Cell) -> bool {
    headers::may_be_label(c.trimmed())
        && matches!(
            normalize_label(c.trimmed()).as_str(),
            "总" | "总体" | "总体目标"
        )
}

/// The field a part of a 年度总体目标 block is (by its name in the block's first row):
/// 年度目标 (预期目标, 年初设定目标), 年度目标完成情况 (实际完成情况), or 中期目标.
fn goal_part(t: &str) -> Option<&'static str> {
    if !headers::may_be_label(t) {
        return None;
    }
    let n = normalize_label(t);
    if n.chars().count() > 14 {
        return None;
    }
    if n.starts_with("中期") || n.starts_with("长期") {
        Some("中期目标")
    } else if n.contains("完成情况") {
        Some("年度目标完成情况")
    } else if [
        "预期目标",
        "年初设定目标",
        "年度目标",
        "年初目标",
        "年度绩效目标",
    ]
    .contains(&n.as_str())
    {
        Some("年度目标")
    } else {
        None
    }
}

/// An approval row under a table: 财政部门初审意见 | (盖章), 单位负责人（签字）.
fn is_sign_off(row: &[Cell]) -> bool {
    let first = row.iter().find(|c| !c.is_blank());
    first.is_some_and(|c| c.trimmed().ends_with("意见"))
        || row.iter().any(|c| {
            let t = c.trimmed();
            t.chars().count() <= 20 && ["盖章", "签字", "签章"].iter().any(|w| has(t, w))
        })
}

/// A line of prose or an outline heading (（三）存在的问题, 1、…。) that ends a table
/// embedded in a report.
fn is_prose_line(t: &str) -> bool {
    let outline = t.starts_with(['（', '(']) && t.chars().nth(1).is_some_and(is_cn_numeral)
        || t.chars()
            .next()
            .is_some_and(|c| c.is_ascii_digit() || is_cn_numeral(c))
            && t.chars().nth(1).is_some_and(|c| c == '、');
    outline || t.contains('。') || t.chars().count() >= 40
}

fn is_cn_numeral(c: char) -> bool {
    "一二三四五六七八九十".contains(c)
}

/// A row that heads an indicator table: 一级 with 二级/三级, or 三级 with 指标值.
fn is_indicator_header(row: &[Cell]) -> bool {
    // Every such header names a level (一级/二级/三级) in a short cell; most rows can be
    // passed over at once, and without reading their sentences through.
    if !row
        .iter()
        .any(|c| may_be_header(&c.text) && has(&c.text, "级"))
    {
        return false;
    }
    let roles: Vec<Role> = row.iter().filter_map(|c| role_of(&c.text)).collect();
    let has = |r: Role| roles.contains(&r);
    (has(Role::Level1) && (has(Role::Level2) || has(Role::Level3)))
        || (has(Role::Level3) && has(Role::Target))
}

fn is_year_line(text: &str) -> bool {
    let t: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let inner = t
        .trim_start_matches(['(', '（'])
        .trim_end_matches([')', '）']);
    inner.ends_with("年度")
        && inner.chars().count() <= 8
        && inner.chars().take(4).all(|c| c.is_ascii_digit())
}
