//! V012: an 产出 target (数量, 质量, 时效, 成本) given only as a word of degree — 及时, 较高, 良好 — that no result can be measured against, or as a sentence holding several figures (第一年按投资额返本20%,分红按8%分红).
//!
//! 检查内容：产出指标（数量、质量、时效、成本）的指标值应可衡量：时效写完成时限或及时率，质量写合格率、达标率等；只写“及时”“较高”“良好”无法判断是否完成。
//! 原因：绩效目标要“细化、量化、可衡量”；含糊的产出目标评价时只能主观打分，是审核退回的常见原因。
//! 错误示例：时效指标“结算款支付及时性 | 及时”；质量指标“经费支出合规性 | 较高”。
//! 正确示例：“结算款支付及时率 | ≥95%”或“支付完成时间 | 2024年12月底前”；“经费支出合规率 | =100%”。
//!
//! 效益 and 满意度 targets are often qualitative by nature (有效提升, 明显改善) and are left
//! alone; a 产出 target that is a sentence or a named result (已完成验收) is not a word of degree.

use super::report;
use crate::diagnostic::{Diagnostic, Msg};
use crate::rules::registry::Code;
use crate::rules::{Context, Reads, Rule};
use crate::value::Kind;

pub struct VagueOutputTarget;

/// Words of degree that state no measure, once 程度 and 的 are set aside.
const VAGUE: &[&str] = &[
    "及时",
    "按时",
    "准时",
    "较及时",
    "高",
    "较高",
    "很高",
    "好",
    "较好",
    "良好",
    "及时支出",
    "及时拨付",
    "及时发放",
    "及时完成",
    "按时完成",
    "按期完成",
    "较快",
    "快",
];

/// A sentence of several figures: two clauses or more, each with a number, where one
/// target was due ("第一年按总投资额返本20%,分红按8%分红").
fn is_sentence_of_figures(text: &str) -> bool {
    let clauses = text
        .split([',', '，', ';', '；'])
        .filter(|c| {
            c.chars()
                .any(|ch| ch.is_ascii_digit() || ('０'..='９').contains(&ch))
        })
        .count();
    clauses >= 2
}

fn is_vague(text: &str) -> bool {
    let t: String = text
        .trim()
        .trim_end_matches(['。', '.'])
        .replace("程度", "")
        .replace('的', "");
    VAGUE.contains(&t.as_str())
}

/// The 产出 二级 groups whose targets must be measurable.
fn is_output_group(level2: &str) -> bool {
    ["数量", "质量", "时效", "成本"]
        .iter()
        .any(|g| level2.contains(g))
}

impl Rule for VagueOutputTarget {
    fn code(&self) -> Code {
        Code::V012
    }

    fn reads(&self) -> Reads {
        super::READS
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        for v in cx.values() {
            if !v.unexplained_target()
                // 及时 reads as a deadline with no date.
                || !matches!(v.parsed.value.kind, Kind::Qualitative | Kind::Deadline)
                || !(is_output_group(v.level2) || v.facts.timeliness)
            {
                continue;
            }
            let t = v.cell.trimmed();
            if v.parsed.value.kind == Kind::Qualitative && is_sentence_of_figures(t) {
                out.push(report(
                    cx,
                    v,
                    self.code(),
                    None,
                    Msg::new(
                        format!("{}“{}”是一句含多个数值的说明，不是一个可衡量的目标值", v.what_zh(), crate::span::ellipsize(t, 30)),
                        format!("{} \"{t}\" is a sentence of several figures, not one measurable target", v.what_en()),
                    ),
                    Msg::new(
                        "一个三级指标只设一个目标值：把各项拆成单独的指标，如“第一年返本比例 | =20%”“年分红比例 | =8%”",
                        "One target per indicator: split the figures into indicators of their own (first-year return =20%, dividend =8%)",
                    ),
                ));
                continue;
            }
            if !is_vague(t) {
                continue;
            }
            let (zh, en) = if v.facts.timeliness || v.level2.contains("时效") {
                (
                    "时效指标写完成时限（如“2024年12月底前”）或及时率（如“≥95%”）",
                    "Give a deadline (2024年12月底前) or a rate (≥95%)",
                )
            } else {
                (
                    "产出指标写可衡量的数值或标准，如合格率“≥95%”、“=100%”或达到的具体标准",
                    "Give a measurable figure or standard, e.g. ≥95% or =100%",
                )
            };
            let mut d = report(
                cx,
                v,
                self.code(),
                None,
                Msg::new(
                    format!(
                        "{}“{t}”无法衡量：没有数值或时限，评价时无法判断是否完成",
                        v.what_zh()
                    ),
                    format!(
                        "{} \"{t}\" can't be measured: no figure or deadline to judge it by",
                        v.what_en()
                    ),
                ),
                Msg::new(zh, en),
            );
            // On a 自评表 or 监控表 the target is the approved one: noted for next year's.
            if cx.form.kind != crate::form::FormKind::Target {
                d.severity = crate::diagnostic::Severity::Info;
            }
            out.push(d);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{is_sentence_of_figures, is_vague};

    #[test]
    fn a_sentence_of_figures_is_several_targets() {
        for (text, sentence) in [
            ("第一年按总投资额返本20%,分红按8%分红", true),
            ("培训300人次；发放资料2000份", true),
            ("≥95%", false),
            ("按国家标准，全部合格", false),
            ("2024年12月底前", false),
            ("1-6月完成50%", false),
        ] {
            assert_eq!(is_sentence_of_figures(text), sentence, "{text}");
        }
    }

    #[test]
    fn words_of_degree_are_vague_and_results_are_not() {
        for (text, vague) in [
            ("及时", true),
            ("程度较高", true),
            ("较高", true),
            ("及时支出", true),
            ("良好。", true),
            ("已完成验收", false),
            ("2024年12月底前", false),
            ("有效提升", false),
            ("符合国家标准", false),
        ] {
            assert_eq!(is_vague(text), vague, "{text}");
        }
    }
}
