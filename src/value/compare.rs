//! Compares an actual value (实际完成值) with its target: met, not met, or can't tell — exactly, honouring units.

use super::{Comparator, Dimension, Kind, TargetValue};
use crate::form::MoneyUnit;
use crate::money;
use rust_decimal::Decimal;
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Outcome {
    Met,
    NotMet,
    /// Units differ in kind, the target is free text, or a figure is missing.
    CantTell,
}

/// Brings the actual figure into the target's unit; `None` when they can't be compared.
fn in_target_unit(target: &TargetValue, actual: &TargetValue, value: Decimal) -> Option<Decimal> {
    match (target.unit.as_deref(), actual.unit.as_deref()) {
        (_, None) | (None, _) => Some(value),
        (Some(t), Some(a)) if super::canonical_unit(t) == super::canonical_unit(a) => Some(value),
        (Some(t), Some(a)) => match (MoneyUnit::named(t), MoneyUnit::named(a)) {
            (Some(tu), Some(au)) => money::convert(value, au, tu),
            _ => {
                let both_percent = target.dimension == Some(Dimension::Percent)
                    && actual.dimension == Some(Dimension::Percent);
                both_percent.then_some(value)
            }
        },
    }
}

/// Whether `actual` meets `target`. `=` and a bare figure count as "at least" (a target
/// of =50家 is met by 52家), as in the pmkpi 等于 scoring for targets above zero.
pub fn compare(target: &TargetValue, actual: &TargetValue) -> Outcome {
    let qualitative_met = |a: &TargetValue| {
        let t = a.normalized.as_str();
        if t.starts_with("未达成") || t.starts_with("部分达成") {
            Outcome::NotMet
        } else if t.starts_with("达成") || t == target.normalized {
            Outcome::Met
        } else {
            Outcome::CantTell
        }
    };
    match target.kind {
        Kind::Qualitative => return qualitative_met(actual),
        Kind::Quantitative | Kind::Range | Kind::Deadline => {}
        _ => return Outcome::CantTell,
    }
    if target.kind == Kind::Deadline
        && target.unit.as_deref().map(super::canonical_unit).as_deref() != Some("月")
    {
        return Outcome::CantTell;
    }
    let (Some(t), Some(a)) = (target.value, actual.value) else {
        return Outcome::CantTell;
    };
    let Some(a) = in_target_unit(target, actual, a) else {
        return Outcome::CantTell;
    };
    let met = match (target.kind, target.upper, target.comparator) {
        (Kind::Range, Some(hi), _) => t <= a && a <= hi,
        (Kind::Deadline, _, _) => a <= t,
        (_, _, Some(Comparator::Ge) | Some(Comparator::Eq) | None) => a >= t,
        (_, _, Some(Comparator::Gt)) => a > t,
        (_, _, Some(Comparator::Le)) => a <= t,
        (_, _, Some(Comparator::Lt)) => a < t,
    };
    if met {
        Outcome::Met
    } else {
        Outcome::NotMet
    }
}

#[cfg(test)]
mod tests {
    use super::super::parse;
    use super::*;

    #[test]
    fn compares_with_units() {
        let cases = [
            ("≤8万元", "8.11万元", Outcome::NotMet),
            ("≤8万元", "81060.95元", Outcome::NotMet),
            ("≤8万元", "80000元", Outcome::Met),
            ("≤16万元", "15.98万元", Outcome::Met),
            ("≤40万元", "40万元", Outcome::Met),
            ("≥95%", "95%", Outcome::Met),
            ("≥95%", "94.99%", Outcome::NotMet),
            (">90%", "90%", Outcome::NotMet),
            ("<5%", "4%", Outcome::Met),
            ("=50家", "52家", Outcome::Met),
            ("=50家", "48家", Outcome::NotMet),
            ("=1~2%", "1.5%", Outcome::Met),
            ("=1~2%", "3%", Outcome::NotMet),
            ("0%", "0%", Outcome::Met),
            ("≥300人次", "320", Outcome::Met),
            ("=11月底前", "11月", Outcome::Met),
            ("=11月底前", "12月", Outcome::NotMet),
            ("≥90%", "95分", Outcome::CantTell),
            ("有效减少", "有效减少", Outcome::Met),
            ("有效减少", "达成年度指标", Outcome::Met),
            (
                "有效减少",
                "部分达成年度指标并具有一定效果",
                Outcome::NotMet,
            ),
            ("提高", "较好", Outcome::CantTell),
            ("不适用", "不适用", Outcome::CantTell),
        ];
        for (t, a, want) in cases {
            assert_eq!(compare(&parse(t), &parse(a)), want, "{a} against {t}");
        }
    }
}
