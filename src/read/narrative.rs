//! Recognises a narrative self-evaluation report (绩效自评报告) and keeps its text, title and project name.

use super::ReadOutput;
use crate::form::{Cell, Field, Form, FormKind, Loc, Project};

/// True for prose that reads as a 自评报告: no tab-separated table, a report title and numbered sections.
pub fn is_narrative(text: &str) -> bool {
    let tabbed_lines = text.lines().filter(|l| l.contains('\t')).count();
    tabbed_lines * 10 < text.lines().count().max(1)
        && (text.contains("自评报告") || text.contains("评价报告"))
        && text.contains("一、")
}

pub fn read(text: &str) -> ReadOutput {
    let mut form = Form::new(FormKind::NarrativeReport);
    let lines: Vec<(u32, &str)> = text
        .lines()
        .enumerate()
        .map(|(i, l)| ((i as u32) + 1, l))
        .collect();
    let cell = |row: u32, t: &str| Cell::new(t.trim(), Loc::new(row, 1));
    // The most specific title: the last short line naming a report before section 一、.
    let body_start = lines
        .iter()
        .position(|(_, l)| l.trim_start().starts_with("一、"))
        .unwrap_or(lines.len());
    let head = lines.get(..body_start).unwrap_or(&[]);
    let title = head
        .iter()
        .rev()
        .find(|(_, l)| l.contains("报告") && l.trim().chars().count() <= 60);
    if let Some((row, t)) = title {
        form.title = Some(cell(*row, t));
        let name = t
            .trim()
            .trim_end_matches("绩效自评报告")
            .trim_end_matches("自评报告")
            .trim_end_matches("绩效评价");
        if !name.is_empty() && name != t.trim() {
            form.projects.push(Project {
                row: *row,
                name: Some(Cell::new(name, Loc::new(*row, 1))),
                ..Project::default()
            });
        }
    }
    if let Some((row, t)) = head.iter().find(|(_, l)| !l.trim().is_empty()) {
        if !t.contains("报告") {
            form.fields.push(Field {
                key: "单位".to_string(),
                label: cell(*row, t),
                value: Some(cell(*row, t)),
            });
        }
    }
    if let Some((row, t)) = head
        .iter()
        .find(|(_, l)| l.contains("年度") && l.trim().chars().count() <= 20)
    {
        form.fields.push(Field {
            key: "年度".to_string(),
            label: cell(*row, t),
            value: Some(cell(*row, t)),
        });
    }
    if form.projects.is_empty() {
        form.projects.push(Project::default());
    }
    form.text = Some(text.to_string());
    ReadOutput {
        forms: vec![form],
        diagnostics: Vec::new(),
    }
}
