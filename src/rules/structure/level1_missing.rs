//! S009: a 一级 indicator the profile's tree requires is missing from the indicator table.
//!
//! 检查内容：所选版式要求设置的一级指标（如中央版式的产出、效益、满意度）都要出现在指标表中。
//! 原因：缺少一级指标，分值和评分无法按办法折算，审核会退回。
//! 错误示例：自评表只有产出指标和效益指标，没有满意度指标。
//! 正确示例：产出指标、效益指标、满意度指标俱全。

use super::{cut_after, last_row, list, present_level1, row_location};
use crate::diagnostic::{Diagnostic, Msg};
use crate::rules::registry::Code;
use crate::rules::{Context, Reads, Rule};

pub struct Level1Missing;

impl Rule for Level1Missing {
    fn code(&self) -> Code {
        Code::S009
    }

    fn reads(&self) -> Reads {
        super::TREE
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        if !cx.tree_complete() {
            return;
        }
        let tree = &cx.profile.tree;
        let required = list(
            tree.level1
                .iter()
                .filter(|l| l.required)
                .map(|l| l.name.as_str()),
        );
        for (p, project) in cx.form.projects.iter().enumerate() {
            // No indicator table at all is S019's one finding, not one per category.
            if project.indicators.is_empty() {
                continue;
            }
            let present = present_level1(cx, p);
            let cut = cut_after(cx, p);
            for (i, l1) in tree.level1.iter().enumerate() {
                let past_cut = cut.is_some_and(|c| c == usize::MAX || i > c);
                if !l1.required || present.contains(&i) || past_cut {
                    continue;
                }
                out.push(Diagnostic::new(
                    self.code(),
                    row_location(cx, last_row(cx, p)),
                    Msg::new(
                        format!(
                            "缺少一级指标“{}”（{} 版式要求设置：{required}）",
                            l1.name, cx.profile.name
                        ),
                        format!(
                            "Level-1 indicator \"{}\" is missing (profile {} requires: {required})",
                            l1.name, cx.profile.name
                        ),
                    ),
                    Msg::new(
                        format!(
                            "请在指标表中补充“{}”及其二级、三级指标和指标值；若本地模板不设此项，请换用相应地区的配置",
                            l1.name
                        ),
                        format!(
                            "Add \"{}\" with its level-2 and level-3 indicators and targets; if your region's template has no such category, choose that region's profile",
                            l1.name
                        ),
                    ),
                ));
            }
        }
    }
}
