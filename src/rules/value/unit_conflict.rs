//! V007: the value and the 度量单位 column disagree ("28.8万元" with unit "%", "应保尽保" with unit "%"); or the name counts one thing and the value another (服务人次数 | ≥105人, 受益人数 | ≥95%, 宣传横幅 | 1年: info); or a time names a share (项目完成时间 | 100%).
//!
//! 检查内容：分列填写时，指标值中的单位应与“度量单位”一致；定性指标不填单位。
//! 原因：单位冲突时无法判断数值含义。
//! 错误示例：指标值“28.8万元”，度量单位“%”。
//! 正确示例：指标值“28.8”，度量单位“万元”。

use super::report;
use crate::diagnostic::{Diagnostic, Msg};
use crate::form::Role;
use crate::rules::registry::Code;
use crate::rules::{Context, Reads, Rule};
use crate::value::{parser, unit_dimension, Kind};

pub struct UnitConflict;

/// What a name that ends in a count says it counts, and the units that count it:
/// 服务人次数 in 人次, 受益人数 in 人 (名), 脱贫户数 in 户.
const COUNTED: &[(&str, &str, &[&str])] = &[
    ("人次数", "人次", &["人次", "万人次"]),
    ("人次", "人次", &["人次", "万人次"]),
    ("人数", "人", &["人", "名", "万人", "人次"]),
    ("户数", "户", &["户", "万户"]),
];

impl UnitConflict {
    /// The name counts one thing and the value another: 托养服务人次数 | ≥105人, 受益人数 |
    /// ≥95%. Reported at the name, which the clerk may be the one to change.
    fn name_conflict(&self, cx: &Context, v: &super::ValueCell) -> Option<Diagnostic> {
        let p = &v.parsed.value;
        if v.role != Role::Target || p.kind != Kind::Quantitative || v.split {
            return None;
        }
        let unit = crate::value::canonical_unit(p.unit.as_deref()?);
        let name = v.indicator.level3.as_ref()?;
        let n = name.trimmed();
        let (_, counts, ok) = COUNTED.iter().find(|(end, _, _)| n.ends_with(end))?;
        let as_share = unit == "%"
            && !["率", "比例", "占比"]
                .iter()
                .any(|w| crate::span::has(n, w));
        let other_count =
            unit_dimension(&unit) == crate::value::Dimension::Count && !ok.contains(&unit.as_ref());
        if !(as_share || other_count) {
            return None;
        }
        let t = v.cell.trimmed();
        let (zh, help) = if as_share {
            (
                format!("指标“{n}”是{counts}数，指标值“{t}”却是百分比"),
                format!("数量指标写{counts}数（如“≥100{counts}”）；要考核比例，请把指标改名为“…率”或“…比例”"),
            )
        } else {
            (
                format!("指标“{n}”按{counts}计，指标值“{t}”的单位却是“{unit}”"),
                format!("指标名称与单位应一致：按{counts}计写“{counts}”，或把名称改为按“{unit}”计"),
            )
        };
        let section = if cx.form.kind == crate::form::FormKind::NarrativeReport {
            crate::diagnostic::Section::Text
        } else {
            crate::diagnostic::Section::Indicators
        };
        let mut d = crate::diagnostic::Diagnostic::new(
            self.code(),
            cx.loc(section, Some(Role::Level3), name),
            Msg::new(
                zh,
                format!("\"{n}\" counts {counts} but its target \"{t}\" is in {unit}"),
            ),
            Msg::new(help, "Make the name and the unit agree"),
        )
        .with_related(v.location(cx), Msg::new("指标值", "target value"));
        // Either may be the slip (the name or the unit): a warning, not the column error.
        d.severity = crate::diagnostic::Severity::Warning;
        Some(d)
    }

    /// A 数量指标 counted in a time unit (制作宣传横幅、公益宣传牌等 | 1 | 年): what is made or
    /// done is counted in pieces or times; a time unit fits only a name about time (服务天数,
    /// 培训时长, 保障期). Reported at the name, as a warning.
    fn counted_in_time(&self, cx: &Context, v: &super::ValueCell) -> Option<Diagnostic> {
        let p = &v.parsed.value;
        if v.role != Role::Target || p.kind != Kind::Quantitative || !v.level2.contains("数量") {
            return None;
        }
        let unit = p
            .unit
            .as_deref()
            .or_else(|| v.unit_col.map(|c| c.trimmed()))
            .filter(|u| !u.is_empty())?;
        if unit_dimension(unit) != crate::value::Dimension::Time {
            return None;
        }
        let name = v.indicator.level3.as_ref()?;
        let n = name.trimmed();
        // The name without a unit in brackets after it (…等(年)).
        let bare = n
            .rfind(['(', '（'])
            .filter(|_| n.ends_with([')', '）']))
            .and_then(|i| n.get(..i))
            .unwrap_or(n);
        const TIME_WORDS: &[char] = &['年', '月', '日', '天', '周', '时', '期', '季', '旬'];
        // Services are bought by time (物业保洁服务 12月, 网络专线租用 1年).
        const BY_TIME: &[&str] = &[
            "服务", "租用", "租赁", "运维", "运行", "维护", "值守", "保障", "聘用", "雇佣", "托管",
        ];
        if bare.is_empty()
            || bare.contains(TIME_WORDS)
            || BY_TIME.iter().any(|w| crate::span::has(bare, w))
        {
            return None;
        }
        let t = v.cell.trimmed();
        let mut d = Diagnostic::new(
            self.code(),
            cx.loc(crate::diagnostic::Section::Indicators, Some(Role::Level3), name),
            Msg::new(
                format!("数量指标“{bare}”以时间单位“{unit}”计（指标值“{t}”），说不清完成了多少"),
                format!("The quantity \"{bare}\" is counted in the time unit \"{unit}\" (target \"{t}\"), which says nothing of how many"),
            ),
            Msg::new(
                "数量指标按实物或次数计（如块、条、场、次）；考核时间的指标放在时效指标下",
                "Count a quantity in pieces or times (块, 条, 场, 次); put a time target under 时效指标",
            ),
        )
        .with_related(v.location(cx), Msg::new("指标值", "target value"));
        d.severity = crate::diagnostic::Severity::Info;
        Some(d)
    }
}

impl UnitConflict {
    /// A name that asks for a time given a share (项目完成时间 | 100%, 资金拨付时限 | 100 | %):
    /// the date the form promises is missing. Reported at the name, as a warning.
    fn time_as_share(&self, cx: &Context, v: &super::ValueCell) -> Option<Diagnostic> {
        let p = &v.parsed.value;
        if v.role != Role::Target || p.kind != Kind::Quantitative {
            return None;
        }
        let unit = p
            .unit
            .as_deref()
            .or_else(|| v.unit_col.map(|c| c.trimmed()))?;
        if crate::value::canonical_unit(unit) != "%" {
            return None;
        }
        let name = v.indicator.level3.as_ref()?;
        let n = name.trimmed();
        const TIME_ENDS: &[&str] = &["时间", "日期", "时限", "期限", "时点"];
        if !TIME_ENDS.iter().any(|w| n.ends_with(w)) {
            return None;
        }
        let t = v.cell.trimmed();
        let mut d = Diagnostic::new(
            self.code(),
            cx.loc(crate::diagnostic::Section::Indicators, Some(Role::Level3), name),
            Msg::new(
                format!("指标“{n}”考核的是时间，指标值“{t}”却是百分比，看不出应在何时完成"),
                format!("\"{n}\" asks for a time, but its target \"{t}\" is a percentage: it says nothing of when"),
            ),
            Msg::new(
                "时间类指标写完成时限（如“2024年12月底前”）；要考核按时完成的比例，请把指标改名为“…及时率”",
                "Write a deadline for a time indicator (such as 2024年12月底前); to measure the share done on time, rename it …及时率",
            ),
        )
        .with_related(v.location(cx), Msg::new("指标值", "target value"));
        d.severity = crate::diagnostic::Severity::Warning;
        Some(d)
    }
}

impl Rule for UnitConflict {
    fn code(&self) -> Code {
        Code::V007
    }

    fn reads(&self) -> Reads {
        super::READS
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        for v in cx.values() {
            if let Some(d) = self.name_conflict(cx, v) {
                out.push(d);
            }
            if let Some(d) = self.counted_in_time(cx, v) {
                out.push(d);
            }
            if let Some(d) = self.time_as_share(cx, v) {
                out.push(d);
            }
            let Some(unit_cell) = v.unit_col.filter(|_| v.role == Role::Target) else {
                continue;
            };
            let column_unit = unit_cell.trimmed();
            let own = parser::parse(&v.cell.text).value;
            let t = v.cell.trimmed();
            let conflict = match (&own.unit, own.kind) {
                (Some(u), _) => {
                    unit_dimension(u) != unit_dimension(column_unit)
                        && crate::value::canonical_unit(u)
                            != crate::value::canonical_unit(column_unit)
                }
                (None, Kind::Qualitative) => true,
                _ => false,
            };
            if !conflict {
                continue;
            }
            let zh = match &own.unit {
                Some(u) => format!(
                    "{}“{t}”带单位“{u}”，与度量单位“{column_unit}”不一致",
                    v.what_zh()
                ),
                None => format!("{}“{t}”是文字，度量单位却填了“{column_unit}”", v.what_zh()),
            };
            out.push(
                report(
                    cx,
                    v,
                    self.code(),
                    None,
                    Msg::new(zh, format!("{} \"{t}\" disagrees with the unit column \"{column_unit}\"", v.what_en())),
                    Msg::new(
                        "分列填写时，“指标值”只填数字，单位写在“度量单位”中；定性指标的度量单位留空",
                        "In split layouts write only the number in the value column and the unit in the unit column; leave the unit empty for qualitative targets",
                    ),
                )
                .with_related(cx.loc(crate::diagnostic::Section::Indicators, Some(Role::Unit), unit_cell), Msg::new("度量单位", "unit column")),
            );
        }
    }
}
