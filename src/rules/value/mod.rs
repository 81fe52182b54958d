//! 指标值 rules (family V) and the parsed cells they share: every target and actual value with its indicator's context.

pub mod deadline_after_end;
pub mod direction_contradicts_indicator;
pub mod doubled_comparator;
pub mod excel_date_serial;
pub mod missing_comparator;
pub mod missing_unit;
pub mod name_target_differs;
pub mod nonstandard_spelling;
pub mod payment_accuracy_below_full;
pub mod rate_above_100;
pub mod spending_as_indicator;
pub mod template_placeholder;
pub mod unit_conflict;
pub mod unknown_unit;
pub mod vague_output_target;
pub mod value_unparseable;
pub mod yes_no_graded_in_percent;

use crate::diagnostic::{Applicability, Diagnostic, Fix, Location, Msg, Section};
use crate::form::{Cell, Form, FormKind, Indicator, Role};
use crate::memo::Memo;
use crate::rules::registry::Code;
use crate::rules::{Context, Reads};
use crate::span::{ellipsize, has};
use crate::value::parser::{Issue, IssueKind, Parsed};
use crate::value::{parse_cached, parse_split_cached};
use std::rc::Rc;

/// One 指标值 or 完成值 cell, parsed, with what the rules need to know about its row.
pub struct ValueCell<'a> {
    pub cell: &'a Cell,
    pub role: Role,
    pub indicator: &'a Indicator,
    /// The 三级 name, else the 二级 label (trimmed).
    pub name: &'a str,
    /// The 二级 label, as written (trimmed).
    pub level2: &'a str,
    /// A 度量单位 column cell, if the layout has one.
    pub unit_col: Option<&'a Cell>,
    /// A 指标性质 column cell, if the layout has one.
    pub nature_col: Option<&'a Cell>,
    /// The cell read as a 指标值 (shared with every other cell of the same text).
    pub parsed: Rc<Parsed>,
    /// What the row's name says (rate, to keep low, 时效).
    pub facts: Facts,
    /// True when comparator or unit came from their own columns: spans then don't apply.
    pub split: bool,
    pub summary: bool,
    /// For an actual value: the index (in the same list) of its row's target value.
    pub target: Option<usize>,
}

/// What `collect` reads, and so what every rule working from `Context::values` reads: the
/// names, the two value columns and the unit and nature columns beside them.
pub const READS: Reads = Reads::indicators(&[
    Role::Level2,
    Role::Level3,
    Role::Target,
    Role::Actual,
    Role::Unit,
    Role::Nature,
]);

/// Figures partly masked with `*` (`≤****000元`, as published copies hide digits): two or
/// more stars running straight into a digit. A template's placeholder stands alone
/// (`≤**万元`), and one star between digits is a product (`5*8小时`).
pub fn masked_digits(text: &str) -> bool {
    let chars: Vec<char> = text.chars().collect();
    chars.windows(3).any(|w| match w {
        ['*', '*', d] | [d, '*', '*'] => d.is_ascii_digit(),
        _ => false,
    })
}

#[cfg(test)]
mod masked_tests {
    #[test]
    fn masked_digits_are_stars_against_digits() {
        for (text, masked) in [
            ("≤****000元", true),
            ("1,2**", true),
            ("≤**万元", false),
            ("≥**%", false),
            ("5*8小时", false),
            ("***", false),
        ] {
            assert_eq!(super::masked_digits(text), masked, "{text}");
        }
    }
}

/// Parses every target and actual cell of a form once.
pub fn collect(form: &Form) -> Vec<ValueCell<'_>> {
    let summary = form.kind == FormKind::SummarySelfEvaluation;
    let rows: usize = form.projects.iter().map(|p| p.indicators.len()).sum();
    let mut out = Vec::with_capacity(rows.saturating_mul(2));
    // A summary table's rows share their 二级 header cell, so a name recurs as the very same
    // text: its facts are looked up once per form, not once per row (3 % of seed 004's check).
    let mut seen: Vec<(&str, &str, Facts)> = Vec::new();
    for project in &form.projects {
        for ind in &project.indicators {
            let unit_col = ind.cells.get(Role::Unit).filter(|c| !c.is_blank());
            let nature_col = ind.cells.get(Role::Nature).filter(|c| !c.is_blank());
            let name = ind
                .level3
                .as_ref()
                .or(ind.level2.as_ref())
                .map_or("", |c| c.trimmed());
            let level2 = ind.level2.as_ref().map_or("", |c| c.trimmed());
            // Worked out for a row with a value only (a summary's blank pairs have none).
            let mut facts = None;
            let mut target = None;
            for role in [Role::Target, Role::Actual] {
                let Some(cell) = ind.cells.get(role).filter(|c| !c.is_blank()) else {
                    continue;
                };
                let split = role == Role::Target && (unit_col.is_some() || nature_col.is_some());
                let parsed = if split {
                    parse_split_cached(
                        nature_col.map_or("", |c| c.as_str()),
                        &cell.text,
                        unit_col.map_or("", |c| c.as_str()),
                    )
                } else {
                    parse_cached(&cell.text)
                };
                if role == Role::Target {
                    target = Some(out.len());
                }
                out.push(ValueCell {
                    cell,
                    role,
                    indicator: ind,
                    name,
                    level2,
                    unit_col,
                    nature_col,
                    parsed,
                    facts: *facts.get_or_insert_with(|| {
                        let same = |(n, l, _): &&(&str, &str, Facts)| {
                            std::ptr::eq(*n, name) && std::ptr::eq(*l, level2)
                        };
                        if let Some((_, _, f)) = seen.iter().find(same) {
                            return *f;
                        }
                        let f = Facts::of(name, level2);
                        if seen.len() < 16 {
                            seen.push((name, level2, f));
                        }
                        f
                    }),
                    split,
                    summary,
                    target: if role == Role::Actual { target } else { None },
                });
            }
        }
    }
    out
}

impl ValueCell<'_> {
    pub fn location(&self, cx: &Context) -> Location {
        let section = if self.summary {
            Section::Projects
        } else {
            Section::Indicators
        };
        cx.loc(section, Some(self.role), self.cell)
    }

    /// "指标“培训合格率”的指标值" — how messages name the cell.
    pub fn what_zh(&self) -> String {
        let which = if self.role == Role::Target {
            "指标值"
        } else {
            "实际完成值"
        };
        if self.name.is_empty() {
            which.to_string()
        } else {
            format!("“{}”的{which}", ellipsize(self.name, 20))
        }
    }

    pub fn what_en(&self) -> String {
        let which = if self.role == Role::Target {
            "target value"
        } else {
            "actual value"
        };
        if self.name.is_empty() {
            which.to_string()
        } else {
            format!("the {which} of \"{}\"", ellipsize(self.name, 20))
        }
    }

    /// A unitless integer in a 时效 row that reads as an Excel date serial (V003's finding).
    pub fn looks_like_excel_serial(&self) -> bool {
        use rust_decimal::prelude::ToPrimitive;
        let p = &self.parsed.value;
        self.role == Role::Target
            && p.kind == crate::value::Kind::Quantitative
            && p.unit.is_none()
            && self.is_timeliness()
            && p.value
                .filter(|d| d.fract().is_zero())
                .and_then(|d| d.to_i64())
                .is_some_and(|n| (36_526..=54_789).contains(&n))
    }

    /// A percentage above 100 on a rate indicator (V005's finding).
    pub fn rate_above_100(&self) -> bool {
        let p = &self.parsed.value;
        p.dimension == Some(crate::value::Dimension::Percent)
            && self.is_rate()
            && [p.value, p.upper]
                .into_iter()
                .flatten()
                .any(|x| x > rust_decimal::Decimal::ONE_HUNDRED)
    }

    /// A 指标值 of the form's own indicator table (not a summary row) that no finding of
    /// V003 or V005 already explains: the cells V010 and V011 judge.
    pub fn unexplained_target(&self) -> bool {
        self.role == Role::Target
            && !self.summary
            && !self.looks_like_excel_serial()
            && !self.rate_above_100()
    }

    /// The indicator is a rate or share (合格率, 满意度, 覆盖率 …), so its % can't pass 100.
    pub fn is_rate(&self) -> bool {
        self.facts.rate
    }

    /// The indicator names something to keep low (事故发生率, 逾期发放率, 投诉 …).
    pub fn is_negative_sense(&self) -> bool {
        self.facts.negative
    }

    /// The indicator is a cost, capped by its money target (成本指标, 单价, 造价).
    pub fn is_cost(&self) -> bool {
        self.facts.cost
    }

    /// The row is a 时效 indicator (deadline or period).
    pub fn is_timeliness(&self) -> bool {
        self.facts.timeliness
    }
}

/// What an indicator's name and 二级 say about it, worked out once per row (every value
/// rule asks).
#[derive(Debug, Clone, Copy, Default)]
pub struct Facts {
    pub rate: bool,
    pub negative: bool,
    pub timeliness: bool,
    pub cost: bool,
}

thread_local! {
    static FACTS: Memo<Facts> = Memo::default();
}

impl Facts {
    /// The facts of a row, remembered by its name and 二级 label.
    pub fn of(name: &str, level2: &str) -> Facts {
        FACTS.with(|m| {
            m.get_or_joined(name, level2, || Facts {
                rate: Facts::rate(name),
                negative: Facts::negative(name),
                timeliness: Facts::timeliness(name, level2),
                cost: Facts::cost(name, level2),
            })
        })
    }

    /// The indicator is a rate or share (合格率, 满意度, 覆盖率 …), so its % can't pass 100.
    fn rate(n: &str) -> bool {
        (n.ends_with('率')
            || has(n, "满意度")
            || has(n, "率（%）")
            || has(n, "率(%)")
            || n.ends_with("比例"))
            // 任务完成率 may pass 100% (超额完成).
            && !["增长", "增幅", "提升率", "提高率", "同比", "完成率"]
                .iter()
                .any(|w| has(n, w))
    }

    /// The indicator measures something to keep low (事故发生率, 逾期发放率, 投诉率 …).
    /// Only where that reading is certain: the name ends in a measure (率, 数, 起数 …) of a
    /// bad thing, and no action on it (查处, 整改, 调查 …) is what is counted, so
    /// 事故调查报告数 and 违法行为查处率 are not lower-is-better.
    fn negative(n: &str) -> bool {
        const BAD: &[&str] = &[
            "事故",
            "逾期",
            "投诉",
            "差错",
            "违规",
            "违法",
            "死亡",
            "伤亡",
            "超支",
            "失误",
            "不合格",
            "返工",
            "故障",
            "漏报",
            "误报",
            "流失",
            "拖欠",
            "欠款",
            "空置",
            "闲置",
            "损失",
            "复发",
            "退回",
            "超标",
            "缺陷",
            "发病",
            "辍学",
        ];
        const ACTIONS: &[&str] = &[
            "下降", "减少", "降低", "处置", "处理", "结案", "整改", "查处", "挽回", "办结", "调查",
            "报告", "培训", "宣传", "演练", "排查", "治理", "打击", "防控", "预防", "化解", "追回",
            "回复", "响应", "受理",
        ];
        const MEASURES: &[&str] = &[
            "率", "数", "次数", "起数", "人数", "人次", "金额", "比例", "比率", "天数", "量",
        ];
        let stem = n
            .trim_end_matches(['）', ')', '%', '％'])
            .trim_end_matches(['（', '(']);
        let measured = MEASURES
            .iter()
            .any(|m| stem.ends_with(m) || has(n, &format!("{m}（")) || has(n, &format!("{m}(")));
        let occurs = ["发生率", "发生数", "发生次数", "发生起数"]
            .iter()
            .any(|w| has(n, w));
        !ACTIONS.iter().any(|w| has(n, w))
            && (occurs || (measured && BAD.iter().any(|w| has(n, w))))
    }

    /// The indicator is a cost to keep within a cap (成本指标, 单价, 造价): a money target
    /// for it is an upper bound.
    fn cost(name: &str, level2: &str) -> bool {
        let saving = ["节约", "节省", "降低", "减少", "控制率", "收入", "效益"]
            .iter()
            .any(|w| has(name, w));
        !saving && (has(level2, "成本") || ["成本", "单价", "造价"].iter().any(|w| has(name, w)))
    }

    /// The row is a 时效 indicator (deadline or period).
    fn timeliness(name: &str, level2: &str) -> bool {
        has(level2, "时效")
            || has(level2, "进度")
            || ["时间", "时限", "日期", "完成期", "截止"]
                .iter()
                .any(|w| has(name, w))
    }
}

/// A diagnostic at a value cell, with the issue's span when the cell was parsed alone.
pub fn report(
    cx: &Context,
    v: &ValueCell,
    code: Code,
    issue: Option<&Issue>,
    message: Msg,
    help: Msg,
) -> Diagnostic {
    let mut d = Diagnostic::new(code, v.location(cx), message, help);
    if let Some(i) = issue {
        if !v.split
            && i.span.end <= v.cell.text.len()
            && !(i.span.start == 0 && i.span.end == v.cell.text.len())
        {
            d = d.with_span(i.span);
        }
        if let Some((replacement, applicability)) = i.fix.as_ref().filter(|_| !v.split) {
            d = d.with_fix(Fix {
                title: Msg::new(
                    format!("改为“{replacement}”"),
                    format!("Change to \"{replacement}\""),
                ),
                replacement: replacement.clone(),
                applicability: *applicability,
            });
        }
    }
    d
}

/// The issues of one kind in a cell.
pub fn issues_of<'v>(
    v: &'v ValueCell,
    pred: impl Fn(&IssueKind) -> bool + 'v,
) -> impl Iterator<Item = &'v Issue> + 'v {
    v.parsed.issues.iter().filter(move |i| pred(&i.kind))
}

/// A whole-cell fix for rules that rewrite the value.
pub fn fix(replacement: String, applicability: Applicability) -> Fix {
    Fix {
        title: Msg::new(
            format!("改为“{replacement}”"),
            format!("Change to \"{replacement}\""),
        ),
        replacement,
        applicability,
    }
}
