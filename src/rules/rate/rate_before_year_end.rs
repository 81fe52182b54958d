//! R008: a report's execution figures are counted to a day before the year's end (截止2022年12月8日), so its rate is not the full year's.
//!
//! 检查内容：年度自评报告的执行数、执行率应按全年（截至 12 月 31 日）计算；截至年中某日的数字不是全年执行率。
//! 原因：自评是对全年预算执行的评价，提前截止的执行率偏低或偏高都不反映全年情况。
//! 错误示例：“项目资金共2179万元，截止2022年12月8日，已完成拨付2113.63万元，执行率97%”。
//! 正确示例：按截至 2022年12月31日 的支付数计算执行率，或说明年底前的预计支付。

use crate::diagnostic::{Diagnostic, Location, Msg, Section};
use crate::form::FormKind;
use crate::rules::registry::Code;
use crate::rules::{Context, Reads, Rule};

pub struct RateBeforeYearEnd;

/// `截止2022年12月8日` / `截至2022年9月30日` in `line`: its byte offset, its text, and
/// whether the day is before 31 December.
fn cut_off(line: &str) -> Option<(usize, &str, bool)> {
    let at = ["截止", "截至"]
        .iter()
        .filter_map(|w| crate::span::find(line, w))
        .min()?;
    let rest = line.get(at..)?;
    let head = rest
        .get("截止".len()..)?
        .trim_start_matches(['到', '：', ':', ' ']);
    let (year, after) = head.split_once('年')?;
    let (month, after) = after.split_once('月')?;
    let digits = |s: &str| s.trim().parse::<u32>().ok();
    let (_, month) = (digits(year).filter(|y| *y >= 2000)?, digits(month)?);
    let day_text: String = after.chars().take_while(char::is_ascii_digit).collect();
    let day = day_text.parse::<u32>().ok();
    // The date as written: through its 日, or the 底 of a month.
    let tail = after.get(day_text.len()..).unwrap_or("");
    let closing = ['日', '号', '底']
        .iter()
        .find(|c| tail.starts_with(**c))
        .map_or(0, |c| c.len_utf8());
    let end = rest
        .len()
        .saturating_sub(after.len())
        .saturating_add(day_text.len())
        .saturating_add(closing)
        .min(rest.len());
    let before = month < 12 || day.is_some_and(|d| d < 31);
    Some((at, rest.get(..end)?, before))
}

impl Rule for RateBeforeYearEnd {
    fn code(&self) -> Code {
        Code::R008
    }

    fn reads(&self) -> Reads {
        Reads::REST
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        if cx.form.kind != FormKind::NarrativeReport {
            return;
        }
        let Some(text) = cx.form.text.as_deref() else {
            return;
        };
        let lines: Vec<&str> = text.lines().collect();
        for e in cx.executions() {
            let row = e.executed.1.loc.row;
            let Some(line) = usize::try_from(row)
                .ok()
                .and_then(|r| lines.get(r.wrapping_sub(1)))
            else {
                continue;
            };
            let Some((at, date, true)) = cut_off(line) else {
                continue;
            };
            let col = line
                .get(..at)
                .map_or(0, |p| p.chars().count())
                .saturating_add(1);
            let spent = e.executed.1.trimmed();
            out.push(Diagnostic::new(
                self.code(),
                Location {
                    form: cx.form_index,
                    section: Some(Section::Text),
                    row: Some(row),
                    column: u32::try_from(col).ok(),
                    field: None,
                    cell_text: Some(date.into()),
                },
                Msg::new(
                    format!("执行数 {spent} 是“{date}”的数，不是全年执行情况"),
                    format!("The spending {spent} is counted {date}, not for the whole year"),
                ),
                Msg::new(
                    "年度自评按截至 12 月 31 日的支付数计算执行率；年底前成稿的，写明预计全年执行数",
                    "A year's self-evaluation counts spending to 31 December; if written earlier, state the expected full-year figure",
                ),
            ));
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::cut_off;

    #[test]
    fn reads_the_cut_off_day() {
        let cases = [
            (
                "项目资金共2179万元,截止2022年12月8日,已完成拨付",
                Some(("截止2022年12月8日", true)),
            ),
            (
                "截至2023年12月31日，支出150万元",
                Some(("截至2023年12月31日", false)),
            ),
            ("截至2024年9月底，已支付", Some(("截至2024年9月底", true))),
            ("已支付150万元", None),
        ];
        for (line, want) in cases {
            assert_eq!(cut_off(line).map(|(_, d, b)| (d, b)), want, "{line}");
        }
    }
}
