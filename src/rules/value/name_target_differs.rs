//! V014: the indicator's name fixes one target and its value another (养护农村公路120公里 | ≥100公里): one of them is wrong.
//!
//! 检查内容：三级指标名称中写了数值和单位时，指标值应与之一致。
//! 原因：名称与指标值数字不同，考核时不知以哪个为准，通常是改了一处忘了另一处。
//! 错误示例：“养护农村公路120公里 | ≥100公里”。
//! 正确示例：名称写“养护农村公路里程”，指标值写“≥120公里”。

use super::report;
use crate::diagnostic::{Diagnostic, Msg};
use crate::form::Role;
use crate::money::parse_decimal;
use crate::rules::registry::Code;
use crate::rules::{Context, Reads, Rule};
use crate::value::{canonical_unit, longest_known_prefix, unit_dimension, Dimension, Kind};
use rust_decimal::Decimal;

pub struct NameTargetDiffers;

/// The figures with a unit in a name (120公里, 85%), as (figure, canonical unit, text).
fn figures(name: &str) -> Vec<(Decimal, String, &str)> {
    let mut out = Vec::new();
    let mut rest = name;
    let mut offset = 0usize;
    while let Some(at) = rest.find(|c: char| c.is_ascii_digit()) {
        let start = offset.saturating_add(at);
        let tail = name.get(start..).unwrap_or("");
        let len = tail
            .find(|c: char| !(c.is_ascii_digit() || c == '.'))
            .unwrap_or(tail.len());
        let after = tail.get(len..).unwrap_or("");
        let unit_len = longest_known_prefix(after).unwrap_or(0);
        let number = tail.get(..len).unwrap_or("").trim_end_matches('.');
        // A figure inside a longer number or a code (2024年, 16个区县 are units too).
        let joined = name
            .get(..start)
            .and_then(|b| b.chars().last())
            .is_some_and(|c| c.is_ascii_alphanumeric() || c == '.');
        if let (Some(v), Some(unit), false) = (
            parse_decimal(number),
            after.get(..unit_len).filter(|u| !u.is_empty()),
            joined,
        ) {
            let end = start.saturating_add(len).saturating_add(unit_len);
            out.push((
                v.value,
                canonical_unit(unit).into_owned(),
                name.get(start..end).unwrap_or(""),
            ));
        }
        let next = start.saturating_add(len.max(1));
        offset = next;
        rest = name.get(next..).unwrap_or("");
    }
    out
}

impl Rule for NameTargetDiffers {
    fn code(&self) -> Code {
        Code::V014
    }

    fn reads(&self) -> Reads {
        super::READS
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        for v in cx.values() {
            let p = &v.parsed.value;
            if v.role != Role::Target || p.kind != Kind::Quantitative || p.upper.is_some() {
                continue;
            }
            let (Some(value), Some(unit)) = (
                p.value,
                p.unit
                    .as_deref()
                    .or_else(|| v.unit_col.map(|c| c.trimmed())),
            ) else {
                continue;
            };
            let unit = canonical_unit(unit);
            if unit_dimension(&unit) == Dimension::Time {
                continue;
            }
            let Some(name) = v.indicator.level3.as_ref() else {
                continue;
            };
            let same: Vec<_> = figures(name.trimmed())
                .into_iter()
                .filter(|(_, u, _)| *u == unit)
                .collect();
            let [(figure, _, written)] = same.as_slice() else {
                continue;
            };
            if *figure == value {
                continue;
            }
            let (n, t) = (name.trimmed(), v.cell.trimmed());
            out.push(
                report(
                    cx,
                    v,
                    self.code(),
                    None,
                    Msg::new(
                        format!("指标名称“{n}”写的是 {written}，指标值却是“{t}”"),
                        format!("The name \"{n}\" says {written} but the target is \"{t}\""),
                    ),
                    Msg::new(
                        "名称只写考核什么（如“养护农村公路里程”），数值写在指标值中；两处数字应一致",
                        "Let the name say what is measured and the value how much; the two figures must agree",
                    ),
                )
                .with_related(
                    cx.loc(crate::diagnostic::Section::Indicators, Some(Role::Level3), name),
                    Msg::new("指标名称", "indicator name"),
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::figures;

    #[test]
    fn finds_figures_with_units_in_names() {
        let cases: [(&str, &[&str]); 5] = [
            ("养护农村公路120公里", &["120公里"]),
            ("全市16个区县处置率", &["16个"]),
            ("G318线改造", &[]),
            ("优良率达到85%", &["85%"]),
            ("2024年培训人次", &["2024年"]),
        ];
        for (name, want) in cases {
            let got: Vec<&str> = figures(name).into_iter().map(|(_, _, w)| w).collect();
            assert_eq!(got, want, "{name}");
        }
    }
}
