//! The rule trait, the context a rule sees, and running every rule over every form.

#![deny(clippy::arithmetic_side_effects)]

pub mod registry;

pub(crate) mod budget;
mod cross;
pub mod rate;
mod score;
mod structure;
pub mod value;

use crate::diagnostic::{Diagnostic, Location, Section};
use crate::form::{Cell, Form, FormKind, Role};
use crate::profile::Profile;
use crate::tree::{Matcher, Placed};
use registry::Code;
use std::cell::OnceCell;

/// What a rule sees: one form, its index in the report, every form of the input (for
/// cross-form checks), the profile this form is checked with, and the form's 指标值
/// cells and tree placement worked out once for all rules.
pub struct Context<'a> {
    pub form: &'a Form,
    pub form_index: usize,
    pub forms: &'a [Form],
    pub profile: &'a Profile,
    values: OnceCell<Vec<value::ValueCell<'a>>>,
    executions: OnceCell<Vec<rate::Execution<'a>>>,
    matcher: OnceCell<Matcher<'a>>,
    placed: OnceCell<Vec<Placed<'a>>>,
    folded: OnceCell<Option<std::borrow::Cow<'a, str>>>,
}

impl<'a> Context<'a> {
    pub fn new(forms: &'a [Form], form_index: usize, profile: &'a Profile) -> Option<Self> {
        Some(Context {
            form: forms.get(form_index)?,
            form_index,
            forms,
            profile,
            values: OnceCell::new(),
            executions: OnceCell::new(),
            matcher: OnceCell::new(),
            placed: OnceCell::new(),
            folded: OnceCell::new(),
        })
    }

    /// Every target and actual cell of the form, parsed (once).
    pub fn values(&self) -> &[value::ValueCell<'a>] {
        self.values.get_or_init(|| value::collect(self.form))
    }

    /// Every funding row's budget, spending and rates (once; six rules read them).
    pub fn executions(&self) -> &[rate::Execution<'a>] {
        self.executions.get_or_init(|| rate::executions(self.form))
    }

    /// A report's text with its traditional characters folded (`Form::folded_text`), once:
    /// five rules match words on it.
    pub fn folded_text(&self) -> Option<&str> {
        self.folded
            .get_or_init(|| self.form.folded_text())
            .as_deref()
    }

    /// The target value on the same row as an actual value.
    pub fn target_of(&self, actual: &value::ValueCell<'a>) -> Option<&value::ValueCell<'a>> {
        actual.target.and_then(|i| self.values().get(i))
    }

    /// The profile's tree, ready to match labels (built once).
    pub fn matcher(&self) -> &Matcher<'a> {
        self.matcher.get_or_init(|| self.profile.tree.matcher())
    }

    /// Every indicator and heading row placed in the profile's tree (once).
    pub fn placed(&self) -> &[Placed<'a>] {
        self.placed
            .get_or_init(|| crate::tree::place(self.matcher(), &self.form.projects))
    }

    /// True when the form carries an indicator tree the profile's tree checks apply to: a
    /// form's indicator table, or a table of indicators inside a report.
    pub fn has_tree(&self) -> bool {
        let labelled = || {
            self.form.projects.iter().any(|p| {
                p.indicators
                    .iter()
                    .any(|i| i.level1.is_some() && i.level2.is_some())
            })
        };
        !self.profile.tree.level1.is_empty()
            && !self.form.projects.iter().any(|p| p.graded)
            && match self.form.kind {
                FormKind::Target | FormKind::SelfEvaluation | FormKind::Monitoring => true,
                FormKind::NarrativeReport => labelled(),
                FormKind::SummarySelfEvaluation => false,
            }
    }

    /// True when the form's tree is to be complete: a report's table lists what the report
    /// chose to show (完成的绩效目标), so what it leaves out is not missing.
    pub fn tree_complete(&self) -> bool {
        self.has_tree() && self.form.kind != FormKind::NarrativeReport
    }

    /// Where this form's money findings sit: the project rows of a summary of several
    /// projects, or the funding table.
    pub fn money_section(&self) -> Section {
        if self.form.projects.len() > 1 {
            Section::Projects
        } else {
            Section::Funding
        }
    }

    /// The location of `cell` in this form.
    pub fn loc(&self, section: Section, role: Option<Role>, cell: &Cell) -> Location {
        Self::loc_in(self.form_index, section, role, cell)
    }

    /// The location of `cell` in form `form` of the input (cross-form findings).
    pub fn loc_in(form: usize, section: Section, role: Option<Role>, cell: &Cell) -> Location {
        Location {
            form,
            section: Some(section),
            row: (cell.loc.row > 0).then_some(cell.loc.row),
            column: (cell.loc.col > 0).then_some(cell.loc.col),
            field: role.map(Role::as_str),
            cell_text: Some(cell.text.clone()),
        }
    }
}

/// What of a form a rule reads: indicator cells by role, and everything else about the
/// form. An edit that changes nothing a rule reads can't change its findings, so a check
/// after a keystroke reuses them (`crate::session`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reads(u64);

impl Reads {
    pub const NOTHING: Reads = Reads(0);
    /// Everything but indicator cells: the form's kind, title, fields and money unit, its
    /// projects' own cells, funding and heading rows, which rows there are and where.
    pub const REST: Reads = Reads(1 << 62);
    /// The other forms of the input (cross-form checks).
    pub const OTHER_FORMS: Reads = Reads(1 << 63);
    pub const ALL: Reads = Reads(u64::MAX);
    /// All of its own form, but not the other forms.
    pub const FORM: Reads = Reads(!Reads::OTHER_FORMS.0);

    /// Indicator cells of `roles` (三级 names are `Role::Level3`), and the rest of the form.
    pub const fn indicators(mut roles: &[Role]) -> Reads {
        let mut bits = Reads::REST.0;
        while let [first, rest @ ..] = roles {
            bits |= Reads::role(*first).0;
            roles = rest;
        }
        Reads(bits)
    }

    /// Indicator cells of one role.
    pub const fn role(role: Role) -> Reads {
        Reads(1 << role as u32)
    }

    pub const fn union(self, other: Reads) -> Reads {
        Reads(self.0 | other.0)
    }

    pub const fn intersects(self, other: Reads) -> bool {
        self.0 & other.0 != 0
    }
}

/// One check. A rule emits only its own code.
pub trait Rule: Sync {
    fn code(&self) -> Code;
    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>);
    /// What the rule reads; its findings are worked out again only when that changes. A
    /// rule that reads more than it says here keeps stale findings after an edit
    /// (`tests/session.rs` edits every fixture's cells to catch it).
    fn reads(&self) -> Reads {
        Reads::ALL
    }
}

/// Every rule, one line each.
pub fn all() -> Vec<&'static dyn Rule> {
    vec![
        &structure::required_cell_empty::RequiredCellEmpty,
        &structure::level1_missing::Level1Missing,
        &structure::level2_missing::Level2Missing,
        &structure::too_few_level3::TooFewLevel3,
        &structure::unknown_category::UnknownCategory,
        &structure::misplaced_category::MisplacedCategory,
        &structure::duplicate_indicator::DuplicateIndicator,
        &structure::child_weights_do_not_sum::ChildWeightsDoNotSum,
        &structure::template_text_left::TemplateTextLeft,
        &structure::text_too_long::TextTooLong,
        &structure::not_applicable_disallowed::NotApplicableDisallowed,
        &structure::cannot_verify::CannotVerify,
        &structure::document_number_malformed::DocumentNumberMalformed,
        &structure::midterm_copies_annual::MidtermCopiesAnnual,
        &structure::fund_label_misspelled::FundLabelMisspelled,
        &structure::goal_stated_as_done::GoalStatedAsDone,
        &structure::group_row_in_other_column::GroupRowInOtherColumn,
        &structure::common_typo::CommonTypo,
        &structure::goal_copies_field::GoalCopiesField,
        &structure::personnel_cost_in_project::PersonnelCostInProject,
        &structure::project_period_open::ProjectPeriodOpen,
        &structure::amount_cell_holds_text::AmountCellHoldsText,
        &structure::goal_without_duty_line::GoalWithoutDutyLine,
        &budget::amount_unreadable::AmountUnreadable,
        &budget::fund_sources_do_not_sum_to_total::FundSourcesDoNotSumToTotal,
        &budget::unit_cost_exceeds_budget::UnitCostExceedsBudget,
        &budget::period_total_below_annual::PeriodTotalBelowAnnual,
        &budget::spending_exceeds_income::SpendingExceedsIncome,
        &budget::amount_in_label_cell::AmountInLabelCell,
        &budget::separators_mixed::SeparatorsMixed,
        &rate::execution_rate_mismatch::ExecutionRateMismatch,
        &rate::spending_without_budget::SpendingWithoutBudget,
        &rate::execution_rate_over_100::ExecutionRateOver100,
        &rate::low_execution_rate_without_reason::LowExecutionRateWithoutReason,
        &rate::budget_adjusted_without_reason::BudgetAdjustedWithoutReason,
        &rate::budget_progress_behind::BudgetProgressBehind,
        &rate::full_payment_claim_contradicted::FullPaymentClaimContradicted,
        &rate::rate_before_year_end::RateBeforeYearEnd,
        &rate::full_payment_claim_unverified::FullPaymentClaimUnverified,
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
        &value::vague_output_target::VagueOutputTarget,
        &value::deadline_after_end::DeadlineAfterEnd,
        &value::name_target_differs::NameTargetDiffers,
        &value::spending_as_indicator::SpendingAsIndicator,
        &value::yes_no_graded_in_percent::YesNoGradedInPercent,
        &value::payment_accuracy_below_full::PaymentAccuracyBelowFull,
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
        &score::deduction_unexplained::DeductionUnexplained,
        &score::bands_not_distinct::BandsNotDistinct,
        &cross::indicator_not_in_approved_targets::IndicatorNotInApprovedTargets,
        &cross::approved_indicator_dropped::ApprovedIndicatorDropped,
        &cross::target_value_changed::TargetValueChanged,
        &cross::funding_differs_from_approved::FundingDiffersFromApproved,
    ]
}

/// Runs every rule on every form, each form with its own profile (`profiles[i]` for
/// `forms[i]`, as `Profile::resolve` chose it).
pub fn run_all(forms: &[Form], profiles: &[&Profile]) -> Vec<Diagnostic> {
    run(forms, profiles, None).into_vec()
}

/// Each rule's findings on each form (`[form][rule]`, rules in `all()` order), and how
/// many of those were kept from an earlier check.
#[derive(Debug, Clone, Default)]
pub struct Findings(Vec<Vec<Vec<Diagnostic>>>, Rerun);

/// Of the (form, rule) pairs of a check, how many ran and how many kept earlier findings.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Rerun {
    pub run: usize,
    pub kept: usize,
}

impl Findings {
    pub fn to_vec(&self) -> Vec<Diagnostic> {
        self.0.iter().flatten().flatten().cloned().collect()
    }

    /// The number of forms the findings are for.
    pub fn forms(&self) -> usize {
        self.0.len()
    }

    pub fn rerun(&self) -> Rerun {
        self.1
    }

    pub fn into_vec(self) -> Vec<Diagnostic> {
        self.0.into_iter().flatten().flatten().collect()
    }
}

/// Runs every rule as `run_all` does, but where `earlier` gives the findings of a check of
/// the same forms before an edit and `changed[i]` what the edit changed in form `i`, a
/// rule that reads none of that keeps its earlier findings on that form.
pub fn run(
    forms: &[Form],
    profiles: &[&Profile],
    mut earlier: Option<(Findings, &[Reads])>,
) -> Findings {
    let rules = all();
    let mut found = Vec::with_capacity(profiles.len());
    let mut rerun = Rerun::default();
    for (form_index, profile) in profiles.iter().enumerate() {
        let Some(cx) = Context::new(forms, form_index, profile) else {
            found.push(Vec::new());
            continue;
        };
        let changed = earlier
            .as_ref()
            .and_then(|(_, changed)| changed.get(form_index).copied());
        let mut before = match (&mut earlier, changed) {
            (Some((f, _)), Some(_)) => f.0.get_mut(form_index).map(std::mem::take),
            _ => None,
        }
        .unwrap_or_default();
        let mut per_rule = Vec::with_capacity(rules.len());
        for (r, rule) in rules.iter().enumerate() {
            let kept = changed
                .filter(|c| !rule.reads().intersects(*c))
                .and_then(|_| before.get_mut(r).map(std::mem::take));
            if let Some(kept) = kept {
                per_rule.push(kept);
                rerun.kept = rerun.kept.saturating_add(1);
                continue;
            }
            rerun.run = rerun.run.saturating_add(1);
            let mut out = Vec::new();
            rule.check(&cx, &mut out);
            debug_assert!(out.iter().all(|d| d.code == rule.code()));
            per_rule.push(out);
        }
        found.push(per_rule);
    }
    Findings(found, rerun)
}
