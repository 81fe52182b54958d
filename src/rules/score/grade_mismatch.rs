//! E010: the grade a form states (自评等级 / 评价等级) is not the one its total earns under the profile's cut-offs.
//!
//! 检查内容：等级按总分确定（10号：90 分及以上为优，80–90 良，60–80 中，60 以下差；各地可配置）。
//! 原因：等级与总分不一致，结论不可信。
//! 错误示例：总分 85，自评等级“优”。
//! 正确示例：总分 85，自评等级“良”。

use super::number;
use crate::diagnostic::{Diagnostic, Msg, Section};
use crate::form::Role;
use crate::rules::registry::Code;
use crate::rules::{Context, Reads, Rule};
use crate::score::grade_of;

pub struct GradeMismatch;

impl Rule for GradeMismatch {
    fn code(&self) -> Code {
        Code::E010
    }

    fn reads(&self) -> Reads {
        Reads::REST
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        let Some(stated) = cx
            .form
            .fields
            .iter()
            .find(|f| f.key.contains("等级"))
            .and_then(|f| f.value.as_ref())
        else {
            return;
        };
        for project in &cx.form.projects {
            let Some((total, total_cell)) = number(&project.cells, Role::Score) else {
                continue;
            };
            let Some(expected) = grade_of(&cx.profile.scoring, total.value) else {
                continue;
            };
            let written = stated.trimmed();
            if written.is_empty() || written.starts_with(expected) {
                continue;
            }
            let cuts: Vec<String> = cx
                .profile
                .scoring
                .grades
                .iter()
                .map(|(m, g)| format!("{g} ≥{m}"))
                .collect();
            out.push(
                Diagnostic::new(
                    self.code(),
                    cx.loc(Section::Header, None, stated),
                    Msg::new(
                        format!(
                            "等级填写为“{written}”，总分 {} 对应的等级是“{expected}”",
                            total_cell.trimmed()
                        ),
                        format!(
                            "The grade is \"{written}\" but the total {} earns \"{expected}\"",
                            total_cell.trimmed()
                        ),
                    ),
                    Msg::new(
                        format!("等级按总分划分：{}", cuts.join("，")),
                        format!("Grades by total: {}", cuts.join(", ")),
                    ),
                )
                .with_related(
                    cx.loc(Section::Indicators, Some(Role::Score), total_cell),
                    Msg::new("总分", "total"),
                ),
            );
        }
    }
}
