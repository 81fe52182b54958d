//! V007: the value and the 度量单位 column disagree ("28.8万元" with unit "%", "应保尽保" with unit "%").
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

impl Rule for UnitConflict {
    fn code(&self) -> Code {
        Code::V007
    }

    fn reads(&self) -> Reads {
        super::READS
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        for v in cx.values() {
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
