//! S007: a cell the form requires is empty: 项目名称, an indicator's 三级 name or 指标值, a self-evaluation's 实际完成值.
//!
//! 检查内容：每条三级指标都要有名称和指标值；自评表还要有实际完成值；表头的项目名称不能空。
//! 原因：空白项无法审核，财政部门会整表退回。
//! 错误示例：三级指标“培训人次”，指标值为空。
//! 正确示例：三级指标“培训人次”，指标值“≥300人次”。

use crate::diagnostic::{Diagnostic, Location, Msg, Section};
use crate::form::{Cell, FormKind, Role};
use crate::read::headers::REQUIRED_FIELDS;
use crate::rules::registry::Code;
use crate::rules::{Context, Reads, Rule};

pub struct RequiredCellEmpty;

impl RequiredCellEmpty {
    fn report(&self, loc: Location, what_zh: &str, what_en: &str, context_zh: &str) -> Diagnostic {
        let header = loc.section == Some(Section::Header);
        Diagnostic::new(
            self.code(),
            loc,
            Msg::new(
                format!("{context_zh}“{what_zh}”为空"),
                format!("{what_en} is empty"),
            ),
            if what_zh == "项目名称" {
                Msg::new(
                    "请填写项目名称，与预算批复的项目名称一致（自评表按名称与批复的目标表对照）",
                    "Fill in the project name as the budget approval names it (self-evaluations are matched to their approved target forms by name)",
                )
            } else if header {
                Msg::new(
                    format!("请填写“{what_zh}”：表头各栏都是必填项，空栏会被财政部门退回"),
                    format!("Fill in the {what_en}: every header field is required, and a blank one gets the form returned"),
                )
            } else {
                Msg::new(
                    format!("请填写“{what_zh}”；确实不适用的指标填“不适用”，不要留空"),
                    format!("Fill in the {what_en}; write 不适用 where it truly does not apply rather than leaving it blank"),
                )
            },
        )
    }
}

fn name_of(cell: Option<&Cell>) -> String {
    cell.map(|c| crate::span::ellipsize(c.trimmed(), 20))
        .filter(|s| !s.is_empty())
        .map(|s| format!("指标“{s}”的"))
        .unwrap_or_default()
}

impl RequiredCellEmpty {
    /// A funding block present with not one amount filled in: the total's cell is reported.
    fn check_empty_funding(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        use crate::form::FundSource;
        for project in &cx.form.projects {
            let rows: Vec<_> = project
                .funding
                .iter()
                .filter(|r| !matches!(r.source, FundSource::Item(_)))
                .collect();
            let Some(total) = rows.iter().find(|r| r.source == FundSource::Total) else {
                continue;
            };
            let amounts = [
                Role::Amount,
                Role::BudgetInitial,
                Role::BudgetAdjusted,
                Role::Executed,
            ];
            let all_blank = rows.iter().all(|r| {
                amounts
                    .iter()
                    .filter_map(|role| r.cells.get(*role))
                    .all(Cell::is_blank)
            });
            let Some(cell) = amounts.iter().find_map(|role| total.cells.get(*role)) else {
                continue;
            };
            if !all_blank {
                self.check_gap_in_total(cx, total, out);
            } else {
                let label = total.label.trimmed().trim_end_matches([':', '：']);
                out.push(Diagnostic::new(
                    self.code(),
                    cx.loc(Section::Funding, Some(Role::Amount), cell),
                    Msg::new(
                        format!("资金表没有填写金额：“{label}”及各资金来源均为空"),
                        format!("The funding table has no amounts: \"{label}\" and every source are blank"),
                    ),
                    Msg::new(
                        "按预算批复填写年度资金总额和各资金来源的金额（无此来源的填 0 或“—”）",
                        "Fill in the annual total and each source's amount as approved (0 or — where a source has none)",
                    ),
                ));
            }
        }
    }
}

impl RequiredCellEmpty {
    /// The total row with 年初预算数, 全年预算数 and 全年执行数 columns, two filled in and one
    /// blank: the blank one is a gap, not a zero (a project with no 年初 budget writes 0).
    fn check_gap_in_total(
        &self,
        cx: &Context,
        total: &crate::form::FundingRow,
        out: &mut Vec<Diagnostic>,
    ) {
        let columns = [
            (Role::BudgetInitial, "年初预算数", "initial budget"),
            (Role::BudgetAdjusted, "全年预算数", "full-year budget"),
            (Role::Executed, "全年执行数", "full-year spending"),
        ];
        let cells: Vec<_> = columns
            .iter()
            .filter_map(|(role, zh, en)| total.cells.get(*role).map(|c| (*role, *zh, *en, c)))
            .collect();
        if cells.len() < 3 {
            return;
        }
        let blank: Vec<_> = cells.iter().filter(|c| c.3.is_blank()).collect();
        let [(role, zh, en, cell)] = blank.as_slice() else {
            return;
        };
        let label = total.shown_label();
        out.push(Diagnostic::new(
            self.code(),
            cx.loc(Section::Funding, Some(*role), cell),
            Msg::new(
                format!("“{label}”的“{zh}”为空，另外两栏金额已填"),
                format!("The {en} of \"{label}\" is blank while the other two amounts are filled in"),
            ),
            Msg::new(
                format!("按预算批复填写“{zh}”；确实没有的填 0，不要留空"),
                format!("Fill in the {en} as approved; write 0 where there is none rather than leaving it blank"),
            ),
        ));
    }
}

impl Rule for RequiredCellEmpty {
    fn code(&self) -> Code {
        Code::S007
    }

    fn reads(&self) -> Reads {
        Reads::indicators(&[
            Role::Level1,
            Role::Level2,
            Role::Level3,
            Role::Target,
            Role::Actual,
        ])
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        let form = cx.form;
        let filled_in = matches!(
            form.kind,
            FormKind::Target | FormKind::SelfEvaluation | FormKind::Monitoring
        );
        for field in &form.fields {
            let Some(v) = field.value.as_ref().filter(|v| v.is_blank()) else {
                continue;
            };
            if field.key == "项目名称" {
                out.push(self.report(
                    cx.loc(Section::Header, Some(Role::ProjectName), v),
                    "项目名称",
                    "project name",
                    "",
                ));
            } else if filled_in && REQUIRED_FIELDS.contains(&field.key.as_str()) {
                let label = field.label.trimmed();
                out.push(self.report(cx.loc(Section::Header, None, v), label, &field.key, ""));
            } else if filled_in && field.key == "年度目标" {
                // The goal's text usually stands under its name: point at the name, which
                // says which part is missing (预期目标 beside a filled 实际完成情况).
                let label = field.label.trimmed();
                out.push(
                    self.report(
                        cx.loc(Section::Header, Some(Role::Goal), &field.label),
                        label,
                        "annual goal",
                        "",
                    )
                    .with_related(
                        cx.loc(Section::Header, Some(Role::Goal), v),
                        Msg::new("应填写的单元格", "the cell to fill in"),
                    ),
                );
            }
        }
        let summary = form.kind == FormKind::SummarySelfEvaluation;
        let needs_actual = matches!(
            form.kind,
            FormKind::SelfEvaluation | FormKind::SummarySelfEvaluation
        );
        let section = if summary {
            Section::Projects
        } else {
            Section::Indicators
        };
        let many = form.projects.len() > 1;
        if filled_in && !many {
            self.check_empty_funding(cx, out);
        }
        // Rows judged against criteria, not values (an evaluation framework's 决策 and 过程).
        let optional: crate::memo::FastSet<*const crate::form::Indicator> = if cx.has_tree() {
            cx.placed()
                .iter()
                .filter(|x| {
                    x.level1
                        .and_then(|i| cx.profile.tree.level1.get(i))
                        .is_some_and(|l| l.values_optional)
                })
                .map(|x| std::ptr::from_ref(x.indicator))
                .collect()
        } else {
            crate::memo::FastSet::default()
        };
        let is_optional = |i: &crate::form::Indicator| optional.contains(&std::ptr::from_ref(i));
        for project in &form.projects {
            // A row of a table of projects with money but no name.
            let money = project.funding.iter().any(|r| {
                r.cells.0.iter().any(|(_, c)| {
                    matches!(
                        crate::money::parse_amount(&c.text),
                        crate::money::AmountCell::Value(..)
                    )
                })
            });
            if let Some(name) = project
                .name
                .as_ref()
                .filter(|c| many && money && c.is_blank())
            {
                out.push(self.report(
                    cx.loc(Section::Projects, Some(Role::ProjectName), name),
                    "项目名称",
                    "project name",
                    &format!("第 {} 行有金额，但", project.row),
                ));
            }
            // A whole column missing: the header lost its 指标值 (or a 自评表 its 实际完成值).
            // A table graded in bands (优/良/中/差) has thresholds, not one 指标值.
            let tree_form = !project.graded
                && matches!(
                    form.kind,
                    FormKind::Target | FormKind::SelfEvaluation | FormKind::Monitoring
                );
            let columns: &[Role] = if form.kind == FormKind::SelfEvaluation {
                &[Role::Target, Role::Actual]
            } else {
                &[Role::Target]
            };
            for &role in columns {
                let lacks = tree_form
                    && project.indicators.iter().any(|i| !is_optional(i))
                    && project
                        .indicators
                        .iter()
                        .all(|i| i.cells.get(role).is_none());
                if !lacks {
                    continue;
                }
                let first = project
                    .indicators
                    .iter()
                    .chain(project.headings.iter())
                    .map(|i| i.row)
                    .filter(|r| *r > 0)
                    .min();
                out.push(Diagnostic::new(
                    self.code(),
                    Location {
                        form: cx.form_index,
                        section: Some(section),
                        row: first.map(|r| r.saturating_sub(1)).filter(|r| *r > 0),
                        ..Location::default()
                    },
                    Msg::new(
                        format!("指标表没有“{}”列，无法检查各指标的{}", role.zh(), role.zh()),
                        format!("The indicator table has no {} column", role.en()),
                    ),
                    Msg::new(
                        format!("请在指标表表头中恢复“{}”列，并逐行填写；表头单元格应写“{}”", role.zh(), if role == Role::Target { "指标值”或“年度指标值" } else { "实际完成值" }),
                        format!("Restore the {} column in the indicator table's header and fill it in row by row", role.en()),
                    ),
                ));
            }
            // Rows above the first 一级/二级 label have none to fill down: the clerk left the
            // category cells blank. Said once, at the first such row.
            let labelled = |i: &&crate::form::Indicator| i.level1.is_some() || i.level2.is_some();
            let unlabelled = project.indicators.iter().take_while(|i| !labelled(i));
            if tree_form && project.indicators.iter().any(|i| labelled(&i)) {
                if let Some((ind, name)) = unlabelled
                    .filter_map(|i| i.level3.as_ref().filter(|c| !c.is_blank()).map(|c| (i, c)))
                    .next()
                {
                    let n = project
                        .indicators
                        .iter()
                        .take_while(|i| !labelled(i))
                        .count();
                    out.push(Diagnostic::new(
                        self.code(),
                        cx.loc(section, Some(Role::Level3), name),
                        Msg::new(
                            format!("第 {} 行起 {n} 个三级指标（“{}”等）没有填一级、二级指标", ind.row, crate::span::ellipsize(name.trimmed(), 20)),
                            format!("{n} level-3 indicator(s) from row {} have no level-1 or level-2 category", ind.row),
                        ),
                        Msg::new(
                            "请在这些行填上所属的一级指标（如“产出指标”）和二级指标（如“数量指标”）",
                            "Fill in the level-1 (e.g. 产出指标) and level-2 (e.g. 数量指标) categories of these rows",
                        ),
                    ));
                }
            }
            // The last row of a table that may have been cut short: S019 says so once.
            let cut_row = project
                .indicators
                .iter()
                .chain(project.headings.iter())
                .map(|i| i.row)
                .max()
                .filter(|_| project.open_ended && !summary);
            for ind in &project.indicators {
                if cut_row == Some(ind.row) {
                    continue;
                }
                if !summary {
                    if let Some(c) = ind.level3.as_ref().filter(|c| c.is_blank()) {
                        out.push(self.report(
                            cx.loc(section, Some(Role::Level3), c),
                            "三级指标",
                            "level-3 indicator name",
                            "",
                        ));
                    }
                }
                // An unused template slot (指标2： with nothing beside it) is S016's.
                let slot = ind.level3.as_ref().is_some_and(|c| {
                    c.trimmed().starts_with("指标")
                        && c.trimmed().chars().count() <= 4
                        && ind.cells.0.iter().all(|(_, x)| x.is_blank())
                });
                let required: &[Role] = if slot || is_optional(ind) {
                    &[]
                } else if needs_actual {
                    &[Role::Target, Role::Actual]
                } else {
                    &[Role::Target]
                };
                for &role in required {
                    if let Some(c) = ind.cells.get(role).filter(|c| c.is_blank()) {
                        let ctx = name_of(ind.level3.as_ref().or(ind.level2.as_ref()));
                        out.push(self.report(
                            cx.loc(section, Some(role), c),
                            role.zh(),
                            role.en(),
                            &ctx,
                        ));
                    }
                }
            }
        }
    }
}
