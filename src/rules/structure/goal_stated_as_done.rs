//! S023: a target form's goal is written as results already achieved (解决了生产道路硬化问题, 极大的改善了…), not as what the year is to achieve.
//!
//! 检查内容：绩效目标表的年度目标、中期目标应写计划达到的产出和效果，不应写成已经取得的成效。
//! 原因：目标是考核的依据，写成“已解决”“已改善”的结论，年底无从对照考核。
//! 错误示例：“水泥路硬化路面……解决了生产道路硬化问题 3、极大的改善了老百姓的生产生活问题”。
//! 正确示例：“硬化果园路4公里，解决沿线果农生产道路硬化问题”。

use crate::diagnostic::{Diagnostic, Msg, Section};
use crate::form::FormKind;
use crate::rules::registry::Code;
use crate::rules::{Context, Reads, Rule};

pub struct GoalStatedAsDone;

/// Verbs with 了: a result reported, not a goal set.
const DONE: &[&str] = &[
    "解决了",
    "改善了",
    "完成了",
    "实现了",
    "提高了",
    "提升了",
    "得到了",
    "建成了",
    "改变了",
];

impl Rule for GoalStatedAsDone {
    fn code(&self) -> Code {
        Code::S023
    }

    fn reads(&self) -> Reads {
        Reads::REST
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        if cx.form.kind != FormKind::Target {
            return;
        }
        for field in cx.form.fields.iter().filter(|f| f.key.contains("目标")) {
            let Some(value) = field.value.as_ref() else {
                continue;
            };
            // Background (在已建成了20个站的基础上，…; 上年完成了…) is not the goal.
            let background = ["基础上", "前期", "上年", "去年", "以来", "已有"];
            let word = value
                .text
                .split(['，', ',', '。', '；', ';'])
                .filter(|clause| !background.iter().any(|b| clause.contains(b)))
                .find_map(|clause| DONE.iter().find(|w| crate::span::has(clause, w)));
            let Some(word) = word else {
                continue;
            };
            let label = field.label.trimmed().trim_start_matches('*');
            out.push(Diagnostic::new(
                self.code(),
                cx.loc(Section::Header, None, value),
                Msg::new(
                    format!("“{label}”写成了已经取得的成效（“{word}”），不是本期要达到的目标"),
                    format!("\"{label}\" reports results already achieved (\"{word}\") instead of stating what is to be achieved"),
                ),
                Msg::new(
                    "目标写计划完成的产出和效果（如“硬化果园路4公里，解决沿线生产道路硬化问题”），成效留到自评时填写",
                    "State the outputs and effects planned (\"harden 4 km of road\"); report results in the self-evaluation",
                ),
            ));
        }
    }
}
