//! S028: a 部门整体 form's spending line for a project (支出项目名称) whose task is paying staff (按时发放人员福利, 人员工资待遇): personnel costs belong to 基本支出.
//!
//! 检查内容：人员工资、福利、津补贴等人员经费应在基本支出中列支，不列入项目支出。
//! 原因：项目支出用于完成特定任务；把人员经费列入项目，既虚增项目规模，又使基本支出口径不实，是审核和审计常见问题。
//! 错误示例：年度目标任务“按时发放2019年人员福利”，支出项目名称“地情、市志编纂与年鉴出版经费”。
//! 正确示例：“按时发放2019年人员福利”列在“基本支出”下。

use crate::diagnostic::{Diagnostic, Msg};
use crate::form::{FundSource, Role};
use crate::rules::registry::Code;
use crate::rules::{Context, Reads, Rule};

pub struct PersonnelCostInProject;

/// What paying staff is called in a task.
const PAY: &[&str] = &[
    "人员工资",
    "人员福利",
    "工资福利",
    "工资待遇",
    "津贴补贴",
    "津补贴",
    "人员经费",
];
/// Lines that are themselves the basic expenditure.
const BASIC: &[&str] = &["基本支出", "人员经费", "工资", "福利"];

impl Rule for PersonnelCostInProject {
    fn code(&self) -> Code {
        Code::S028
    }

    fn reads(&self) -> Reads {
        Reads::REST
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        for row in cx.form.projects.iter().flat_map(|p| &p.funding) {
            let (FundSource::Item(line), Some(task)) = (&row.source, row.cells.get(Role::Goal))
            else {
                continue;
            };
            let t = task.trimmed();
            if BASIC.iter().any(|w| line.contains(w)) || !PAY.iter().any(|w| t.contains(w)) {
                continue;
            }
            let line = row.label.trimmed();
            out.push(Diagnostic::new(
                self.code(),
                cx.loc(cx.money_section(), Some(Role::Goal), task),
                Msg::new(
                    format!("“{t}”是人员经费，却列在项目“{line}”下；人员工资、福利属于基本支出"),
                    format!("\"{t}\" pays staff, yet it is charged to the project \"{line}\"; staff pay is basic expenditure"),
                ),
                Msg::new(
                    "把人员工资、福利、津补贴移到基本支出；项目支出只列为完成项目任务发生的支出",
                    "Move staff pay to 基本支出; a project's spending is what its task costs",
                ),
            ));
        }
    }
}
