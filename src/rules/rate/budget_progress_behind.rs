//! R006: in a monitoring form, spending lags time progress (month/12) or the project's own plan ("1-6月 30%, 1-10月 80%").
//!
//! 检查内容：执行率 ÷ 序时进度 < 60% 为红灯，60%–80% 为黄灯；低于项目自定的进度计划也提示。
//! 原因：“双监控”要求及时发现执行偏慢的项目并纠偏（财预〔2019〕136号）。
//! 错误示例：1-7月执行率 20%（序时进度 58.33%）。
//! 正确示例：1-7月执行率 50%。

use crate::diagnostic::{Diagnostic, Msg, Severity};
use crate::form::{FormKind, Role};
use crate::money::fmt_fixed;
use crate::monitor::{budget_light, checkpoints, time_progress, Light};
use crate::rules::registry::Code;
use crate::rules::{Context, Reads, Rule};

pub struct BudgetProgressBehind;

/// The month a monitoring form covers, as read from its headers.
pub fn month(cx: &Context) -> Option<u32> {
    cx.form.field("监控月份").and_then(|c| c.text.parse().ok())
}

impl Rule for BudgetProgressBehind {
    fn code(&self) -> Code {
        Code::R006
    }

    fn reads(&self) -> Reads {
        Reads::REST
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        if cx.form.kind != FormKind::Monitoring {
            return;
        }
        let Some(m) = month(cx) else { return };
        let plan = cx
            .form
            .field("项目实施计划")
            .map(|c| checkpoints(&c.text))
            .unwrap_or_default();
        for e in cx.executions().iter().filter(|e| e.is_total()) {
            let Some(rate) = e.computed else { continue };
            let planned = plan
                .iter()
                .filter(|(pm, _)| *pm <= m)
                .max_by_key(|(pm, _)| *pm);
            let light = budget_light(&cx.profile.monitoring, rate, m);
            let behind_plan = planned.filter(|(_, p)| rate < *p);
            let anchor = e.stated_rate.map_or(e.executed.1, |(_, c)| c);
            let rate_s = fmt_fixed(rate, 2);
            let tp = fmt_fixed(time_progress(m), 2);
            if let Some((light, v)) = light.filter(|(l, _)| *l >= Light::Yellow) {
                let mut d = Diagnostic::new(
                    self.code(),
                    cx.loc(cx.money_section(), Some(Role::Rate), anchor),
                    Msg::new(
                        format!("预算执行{}：1–{m}月执行率 {rate_s}%，序时进度 {tp}%，完成序时进度的 {}%（红灯 <{}%，黄灯 <{}%）", light.zh(), fmt_fixed(v, 0), cx.profile.monitoring.red_below, cx.profile.monitoring.yellow_below),
                        format!("Budget {:?} light: spending {rate_s}% after {m} months against time progress {tp}% ({}% of pace)", light, fmt_fixed(v, 0)),
                    ),
                    Msg::new("分析执行偏慢的原因（经费、制度、人员、硬件等），填写偏差原因和完成可能性，并提出加快执行的措施", "Analyse why spending lags, fill in the deviation reason and likelihood, and plan to catch up"),
                );
                if light == Light::Yellow {
                    d.severity = Severity::Info;
                }
                out.push(d);
            } else if let Some((pm, p)) = behind_plan {
                out.push(Diagnostic::new(
                    self.code(),
                    cx.loc(cx.money_section(), Some(Role::Rate), anchor),
                    Msg::new(
                        format!("1–{m}月执行率 {rate_s}% 低于项目实施计划“1–{pm}月完成 {p}%”"),
                        format!("Spending {rate_s}% after {m} months is below the project's own plan ({p}% by month {pm})"),
                    ),
                    Msg::new("对照项目实施计划说明进度滞后的原因和补救措施", "Explain the delay against the project's plan and how it will catch up"),
                ));
            }
        }
    }
}
