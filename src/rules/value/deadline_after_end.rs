//! V013: a 时效 target whose deadline falls after the project's planned end (起止时间 …2024年12月31日, or the form's year for a one-year project): the target can't be met within the project.
//!
//! 检查内容：年度时效指标的完成时限应在项目实施期内（有起止时间的以其结束日期为准；一年期项目以预算年度末为准）。
//! 原因：完成时限晚于项目结束，说明时限或实施期填错，年底自评时该指标无法评价。
//! 错误示例：项目起止时间 2024年1月1日-2024年12月31日，时效指标“养护完成时间 | 2025年6月底前”。
//! 正确示例：“养护完成时间 | 2024年11月底前”，或按实际调整项目实施期。

use super::report;
use crate::diagnostic::{Diagnostic, Msg};
use crate::form::{Form, FormKind, Role};
use crate::rules::registry::Code;
use crate::rules::{Context, Reads, Rule};
use crate::value::Kind;

pub struct DeadlineAfterEnd;

/// Every (year, month) written in `text` as 2024年12月, 2024-12-31 or 2024.12.31, in order.
fn year_months(text: &str) -> Vec<(u32, u32)> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0usize;
    while let Some(c) = chars.get(i) {
        if !c.is_ascii_digit() {
            i = i.saturating_add(1);
            continue;
        }
        let run = |from: usize| {
            chars
                .get(from..)
                .unwrap_or(&[])
                .iter()
                .take_while(|c| c.is_ascii_digit())
                .collect::<String>()
        };
        let year = run(i);
        let after = i.saturating_add(year.chars().count());
        let sep = chars.get(after).copied();
        let month = run(after.saturating_add(1));
        i = after.saturating_add(1);
        let (Ok(y), Ok(m)) = (year.parse::<u32>(), month.parse::<u32>()) else {
            continue;
        };
        if (2000..2100).contains(&y)
            && (1..=12).contains(&m)
            && matches!(sep, Some('年' | '-' | '.' | '/'))
        {
            out.push((y, m));
        }
    }
    out
}

/// The last month the project runs: the end of a stated period (起止时间, 实施期限,
/// 项目期 with dates), else December of the form's year when the project runs one year
/// (项目期 1年 or none stated). `None` when it can't be told (长期, 3年 without dates).
fn planned_end(form: &Form) -> Option<(u32, u32)> {
    let period = form.fields.iter().filter(|f| {
        let l = f.label.trimmed();
        ["起止", "实施期", "项目期", "期限", "实施周期"]
            .iter()
            .any(|w| crate::span::has(l, w))
    });
    let mut one_year = true;
    for f in period {
        let v = f.value.as_ref().map_or("", |c| c.trimmed());
        if let Some(end) = year_months(v).into_iter().max() {
            return Some(end);
        }
        if !v.is_empty() && !["1年", "一年", "1"].contains(&v) {
            one_year = false;
        }
    }
    let year = form
        .field("年度")
        .map(|c| c.trimmed())
        .and_then(|t| {
            let digits: String = t.chars().filter(char::is_ascii_digit).collect();
            digits.parse::<u32>().ok()
        })
        .filter(|y| (2000..2100).contains(y))?;
    one_year.then_some((year, 12))
}

impl Rule for DeadlineAfterEnd {
    fn code(&self) -> Code {
        Code::V013
    }

    fn reads(&self) -> Reads {
        super::READS
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        if cx.form.kind != FormKind::Target {
            return;
        }
        let Some(end) = planned_end(cx.form) else {
            return;
        };
        for v in cx.values() {
            if v.role != Role::Target
                || v.parsed.value.kind != Kind::Deadline
                || v.indicator.midterm
            {
                continue;
            }
            let Some(due) = year_months(v.cell.trimmed()).into_iter().max() else {
                continue;
            };
            if due <= end {
                continue;
            }
            let t = v.cell.trimmed();
            let (y, m) = end;
            out.push(report(
                cx,
                v,
                self.code(),
                None,
                Msg::new(
                    format!("{}“{t}”晚于项目计划结束（{y}年{m}月），项目期内无法考核", v.what_zh()),
                    format!("{} \"{t}\" falls after the project's planned end ({y}-{m:02})", v.what_en()),
                ),
                Msg::new(
                    "时效指标的完成时限应在项目实施期内；如项目确需延期，同时修改项目起止时间",
                    "Set the deadline within the project's period, or change the period if the project runs longer",
                ),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::year_months;

    #[test]
    fn reads_years_and_months() {
        let cases = [
            ("2024年1月1日-2024年12月31日", vec![(2024, 1), (2024, 12)]),
            ("2025年6月底前", vec![(2025, 6)]),
            ("2024-11-30", vec![(2024, 11)]),
            ("12月底前", vec![]),
            ("1年", vec![]),
        ];
        for (text, want) in cases {
            assert_eq!(year_months(text), want, "{text}");
        }
    }
}
