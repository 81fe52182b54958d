//! Reads a narrative self-evaluation report (绩效自评报告): keeps its text and lifts the figures in its sentences — budget lines, spending, and "年度指标值…，实际完成值…" pairs — into the form model, each as a cell at (line, character column).

use super::ReadOutput;
use crate::form::{
    Cell, Cells, Field, Form, FormKind, FundSource, FundingRow, Indicator, Loc, Project, Role,
};
use crate::money::{parse_amount, AmountCell};

/// True for prose that reads as a 自评报告: no tab-separated table, a report title and numbered sections.
pub fn is_narrative(text: &str) -> bool {
    // The words first: a pasted table seldom has them, and they cost less than the lines.
    if !((text.contains("自评报告") || text.contains("评价报告")) && text.contains("一、"))
    {
        return false;
    }
    let (lines, tabbed) = text.lines().fold((0usize, 0usize), |(n, t), l| {
        (n + 1, t + usize::from(l.contains('\t')))
    });
    tabbed * 10 < lines.max(1)
}

/// A snippet of line `row` starting at byte `at`: its column is the 1-based character position.
fn cell(row: u32, line: &str, at: usize, snippet: &str) -> Cell {
    let col = line.get(..at).map_or(0, |p| p.chars().count()) + 1;
    Cell::new(snippet.trim(), Loc::new(row, col as u32))
}

/// The amount with unit starting at `s` (after optional 为/是/：): "64万元", "159800元", "64.086095万元".
fn amount_at(s: &str) -> Option<(usize, usize)> {
    let skip = s.len() - s.trim_start_matches(['为', '是', '：', ':', ' ']).len();
    let rest = s.get(skip..)?;
    let num_end = rest
        .char_indices()
        .find(|(_, c)| !(c.is_ascii_digit() || matches!(c, '.' | ',')))
        .map_or(rest.len(), |(i, _)| i);
    if num_end == 0 {
        return None;
    }
    let unit_len = ["亿元", "万元", "千元", "元"]
        .iter()
        .find(|u| rest.get(num_end..).is_some_and(|r| r.starts_with(**u)))?
        .len();
    Some((skip, skip + num_end + unit_len))
}

/// The last amount with unit in `s` that is outside brackets, as (start, end) byte offsets.
fn last_amount_outside_brackets(s: &str) -> Option<(usize, usize)> {
    let mut depth = 0i32;
    let mut best = None;
    for (i, c) in s.char_indices() {
        match c {
            '(' | '（' => depth += 1,
            ')' | '）' => depth -= 1,
            c if depth == 0 && c.is_ascii_digit() => {
                let before_is_digit = s
                    .get(..i)
                    .and_then(|p| p.chars().last())
                    .is_some_and(|p| p.is_ascii_digit() || p == '.');
                if !before_is_digit {
                    if let Some((a, b)) = s.get(i..).and_then(amount_at) {
                        best = Some((i + a, i + b));
                    }
                }
            }
            _ => {}
        }
    }
    best
}

fn is_amount(text: &str) -> bool {
    matches!(parse_amount(text), AmountCell::Value(..))
}

pub fn read(text: &str) -> ReadOutput {
    let mut form = Form::new(FormKind::NarrativeReport);
    let lines: Vec<(u32, &str)> = text
        .lines()
        .enumerate()
        .map(|(i, l)| ((i as u32) + 1, l))
        .collect();
    let whole = |row: u32, t: &str| Cell::new(t.trim(), Loc::new(row, 1));
    let body_start = lines
        .iter()
        .position(|(_, l)| l.trim_start().starts_with("一、"))
        .unwrap_or(lines.len());
    let head = lines.get(..body_start).unwrap_or(&[]);
    let mut project = Project::default();
    if let Some((row, t)) = head
        .iter()
        .rev()
        .find(|(_, l)| l.contains("报告") && l.trim().chars().count() <= 60)
    {
        form.title = Some(whole(*row, t));
        let name = t
            .trim()
            .trim_end_matches("绩效自评报告")
            .trim_end_matches("自评报告")
            .trim_end_matches("绩效评价");
        if !name.is_empty() && name != t.trim() {
            project.row = *row;
            project.name = Some(whole(*row, name));
        }
    }
    if let Some((row, t)) = head.iter().find(|(_, l)| !l.trim().is_empty()) {
        if !t.contains("报告") {
            form.fields.push(Field {
                key: "单位".to_string(),
                label: whole(*row, t),
                value: Some(whole(*row, t)),
            });
        }
    }
    if let Some((row, t)) = head
        .iter()
        .find(|(_, l)| l.contains("年度") && l.trim().chars().count() <= 20)
    {
        form.fields.push(Field {
            key: "年度".to_string(),
            label: whole(*row, t),
            value: Some(whole(*row, t)),
        });
    }
    form.money_unit = None;

    // Budget composition: "…共计64万元：包括A40万元，B16万元，C8万元。"
    let mut total = Cells::default();
    let mut total_label: Option<Cell> = None;
    let mut parts: Vec<(Cell, Cells)> = Vec::new();
    for (row, line) in &lines {
        let Some(k) = line.find("共计").or_else(|| line.find("合计")) else {
            continue;
        };
        let after = k + "共计".len();
        let Some((a, b)) = line.get(after..).and_then(amount_at) else {
            continue;
        };
        let Some(amount) = line.get(after + a..after + b) else {
            continue;
        };
        total.push(Role::BudgetAdjusted, cell(*row, line, after + a, amount));
        total_label = Some(cell(*row, line, k, "共计"));
        let Some(inc) = line
            .get(after + b..)
            .and_then(|r| r.find("包括"))
            .map(|i| after + b + i + "包括".len())
        else {
            break;
        };
        let sentence_end = line
            .get(inc..)
            .and_then(|r| r.find('。'))
            .map_or(line.len(), |i| inc + i);
        let list = line.get(inc..sentence_end).unwrap_or("");
        let mut piece_start = 0;
        for (sep_at, sep) in list
            .match_indices(['，', '、', '；', ','])
            .chain([(list.len(), "")])
        {
            let piece = list.get(piece_start..sep_at).unwrap_or("");
            if let Some((pa, pb)) = last_amount_outside_brackets(piece) {
                let label = piece.get(..pa).unwrap_or("").trim();
                if !label.is_empty() {
                    let at = inc + piece_start;
                    let mut cells = Cells::default();
                    cells.push(
                        Role::BudgetAdjusted,
                        cell(*row, line, at + pa, piece.get(pa..pb).unwrap_or("")),
                    );
                    parts.push((cell(*row, line, at, label), cells));
                }
            }
            piece_start = sep_at + sep.len();
        }
        break;
    }

    // Spending: "…全年预算数为64万元，全年执行数64.086095万元。" and the payments in the sentence before.
    for (row, line) in &lines {
        let Some(k) = line.find("全年执行数") else {
            continue;
        };
        let after = k + "全年执行数".len();
        if let Some((a, b)) = line.get(after..).and_then(amount_at) {
            total.push(
                Role::Executed,
                cell(
                    *row,
                    line,
                    after + a,
                    line.get(after + a..after + b).unwrap_or(""),
                ),
            );
        }
        if let Some(kb) = line.find("全年预算数") {
            let after_b = kb + "全年预算数".len();
            if let Some((a, b)) = line.get(after_b..).and_then(amount_at) {
                // The stated full-year budget wins over the composition's total.
                total.0.retain(|(r, _)| *r != Role::BudgetAdjusted);
                total.push(
                    Role::BudgetAdjusted,
                    cell(
                        *row,
                        line,
                        after_b + a,
                        line.get(after_b + a..after_b + b).unwrap_or(""),
                    ),
                );
            }
            // Payments: the amounts outside brackets in the sentence before.
            let before = line.get(..kb).unwrap_or("");
            let sent_end = before.rfind('。').unwrap_or(0);
            let sent_start = before
                .get(..sent_end)
                .and_then(|s| s.rfind('。'))
                .map_or(0, |i| i + '。'.len_utf8());
            let sentence = line.get(sent_start..sent_end).unwrap_or("");
            let mut payments = Vec::new();
            let mut offset = sent_start;
            for piece in sentence.split_inclusive(['；', ';']) {
                if let Some((a, b)) = last_amount_outside_brackets(piece) {
                    payments.push(cell(*row, line, offset + a, piece.get(a..b).unwrap_or("")));
                }
                offset += piece.len();
            }
            if payments.len() == parts.len() {
                for ((_, cells), p) in parts.iter_mut().zip(payments) {
                    cells.push(Role::Executed, p);
                }
            }
        }
        break;
    }
    if total.0.iter().any(|(_, c)| is_amount(&c.text)) {
        let label = total_label.unwrap_or_else(|| Cell::new("全年预算数", Loc::default()));
        project.funding.push(FundingRow {
            label,
            source: FundSource::Total,
            cells: total,
        });
        for (label, cells) in parts {
            let source = FundSource::Named(label.text.to_string());
            project.funding.push(FundingRow {
                label,
                source,
                cells,
            });
        }
    }

    // Indicators: "<二级>指标 <name>年度指标值<T>，实际完成值<A>；"
    let mut level2: Option<Cell> = None;
    for (row, line) in &lines {
        let t = line.trim_start();
        let lead = line.len() - t.len();
        let short_head = |e: &usize| {
            *e > 0
                && t.get(..*e)
                    .is_some_and(|h| h.chars().count() <= 10 && !h.contains('，'))
        };
        if let Some(end) = t.find("指标").filter(short_head) {
            let head = t.get(..end + "指标".len()).unwrap_or("");
            if !head.contains("年度") {
                level2 = Some(cell(*row, line, lead, head));
            }
        }
        let mut search = 0;
        while let Some(i) = line
            .get(search..)
            .and_then(|r| r.find("年度指标值"))
            .map(|i| search + i)
        {
            let t_start = i + "年度指标值".len();
            let skip = line
                .get(t_start..)
                .map_or(0, |r| r.len() - r.trim_start_matches(['为', '是']).len());
            let t_start = t_start + skip;
            let Some(a_key) = line
                .get(t_start..)
                .and_then(|r| r.find("实际完成值"))
                .map(|k| t_start + k)
            else {
                break;
            };
            let target_text = line
                .get(t_start..a_key)
                .unwrap_or("")
                .trim_end_matches(['，', ',', ' ']);
            let a_start = a_key + "实际完成值".len();
            let skip = line
                .get(a_start..)
                .map_or(0, |r| r.len() - r.trim_start_matches(['为', '是']).len());
            let a_start = a_start + skip;
            let a_end = line
                .get(a_start..)
                .and_then(|r| r.find(['；', '。', ';', '，']))
                .map_or(line.len(), |k| a_start + k);
            // The name: from the last separator before 年度指标值.
            let seg_start = line
                .get(..i)
                .and_then(|p| p.rfind(['；', '，', '。', ' ', '\u{3000}']))
                .map_or(0, |k| {
                    k + line
                        .get(k..)
                        .and_then(|r| r.chars().next())
                        .map_or(1, char::len_utf8)
                });
            let name_start = level2
                .as_ref()
                .filter(|l| l.loc.row == *row)
                .map_or(seg_start, |l| seg_start.max(lead + l.text.len()));
            let mut name = line.get(name_start..i).unwrap_or("").trim();
            let mut name_at = name_start;
            if name.is_empty() {
                // "…，减少企业经济损失，年度指标值…": the clause before the comma names it.
                let prefix = line
                    .get(..i)
                    .unwrap_or("")
                    .trim_end_matches(['，', ',', ' ']);
                let from = prefix
                    .rfind(['；', '，', '。', ' ', '\u{3000}'])
                    .map_or(0, |k| {
                        k + prefix
                            .get(k..)
                            .and_then(|r| r.chars().next())
                            .map_or(1, char::len_utf8)
                    });
                let from = level2
                    .as_ref()
                    .filter(|l| l.loc.row == *row)
                    .map_or(from, |l| from.max(lead + l.text.len()));
                name = prefix.get(from..).unwrap_or("").trim();
                name_at = from;
            }
            let mut cells = Cells::default();
            cells.push(Role::Target, cell(*row, line, t_start, target_text));
            cells.push(
                Role::Actual,
                cell(*row, line, a_start, line.get(a_start..a_end).unwrap_or("")),
            );
            project.indicators.push(Indicator {
                row: *row,
                level1: None,
                level2: level2.clone(),
                level3: (!name.is_empty()).then(|| cell(*row, line, name_at, name)),
                cells,
            });
            search = a_end.max(i + 1);
        }
    }
    if project.name.is_none() && project.funding.is_empty() && project.indicators.is_empty() {
        project = Project::default();
    }
    form.projects.push(project);
    form.text = Some(text.to_string());
    ReadOutput {
        forms: vec![form],
        diagnostics: Vec::new(),
    }
}
