//! S022 (info): a fund source under the total whose name is one character off a standard one (其中：财政投款 for 财政拨款), so it may not be counted as that source.
//!
//! 检查内容：资金总额下“其中”所列的资金来源名称，与标准名称（财政拨款、其他资金、上年结转等）只差一个字。
//! 原因：名称写错的来源，汇总和审核系统按其他资金处理，财政拨款数会对不上。
//! 错误示例：“其中：财政投款 2279.048万元”。
//! 正确示例：“其中：财政拨款 2279.048万元”。

use crate::diagnostic::{Diagnostic, Msg};
use crate::form::FundSource;
use crate::read::headers::misspelled_source as near;
use crate::rules::registry::Code;
use crate::rules::{Context, Reads, Rule};

pub struct FundLabelMisspelled;

impl Rule for FundLabelMisspelled {
    fn code(&self) -> Code {
        Code::S022
    }

    fn reads(&self) -> Reads {
        Reads::REST
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        for row in cx.form.projects.iter().flat_map(|p| &p.funding) {
            let FundSource::Named(name) = &row.source else {
                continue;
            };
            if !crate::span::trim(&row.label.text).starts_with("其中") {
                continue;
            }
            let Some(standard) = near(name) else {
                continue;
            };
            out.push(Diagnostic::new(
                self.code(),
                cx.loc(cx.money_section(), None, &row.label),
                Msg::new(
                    format!("资金来源“{name}”不是标准名称，是否应为“{standard}”？"),
                    format!("The fund source \"{name}\" is not a standard name; is it \"{standard}\"?"),
                ),
                Msg::new(
                    format!("按表样写“{standard}”，汇总时才会计入该来源"),
                    format!("Write \"{standard}\" as the template does, so the amount is counted as that source"),
                ),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::near;

    #[test]
    fn one_character_off_a_standard_name() {
        let cases = [
            ("财政投款", Some("财政拨款")),
            ("财政拔款", Some("财政拨款")),
            ("财政拨款", None),
            ("中央资金", None),
            ("省级财政专项资金", None),
            ("自筹资金", None),
            ("上年结余", None),
        ];
        for (name, want) in cases {
            assert_eq!(near(name), want, "{name}");
        }
    }
}
