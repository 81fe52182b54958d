//! V010: a quantitative target with a number but no unit, in the value, a 度量单位 column or the indicator's name; and (info) a goal stating money with no unit (投资500).
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

/// Words after which a goal states money (完成项目投资500): the figure needs 万元 or 元.
const MONEY_WORDS: &[&str] = &["投资", "资金", "预算", "补助", "经费", "拨付"];

/// A money figure with no unit in a goal's text (投资500,): its byte range.
fn bare_money(text: &str) -> Option<std::ops::Range<usize>> {
    MONEY_WORDS.iter().find_map(|w| {
        let mut from = 0usize;
        while let Some(found) = text.get(from..).and_then(|t| crate::span::find(t, w)) {
            let start = from.checked_add(found)?.checked_add(w.len())?;
            from = start;
            let rest = text.get(start..)?;
            let len = rest
                .find(|c: char| !(c.is_ascii_digit() || c == '.'))
                .unwrap_or(rest.len());
            if len == 0 {
                continue;
            }
            let after = rest.get(len..)?;
            // 投资500万元, 资金2项, 预算2024年: a unit or a count follows.
            let unit =
                after.starts_with(|c: char| !"，,。；;、 ）)".contains(c)) && !after.is_empty();
            if !unit {
                return Some(start..start.checked_add(len)?);
            }
        }
        None
    })
}

impl MissingUnit {
    /// A target form's goal stating money with no unit (完成省级水利发展农村饮水项目投资500):
    /// info, as the goal is prose.
    fn goal_money(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        if cx.form.kind != crate::form::FormKind::Target {
            return;
        }
        for field in cx.form.fields.iter().filter(|f| f.key.contains("目标")) {
            let Some(value) = field.value.as_ref() else {
                continue;
            };
            let Some(range) = bare_money(&value.text) else {
                continue;
            };
            let figure = value.text.get(range.clone()).unwrap_or("");
            let mut d = Diagnostic::new(
                self.code(),
                cx.loc(crate::diagnostic::Section::Header, None, value),
                Msg::new(
                    format!("目标中的金额“{figure}”没有单位（万元还是元？）"),
                    format!("The amount \"{figure}\" in the goal has no unit (万元 or 元?)"),
                ),
                Msg::new(
                    "金额写明单位，如“投资500万元”",
                    "Give the amount its unit, e.g. 500万元",
                ),
            )
            .with_span(crate::span::Span::new(range.start, range.end));
            d.severity = crate::diagnostic::Severity::Info;
            out.push(d);
        }
    }
}

impl Rule for MissingUnit {
    fn code(&self) -> Code {
        Code::V010
    }

    fn reads(&self) -> Reads {
        super::READS
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        self.goal_money(cx, out);
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
pub(super) fn unit_in_name(name: &str) -> Option<&str> {
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

#[cfg(test)]
mod goal_tests {
    use super::bare_money;

    #[test]
    fn finds_money_without_a_unit_in_goals() {
        let cases = [
            (
                "完成省级水利发展农村饮水项目投资500,改善提升9200人饮水条件。",
                Some("500"),
            ),
            ("完成项目投资500万元，改善饮水条件。", None),
            ("下达补助资金2批次", None),
            ("落实预算2024年度工作", None),
            ("年度投资计划全部完成", None),
        ];
        for (text, want) in cases {
            assert_eq!(bare_money(text).and_then(|r| text.get(r)), want, "{text}");
        }
    }
}
