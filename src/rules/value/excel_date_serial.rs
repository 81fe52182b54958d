//! V003: a 时效 value that is an Excel date serial ("44561" is 2021-12-31), left when a date cell lost its format.
//!
//! 检查内容：时效类指标值若是 36526–54789 之间的五位整数，多半是 Excel 日期序号。
//! 原因：序号不是日期，审核人看不懂，也无法判断是否按期。
//! 错误示例：“44561”、“44,561”。
//! 正确示例：“2021年12月31日前”。

use super::{fix, report};
use crate::diagnostic::{Applicability, Diagnostic, Msg};
use crate::rules::registry::Code;
use crate::rules::{Context, Reads, Rule};
use rust_decimal::prelude::ToPrimitive;

pub struct ExcelDateSerial;

impl Rule for ExcelDateSerial {
    fn code(&self) -> Code {
        Code::V003
    }

    fn reads(&self) -> Reads {
        super::READS
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        for v in cx.values() {
            if !v.looks_like_excel_serial() {
                continue;
            }
            let Some(serial) = v.parsed.value.value.and_then(|d| d.to_i64()) else {
                continue;
            };
            let Some((y, m, d)) = crate::read::excel_serial_date(serial) else {
                continue;
            };
            let date = format!("{y}年{m}月{d}日");
            let t = v.cell.trimmed();
            out.push(
                report(
                    cx,
                    v,
                    self.code(),
                    None,
                    Msg::new(
                        format!("{}“{t}”像是 Excel 日期序号（对应 {date}），不是日期", v.what_zh()),
                        format!("{} \"{t}\" looks like an Excel date serial ({y}-{m:02}-{d:02}), not a date", v.what_en()),
                    ),
                    Msg::new(
                        "单元格的日期格式丢失了。请把该单元格设为文本后写成“2021年12月31日前”这样的日期",
                        "The cell lost its date format. Format it as text and write the date, e.g. 2021年12月31日前",
                    ),
                )
                .with_fix(fix(format!("{date}前"), Applicability::Unsafe)),
            );
        }
    }
}
