//! V010: a quantitative target with a number but no unit, in the value, a 度量单位 column or the indicator's name.
//!
//! 检查内容：定量指标必须有计量单位（pmkpi：定性、定量(其他)、不适用以外均须填写）。
//! 原因：没有单位，数字无法理解，也无法与完成值比对（如处置率写成“16”）。
//! 错误示例：“16”。
//! 正确示例：“≥95%”、“=16个”。

use super::report;
use crate::diagnostic::{Diagnostic, Msg};
use crate::rules::registry::Code;
use crate::rules::{Context, Reads, Rule};
use crate::value::Kind;

pub struct MissingUnit;

impl Rule for MissingUnit {
    fn code(&self) -> Code {
        Code::V010
    }

    fn reads(&self) -> Reads {
        super::READS
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        for v in cx.values() {
            let p = &v.parsed.value;
            if !v.unexplained_target()
                || !matches!(p.kind, Kind::Quantitative | Kind::Range)
                || p.unit.is_some()
            {
                continue;
            }
            // A unit in the name — "覆盖率（%）", "(个)" — is a unit.
            if unit_in_name(v.name).is_some() || super::masked_digits(v.cell.trimmed()) {
                continue; // 实施营造林总面积(亩) | 80000: the unit is in the name.
            }
            let t = v.cell.trimmed();
            let hint_zh = if v.name.contains('率') {
                "（指标名称是“率”，通常应为 %）"
            } else {
                ""
            };
            out.push(report(
                cx,
                v,
                self.code(),
                None,
                Msg::new(
                    format!("{}“{t}”没有计量单位{hint_zh}", v.what_zh()),
                    format!("{} \"{t}\" has no unit", v.what_en()),
                ),
                Msg::new(
                    "在数字后写上单位，如“≥95%”“=16个”“≤8万元”",
                    "Add the unit after the number, e.g. ≥95%, =16个, ≤8万元",
                ),
            ));
        }
    }
}

/// The unit a 三级 name gives in its closing brackets (`受益人数(人)`, `项目总投入（万元）`):
/// the whole bracket is a known unit, not a hint such as `(≥**%)`.
fn unit_in_name(name: &str) -> Option<&str> {
    let name = name.trim_end();
    let inner = name.strip_suffix(')').or_else(|| name.strip_suffix('）'))?;
    let open = inner.rfind(['(', '（'])?;
    let bracket = inner.get(open..)?;
    let unit = bracket.trim_start_matches(['(', '（']).trim();
    let known = crate::value::longest_known_prefix(unit) == Some(unit.len());
    (known && !unit.is_empty()).then_some(unit)
}

#[cfg(test)]
mod tests {
    use super::unit_in_name;

    #[test]
    fn finds_a_unit_closing_the_name() {
        let cases = [
            ("实施营造林总面积(亩)", Some("亩")),
            ("受益人数（人）", Some("人")),
            ("项目总投入（万元）", Some("万元")),
            ("满意度(%)", Some("%")),
            ("苗木成活率(≥**%)", None),
            ("资产入股贫困人口总数(≥**人)", None),
            ("培训人次", None),
            ("(亩)面积", None),
        ];
        for (name, want) in cases {
            assert_eq!(unit_in_name(name), want, "{name}");
        }
    }
}
