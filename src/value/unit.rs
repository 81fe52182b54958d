//! 计量单位: known units, their dimension and canonical spelling.

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Dimension {
    Percent,
    Money,
    Count,
    Time,
    Physical,
    Unknown,
}

const UNITS: &[(&str, Dimension)] = &[
    ("个百分点", Dimension::Percent),
    ("百分比", Dimension::Percent),
    ("%", Dimension::Percent),
    ("％", Dimension::Percent),
    ("亿元", Dimension::Money),
    ("元/平方米", Dimension::Money),
    ("元/人", Dimension::Money),
    ("元/台", Dimension::Money),
    ("元/次", Dimension::Money),
    ("万人次", Dimension::Count),
    ("万人", Dimension::Count),
    ("万", Dimension::Money),
    ("万元", Dimension::Money),
    ("千元", Dimension::Money),
    ("元", Dimension::Money),
    ("个工作日", Dimension::Time),
    ("个月", Dimension::Time),
    ("工作日", Dimension::Time),
    ("小时", Dimension::Time),
    ("月份", Dimension::Time),
    ("年度", Dimension::Time),
    ("天", Dimension::Time),
    ("日", Dimension::Time),
    ("月", Dimension::Time),
    ("年", Dimension::Time),
    ("季度", Dimension::Time),
    ("分钟", Dimension::Time),
    ("周", Dimension::Time),
    ("号", Dimension::Time),
    ("平方米", Dimension::Physical),
    ("公里", Dimension::Physical),
    ("㎡", Dimension::Physical),
    ("米", Dimension::Physical),
    ("吨", Dimension::Physical),
    ("人次", Dimension::Count),
    ("个", Dimension::Count),
    ("家", Dimension::Count),
    ("项", Dimension::Count),
    ("份", Dimension::Count),
    ("套", Dimension::Count),
    ("次", Dimension::Count),
    ("人", Dimension::Count),
    ("台", Dimension::Count),
    ("辆", Dimension::Count),
    ("件", Dimension::Count),
    ("场", Dimension::Count),
    ("篇", Dimension::Count),
    ("期", Dimension::Count),
    ("批", Dimension::Count),
    ("处", Dimension::Count),
    ("所", Dimension::Count),
    ("户", Dimension::Count),
    ("名", Dimension::Count),
    ("条", Dimension::Count),
    ("座", Dimension::Count),
    ("类", Dimension::Count),
    ("组", Dimension::Count),
];

/// The units by their first character (built once): the lexer asks after every number.
fn units_by_first() -> &'static crate::memo::FastMap<char, Vec<&'static str>> {
    static TABLE: std::sync::OnceLock<crate::memo::FastMap<char, Vec<&'static str>>> =
        std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        let mut t = crate::memo::FastMap::<char, Vec<&'static str>>::default();
        for (u, _) in UNITS {
            if let Some(c) = u.chars().next() {
                t.entry(c).or_default().push(u);
            }
        }
        t
    })
}

/// Byte length of the longest known unit at the start of `s`.
pub fn longest_known_prefix(s: &str) -> Option<usize> {
    let first = s.chars().next()?;
    units_by_first()
        .get(&first)?
        .iter()
        .filter(|u| s.starts_with(**u))
        .map(|u| u.len())
        .max()
}

pub fn unit_dimension(unit: &str) -> Dimension {
    UNITS
        .iter()
        .find(|(u, _)| *u == unit)
        .map_or(Dimension::Unknown, |(_, d)| *d)
}

/// The canonical spelling: `％`/`百分比` → `%`, `月份` → `月`.
pub fn canonical_unit(unit: &str) -> &str {
    match unit {
        "％" | "百分比" => "%",
        "月份" => "月",
        "万" => "万元",
        other => other,
    }
}
