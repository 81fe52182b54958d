//! S019: part of a form is missing from the input, so the checks that need it can't run; said once, not as a wall of errors.
//!
//! 检查内容：自评表缺少资金表、表格缺少指标表，或指标表在粘贴时被截断（后面的一级指标无法检查）。
//! 原因：不完整的粘贴会让检查结果不完整，提示用户补全后再查。
//! 错误示例：只复制了自评表的指标部分，漏了上方的资金表。
//! 正确示例：在 Excel/WPS 中选中整张表（连同资金表和总分行）复制。

use super::{cut_after, last_row, list, present_level1, row_location};
use crate::diagnostic::{Diagnostic, Location, Msg, Section};
use crate::form::{FormKind, Role};
use crate::rules::registry::Code;
use crate::rules::{Context, Reads, Rule};

pub struct CannotVerify;

impl CannotVerify {
    fn report(&self, loc: Location, zh: String, en: String) -> Diagnostic {
        Diagnostic::new(
            self.code(),
            loc,
            Msg::new(zh, en),
            Msg::new(
                "在 Excel/WPS 中选中整张表（连同资金表、全部指标和总分行）复制后再粘贴，才能完整检查",
                "Copy the whole table (funding, every indicator and the total row) to check it completely",
            ),
        )
    }
}

impl Rule for CannotVerify {
    fn code(&self) -> Code {
        Code::S019
    }

    fn reads(&self) -> Reads {
        super::TREE.union(crate::rules::value::READS)
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        let form_loc = Location {
            form: cx.form_index,
            section: Some(Section::Form),
            row: cx.form.title.as_ref().map(|c| c.loc.row).filter(|r| *r > 0),
            ..Location::default()
        };
        let has_indicators = cx
            .form
            .projects
            .iter()
            .any(|p| !p.indicators.is_empty() || !p.headings.is_empty());
        let tree_kind = matches!(
            cx.form.kind,
            FormKind::Target | FormKind::SelfEvaluation | FormKind::Monitoring
        );
        if tree_kind && !has_indicators {
            out.push(self.report(
                form_loc.clone(),
                format!(
                    "输入中没有{}的指标表（一级/二级/三级指标、指标值），无法检查指标",
                    cx.form.kind.zh()
                ),
                "The input has no indicator table, so indicators could not be checked".to_string(),
            ));
        }
        if cx.form.kind == FormKind::NarrativeReport && !has_values(cx) {
            let (row, line) = indicator_passage(cx).unwrap_or((0, ""));
            out.push(Diagnostic::new(
                self.code(),
                Location {
                    form: cx.form_index,
                    section: Some(Section::Text),
                    row: (row > 0).then_some(row),
                    column: (row > 0).then_some(1),
                    field: None,
                    cell_text: (!line.is_empty()).then(|| line.into()),
                },
                Msg::new(
                    "未能从报告中读出绩效指标的目标值和实际完成值，指标完成情况未核对",
                    "No indicator's target and actual value could be read from the report, so the indicators were not checked",
                ),
                Msg::new(
                    "自评报告应逐项写明各绩效指标的年度目标值和实际完成值，用表格（指标名称、目标值、实际完成值）或“年度指标值…，实际完成值…”的句式便于核对",
                    "State each indicator's annual target and actual value, in a table (name, target, actual) or as \"年度指标值…，实际完成值…\"",
                ),
            ));
        }
        // A funding block whose total is blank while its sources carry amounts (资金来源 |
        // 资金总额 heading the block, no total row): the sum can't be checked.
        for project in &cx.form.projects {
            let blank = |r: &&crate::form::FundingRow| r.cells.0.iter().all(|(_, c)| c.is_blank());
            let total = project
                .funding
                .iter()
                .find(|r| r.source == crate::form::FundSource::Total);
            let sourced = project.funding.iter().any(|r| {
                r.source != crate::form::FundSource::Total && !r.cells.0.is_empty() && !blank(&r)
            });
            let Some(total) = total.filter(|t| !t.cells.0.is_empty() && blank(t)) else {
                continue;
            };
            if sourced {
                let label = total.label.trimmed();
                out.push(Diagnostic::new(
                    self.code(),
                    cx.loc(cx.money_section(), None, &total.label),
                    Msg::new(
                        format!("资金表没有填“{label}”，只有各资金来源的金额，无法核对总额与来源之和"),
                        format!("The funding block gives no \"{label}\", only its sources, so the total could not be checked"),
                    ),
                    Msg::new(
                        "填写资金总额（等于财政拨款、其他资金等各来源之和），审核按总额核对",
                        "Give the total (the sum of the sources): it is what the review checks against",
                    ),
                ));
            }
        }
        let has_funding = cx.form.projects.iter().any(|p| !p.funding.is_empty());
        // An evaluation scored against criteria (部门整体 评价指标表) has no results to weigh
        // against money: only a form that reports results is missing its funding table.
        let reports_results = cx.form.projects.iter().any(|p| {
            p.indicators.is_empty()
                || p.indicators
                    .iter()
                    .any(|i| i.cells.get(crate::form::Role::Actual).is_some())
        });
        if matches!(
            cx.form.kind,
            FormKind::SelfEvaluation | FormKind::Monitoring
        ) && !has_funding
            && reports_results
        {
            out.push(self.report(
                form_loc,
                format!("输入中没有{}的资金表（年初预算数、全年预算数、全年执行数），无法检查预算执行率", cx.form.kind.zh()),
                "The input has no funding table, so budget execution could not be checked".to_string(),
            ));
        }
        for v in cx.values() {
            let t = v.cell.trimmed();
            if !crate::rules::value::masked_digits(t) {
                continue;
            }
            out.push(Diagnostic::new(
                self.code(),
                v.location(cx),
                Msg::new(
                    format!("{}“{t}”有数字被 * 遮盖，无法核对", v.what_zh()),
                    format!(
                        "{} \"{t}\" has digits masked by *, so it could not be checked",
                        v.what_en()
                    ),
                ),
                Msg::new(
                    "数字被 * 遮盖（公开文本中常见）；如是自己填写的表，请填入完整数值",
                    "The digits are masked with * (as published copies do); in your own form, write the whole figure",
                ),
            ));
        }
        if !cx.tree_complete() {
            return;
        }
        for (p, _) in cx.form.projects.iter().enumerate() {
            let Some(cut) = cut_after(cx, p) else {
                continue;
            };
            let present = present_level1(cx, p);
            let unseen: Vec<&str> = cx
                .profile
                .tree
                .level1
                .iter()
                .enumerate()
                .filter(|(i, l)| {
                    l.required && (cut == usize::MAX || *i > cut) && !present.contains(i)
                })
                .map(|(_, l)| l.name.as_str())
                .collect();
            if unseen.is_empty() {
                continue;
            }
            let row = last_row(cx, p);
            let at = row.map(|r| format!("在第 {r} 行")).unwrap_or_default();
            out.push(self.report(
                row_location(cx, row),
                format!("指标表{at}结束且没有总分行，可能未粘贴完整：未能检查{}", list(unseen.iter())),
                format!("The indicator table ends without a total row and may be cut short: {} could not be checked", unseen.join(", ")),
            ));
        }
    }
}

/// True when some indicator of the form has a target or an actual value.
fn has_values(cx: &Context) -> bool {
    cx.form
        .projects
        .iter()
        .flat_map(|p| &p.indicators)
        .any(|i| {
            [Role::Target, Role::Actual]
                .iter()
                .any(|r| i.cells.get(*r).is_some_and(|c| !c.is_blank()))
        })
}

/// Where a report speaks of its indicators' completion: in the section on it (（二）绩效目标
/// 完成情况), the first paragraph that does (年内已完成项目产出指标…), else that section's
/// heading. Its line number and text, trimmed.
fn indicator_passage<'a>(cx: &'a Context) -> Option<(u32, &'a str)> {
    let text = cx.form.text.as_deref()?;
    let folded = cx.folded_text()?;
    let done = |f: &str| {
        ["完成", "实现", "达到"]
            .iter()
            .any(|w| crate::span::has(f, w))
    };
    let lines: Vec<((&str, &str), u32)> = text.lines().zip(folded.lines()).zip(1u32..).collect();
    let at = lines.iter().position(|((_, f), _)| {
        let t = f.trim();
        is_heading(t) && ["指标", "绩效目标"].iter().any(|w| crate::span::has(t, w)) && done(t)
    })?;
    let section = lines.get(at..)?;
    let paragraph = section.iter().find(|((_, f), _)| {
        let t = f.trim();
        !is_heading(t) && t.contains("指标") && done(t)
    });
    paragraph
        .or(section.first())
        .map(|((l, _), row)| (*row, l.trim()))
}

/// A line that opens a section: 一、 / （二） / 1、 followed by a short title.
fn is_heading(t: &str) -> bool {
    let numbered = crate::read::narrative::is_outline_heading(t)
        || t.starts_with(|c: char| c.is_ascii_digit())
            && t.chars()
                .find(|c| !c.is_ascii_digit())
                .is_some_and(|c| c == '、' || c == '.');
    numbered && t.chars().count() <= 30
}
