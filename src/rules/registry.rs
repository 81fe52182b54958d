//! The one table of diagnostic codes: name, default severity, titles, and whether a reader or a rule emits it.

use crate::diagnostic::Severity;
use serde::Serialize;

/// A stable code: family letter + three digits. Never renumbered or reused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum Code {
    S001,
    S002,
    S003,
    S004,
    S005,
    S006,
    S007,
    S008,
    S009,
    S010,
    S011,
    S012,
    S013,
    S014,
    S015,
    S016,
    S017,
    S018,
    S019,
    S020,
    S021,
    S022,
    S023,
    S024,
    S025,
    S026,
    S027,
    S028,
    S029,
    S030,
    S031,
    V001,
    V002,
    V003,
    V004,
    V005,
    V006,
    V007,
    V008,
    V009,
    V010,
    V011,
    V012,
    V013,
    V014,
    V015,
    V016,
    V017,
    B001,
    B002,
    B003,
    B004,
    B005,
    B006,
    B007,
    B008,
    R001,
    R002,
    R003,
    R004,
    R005,
    R006,
    R007,
    R008,
    R009,
    E001,
    E002,
    E003,
    E004,
    E005,
    E006,
    E007,
    E008,
    E009,
    E010,
    E011,
    E012,
    X001,
    X002,
    X003,
    X004,
}

impl Code {
    /// Every code, in catalog order.
    pub const ALL: &'static [Code] = &[
        Code::S001,
        Code::S002,
        Code::S003,
        Code::S004,
        Code::S005,
        Code::S006,
        Code::S007,
        Code::S008,
        Code::S009,
        Code::S010,
        Code::S011,
        Code::S012,
        Code::S013,
        Code::S014,
        Code::S015,
        Code::S016,
        Code::S017,
        Code::S018,
        Code::S019,
        Code::S020,
        Code::S021,
        Code::S022,
        Code::S023,
        Code::S024,
        Code::S025,
        Code::S026,
        Code::S027,
        Code::S028,
        Code::S029,
        Code::S030,
        Code::S031,
        Code::V001,
        Code::V002,
        Code::V003,
        Code::V004,
        Code::V005,
        Code::V006,
        Code::V007,
        Code::V008,
        Code::V009,
        Code::V010,
        Code::V011,
        Code::V012,
        Code::V013,
        Code::V014,
        Code::V015,
        Code::V016,
        Code::V017,
        Code::B001,
        Code::B002,
        Code::B003,
        Code::B004,
        Code::B005,
        Code::B006,
        Code::B007,
        Code::B008,
        Code::R001,
        Code::R002,
        Code::R003,
        Code::R004,
        Code::R005,
        Code::R006,
        Code::R007,
        Code::R008,
        Code::R009,
        Code::E001,
        Code::E002,
        Code::E003,
        Code::E004,
        Code::E005,
        Code::E006,
        Code::E007,
        Code::E008,
        Code::E009,
        Code::E010,
        Code::E011,
        Code::E012,
        Code::X001,
        Code::X002,
        Code::X003,
        Code::X004,
    ];
}

/// Who emits a code: the readers (layout findings) or one rule in `rules/`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Origin {
    Reader,
    Rule,
}

#[derive(Debug, Clone, Copy, Serialize)]
pub struct Entry {
    pub code: Code,
    pub name: &'static str,
    pub severity: Severity,
    pub origin: Origin,
    pub title_zh: &'static str,
    pub title_en: &'static str,
}

const fn e(
    code: Code,
    name: &'static str,
    severity: Severity,
    origin: Origin,
    title_zh: &'static str,
    title_en: &'static str,
) -> Entry {
    Entry {
        code,
        name,
        severity,
        origin,
        title_zh,
        title_en,
    }
}

use Origin::{Reader, Rule};
use Severity::{Error, Info, Warning};

/// Every code. Retired codes stay here, marked in their title, so they are never reused.
pub const TABLE: &[Entry] = &[
    e(
        Code::S001,
        "no-form-found",
        Error,
        Reader,
        "未识别出绩效表格",
        "no performance form found",
    ),
    e(
        Code::S002,
        "row-shifted-left",
        Warning,
        Reader,
        "整行向左错位一列",
        "row shifted one column left",
    ),
    e(
        Code::S003,
        "row-missing-cells",
        Warning,
        Reader,
        "行内缺少单元格，其后内容错位",
        "row lacks cells; later cells shift",
    ),
    e(
        Code::S004,
        "header-column-absent-from-data",
        Warning,
        Reader,
        "表头有该列，但数据行没有",
        "header column absent from the data rows",
    ),
    e(
        Code::S005,
        "row-has-extra-cells",
        Warning,
        Reader,
        "行内单元格多于表头",
        "row has more cells than the header",
    ),
    e(
        Code::S006,
        "unbalanced-quote",
        Info,
        Reader,
        "引号未闭合，按原文读取",
        "unbalanced quote read literally",
    ),
    e(
        Code::S007,
        "required-cell-empty",
        Error,
        Rule,
        "必填单元格为空",
        "required cell is empty",
    ),
    e(
        Code::S008,
        "input-unreadable",
        Error,
        Reader,
        "输入无法读取",
        "input can't be read",
    ),
    e(
        Code::V001,
        "value-unparseable",
        Error,
        Rule,
        "指标值无法读取",
        "target value can't be read",
    ),
    e(
        Code::V002,
        "template-placeholder",
        Error,
        Rule,
        "指标值仍是模板占位符",
        "template placeholder left in",
    ),
    e(
        Code::V003,
        "excel-date-serial",
        Error,
        Rule,
        "时效指标值是 Excel 日期序号",
        "Excel date serial in a 时效 value",
    ),
    e(
        Code::V004,
        "doubled-comparator",
        Error,
        Rule,
        "比较符号重复或冲突",
        "doubled or conflicting comparator",
    ),
    e(
        Code::V005,
        "rate-above-100",
        Error,
        Rule,
        "比率类指标值超过 100%",
        "rate above 100%",
    ),
    e(
        Code::V006,
        "direction-contradicts-indicator",
        Warning,
        Rule,
        "比较方向与指标含义相反",
        "comparator direction contradicts the indicator",
    ),
    e(
        Code::V007,
        "unit-conflict",
        Error,
        Rule,
        "指标值与度量单位冲突",
        "value and unit column disagree",
    ),
    e(
        Code::V008,
        "nonstandard-spelling",
        Info,
        Rule,
        "全角或非标准写法",
        "full-width or nonstandard spelling",
    ),
    e(
        Code::V009,
        "unknown-unit",
        Info,
        Rule,
        "无法识别的计量单位",
        "unknown unit",
    ),
    e(
        Code::V010,
        "missing-unit",
        Warning,
        Rule,
        "定量指标缺少计量单位",
        "quantitative value without a unit",
    ),
    e(
        Code::V011,
        "missing-comparator",
        Info,
        Rule,
        "定量指标值缺少比较符号",
        "quantitative target without a comparator",
    ),
    e(
        Code::V012,
        "vague-output-target",
        Warning,
        Rule,
        "产出指标值无法衡量",
        "an output target that can't be measured",
    ),
    e(
        Code::V013,
        "deadline-after-project-end",
        Warning,
        Rule,
        "时效指标晚于项目结束",
        "a deadline after the project's planned end",
    ),
    e(
        Code::V014,
        "name-and-target-differ",
        Warning,
        Rule,
        "指标名称与指标值的数字不一致",
        "the name and the target give different figures",
    ),
    e(
        Code::V015,
        "spending-as-indicator",
        Warning,
        Rule,
        "以资金支出代替产出或效益指标",
        "spending given as an output or effect indicator",
    ),
    e(
        Code::V016,
        "yes-no-graded-in-percent",
        Warning,
        Rule,
        "“是否”式指标按百分比分档",
        "a yes/no indicator graded in percentage bands",
    ),
    e(
        Code::V017,
        "payment-accuracy-below-full",
        Warning,
        Rule,
        "资金发放准确率目标低于100%",
        "paying money out rightly aimed below 100%",
    ),
    e(
        Code::B001,
        "amount-unreadable",
        Error,
        Rule,
        "金额或比率不是数字",
        "amount or rate is not a number",
    ),
    e(
        Code::B002,
        "fund-sources-do-not-sum-to-total",
        Error,
        Rule,
        "资金总额与各来源之和不符",
        "funding total differs from the sum of its sources",
    ),
    e(
        Code::B003,
        "unit-cost-exceeds-budget",
        Warning,
        Rule,
        "单位成本×数量超过预算",
        "unit cost times quantity exceeds the budget",
    ),
    e(
        Code::B004,
        "period-total-below-annual",
        Error,
        Rule,
        "中期总额小于年度总额",
        "a total over several years is less than the annual total",
    ),
    e(
        Code::B005,
        "spending-exceeds-income",
        Warning,
        Rule,
        "本年支出大于收入且无结转结余",
        "spending above income with no balance carried over",
    ),
    e(
        Code::B006,
        "amount-in-label-cell",
        Info,
        Rule,
        "资金名称与金额写在同一单元格",
        "a fund's name and amount in one cell",
    ),
    e(
        Code::B007,
        "separators-mixed",
        Info,
        Rule,
        "金额千分位写法不一致",
        "thousands separators on some amounts only",
    ),
    e(
        Code::B008,
        "budget-breakdown-cut",
        Info,
        Reader,
        "预算构成清单未列完，未能核对",
        "a budget breakdown cut off before its end, not checked",
    ),
    e(
        Code::R001,
        "execution-rate-mismatch",
        Error,
        Rule,
        "执行率与执行数/预算数不符",
        "execution rate disagrees with spending / budget",
    ),
    e(
        Code::R002,
        "spending-without-budget",
        Error,
        Rule,
        "预算为零却有支出",
        "spending against a zero budget",
    ),
    e(
        Code::R003,
        "execution-rate-over-100",
        Warning,
        Rule,
        "执行率超过 100%",
        "execution rate above 100%",
    ),
    e(
        Code::R004,
        "low-execution-rate-without-reason",
        Warning,
        Rule,
        "执行率低于下限且未说明原因",
        "low execution rate without a reason",
    ),
    e(
        Code::E001,
        "score-exceeds-weight",
        Error,
        Rule,
        "得分超过分值",
        "score above its points",
    ),
    e(
        Code::E002,
        "execution-score-mismatch",
        Warning,
        Rule,
        "预算执行得分与公式不符",
        "execution score disagrees with the formula",
    ),
    e(
        Code::E003,
        "indicator-score-mismatch",
        Warning,
        Rule,
        "指标得分与完成情况不符",
        "indicator score disagrees with its result",
    ),
    e(
        Code::E004,
        "total-score-mismatch",
        Error,
        Rule,
        "总分不等于各项得分之和",
        "total score is not the sum of the scores",
    ),
    e(
        Code::E005,
        "weights-do-not-sum",
        Error,
        Rule,
        "分值合计不等于总分值",
        "points do not add up to the total",
    ),
    e(
        Code::E006,
        "deviation-reason-missing",
        Warning,
        Rule,
        "未完成目标但未说明偏差原因",
        "missed target without a deviation reason",
    ),
    e(
        Code::E007,
        "narrative-target-missed",
        Warning,
        Rule,
        "报告中的完成值未达到指标值",
        "narrative result misses its target",
    ),
    e(
        Code::R005,
        "budget-adjusted-without-reason",
        Warning,
        Rule,
        "预算调整未说明原因",
        "budget adjusted without a reason",
    ),
    e(
        Code::R006,
        "budget-progress-behind",
        Warning,
        Rule,
        "预算执行进度滞后（红/黄灯）",
        "spending behind time progress or plan",
    ),
    e(
        Code::R007,
        "full-payment-claim-contradicted",
        Warning,
        Rule,
        "报告称资金全部支付但数字不符",
        "a report claims full payment its figures contradict",
    ),
    e(
        Code::R008,
        "rate-before-year-end",
        Info,
        Rule,
        "执行数未按全年计算",
        "spending counted to a day before the year's end",
    ),
    e(
        Code::R009,
        "payment-claim-unverified",
        Info,
        Rule,
        "称资金全部支付但无执行数",
        "full payment claimed with no spending figure",
    ),
    e(
        Code::E008,
        "indicator-progress-light",
        Warning,
        Rule,
        "指标完成进度红/黄/蓝灯",
        "indicator progress light",
    ),
    e(
        Code::E009,
        "monitoring-light-unexplained",
        Warning,
        Rule,
        "红/黄灯指标未填偏差原因或完成可能性",
        "red/yellow indicator without reason or likelihood",
    ),
    e(
        Code::E010,
        "grade-mismatch",
        Warning,
        Rule,
        "自评等级与总分不符",
        "stated grade does not match the total",
    ),
    e(
        Code::E011,
        "deduction-unexplained",
        Warning,
        Rule,
        "得分低于满分但未说明扣分",
        "points deducted with no reason given",
    ),
    e(
        Code::E012,
        "bands-not-distinct",
        Warning,
        Rule,
        "相邻两档评价标准相同",
        "two neighbouring grading bands share a threshold",
    ),
    e(
        Code::S009,
        "level1-missing",
        Warning,
        Rule,
        "缺少一级指标",
        "level-1 indicator missing",
    ),
    e(
        Code::S010,
        "level2-missing",
        Warning,
        Rule,
        "缺少二级指标",
        "level-2 indicator missing",
    ),
    e(
        Code::S011,
        "too-few-level3",
        Warning,
        Rule,
        "二级指标下三级指标不足",
        "too few level-3 indicators",
    ),
    e(
        Code::S012,
        "unknown-category",
        Warning,
        Rule,
        "一级/二级指标名称不在版式中",
        "unknown level-1/level-2 name",
    ),
    e(
        Code::S013,
        "misplaced-category",
        Warning,
        Rule,
        "指标所在层级或类别不对",
        "indicator in the wrong place",
    ),
    e(
        Code::S014,
        "duplicate-indicator",
        Warning,
        Rule,
        "三级指标重复",
        "duplicate indicator",
    ),
    e(
        Code::S015,
        "child-weights-do-not-sum",
        Error,
        Rule,
        "下级分值之和不等于上级分值",
        "child points do not add up to the parent",
    ),
    e(
        Code::S016,
        "template-text-left",
        Warning,
        Rule,
        "单元格仍是模板说明文字",
        "template text left in a cell",
    ),
    e(
        Code::S017,
        "text-too-long",
        Warning,
        Rule,
        "文字超过字数限制",
        "text over the length limit",
    ),
    e(
        Code::S018,
        "not-applicable-disallowed",
        Warning,
        Rule,
        "此类表格不应填“不适用”",
        "不适用 where the form does not allow it",
    ),
    e(
        Code::S019,
        "cannot-verify",
        Info,
        Rule,
        "输入不完整，部分内容无法检查",
        "part of the form missing from the input",
    ),
    e(
        Code::S020,
        "document-number-malformed",
        Warning,
        Rule,
        "文号写法有误",
        "a malformed document number",
    ),
    e(
        Code::S021,
        "midterm-copies-annual",
        Warning,
        Rule,
        "中期指标照抄年度指标",
        "midterm indicators copy the annual ones",
    ),
    e(
        Code::S022,
        "fund-label-misspelled",
        Info,
        Rule,
        "资金来源名称与标准名称差一个字",
        "fund source name one character off a standard one",
    ),
    e(
        Code::S023,
        "goal-stated-as-done",
        Warning,
        Rule,
        "目标写成了已取得的成效",
        "goal written as results already achieved",
    ),
    e(
        Code::S024,
        "group-row-in-other-column",
        Warning,
        Rule,
        "按来源命名的分组行在其他来源列有金额",
        "a group row named for one fund source has money in another's column",
    ),
    e(
        Code::S025,
        "common-typo",
        Info,
        Rule,
        "常见错字",
        "a common slip of the pen",
    ),
    e(
        Code::S026,
        "goal-copies-field",
        Warning,
        Rule,
        "年度目标照抄职能职责或项目概况",
        "the goal copies another field word for word",
    ),
    e(
        Code::S027,
        "evaluation-results-not-self-evaluation",
        Info,
        Reader,
        "评价结果汇总，不是单位自评表",
        "a summary of evaluation results, not of self-evaluations",
    ),
    e(
        Code::S028,
        "personnel-cost-in-project",
        Warning,
        Rule,
        "人员经费列入项目支出",
        "staff pay charged to a project",
    ),
    e(
        Code::S029,
        "project-period-open",
        Info,
        Rule,
        "项目期没有写明期限",
        "an open-ended project period",
    ),
    e(
        Code::S030,
        "amount-cell-holds-text",
        Error,
        Rule,
        "金额栏夹有文字或多个数字",
        "an amount cell holding words or several figures",
    ),
    e(
        Code::S031,
        "level-header-misnamed",
        Warning,
        Reader,
        "表头把“指标”写成“目标”",
        "a level header written 目标 for 指标",
    ),
    e(
        Code::X001,
        "indicator-not-in-approved-targets",
        Warning,
        Rule,
        "自评表指标不在批复的目标表中",
        "indicator not in the approved target form",
    ),
    e(
        Code::X002,
        "approved-indicator-dropped",
        Warning,
        Rule,
        "批复的目标表指标在自评表中缺失",
        "approved indicator dropped",
    ),
    e(
        Code::X003,
        "target-value-changed",
        Warning,
        Rule,
        "指标值与批复的目标表不一致",
        "target value changed from the approved form",
    ),
    e(
        Code::X004,
        "funding-differs-from-approved",
        Warning,
        Rule,
        "预算金额与批复的目标表不一致",
        "budget differs from the approved form",
    ),
];

/// The table entry of a code (every code has one; a test checks it).
pub fn entry(code: Code) -> &'static Entry {
    TABLE.iter().find(|e| e.code == code).unwrap_or(&FALLBACK)
}

const FALLBACK: Entry = e(Code::S001, "unknown", Error, Reader, "", "");

impl Code {
    pub fn as_str(self) -> String {
        format!("{self:?}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn every_code_has_exactly_one_entry() {
        for c in Code::ALL {
            assert_eq!(TABLE.iter().filter(|e| e.code == *c).count(), 1, "{c:?}");
        }
        assert_eq!(TABLE.len(), Code::ALL.len());
    }

    #[test]
    fn codes_and_names_are_unique_and_well_formed() {
        let mut codes = HashSet::new();
        let mut names = HashSet::new();
        for e in TABLE {
            assert!(codes.insert(e.code), "duplicate code {:?}", e.code);
            assert!(names.insert(e.name), "duplicate name {}", e.name);
            let s = e.code.as_str();
            assert_eq!(s.len(), 4, "{s}");
            assert!("SVBREX".contains(&s[..1]), "{s}");
            assert!(s[1..].chars().all(|c| c.is_ascii_digit()), "{s}");
            assert!(!e.title_zh.is_empty() && !e.title_en.is_empty());
        }
    }

    #[test]
    fn every_rule_code_has_exactly_one_rule_and_reader_codes_none() {
        let rules = crate::rules::all();
        for e in TABLE {
            let n = rules.iter().filter(|r| r.code() == e.code).count();
            match e.origin {
                Origin::Rule => assert_eq!(n, 1, "{:?} needs one rule", e.code),
                Origin::Reader => assert_eq!(n, 0, "{:?} is a reader code", e.code),
            }
        }
    }
}

#[cfg(test)]
mod catalog_tests {
    use super::*;

    /// The README's code table is for people; it must say what the registry says.
    #[test]
    fn readme_lists_every_code_with_its_severity() {
        let readme = include_str!("../../README.md");
        for e in TABLE {
            let row = format!("| {:?} | {} |", e.code, e.severity.as_str());
            assert!(
                readme.contains(&row),
                "README.md lacks the row starting {row}"
            );
        }
    }
}
