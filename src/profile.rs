//! Profiles: the settings that vary by region and year, as data loaded from JSON (built-in or a portal's own), with `extends`, shared trees and layout detection.

use crate::diagnostic::{Msg, Severity};
use crate::form::{Form, FormKind, Role};
use crate::json;
use crate::json::Value;
use crate::rules::registry::{self, Code};
use crate::tree::{stem, Tree};
use rust_decimal::Decimal;
use serde::Serialize;
use std::fmt;
use std::sync::OnceLock;

/// One region's or year's settings. Every threshold names its source in a `…Source` field.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Profile {
    pub name: String,
    pub description: String,
    /// 执行率 below this (in percent, e.g. "90") needs a reason. A string, to stay exact.
    #[serde(with = "rust_decimal::serde::str")]
    pub execution_floor_percent: Decimal,
    pub execution_floor_source: String,
    /// Decimals a computed rate is shown with.
    pub rate_decimals: u32,
    pub rate_decimals_source: String,
    /// Fields where a low-rate reason may be written, in order of preference.
    pub low_rate_reason_fields: Vec<Role>,
    /// A budget changed between 年初 and 调整后 needs a reason (四川 SC-23).
    pub adjustment_reason_required: bool,
    /// The fund sources a total is made of, as the region's template names them
    /// (documentation and layout detection; the sum takes every source row present).
    pub fund_sources: Vec<String>,
    /// Funding rows left out of the total's sum: nested sub-items such as 河北's 本级安排 /
    /// 上级补助 under 财政资金 (matched as label substrings).
    pub fund_sum_excludes: Vec<String>,
    /// Self-evaluation scoring formulas and bands.
    pub scoring: crate::score::Scoring,
    /// Monitoring light bands for budget progress and for indicators.
    pub monitoring: crate::monitor::Bands,
    /// The indicator tree forms of this profile follow; empty: no tree checks.
    pub tree: Tree,
    /// How the template writes a 指标值: one cell (`≥90%`), or 指标性质 / 指标值 / 度量单位
    /// in three columns (四川). Readers accept both whatever this says.
    pub value_columns: ValueColumns,
    /// Form kinds where 不适用 is an accepted 指标值 (pmkpi sign 10; summary forms).
    pub not_applicable_in: Vec<FormKind>,
    /// Longest text a field may hold (四川: reasons 100 字, conclusions 200 字).
    pub text_limits: Vec<TextLimit>,
    /// Words that show a cell still holds the template's instructions.
    pub template_phrases: Vec<String>,
    /// For `auto`-style profiles: which profile a form's layout calls for, first match wins.
    pub detect: Vec<DetectRule>,
    /// Per-code severity overrides, e.g. {"R004": "error"}.
    pub severity: json::Entries<Severity>,
    /// Where each setting comes from, by setting name (domain.md source keys).
    pub sources: json::Entries<String>,
}

fn default_not_applicable_in() -> Vec<FormKind> {
    vec![
        FormKind::SelfEvaluation,
        FormKind::SummarySelfEvaluation,
        FormKind::Monitoring,
        FormKind::NarrativeReport,
    ]
}

/// The 指标值 layout of a region's template.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ValueColumns {
    #[default]
    Merged,
    Split,
}

/// A length limit on one column role or header field.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TextLimit {
    /// A column role (e.g. "reason", "level3")…
    pub role: Option<Role>,
    /// …or a header field whose label contains this (e.g. "评价结论").
    pub field: Option<String>,
    /// Most characters allowed.
    pub max: u32,
    pub source: String,
}

/// One layout clue: when any listed clue is in the form, use `profile`. A rule with no
/// clues matches every form (the fallback).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DetectRule {
    pub profile: String,
    /// The form is one of these kinds.
    pub kinds: Vec<FormKind>,
    /// A 一级 label with one of these stems (投入与管理, 影响力目标 …).
    pub level1_any: Vec<String>,
    /// A column with one of these roles (四川's separate 指标性质).
    pub roles_any: Vec<Role>,
    /// A funding row whose label contains one of these (财政专户管理资金 …).
    pub funding_any: Vec<String>,
}

fn roles(v: &Value, at: &str) -> json::Result<Vec<Role>> {
    json::list(v, at, Role::from_json)
}

impl TextLimit {
    fn from_json(v: &Value, at: &str) -> json::Result<TextLimit> {
        let mut f = json::Fields::of(v, at)?;
        let limit = TextLimit {
            role: f.opt("role", Role::from_json)?,
            field: f.opt("field", json::string)?,
            max: f.req("max", json::uint)?,
            source: f.or_default("source", json::string)?,
        };
        f.end()?;
        Ok(limit)
    }
}

impl DetectRule {
    fn from_json(v: &Value, at: &str) -> json::Result<DetectRule> {
        let mut f = json::Fields::of(v, at)?;
        let rule = DetectRule {
            profile: f.req("profile", json::string)?,
            kinds: f.or_default("kinds", |v, at| json::list(v, at, FormKind::from_json))?,
            level1_any: f.or_default("level1Any", json::strings)?,
            roles_any: f.or_default("rolesAny", roles)?,
            funding_any: f.or_default("fundingAny", json::strings)?,
        };
        f.end()?;
        Ok(rule)
    }
}

/// The built-in profiles, embedded at build time.
pub const BUILTIN: &[(&str, &str)] = &[
    ("auto", include_str!("profiles/auto.json")),
    ("central-2020", include_str!("profiles/central-2020.json")),
    ("central-2021", include_str!("profiles/central-2021.json")),
    ("sichuan-2023", include_str!("profiles/sichuan-2023.json")),
    (
        "shanghai-legacy",
        include_str!("profiles/shanghai-legacy.json"),
    ),
    ("hubei", include_str!("profiles/hubei.json")),
    ("jiangxi", include_str!("profiles/jiangxi.json")),
    ("guangxi", include_str!("profiles/guangxi.json")),
    (
        "evaluation-2020",
        include_str!("profiles/evaluation-2020.json"),
    ),
    (
        "department-2013",
        include_str!("profiles/department-2013.json"),
    ),
];

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

/// Which profile a form was checked with, and why (for `auto`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    pub profile: String,
    pub reason: Option<Msg>,
}

fn invalid(e: impl fmt::Display) -> ProfileError {
    ProfileError::Invalid(e.to_string())
}

fn builtin_json(name: &str) -> Result<&'static str, ProfileError> {
    BUILTIN
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, j)| *j)
        .ok_or_else(|| ProfileError::Unknown(name.to_string()))
}

/// Merges `over` into `base`: objects key by key, anything else replaced.
fn merge(base: &mut Value, over: Value) {
    match (base, over) {
        (Value::Object(b), Value::Object(o)) => {
            for (k, v) in o {
                match b.get_mut(&k) {
                    Some(slot) => merge(slot, v),
                    None => {
                        b.insert(k, v);
                    }
                }
            }
        }
        (slot, v) => *slot = v,
    }
}

/// Resolves `extends` (a built-in to start from) and a `tree` given as a built-in's name.
fn resolve_json(mut v: Value, depth: u32) -> Result<Value, ProfileError> {
    if depth > 8 {
        return Err(invalid("extends: 继承层级过深（循环？）"));
    }
    let Some(obj) = v.as_object_mut() else {
        return Err(invalid("配置应为 JSON 对象"));
    };
    if let Some(base) = obj.remove("extends") {
        let Value::String(base) = base else {
            return Err(invalid("extends: 应为内置配置名"));
        };
        let base_json =
            builtin_json(&base).map_err(|_| invalid(format!("extends: 未知配置 {base}")))?;
        let parsed = json::parse(base_json).map_err(invalid)?;
        let mut merged = resolve_json(parsed, depth + 1)?;
        if let Some(m) = merged.as_object_mut() {
            // A base's detection rules describe the base; an extension inherits none of them.
            m.remove("detect");
        }
        merge(&mut merged, v);
        v = merged;
    }
    if let Some(Value::String(name)) = v.get("tree") {
        let base_json =
            builtin_json(name).map_err(|_| invalid(format!("tree: 未知配置 {name}")))?;
        let parsed = json::parse(base_json).map_err(invalid)?;
        let resolved = resolve_json(parsed, depth + 1)?;
        let tree = resolved.get("tree").cloned().unwrap_or(Value::Null);
        if let Some(m) = v.as_object_mut() {
            m.insert("tree".into(), tree);
        }
    }
    Ok(v)
}

/// A built-in profile by name, parsed on first use and kept, without copying it. Each is
/// parsed on its own: the first check (auto, then the one profile it settles on) need not
/// wait for the other built-ins.
pub fn builtin_ref(name: &str) -> Result<&'static Profile, ProfileError> {
    static CACHE: [OnceLock<Result<Profile, ProfileError>>; BUILTIN.len()] =
        [const { OnceLock::new() }; BUILTIN.len()];
    let found = BUILTIN
        .iter()
        .zip(CACHE.iter())
        .find(|((n, _), _)| *n == name);
    let Some(((_, json), cell)) = found else {
        return Err(ProfileError::Unknown(name.to_string()));
    };
    match cell.get_or_init(|| Profile::parse(json)) {
        Ok(p) => Ok(p),
        Err(e) => Err(e.clone()),
    }
}

impl Profile {
    /// A built-in profile by name.
    pub fn builtin(name: &str) -> Result<Profile, ProfileError> {
        builtin_ref(name).cloned()
    }

    /// Parses and validates a profile; the error names the bad field.
    pub fn from_json(json: &str) -> Result<Profile, ProfileError> {
        Profile::parse(json)
    }

    fn parse(json: &str) -> Result<Profile, ProfileError> {
        Profile::from_value(json::parse(json).map_err(|e| invalid(format!("JSON: {e}")))?)
    }

    /// Reads and validates a profile already parsed (a portal's options object).
    pub fn from_value(value: Value) -> Result<Profile, ProfileError> {
        let value = resolve_json(value, 0)?;
        let p = Profile::read(&value).map_err(invalid)?;
        p.validate()?;
        Ok(p)
    }

    /// The profile a resolved JSON object spells; the error names the field.
    fn read(v: &Value) -> json::Result<Profile> {
        let mut f = json::Fields::of(v, "")?;
        let p = Profile {
            name: f.req("name", json::string)?,
            description: f.or_default("description", json::string)?,
            execution_floor_percent: f.req("executionFloorPercent", json::decimal)?,
            execution_floor_source: f.or_default("executionFloorSource", json::string)?,
            rate_decimals: f.req("rateDecimals", json::uint)?,
            rate_decimals_source: f.or_default("rateDecimalsSource", json::string)?,
            low_rate_reason_fields: f.req("lowRateReasonFields", roles)?,
            adjustment_reason_required: f.or_default("adjustmentReasonRequired", json::boolean)?,
            fund_sources: f.or_default("fundSources", json::strings)?,
            fund_sum_excludes: f.or_default("fundSumExcludes", json::strings)?,
            scoring: f.or_default("scoring", crate::score::Scoring::from_json)?,
            monitoring: f.or_default("monitoring", crate::monitor::Bands::from_json)?,
            tree: f.or_default("tree", Tree::from_json)?,
            value_columns: f.or_default("valueColumns", |v, at| {
                json::one_of(
                    v,
                    at,
                    &[
                        ("merged", ValueColumns::Merged),
                        ("split", ValueColumns::Split),
                    ],
                )
            })?,
            not_applicable_in: f
                .opt("notApplicableIn", |v, at| {
                    json::list(v, at, FormKind::from_json)
                })?
                .unwrap_or_else(default_not_applicable_in),
            text_limits: f.or_default("textLimits", |v, at| {
                json::list(v, at, TextLimit::from_json)
            })?,
            template_phrases: f.or_default("templatePhrases", json::strings)?,
            detect: f.or_default("detect", |v, at| json::list(v, at, DetectRule::from_json))?,
            severity: f.or_default("severity", |v, at| json::map(v, at, Severity::from_json))?,
            sources: f.or_default("sources", |v, at| json::map(v, at, json::string))?,
        };
        f.end()?;
        Ok(p)
    }

    fn validate(&self) -> Result<(), ProfileError> {
        if self.execution_floor_percent < Decimal::ZERO
            || self.execution_floor_percent > Decimal::ONE_HUNDRED
        {
            return Err(invalid(format!(
                "executionFloorPercent: {} 不在 0–100 之间",
                self.execution_floor_percent
            )));
        }
        if self.rate_decimals > 6 {
            return Err(invalid(format!(
                "rateDecimals: {} 超过 6",
                self.rate_decimals
            )));
        }
        for code in self.severity.keys() {
            if !registry::TABLE.iter().any(|e| e.code.as_str() == *code) {
                return Err(invalid(format!("severity: 未知代码 {code}")));
            }
        }
        for (i, r) in self.detect.iter().enumerate() {
            if !BUILTIN.iter().any(|(n, _)| *n == r.profile) || r.profile == self.name {
                return Err(invalid(format!(
                    "detect[{i}].profile: 未知或自指的配置 {}",
                    r.profile
                )));
            }
        }
        for (i, l) in self.text_limits.iter().enumerate() {
            if l.role.is_none() == l.field.is_none() {
                return Err(invalid(format!(
                    "textLimits[{i}]: role 与 field 须且只须给一个"
                )));
            }
        }
        for (i, l1) in self.tree.level1.iter().enumerate() {
            if stem(&l1.name).is_empty() {
                return Err(invalid(format!("tree.level1[{i}].name: 为空")));
            }
            for (j, l2) in l1.level2.iter().enumerate() {
                if stem(&l2.name).is_empty() {
                    return Err(invalid(format!("tree.level1[{i}].level2[{j}].name: 为空")));
                }
            }
        }
        Ok(())
    }

    /// The severity of `code` under this profile.
    pub fn severity_of(&self, code: Code, default: Severity) -> Severity {
        if self.severity.0.is_empty() {
            return default; // most profiles override none: no code name to spell
        }
        self.severity
            .get(&code.as_str())
            .copied()
            .unwrap_or(default)
    }

    /// The profile a form is checked with: this one, or for a detecting profile the one
    /// its first matching rule names, with the clue that decided it.
    pub fn resolve(&self, form: &Form) -> (&Profile, Choice) {
        for rule in &self.detect {
            let Some(clue) = rule.clue(form) else {
                continue;
            };
            let Ok(p) = builtin_ref(&rule.profile) else {
                continue;
            };
            return (
                p,
                Choice {
                    profile: p.name.clone(),
                    reason: Some(clue),
                },
            );
        }
        (
            self,
            Choice {
                profile: self.name.clone(),
                reason: None,
            },
        )
    }
}

impl DetectRule {
    /// The clue in `form` that this rule matches, in words; `None` when it does not match.
    fn clue(&self, form: &Form) -> Option<Msg> {
        let any_clue = !(self.kinds.is_empty()
            && self.level1_any.is_empty()
            && self.roles_any.is_empty()
            && self.funding_any.is_empty());
        if !any_clue {
            return Some(Msg::new(
                "未发现特定地区或年度的版式特征，按默认",
                "no regional or yearly layout clue; the default",
            ));
        }
        if self.kinds.contains(&form.kind) {
            return Some(Msg::new(
                format!("表格为{}", form.kind.zh()),
                format!("the form is a {}", form.kind.name_en()),
            ));
        }
        let indicators = form
            .projects
            .iter()
            .flat_map(|p| p.indicators.iter().chain(p.headings.iter()));
        // A 一级 label filled down a merged cell is the same cell on many rows.
        let mut seen = crate::memo::FastSet::default();
        let mut last = None;
        for ind in indicators {
            let label = ind.level1.as_ref().filter(|c| {
                let here = Some((c.loc, c.as_str()));
                !self.level1_any.is_empty()
                    && std::mem::replace(&mut last, here) != here
                    && seen.insert(c.as_str())
            });
            if let Some(l1) = label {
                let s = stem(&l1.text);
                if let Some(w) = self.level1_any.iter().find(|w| stem(w) == s) {
                    return Some(Msg::new(
                        format!("一级指标有“{}”", l1.trimmed()),
                        format!("a level-1 indicator reads \"{w}\""),
                    ));
                }
            }
            if let Some((role, _)) = ind.cells.0.iter().find(|(r, _)| self.roles_any.contains(r)) {
                return Some(Msg::new(
                    format!("有单独的“{}”列", role.zh()),
                    format!("there is a separate \"{}\" column", role.en()),
                ));
            }
        }
        let funding = form.projects.iter().flat_map(|p| p.funding.iter());
        for row in funding {
            if let Some(w) = self
                .funding_any
                .iter()
                .find(|w| row.label.text.contains(w.as_str()))
            {
                return Some(Msg::new(
                    format!("资金来源有“{w}”"),
                    format!("a fund source reads \"{w}\""),
                ));
            }
        }
        None
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
            adjustment_reason_required: false,
            fund_sources: Vec::new(),
            fund_sum_excludes: Vec::new(),
            scoring: crate::score::Scoring::default(),
            monitoring: crate::monitor::Bands::default(),
            tree: Tree::default(),
            value_columns: ValueColumns::Merged,
            not_applicable_in: default_not_applicable_in(),
            text_limits: Vec::new(),
            template_phrases: Vec::new(),
            detect: Vec::new(),
            severity: json::Entries::default(),
            sources: json::Entries::default(),
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
        let base =
            r#""name":"x","executionFloorPercent":"90","rateDecimals":2,"lowRateReasonFields":[]"#;
        let cases = [
            (
                r#"{"name":"x","executionFloorPercent":"190","rateDecimals":2,"lowRateReasonFields":[]}"#.to_string(),
                "executionFloorPercent",
            ),
            (
                r#"{"name":"x","executionFloorPercent":"90","rateDecimals":2,"lowRateReasonFields":["nope"]}"#.to_string(),
                "unknown variant",
            ),
            (format!("{{{base},\"typo\":1}}"), "typo"),
            (format!("{{{base},\"severity\":{{\"Z999\":\"error\"}}}}"), "Z999"),
            (format!("{{{base},\"detect\":[{{\"profile\":\"mars\"}}]}}"), "detect[0].profile"),
            (format!("{{{base},\"tree\":{{\"level1\":[{{\"name\":\"产出\",\"level2\":[{{\"nam\":\"数量\"}}]}}]}}}}"), "tree.level1[0].level2[0]: 缺少字段 `name`，却有未知字段 `nam`"),
            (format!("{{{base},\"rateDecimals\":\"two\"}}").replace("\"rateDecimals\":2,", ""), "rateDecimals: 应为非负整数 / invalid type: string"),
            (format!("{{{base},\"scoring\":{{\"tolerance\":1}}}}"), "scoring:"),
            (format!("{{{base},\"textLimits\":[{{\"max\":100}}]}}"), "textLimits[0]"),
            (r#"{"extends":"mars","name":"x"}"#.to_string(), "extends"),
            (r#"{"extends":"central-2021","name":"x","tree":"mars"}"#.to_string(), "tree"),
            (r#"{"name":"x","#.to_string(), "JSON"),
        ];
        for (json, needle) in cases {
            let err = Profile::from_json(&json).unwrap_err().to_string();
            assert!(err.contains(needle), "{json} → {err}");
        }
        assert!(matches!(
            Profile::builtin("mars"),
            Err(ProfileError::Unknown(_))
        ));
    }

    #[test]
    fn extends_merges_objects_and_replaces_the_rest() {
        let p = Profile::from_json(
            r#"{"extends":"central-2021","name":"mine","executionFloorPercent":"85",
                "scoring":{"overAchievementFactor":"1.5"}}"#,
        )
        .unwrap();
        let base = Profile::builtin("central-2021").unwrap();
        assert_eq!(p.name, "mine");
        assert_eq!(p.execution_floor_percent, Decimal::from(85));
        assert_eq!(p.tree, base.tree);
        assert_eq!(p.scoring.negative, base.scoring.negative);
        assert_eq!(
            p.scoring.over_achievement_factor,
            Decimal::from_str_exact("1.5").ok()
        );
        let t = Profile::from_json(r#"{"extends":"hubei","name":"hb-old","tree":"central-2020"}"#)
            .unwrap();
        assert_eq!(t.tree, Profile::builtin("central-2020").unwrap().tree);
        assert_eq!(t.scoring, Profile::builtin("hubei").unwrap().scoring);
        assert!(t.detect.is_empty());
    }
}
