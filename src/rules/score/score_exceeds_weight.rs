//! E001: a 得分 above its 分值 (no bonus points in any scheme).
//!
//! 检查内容：每一行的得分不得超过该行分值。
//! 原因：各地评分办法均规定得分以分值为上限，不设加分。
//! 错误示例：分值 10，得分 12。
//! 正确示例：分值 10，得分 10。

use super::number;
use crate::diagnostic::{Applicability, Diagnostic, Fix, Msg, Section};
use crate::form::{Cells, Role};
use crate::rules::registry::Code;
use crate::rules::{Context, Reads, Rule};

pub struct ScoreExceedsWeight;

impl ScoreExceedsWeight {
    fn row(
        &self,
        cx: &Context,
        section: Section,
        what: impl Fn() -> String,
        cells: &Cells,
        out: &mut Vec<Diagnostic>,
    ) {
        let (Some((w, w_cell)), Some((s, s_cell))) =
            (number(cells, Role::Weight), number(cells, Role::Score))
        else {
            return;
        };
        if s.value <= w.value {
            return;
        }
        let (wt, st) = (w_cell.trimmed(), s_cell.trimmed());
        let what = what();
        out.push(
            Diagnostic::new(
                self.code(),
                cx.loc(section, Some(Role::Score), s_cell),
                Msg::new(format!("{what}得分 {st} 超过分值 {wt}"), format!("{what}: score {st} exceeds its points {wt}")),
                Msg::new("得分以分值为上限，不设加分；超额完成的请在偏差原因中说明", "Scores are capped at the row's points; explain over-achievement in the deviation reason"),
            )
            .with_related(cx.loc(section, Some(Role::Weight), w_cell), Msg::new("分值", "points"))
            .with_fix(Fix {
                title: Msg::new(format!("得分改为 {wt}"), format!("Set the score to {wt}")),
                replacement: wt.to_string(),
                applicability: Applicability::Unsafe,
            }),
        );
    }
}

impl Rule for ScoreExceedsWeight {
    fn code(&self) -> Code {
        Code::E001
    }

    fn reads(&self) -> Reads {
        Reads::indicators(&[Role::Level3, Role::Weight, Role::Score])
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        for project in &cx.form.projects {
            for row in &project.funding {
                self.row(
                    cx,
                    Section::Funding,
                    || "预算执行率：".to_string(),
                    &row.cells,
                    out,
                );
            }
            for ind in &project.indicators {
                let what = || {
                    let name = ind
                        .level3
                        .as_ref()
                        .map(|c| format!("“{}”", crate::span::ellipsize(c.trimmed(), 20)))
                        .unwrap_or_default();
                    format!("指标{name}")
                };
                self.row(cx, Section::Indicators, what, &ind.cells, out);
            }
        }
    }
}
