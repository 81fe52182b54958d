//! Column roles from header text and its synonyms, and the words that mark titles, key–value labels and fund sources.

use crate::form::{FundSource, MoneyUnit, Role};
use crate::span::has;

/// Whether a byte can start a character [`normalize_label`] strips: ASCII blanks, brackets,
/// colon, asterisk and `<`; the lead bytes of U+0085/U+00A0 (C2), U+1680 (E1),
/// U+2000–U+205F (E2), U+3000 and 【】 (E3), and the full-width （）： (EF).
fn may_be_stripped(b: u8) -> bool {
    matches!(
        b,
        b'\t'..=b'\r' | b' ' | b'(' | b')' | b'*' | b':' | b'<' | b'[' | b']'
    ) || matches!(b, 0xC2 | 0xE1..=0xE3 | 0xEF)
}

/// [`normalize_label`], borrowing the text itself when there is nothing to strip (most
/// labels and indicator names), for keys that are compared, not kept. Decided by bytes.
pub fn label_key(text: &str) -> std::borrow::Cow<'_, str> {
    if text.bytes().any(may_be_stripped) {
        std::borrow::Cow::Owned(normalize_label(text))
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

/// Whether a cell is short enough to be a label, header or fund-source name. The longest
/// seen on real forms is under 30 characters once its bracketed notes are stripped; a cell
/// of more than 64 characters (192 bytes of Chinese) is a value or prose, and is not
/// normalised to be looked up (seed 001's long 概况 cells were 18 % of its check).
pub fn may_be_label(text: &str) -> bool {
    text.len() <= 192
}

/// Strips white space, HTML paragraph tags and bracketed notes such as "（A）", "(万元)".
pub fn normalize_label(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut depth = 0u32;
    let stripped;
    let t = if text.contains('<') {
        stripped = text.replace("<p>", "").replace("</p>", "");
        stripped.as_str()
    } else {
        text
    };
    for ch in t.chars() {
        match ch {
            '(' | '（' | '[' | '【' => depth = depth.saturating_add(1),
            ')' | '）' | ']' | '】' => depth = depth.saturating_sub(1),
            c if depth == 0 && !c.is_whitespace() && c != '：' && c != ':' && c != '*' => {
                out.push(c)
            }
            _ => {}
        }
    }
    out
}

/// Header synonyms, checked in order: the first whose words all occur wins.
const ROLE_SYNONYMS: &[(&[&str], Role)] = &[
    (&["序号"], Role::Index),
    (&["单位名称"], Role::UnitName),
    (&["项目名称"], Role::ProjectName),
    (&["整体完成情况"], Role::Overall),
    (&["目标完成情况"], Role::Overall),
    (&["执行率"], Role::Rate),
    (&["支付进度"], Role::Rate),
    (&["执行进度"], Role::Rate),
    (&["预计执行"], Role::Forecast),
    (&["预计完成"], Role::ForecastActual),
    (&["可能性"], Role::Likelihood),
    (&["年初预算"], Role::BudgetInitial),
    (&["全年预算"], Role::BudgetAdjusted),
    (&["调整后预算"], Role::BudgetAdjusted),
    (&["年度预算金额"], Role::BudgetAdjusted),
    (&["年度预算数"], Role::BudgetAdjusted),
    (&["全年执行数"], Role::Executed),
    (&["执行数"], Role::Executed),
    (&["一级"], Role::Level1),
    (&["二级"], Role::Level2),
    (&["三级"], Role::Level3),
    (&["指标名称"], Role::Level3),
    (&["指标性质"], Role::Nature),
    // Comparator columns by other names (pmkpi's 计算符号; 乌海's 指标方向; 岳阳's
    // 指标值类型, holding 定量/定性): never the 指标值 itself.
    (&["计算符号"], Role::Nature),
    (&["指标方向"], Role::Nature),
    (&["指标值类型"], Role::Nature),
    (&["度量单位"], Role::Unit),
    (&["计量单位"], Role::Unit),
    (&["指标解释"], Role::Explanation),
    (&["指标说明"], Role::Explanation),
    (&["指标值说明"], Role::Explanation),
    (&["实际完成值"], Role::Actual),
    (&["完成值"], Role::Actual),
    (&["实际值"], Role::Actual),
    (&["完成情况"], Role::Actual),
    (&["指标值"], Role::Target),
    (&["目标值"], Role::Target),
    (&["指标内容"], Role::Target),
    (&["分值"], Role::Weight),
    (&["权重"], Role::Weight),
    (&["得分"], Role::Score),
    (&["偏差原因"], Role::DeviationReason),
    (&["未完成原因"], Role::DeviationReason),
    (&["原因"], Role::Reason),
    (&["存在的问题"], Role::Problems),
    (&["存在问题"], Role::Problems),
    (&["整改"], Role::Rectification),
    (&["改进措施"], Role::Rectification),
    (&["年初绩效目标"], Role::Goal),
    (&["年度目标"], Role::Goal),
];

/// Header cells are short; a longer cell is data (an indicator name, a sentence).
const MAX_HEADER_CHARS: usize = 40;

/// Whether a cell is short enough to be a header by its bytes alone (a char is at most 4
/// bytes): the longer ones, sentences, need not be searched for header words.
pub fn may_be_header(text: &str) -> bool {
    text.len() <= MAX_HEADER_CHARS * 4
}

/// The characters of a text as a 128-bit set (code point mod 128), with its length in
/// chars: a word can only occur in a text whose set holds every bit of the word's.
fn char_set(text: &str) -> (u128, usize) {
    text.chars().fold((0, 0), |(set, n), c| {
        (set | 1u128 << (u32::from(c) % 128), n + 1)
    })
}

/// The character set of each entry of `ROLE_SYNONYMS` (all its words), worked out once.
fn synonym_sets() -> &'static [u128] {
    static SETS: std::sync::OnceLock<Vec<u128>> = std::sync::OnceLock::new();
    SETS.get_or_init(|| {
        ROLE_SYNONYMS
            .iter()
            .map(|(words, _)| words.iter().fold(0, |set, w| set | char_set(w).0))
            .collect()
    })
}

/// The role a header cell announces, if any.
pub fn role_of(header: &str) -> Option<Role> {
    if !may_be_header(header) {
        return None;
    }
    // 评分标准 exactly: 绩效指标评价标准 heads a block of grading bands (优 | 良 | 中 | 差).
    if header.contains("标准") && ["评分标准", "评价标准"].contains(&label_key(header).as_ref())
    {
        return Some(Role::Criterion);
    }
    let (set, chars) = char_set(header);
    if chars > MAX_HEADER_CHARS {
        return None;
    }
    // Most cells hold none of the synonyms' characters: no label is built for them.
    let sets = synonym_sets();
    let could = |s: &u128| s & set == *s;
    if !sets.iter().any(could) {
        return None;
    }
    let n = label_key(header);
    ROLE_SYNONYMS
        .iter()
        .zip(sets)
        .find(|((words, _), s)| could(s) && words.iter().all(|w| has(&n, w)))
        .map(|((_, r), _)| *r)
        .or_else(|| scrambled_role(&n))
}

/// Header words whose characters an OCR'd header may hold in another order: a title
/// written on two lines of a narrow merged cell (参考 / 分值) is read back as 考值参分.
const SCRAMBLED: &[(&str, Role)] = &[
    ("参考分值", Role::Weight),
    ("指标分值", Role::Weight),
    ("实际完成值", Role::Actual),
    ("全年实际值", Role::Actual),
    ("年度指标值", Role::Target),
    ("偏差原因", Role::DeviationReason),
];

/// The role of a short header holding exactly the characters of one of [`SCRAMBLED`].
fn scrambled_role(n: &str) -> Option<Role> {
    let count = n.chars().count();
    if !(4..=6).contains(&count) {
        return None;
    }
    let sorted = |t: &str| {
        let mut v: Vec<char> = t.chars().collect();
        v.sort_unstable();
        v
    };
    let mine = sorted(n);
    SCRAMBLED
        .iter()
        .find(|(w, _)| sorted(w) == mine)
        .map(|(_, r)| *r)
}

/// Fund sources by their row label (central, Sichuan and summary layouts).
pub fn fund_source_of(label: &str) -> Option<FundSource> {
    if !may_be_label(label) {
        return None;
    }
    let n = label_key(label);
    let n = n.trim_start_matches("其中");
    // Labels about money that are not amounts: 部门预算编码, 资金名称, 资金管理情况, 资金来源.
    if NOT_AMOUNT_WORDS.iter().any(|w| crate::span::has(n, w)) || n.chars().count() > 24 {
        return None;
    }
    Some(
        if n.contains("总额") || n == "合计" || n.contains("总预算") || n == "年度金额" {
            FundSource::Total
        } else if n.contains("非财政") {
            FundSource::NonFiscal
        } else if n.contains("财政拨款") || n == "财政资金" {
            FundSource::Fiscal
        } else if n.contains("上年结转") {
            FundSource::CarryOver
        } else if n.contains("其他资金") || n.contains("其它资金") {
            FundSource::Other
        } else if n.contains("资金") || n.contains("预算") || ["项目支出", "基本支出"].contains(&n)
        {
            FundSource::Named(n.to_string())
        } else {
            return None;
        },
    )
}

/// The names a fund source under the total is given on the standard forms.
const STANDARD_SOURCES: &[&str] = &[
    "财政拨款",
    "财政资金",
    "财政专款",
    "其他资金",
    "上年结转",
    "上年结余",
    "非财政拨款",
    "非财政资金",
    "自有资金",
    "自筹资金",
    "专项资金",
];

/// Whether `name` is one of the standard fund sources (自筹资金, 上年结余 …).
pub fn is_standard_source(name: &str) -> bool {
    STANDARD_SOURCES.contains(&name)
}

/// The standard source name `name` is one character off (财政投款 → 财政拨款), if it is not
/// a standard name itself.
pub fn misspelled_source(name: &str) -> Option<&'static str> {
    if STANDARD_SOURCES.contains(&name) {
        return None;
    }
    STANDARD_SOURCES.iter().copied().find(|s| {
        let (a, b): (Vec<char>, Vec<char>) = (name.chars().collect(), s.chars().collect());
        a.len() == b.len() && a.iter().zip(&b).filter(|(x, y)| x != y).count() == 1
    })
}

/// Words that make a money label something other than an amount.
pub const NOT_AMOUNT_WORDS: &[&str] = &[
    "编码", "代码", "名称", "情况", "来源", "用途", "性质", "类别", "方式", "依据",
];

/// Words that make a one-cell row the title of a form.
const TITLE_WORDS: &[&str] = &[
    "绩效目标表",
    "绩效自评表",
    "自评表",
    "监控表",
    "目标申报表",
    "目标审批表",
];

pub fn is_title(text: &str) -> bool {
    let t = text.trim();
    // "附件3：部门整体支出绩效评价基础数据表": the attachment number is not the title.
    let t = match t.split_once([':', '：']) {
        Some((head, rest)) if head.starts_with("附") && head.chars().count() <= 5 => rest.trim(),
        _ => t,
    };
    let performance_table =
        has(t, "绩效") && (t.ends_with('表') || t.ends_with("表）")) && !has(t, "，");
    t.chars().count() <= 60
        && (TITLE_WORDS.iter().any(|w| has(t, w)) || performance_table || has(t, "监控分析表"))
}

/// Header-field labels (after [`normalize_label`]) by the field they name: the key a form's
/// field gets, then the labels publishers write for it. A label names the field when it is
/// one of these, or one of these followed by 及…/和… (主管部门及代码, 项目负责人及电话).
const FIELD_ALIASES: &[(&str, &[&str])] = &[
    (
        "项目名称",
        &[
            "项目名称",
            "专项名称",
            "专项资金名称",
            "转移支付名称",
            "项目资金名称",
            "资金名称",
        ],
    ),
    (
        "主管部门",
        &[
            "主管部门",
            "主管预算部门",
            "中央主管部门",
            "地方主管部门",
            "省级主管部门",
            "市级主管部门",
            "县级主管部门",
        ],
    ),
    ("实施单位", &["实施单位", "项目实施单位", "资金使用单位"]),
    ("项目负责人", &["项目负责人", "负责人"]),
    ("项目期", &["项目期", "实施期限", "项目实施期", "项目周期"]),
    ("项目属性", &["项目属性"]),
    // What the department or project is for: a goal that copies it states no goal (S026).
    (
        "职能职责",
        &[
            "部门职能职责概述",
            "部门职能职责",
            "职能职责概述",
            "部门职责",
            "职能职责",
        ],
    ),
    ("项目概况", &["项目概况", "项目概述", "项目简介"]),
    (
        "年度目标",
        &[
            "年度目标",
            "年度总体目标",
            "总体目标",
            "年度绩效总目标",
            "年度绩效目标",
        ],
    ),
    (
        "自评得分",
        &["自评得分", "自评总分", "综合得分", "评价得分"],
    ),
    (
        "其他需要说明事项",
        &["其他需要说明事项", "其他需说明事项", "说明", "备注"],
    ),
];

/// The field a header label names ([`FIELD_ALIASES`]); `norm` is already normalised.
pub fn field_key(norm: &str) -> Option<&'static str> {
    FIELD_ALIASES.iter().find_map(|(key, aliases)| {
        aliases
            .iter()
            .any(|a| {
                norm.strip_prefix(a)
                    .is_some_and(|rest| rest.is_empty() || rest.starts_with(['及', '和']))
            })
            .then_some(*key)
    })
}

/// Header fields a filled-in form must not leave empty (S007), by their key.
pub const REQUIRED_FIELDS: &[&str] = &["项目名称", "主管部门", "实施单位", "项目负责人"];

/// Labels that are header fields even without a colon.
pub const KNOWN_KEYS: &[&str] = &[
    "项目名称",
    "申报单位名称",
    "单位名称",
    "主管部门",
    "实施单位",
    "部门名称",
    "项目类别",
    "项目负责人",
    "年度目标完成情况",
    "评价结论",
    "存在问题",
    "存在的问题",
    "改进措施",
    "整改措施",
    "执行率未达到90%原因",
    "预算调整原因",
];

/// A money unit named in a label or a line: "单位：万元", "(元)", "金额单位:万元".
pub fn money_unit_in(text: &str) -> Option<MoneyUnit> {
    let t: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let after = |marker: &str| {
        t.find(marker)
            .map(|i| t.get(i + marker.len()..).unwrap_or(""))
    };
    let unit_word = |s: &str| {
        [
            ("亿元", MoneyUnit::Yiyuan),
            ("万元", MoneyUnit::Wanyuan),
            ("千元", MoneyUnit::Qianyuan),
            ("元", MoneyUnit::Yuan),
        ]
        .into_iter()
        .find(|(w, _)| s.starts_with(w))
        .map(|(_, u)| u)
    };
    for marker in ["单位：", "单位:", "（", "("] {
        if let Some(u) = after(marker).and_then(unit_word) {
            return Some(u);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_label_key_is_the_normalised_label() {
        let mut cases: Vec<String> = [
            "培训人数",
            "培训人数)",
            "培训人数（人次）",
            "【一】产出",
            "总分：",
            "*满意度",
            "<p>项目名称</p>",
            "a<b",
            "Ａ１",
            "",
        ]
        .map(String::from)
        .to_vec();
        // Every white space character, inside a label.
        cases.extend(
            (0..=0x3000u32)
                .filter_map(char::from_u32)
                .filter(|c| c.is_whitespace())
                .map(|c| format!("指标{c}名称")),
        );
        for text in &cases {
            assert_eq!(label_key(text), normalize_label(text), "{text:?}");
        }
    }

    #[test]
    fn finds_roles_from_synonyms() {
        let cases = [
            ("全年预算数（A）", Some(Role::BudgetAdjusted)),
            ("全年执行数（B）", Some(Role::Executed)),
            ("执行率（B/A）", Some(Role::Rate)),
            ("预算支出执行率", Some(Role::Rate)),
            ("项目年度预算金额", Some(Role::BudgetAdjusted)),
            ("年度预算数(万元)", Some(Role::BudgetAdjusted)),
            ("绩效目标整体完成情况", Some(Role::Overall)),
            ("年度指标内容", Some(Role::Target)),
            ("指标目标值", Some(Role::Target)),
            ("一级目标", Some(Role::Level1)),
            ("全年实际值(B)", Some(Role::Actual)),
            ("计算符号", Some(Role::Nature)),
            ("指标值类型", Some(Role::Nature)),
            ("指标值说明", Some(Role::Explanation)),
            ("指标名称", Some(Role::Level3)),
            ("考值参分", Some(Role::Weight)),
            ("值分参考", Some(Role::Weight)),
            ("考参分", None),
            ("偏差原因分析及改进措施", Some(Role::DeviationReason)),
            ("度量单位", Some(Role::Unit)),
            ("项目执行中存在的问题", Some(Role::Problems)),
            ("备注", None),
            // A scoring table's 评分情况 is remarks beside its 得分 (a table of evaluated
            // projects reads it as the score: read::projects).
            ("评分情况", None),
            ("评价标准", Some(Role::Criterion)),
            ("绩效指标评价标准", None),
            ("资金规模", None),
        ];
        for (text, want) in cases {
            assert_eq!(role_of(text), want, "{text}");
        }
    }

    #[test]
    fn finds_money_units() {
        assert_eq!(money_unit_in("单位：万元"), Some(MoneyUnit::Wanyuan));
        assert_eq!(money_unit_in("金额单位:万元"), Some(MoneyUnit::Wanyuan));
        assert_eq!(money_unit_in("项目总预算（元）："), Some(MoneyUnit::Yuan));
        assert_eq!(money_unit_in("项目资金(万元)"), Some(MoneyUnit::Wanyuan));
        assert_eq!(money_unit_in("单位名称：某局"), None);
    }
}
