//! Self-evaluation scoring rules (family E) and the figures they share: 分值 and 得分 per row.

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
