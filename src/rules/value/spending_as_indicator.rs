//! V015: an 产出 or 效益 indicator that measures the spending of the money (经费使用率, 资金支出进度, 经费使用完成情况) instead of what the money did.
//!
//! 检查内容：产出指标衡量项目做了什么（数量、质量、时效），效益指标衡量带来的变化；“经费使用率”“资金支出进度”衡量的是花钱进度，已由预算执行率反映，不能代替产出和效益。
//! 原因：以资金支出代替产出和效益，目标无法说明钱办成了什么事，是审核退回的常见原因。
//! 错误示例：数量指标“经费使用率”；时效指标“经费完成进度”；社会效益指标“经费使用完成情况”。
//! 正确示例：数量指标“选派援派人员人数 | 12人”；时效指标“补助发放完成时间 | 2024年12月底前”。
//!
//! How the money is handled (资金使用合规率, 资金拨付及时率, 经费支出时效性) is a fair 质量 or 时效 measure,
//! and a 二级 of its own for the budget (成本指标, 预算控制指标, 部门整体's 预算执行) is where
//! spending belongs: both are left alone.

use crate::diagnostic::{Diagnostic, Msg, Section};
use crate::form::Role;
use crate::rules::registry::Code;
use crate::rules::{Context, Reads, Rule};
use crate::tree::stem;

pub struct SpendingAsIndicator;

const MONEY: &[&str] = &["经费", "资金", "预算", "款项"];
const SPENDING: &[&str] = &["使用", "支出", "支付", "执行", "完成"];
/// How the money is handled, not how much of it went: a measure of its own (a deadline
/// for spending, 经费支出时效性, is a 时效 target like any other).
const HANDLING: &[&str] = &[
    "合规", "规范", "及时", "时效", "时间", "时限", "安全", "准确", "违规", "违纪", "挪用", "审计",
    "绩效",
];

/// The name measures how much of the money was spent: a money word, then a spending word.
fn measures_spending(name: &str) -> bool {
    let Some(at) = MONEY.iter().filter_map(|w| name.find(w)).min() else {
        return false;
    };
    let after = name.get(at..).unwrap_or("");
    SPENDING.iter().any(|w| after.contains(w)) && !HANDLING.iter().any(|w| name.contains(w))
}

impl Rule for SpendingAsIndicator {
    fn code(&self) -> Code {
        Code::V015
    }

    fn reads(&self) -> Reads {
        Reads::indicators(&[Role::Level1, Role::Level2, Role::Level3])
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        if !cx.has_tree() {
            return;
        }
        let tree = &cx.profile.tree;
        for x in cx.placed().iter().filter(|x| !x.heading) {
            let Some(name_cell) = x.indicator.level3.as_ref().filter(|c| !c.is_blank()) else {
                continue;
            };
            let level2 = x
                .level2
                .and_then(|at| tree.level2(at))
                .map(|l| stem(&l.name));
            let level1 = x
                .level1
                .and_then(|i| tree.level1.get(i))
                .map(|l| stem(&l.name));
            let output = level2
                .as_deref()
                .is_some_and(|g| ["数量", "质量", "时效"].contains(&g));
            let effect = level1
                .as_deref()
                .is_some_and(|g| g.contains("效益") || g.contains("效果"));
            let name: String = name_cell
                .trimmed()
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect();
            if !(output || effect) || !measures_spending(&name) {
                continue;
            }
            let under = x
                .level2_cell()
                .or(x.level1_cell())
                .map_or("产出指标", |c| c.trimmed());
            let shown = crate::span::ellipsize(name_cell.trimmed(), 20);
            out.push(Diagnostic::new(
                self.code(),
                cx.loc(Section::Indicators, Some(Role::Level3), name_cell),
                Msg::new(
                    format!("“{under}”下的“{shown}”衡量的是花钱进度，不是项目做了什么、带来了什么变化"),
                    format!("\"{shown}\" under \"{under}\" measures the spending, not what the project did or changed"),
                ),
                Msg::new(
                    "资金支出已由预算执行率反映；请改为项目的产出或效益，如完成的人数、数量、时限、受益情况".to_string(),
                    "Spending is measured by the execution rate already; give what the money produced: people served, things done, deadlines, benefits".to_string(),
                ),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::measures_spending;

    #[test]
    fn tells_spending_from_handling_of_money() {
        let cases = [
            ("经费使用率", true),
            ("经费完成情况", true),
            ("经费完成进度", true),
            ("经费使用完成情况", true),
            ("预算执行率", true),
            ("资金支出进度", true),
            ("资金使用合规率", false),
            ("资金拨付及时率", false),
            ("资金到位率", false),
            ("经费支出时效性", false),
            ("公用经费完成时间", false),
            ("经费支出时效性", false),
            ("公用经费完成时间", false),
            ("补助资金发放人数", false),
            ("完成经费报销培训", false),
            ("援派干部人数", false),
        ];
        for (name, want) in cases {
            assert_eq!(measures_spending(name), want, "{name}");
        }
    }
}
