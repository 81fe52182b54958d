//! Reads a narrative self-evaluation report (绩效自评报告) as published, web-page furniture and all: finds its title past the site's chrome, lifts the figures in its prose — a budget, its spending and its rate stated in one sentence, a budget's composition, "年初指标值…，全年实际完成值…" pairs — and reads the small tables inside it as the tables they are; each figure is a cell at (line, character column).

use super::ReadOutput;
use crate::diagnostic::{Diagnostic, Location, Msg, Section};
use crate::form::{
    Cell, Cells, Field, Form, FormKind, FundSource, FundingRow, Indicator, Loc, Project, Role,
};
use crate::hanzi::fold;
use crate::money::{parse_amount, AmountCell};
use crate::rules::registry::Code;

/// "一、…", "（二）…", "(三)…": a line that opens a section of a report.
pub(crate) fn is_outline_heading(t: &str) -> bool {
    let numeral = |c: char| "一二三四五六七八九十".contains(c);
    let mut chars = t.chars();
    match chars.next() {
        Some(c) if numeral(c) => {
            let rest: String = chars.collect();
            let rest = rest.trim_start_matches(numeral);
            rest.starts_with('、')
        }
        Some('（' | '(') => {
            let rest: String = chars.collect();
            let inner = rest.trim_start_matches(numeral);
            inner.len() < rest.len() && inner.starts_with(['）', ')'])
        }
        _ => false,
    }
}

/// Words a report's title or preamble holds (simplified and traditional).
const REPORT_WORDS: &[&str] = &[
    "报告", "報告", "自评", "自評", "评价", "評價", "总结", "總結",
];

/// True for prose that reads as a report: two or more section headings (一、 / （一）) on
/// lines of their own, most lines not a row of a table, and a report's words somewhere.
pub fn is_narrative(text: &str) -> bool {
    if !REPORT_WORDS.iter().any(|w| crate::span::has(text, w)) {
        return false;
    }
    let (mut lines, mut rows, mut headings) = (0usize, 0usize, 0usize);
    for line in text.lines() {
        let t = line.trim();
        if t.is_empty() {
            continue;
        }
        lines += 1;
        if line
            .split('\t')
            .filter(|c| !c.trim().is_empty())
            .nth(1)
            .is_some()
        {
            rows += 1;
        } else if is_outline_heading(t) {
            headings += 1;
        }
    }
    headings >= 2 && rows * 2 < lines
}

/// A snippet of line `row` starting at byte `at`: its column is the 1-based character position.
fn cell(row: u32, line: &str, at: usize, snippet: &str) -> Cell {
    let col = line.get(..at).map_or(0, |p| p.chars().count()) + 1;
    Cell::new(snippet.trim(), Loc::new(row, col as u32))
}

/// Units a money figure in prose may carry; a bare 万 counts only where no other unit
/// follows it (万人, 万亩 are not money).
const MONEY_UNITS: &[&str] = &["亿元", "万元", "千元", "元", "万"];

/// The amount with unit starting at `s` (after optional 为/是/：): "64万元", "159800元",
/// "2595.6208 万元", "29.6万". Returns (start, end) byte offsets in `s`.
fn amount_at(s: &str) -> Option<(usize, usize)> {
    let skip = s.len() - s.trim_start_matches(['为', '是', '：', ':', ' ']).len();
    let rest = s.get(skip..)?;
    let num_end = rest
        .char_indices()
        .find(|(_, c)| !(c.is_ascii_digit() || matches!(c, '.' | ',')))
        .map_or(rest.len(), |(i, _)| i);
    let number = rest.get(..num_end)?.trim_end_matches([',', '.']);
    if number.is_empty() || !number.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let after = rest.get(number.len()..)?;
    let gap = after.len() - after.trim_start_matches(' ').len();
    let unit_rest = after.get(gap..)?;
    let unit = MONEY_UNITS.iter().find(|u| unit_rest.starts_with(**u))?;
    if *unit == "万" {
        let next = unit_rest
            .get('万'.len_utf8()..)
            .and_then(|r| r.chars().next());
        if next.is_some_and(|c| !c.is_ascii_punctuation() && !"，。；、）".contains(c)) {
            return None;
        }
    }
    Some((skip, skip + number.len() + gap + unit.len()))
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

/// Lines of site furniture above a report's title: language switches, breadcrumbs, dates
/// and sources, share buttons.
fn is_chrome(t: &str) -> bool {
    t.contains('|')
        || [
            "当前位置",
            "首页",
            "分享",
            "字体",
            "发布时间",
            "来源",
            "欢迎",
            "网站",
            "索引号",
            "发布机构",
            "浏览",
            "打印",
            "关闭",
        ]
        .iter()
        .any(|w| crate::span::has(t, w))
}

/// What a report's prose says about one sentence's money.
#[derive(Default)]
struct MoneySentence {
    budget: Option<(usize, usize)>,
    spent: Option<(usize, usize)>,
    rate: Option<(usize, usize)>,
}

/// Words before a figure that make it a budget, and those that make it spending (which win
/// when both stand before one figure: 实际总支出).
const BUDGET_CUES: &[&str] = &[
    "预算",
    "下达",
    "总额",
    "共计",
    "合计",
    "计划投资",
    "投资",
    "投入",
    "安排",
    "资金共",
    "资金",
];
const SPENT_CUES: &[&str] = &["执行数", "支出", "拨付", "发放", "支付", "使用", "执行"];

/// Budget, spending and rate stated in one sentence (`s` folded, offsets in it):
/// "资金23万元，…目前发放64500元", "实际下达预算2596万元，全年度实际总支出2595.6208 万元，项目预算执行率99%".
fn money_sentence(s: &str) -> MoneySentence {
    let mut found = MoneySentence::default();
    let mut from = 0usize;
    let mut i = 0usize;
    while i < s.len() {
        let Some(c) = s.get(i..).and_then(|r| r.chars().next()) else {
            break;
        };
        let starts = c.is_ascii_digit()
            && !s
                .get(..i)
                .and_then(|p| p.chars().last())
                .is_some_and(|p| p.is_ascii_digit() || p == '.');
        if let Some((a, b)) = starts.then(|| s.get(i..).and_then(amount_at)).flatten() {
            let before = s.get(from..i + a).unwrap_or("");
            // The last 16 characters before the figure name what it is.
            let window: String = {
                let chars: Vec<char> = before.chars().collect();
                let from = chars.len().saturating_sub(16);
                chars.get(from..).unwrap_or(&[]).iter().collect()
            };
            let spent_at = SPENT_CUES.iter().filter_map(|w| window.rfind(w)).max();
            let budget_at = BUDGET_CUES.iter().filter_map(|w| window.rfind(w)).max();
            let span = (i + a, i + b);
            match (spent_at, budget_at) {
                (Some(sp), Some(bu)) if sp >= bu => found.spent = found.spent.or(Some(span)),
                (Some(_), None) => found.spent = found.spent.or(Some(span)),
                (_, Some(_)) => {
                    if found.budget.is_none() && found.spent.is_none() {
                        found.budget = Some(span);
                    }
                }
                (None, None) => {}
            }
            from = i + b;
            i += b;
            continue;
        }
        i += c.len_utf8();
    }
    // 执行率 99%, 执行率为97%, 执行率达100%.
    if let Some(k) = s.find("执行率") {
        let after = k + "执行率".len();
        let rest = s.get(after..).unwrap_or("");
        let skip = rest.len()
            - rest
                .trim_start_matches(['为', '达', '是', '：', ':', ' '])
                .len();
        let num: usize = rest
            .get(skip..)
            .unwrap_or("")
            .char_indices()
            .find(|(_, c)| !(c.is_ascii_digit() || *c == '.'))
            .map_or(0, |(j, _)| j);
        let pct = rest
            .get(skip + num..)
            .is_some_and(|r| r.starts_with(['%', '％']));
        if num > 0 && pct {
            let end = after
                + skip
                + num
                + rest
                    .get(skip + num..)
                    .and_then(|r| r.chars().next())
                    .map_or(0, char::len_utf8);
            found.rate = Some((after + skip, end));
        }
    }
    found
}

/// The sentences of a line: up to and including each 。；;！!？?, with their byte offsets.
fn sentences(line: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut start = 0usize;
    line.split_inclusive(['。', '；', ';', '！', '!', '？', '?'])
        .map(move |s| {
            let at = start;
            start += s.len();
            (at, s)
        })
}

/// Keys that open a target value and an actual value in prose, longest first.
const TARGET_KEYS: &[&str] = &["年度指标值", "年初指标值", "年度目标值", "指标值", "目标值"];
const ACTUAL_KEYS: &[&str] = &["全年实际完成值", "实际完成值", "实际完成", "完成值"];

fn find_key(s: &str, keys: &[&str]) -> Option<(usize, usize)> {
    keys.iter()
        .filter_map(|k| crate::span::find(s, k).map(|i| (i, i + k.len())))
        .min_by_key(|(i, end)| (*i, usize::MAX - end))
}

/// Where a clause starts: after the last separator (either width) or ordinal before `at`.
fn clause_start(line: &str, at: usize) -> usize {
    let before = line.get(..at).unwrap_or("");
    before
        .char_indices()
        .rev()
        .find(|(_, c)| "，,；;。：: \u{3000}".contains(*c))
        .map_or(0, |(i, c)| i + c.len_utf8())
}

pub fn read(text: &str) -> ReadOutput {
    let folded = fold(text);
    let mut form = Form::new(FormKind::NarrativeReport);
    let lines: Vec<(u32, &str, &str)> = text
        .lines()
        .zip(folded.lines())
        .enumerate()
        .map(|(i, (l, f))| ((i as u32) + 1, l, f))
        .collect();
    let whole = |row: u32, t: &str| Cell::new(t.trim(), Loc::new(row, 1));
    let body_start = lines
        .iter()
        .position(|(_, _, f)| is_outline_heading(f.trim()))
        .unwrap_or(lines.len());
    let head = lines.get(..body_start).unwrap_or(&[]);
    let mut project = Project::default();
    let title = head.iter().rev().find(|(_, _, f)| {
        let t = f.trim();
        t.chars().count() <= 60
            && !is_chrome(t)
            && ["报告", "自评", "评价", "总结"]
                .iter()
                .any(|w| crate::span::has(t, w))
            && !t.ends_with([':', '：'])
    });
    if let Some((row, t, f)) = title {
        form.title = Some(whole(*row, t));
        if let Some(name) = project_name(f.trim()) {
            // The name's bytes in the folded title are the original's.
            let at = f.trim().find(&name).unwrap_or(0);
            let original = t.trim().get(at..at + name.len()).unwrap_or(&name);
            project.row = *row;
            project.name = Some(Cell::new(original, Loc::new(*row, 1)));
        }
        if let Some(year) = year_in(f.trim()) {
            form.fields.push(Field {
                key: "年度".to_string(),
                label: whole(*row, t),
                value: Some(Cell::new(year, Loc::new(*row, 1))),
            });
        }
    }
    // The publishing body: a source line, else a short first line naming a body.
    let source = head.iter().find_map(|(row, t, f)| {
        let k = f
            .find("来源：")
            .map(|k| k + "来源：".len())
            .or_else(|| f.find("来源:").map(|k| k + "来源:".len()))?;
        let v = t.get(k..)?.split_whitespace().next()?;
        (!v.is_empty()).then(|| cell(*row, t, k, v))
    });
    let body = head.iter().find(|(_, _, f)| {
        let t = f.trim();
        !t.is_empty()
            && t.chars().count() <= 30
            && !is_chrome(t)
            && [
                "局", "委", "会", "院", "中心", "办", "所", "站", "校", "馆", "厅", "室", "政府",
            ]
            .iter()
            .any(|w| t.ends_with(w))
    });
    if let Some(c) = source.or_else(|| body.map(|(row, t, _)| whole(*row, t))) {
        form.fields.push(Field {
            key: "单位".to_string(),
            label: c.clone(),
            value: Some(c),
        });
    }
    if !form.fields.iter().any(|f| f.key == "年度") {
        if let Some((row, t, _)) = head
            .iter()
            .find(|(_, _, f)| f.contains("年度") && f.trim().chars().count() <= 20)
        {
            form.fields.push(Field {
                key: "年度".to_string(),
                label: whole(*row, t),
                value: Some(whole(*row, t)),
            });
        }
    }

    let mut out = ReadOutput::default();
    read_tables(text, &mut project, &mut out);
    read_money(&lines, &mut project);
    out.diagnostics.extend(breakdown_cut(&lines));
    read_pairs(&lines, &mut project);

    if project.name.is_none() && project.funding.is_empty() && project.indicators.is_empty() {
        project = Project::default();
    }
    form.projects.push(project);
    form.text = Some(text.to_string());
    out.forms.push(form);
    out
}

/// A project's name in a report's title: the title without its report words and year
/// (安全技术服务费项目绩效自评报告 → 安全技术服务费项目), or what a bracket after them names
/// (…2023年度绩效自评报告（残疾人事业发展补助资金）).
fn project_name(title: &str) -> Option<String> {
    const SUFFIXES: &[&str] = &[
        "绩效自评总结报告",
        "自评总结报告",
        "绩效自评报告",
        "绩效评价报告",
        "自评报告",
        "评价报告",
        "总结报告",
        "绩效自评结果",
        "自评结果",
        "绩效评价",
        "绩效自评",
    ];
    let t = title.trim();
    if let Some(open) = t.rfind(['（', '(']) {
        let inner = t.get(open..).unwrap_or("");
        let before = t.get(..open).unwrap_or("");
        if SUFFIXES.iter().any(|s| before.ends_with(s)) && inner.ends_with(['）', ')']) {
            let name = inner
                .trim_start_matches(['（', '('])
                .trim_end_matches(['）', ')'])
                .trim();
            return (!name.is_empty()).then(|| name.to_string());
        }
    }
    let suffix = SUFFIXES.iter().find(|s| t.ends_with(**s))?;
    let mut name = t.get(..t.len() - suffix.len()).unwrap_or("").trim();
    // "…项目2023年度" / "2021年度…": the year is not the name.
    for _ in 0..2 {
        let trimmed = name.trim_end_matches("年度").trim_end_matches('年');
        if trimmed.len() < name.len() {
            let digits =
                trimmed.len() - trimmed.trim_end_matches(|c: char| c.is_ascii_digit()).len();
            if digits == 4 {
                name = trimmed.get(..trimmed.len() - 4).unwrap_or("").trim();
            }
        }
    }
    let lead = name.trim_start_matches(|c: char| c.is_ascii_digit());
    if name.len() - lead.len() == 4 {
        if let Some(r) = lead
            .strip_prefix("年度")
            .or_else(|| lead.strip_prefix('年'))
        {
            name = r.trim();
        }
    }
    (!name.is_empty()).then(|| name.to_string())
}

/// "2023年度" in a title.
fn year_in(t: &str) -> Option<String> {
    let k = t.find("年度").or_else(|| t.find('年'))?;
    let before = t.get(..k)?;
    let digits: String = before
        .chars()
        .rev()
        .take_while(char::is_ascii_digit)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    (digits.len() == 4).then(|| format!("{digits}年度"))
}

/// Tables inside the report (runs of two or more lines of tab-separated cells) read as the
/// tables they are, at their own rows: their indicators and funding join the report's.
fn read_tables(text: &str, project: &mut Project, out: &mut ReadOutput) {
    let lines: Vec<&str> = text.lines().collect();
    let is_row = |l: &str| {
        l.split('\t')
            .filter(|c| !c.trim().is_empty())
            .nth(1)
            .is_some()
    };
    let mut i = 0usize;
    while i < lines.len() {
        if !lines.get(i).is_some_and(|l| is_row(l)) {
            i += 1;
            continue;
        }
        let start = i;
        while lines.get(i).is_some_and(|l| is_row(l)) {
            i += 1;
        }
        if i - start < 2 {
            continue;
        }
        // Blank lines before the table keep its rows' numbers those of the report.
        let mut padded = "\n".repeat(start);
        for l in lines.get(start..i).unwrap_or(&[]) {
            padded.push_str(l);
            padded.push('\n');
        }
        let read = super::tsv::read(&padded);
        for f in read.forms {
            for p in f.projects {
                project.indicators.extend(p.indicators);
                project.headings.extend(p.headings);
                project.funding.extend(p.funding);
            }
        }
        out.diagnostics.extend(read.diagnostics);
    }
}

/// The report's money: the first sentence stating two of budget, spending and rate becomes
/// the project's funding total; a budget's composition ("共计64万元：包括A40万元，B16万元") its
/// parts, with what was paid on each when the report lists the payments in the same order.
fn read_money(lines: &[(u32, &str, &str)], project: &mut Project) {
    let mut total = Cells::default();
    let mut total_label: Option<Cell> = None;
    let mut parts: Vec<(Cell, Cells)> = Vec::new();
    // Budget composition.
    for (row, line, f) in lines {
        let Some(k) = f.find("共计").or_else(|| f.find("合计")) else {
            continue;
        };
        let after = k + "共计".len();
        let Some((a, b)) = f.get(after..).and_then(amount_at) else {
            continue;
        };
        let Some(amount) = line.get(after + a..after + b) else {
            continue;
        };
        total.push(Role::BudgetAdjusted, cell(*row, line, after + a, amount));
        total_label = Some(cell(*row, line, k, "共计"));
        let Some(inc) = f
            .get(after + b..)
            .and_then(|r| r.find("包括"))
            .map(|i| after + b + i + "包括".len())
        else {
            break;
        };
        // A list cut off before its sentence ends (a page cut short) is not summed.
        let Some(sentence_end) = f.get(inc..).and_then(|r| r.find('。')).map(|i| inc + i) else {
            break;
        };
        let list = f.get(inc..sentence_end).unwrap_or("");
        let mut piece_start = 0;
        for (sep_at, sep) in list
            .match_indices(['，', '、', '；', ',', ';'])
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
                        cell(
                            *row,
                            line,
                            at + pa,
                            line.get(at + pa..at + pb).unwrap_or(""),
                        ),
                    );
                    let label = line.get(at..at + pa).unwrap_or(label).trim();
                    parts.push((cell(*row, line, at, label), cells));
                }
            }
            piece_start = sep_at + sep.len();
        }
        break;
    }
    // The first sentence stating two of budget, spending and rate.
    'lines: for (row, line, f) in lines {
        for (at, s) in sentences(f) {
            let m = money_sentence(s);
            let stated = [m.budget, m.spent, m.rate].iter().flatten().count();
            if stated < 2 {
                continue;
            }
            let snippet = |(a, b): (usize, usize)| {
                cell(*row, line, at + a, line.get(at + a..at + b).unwrap_or(""))
            };
            if let Some(b) = m.budget {
                // The stated full-year budget wins over the composition's total.
                total.0.retain(|(r, _)| *r != Role::BudgetAdjusted);
                total.push(Role::BudgetAdjusted, snippet(b));
            }
            if let Some(s) = m.spent {
                total.push(Role::Executed, snippet(s));
            }
            if let Some(r) = m.rate {
                total.push(Role::Rate, snippet(r));
            }
            if total_label.is_none() {
                let first = [m.budget, m.spent, m.rate]
                    .iter()
                    .flatten()
                    .map(|(a, _)| *a)
                    .min()
                    .unwrap_or(0);
                total_label = Some(cell(*row, line, at, s.get(..first).unwrap_or("").trim()));
            }
            // Payments on each part: the amounts outside brackets in the sentence before.
            if !parts.is_empty() {
                let before = f.get(..at).unwrap_or("");
                let sent_end = before.rfind('。').unwrap_or(0);
                let sent_start = before
                    .get(..sent_end)
                    .and_then(|s| s.rfind('。'))
                    .map_or(0, |i| i + '。'.len_utf8());
                let sentence = f.get(sent_start..sent_end).unwrap_or("");
                let mut payments = Vec::new();
                let mut offset = sent_start;
                for piece in sentence.split_inclusive(['；', ';']) {
                    if let Some((a, b)) = last_amount_outside_brackets(piece) {
                        payments.push(cell(
                            *row,
                            line,
                            offset + a,
                            line.get(offset + a..offset + b).unwrap_or(""),
                        ));
                    }
                    offset += piece.len();
                }
                if payments.len() == parts.len() {
                    for ((_, cells), p) in parts.iter_mut().zip(payments) {
                        cells.push(Role::Executed, p);
                    }
                }
            }
            break 'lines;
        }
    }
    if total
        .0
        .iter()
        .any(|(_, c)| is_amount(&c.text) || c.text.contains(['%', '％']))
    {
        let label = total_label
            .filter(|c| !c.is_blank())
            .unwrap_or_else(|| Cell::new("全年预算数", Loc::default()));
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
}

/// A budget's list of parts (预算项目经费15690.38万元，具体包括：A155.85万元、B84.69万元…) that
/// runs to the end of the text with no sentence end: the page was cut inside the list, so
/// its sum can't be checked (B008, info), said at the total.
fn breakdown_cut(lines: &[(u32, &str, &str)]) -> Option<Diagnostic> {
    let (row, line, f) = lines.iter().rev().find(|(_, _, f)| !f.trim().is_empty())?;
    let inc = f.find("包括")?;
    // The amount the list makes up stands right before it (…15690.38万元，具体包括：).
    let head = f
        .get(..inc)?
        .trim_end_matches(['，', ',', '：', ':', ' '])
        .trim_end_matches("具体")
        .trim_end_matches("主要")
        .trim_end_matches(['，', ',', '：', ':', ' ']);
    let (a, b) = last_amount_outside_brackets(head)?;
    if b != head.len() {
        return None;
    }
    let list = f.get(inc..)?;
    if list.contains(['。', '；', ';']) {
        return None;
    }
    let listed = list
        .split(['，', '、', ','])
        .filter(|piece| last_amount_outside_brackets(piece).is_some())
        .count();
    if listed < 2 {
        return None;
    }
    // The total with the words that name it (预算项目经费15690.38万元), from the clause's start.
    let start = head
        .get(..a)?
        .char_indices()
        .rev()
        .find(|(_, c)| matches!(c, '，' | ',' | '。' | '；'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let total = line.get(start..b)?.trim();
    let at = Location {
        form: 0,
        section: Some(Section::Text),
        row: Some(*row),
        column: Some(cell(*row, line, start, total).loc.col),
        field: None,
        cell_text: Some(total.into()),
    };
    Some(Diagnostic::new(
        Code::B008,
        at,
        Msg::new(
            format!("“{total}”的构成清单列到第 {listed} 项后文字中断，没有列完，各项之和未能核对"),
            format!("The list of what \"{total}\" is made of stops after {listed} items: the text is cut off, so the parts' sum could not be checked"),
        ),
        Msg::new(
            "粘贴报告全文（构成清单列全）后再检查",
            "Paste the whole report, with the full list, and check again",
        ),
    ))
}

/// Indicators stated in prose: "<name>年初指标值为<target>，全年实际完成值<actual>。", under
/// the heading that names their 二级 ("1、产出数量指标：").
fn read_pairs(lines: &[(u32, &str, &str)], project: &mut Project) {
    let mut level2: Option<Cell> = None;
    for (row, line, f) in lines {
        // A row of a table inside the report is the table's (`read_tables`).
        if line
            .split('\t')
            .filter(|c| !c.trim().is_empty())
            .nth(1)
            .is_some()
        {
            continue;
        }
        let t = f.trim_start();
        let lead = f.len() - t.len();
        // A short head naming a 二级: "数量指标 …", "1、产出数量指标：第一，…".
        if let Some(end) = t.find("指标") {
            let head = t.get(..end + "指标".len()).unwrap_or("");
            let name = head.trim_start_matches(|c: char| c.is_ascii_digit() || "、.．".contains(c));
            let short = head.chars().count() <= 12 && !head.contains(['，', ',']);
            if end > 0 && short && !head.contains("年度") && !head.contains("指标值") {
                let at = lead + (head.len() - name.len());
                level2 = Some(cell(
                    *row,
                    line,
                    at,
                    line.get(at..lead + head.len()).unwrap_or(name),
                ));
            }
        }
        let mut search = 0;
        while let Some((ti, t_key_end)) = f.get(search..).and_then(|r| find_key(r, TARGET_KEYS)) {
            let (ti, t_key_end) = (search + ti, search + t_key_end);
            let skip = f.get(t_key_end..).map_or(0, |r| {
                r.len() - r.trim_start_matches(['为', '是', '：', ':']).len()
            });
            let t_start = t_key_end + skip;
            let Some((ai, a_key_end)) = f.get(t_start..).and_then(|r| find_key(r, ACTUAL_KEYS))
            else {
                break;
            };
            let (a_key, a_key_end) = (t_start + ai, t_start + a_key_end);
            // The target ends at the clause separator before the actual's key.
            let target_text = f
                .get(t_start..a_key)
                .unwrap_or("")
                .trim_end_matches(['，', ',', ' ', '；', ';']);
            let target_len = target_text.len();
            let skip = f.get(a_key_end..).map_or(0, |r| {
                r.len() - r.trim_start_matches(['为', '是', '：', ':']).len()
            });
            let a_start = a_key_end + skip;
            let a_end = f
                .get(a_start..)
                .and_then(|r| r.find(['；', '。', ';', '，', ',']))
                .map_or(f.len(), |k| a_start + k);
            // The name: the clause before the target's key, past an ordinal (第一，).
            let mut name_start = clause_start(f, ti);
            if let Some(l2) = level2.as_ref().filter(|l| l.loc.row == *row) {
                let l2_end = lead
                    + f.trim_start()
                        .find(l2.text.as_str())
                        .map_or(0, |k| k + l2.text.len());
                name_start = name_start.max(l2_end.min(ti));
            }
            let name = f.get(name_start..ti).unwrap_or("").trim();
            let name = if name.is_empty() {
                // "…，减少企业经济损失，年度指标值…": the clause before the comma names it.
                let prefix = f.get(..ti).unwrap_or("").trim_end_matches(['，', ',', ' ']);
                let from = clause_start(f, prefix.len());
                name_start = from;
                prefix.get(from..).unwrap_or("").trim()
            } else {
                name
            };
            let name_at = name_start
                + (f.get(name_start..ti).unwrap_or("").len()
                    - f.get(name_start..ti).unwrap_or("").trim_start().len());
            let mut cells = Cells::default();
            cells.push(
                Role::Target,
                cell(
                    *row,
                    line,
                    t_start,
                    line.get(t_start..t_start + target_len).unwrap_or(""),
                ),
            );
            cells.push(
                Role::Actual,
                cell(*row, line, a_start, line.get(a_start..a_end).unwrap_or("")),
            );
            let named = line.get(name_at..name_at + name.len()).unwrap_or(name);
            project.indicators.push(Indicator {
                row: *row,
                level1: None,
                level2: level2.clone(),
                level3: (!name.is_empty()).then(|| cell(*row, line, name_at, named)),
                cells,
                midterm: false,
            });
            search = a_end.max(ti + 1);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tells_reports_from_forms() {
        let cases = [
            ("某局\n安全技术服务费项目绩效自评报告\n一、项目概况\n内容。\n二、绩效目标\n内容。", true),
            ("為做好工作，現將評價情況報告如下：\n一、項目基本情況\n(一)項目簡介\n內容。", true),
            ("2021年度本专科生奖助学金项目自评结果\n一、自评结论\n(一)评价得分情况。\n一级指标\t二级指标\t指标名称\n产出指标\t质量指标\t知晓率", true),
            ("项目支出绩效自评表\n一级指标\t二级指标\t三级指标\t指标值\n产出指标\t数量指标\t培训人次\t≥300人次", false),
            ("一、培训\n二、宣传\n（没有报告的字样）", true),
            ("一、培训\n二、宣传", false),
        ];
        for (text, want) in cases {
            assert_eq!(is_narrative(text), want, "{text}");
        }
    }

    #[test]
    fn finds_budget_spending_and_rate_in_one_sentence() {
        let cases = [
            (
                "强制扑杀补助资金23万元,全部用于补贴,目前发放64500元,其余的在后续发放。",
                Some("23万元"),
                Some("64500元"),
                None,
            ),
            (
                "实际下达预算2596万元,全年度实际总支出2595.6208 万元,项目预算执行率99%。",
                Some("2596万元"),
                Some("2595.6208 万元"),
                Some("99%"),
            ),
            (
                "投入中央直达资金29.6万,执行数29.6万,执行率100%。",
                Some("29.6万"),
                Some("29.6万"),
                Some("100%"),
            ),
            (
                "项目资金共2179万元,截止2022年12月8日,已完成拨付2113.63万元,执行率97%。",
                Some("2179万元"),
                Some("2113.63万元"),
                Some("97%"),
            ),
            ("受益人口9200人,新建道路32.63公里。", None, None, None),
        ];
        for (s, budget, spent, rate) in cases {
            let m = money_sentence(s);
            let got = |x: Option<(usize, usize)>| x.and_then(|(a, b)| s.get(a..b));
            assert_eq!(
                (got(m.budget), got(m.spent), got(m.rate)),
                (budget, spent, rate),
                "{s}"
            );
        }
    }

    #[test]
    fn names_the_project_from_the_title() {
        let cases = [
            ("安全技术服务费项目绩效自评报告", Some("安全技术服务费项目")),
            (
                "强制扑杀补助资金支付2023年度绩效自评报告",
                Some("强制扑杀补助资金支付"),
            ),
            (
                "镜湖区残联中央转移支付2023年度绩效自评报告(残疾人事业发展补助资金)",
                Some("残疾人事业发展补助资金"),
            ),
            (
                "2021年度本专科生奖助学金项目自评结果",
                Some("本专科生奖助学金项目"),
            ),
            ("部门整体支出绩效评价报告", Some("部门整体支出")),
            ("绩效评价自评报告", Some("绩效评价")),
        ];
        for (title, want) in cases {
            assert_eq!(project_name(title).as_deref(), want, "{title}");
        }
    }
}
