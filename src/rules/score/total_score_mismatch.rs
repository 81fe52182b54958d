//! E004: the 总分 row's 得分 differs from the execution score plus the indicators' scores, or a total stated in the header (自评得分) can't be reached by the table's scores.
//!
//! 检查内容：总分 = 预算执行得分 + 各三级指标得分之和。
//! 原因：总分决定评价等级，加错会直接改变结论。
//! 错误示例：执行 9.5 + 指标 88 = 97.5，总分填 96。
//! 正确示例：总分 97.5。

use super::number;
use crate::diagnostic::{Applicability, Diagnostic, Fix, Msg, Section};
use crate::form::{FundSource, Project, Role};
use crate::money::{checked_sum, fmt_fixed};
use crate::money::{parse_amount, AmountCell};
use crate::rules::registry::Code;
use crate::rules::{Context, Reads, Rule};
use rust_decimal::Decimal;

pub struct TotalScoreMismatch;

impl TotalScoreMismatch {
    /// A total stated in the form's header (自评得分 98) over a table cut short: the visible
    /// scores plus every point the cut rows could still earn must reach it.
    fn check_stated_in_header(&self, cx: &Context, project: &Project, out: &mut Vec<Diagnostic>) {
        if !project.open_ended || number(&project.cells, Role::Score).is_some() {
            return;
        }
        let Some(stated_cell) = cx.form.field("自评得分") else {
            return;
        };
        let AmountCell::Value(stated, None) = parse_amount(&stated_cell.text) else {
            return;
        };
        // Each scored row's points: its score, or its 分值 where the score can't be read.
        let rows: Vec<(Decimal, Decimal)> = project
            .indicators
            .iter()
            .filter_map(|ind| {
                let (w, _) = number(&ind.cells, Role::Weight)?;
                let s = number(&ind.cells, Role::Score).map_or(w.value, |(s, _)| s.value);
                Some((s, w.value))
            })
            .collect();
        let (Some(scored), Some(weighed)) = (
            checked_sum(rows.iter().map(|(s, _)| *s)),
            checked_sum(rows.iter().map(|(_, w)| *w)),
        ) else {
            return;
        };
        let full = Decimal::ONE_HUNDRED;
        if rows.is_empty() || weighed > full {
            return;
        }
        let Some(unlisted) = full.checked_sub(weighed) else {
            return;
        };
        let Some(reachable) = scored.checked_add(unlisted) else {
            return;
        };
        let Some(limit) = reachable.checked_add(cx.profile.scoring.tolerance) else {
            return;
        };
        if stated.value <= limit {
            return;
        }
        let dp = stated.decimals;
        out.push(Diagnostic::new(
            self.code(),
            cx.loc(Section::Header, Some(Role::Score), stated_cell),
            Msg::new(
                format!(
                    "自评得分 {} 无法达到：表中各项得分 {} 分，未列出部分至多 {} 分（满分 100 − 已列分值 {}），合计最多 {} 分",
                    stated_cell.trimmed(),
                    fmt_fixed(scored, dp),
                    fmt_fixed(unlisted, dp),
                    fmt_fixed(weighed, dp),
                    fmt_fixed(reachable, dp)
                ),
                format!(
                    "The stated total {} can't be reached: the listed scores give {} and the rest of the table at most {}",
                    stated_cell.trimmed(),
                    fmt_fixed(scored, dp),
                    fmt_fixed(unlisted, dp)
                ),
            ),
            Msg::new(
                "核对各项得分和自评总分；表格不完整的，请连同全部指标一起复制后再检查",
                "Check the scores and the total; if the table is incomplete, copy it whole and check again",
            ),
        ));
    }
}

impl Rule for TotalScoreMismatch {
    fn code(&self) -> Code {
        Code::E004
    }

    fn reads(&self) -> Reads {
        Reads::indicators(&[Role::Score, Role::Weight])
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        let tol = cx.profile.scoring.tolerance;
        if let [project] = cx.form.projects.as_slice() {
            self.check_stated_in_header(cx, project, out);
        }
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
            let Some(diff) = sum.checked_sub(total.value) else {
                continue;
            };
            if diff.abs() <= tol {
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
