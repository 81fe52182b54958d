//! S010: a 一级 indicator lacks a 二级 the profile requires under it, or has fewer 二级 than the profile's minimum.
//!
//! 检查内容：产出指标下应有数量、质量、时效等必设二级指标；效益指标下至少有一个二级指标（以所选版式为准）。
//! 原因：二级指标不全，说明绩效目标没有覆盖产出的数量、质量、时效，审核会要求补充。
//! 错误示例：产出指标下只有数量指标和质量指标，没有时效指标。
//! 正确示例：产出指标下数量、质量、时效指标俱全。

use super::{cut_after, distinct, list, rows_of, set_of};
use crate::diagnostic::{Diagnostic, Msg, Section};
use crate::form::Role;
use crate::rules::registry::Code;
use crate::rules::{Context, Reads, Rule};

pub struct Level2Missing;

impl Rule for Level2Missing {
    fn code(&self) -> Code {
        Code::S010
    }

    fn reads(&self) -> Reads {
        super::TREE
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        if !cx.tree_complete() {
            return;
        }
        let tree = &cx.profile.tree;
        for p in 0..cx.form.projects.len() {
            let cut = cut_after(cx, p);
            for (i, l1) in tree.level1.iter().enumerate() {
                let rows: Vec<_> = rows_of(cx, p).filter(|x| x.level1 == Some(i)).collect();
                let Some(anchor) = rows.iter().find_map(|x| x.level1_cell()) else {
                    continue;
                };
                let matched = set_of(
                    rows.iter()
                        .filter_map(|x| x.level2.filter(|(a, _)| *a == i).map(|(_, j)| j)),
                );
                // A table cut short inside its last 一级 can't be judged for what follows.
                let last_here = cut == Some(i);
                let reached = matched.iter().max().copied();
                if last_here && reached.is_none() {
                    continue; // cut before its first 二级
                }
                let missing: Vec<&str> = l1
                    .level2
                    .iter()
                    .enumerate()
                    .filter(|(j, l2)| {
                        l2.required
                            && !matched.contains(j)
                            && !(last_here && reached.is_some_and(|r| *j > r))
                    })
                    .map(|(_, l2)| l2.name.as_str())
                    .collect();
                let loc = cx.loc(Section::Indicators, Some(Role::Level1), anchor);
                if !missing.is_empty() {
                    out.push(Diagnostic::new(
                        self.code(),
                        loc.clone(),
                        Msg::new(
                            format!(
                                "一级指标“{}”下缺少二级指标：{}（{} 版式要求）",
                                anchor.trimmed(),
                                list(missing.iter()),
                                cx.profile.name
                            ),
                            format!(
                                "Level-1 \"{}\" lacks level-2 indicators: {} (required by profile {})",
                                anchor.trimmed(),
                                list(missing.iter()),
                                cx.profile.name
                            ),
                        ),
                        Msg::new(
                            format!(
                                "请在“{}”下补充{}，每个二级指标下至少设一个三级指标并填写指标值",
                                anchor.trimmed(),
                                list(missing.iter())
                            ),
                            "Add the missing level-2 indicators, each with at least one level-3 indicator and its target",
                        ),
                    ));
                    continue;
                }
                // Distinct 二级 names, counted up to `min` (all the message needs): a form
                // may have thousands, and the names compared are then a handful.
                let min = usize::try_from(l1.min_level2).unwrap_or(usize::MAX);
                let mut names = Vec::new();
                for c in distinct(rows.iter().filter_map(|x| x.level2_cell())) {
                    let name = crate::tree::stem(&c.text);
                    if !names.contains(&name) {
                        names.push(name);
                        if names.len() >= min {
                            break;
                        }
                    }
                }
                let written = names.len();
                if written < min && !last_here {
                    let options = list(l1.level2.iter().map(|l| l.name.as_str()));
                    out.push(Diagnostic::new(
                        self.code(),
                        loc,
                        Msg::new(
                            format!(
                                "一级指标“{}”下只有 {written} 个二级指标，至少应有 {min} 个（可选：{options}）",
                                anchor.trimmed()
                            ),
                            format!(
                                "Level-1 \"{}\" has {written} level-2 indicator(s); at least {min} expected ({options})",
                                anchor.trimmed()
                            ),
                        ),
                        Msg::new(
                            "请按本项目实际补充二级指标",
                            "Add the level-2 indicators that apply to this project",
                        ),
                    ));
                }
            }
        }
    }
}
