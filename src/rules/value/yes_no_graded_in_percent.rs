//! V016: an indicator described as a yes/no question (是否应救尽救) but graded in percentage bands (100% | 90% | 85%).
//!
//! 检查内容：“是否……”的描述只有“是”“否”两种结果，不能按百分比分档评价；分档评价的指标应描述一个可计量的比率。
//! 原因：描述与评价标准对不上，评价时无法把“是/否”的结果对应到百分比档次。
//! 错误示例：描述“困难群众基本生活救助是否应救尽救”，评价标准 优 100%、良 90%。
//! 正确示例：描述“应救助对象的救助覆盖比率”，评价标准 优 100%、良 90%；或评价标准写“是 / 否”。

use crate::diagnostic::{Diagnostic, Msg, Section};
use crate::form::Role;
use crate::money::band_threshold;
use crate::rules::registry::Code;
use crate::rules::{Context, Reads, Rule};

pub struct YesNoGradedInPercent;

impl Rule for YesNoGradedInPercent {
    fn code(&self) -> Code {
        Code::V016
    }

    fn reads(&self) -> Reads {
        Reads::indicators(&[Role::Level3, Role::Explanation, Role::Band])
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        for ind in cx.form.graded_indicators() {
            let percent_bands = ind
                .cells
                .all(Role::Band)
                .filter(|c| c.trimmed().ends_with(['%', '％']) && band_threshold(&c.text).is_some())
                .count();
            let asks = ind
                .cells
                .get(Role::Explanation)
                .filter(|c| c.trimmed().contains("是否"))
                .map(|c| (Role::Explanation, c))
                .or_else(|| {
                    ind.level3
                        .as_ref()
                        .filter(|c| c.trimmed().contains("是否"))
                        .map(|c| (Role::Level3, c))
                });
            let Some((role, cell)) = asks.filter(|_| percent_bands >= 2) else {
                continue;
            };
            let t = crate::span::ellipsize(cell.trimmed(), 24);
            out.push(Diagnostic::new(
                self.code(),
                cx.loc(Section::Indicators, Some(role), cell),
                Msg::new(
                    format!("“{t}”是“是否”式的判断，只有是、否两种结果，评价标准却按百分比分档"),
                    format!("\"{t}\" asks a yes/no question but is graded in percentage bands"),
                ),
                Msg::new(
                    "把描述改为可计量的比率（如“应救助对象救助覆盖比率”），或把评价标准改为“是 / 否”",
                    "Describe a measurable rate instead, or grade it yes / no",
                ),
            ));
        }
    }
}
