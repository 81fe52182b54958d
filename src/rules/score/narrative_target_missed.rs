//! E007: a narrative report states a result that misses its own target ("网络通讯费 年度指标值≤8万元，实际完成值8.11万元"), often beside a claim that nothing deviated.
//!
//! 检查内容：自评报告中“年度指标值…，实际完成值…”的每一对，按比较符号和单位判断是否达成。
//! 原因：报告须对未完成或偏离的目标说明原因（10号文）；写“未发生偏离”却有未达成的指标，结论自相矛盾。
//! 错误示例：“网络通讯费年度指标值≤8万元，实际完成值8.11万元”，问题部分写“未发生偏离目标的情况”。
//! 正确示例：写明超出 0.11 万元系上年结转资金支付，并说明整改措施。

use crate::diagnostic::{Diagnostic, Location, Msg, Section};
use crate::form::{FormKind, Role};
use crate::rules::registry::Code;
use crate::rules::{Context, Reads, Rule};
use crate::value::compare::{compare, Outcome};

pub struct NarrativeTargetMissed;

/// Words that claim every target was met.
const NO_DEVIATION: &[&str] = &[
    "未发生偏离",
    "无偏离",
    "没有偏离",
    "均已完成",
    "全部完成",
    "全部达成",
];

impl Rule for NarrativeTargetMissed {
    fn code(&self) -> Code {
        Code::E007
    }

    fn reads(&self) -> Reads {
        crate::rules::value::READS
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        if cx.form.kind != FormKind::NarrativeReport {
            return;
        }
        let claim = cx.form.text.as_deref().and_then(|text| {
            text.lines().enumerate().find_map(|(i, l)| {
                let b = NO_DEVIATION.iter().find_map(|w| crate::span::find(l, w))?;
                let col = l.get(..b).map_or(0, |p| p.chars().count());
                let row = u32::try_from(i.saturating_add(1)).ok()?;
                let col = u32::try_from(col.saturating_add(1)).ok()?;
                Some((row, col, l.trim().to_string()))
            })
        });
        for actual in cx.values().iter().filter(|v| v.role == Role::Actual) {
            let Some(target) = cx.target_of(actual) else {
                continue;
            };
            if compare(&target.parsed.value, &actual.parsed.value) != Outcome::NotMet {
                continue;
            }
            let (t, a) = (target.cell.trimmed(), actual.cell.trimmed());
            let contradiction = if claim.is_some() {
                "，而报告称“未发生偏离”"
            } else {
                ""
            };
            let mut d = Diagnostic::new(
                self.code(),
                cx.loc(Section::Text, Some(Role::Actual), actual.cell),
                Msg::new(
                    format!("“{}”实际完成值 {a} 未达到年度指标值 {t}{contradiction}", actual.name),
                    format!("\"{}\": the result {a} misses the target {t}{}", actual.name, if claim.is_some() { ", yet the report says nothing deviated" } else { "" }),
                ),
                Msg::new(
                    "在“存在的问题”中说明未达成的原因（如上年结转资金计入支出）和改进措施，并修改“未发生偏离”等结论",
                    "Explain the shortfall and the remedy in the problems section, and correct any 'no deviation' conclusion",
                ),
            )
            .with_related(cx.loc(Section::Text, Some(Role::Target), target.cell), Msg::new("年度指标值", "target value"));
            if let Some((row, col, line)) = &claim {
                d = d.with_related(
                    Location {
                        form: cx.form_index,
                        section: Some(Section::Text),
                        row: Some(*row),
                        column: Some(*col),
                        field: None,
                        cell_text: Some(line.as_str().into()),
                    },
                    Msg::new(
                        "报告中“未发生偏离”的结论",
                        "the report's 'no deviation' claim",
                    ),
                );
            }
            out.push(d);
        }
    }
}
