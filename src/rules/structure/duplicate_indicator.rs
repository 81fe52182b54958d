//! S014: the same 三级 indicator twice under one 二级 of a project.
//!
//! 检查内容：同一二级指标下的三级指标名称不应重复。
//! 原因：重复的指标会被重复计分，也说明表格在复制粘贴时出了错。
//! 错误示例：“数量指标”下两行都是“培训人次”。
//! 正确示例：合并为一行，或改成不同的指标（“培训人次”“培训场次”）。

use crate::diagnostic::{Diagnostic, Msg, Section};
use crate::form::Role;
use crate::memo::FastMap as HashMap;
use crate::read::headers::label_key;
use crate::rules::registry::Code;
use crate::rules::{Context, Reads, Rule};
use crate::span::ellipsize;

pub struct DuplicateIndicator;

impl Rule for DuplicateIndicator {
    fn code(&self) -> Code {
        Code::S014
    }

    fn reads(&self) -> Reads {
        Reads::indicators(&[Role::Level2, Role::Level3])
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        if !cx.has_tree() {
            return;
        }
        for project in &cx.form.projects {
            let mut first = HashMap::default();
            for ind in &project.indicators {
                let Some(name) = ind.level3.as_ref().filter(|c| !c.is_blank()) else {
                    continue;
                };
                // The 二级 group is the label cell the row sits under (filled down).
                let group = ind.level2.as_ref().map(|c| c.loc);
                let key = (group, label_key(&name.text));
                let Some(earlier) = first.get(&key) else {
                    first.insert(key, name);
                    continue;
                };
                let shown = ellipsize(name.trimmed(), 20);
                let earlier: &&crate::form::Cell = earlier;
                out.push(
                    Diagnostic::new(
                        self.code(),
                        cx.loc(Section::Indicators, Some(Role::Level3), name),
                        Msg::new(
                            format!("三级指标“{shown}”与第 {} 行重复", earlier.loc.row),
                            format!("Level-3 \"{shown}\" repeats row {}", earlier.loc.row),
                        ),
                        Msg::new(
                            "同一二级指标下不要重复设置同一指标：删去重复行，或改为不同的指标",
                            "Delete the repeated row or make it a different indicator",
                        ),
                    )
                    .with_related(
                        cx.loc(Section::Indicators, Some(Role::Level3), earlier),
                        Msg::new("首次出现", "first occurrence"),
                    ),
                );
            }
        }
    }
}
