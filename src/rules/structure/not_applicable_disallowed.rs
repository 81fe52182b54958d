//! S018: 不适用 as a 指标值 in a form kind where the profile does not accept it (a 目标表: an indicator that does not apply is not declared).
//!
//! 检查内容：申报目标表时不应填“不适用”；不适用的指标应不设置（自评表、汇总表中可填“不适用”，不计分）。
//! 原因：目标表中的“不适用”行既无目标也无法评价，审核会要求删除或补充指标值。
//! 错误示例：目标表“生态效益指标”一行，指标值“不适用”。
//! 正确示例：删去该行；或设定可衡量的指标值。

use crate::diagnostic::{Diagnostic, Msg};
use crate::form::Role;
use crate::rules::registry::Code;
use crate::rules::{Context, Reads, Rule};
use crate::value::Kind;

pub struct NotApplicableDisallowed;

impl Rule for NotApplicableDisallowed {
    fn code(&self) -> Code {
        Code::S018
    }

    fn reads(&self) -> Reads {
        crate::rules::value::READS
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        if cx.profile.not_applicable_in.contains(&cx.form.kind) {
            return;
        }
        let kind = cx.form.kind.zh();
        for v in cx.values() {
            if v.role != Role::Target || v.parsed.value.kind != Kind::NotApplicable {
                continue;
            }
            out.push(Diagnostic::new(
                self.code(),
                v.location(cx),
                Msg::new(
                    format!("{}填写为“不适用”，{kind}中不应设置不适用的指标", v.what_zh()),
                    format!("{} is 不适用, which a {} should not contain", v.what_en(), cx.form.kind.name_en()),
                ),
                Msg::new(
                    "不适用本项目的指标不要列入目标表：删去这一行，或设定可衡量的指标值",
                    "Leave indicators that do not apply out of the target form: delete the row or set a measurable target",
                ),
            ));
        }
    }
}
