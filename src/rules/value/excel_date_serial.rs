//! V003: a 时效 value that is an Excel date serial ("44561" is 2021-12-31), left when a date cell lost its format.
//!
//! 检查内容：时效类指标值若是 36526–54789 之间的五位整数，多半是 Excel 日期序号。
//! 原因：序号不是日期，审核人看不懂，也无法判断是否按期。
//! 错误示例：“44561”、“44,561”。
//! 正确示例：“2021年12月31日前”。

use super::{fix, report};
use crate::diagnostic::{Applicability, Diagnostic, Msg};
use crate::rules::registry::Code;
use crate::rules::{Context, Rule};
use rust_decimal::prelude::ToPrimitive;

pub struct ExcelDateSerial;

/// (year, month, day) of an Excel 1900-system serial (serial 25569 is 1970-01-01).
pub fn serial_to_date(serial: i64) -> (i64, u32, u32) {
    // Howard Hinnant's civil_from_days, on days since 1970-01-01.
    let z = serial - 25569 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

impl Rule for ExcelDateSerial {
    fn code(&self) -> Code {
        Code::V003
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        for v in cx.values() {
            if !v.looks_like_excel_serial() {
                continue;
            }
            let Some(serial) = v.parsed.value.value.and_then(|d| d.to_i64()) else {
                continue;
            };
            let (y, m, d) = serial_to_date(serial);
            let date = format!("{y}年{m}月{d}日");
            let t = v.cell.text.trim();
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

#[cfg(test)]
mod tests {
    use super::serial_to_date;

    #[test]
    fn converts_excel_serials() {
        assert_eq!(serial_to_date(44561), (2021, 12, 31));
        assert_eq!(serial_to_date(25569), (1970, 1, 1));
        assert_eq!(serial_to_date(36526), (2000, 1, 1));
        assert_eq!(serial_to_date(45352), (2024, 3, 1));
    }
}
