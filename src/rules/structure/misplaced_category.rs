//! S013: an indicator in the wrong place: a 二级 under another 一级 (经济成本指标 under 产出 in a 2021 form), a 一级 name used as a 二级 or the reverse, a 三级 whose words belong under another 二级 (a 满意度 item under 质量), or a rate (接种率, 覆盖率) under 数量指标.
//!
//! 检查内容：二级指标应在所选版式规定的一级指标下；满意度类三级指标应在满意度二级指标下；合格率、接种率等质量比率不放在数量指标下。
//! 原因：放错类别会使分值折算和汇总口径出错（2021 年起成本指标是一级指标）。
//! 错误示例：2021 年表格在“产出指标”下设“经济成本指标”；“群众满意度”放在“质量指标”下。
//! 正确示例：“经济成本指标”放在一级指标“成本指标”下；“群众满意度”放在“服务对象满意度指标”下。

use super::distinct;
use crate::diagnostic::{Diagnostic, Msg, Section};
use crate::form::{Cell, Role};
use crate::memo::FastSet as HashSet;
use crate::rules::registry::Code;
use crate::rules::{Context, Reads, Rule};
use crate::span::has;
use crate::tree::stem;

pub struct MisplacedCategory;

/// Words that may name an item of a 满意度-like group besides the rule's own (投诉 counts
/// are how some forms measure satisfaction).
const GROUP_KIN: &[&str] = &["满意", "投诉", "评价", "认可", "好评", "获得感"];

/// How a 三级 name ends that measures how well things were done, as a share: not a count
/// (数量指标). Shares of how widely (覆盖率, 抽检率, 完成率) are left alone: forms and
/// templates commonly count those as quantities (seed 001 files 监督抽检覆盖率 under 数量).
const QUALITY_SHARES: &[&str] = &[
    "合格率",
    "达标率",
    "准确率",
    "正确率",
    "优良率",
    "优秀率",
    "完好率",
    "成活率",
    "治愈率",
    "管理率",
    "接种率",
];

impl MisplacedCategory {
    /// The reverse of a keyword placement: under the group the rule names (服务对象满意度指标)
    /// a 三级 with none of its words (粮食安全事件发生数) is not of that group.
    fn stranger_in_group(
        &self,
        cx: &Context,
        rule: &crate::tree::KeywordPlacement,
        want: &str,
        out: &mut Vec<Diagnostic>,
    ) {
        let tree = &cx.profile.tree;
        for x in cx.placed().iter().filter(|x| !x.heading) {
            let (Some(name_cell), Some(at)) = (x.indicator.level3.as_ref(), x.level2) else {
                continue;
            };
            let Some(here) = tree.level2(at) else {
                continue;
            };
            let text = &name_cell.text;
            // A row with no value may be a name cut short (学生和老): S007 has it.
            let valued = [Role::Target, Role::Actual]
                .iter()
                .any(|r| x.indicator.cells.get(*r).is_some_and(|c| !c.is_blank()));
            if stem(&here.name) != want
                || !valued
                || name_cell.is_blank()
                || rule.words.iter().any(|w| has(text, w))
                || GROUP_KIN.iter().any(|w| has(text, w))
            {
                continue;
            }
            let under = x.level2_cell().map_or(here.name.as_str(), |c| c.trimmed());
            let name = crate::span::ellipsize(name_cell.trimmed(), 20);
            out.push(self.report(
                cx,
                name_cell,
                Role::Level3,
                format!("指标“{name}”放在了“{under}”下，但它不是满意度指标"),
                format!("\"{name}\" sits under \"{under}\" but does not measure satisfaction"),
                format!("“{under}”下只放满意度（满意率）指标；请把该指标移到所属的二级指标下（如质量、社会效益指标）"),
            ));
        }
    }

    /// A share of how well (疫苗接种率, 健康管理率, 合格率) under 数量指标: a quantity counts
    /// things; reviewers move such a rate to 质量指标.
    fn share_under_quantity(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        let tree = &cx.profile.tree;
        for x in cx.placed().iter().filter(|x| !x.heading) {
            let (Some(name_cell), Some(at)) = (x.indicator.level3.as_ref(), x.level2) else {
                continue;
            };
            if tree.level2(at).is_none_or(|l| stem(&l.name) != "数量") {
                continue;
            }
            // "与委托运营方结算完成 率": spaces a paste left inside the name.
            let name: String = name_cell
                .trimmed()
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect();
            if !QUALITY_SHARES.iter().any(|e| name.ends_with(e)) {
                continue;
            }
            let under = x.level2_cell().map_or("数量指标", |c| c.trimmed());
            let shown = crate::span::ellipsize(name_cell.trimmed(), 20);
            out.push(self.report(
                cx,
                name_cell,
                Role::Level3,
                format!("“{shown}”是衡量质量的比率，放在了“{under}”下；数量指标应是数量（人数、个数、里程）"),
                format!("\"{shown}\" is a quality rate filed under \"{under}\"; a quantity indicator counts things"),
                "合格率、接种率、管理率等比率请移到“质量指标”下；数量指标下填写完成的数量，如“接种人数”".to_string(),
            ));
        }
    }

    fn report(
        &self,
        cx: &Context,
        cell: &Cell,
        role: Role,
        zh: String,
        en: String,
        help_zh: String,
    ) -> Diagnostic {
        Diagnostic::new(
            self.code(),
            cx.loc(Section::Indicators, Some(role), cell),
            Msg::new(zh, en),
            Msg::new(
                help_zh,
                "Move the indicator to where the profile's tree puts it (regional templates differ: choose your region's profile if this layout is intended)".to_string(),
            ),
        )
    }
}

impl Rule for MisplacedCategory {
    fn code(&self) -> Code {
        Code::S013
    }

    fn reads(&self) -> Reads {
        // Target and actual: a 满意度 group's stranger is judged only when it has a value.
        Reads::indicators(&[
            Role::Level1,
            Role::Level2,
            Role::Level3,
            Role::Target,
            Role::Actual,
        ])
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        if !cx.has_tree() {
            return;
        }
        let tree = &cx.profile.tree;
        let profile = &cx.profile.name;
        // A 二级 name written in the 一级 column.
        let level1_cells = cx
            .placed()
            .iter()
            .filter(|x| x.level1.is_none())
            .filter_map(|x| x.level1_cell());
        for cell in distinct(level1_cells) {
            let Some(at) = cx.matcher().find_level2(&cell.text, None) else {
                continue;
            };
            let parent = tree.level1.get(at.0).map_or("", |l| l.name.as_str());
            let name = cell.trimmed();
            out.push(self.report(
                cx,
                cell,
                Role::Level1,
                format!("“{name}”是二级指标（属于“{parent}”），却写在一级指标列"),
                format!("\"{name}\" is a level-2 indicator (under \"{parent}\") written in the level-1 column"),
                format!("请把“{name}”移到二级指标列，一级指标列填“{parent}”"),
            ));
        }
        // A 二级 under the wrong 一级, or a 一级 name used as a 二级.
        let mut seen = HashSet::default();
        for x in cx.placed() {
            let (Some(cell), Some(own)) = (x.level2_cell(), x.level1) else {
                continue;
            };
            if seen.contains(&(cell.loc, cell.as_str())) {
                continue;
            }
            let parent_here = x.level1_cell().map_or("", |c| c.trimmed());
            let name = cell.trimmed();
            let finding = match x.level2 {
                Some((i, _)) if i != own => tree.level1.get(i).map(|l| {
                    (
                        format!("二级指标“{name}”在 {profile} 版式中属于一级指标“{}”，不应放在“{parent_here}”下", l.name),
                        format!("Level-2 \"{name}\" belongs under \"{}\" in profile {profile}, not under \"{parent_here}\"", l.name),
                        format!("请把“{name}”及其三级指标移到一级指标“{}”下", l.name),
                    )
                }),
                None => cx.matcher().find_level1(&cell.text).and_then(|i| tree.level1.get(i)).map(|l| {
                    (
                        format!("“{name}”在 {profile} 版式中是一级指标（{}），不应作为“{parent_here}”的二级指标", l.name),
                        format!("\"{name}\" is a level-1 indicator in profile {profile}, not a level-2 under \"{parent_here}\""),
                        format!("请把“{name}”单列为一级指标“{}”，其下设相应二级指标", l.name),
                    )
                }),
                _ => None,
            };
            if let Some((zh, en, help)) = finding {
                seen.insert((cell.loc, cell.as_str()));
                out.push(self.report(cx, cell, Role::Level2, zh, en, help));
            }
        }
        self.share_under_quantity(cx, out);
        // A 三级 whose words belong under another 二级.
        for rule in &tree.keyword_placement {
            let want = stem(&rule.level2);
            if rule.only_these {
                self.stranger_in_group(cx, rule, &want, out);
            }
            for x in cx.placed().iter().filter(|x| !x.heading) {
                let (Some(name_cell), Some(at)) = (x.indicator.level3.as_ref(), x.level2) else {
                    continue;
                };
                let Some(word) = rule.words.iter().find(|w| has(&name_cell.text, w)) else {
                    continue;
                };
                let Some(here) = tree.level2(at) else {
                    continue;
                };
                if stem(&here.name) == want {
                    continue;
                }
                let under = x.level2_cell().map_or(here.name.as_str(), |c| c.trimmed());
                let name = crate::span::ellipsize(name_cell.trimmed(), 20);
                out.push(self.report(
                    cx,
                    name_cell,
                    Role::Level3,
                    format!("含“{word}”的指标“{name}”放在了“{under}”下，应放在“{}”下", rule.level2),
                    format!("\"{name}\" mentions \"{word}\" but sits under \"{under}\"; it belongs under \"{}\"", rule.level2),
                    format!("请把该指标移到二级指标“{}”下", rule.level2),
                ));
            }
        }
    }
}
