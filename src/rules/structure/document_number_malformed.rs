//! S020: a document number (文号) whose year brackets are broken: `〔20226号` for `〔2022〕6号`.
//!
//! 检查内容：报告和表头引用的文号应写成“机关代字〔年份〕序号号”，年份四位、用六角括号括起。
//! 原因：文号是核对依据文件的凭据，写错无法查找原文件。
//! 错误示例：“双桥经开财务发〔20226号”。
//! 正确示例：“双桥经开财务发〔2022〕6号”。

use crate::diagnostic::{Diagnostic, Location, Msg, Section};
use crate::form::FormKind;
use crate::rules::registry::Code;
use crate::rules::{Context, Reads, Rule};

pub struct DocumentNumberMalformed;

/// Where a 文号 opened with 〔 fails to close its four-digit year before 号: the byte offset
/// of the 〔 and the text up to 号. A well-formed `〔2022〕6号` gives `None`.
fn malformed(text: &str) -> Option<(usize, &str)> {
    let mut from = 0;
    while let Some(i) = text
        .get(from..)
        .and_then(|t| t.find('〔'))
        .map(|i| from.saturating_add(i))
    {
        let rest = text.get(i..)?;
        let close = rest.find('号').filter(|n| *n <= 40)?;
        let number = rest.get(..close.saturating_add('号'.len_utf8()))?;
        let inside = number.trim_start_matches('〔');
        let ok = match inside.split_once('〕') {
            Some((year, serial)) => {
                year.len() == 4
                    && year.bytes().all(|b| b.is_ascii_digit())
                    && serial
                        .trim_end_matches('号')
                        .chars()
                        .any(|c| c.is_ascii_digit())
            }
            None => false,
        };
        if !ok && inside.chars().next().is_some_and(|c| c.is_ascii_digit()) {
            return Some((i, number));
        }
        from = i.saturating_add('〔'.len_utf8());
    }
    None
}

impl Rule for DocumentNumberMalformed {
    fn code(&self) -> Code {
        Code::S020
    }

    fn reads(&self) -> Reads {
        Reads::REST
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        let mut report = |loc: Location, number: &str| {
            out.push(Diagnostic::new(
                self.code(),
                loc,
                Msg::new(
                    format!("文号“{number}”写法有误：年份应为四位数字并用〔〕括起"),
                    format!("The document number \"{number}\" is malformed: the year should be four digits in 〔〕"),
                ),
                Msg::new(
                    "按“机关代字〔年份〕序号号”核对原文件改正，如“财预〔2022〕6号”",
                    "Write it as 机关代字〔year〕serial号, e.g. 财预〔2022〕6号, from the source document",
                ),
            ));
        };
        if cx.form.kind == FormKind::NarrativeReport {
            for (row, line) in cx.form.text.as_deref().unwrap_or("").lines().enumerate() {
                let Some((at, number)) = malformed(line) else {
                    continue;
                };
                let col = line
                    .get(..at)
                    .map_or(0, |p| p.chars().count())
                    .saturating_add(1);
                let loc = Location {
                    form: cx.form_index,
                    section: Some(Section::Text),
                    row: u32::try_from(row.saturating_add(1)).ok(),
                    column: u32::try_from(col).ok(),
                    field: None,
                    cell_text: Some(number.into()),
                };
                report(loc, number);
            }
            return;
        }
        for f in &cx.form.fields {
            let Some(v) = f.value.as_ref() else {
                continue;
            };
            if let Some((_, number)) = malformed(&v.text) {
                report(cx.loc(Section::Header, None, v), number);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::malformed;

    #[test]
    fn finds_broken_year_brackets() {
        for (text, want) in [
            ("(双桥经开财务发〔20226号)文件", Some("〔20226号")),
            ("财预〔2022〕6号", None),
            ("财预〔22〕6号", Some("〔22〕6号")),
            ("按〔2022〕6号和〔2023〕12号文件", None),
            ("〔2021〕号", Some("〔2021〕号")),
            ("〔注〕见附件", None),
        ] {
            assert_eq!(malformed(text).map(|(_, n)| n), want, "{text}");
        }
    }
}
