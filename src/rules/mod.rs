//! The rule trait, the context a rule sees, and running every rule over every form.

pub mod registry;

mod budget;
pub mod rate;
mod score;
mod structure;
pub mod value;

use crate::diagnostic::{Diagnostic, Location, Section};
use crate::form::{Cell, Form, Role};
use crate::profile::Profile;
use registry::Code;
use std::cell::OnceCell;

/// What a rule sees: one form, its index in the report, the profile, and the form's
/// 指标值 cells parsed once for all rules.
pub struct Context<'a> {
    pub form: &'a Form,
    pub form_index: usize,
    pub profile: &'a Profile,
    values: OnceCell<Vec<value::ValueCell<'a>>>,
}

impl<'a> Context<'a> {
    pub fn new(form: &'a Form, form_index: usize, profile: &'a Profile) -> Self {
        Context {
            form,
            form_index,
            profile,
            values: OnceCell::new(),
        }
    }

    /// Every target and actual cell of the form, parsed (once).
    pub fn values(&self) -> &[value::ValueCell<'a>] {
        self.values.get_or_init(|| value::collect(self.form))
    }

    /// The location of `cell` in this form.
    pub fn loc(&self, section: Section, role: Option<Role>, cell: &Cell) -> Location {
        Location {
            form: self.form_index,
            section: Some(section),
            row: (cell.loc.row > 0).then_some(cell.loc.row),
            column: (cell.loc.col > 0).then_some(cell.loc.col),
            field: role.map(Role::as_str),
            cell_text: Some(cell.text.clone()),
        }
    }
}

/// One check. A rule emits only its own code.
pub trait Rule: Sync {
    fn code(&self) -> Code;
    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>);
}

/// Every rule, one line each.
pub fn all() -> Vec<&'static dyn Rule> {
    vec![
        &structure::required_cell_empty::RequiredCellEmpty,
        &budget::amount_unreadable::AmountUnreadable,
        &budget::fund_sources_do_not_sum_to_total::FundSourcesDoNotSumToTotal,
        &rate::execution_rate_mismatch::ExecutionRateMismatch,
        &rate::spending_without_budget::SpendingWithoutBudget,
        &rate::execution_rate_over_100::ExecutionRateOver100,
        &rate::low_execution_rate_without_reason::LowExecutionRateWithoutReason,
        &rate::budget_adjusted_without_reason::BudgetAdjustedWithoutReason,
        &rate::budget_progress_behind::BudgetProgressBehind,
        &value::value_unparseable::ValueUnparseable,
        &value::template_placeholder::TemplatePlaceholder,
        &value::excel_date_serial::ExcelDateSerial,
        &value::doubled_comparator::DoubledComparator,
        &value::rate_above_100::RateAbove100,
        &value::direction_contradicts_indicator::DirectionContradictsIndicator,
        &value::unit_conflict::UnitConflict,
        &value::nonstandard_spelling::NonstandardSpelling,
        &value::unknown_unit::UnknownUnit,
        &value::missing_unit::MissingUnit,
        &value::missing_comparator::MissingComparator,
        &score::score_exceeds_weight::ScoreExceedsWeight,
        &score::execution_score_mismatch::ExecutionScoreMismatch,
        &score::indicator_score_mismatch::IndicatorScoreMismatch,
        &score::total_score_mismatch::TotalScoreMismatch,
        &score::weights_do_not_sum::WeightsDoNotSum,
        &score::deviation_reason_missing::DeviationReasonMissing,
        &score::narrative_target_missed::NarrativeTargetMissed,
        &score::indicator_progress_light::IndicatorProgressLight,
        &score::monitoring_light_unexplained::MonitoringLightUnexplained,
        &score::grade_mismatch::GradeMismatch,
    ]
}

/// Runs every rule on every form, applying the profile's severity overrides.
pub fn run_all(forms: &[Form], profile: &Profile) -> Vec<Diagnostic> {
    let rules = all();
    let mut out = Vec::new();
    for (form_index, form) in forms.iter().enumerate() {
        let cx = Context::new(form, form_index, profile);
        for rule in &rules {
            let start = out.len();
            rule.check(&cx, &mut out);
            debug_assert!(out.iter().skip(start).all(|d| d.code == rule.code()));
        }
    }
    out
}
