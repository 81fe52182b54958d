//! S012: a 一级 or 二级 label that names nothing in the profile's tree, with the nearest known name when it looks like a slip.
//!
//! 检查内容：一级、二级指标名称应取自所选版式（同义写法如“产出目标”“效果指标”“环境效益指标”均可识别）。
//! 原因：自造的类别名称无法归入评分口径，汇总时会被漏算。
//! 错误示例：一级指标写成“效率指标”。
//! 正确示例：一级指标“效益指标”。

use super::{distinct, list};
use crate::diagnostic::{Applicability, Diagnostic, Fix, Msg, Section};
use crate::form::{Cell, Role};
use crate::memo::FastSet as HashSet;
use crate::rules::registry::Code;
use crate::rules::{Context, Reads, Rule};
use crate::tree::Tree;

pub struct UnknownCategory;

impl UnknownCategory {
    fn report(
        &self,
        cx: &Context,
        cell: &Cell,
        role: Role,
        level_zh: &str,
        names: &[&str],
    ) -> Diagnostic {
        let name = cell.trimmed();
        let near = Tree::nearest(name, names.iter().copied());
        let known = list(names.iter());
        let (hint_zh, hint_en) = match near {
            Some(n) => (
                format!("，是否应为“{n}”？"),
                format!("; did you mean \"{n}\"?"),
            ),
            None => (String::new(), String::new()),
        };
        let mut d = Diagnostic::new(
            self.code(),
            cx.loc(Section::Indicators, Some(role), cell),
            Msg::new(
                format!("{level_zh}“{name}”不在 {} 版式中{hint_zh}", cx.profile.name),
                format!("\"{name}\" is not a {} in profile {}{hint_en}", role.en(), cx.profile.name),
            ),
            Msg::new(
                format!("该版式的{level_zh}有：{known}。请改用规范名称；若本地模板确有此类别，请选用相应地区的配置"),
                format!("Known names: {known}. Use one of them, or choose your region's profile if its template has this category"),
            ),
        );
        if let Some(n) = near {
            d = d.with_fix(Fix {
                title: Msg::new(format!("改为“{n}”"), format!("Change to \"{n}\"")),
                replacement: n.to_string(),
                applicability: Applicability::Unsafe,
            });
        }
        d
    }
}

impl Rule for UnknownCategory {
    fn code(&self) -> Code {
        Code::S012
    }

    fn reads(&self) -> Reads {
        super::TREE
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        if !cx.has_tree() {
            return;
        }
        let tree = &cx.profile.tree;
        let level1_names: Vec<&str> = tree.level1.iter().map(|l| l.name.as_str()).collect();
        let unknown1 = cx
            .placed()
            .iter()
            .filter(|x| x.level1.is_none())
            .filter_map(|x| x.level1_cell())
            // A 二级 name in the 一级 column is misplaced (S013), not unknown.
            .filter(|c| cx.matcher().find_level2(&c.text, None).is_none());
        for cell in distinct(unknown1) {
            out.push(self.report(cx, cell, Role::Level1, "一级指标", &level1_names));
        }
        let unknown2 = cx
            .placed()
            .iter()
            .filter(|x| x.level2.is_none())
            .filter_map(|x| x.level2_cell().map(|c| (c, x.level1)))
            // A 一级 name in the 二级 column is misplaced (S013), not unknown.
            .filter(|(c, _)| cx.matcher().find_level1(&c.text).is_none());
        let mut seen = HashSet::default();
        for (cell, parent) in unknown2 {
            if !seen.insert((cell.loc, cell.as_str())) {
                continue;
            }
            let names: Vec<&str> = match parent.and_then(|i| tree.level1.get(i)) {
                Some(l1) => l1.level2.iter().map(|l| l.name.as_str()).collect(),
                None => tree
                    .level1
                    .iter()
                    .flat_map(|l| l.level2.iter().map(|x| x.name.as_str()))
                    .collect(),
            };
            out.push(self.report(cx, cell, Role::Level2, "二级指标", &names));
        }
    }
}
