//! E011: a report gives its self-evaluation score below 100 (综合评价得分为 99.8分) but says nowhere which points were deducted or why.
//!
//! 检查内容：自评报告写明的综合得分低于 100 分，但全文没有扣分说明（扣分的指标、扣分值和原因）。
//! 原因：得分是对照各项指标打出的，扣了分就要说明扣在哪里；只给分数，审核无法核对评分。
//! 错误示例：“综合评价得分为 99.8分”，后文各项指标均已完成，没有任何扣分说明。
//! 正确示例：“综合评价得分 99.8 分，其中预算执行率 99.99%，按比例扣 0.2 分”。

use crate::diagnostic::{Diagnostic, Location, Msg, Section};
use crate::form::FormKind;
use crate::money::parse_decimal;
use crate::rules::registry::Code;
use crate::rules::{Context, Reads, Rule};
use rust_decimal::Decimal;

pub struct DeductionUnexplained;

/// How a report names its overall score.
/// A bare 评价得分 may be one indicator's (预算执行率评价得分为 9.8分), so it is not one.
const SCORE_WORDS: &[&str] = &[
    "综合评价得分",
    "综合得分",
    "自评总得分",
    "自评总分",
    "自评得分",
    "总得分",
];

/// Words that explain a deduction.
const DEDUCTION_WORDS: &[&str] = &["扣", "失分", "减分", "未得满分", "满分", "分值"];

/// The overall score stated in `line`: the byte offset of its words, the phrase as written
/// (综合评价得分为 99.8分) and the score.
fn stated_score(line: &str) -> Option<(usize, &str, Decimal)> {
    let (at, word) = SCORE_WORDS
        .iter()
        .filter_map(|w| crate::span::find(line, w).map(|at| (at, *w)))
        .min_by_key(|(at, w)| (*at, std::cmp::Reverse(w.len())))?;
    let after = line.get(at.checked_add(word.len())?..)?;
    let rest = after.trim_start_matches(['为', '是', '：', ':', ' ', '\u{3000}']);
    let digits: String = rest
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '.')
        .collect();
    let tail = rest.get(digits.len()..)?.trim_start();
    if digits.is_empty() || !tail.starts_with('分') {
        return None;
    }
    let score = parse_decimal(&digits)?.value;
    let end = line
        .len()
        .checked_sub(tail.len())?
        .checked_add('分'.len_utf8())?;
    Some((at, line.get(at..end)?, score))
}

impl Rule for DeductionUnexplained {
    fn code(&self) -> Code {
        Code::E011
    }

    fn reads(&self) -> Reads {
        Reads::REST
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        if cx.form.kind != FormKind::NarrativeReport {
            return;
        }
        let (Some(text), Some(folded)) = (cx.form.text.as_deref(), cx.folded_text()) else {
            return;
        };
        if DEDUCTION_WORDS.iter().any(|w| crate::span::has(folded, w)) {
            return;
        }
        let found = text
            .lines()
            .zip(folded.lines())
            .zip(1u32..)
            .find_map(|((l, f), row)| {
                let (at, phrase, score) = stated_score(f)?;
                let original = l.get(at..at.checked_add(phrase.len())?).unwrap_or(phrase);
                let col = l.get(..at).map_or(0, |p| p.chars().count());
                Some((row, col, original, score))
            });
        let Some((row, col, phrase, score)) = found else {
            return;
        };
        let hundred = Decimal::ONE_HUNDRED;
        if score >= hundred || score <= Decimal::ZERO {
            return;
        }
        let lost = hundred.checked_sub(score).unwrap_or_default().normalize();
        out.push(Diagnostic::new(
            self.code(),
            Location {
                form: cx.form_index,
                section: Some(Section::Text),
                row: Some(row),
                column: u32::try_from(col).ok().and_then(|c| c.checked_add(1)),
                field: None,
                cell_text: Some(phrase.into()),
            },
            Msg::new(
                format!("报告写明“{phrase}”，扣了 {lost} 分，但没有说明扣分的指标和原因"),
                format!("The report states \"{phrase}\", {lost} points short of 100, but says nowhere where the points were lost"),
            ),
            Msg::new(
                "写明每一项扣分：扣分的指标、扣分值和原因（如“预算执行率 99.99%，扣 0.2 分”）",
                "State each deduction: the indicator, the points and why (\"execution 99.99%, 0.2 points off\")",
            ),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::stated_score;
    use rust_decimal::Decimal;

    #[test]
    fn reads_the_stated_score() {
        let cases = [
            (
                "自评小组经过自评,综合评价得分为 99.8分。",
                Some(("综合评价得分为 99.8分", "99.8")),
            ),
            (
                "项目自评得分：92分，等级为优。",
                Some(("自评得分：92分", "92")),
            ),
            ("评价得分情况。", None),
            ("自评得分较高", None),
        ];
        for (line, want) in cases {
            let got = stated_score(line).map(|(_, p, s)| (p, s));
            let want = want.map(|(p, s)| (p, s.parse::<Decimal>().unwrap_or_default()));
            assert_eq!(got, want, "{line}");
        }
    }
}
