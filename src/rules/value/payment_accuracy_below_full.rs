//! V017: the accuracy of paying money out (工资发放准确性, 补助资金发放准确率, 资金支付合规率) given a target below 100% (≥95%): the target allows wrong payments.
//!
//! 检查内容：资金发放、支付的准确率、合规率，目标应为 100%。
//! 原因：“发放准确率≥95%”意味着允许 5% 的工资或补助发错、付错，这不是可以接受的绩效目标；审核时会要求改为 100%。
//! 错误示例：工资发放准确性“≥95%”；补助资金发放准确率“≥98%”。
//! 正确示例：工资发放准确率“=100%”。

use super::report;
use crate::diagnostic::{Diagnostic, Msg, Severity};
use crate::form::{FormKind, Role};
use crate::rules::registry::Code;
use crate::rules::{Context, Reads, Rule};
use crate::value::{Comparator, Kind};
use rust_decimal::Decimal;

pub struct PaymentAccuracyBelowFull;

const PAYING: &[&str] = &["发放", "支付", "拨付", "兑付", "兑现", "结算"];
const ACCURATE: &[&str] = &["准确", "正确", "合规"];

/// The name measures how rightly money was paid out.
fn measures_payment_accuracy(name: &str) -> bool {
    PAYING.iter().any(|w| name.contains(w)) && ACCURATE.iter().any(|w| name.contains(w))
}

impl Rule for PaymentAccuracyBelowFull {
    fn code(&self) -> Code {
        Code::V017
    }

    fn reads(&self) -> Reads {
        super::READS
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        let hundred = Decimal::ONE_HUNDRED;
        for v in cx.values() {
            let p = &v.parsed.value;
            let below = p.kind == Kind::Quantitative
                && matches!(p.comparator, None | Some(Comparator::Ge | Comparator::Gt))
                && p.unit.as_deref() == Some("%")
                && p.value.is_some_and(|x| x < hundred);
            if v.role != Role::Target
                || !v.unexplained_target()
                || !below
                || !measures_payment_accuracy(v.name)
            {
                continue;
            }
            let shown = crate::span::ellipsize(v.name, 20);
            let allowed = p
                .value
                .and_then(|x| hundred.checked_sub(x))
                .unwrap_or_default();
            let mut d = report(
                cx,
                v,
                self.code(),
                None,
                Msg::new(
                    format!("“{shown}”的目标低于 100%，等于允许 {allowed}% 的资金发错、付错"),
                    format!("\"{shown}\" aims below 100%: {allowed}% of payments may go wrong"),
                ),
                Msg::new(
                    "资金发放、支付的准确率和合规率目标应为“=100%”",
                    "Paying money out rightly is aimed at =100%",
                ),
            );
            // On a 自评表 or 监控表 the target is the approved one: noted for next year's.
            if cx.form.kind != FormKind::Target {
                d.severity = Severity::Info;
            }
            out.push(d);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::measures_payment_accuracy;

    #[test]
    fn tells_the_accuracy_of_paying_out() {
        for (name, want) in [
            ("工资发放准确性", true),
            ("补助资金发放准确率", true),
            ("资金支付合规率", true),
            ("数据统计准确率", false),
            ("补助发放及时率", false),
            ("发放宣传资料份数", false),
        ] {
            assert_eq!(measures_payment_accuracy(name), want, "{name}");
        }
    }
}
