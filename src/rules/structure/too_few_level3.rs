//! S011: a 二级 indicator has fewer 三级 rows than the profile's minimum (a template row left with only its 二级 label is zero).
//!
//! 检查内容：每个二级指标下至少设置所选版式规定数量的三级指标（默认 1 个）。
//! 原因：只有二级标题、没有三级指标和指标值的行，是模板未填完的表现。
//! 错误示例：“时效指标”一行，三级指标和指标值都空着。
//! 正确示例：“时效指标”下设“完成时间”，指标值“2024年12月底前”。

use super::rows_of;
use crate::diagnostic::{Diagnostic, Msg, Section};
use crate::form::{Loc, Role};
use crate::memo::FastMap as HashMap;
use crate::rules::registry::Code;
use crate::rules::{Context, Reads, Rule};

pub struct TooFewLevel3;

/// A 二级 label cell, the tree entry it names, and how many 三级 rows it has.
type Level2Group<'a> = (&'a crate::form::Cell, Option<(usize, usize)>, usize);

impl Rule for TooFewLevel3 {
    fn code(&self) -> Code {
        Code::S011
    }

    fn reads(&self) -> Reads {
        super::TREE
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        if !cx.tree_complete() {
            return;
        }
        for p in 0..cx.form.projects.len() {
            // Each 二级 label cell, in order, with its tree entry and its 三级 count.
            let mut groups: Vec<Level2Group> = Vec::new();
            let mut index: HashMap<(Loc, &str), usize> = HashMap::default();
            for x in rows_of(cx, p) {
                let Some(label) = x.level2_cell() else {
                    continue;
                };
                let n = usize::from(!x.heading);
                let at = *index.entry((label.loc, label.as_str())).or_insert_with(|| {
                    groups.push((label, x.level2, 0));
                    groups.len().saturating_sub(1)
                });
                if let Some(g) = groups.get_mut(at) {
                    g.2 = g.2.saturating_add(n);
                }
            }
            // A table cut short may end on a 二级 whose 三级 lie beyond the cut.
            let cut_row = cx.form.projects.get(p).and_then(|pr| {
                pr.indicators
                    .iter()
                    .chain(pr.headings.iter())
                    .map(|i| i.row)
                    .max()
                    .filter(|_| pr.open_ended)
            });
            for (label, entry, count) in groups {
                let min = entry
                    .and_then(|e| cx.profile.tree.level2(e))
                    .map_or(1, |l| l.min_level3);
                let min = usize::try_from(min).unwrap_or(usize::MAX);
                let cut = cut_row == Some(label.loc.row);
                if count >= min || (count == 0 && cut) {
                    continue;
                }
                let name = label.trimmed();
                let (zh, en) = if count == 0 {
                    (
                        format!("二级指标“{name}”下没有三级指标"),
                        format!("Level-2 \"{name}\" has no level-3 indicator"),
                    )
                } else {
                    (
                        format!("二级指标“{name}”下只有 {count} 个三级指标，至少应有 {min} 个"),
                        format!("Level-2 \"{name}\" has {count} level-3 indicator(s); at least {min} expected"),
                    )
                };
                out.push(Diagnostic::new(
                    self.code(),
                    cx.loc(Section::Indicators, Some(Role::Level2), label),
                    Msg::new(zh, en),
                    Msg::new(
                        format!("请在“{name}”下填写三级指标名称和指标值；本项目确无此类指标的，删去这一行或按要求填“不适用”"),
                        "Fill in level-3 indicators and their targets, or delete the empty row if the category does not apply",
                    ),
                ));
            }
        }
    }
}
