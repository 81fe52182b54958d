//! V011: a quantitative target written without a comparator ("100%", "16"), so its direction is unknown.
//!
//! 检查内容：定量指标值应写明比较符号（≥、≤、=），或在“指标性质”列注明。
//! 原因：没有方向就无法按正向/反向评分。
//! 错误示例：“100%”。
//! 正确示例：“≥100%”、“=100%”。

use super::{fix, report};
use crate::diagnostic::{Applicability, Diagnostic, Msg};
use crate::rules::registry::Code;
use crate::rules::{Context, Reads, Rule};
use crate::value::Kind;

pub struct MissingComparator;

impl Rule for MissingComparator {
    fn code(&self) -> Code {
        Code::V011
    }

    fn reads(&self) -> Reads {
        super::READS
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        for v in cx.values() {
            let p = &v.parsed.value;
            if !v.unexplained_target()
                || v.nature_col.is_some()
                || p.kind != Kind::Quantitative
                || p.comparator.is_some()
            {
                continue;
            }
            let t = v.cell.trimmed();
            let op = if v.is_negative_sense() { "≤" } else { "≥" };
            out.push(
                report(
                    cx,
                    v,
                    self.code(),
                    None,
                    Msg::new(
                        format!("{}“{t}”没有比较符号，评分方向不明", v.what_zh()),
                        format!(
                            "{} \"{t}\" has no comparator; its direction is unknown",
                            v.what_en()
                        ),
                    ),
                    Msg::new(
                        format!("越高越好写“≥{t}”，越低越好写“≤{t}”，须恰好达到写“={t}”"),
                        format!(
                            "Write ≥{t} if more is better, ≤{t} if less is better, ={t} if exact"
                        ),
                    ),
                )
                .with_fix(fix(format!("{op}{t}"), Applicability::Unsafe)),
            );
        }
    }
}
