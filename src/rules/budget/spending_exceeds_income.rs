//! B005: a department's report states the year's income and spending (收入:792.22万元 … 支出:799.12万元) with spending above income and no carried-over balance (结转结余) to cover the gap.
//!
//! 检查内容：部门整体支出报告写明的本年收入和本年支出，支出大于收入，而全文未提年初结转结余。
//! 原因：支出只能来自本年收入和以前年度结转结余；没有结余却支大于收，数字有误或漏写了结转资金。
//! 错误示例：“1、收入:792.22万元。……2、支出:799.12万元。”全文没有结转结余。
//! 正确示例：写明“使用年初结转结余6.90万元”，或核对收入、支出数。

use crate::diagnostic::{Diagnostic, Location, Msg, Section};
use crate::form::FormKind;
use crate::money::{self, fmt_fixed, parse_amount, AmountCell};
use crate::rules::registry::Code;
use crate::rules::{Context, Reads, Rule};
use rust_decimal::Decimal;

pub struct SpendingExceedsIncome;

/// Words that name a balance carried over, which may pay for spending above income.
const CARRIED_OVER: &[&str] = &[
    "结转",
    "结余",
    "结存",
    "动用",
    "事业基金",
    "弥补",
    "收支差额",
    "以前年度",
];

/// The year's total of `word` (收入 or 支出) stated at the start of a clause of `line`
/// (“1、收入:792.22万元”, “本年支出合计799.12万元”): the byte range of the statement and the
/// amount in 元.
fn stated_total(line: &str, word: &str) -> Option<(std::ops::Range<usize>, Decimal)> {
    let mut from = 0;
    while let Some(found) = line.get(from..).and_then(|s| s.find(word)) {
        let at = from.checked_add(found)?;
        from = at.checked_add(word.len())?;
        let lead = line.get(..at)?;
        let clause = lead
            .rfind(['，', ',', '。', '；', ';', '：', ':'])
            .and_then(|b| {
                lead.get(b..)?
                    .chars()
                    .next()
                    .map(|c| b.saturating_add(c.len_utf8()))
            })
            .unwrap_or(0);
        let opening = lead.get(clause..)?.trim();
        let opening = opening.trim_start_matches(|c: char| {
            c.is_ascii_digit() || "一二三四五六七八九十、.（）() ".contains(c)
        });
        if !["", "本年", "全年", "部门", "本年度", "总"].contains(&opening) {
            continue;
        }
        let rest = line.get(from..)?;
        let rest = rest.trim_start_matches(['合', '计', '总', '额', '为', '是', '：', ':', ' ']);
        let num: String = rest
            .chars()
            .take_while(|c| c.is_ascii_digit() || *c == '.' || *c == ',')
            .collect();
        let unit = ["亿元", "万元", "元"]
            .into_iter()
            .find(|u| rest.get(num.len()..).is_some_and(|r| r.starts_with(u)))?;
        let end = line
            .len()
            .checked_sub(rest.len())?
            .checked_add(num.len())?
            .checked_add(unit.len())?;
        let AmountCell::Value(s, Some(u)) =
            parse_amount(line.get(line.len().checked_sub(rest.len())?..end)?)
        else {
            return None;
        };
        let yuan = money::convert(s.value, u, crate::form::MoneyUnit::Yuan)?;
        return Some((at..end, yuan));
    }
    None
}

impl Rule for SpendingExceedsIncome {
    fn code(&self) -> Code {
        Code::B005
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
        // A department's accounts (部门整体 / 部门决算): a project's report has no income.
        let department = ["部门整体", "部门决算"]
            .iter()
            .any(|w| crate::span::has(folded, w));
        if !department || CARRIED_OVER.iter().any(|w| crate::span::has(folded, w)) {
            return;
        }
        let lines: Vec<((&str, &str), u32)> =
            text.lines().zip(folded.lines()).zip(1u32..).collect();
        let first = |word: &str| {
            lines
                .iter()
                .find_map(|((l, f), row)| stated_total(f, word).map(|(r, v)| (*row, *l, r, v)))
        };
        let (Some(income), Some(spent)) = (first("收入"), first("支出")) else {
            return;
        };
        if spent.3 <= income.3 {
            return;
        }
        let said = |(_, l, r, _): &(u32, &str, std::ops::Range<usize>, Decimal)| {
            l.get(r.clone()).unwrap_or("").to_string()
        };
        let (income_text, spent_text) = (said(&income), said(&spent));
        let gap = spent
            .3
            .checked_sub(income.3)
            .and_then(|d| {
                money::convert(
                    d,
                    crate::form::MoneyUnit::Yuan,
                    crate::form::MoneyUnit::Wanyuan,
                )
            })
            .map(|d| fmt_fixed(money::round_half_away(d, 2), 2))
            .unwrap_or_default();
        let col = spent
            .1
            .get(..spent.2.start)
            .map_or(0, |p| p.chars().count())
            .saturating_add(1);
        let loc = |row: u32, col: usize, text: String| Location {
            form: cx.form_index,
            section: Some(Section::Text),
            row: Some(row),
            column: u32::try_from(col).ok(),
            field: None,
            cell_text: Some(text.into()),
        };
        let income_col = income
            .1
            .get(..income.2.start)
            .map_or(0, |p| p.chars().count())
            .saturating_add(1);
        out.push(
            Diagnostic::new(
                self.code(),
                loc(spent.0, col, spent_text.clone()),
                Msg::new(
                    format!("“{spent_text}”大于“{income_text}”，多出 {gap} 万元，报告未说明由年初结转结余支付"),
                    format!("\"{spent_text}\" is more than \"{income_text}\" by {gap} 万元, and the report names no balance carried over to pay for it"),
                ),
                Msg::new(
                    "支出大于收入时，写明动用的年初结转结余金额；否则核对收入、支出数",
                    "Where spending exceeds income, state the balance carried over that paid for it; otherwise check the two figures",
                ),
            )
            .with_related(loc(income.0, income_col, income_text), Msg::new("本年收入", "income")),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::stated_total;

    #[test]
    fn reads_the_years_totals() {
        let cases = [
            (
                "1、收入:792.22万元。同比上年度增加189.25万元",
                "收入",
                Some("收入:792.22万元"),
            ),
            (
                "2、支出:799.12万元。其中:人员经费支出434.89万元",
                "支出",
                Some("支出:799.12万元"),
            ),
            (
                "本年收入合计1,250.5万元，本年支出合计1,180万元",
                "支出",
                Some("支出合计1,180万元"),
            ),
            ("其中:财政拨款收入792.22万元", "收入", None),
            ("人员经费支出434.89万元", "支出", None),
        ];
        for (line, word, want) in cases {
            let got = stated_total(line, word).and_then(|(r, _)| line.get(r));
            assert_eq!(got, want, "{line}");
        }
    }
}
