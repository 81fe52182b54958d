//! S029 (info): a target form's 项目期 / 实施期限 is open-ended (长期, 持续, 常年) instead of a period, so whether the 时效 targets fall inside the project can't be checked.
//!
//! 检查内容：项目期（实施期限）应写明期限，如“1年”“3年”或起止年月。
//! 原因：绩效目标按期限设定；“长期”没有终点，时效指标、中期目标是否在项目期内都无法核对。
//! 错误示例：项目属性“滚动项目”，项目期“长期”。
//! 正确示例：项目期“1年”，或“2024年1月—2024年12月”。

use crate::diagnostic::{Diagnostic, Msg, Section};
use crate::form::FormKind;
use crate::rules::registry::Code;
use crate::rules::{Context, Reads, Rule};

pub struct ProjectPeriodOpen;

/// Field labels that give the project's period (the ones V013 reads its end from).
const PERIOD_LABELS: &[&str] = &["项目期", "实施期限", "实施周期", "项目周期"];
/// Values that name no end.
const OPEN: &[&str] = &[
    "长期",
    "持续",
    "常年",
    "长期项目",
    "持续性",
    "永久",
    "长期性",
];

impl Rule for ProjectPeriodOpen {
    fn code(&self) -> Code {
        Code::S029
    }

    fn reads(&self) -> Reads {
        Reads::REST
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        if cx.form.kind != FormKind::Target {
            return;
        }
        for field in &cx.form.fields {
            let label = field.label.trimmed();
            let Some(value) = field
                .value
                .as_ref()
                .filter(|_| PERIOD_LABELS.iter().any(|w| label.contains(w)))
            else {
                continue;
            };
            let v = value.trimmed();
            if !OPEN.contains(&v) {
                continue;
            }
            out.push(Diagnostic::new(
                self.code(),
                cx.loc(Section::Header, None, value),
                Msg::new(
                    format!("{label}写的是“{v}”，没有期限：时效指标、中期目标是否在项目期内无法核对"),
                    format!("The {label} is \"{v}\", with no end: whether deadlines fall inside the project could not be checked"),
                ),
                Msg::new(
                    "写明实施期限，如“1年”“3年”或起止年月（滚动、常年项目写本轮的期限）",
                    "Give the period: 1年, 3年 or start and end months (a rolling project gives this round's)",
                ),
            ));
        }
    }
}
