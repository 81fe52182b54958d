//! Self-evaluation scoring rules (family E) and the figures they share: 分值 and 得分 per row.

pub mod bands_not_distinct;
pub mod deduction_unexplained;
pub mod deviation_reason_missing;
pub mod execution_score_mismatch;
pub mod grade_mismatch;
pub mod indicator_progress_light;
pub mod indicator_score_mismatch;
pub mod monitoring_light_unexplained;
pub mod narrative_target_missed;
pub mod score_exceeds_weight;
pub mod total_score_mismatch;
pub mod weights_do_not_sum;

use crate::form::{Cell, Cells, Role};
use crate::money::{parse_amount, AmountCell, Stated};
use rust_decimal::Decimal;

/// A readable number in a 分值 or 得分 cell.
pub fn number(cells: &Cells, role: Role) -> Option<(Stated, &Cell)> {
    let cell = cells.get(role)?;
    match parse_amount(&cell.text) {
        AmountCell::Value(s, None) => Some((s, cell)),
        _ => None,
    }
}

/// How far a stated score may sit from the recomputed one: the profile's tolerance, or
/// half a unit of the last decimal the form wrote, whichever is larger.
pub fn tolerance(profile_tol: Decimal, stated: &Stated) -> Decimal {
    let half = Decimal::new(5, stated.decimals.saturating_add(1).min(28));
    profile_tol.max(half)
}

/// Each monitored indicator with its light (value so far against the target's pace), on a
/// monitoring form whose month is known: (value so far, target, month, light, % of pace).
pub fn lights<'c, 'a>(
    cx: &'c crate::rules::Context<'a>,
) -> Vec<(
    &'c crate::rules::value::ValueCell<'a>,
    &'c crate::rules::value::ValueCell<'a>,
    u32,
    crate::monitor::Light,
    Option<Decimal>,
)> {
    if cx.form.kind != crate::form::FormKind::Monitoring {
        return Vec::new();
    }
    let Some(m) = crate::rules::rate::budget_progress_behind::month(cx) else {
        return Vec::new();
    };
    cx.values()
        .iter()
        .filter(|v| v.role == Role::Actual)
        .filter_map(|current| {
            let target = cx.target_of(current)?;
            let (light, pace) = crate::monitor::indicator_light(
                &cx.profile.monitoring,
                &target.parsed.value,
                &current.parsed.value,
                m,
            )?;
            Some((current, target, m, light, pace))
        })
        .collect()
}
