//! R004: 执行率 below the profile's floor (default 90%) with the reason field left empty.
//!
//! 检查内容：执行率低于下限（默认 90%）时，原因栏（如“项目执行中存在的问题”）必须填写。
//! 原因：四川等地规定“执行率未达到90%需说明原因”，财政审核据此退回。
//! 错误示例：执行率 88.16%，“项目执行中存在的问题”为空。
//! 正确示例：执行率 88.16%，说明“部分采购合同年底未到付款节点”。

use super::{project_name, working};
use crate::diagnostic::{Diagnostic, Msg};
use crate::form::Role;
use crate::money::fmt_fixed;
use crate::rules::registry::Code;
use crate::rules::{Context, Reads, Rule};

pub struct LowExecutionRateWithoutReason;

impl Rule for LowExecutionRateWithoutReason {
    fn code(&self) -> Code {
        Code::R004
    }

    fn reads(&self) -> Reads {
        Reads::REST
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        // Mid-year monitoring has its own lights (R006, E008, E009).
        if cx.form.kind == crate::form::FormKind::Monitoring {
            return;
        }
        let floor = cx.profile.execution_floor_percent;
        for e in cx.executions() {
            let Some(rate) = e.computed.filter(|r| *r < floor) else {
                continue;
            };
            if !e.is_total() {
                continue;
            }
            let fields = &cx.profile.low_rate_reason_fields;
            let reason = fields.iter().find_map(|role| {
                e.project
                    .cells
                    .get(*role)
                    .or_else(|| e.row.cells.get(*role))
                    .map(|c| (*role, c))
            });
            if reason.is_some_and(|(_, c)| !c.is_blank()) {
                continue;
            }
            let section = cx.money_section();
            let anchor = e.stated_rate.map_or(e.executed.1, |(_, c)| c);
            let shown = fmt_fixed(rate, cx.profile.rate_decimals);
            let floor_s = fmt_fixed(floor, 0);
            if cx.form.kind == crate::form::FormKind::NarrativeReport {
                // A reason given in the sentences around the figure (剩余资金因…未完成结算).
                if explained_near(cx, anchor.loc.row) {
                    continue;
                }
                // A report has no reason cell: its prose may explain, but the rate must be
                // stated and the shortfall owned.
                let unstated = if e.stated_rate.is_none() {
                    "，报告未写明执行率"
                } else {
                    ""
                };
                out.push(Diagnostic::new(
                    self.code(),
                    cx.loc(section, Some(Role::Rate), anchor),
                    Msg::new(
                        format!("{}：执行率 {shown}%（{}）低于 {floor_s}%{unstated}", project_name(e.project), working(e)),
                        format!("{}: execution rate {shown}% ({}) is below {floor_s}%", project_name(e.project), working(e)),
                    ),
                    Msg::new(
                        format!("执行率未达到 {floor_s}% 需说明原因：在报告中写明执行率、未执行部分的原因和后续安排"),
                        format!("A rate below {floor_s}% needs a reason: state the rate in the report, why funds were not spent and what follows"),
                    ),
                ));
                continue;
            }
            let field_zh = reason
                .map(|(r, _)| r)
                .or_else(|| fields.first().copied())
                .map_or("原因", |r| r.zh());
            let mut d = Diagnostic::new(
                self.code(),
                cx.loc(section, Some(Role::Rate), anchor),
                Msg::new(
                    match reason {
                        Some(_) => format!(
                            "{}：执行率 {shown}%（{}）低于 {floor_s}%，但“{field_zh}”栏为空",
                            project_name(e.project),
                            working(e)
                        ),
                        None => format!(
                            "{}：执行率 {shown}%（{}）低于 {floor_s}%，表中没有说明原因",
                            project_name(e.project),
                            working(e)
                        ),
                    },
                    format!(
                        "{}: execution rate {shown}% ({}) is below {floor_s}% but \"{}\" gives no reason",
                        project_name(e.project),
                        working(e),
                        reason.map_or("reason", |(r, _)| r.en())
                    ),
                ),
                match reason {
                    Some(_) => Msg::new(
                        format!("执行率未达到 {floor_s}% 需说明原因：请在“{field_zh}”栏写明未执行的原因和后续措施（100 字以内）"),
                        format!("A rate below {floor_s}% needs a reason: explain in \"{}\" why funds were not spent and what follows (within 100 characters)", reason.map_or("reason", |(r, _)| r.en())),
                    ),
                    None => Msg::new(
                        format!("执行率未达到 {floor_s}% 需说明原因：在资金表旁加“原因”栏（或在偏差原因分析中）写明未执行的原因和后续措施"),
                        format!("A rate below {floor_s}% needs a reason: add a reason column beside the funding table (or use the deviation analysis) to say why funds were not spent and what follows"),
                    ),
                },
            );
            if let Some((role, cell)) = reason {
                d = d.with_related(
                    cx.loc(section, Some(role), cell),
                    Msg::new("原因栏", "reason field"),
                );
            }
            out.push(d);
        }
    }
}

/// Words that give a reason for money left unspent (剩余资金因…, 受汛期影响, 待结算后支付).
const REASON_WORDS: &[&str] = &[
    "原因",
    "由于",
    "因为",
    "资金因",
    "项目因",
    "工程因",
    "影响",
    "尚未",
    "未完成",
    "延期",
    "滞后",
    "结算后",
    "待",
];

/// Whether the report says why money was left: on the line with the rate or the next (not
/// a heading such as 三、存在的问题及原因分析), or in a paragraph about the funds' execution
/// elsewhere (存在的问题：资金执行率偏低，主要是…受汛期影响延期完工).
fn explained_near(cx: &Context, row: u32) -> bool {
    let Some(text) = cx.form.text.as_deref() else {
        return false;
    };
    let at = usize::try_from(row).unwrap_or(usize::MAX).saturating_sub(1);
    let prose = |l: &&str| !crate::read::narrative::is_outline_heading(l.trim());
    let reasoned = |l: &str| REASON_WORDS.iter().any(|w| crate::span::has(l, w));
    let near = text.lines().skip(at).take(2).filter(prose).any(reasoned);
    let about_execution = |l: &str| {
        ["执行率", "执行进度", "支出进度", "资金执行"]
            .iter()
            .any(|w| crate::span::has(l, w))
    };
    near || text
        .lines()
        .filter(prose)
        .any(|l| about_execution(l) && reasoned(l))
}
