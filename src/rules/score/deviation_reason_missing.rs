//! E006: a missed target (or one exceeded by the profile's factor, e.g. 广西 130%), or points deducted from an indicator, with the 偏差原因 cell empty.
//!
//! 检查内容：实际完成值未达到指标值、超出指标值过多，或得分低于分值（扣了分）时，必须填写偏差原因分析及改进措施。
//! 原因：10号文要求对未完成或偏离较大的目标说明原因并提出改进措施。
//! 错误示例：指标值 ≤8万元，实际 8.11万元，偏差原因为空。
//! 正确示例：偏差原因写“含上年结转 1060.95 元，已纳入下年预算”。

use crate::diagnostic::{Diagnostic, Msg, Section};
use crate::form::Role;
use crate::money::fmt_fixed;
use crate::rules::registry::Code;
use crate::rules::{Context, Reads, Rule};
use crate::score::achievement_percent;
use crate::value::compare::{compare, Outcome};
use crate::value::{Comparator, Kind};
use rust_decimal::Decimal;

pub struct DeviationReasonMissing;

/// A row scored below its 分值 although its result does not show a miss: the deduction
/// needs its reason as much as a missed target does. The message, when so.
fn deducted(cx: &Context, actual: &crate::rules::value::ValueCell) -> Option<(String, String)> {
    let cells = &actual.indicator.cells;
    let (w, _) = super::number(cells, Role::Weight)?;
    let (s, s_cell) = super::number(cells, Role::Score)?;
    let tol = super::tolerance(cx.profile.scoring.tolerance, &s);
    let floor = w.value.checked_sub(tol)?;
    let deduction = w.value.checked_sub(s.value)?;
    (s.value < floor && s.value >= Decimal::ZERO).then(|| {
        (
            format!(
                "“{}”得分 {} 低于分值 {}（扣 {} 分），但偏差原因为空",
                actual.name,
                s_cell.trimmed(),
                fmt_fixed(w.value, w.decimals),
                fmt_fixed(deduction, s.decimals.max(w.decimals))
            ),
            format!(
                "\"{}\" scores {} of {} but the deviation reason is empty",
                actual.name,
                s_cell.trimmed(),
                fmt_fixed(w.value, w.decimals)
            ),
        )
    })
}

impl Rule for DeviationReasonMissing {
    fn code(&self) -> Code {
        Code::E006
    }

    fn reads(&self) -> Reads {
        crate::rules::value::READS.union(Reads::indicators(&[
            Role::DeviationReason,
            Role::Weight,
            Role::Score,
        ]))
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        // Mid-year monitoring has its own lights (R006, E008, E009).
        if cx.form.kind == crate::form::FormKind::Monitoring {
            return;
        }
        let factor = cx.profile.scoring.over_achievement_factor;
        for actual in cx.values().iter().filter(|v| v.role == Role::Actual) {
            let Some(reason) = actual.indicator.cells.get(Role::DeviationReason) else {
                continue;
            };
            if !reason.is_blank() {
                continue;
            }
            let Some(target) = cx.target_of(actual) else {
                continue;
            };
            let (t, a) = (&target.parsed.value, &actual.parsed.value);
            let mut deduction = false;
            let (zh, en) = match compare(t, a) {
                Outcome::NotMet => (
                    format!(
                        "“{}”未达到目标（指标值 {}，实际 {}），但偏差原因为空",
                        actual.name,
                        target.cell.trimmed(),
                        actual.cell.trimmed()
                    ),
                    format!(
                        "\"{}\" missed its target ({} vs {}) but the deviation reason is empty",
                        actual.name,
                        target.cell.trimmed(),
                        actual.cell.trimmed()
                    ),
                ),
                Outcome::Met => {
                    let positive =
                        matches!(t.comparator, Some(Comparator::Ge | Comparator::Gt) | None)
                            && t.kind == Kind::Quantitative;
                    let over = match (factor, t.value, a.value) {
                        (Some(f), Some(tv), Some(av)) if positive && tv > Decimal::ZERO => f
                            .checked_mul(Decimal::ONE_HUNDRED)
                            .and_then(|limit| achievement_percent(tv, av).filter(|p| *p >= limit)),
                        _ => None,
                    };
                    match over {
                        Some(p) => (
                            format!(
                                "“{}”实际完成 {}，为指标值的 {}%，大幅超额但偏差原因为空",
                                actual.name,
                                actual.cell.trimmed(),
                                fmt_fixed(p, 0)
                            ),
                            format!(
                                "\"{}\" reached {}% of its target; the deviation reason is empty",
                                actual.name,
                                fmt_fixed(p, 0)
                            ),
                        ),
                        None => match deducted(cx, actual) {
                            Some(msg) => {
                                deduction = true;
                                msg
                            }
                            None => continue,
                        },
                    }
                }
                Outcome::CantTell => match deducted(cx, actual) {
                    Some(msg) => {
                        deduction = true;
                        msg
                    }
                    None => continue,
                },
            };
            out.push(
                Diagnostic::new(
                    self.code(),
                    cx.loc(Section::Indicators, Some(Role::DeviationReason), reason),
                    Msg::new(zh, en),
                    if deduction {
                        Msg::new(
                            "扣分须说明理由：请在“偏差原因分析及改进措施”中写明扣分的原因和改进措施；若目标已全部完成，应给满分",
                            "A deduction needs its reason: explain it in the deviation-reason column, or give full marks if the target was met",
                        )
                    } else {
                        Msg::new(
                            "请在“偏差原因分析及改进措施”中写明未完成（或大幅超额）的原因和改进措施",
                            "Explain the shortfall (or large over-achievement) and the remedy in the deviation-reason column",
                        )
                    },
                )
                .with_related(actual.location(cx), Msg::new("实际完成值", "actual value"))
                .with_related(target.location(cx), Msg::new("指标值", "target value")),
            );
        }
    }
}
