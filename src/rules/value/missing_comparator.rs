//! V011: a quantitative target written without a comparator ("100%", "16"), so its direction is unknown.
//!
//! 检查内容：定量指标值应写明比较符号（≥、≤、=），或在“指标性质”列注明。
//! 原因：没有方向就无法按正向/反向评分。
//! 错误示例：“100%”。
//! 正确示例：“≥100%”、“=100%”。
//!
//! A bare 数量 target that restates a quantity the 年度目标 plans (目标“修建作业道30公里”,
//! 指标“修建作业道长度(公里) | 30”) reads as that plan, to be reached: it is not reported.

use super::{fix, report};
use crate::diagnostic::{Applicability, Diagnostic, Msg};
use crate::money::parse_decimal;
use crate::rules::registry::Code;
use crate::rules::{Context, Reads, Rule};
use crate::value::{canonical_unit, longest_known_prefix, unit_dimension, Dimension, Kind};
use rust_decimal::Decimal;

pub struct MissingComparator;

impl Rule for MissingComparator {
    fn code(&self) -> Code {
        Code::V011
    }

    fn reads(&self) -> Reads {
        super::READS
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        let mut planned: Option<Vec<(Decimal, String)>> = None;
        for v in cx.values() {
            let p = &v.parsed.value;
            if !v.unexplained_target()
                || v.nature_col.is_some()
                || p.kind != Kind::Quantitative
                || p.comparator.is_some()
            {
                continue;
            }
            // The goal's quantities, read once per check and only when a bare target needs them.
            let planned = planned.get_or_insert_with(|| {
                cx.form
                    .fields
                    .iter()
                    .filter(|f| f.key == "年度目标")
                    .filter_map(|f| f.value.as_ref())
                    .flat_map(|goal| planned_quantities(&goal.text))
                    .collect()
            });
            if restates_goal(v, planned) {
                continue;
            }
            let t = v.cell.trimmed();
            let op = if v.is_negative_sense() { "≤" } else { "≥" };
            out.push(
                report(
                    cx,
                    v,
                    self.code(),
                    None,
                    Msg::new(
                        format!("{}“{t}”没有比较符号，评分方向不明", v.what_zh()),
                        format!(
                            "{} \"{t}\" has no comparator; its direction is unknown",
                            v.what_en()
                        ),
                    ),
                    Msg::new(
                        format!("越高越好写“≥{t}”，越低越好写“≤{t}”，须恰好达到写“={t}”"),
                        format!(
                            "Write ≥{t} if more is better, ≤{t} if less is better, ={t} if exact"
                        ),
                    ),
                )
                .with_fix(fix(format!("{op}{t}"), Applicability::Unsafe)),
            );
        }
    }
}

/// The quantities a goal text plans, as (figure, canonical unit): 修建作业道30公里 → (30, 公里),
/// 新造林3万亩 → (30000, 亩). Money is left out: a budget is not a 数量 target.
fn planned_quantities(text: &str) -> Vec<(Decimal, String)> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find(|c: char| c.is_ascii_digit()) {
        let tail = rest.get(at..).unwrap_or("");
        let len = tail
            .find(|c: char| !(c.is_ascii_digit() || c == '.'))
            .unwrap_or(tail.len());
        let after = tail.get(len..).unwrap_or("");
        let (scale, after) = match wan_of(after) {
            Some(unit) => (Decimal::from(10_000), unit),
            None => (Decimal::ONE, after),
        };
        let unit = after
            .get(..longest_known_prefix(after).unwrap_or(0))
            .unwrap_or("");
        let figure = parse_decimal(tail.get(..len).unwrap_or("").trim_end_matches('.'))
            .and_then(|f| f.value.checked_mul(scale));
        if let Some(figure) = figure.filter(|_| {
            !unit.is_empty() && !matches!(unit_dimension(unit), Dimension::Money | Dimension::Time)
        }) {
            out.push((figure, canonical_unit(unit).into_owned()));
        }
        rest = tail.get(len.max(1)..).unwrap_or("");
    }
    out
}

/// The unit after a 万 that scales it (万亩 → 亩, 万人 → 人); `None` when no unit follows the
/// 万, which is then money (万 for 万元).
fn wan_of(unit: &str) -> Option<&str> {
    unit.strip_prefix('万')
        .filter(|base| longest_known_prefix(base).is_some())
}

/// A bare 数量 target equal to one of the quantities the form's 年度目标 plans (`planned`),
/// in the same unit (its own, or the one its name closes with).
fn restates_goal(v: &super::ValueCell, planned: &[(Decimal, String)]) -> bool {
    let p = &v.parsed.value;
    let unit = p
        .unit
        .as_deref()
        .or_else(|| super::missing_unit::unit_in_name(v.name));
    let (Some(figure), Some(unit)) = (p.value, unit) else {
        return false;
    };
    if !v.level2.contains("数量") {
        return false;
    }
    // 1.2万人 and 12000 (人) are the same plan.
    let (figure, unit) = match wan_of(unit) {
        Some(base) => (figure.saturating_mul(Decimal::from(10_000)), base),
        None => (figure, unit),
    };
    let unit = canonical_unit(unit);
    planned.iter().any(|(g, u)| *g == figure && *u == unit)
}

#[cfg(test)]
mod tests {
    use super::planned_quantities;
    use rust_decimal::Decimal;

    #[test]
    fn reads_the_quantities_a_goal_plans() {
        let d = |s: &str| s.parse::<Decimal>().unwrap();
        let cases: &[(&str, &[(&str, &str)])] = &[
            ("修建作业道30公里。", &[("30", "公里")]),
            (
                "其中:新造林3万亩,改造5万亩",
                &[("30000", "亩"), ("50000", "亩")],
            ),
            ("受益群众1.2万人", &[("12000", "人")]),
            ("安排资金50万元，于2024年12月完成", &[]),
            ("建设7个林场", &[("7", "个")]),
        ];
        for (text, want) in cases {
            let want: Vec<(Decimal, String)> =
                want.iter().map(|(v, u)| (d(v), u.to_string())).collect();
            assert_eq!(planned_quantities(text), want, "{text}");
        }
    }
}
