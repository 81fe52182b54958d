//! E008: in a monitoring form, an indicator's value so far is behind its annual target's pace (red/yellow), or far ahead (blue).
//!
//! 检查内容：正向指标 当前值 ÷ (年度指标值 × 月份/12)：<60% 红灯，60%–80% 黄灯，≥120% 蓝灯；反向指标超过目标即红灯；定性按达成程度。
//! 原因：“双监控”要求按序时进度跟踪绩效目标的实现程度。
//! 错误示例：年度指标值 ≥300人次，1-7月完成 100人次（红灯）。
//! 正确示例：1-7月完成 175人次（绿灯）。

use super::lights;
use crate::diagnostic::{Diagnostic, Msg, Section, Severity};
use crate::form::Role;
use crate::money::fmt_fixed;
use crate::monitor::Light;
use crate::rules::registry::Code;
use crate::rules::{Context, Reads, Rule};

pub struct IndicatorProgressLight;

impl Rule for IndicatorProgressLight {
    fn code(&self) -> Code {
        Code::E008
    }

    fn reads(&self) -> Reads {
        crate::rules::value::READS
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        for (current, target, m, light, v) in lights(cx) {
            if light == Light::Green {
                continue;
            }
            let pace = v
                .map(|v| format!("，为序时进度的 {}%", fmt_fixed(v, 0)))
                .unwrap_or_default();
            let mut d = Diagnostic::new(
                self.code(),
                cx.loc(Section::Indicators, Some(Role::Actual), current.cell),
                Msg::new(
                    format!("“{}”{}：年度指标值 {}，1–{m}月完成 {}{pace}", current.name, light.zh(), target.cell.trimmed(), current.cell.trimmed()),
                    format!("\"{}\" {:?} light: target {}, {} after {m} months", current.name, light, target.cell.trimmed(), current.cell.trimmed()),
                ),
                Msg::new(
                    if light == Light::Blue { "进度大幅超前：核对指标值是否定得过低，必要时说明原因" } else { "进度滞后：填写偏差原因和完成目标可能性，并提出纠偏措施" },
                    if light == Light::Blue { "Far ahead of pace: check whether the target was set too low" } else { "Behind pace: give the deviation reason, the likelihood of meeting the target and a remedy" },
                ),
            )
            .with_related(target.location(cx), Msg::new("年度指标值", "annual target"));
            if light != Light::Red {
                d.severity = Severity::Info;
            }
            out.push(d);
        }
    }
}
