//! E004: the 总分 row's 得分 differs from the execution score plus the indicators' scores.
//!
//! 检查内容：总分 = 预算执行得分 + 各三级指标得分之和。
//! 原因：总分决定评价等级，加错会直接改变结论。
//! 错误示例：执行 9.5 + 指标 88 = 97.5，总分填 96。
//! 正确示例：总分 97.5。

use super::number;
use crate::diagnostic::{Applicability, Diagnostic, Fix, Msg, Section};
use crate::form::{FundSource, Role};
use crate::money::{checked_sum, fmt_fixed};
use crate::rules::registry::Code;
use crate::rules::{Context, Reads, Rule};

pub struct TotalScoreMismatch;

impl Rule for TotalScoreMismatch {
    fn code(&self) -> Code {
        Code::E004
    }

    fn reads(&self) -> Reads {
        Reads::indicators(&[Role::Score])
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        let tol = cx.profile.scoring.tolerance;
        for project in &cx.form.projects {
            let Some((total, total_cell)) = number(&project.cells, Role::Score) else {
                continue;
            };
            let exec = project
                .funding
                .iter()
                .filter(|r| r.source == FundSource::Total)
                .find_map(|r| number(&r.cells, Role::Score));
            let scores: Vec<_> = project
                .indicators
                .iter()
                .filter_map(|i| number(&i.cells, Role::Score))
                .collect();
            if scores.is_empty() {
                continue;
            }
            let Some(sum) = checked_sum(exec.iter().chain(scores.iter()).map(|(s, _)| s.value))
            else {
                continue;
            };
            let dp = exec
                .iter()
                .chain(scores.iter())
                .map(|(s, _)| s.decimals)
                .chain([total.decimals])
                .max()
                .unwrap_or(0);
            if (sum - total.value).abs() <= tol {
                continue;
            }
            let shown = fmt_fixed(sum, dp);
            let exec_s = exec.map_or("—".to_string(), |(_, c)| c.trimmed().to_string());
            let ind_sum = fmt_fixed(
                checked_sum(scores.iter().map(|(s, _)| s.value)).unwrap_or_default(),
                dp,
            );
            out.push(
                Diagnostic::new(
                    self.code(),
                    cx.loc(Section::Indicators, Some(Role::Score), total_cell),
                    Msg::new(
                        format!("总分 {} ≠ 预算执行得分 {exec_s} + 指标得分之和 {ind_sum} = {shown}", total_cell.trimmed()),
                        format!("Total {} ≠ execution score {exec_s} + indicator scores {ind_sum} = {shown}", total_cell.trimmed()),
                    ),
                    Msg::new("总分应为各项得分之和。请重新合计", "The total must be the sum of the scores; add them up again"),
                )
                .with_fix(Fix {
                    title: Msg::new(format!("总分改为 {shown}"), format!("Set the total to {shown}")),
                    replacement: shown,
                    applicability: Applicability::Unsafe,
                }),
            );
        }
    }
}
