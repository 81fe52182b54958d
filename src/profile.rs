//! Profiles: the settings that vary by region and year, as data loaded from JSON (built-in or a portal's own).

use crate::diagnostic::Severity;
use crate::form::Role;
use crate::rules::registry::{self, Code};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;

/// One region's or year's settings. Every threshold names its source in a `…Source` field.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Profile {
    pub name: String,
    #[serde(default)]
    pub description: String,
    /// 执行率 below this (in percent, e.g. "90") needs a reason. A string, to stay exact.
    #[serde(with = "rust_decimal::serde::str")]
    pub execution_floor_percent: Decimal,
    #[serde(default)]
    pub execution_floor_source: String,
    /// Decimals a computed rate is shown with.
    pub rate_decimals: u32,
    #[serde(default)]
    pub rate_decimals_source: String,
    /// Fields where a low-rate reason may be written, in order of preference.
    pub low_rate_reason_fields: Vec<Role>,
    /// A budget changed between 年初 and 调整后 needs a reason (四川 SC-23).
    #[serde(default)]
    pub adjustment_reason_required: bool,
    /// Funding rows left out of the total's sum: nested sub-items such as 河北's 本级安排 /
    /// 上级补助 under 财政资金 (matched as label substrings).
    #[serde(default)]
    pub fund_sum_excludes: Vec<String>,
    /// Self-evaluation scoring formulas and bands.
    #[serde(default)]
    pub scoring: crate::score::Scoring,
    /// Monitoring light bands for budget progress and for indicators.
    #[serde(default)]
    pub monitoring: crate::monitor::Bands,
    /// Per-code severity overrides, e.g. {"R004": "error"}.
    #[serde(default)]
    pub severity: BTreeMap<String, Severity>,
}

/// The built-in profiles, embedded at build time.
pub const BUILTIN: &[(&str, &str)] = &[("auto", include_str!("profiles/auto.json"))];

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProfileError {
    Unknown(String),
    Invalid(String),
}

impl fmt::Display for ProfileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ProfileError::Unknown(name) => {
                let names: Vec<&str> = BUILTIN.iter().map(|(n, _)| *n).collect();
                write!(
                    f,
                    "未知的配置“{name}”；可用：{} / unknown profile",
                    names.join(", ")
                )
            }
            ProfileError::Invalid(e) => write!(f, "配置文件有误：{e} / invalid profile"),
        }
    }
}

impl std::error::Error for ProfileError {}

impl Profile {
    /// A built-in profile by name.
    pub fn builtin(name: &str) -> Result<Profile, ProfileError> {
        let (_, json) = BUILTIN
            .iter()
            .find(|(n, _)| *n == name)
            .ok_or_else(|| ProfileError::Unknown(name.to_string()))?;
        Profile::from_json(json)
    }

    /// Parses and validates a profile; the error names the bad field.
    pub fn from_json(json: &str) -> Result<Profile, ProfileError> {
        // serde_path_to_error names the field that failed, e.g. "executionFloorPercent".
        let de = &mut serde_json::Deserializer::from_str(json);
        let p: Profile = serde_path_to_error::deserialize(de).map_err(|e| {
            let path = e.path().to_string();
            ProfileError::Invalid(format!("{path}: {}", e.into_inner()))
        })?;
        p.validate()?;
        Ok(p)
    }

    fn validate(&self) -> Result<(), ProfileError> {
        if self.execution_floor_percent < Decimal::ZERO
            || self.execution_floor_percent > Decimal::ONE_HUNDRED
        {
            return Err(ProfileError::Invalid(format!(
                "executionFloorPercent: {} 不在 0–100 之间",
                self.execution_floor_percent
            )));
        }
        if self.rate_decimals > 6 {
            return Err(ProfileError::Invalid(format!(
                "rateDecimals: {} 超过 6",
                self.rate_decimals
            )));
        }
        for code in self.severity.keys() {
            if !registry::TABLE.iter().any(|e| e.code.as_str() == *code) {
                return Err(ProfileError::Invalid(format!("severity: 未知代码 {code}")));
            }
        }
        Ok(())
    }

    /// The severity of `code` under this profile.
    pub fn severity_of(&self, code: Code, default: Severity) -> Severity {
        self.severity
            .get(&code.as_str())
            .copied()
            .unwrap_or(default)
    }
}

impl Default for Profile {
    fn default() -> Self {
        // The embedded auto profile is checked by a test; this fallback keeps `Default` total.
        Profile::builtin("auto").unwrap_or(Profile {
            name: "auto".to_string(),
            description: String::new(),
            execution_floor_percent: Decimal::from(90),
            execution_floor_source: String::new(),
            rate_decimals: 2,
            rate_decimals_source: String::new(),
            low_rate_reason_fields: vec![Role::Reason, Role::Problems, Role::DeviationReason],
            fund_sum_excludes: Vec::new(),
            adjustment_reason_required: false,
            scoring: crate::score::Scoring::default(),
            monitoring: crate::monitor::Bands::default(),
            severity: BTreeMap::new(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_builtin_profile_loads() {
        for (name, _) in BUILTIN {
            let p = Profile::builtin(name).unwrap();
            assert_eq!(p.name, *name);
        }
    }

    #[test]
    fn bad_profiles_name_the_field() {
        let cases = [
            (
                r#"{"name":"x","executionFloorPercent":"190","rateDecimals":2,"lowRateReasonFields":[]}"#,
                "executionFloorPercent",
            ),
            (
                r#"{"name":"x","executionFloorPercent":"90","rateDecimals":2,"lowRateReasonFields":["nope"]}"#,
                "unknown variant",
            ),
            (
                r#"{"name":"x","executionFloorPercent":"90","rateDecimals":2,"lowRateReasonFields":[],"typo":1}"#,
                "typo",
            ),
            (
                r#"{"name":"x","executionFloorPercent":"90","rateDecimals":2,"lowRateReasonFields":[],"severity":{"Z999":"error"}}"#,
                "Z999",
            ),
        ];
        for (json, needle) in cases {
            let err = Profile::from_json(json).unwrap_err().to_string();
            assert!(err.contains(needle), "{err}");
        }
        assert!(matches!(
            Profile::builtin("mars"),
            Err(ProfileError::Unknown(_))
        ));
    }
}
