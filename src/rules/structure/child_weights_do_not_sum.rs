//! S015: a 一级 or 二级 group's 分值 differs from the sum of its children's 分值.
//!
//! 检查内容：二级指标分值 = 其下三级指标分值之和；一级指标分值 = 其下二级（或三级）指标分值之和。
//! 原因：分值不闭合，总分就不是 100，评分无法复核。
//! 错误示例：产出指标 50 分，其下三级指标 20 + 20 + 5 = 45 分。
//! 正确示例：产出指标 50 分，其下三级指标 20 + 20 + 10 = 50 分。

use crate::diagnostic::{Diagnostic, Msg, Section};
use crate::form::{Cell, Indicator, Loc, Project, Role};
use crate::memo::{FastMap as HashMap, FastSet as HashSet};
use crate::money::{amount_interval, fmt_fixed, interval_sum, parse_amount, AmountCell, Stated};
use crate::rules::registry::Code;
use crate::rules::{Context, Reads, Rule};

pub struct ChildWeightsDoNotSum;

fn points(cell: Option<&Cell>) -> Option<(Stated, &Cell)> {
    let cell = cell.filter(|c| !c.is_blank())?;
    match parse_amount(&cell.text) {
        AmountCell::Value(s, None) => Some((s, cell)),
        _ => None,
    }
}

/// One group: its label cell, its own 分值, and its children's 分值.
struct Group<'a> {
    label: &'a Cell,
    weight: Option<(Stated, &'a Cell)>,
    children: Vec<(Stated, &'a Cell)>,
}

/// Groups keyed by their label cell (a filled-down label is one cell), in first-seen order.
#[derive(Default)]
struct Groups<'a> {
    list: Vec<Group<'a>>,
    index: HashMap<(Loc, &'a str), usize>,
}

impl<'a> Groups<'a> {
    fn get(&mut self, label: &'a Cell) -> Option<&mut Group<'a>> {
        let list = &mut self.list;
        let at = *self
            .index
            .entry((label.loc, label.as_str()))
            .or_insert_with(|| {
                list.push(Group {
                    label,
                    weight: None,
                    children: Vec::new(),
                });
                list.len().saturating_sub(1)
            });
        self.list.get_mut(at)
    }

    fn find(&self, label: &Cell) -> Option<&Group<'a>> {
        let at = self.index.get(&(label.loc, label.as_str()))?;
        self.list.get(*at)
    }
}

/// The non-blank 一级 and 二级 label cells of a row.
fn labels(i: &Indicator) -> (Option<&Cell>, Option<&Cell>) {
    (
        i.level1.as_ref().filter(|c| !c.is_blank()),
        i.level2.as_ref().filter(|c| !c.is_blank()),
    )
}

/// 一级 and 二级 groups of a project with their stated and child 分值.
fn groups(project: &Project) -> (Groups<'_>, Groups<'_>) {
    let mut level1 = Groups::default();
    let mut level2 = Groups::default();
    // Headings: a row naming a 二级 gives that 二级's 分值, else the 一级's.
    for h in &project.headings {
        let (l1, l2) = labels(h);
        let own = points(h.cells.get(Role::Weight));
        let w1 = points(h.cells.get(Role::Level1Weight));
        let w2 = points(h.cells.get(Role::Level2Weight));
        if let Some(g) = l1.and_then(|c| level1.get(c)) {
            g.weight = g.weight.or(w1).or(if l2.is_none() { own } else { None });
        }
        if let Some(g) = l2.and_then(|c| level2.get(c)) {
            g.weight = g.weight.or(w2).or(own);
        }
    }
    for ind in &project.indicators {
        let (l1, l2) = labels(ind);
        if let Some(g) = l1.and_then(|c| level1.get(c)) {
            g.weight = g.weight.or(points(ind.cells.get(Role::Level1Weight)));
        }
        if let Some(g) = l2.and_then(|c| level2.get(c)) {
            g.weight = g.weight.or(points(ind.cells.get(Role::Level2Weight)));
            g.children.extend(points(ind.cells.get(Role::Weight)));
        }
    }
    // A 一级's children: its 二级 groups' 分值 where they have them, else the 三级 分值.
    let mut counted: HashSet<(Loc, Loc)> = HashSet::default();
    for ind in &project.indicators {
        let (Some(l1), l2) = labels(ind) else {
            continue;
        };
        let child = match l2.and_then(|c| level2.find(c)).and_then(|g| g.weight) {
            Some(w) => counted.insert((l1.loc, w.1.loc)).then_some(w),
            None => points(ind.cells.get(Role::Weight)),
        };
        if let (Some(w), Some(g)) = (child, level1.get(l1)) {
            g.children.push(w);
        }
    }
    (level1, level2)
}

impl Rule for ChildWeightsDoNotSum {
    fn code(&self) -> Code {
        Code::S015
    }

    fn reads(&self) -> Reads {
        Reads::indicators(&[
            Role::Level1,
            Role::Level2,
            Role::Weight,
            Role::Level1Weight,
            Role::Level2Weight,
        ])
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        if !cx.has_tree() {
            return;
        }
        for project in &cx.form.projects {
            let (level1, level2) = groups(project);
            // A table cut short: its last groups may have children beyond the cut.
            let last = project
                .indicators
                .iter()
                .max_by_key(|i| i.row)
                .filter(|_| project.open_ended);
            let cut_short = |label: &Cell| {
                last.is_some_and(|i| {
                    [&i.level1, &i.level2]
                        .into_iter()
                        .flatten()
                        .any(|c| c.loc == label.loc)
                })
            };
            for (g, role) in level1
                .list
                .iter()
                .map(|g| (g, Role::Level1Weight))
                .chain(level2.list.iter().map(|g| (g, Role::Level2Weight)))
            {
                let Some((stated, wcell)) = g.weight else {
                    continue;
                };
                if g.children.is_empty() {
                    continue;
                }
                let Some((sum, exact)) = interval_sum(g.children.iter().map(|(s, _)| s)) else {
                    continue;
                };
                let stated_at = amount_interval(&stated);
                if sum.intersects(&stated_at) || (sum.hi < stated_at.lo && cut_short(g.label)) {
                    continue;
                }
                let dp = g
                    .children
                    .iter()
                    .map(|(s, _)| s.decimals)
                    .chain([stated.decimals])
                    .max()
                    .unwrap_or(0);
                let parts: Vec<&str> = g.children.iter().map(|(_, c)| c.trimmed()).collect();
                let name = g.label.trimmed();
                let shown = fmt_fixed(exact, dp);
                let mut d = Diagnostic::new(
                    self.code(),
                    cx.loc(Section::Indicators, Some(role), wcell),
                    Msg::new(
                        format!("“{name}”分值 {} ≠ 下级分值之和 {shown}（{}）", wcell.trimmed(), parts.join(" + ")),
                        format!("\"{name}\" is worth {} but its children add up to {shown} ({})", wcell.trimmed(), parts.join(" + ")),
                    ),
                    Msg::new(
                        format!("上级分值应等于其下各指标分值之和。请调整“{name}”或其下指标的分值"),
                        "A group's points must equal the sum of its children's points; adjust one or the other",
                    ),
                );
                for (_, c) in &g.children {
                    d = d.with_related(
                        cx.loc(Section::Indicators, Some(Role::Weight), c),
                        Msg::new("下级分值", "child points"),
                    );
                }
                out.push(d);
            }
        }
    }
}
