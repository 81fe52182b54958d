//! E003: an indicator's 得分 differs from what its target, result and 分值 give (正向 B/A×W, 反向 per profile), or a qualitative score falls outside its outcome's band.
//!
//! 检查内容：定量指标得分按正向/反向公式复核；定性指标得分须在“达成/部分达成/未达成”对应的区间内。
//! 原因：得分须与完成情况一致，否则自评结论不可信。
//! 错误示例：指标值 ≥95%，实际 90%，分值 10，得分 10。
//! 正确示例：得分 9.47（90 ÷ 95 × 10）。

use super::{number, tolerance};
use crate::diagnostic::{Diagnostic, Msg, Section};
use crate::form::{FormKind, Role};
use crate::money::fmt_fixed;
use crate::rules::registry::Code;
use crate::rules::{Context, Reads, Rule};
use crate::score::{band_of, indicator_score};
use crate::value::compare::{compare, Outcome};
use crate::value::{Comparator, Kind};

pub struct IndicatorScoreMismatch;

impl Rule for IndicatorScoreMismatch {
    fn code(&self) -> Code {
        Code::E003
    }

    fn reads(&self) -> Reads {
        crate::rules::value::READS.union(Reads::indicators(&[Role::Weight, Role::Score]))
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        if cx.form.kind != FormKind::SelfEvaluation {
            return;
        }
        let scoring = &cx.profile.scoring;
        for v in cx.values().iter().filter(|v| v.role == Role::Actual) {
            let cells = &v.indicator.cells;
            let (Some((w, _)), Some((s, s_cell))) =
                (number(cells, Role::Weight), number(cells, Role::Score))
            else {
                continue;
            };
            if s.value > w.value {
                continue; // E001 says it
            }
            let Some(target) = cx.target_of(v) else {
                continue;
            };
            let t = &target.parsed.value;
            let a = &v.parsed.value;
            // The expected range, and how it was worked out (written only when reported).
            let band = band_of(scoring, &v.cell.text);
            let (expected_lo, expected_hi, positive) = if let Some(band) = band {
                let (Some(lo), Some(hi)) =
                    (band.min.checked_mul(w.value), band.max.checked_mul(w.value))
                else {
                    continue;
                };
                (lo, hi, true)
            } else if matches!(t.kind, Kind::Quantitative) && compare(t, a) != Outcome::CantTell {
                let positive = !matches!(t.comparator, Some(Comparator::Le | Comparator::Lt));
                let (Some(ta), Some(ab)) = (t.value, a.value) else {
                    continue;
                };
                let Some(exp) = indicator_score(scoring, positive, ta, ab, w.value) else {
                    continue;
                };
                (exp, exp, positive)
            } else {
                continue;
            };
            let tol = tolerance(scoring.tolerance, &s);
            let (Some(lo), Some(hi)) = (expected_lo.checked_sub(tol), expected_hi.checked_add(tol))
            else {
                continue;
            };
            if s.value >= lo && s.value <= hi {
                continue;
            }
            let how = match band {
                Some(band) => format!(
                    "“{}”应得分值的 {}–{}，即 {}–{} 分",
                    band.outcome,
                    band.min,
                    band.max,
                    fmt_fixed(expected_lo, 2),
                    fmt_fixed(expected_hi, 2)
                ),
                None if positive => {
                    format!(
                        "正向：min(实际 ÷ 目标, 1) × 分值 = {}",
                        fmt_fixed(expected_lo, 2)
                    )
                }
                None => format!(
                    "反向：{} = {}",
                    match scoring.negative {
                        crate::score::NegativeFormula::InverseRatio => "目标 ÷ 实际 × 分值",
                        crate::score::NegativeFormula::LinearToDouble => "(1 − 超出比例) × 分值",
                    },
                    fmt_fixed(expected_lo, 2)
                ),
            };
            out.push(
                Diagnostic::new(
                    self.code(),
                    cx.loc(Section::Indicators, Some(Role::Score), s_cell),
                    Msg::new(
                        format!("“{}”得分 {} 与完成情况不符：按{how}", v.name, s_cell.trimmed()),
                        format!("Score {} of \"{}\" does not match its result ({how})", s_cell.trimmed(), v.name),
                    ),
                    Msg::new(
                        "按指标值与实际完成值复核得分；完成值未达目标时按比例扣分，超额完成不加分",
                        "Recheck the score from the target and the result; shortfalls lose points proportionally, over-achievement earns none",
                    ),
                )
                .with_related(v.location(cx), Msg::new("实际完成值", "actual value"))
                .with_related(target.location(cx), Msg::new("指标值", "target value")),
            );
        }
    }
}
