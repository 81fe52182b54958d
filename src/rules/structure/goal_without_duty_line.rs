//! S032 (info): a 部门整体 form's numbered 年度总体目标 (目标1：…；目标2：…) names a goal that no
//! 履职目标 line (年度目标任务, 支出项目) and no indicator takes up.
//!
//! 检查内容：部门整体绩效目标表的每一项年度总体目标，都应在年度履职目标中有对应的任务和支出，并有绩效指标衡量。
//! 原因：总体目标列了却没有任务、资金和指标，年底无从考核，也说明目标与预算脱节。
//! 错误示例：总体目标“目标2：对合作社区、退休人员及遗孀、困难群众进行一定程度的补助”，履职目标和指标中都没有补助的内容。
//! 正确示例：履职目标有一行“发放困难群众慰问补助”，并设指标“慰问补助人数”。

use crate::diagnostic::{Diagnostic, Msg, Section};
use crate::form::{FundSource, Role};
use crate::rules::registry::Code;
use crate::rules::{Context, Reads, Rule};

pub struct GoalWithoutDutyLine;

/// The numbered goals of a goal text ("目标1:确保…; 目标2:对…"), as (number text, goal).
fn numbered_goals(text: &str) -> Vec<(&str, &str)> {
    let mut out = Vec::new();
    for part in text.split(['；', ';', '。']) {
        let part = part.trim();
        let Some(rest) = part.strip_prefix("目标") else {
            continue;
        };
        let digits = rest
            .len()
            .saturating_sub(rest.trim_start_matches(|c: char| c.is_ascii_digit()).len());
        let (Some(label), Some(goal)) = (
            part.get(..digits.saturating_add("目标".len())),
            rest.get(digits..)
                .map(|g| g.trim_start_matches([':', '：', ' '])),
        ) else {
            continue;
        };
        if digits > 0 && !goal.is_empty() {
            out.push((label, goal));
        }
    }
    out
}

/// Pairs of neighbouring Chinese characters (调研, 研督 …): what two phrasings of one task share.
fn bigrams(text: &str) -> Vec<[char; 2]> {
    let han: Vec<char> = text
        .chars()
        .filter(|c| ('\u{4E00}'..='\u{9FFF}').contains(c))
        .collect();
    han.windows(2)
        .filter_map(|w| match w {
            [a, b] => Some([*a, *b]),
            _ => None,
        })
        .collect()
}

/// The goal shares a fifth of its character pairs (and at least two) with one of the texts.
fn taken_up<'t>(goal: &str, texts: impl IntoIterator<Item = &'t str>) -> bool {
    let want = bigrams(goal);
    let need = (want.len() / 5).max(2);
    texts.into_iter().any(|t| {
        let have = bigrams(t);
        want.iter().filter(|b| have.contains(b)).count() >= need
    })
}

impl Rule for GoalWithoutDutyLine {
    fn code(&self) -> Code {
        Code::S032
    }

    fn reads(&self) -> Reads {
        Reads::REST
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        for project in &cx.form.projects {
            let duties: Vec<&str> = project
                .funding
                .iter()
                .filter(|r| matches!(r.source, FundSource::Item(_)))
                .flat_map(|r| {
                    r.cells
                        .get(Role::Goal)
                        .map(|c| c.text.as_str())
                        .into_iter()
                        .chain([r.label.text.as_str()])
                })
                .collect();
            // Only a form that sets duty lines against its goals (a 部门整体 form).
            if duties.is_empty() {
                continue;
            }
            let indicators = project
                .indicators
                .iter()
                .flat_map(|i| [&i.level3, &i.level2])
                .flatten()
                .map(|c| c.text.as_str());
            let texts: Vec<&str> = duties.iter().copied().chain(indicators).collect();
            let goals = cx.form.fields.iter().filter(|f| f.key == "年度目标");
            for cell in goals.filter_map(|f| f.value.as_ref()) {
                for (label, goal) in numbered_goals(&cell.text) {
                    if taken_up(goal, texts.iter().copied()) {
                        continue;
                    }
                    let shown = crate::span::ellipsize(goal, 30);
                    out.push(Diagnostic::new(
                        self.code(),
                        cx.loc(Section::Header, None, cell),
                        Msg::new(
                            format!("年度总体目标中的“{label}：{shown}”在年度履职目标和绩效指标中都找不到对应的任务、支出或指标"),
                            format!("\"{label}: {shown}\" of the annual goals has no duty line (task, spending) and no indicator that takes it up"),
                        ),
                        Msg::new(
                            "为这项目标列出履职任务和支出项目，并设置衡量它的绩效指标；不再做的目标从总体目标中删去",
                            "Give this goal a duty line with its spending and an indicator that measures it, or drop it from the goals",
                        ),
                    ));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{numbered_goals, taken_up};

    #[test]
    fn splits_numbered_goals() {
        let text =
            "目标1:确保本室各人员工资及福利的发放; 目标2:对困难群众进行补助; 目标3：确保日常办公。";
        let got: Vec<&str> = numbered_goals(text).into_iter().map(|(l, _)| l).collect();
        assert_eq!(got, ["目标1", "目标2", "目标3"]);
        assert!(numbered_goals("完成全年志鉴编纂任务").is_empty());
    }

    #[test]
    fn a_goal_is_taken_up_by_a_task_phrased_otherwise() {
        let cases = [
            (
                "确保本室各人员工资及福利的发放",
                "按时发放2019年人员工资待遇",
                true,
            ),
            (
                "确保本室日常办公所需经费正常运行",
                "确保日常工作正常运行",
                true,
            ),
            (
                "对合作社区、退休人员及遗孀、困难群众进行一定程度的补助",
                "按时发放2019年人员福利",
                false,
            ),
        ];
        for (goal, task, want) in cases {
            assert_eq!(taken_up(goal, [task]), want, "{goal} / {task}");
        }
    }
}
