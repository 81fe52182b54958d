//! Self-evaluation scoring formulas (execution score, indicator scores, qualitative bands, grades), chosen by profile data.

use crate::json;
use crate::json::Value;
use crate::money::{percent_of, round_half_away};
use rust_decimal::Decimal;
use serde::Serialize;

/// How the 预算执行率 row is scored.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase", tag = "kind")]
pub enum ExecutionScore {
    /// min(rate, 100%) × 分值 (central; 湖北 with 分值 20).
    Linear,
    /// Steps of (lowest rate in %, score), highest first (江西: 100→10, 80→7, 60→5, else 0).
    Steps {
        #[serde(serialize_with = "steps_serde::serialize")]
        steps: Vec<(Decimal, Decimal)>,
    },
}

impl ExecutionScore {
    /// `{"kind": "linear"}` or `{"kind": "steps", "steps": [[rate, score], ...]}`.
    fn from_json(v: &Value, at: &str) -> json::Result<ExecutionScore> {
        let mut f = json::Fields::of(v, at)?;
        let steps = f.req("kind", |v, at| {
            json::one_of(v, at, &[("linear", false), ("steps", true)])
        })?;
        let score = if steps {
            ExecutionScore::Steps {
                steps: f.req("steps", |v, at| {
                    json::list(v, at, |p, at| {
                        let (rate, score) = json::pair(p, at)?;
                        Ok((json::decimal(rate, at)?, json::decimal(score, at)?))
                    })
                })?,
            }
        } else {
            ExecutionScore::Linear
        };
        f.end()?;
        Ok(score)
    }
}

/// How a 反向 (≤) indicator is scored when the actual B exceeds the target A.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum NegativeFormula {
    /// A / B × W (central self-evaluation note).
    InverseRatio,
    /// (1 − (B − A) / A) × W, 0 from B ≥ 2A (pmkpi).
    LinearToDouble,
}

/// A qualitative outcome's share of 分值: [min, max] as fractions of W.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Band {
    /// The outcome's leading words: 达成, 部分达成, 未达成.
    pub outcome: String,
    #[serde(with = "rust_decimal::serde::str")]
    pub min: Decimal,
    #[serde(with = "rust_decimal::serde::str")]
    pub max: Decimal,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Scoring {
    pub execution: ExecutionScore,
    pub negative: NegativeFormula,
    pub qualitative_bands: Vec<Band>,
    /// B ≥ factor × A needs a 偏差原因 (广西 1.3); absent: no over-achievement rule.
    #[serde(with = "rust_decimal::serde::str_option")]
    pub over_achievement_factor: Option<Decimal>,
    /// With a target of 0, B ≥ this needs a 偏差原因 too (广西: 30); absent: no such rule.
    #[serde(with = "rust_decimal::serde::str_option")]
    pub over_achievement_zero_target_from: Option<Decimal>,
    /// Points of the 预算执行率 row (10 centrally, 20 in 湖北); the indicators take the rest of 100.
    #[serde(with = "rust_decimal::serde::str")]
    pub execution_points: Decimal,
    /// Grade cut-offs, highest first: (lowest total, grade). 10号: 90 优, 80 良, 60 中, else 差.
    #[serde(serialize_with = "steps_serde_named::serialize")]
    pub grades: Vec<(Decimal, String)>,
    /// Allowed difference between a stated and a recomputed score.
    #[serde(with = "rust_decimal::serde::str")]
    pub tolerance: Decimal,
    pub source: String,
}

impl Default for Scoring {
    fn default() -> Self {
        let d = |s: &str| Decimal::from_str_exact(s).unwrap_or_default();
        Scoring {
            execution: ExecutionScore::Linear,
            negative: NegativeFormula::InverseRatio,
            qualitative_bands: vec![
                Band {
                    outcome: "部分达成".into(),
                    min: d("0.6"),
                    max: d("0.8"),
                },
                Band {
                    outcome: "未达成".into(),
                    min: d("0"),
                    max: d("0.6"),
                },
                Band {
                    outcome: "达成".into(),
                    min: d("0.8"),
                    max: d("1"),
                },
            ],
            over_achievement_factor: None,
            over_achievement_zero_target_from: None,
            execution_points: ten(),
            grades: default_grades(),
            tolerance: d("0.01"),
            source: "财预〔2020〕10号 自评表说明; pmkpi".into(),
        }
    }
}

impl Scoring {
    /// `scoring` of a profile's JSON.
    pub(crate) fn from_json(v: &Value, at: &str) -> json::Result<Scoring> {
        let mut f = json::Fields::of(v, at)?;
        let scoring = Scoring {
            execution: f.req("execution", ExecutionScore::from_json)?,
            negative: f.req("negative", |v, at| {
                json::one_of(
                    v,
                    at,
                    &[
                        ("inverse-ratio", NegativeFormula::InverseRatio),
                        ("linear-to-double", NegativeFormula::LinearToDouble),
                    ],
                )
            })?,
            qualitative_bands: f.req("qualitativeBands", |v, at| json::list(v, at, band))?,
            over_achievement_factor: f.opt("overAchievementFactor", json::decimal)?,
            over_achievement_zero_target_from: f
                .opt("overAchievementZeroTargetFrom", json::decimal)?,
            execution_points: f.opt("executionPoints", json::decimal)?.unwrap_or_else(ten),
            grades: f
                .opt("grades", |v, at| {
                    json::list(v, at, |p, at| {
                        let (min, grade) = json::pair(p, at)?;
                        Ok((json::decimal(min, at)?, json::string(grade, at)?))
                    })
                })?
                .unwrap_or_else(default_grades),
            tolerance: f.req("tolerance", json::decimal)?,
            source: f.or_default("source", json::string)?,
        };
        f.end()?;
        Ok(scoring)
    }
}

/// One qualitative band; other fields are let be (a note beside the band).
fn band(v: &Value, at: &str) -> json::Result<Band> {
    let mut f = json::Fields::of(v, at)?;
    Ok(Band {
        outcome: f.req("outcome", json::string)?,
        min: f.req("min", json::decimal)?,
        max: f.req("max", json::decimal)?,
    })
}

fn ten() -> Decimal {
    Decimal::TEN
}

fn default_grades() -> Vec<(Decimal, String)> {
    [(90, "优"), (80, "良"), (60, "中"), (0, "差")]
        .into_iter()
        .map(|(n, g)| (Decimal::from(n), g.to_string()))
        .collect()
}

/// The grade a total earns.
pub fn grade_of(scoring: &Scoring, total: Decimal) -> Option<&str> {
    scoring
        .grades
        .iter()
        .find(|(min, _)| total >= *min)
        .map(|(_, g)| g.as_str())
}

mod steps_serde_named {
    use rust_decimal::Decimal;
    use serde::{Serialize, Serializer};

    pub fn serialize<S: Serializer>(v: &[(Decimal, String)], s: S) -> Result<S::Ok, S::Error> {
        let pairs: Vec<(String, &str)> =
            v.iter().map(|(a, b)| (a.to_string(), b.as_str())).collect();
        pairs.serialize(s)
    }
}

mod steps_serde {
    use rust_decimal::Decimal;
    use serde::{Serialize, Serializer};

    pub fn serialize<S: Serializer>(v: &[(Decimal, Decimal)], s: S) -> Result<S::Ok, S::Error> {
        let pairs: Vec<(String, String)> = v
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect();
        pairs.serialize(s)
    }
}

/// The execution score for `rate` (in %) out of `points`, and the formula in words.
pub fn execution_score(
    scoring: &Scoring,
    rate: Decimal,
    points: Decimal,
) -> Option<(Decimal, String)> {
    match &scoring.execution {
        ExecutionScore::Linear => {
            let capped = rate.min(Decimal::ONE_HUNDRED).max(Decimal::ZERO);
            let score = capped
                .checked_mul(points)?
                .checked_div(Decimal::ONE_HUNDRED)?;
            Some((score, format!("min(执行率, 100%) × {points}")))
        }
        ExecutionScore::Steps { steps } => {
            let score = steps
                .iter()
                .find(|(min, _)| rate >= *min)
                .map_or(Decimal::ZERO, |(_, s)| *s);
            let words: Vec<String> = steps.iter().map(|(m, s)| format!("≥{m}%→{s}")).collect();
            Some((score, format!("分段：{}，其余 0", words.join("，"))))
        }
    }
}

/// A quantitative indicator's score: 正向 B/A × W, 反向 per profile; capped at W, never below 0.
pub fn indicator_score(
    scoring: &Scoring,
    positive: bool,
    a: Decimal,
    b: Decimal,
    w: Decimal,
) -> Option<Decimal> {
    let b = b.max(Decimal::ZERO);
    let share = if positive {
        if b >= a {
            Decimal::ONE
        } else if a.is_zero() {
            return Some(w);
        } else {
            b.checked_div(a)?
        }
    } else if b <= a {
        Decimal::ONE
    } else {
        match scoring.negative {
            NegativeFormula::InverseRatio => a.checked_div(b)?,
            NegativeFormula::LinearToDouble => {
                if a.is_zero() {
                    Decimal::ZERO
                } else {
                    (Decimal::ONE - (b - a).checked_div(a)?).max(Decimal::ZERO)
                }
            }
        }
    };
    Some(round_half_away(share.checked_mul(w)?, 2).min(w))
}

/// The band of a qualitative outcome ("部分达成年度指标并具有一定效果" → 部分达成).
pub fn band_of<'a>(scoring: &'a Scoring, outcome: &str) -> Option<&'a Band> {
    let t = outcome.trim();
    scoring
        .qualitative_bands
        .iter()
        .find(|b| t.starts_with(b.outcome.as_str()))
}

/// B as a percentage of A, for over-achievement.
pub fn achievement_percent(a: Decimal, b: Decimal) -> Option<Decimal> {
    percent_of(b, a)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        Decimal::from_str_exact(s).unwrap()
    }

    #[test]
    fn execution_score_json_reads_each_kind_and_names_each_mistake() {
        let steps = ExecutionScore::Steps {
            steps: vec![(d("100"), d("10")), (d("60"), d("5"))],
        };
        let cases: &[(&str, Result<ExecutionScore, &str>)] = &[
            (r#"{"kind":"linear"}"#, Ok(ExecutionScore::Linear)),
            (
                r#"{"kind":"steps","steps":[["100","10"],["60","5"]]}"#,
                Ok(steps.clone()),
            ),
            // The tag may come after the fields.
            (
                r#"{"steps":[["100","10"]],"kind":"steps"}"#,
                Ok(ExecutionScore::Steps {
                    steps: vec![(d("100"), d("10"))],
                }),
            ),
            (
                r#"{"kind":"cubic"}"#,
                Err("kind: 未知取值 `cubic` / unknown variant `cubic`, expected one of linear, steps"),
            ),
            (r#"{}"#, Err("execution: 缺少字段 `kind` / missing field `kind`")),
            (r#"{"kind":"steps"}"#, Err("missing field `steps`")),
            (
                r#"{"kind":"linear","steps":[]}"#,
                Err("unknown field `steps`"),
            ),
            (
                r#"{"kind":"linear","points":10}"#,
                Err("unknown field `points`"),
            ),
            (
                r#"{"kind":"steps","steps":[["ninety","10"]]}"#,
                Err("execution.steps[0]: “ninety”不是数字 / invalid decimal"),
            ),
        ];
        for (json, want) in cases {
            let got = ExecutionScore::from_json(&crate::json::parse(json).unwrap(), "execution");
            match (got, want) {
                (Ok(v), Ok(w)) => assert_eq!(&v, w, "{json}"),
                (Err(e), Err(words)) => {
                    assert!(e.contains(words), "{json}: {e}")
                }
                (got, _) => panic!("{json}: {got:?}"),
            }
        }
        // What is written reads back the same.
        for v in [ExecutionScore::Linear, steps] {
            let json = serde_json::to_string(&v).unwrap();
            let read = ExecutionScore::from_json(&crate::json::parse(&json).unwrap(), "");
            assert_eq!(read.unwrap(), v, "{json}");
        }
    }

    #[test]
    fn execution_scores_per_variant() {
        let linear = Scoring::default();
        let steps = Scoring {
            execution: ExecutionScore::Steps {
                steps: vec![(d("100"), d("10")), (d("80"), d("7")), (d("60"), d("5"))],
            },
            ..Scoring::default()
        };
        let cases = [
            (&linear, "95", "10", "9.5"),
            (&linear, "100.13", "10", "10"),
            (&linear, "88.16", "10", "8.816"),
            (&linear, "88.16", "20", "17.632"),
            (&steps, "100", "10", "10"),
            (&steps, "99.99", "10", "7"),
            (&steps, "80", "10", "7"),
            (&steps, "60", "10", "5"),
            (&steps, "59.99", "10", "0"),
        ];
        for (s, rate, points, want) in cases {
            assert_eq!(
                execution_score(s, d(rate), d(points)).unwrap().0,
                d(want),
                "{rate} of {points}"
            );
        }
    }

    #[test]
    fn indicator_scores_per_direction_and_formula() {
        let central = Scoring::default();
        let pmkpi = Scoring {
            negative: NegativeFormula::LinearToDouble,
            ..Scoring::default()
        };
        let cases = [
            (&central, true, "90", "95", "10", "10"),
            (&central, true, "90", "81", "10", "9"),
            (&central, true, "300", "320", "20", "20"),
            (&central, true, "0", "0", "5", "5"),
            (&central, false, "10", "8", "10", "10"),
            (&central, false, "10", "15", "10", "6.67"),
            (&pmkpi, false, "10", "15", "10", "5"),
            (&pmkpi, false, "10", "25", "10", "0"),
            (&central, true, "100", "-5", "10", "0"),
        ];
        for (s, pos, a, b, w, want) in cases {
            assert_eq!(
                indicator_score(s, pos, d(a), d(b), d(w)).unwrap(),
                d(want),
                "{pos} A={a} B={b} W={w}"
            );
        }
    }

    #[test]
    fn grades_follow_the_cut_offs() {
        let s = Scoring::default();
        let cases = [
            ("100", "优"),
            ("90", "优"),
            ("89.99", "良"),
            ("80", "良"),
            ("79.5", "中"),
            ("60", "中"),
            ("59.99", "差"),
            ("0", "差"),
        ];
        for (total, want) in cases {
            assert_eq!(grade_of(&s, d(total)), Some(want), "{total}");
        }
    }

    #[test]
    fn bands_match_outcome_words() {
        let s = Scoring::default();
        assert_eq!(
            band_of(&s, "部分达成年度指标并具有一定效果").unwrap().min,
            d("0.6")
        );
        assert_eq!(band_of(&s, "达成年度指标").unwrap().min, d("0.8"));
        assert_eq!(
            band_of(&s, "未达成年度指标且效果较差").unwrap().max,
            d("0.6")
        );
        assert!(band_of(&s, "较好").is_none());
    }
}
