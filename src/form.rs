//! The form model every reader fills: forms, projects, funding rows and indicator rows of cells that keep their source text and position.

use serde::Serialize;
use std::rc::Rc;

/// Which kind of 绩效 form this is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum FormKind {
    /// 项目支出绩效目标表 (target declaration).
    Target,
    /// 项目支出绩效自评表 (one project's self-evaluation).
    SelfEvaluation,
    /// 部门/汇总自评表: one row per project.
    SummarySelfEvaluation,
    /// 绩效运行监控表.
    Monitoring,
    /// 绩效自评报告: prose with figures inline.
    NarrativeReport,
}

impl FormKind {
    /// The names a profile or a portal's JSON gives the kinds by.
    const NAMES: [(&'static str, FormKind); 5] = [
        ("target", FormKind::Target),
        ("self-evaluation", FormKind::SelfEvaluation),
        ("summary-self-evaluation", FormKind::SummarySelfEvaluation),
        ("monitoring", FormKind::Monitoring),
        ("narrative-report", FormKind::NarrativeReport),
    ];

    pub fn from_json(v: &crate::json::Value, at: &str) -> crate::json::Result<FormKind> {
        crate::json::one_of(v, at, &FormKind::NAMES)
    }

    pub fn zh(self) -> &'static str {
        match self {
            FormKind::Target => "绩效目标表",
            FormKind::SelfEvaluation => "绩效自评表",
            FormKind::SummarySelfEvaluation => "汇总绩效自评表",
            FormKind::Monitoring => "绩效运行监控表",
            FormKind::NarrativeReport => "绩效自评报告",
        }
    }

    /// The kind's name in an English message (the page's English mode).
    pub fn name_en(self) -> &'static str {
        match self {
            FormKind::Target => "target form",
            FormKind::SelfEvaluation => "self-evaluation form",
            FormKind::SummarySelfEvaluation => "summary self-evaluation table",
            FormKind::Monitoring => "monitoring form",
            FormKind::NarrativeReport => "self-evaluation report",
        }
    }

    /// The kind's name in a portal's JSON (`self-evaluation`).
    pub fn en(self) -> &'static str {
        FormKind::NAMES
            .iter()
            .find(|(_, k)| *k == self)
            .map_or("", |(n, _)| n)
    }
}

/// Position of a cell in the pasted sheet: 1-based record (row) and column.
/// 0 means unknown (e.g. a portal passed JSON without positions).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize)]
pub struct Loc {
    pub row: u32,
    pub col: u32,
}

impl Loc {
    pub fn new(row: u32, col: u32) -> Self {
        Loc { row, col }
    }
}

/// A cell's text: a range of a shared buffer. A paste is copied once and its cells are
/// ranges of that copy (one allocation per cell was a fifth of checking a seed form), and a
/// label filled down a merged cell, or a cell the reader hands on, is not copied again.
/// `Rc`, not `Arc`: a form is read and checked on one thread (the page's worker, the CLI's
/// main), and counting a seed form's ~450 cell references atomically cost 4 % of its check.
#[derive(Clone, Default)]
pub struct Text {
    buf: Rc<str>,
    /// `buf[start..end]`; `start > end` stands for all of `buf`, for a text longer than 32
    /// bits can index (a range that can never be read, so the common case tests nothing).
    start: u32,
    end: u32,
}

impl Text {
    /// `buf[range]`; the empty text when the range is not one of `buf`'s. A range that
    /// ends beyond 4 GiB is copied out.
    pub fn slice(buf: &Rc<str>, range: std::ops::Range<usize>) -> Text {
        let Some(part) = buf.get(range.clone()) else {
            return Text::default();
        };
        match (u32::try_from(range.start), u32::try_from(range.end)) {
            (Ok(start), Ok(end)) => Text {
                buf: buf.clone(),
                start,
                end,
            },
            _ => Text::from(part),
        }
    }

    pub fn as_str(&self) -> &str {
        match self.buf.get(self.start as usize..self.end as usize) {
            Some(t) => t,
            None => self.whole_or_empty(),
        }
    }

    /// What a range that can't be read stands for: all of a buffer too long for 32 bits,
    /// else nothing.
    #[cold]
    #[inline(never)]
    fn whole_or_empty(&self) -> &str {
        if self.start > self.end {
            &self.buf
        } else {
            ""
        }
    }
}

impl std::ops::Deref for Text {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for Text {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl From<Rc<str>> for Text {
    fn from(buf: Rc<str>) -> Text {
        let (start, end) = u32::try_from(buf.len()).map_or((1, 0), |len| (0, len));
        Text { buf, start, end }
    }
}

impl From<&str> for Text {
    fn from(s: &str) -> Text {
        Rc::<str>::from(s).into()
    }
}

impl From<String> for Text {
    fn from(s: String) -> Text {
        Rc::<str>::from(s).into()
    }
}

impl PartialEq for Text {
    fn eq(&self, other: &Text) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for Text {}

impl std::fmt::Debug for Text {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(self.as_str(), f)
    }
}

impl std::fmt::Display for Text {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Text {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// One cell: its exact text as typed or pasted, and where it came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Cell {
    pub text: Text,
    #[serde(flatten)]
    pub loc: Loc,
}

impl Cell {
    pub fn new(text: impl Into<Text>, loc: Loc) -> Self {
        Cell {
            text: text.into(),
            loc,
        }
    }

    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// True when the cell holds nothing but white space.
    pub fn is_blank(&self) -> bool {
        self.trimmed().is_empty()
    }

    /// The text without white space around it (`str::trim`, quicker on the usual cell).
    pub fn trimmed(&self) -> &str {
        crate::span::trim(&self.text)
    }
}

/// What a column (or a key–value label) means, found from header text and its synonyms.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Role {
    /// 序号
    Index,
    /// 单位名称
    UnitName,
    /// 项目名称
    ProjectName,
    /// 年初预算数
    BudgetInitial,
    /// 全年预算数(调整后) / 项目年度预算金额
    BudgetAdjusted,
    /// 全年执行数 / 实际支出 合计
    Executed,
    /// 执行率
    Rate,
    /// 分值 / 权重
    Weight,
    /// 得分
    Score,
    /// 原因 (funding reason: low execution, budget change)
    Reason,
    /// 一级指标
    Level1,
    /// 二级指标
    Level2,
    /// 三级指标
    Level3,
    /// 指标值 / 年度指标值 / 年度指标内容
    Target,
    /// 指标性质 (=, ≥, ≤ … in a separate column)
    Nature,
    /// 度量单位 / 计量单位
    Unit,
    /// 实际完成值 / 完成情况
    Actual,
    /// 偏差原因分析及改进措施 / 未完成原因分析
    DeviationReason,
    /// 年度目标 / 年初绩效目标
    Goal,
    /// 年度目标完成情况 / 绩效目标整体完成情况
    Overall,
    /// 存在的问题
    Problems,
    /// 整改情况 / 改进措施
    Rectification,
    /// A single amount (key–value money rows such as 项目总预算（元）).
    Amount,
    /// 全年预计执行数 (monitoring)
    Forecast,
    /// 全年预计完成情况 (monitoring)
    ForecastActual,
    /// 完成目标可能性 (monitoring: 确定能 / 有可能 / 完全不可能)
    Likelihood,
    /// 分值 of a 一级 group (a 分值 column right after the 一级 column)
    Level1Weight,
    /// 分值 of a 二级 group (a 分值 column right after the 二级 column)
    Level2Weight,
    /// 指标解释 / 指标值说明: what the indicator means and how its value is set
    Explanation,
    /// 评分标准 / 评价标准: how the indicator is scored (计8分; 每超过一个百分点扣0.5分)
    Criterion,
    /// One grading band's threshold (优 | 良 | 中 | 差), in the header's order, best first
    Band,
}

impl Role {
    pub const ALL: [Role; 31] = [
        Role::Index,
        Role::UnitName,
        Role::ProjectName,
        Role::BudgetInitial,
        Role::BudgetAdjusted,
        Role::Executed,
        Role::Rate,
        Role::Weight,
        Role::Score,
        Role::Reason,
        Role::Level1,
        Role::Level2,
        Role::Level3,
        Role::Target,
        Role::Nature,
        Role::Unit,
        Role::Actual,
        Role::DeviationReason,
        Role::Goal,
        Role::Overall,
        Role::Problems,
        Role::Rectification,
        Role::Amount,
        Role::Forecast,
        Role::ForecastActual,
        Role::Likelihood,
        Role::Level1Weight,
        Role::Level2Weight,
        Role::Explanation,
        Role::Criterion,
        Role::Band,
    ];

    /// The role whose `as_str` is `name`.
    pub fn from_name(name: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.as_str() == name)
    }

    /// A role given by name in JSON.
    pub fn from_json(v: &crate::json::Value, at: &str) -> crate::json::Result<Role> {
        crate::json::one_of(v, at, &Role::ALL.map(|r| (r.as_str(), r)))
    }

    /// Stable name used in diagnostics' `location.field`.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Index => "index",
            Role::UnitName => "unitName",
            Role::ProjectName => "projectName",
            Role::BudgetInitial => "budgetInitial",
            Role::BudgetAdjusted => "budgetAdjusted",
            Role::Executed => "executed",
            Role::Rate => "rate",
            Role::Weight => "weight",
            Role::Score => "score",
            Role::Reason => "reason",
            Role::Level1 => "level1",
            Role::Level2 => "level2",
            Role::Level3 => "level3",
            Role::Target => "target",
            Role::Nature => "nature",
            Role::Unit => "unit",
            Role::Actual => "actual",
            Role::DeviationReason => "deviationReason",
            Role::Goal => "goal",
            Role::Overall => "overall",
            Role::Problems => "problems",
            Role::Rectification => "rectification",
            Role::Amount => "amount",
            Role::Forecast => "forecast",
            Role::ForecastActual => "forecastActual",
            Role::Likelihood => "likelihood",
            Role::Level1Weight => "level1Weight",
            Role::Level2Weight => "level2Weight",
            Role::Explanation => "explanation",
            Role::Criterion => "criterion",
            Role::Band => "band",
        }
    }

    /// The usual Chinese column title, for messages.
    pub fn zh(self) -> &'static str {
        match self {
            Role::Index => "序号",
            Role::UnitName => "单位名称",
            Role::ProjectName => "项目名称",
            Role::BudgetInitial => "年初预算数",
            Role::BudgetAdjusted => "全年预算数",
            Role::Executed => "执行数",
            Role::Rate => "执行率",
            Role::Weight => "分值",
            Role::Score => "得分",
            Role::Reason => "原因",
            Role::Level1 => "一级指标",
            Role::Level2 => "二级指标",
            Role::Level3 => "三级指标",
            Role::Target => "指标值",
            Role::Nature => "指标性质",
            Role::Unit => "度量单位",
            Role::Actual => "实际完成值",
            Role::DeviationReason => "偏差原因",
            Role::Goal => "年度目标",
            Role::Overall => "目标完成情况",
            Role::Problems => "存在的问题",
            Role::Rectification => "整改情况",
            Role::Amount => "金额",
            Role::Forecast => "全年预计执行数",
            Role::ForecastActual => "全年预计完成情况",
            Role::Likelihood => "完成目标可能性",
            Role::Level1Weight => "一级指标分值",
            Role::Level2Weight => "二级指标分值",
            Role::Explanation => "指标解释",
            Role::Criterion => "评分标准",
            Role::Band => "评价标准分档",
        }
    }

    pub fn en(self) -> &'static str {
        match self {
            Role::Index => "No.",
            Role::UnitName => "unit",
            Role::ProjectName => "project name",
            Role::BudgetInitial => "initial budget",
            Role::BudgetAdjusted => "adjusted budget",
            Role::Executed => "spending",
            Role::Rate => "execution rate",
            Role::Weight => "points",
            Role::Score => "score",
            Role::Reason => "reason",
            Role::Level1 => "level-1 indicator",
            Role::Level2 => "level-2 indicator",
            Role::Level3 => "level-3 indicator",
            Role::Target => "target value",
            Role::Nature => "comparator",
            Role::Unit => "unit of measure",
            Role::Actual => "actual value",
            Role::DeviationReason => "deviation reason",
            Role::Goal => "annual goal",
            Role::Overall => "goal completion",
            Role::Problems => "problems",
            Role::Rectification => "rectification",
            Role::Amount => "amount",
            Role::Forecast => "forecast spending",
            Role::ForecastActual => "forecast result",
            Role::Likelihood => "likelihood of meeting the target",
            Role::Level1Weight => "level-1 points",
            Role::Level2Weight => "level-2 points",
            Role::Explanation => "indicator explanation",
            Role::Criterion => "scoring criterion",
            Role::Band => "grading band",
        }
    }
}

/// Cells of one record keyed by role, in column order.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Cells(pub Vec<(Role, Cell)>);

impl Cells {
    pub fn get(&self, role: Role) -> Option<&Cell> {
        self.0.iter().find(|(r, _)| *r == role).map(|(_, c)| c)
    }

    /// Every cell of `role`, in column order (a graded row's bands, 优 first).
    pub fn all(&self, role: Role) -> impl Iterator<Item = &Cell> {
        self.0
            .iter()
            .filter(move |(r, _)| *r == role)
            .map(|(_, c)| c)
    }

    pub fn push(&mut self, role: Role, cell: Cell) {
        self.0.push((role, cell));
    }
}

/// A money unit a form states (单位：万元) or a header carries (（元）).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum MoneyUnit {
    /// 元
    Yuan,
    /// 千元
    Qianyuan,
    /// 万元
    Wanyuan,
    /// 亿元
    Yiyuan,
}

impl MoneyUnit {
    /// The unit a 指标值's unit names (`万元`, bare `万`), if it is one of money.
    pub fn named(unit: &str) -> Option<MoneyUnit> {
        match unit {
            "元" => Some(MoneyUnit::Yuan),
            "千元" => Some(MoneyUnit::Qianyuan),
            "万元" | "万" => Some(MoneyUnit::Wanyuan),
            "亿元" => Some(MoneyUnit::Yiyuan),
            _ => None,
        }
    }

    pub fn zh(self) -> &'static str {
        match self {
            MoneyUnit::Yuan => "元",
            MoneyUnit::Qianyuan => "千元",
            MoneyUnit::Wanyuan => "万元",
            MoneyUnit::Yiyuan => "亿元",
        }
    }
}

/// A header field: `项目名称：X` or `项目名称：<tab>X`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Field {
    /// The label without its colon, e.g. "项目名称".
    pub key: String,
    pub label: Cell,
    pub value: Option<Cell>,
}

/// One funding source row (年度资金总额, 财政拨款 …) with its values by column role.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FundingRow {
    pub label: Cell,
    /// Which source the row is; a portal may leave it out and let the label decide.
    pub source: FundSource,
    pub cells: Cells,
}

impl FundingRow {
    /// The label as a message names it: `其中：公务接待：` → `公务接待`.
    pub fn shown_label(&self) -> &str {
        let colons = [':', '：'];
        let t = self.label.trimmed();
        let t = t
            .strip_prefix("其中")
            .map_or(t, |r| r.trim_start_matches(colons));
        t.trim_end_matches(colons).trim()
    }
}

/// Funding sources; regional sets are chosen by profile.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum FundSource {
    /// 年度资金总额 / 总额 / 合计 / 项目总预算
    Total,
    /// 财政拨款 / 财政资金
    Fiscal,
    /// 上年结转
    CarryOver,
    /// 非财政资金
    NonFiscal,
    /// 其他资金
    Other,
    /// Anything else, by its label.
    Named(String),
    /// A spending line that itemises the total another way (a 部门整体 form's 支出项目 under
    /// its 履职目标): not one of the sources the total is the sum of.
    Item(String),
}

/// One indicator row. 一级/二级 cells filled down from merged cells keep the position
/// of the cell that actually holds the text.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Indicator {
    /// 1-based sheet row of this indicator (0 when unknown).
    pub row: u32,
    pub level1: Option<Cell>,
    pub level2: Option<Cell>,
    pub level3: Option<Cell>,
    /// Target, nature, unit, actual, weight, score, deviation reason.
    pub cells: Cells,
    /// A 中期 (mid-term) indicator of a target form that sets 中期 and 年度 blocks side by
    /// side: checked as written, but not what the year's 自评表 is measured against.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub midterm: bool,
}

/// A project: the whole of a target or self-evaluation form, or one row of a summary table.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Project {
    /// 1-based sheet row where the project starts (0 when unknown).
    pub row: u32,
    pub name: Option<Cell>,
    /// Per-project cells that are not funding or indicators (序号, 单位名称, 存在的问题 …).
    pub cells: Cells,
    pub funding: Vec<FundingRow>,
    pub indicators: Vec<Indicator>,
    /// Rows that only name a 一级/二级 group (no 三级 of their own), with the group's
    /// 分值 when the row carries one. A group whose heading has no 三级 after it is empty.
    pub headings: Vec<Indicator>,
    /// The indicator table runs to the end of the input with no 总分 row: the paste may
    /// have been cut short, so parts missing at its end can't be judged.
    pub open_ended: bool,
    /// The indicators are graded in bands (优/良/中/差, `Role::Band`) with no 二级 level
    /// (read/bands.rs): the tree's checks don't apply.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub graded: bool,
}

/// One form as read: a paste may hold several.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Form {
    pub kind: FormKind,
    pub title: Option<Cell>,
    pub fields: Vec<Field>,
    /// The stated money unit and the cell that states it.
    pub money_unit: Option<(MoneyUnit, Cell)>,
    pub projects: Vec<Project>,
    /// A narrative report's text, one paragraph per line as read.
    pub text: Option<String>,
}

impl Form {
    /// A report's text with its traditional characters folded to simplified ones (績效 →
    /// 绩效), at the same byte positions: what rules match words on.
    pub fn folded_text(&self) -> Option<std::borrow::Cow<'_, str>> {
        self.text.as_deref().map(crate::hanzi::fold)
    }

    pub fn new(kind: FormKind) -> Self {
        Form {
            kind,
            title: None,
            fields: Vec::new(),
            money_unit: None,
            projects: Vec::new(),
            text: None,
        }
    }

    /// The indicators of tables graded in bands (优/良/中/差: `Project::graded`).
    pub fn graded_indicators(&self) -> impl Iterator<Item = &Indicator> {
        self.projects
            .iter()
            .filter(|p| p.graded)
            .flat_map(|p| &p.indicators)
    }

    /// The value of the first header field whose key contains `key`.
    pub fn field(&self, key: &str) -> Option<&Cell> {
        self.fields
            .iter()
            .find(|f| f.key.contains(key))
            .and_then(|f| f.value.as_ref())
    }

    /// A short name for lists: the project name, else the title.
    pub fn display_name(&self) -> Option<String> {
        if self.kind != FormKind::SummarySelfEvaluation {
            if let Some(c) = self.field("项目名称").filter(|c| !c.is_blank()) {
                return Some(c.trimmed().to_string());
            }
            if let Some(name) = self.projects.first().and_then(|p| p.name.as_ref()) {
                return Some(name.trimmed().to_string());
            }
        }
        self.title.as_ref().map(|c| c.trimmed().to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::Text;
    use std::rc::Rc;

    #[test]
    fn a_text_is_its_range_of_the_buffer_or_empty() {
        let buf: Rc<str> = Rc::from("项目\t金额");
        // (range, text): a range off the buffer or inside a character is the empty text.
        let cases = [
            (0..6, "项目"),
            (7..13, "金额"),
            (6..7, "\t"),
            (0..13, "项目\t金额"),
            (13..13, ""),
            (1..6, ""),
            (0..14, ""),
            #[allow(clippy::reversed_empty_ranges)] // a reversed range is one case
            (7..6, ""),
        ];
        for (range, want) in cases {
            let t = Text::slice(&buf, range.clone());
            assert_eq!(&*t, want, "{range:?}");
            assert_eq!(t, Text::from(want), "{range:?}");
        }
        // A text too long for 32-bit ranges (4 GiB can't be made in a test) is marked so.
        let whole = Text {
            buf: buf.clone(),
            start: 1,
            end: 0,
        };
        assert_eq!(whole.as_str(), "项目\t金额");
        assert_eq!(format!("{:?}", Text::slice(&buf, 0..6)), "\"项目\"");
        assert_eq!(Text::from(String::from("x")).as_str(), "x");
    }
}
