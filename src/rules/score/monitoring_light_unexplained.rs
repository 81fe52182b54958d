//! E009: a red or yellow indicator in a monitoring form without its 偏差原因 or 完成目标可能性.
//!
//! 检查内容：红灯、黄灯指标必须填写偏差原因分析和完成目标可能性（确定能 / 有可能 / 完全不可能）。
//! 原因：监控表要求对预计不能完成的指标说明原因（S-136 附表；pmkpi）。
//! 错误示例：红灯指标，偏差原因和完成可能性为空。
//! 正确示例：偏差原因“疫情影响培训延期”，完成可能性“有可能”。

use super::lights;
use crate::diagnostic::{Diagnostic, Msg, Section};
use crate::form::Role;
use crate::monitor::Light;
use crate::rules::registry::Code;
use crate::rules::{Context, Reads, Rule};

pub struct MonitoringLightUnexplained;

impl Rule for MonitoringLightUnexplained {
    fn code(&self) -> Code {
        Code::E009
    }

    fn reads(&self) -> Reads {
        crate::rules::value::READS.union(Reads::indicators(&[
            Role::DeviationReason,
            Role::Likelihood,
        ]))
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        for (current, _target, _m, light, _) in lights(cx) {
            if light < Light::Yellow {
                continue;
            }
            for role in [Role::DeviationReason, Role::Likelihood] {
                let Some(cell) = current.indicator.cells.get(role).filter(|c| c.is_blank()) else {
                    continue;
                };
                out.push(Diagnostic::new(
                    self.code(),
                    cx.loc(Section::Indicators, Some(role), cell),
                    Msg::new(
                        format!("“{}”为{}，但“{}”未填写", current.name, light.zh(), role.zh()),
                        format!("\"{}\" shows a {:?} light but its {} is empty", current.name, light, role.en()),
                    ),
                    Msg::new(
                        "红灯、黄灯指标须填写偏差原因（经费、制度、人员、硬件或其他保障）和完成目标可能性（确定能 / 有可能 / 完全不可能）",
                        "Red and yellow indicators need a deviation reason and a likelihood (确定能 / 有可能 / 完全不可能)",
                    ),
                ));
            }
        }
    }
}
