//! In-year monitoring (绩效运行监控): time progress, the project's own checkpoints, and the red/yellow/green/blue lights of 财预〔2019〕136号 practice.

use crate::json;
use crate::money::percent_of;
use crate::value::compare::{compare, Outcome};
use crate::value::{Comparator, Kind, TargetValue};
use rust_decimal::Decimal;
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Light {
    Green,
    Blue,
    Yellow,
    Red,
}

impl Light {
    pub fn zh(self) -> &'static str {
        match self {
            Light::Green => "绿灯",
            Light::Blue => "蓝灯",
            Light::Yellow => "黄灯",
            Light::Red => "红灯",
        }
    }
}

/// Band edges, in percent of time progress (pmkpi: budget 60/80; indicators 60/80/120).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Bands {
    #[serde(with = "rust_decimal::serde::str")]
    pub red_below: Decimal,
    #[serde(with = "rust_decimal::serde::str")]
    pub yellow_below: Decimal,
    #[serde(with = "rust_decimal::serde::str")]
    pub blue_from: Decimal,
    #[serde(default)]
    pub source: String,
}

impl Bands {
    /// `monitoring` of a profile's JSON.
    pub(crate) fn from_json(v: &crate::json::Value, at: &str) -> json::Result<Bands> {
        let mut f = json::Fields::of(v, at)?;
        let bands = Bands {
            red_below: f.req("redBelow", json::decimal)?,
            yellow_below: f.req("yellowBelow", json::decimal)?,
            blue_from: f.req("blueFrom", json::decimal)?,
            source: f.or_default("source", json::string)?,
        };
        f.end()?;
        Ok(bands)
    }
}

impl Default for Bands {
    fn default() -> Self {
        Bands {
            red_below: Decimal::from(60),
            yellow_below: Decimal::from(80),
            blue_from: Decimal::from(120),
            source: "pmkpi bgttracewarn / 正向指标预警 (domain §7)".into(),
        }
    }
}

/// Time progress after `month` months: month / 12, in percent.
pub fn time_progress(month: u32) -> Decimal {
    Decimal::from(month.min(12)) * Decimal::ONE_HUNDRED / Decimal::from(12)
}

/// The budget light: v = 执行率 ÷ time progress × 100 (no blue for spending).
pub fn budget_light(bands: &Bands, rate: Decimal, month: u32) -> Option<(Light, Decimal)> {
    let v = percent_of(rate, time_progress(month))?;
    let light = if v < bands.red_below {
        Light::Red
    } else if v < bands.yellow_below {
        Light::Yellow
    } else {
        Light::Green
    };
    Some((light, v))
}

/// An indicator's light from its annual target and its value so far.
pub fn indicator_light(
    bands: &Bands,
    target: &TargetValue,
    current: &TargetValue,
    month: u32,
) -> Option<(Light, Option<Decimal>)> {
    if target.kind == Kind::Qualitative || current.kind == Kind::Qualitative {
        let t = current.normalized.as_str();
        return if t.starts_with("未达成") {
            Some((Light::Red, None))
        } else if t.starts_with("部分达成") {
            Some((Light::Yellow, None))
        } else if t.starts_with("达成") {
            Some((Light::Green, None))
        } else {
            None
        };
    }
    if target.kind != Kind::Quantitative {
        return None;
    }
    match target.comparator {
        Some(Comparator::Le | Comparator::Lt) => match compare(target, current) {
            Outcome::Met => Some((Light::Green, None)),
            Outcome::NotMet => Some((Light::Red, None)),
            Outcome::CantTell => None,
        },
        _ => {
            let (t, c) = (target.value?, current.value?);
            if t.is_zero() {
                return Some((if c == t { Light::Green } else { Light::Red }, None));
            }
            if c <= Decimal::ZERO {
                return Some((Light::Red, Some(Decimal::ZERO)));
            }
            // Cumulative figures (counts, money, days) are due pro rata; a rate or share
            // (合格率 96%) is due in full at any time of year.
            let due = if target.dimension == Some(crate::value::Dimension::Percent) {
                t
            } else {
                t.checked_mul(time_progress(month))?
                    .checked_div(Decimal::ONE_HUNDRED)?
            };
            let v = percent_of(c, due)?;
            let light = if v < bands.red_below {
                Light::Red
            } else if v < bands.yellow_below {
                Light::Yellow
            } else if v >= bands.blue_from {
                Light::Blue
            } else {
                Light::Green
            };
            Some((light, Some(v)))
        }
    }
}

/// The month a monitoring header covers: "1-7月执行数" → 7, "截至9月" → 9.
pub fn month_in(header: &str) -> Option<u32> {
    let chars: Vec<char> = header.chars().collect();
    let yue = chars.iter().position(|c| *c == '月')?;
    let digits: String = chars
        .get(..yue)?
        .iter()
        .rev()
        .take_while(|c| c.is_ascii_digit())
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let m: u32 = digits.parse().ok()?;
    (1..=12).contains(&m).then_some(m)
}

/// A project's own fund-use plan: "（1）1-6月，完成30% （2）1-10月，完成80%" → [(6, 30), (10, 80)].
pub fn checkpoints(text: &str) -> Vec<(u32, Decimal)> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(i) = rest.find("完成") {
        let before = rest.get(..i).unwrap_or("");
        let after = rest.get(i + "完成".len()..).unwrap_or("");
        let pct: String = after
            .chars()
            .take_while(|c| c.is_ascii_digit() || *c == '.')
            .collect();
        let month = before
            .rfind('月')
            .and_then(|m| month_in(before.get(..m + '月'.len_utf8()).unwrap_or("")));
        if let (Some(m), Ok(p), true) = (
            month,
            Decimal::from_str_exact(&pct),
            after
                .get(pct.len()..)
                .is_some_and(|r| r.starts_with(['%', '％'])),
        ) {
            out.push((m, p));
        }
        rest = after;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::value::parse;

    fn d(s: &str) -> Decimal {
        Decimal::from_str_exact(s).unwrap()
    }

    #[test]
    fn reads_months_and_checkpoints() {
        assert_eq!(month_in("1-7月执行数"), Some(7));
        assert_eq!(month_in("1—10月执行率"), Some(10));
        assert_eq!(month_in("年初预算数"), None);
        let plan = "资金使用计划为：（1）1-6月，完成30% （2）1-10月，完成80% （3）1-11月，完成100%";
        assert_eq!(
            checkpoints(plan),
            vec![(6, d("30")), (10, d("80")), (11, d("100"))]
        );
    }

    #[test]
    fn lights_follow_the_bands() {
        let b = Bands::default();
        // 7 months = 58.33% of the year.
        let cases = [
            ("20", Light::Red),
            ("40", Light::Yellow),
            ("50", Light::Green),
            ("80", Light::Green),
        ];
        for (rate, want) in cases {
            assert_eq!(budget_light(&b, d(rate), 7).unwrap().0, want, "{rate}");
        }
        let t = parse("≥300人次");
        let cases = [
            ("0人次", Light::Red),
            ("100人次", Light::Red),
            ("130人次", Light::Yellow),
            ("175人次", Light::Green),
            ("250人次", Light::Blue),
        ];
        for (cur, want) in cases {
            assert_eq!(
                indicator_light(&b, &t, &parse(cur), 7).unwrap().0,
                want,
                "{cur}"
            );
        }
        assert_eq!(
            indicator_light(&b, &parse("≤8万元"), &parse("8.11万元"), 7)
                .unwrap()
                .0,
            Light::Red
        );
        assert_eq!(
            indicator_light(&b, &parse("提高"), &parse("部分达成目标并具有一定效果"), 7)
                .unwrap()
                .0,
            Light::Yellow
        );
    }
}
