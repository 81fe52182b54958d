//! S026: a goal that copies another field of the form word for word (the 部门职能职责概述, the
//! 项目概况), so that it states nothing the year is to achieve.
//!
//! 检查内容：年度（总体）目标与表头的职能职责概述、项目概况等栏目一字不差。
//! 原因：职能职责和项目概况说明“做什么”，年度目标应写本年度要达到的产出和效果；照抄后目标无从考核。
//! 错误示例：部门职能职责概述“保证林业局职能实现,保障人员经费。”，年度绩效总目标也是“保证林业局职能实现,保障人员经费。”。
//! 正确示例：年度绩效总目标“保障116名在职职工工资按月足额发放，完成湿地保有量4900公顷……”。

use crate::diagnostic::{Diagnostic, Msg, Section};
use crate::read::headers::normalize_label;
use crate::rules::registry::Code;
use crate::rules::{Context, Reads, Rule};

pub struct GoalCopiesField;

/// Field keys of the form's descriptions (headers.rs FIELD_ALIASES).
const DESCRIPTIONS: &[&str] = &["职能职责", "项目概况"];

impl Rule for GoalCopiesField {
    fn code(&self) -> Code {
        Code::S026
    }

    fn reads(&self) -> Reads {
        Reads::REST
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        let Some(goal) = cx
            .form
            .fields
            .iter()
            .find(|f| f.key == "年度目标")
            .and_then(|f| f.value.as_ref().map(|v| (f, v)))
        else {
            return;
        };
        let text = normalize_label(&goal.1.text);
        // A few words alike (见附件, 无) are not a copy.
        if text.chars().count() < 8 {
            return;
        }
        let copied = cx
            .form
            .fields
            .iter()
            .filter(|f| DESCRIPTIONS.contains(&f.key.as_str()))
            .find(|f| {
                f.value
                    .as_ref()
                    .is_some_and(|v| normalize_label(&v.text) == text)
            });
        let Some(source) = copied else {
            return;
        };
        let (goal_label, source_label) = (
            goal.0.label.trimmed().trim_start_matches('*'),
            source.label.trimmed().trim_start_matches('*'),
        );
        out.push(Diagnostic::new(
            self.code(),
            cx.loc(Section::Header, None, goal.1),
            Msg::new(
                format!("“{goal_label}”与“{source_label}”一字不差，没有写出本年度要达到的目标"),
                format!("\"{goal_label}\" repeats \"{source_label}\" word for word and states no goal for the year"),
            ),
            Msg::new(
                "年度目标写本年度计划完成的产出和效果（数量、质量、时效、效益），与绩效指标相对应；职能职责不必重复",
                "State the outputs and effects planned for the year (quantity, quality, timing, benefit), matching the indicators",
            ),
        ));
    }
}
