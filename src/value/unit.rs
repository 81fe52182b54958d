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
    ("‰", Dimension::Percent),
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
    ("平方公里", Dimension::Physical),
    ("平米", Dimension::Physical),
    ("立方米", Dimension::Physical),
    ("公里", Dimension::Physical),
    ("千米", Dimension::Physical),
    ("km", Dimension::Physical),
    ("KM", Dimension::Physical),
    ("㎡", Dimension::Physical),
    ("m²", Dimension::Physical),
    ("m³", Dimension::Physical),
    ("米", Dimension::Physical),
    ("公顷", Dimension::Physical),
    ("亩", Dimension::Physical),
    ("吨", Dimension::Physical),
    ("公斤", Dimension::Physical),
    ("千克", Dimension::Physical),
    ("kg", Dimension::Physical),
    ("斤", Dimension::Physical),
    ("方", Dimension::Physical),
    ("千瓦", Dimension::Physical),
    ("人次", Dimension::Count),
    ("户次", Dimension::Count),
    ("台次", Dimension::Count),
    ("车次", Dimension::Count),
    ("架次", Dimension::Count),
    ("班次", Dimension::Count),
    ("场次", Dimension::Count),
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
    ("单", Dimension::Count),
    ("起", Dimension::Count),
    ("宗", Dimension::Count),
    ("例", Dimension::Count),
    ("只", Dimension::Count),
    ("头", Dimension::Count),
    ("株", Dimension::Count),
    ("棵", Dimension::Count),
    ("盏", Dimension::Count),
    ("册", Dimension::Count),
    ("页", Dimension::Count),
    ("卷", Dimension::Count),
    ("本", Dimension::Count),
    ("间", Dimension::Count),
    ("栋", Dimension::Count),
    ("村", Dimension::Count),
    ("校", Dimension::Count),
    ("张", Dimension::Count),
    ("块", Dimension::Count),
    ("口", Dimension::Count),
    ("种", Dimension::Count),
    ("门", Dimension::Count),
    ("课时", Dimension::Count),
    ("学时", Dimension::Count),
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

/// Byte length of the longest listed unit at the start of `s`.
fn longest_listed_prefix(s: &str) -> Option<usize> {
    let first = s.chars().next()?;
    units_by_first()
        .get(&first)?
        .iter()
        .filter(|u| s.starts_with(**u))
        .map(|u| u.len())
        .max()
}

/// Byte length of the longest known unit at the start of `s`: a listed unit, 万 before a
/// unit that is not money (万亩, 万平方米: ten thousand of it), and a unit per another
/// ("元/亩", "万元/个", "次/月"), the other read whole ("元/人次", not the listed "元/人"),
/// with a period after it ("元/人·年", "元/人/月", "元/人月").
pub fn longest_known_prefix(s: &str) -> Option<usize> {
    let mut n = longest_listed_prefix(s)?;
    if let Some(rest) = s.strip_prefix('万') {
        if let Some(k) = longest_listed_prefix(rest)
            .filter(|k| unit_dimension_listed(rest.get(..*k).unwrap_or("")) != Dimension::Money)
        {
            n = n.max('万'.len_utf8() + k);
        } else if n == '万'.len_utf8()
            && rest.starts_with(is_ideograph)
            && !AFTER_WAN.iter().any(|w| rest.starts_with(w))
        {
            // 万 before a word no list knows (万幅): ten thousand of something, not 万元.
            return None;
        }
    }
    // A listed "元/人" is read again from its slash: the denominator may be longer.
    let num_end = s.get(..n).and_then(|u| u.find(['/', '／'])).unwrap_or(n);
    let after = s.get(num_end..).unwrap_or("");
    for slash in ['/', '／'] {
        let Some(den) = after.strip_prefix(slash) else {
            continue;
        };
        let Some(k) = longest_listed_prefix(den) else {
            break;
        };
        let mut m = num_end + slash.len_utf8() + k;
        let tail = s.get(m..).unwrap_or("");
        let period = ["·", "/", "／", ""].iter().find_map(|sep| {
            let t = tail.strip_prefix(sep)?;
            PERIODS
                .iter()
                .find(|p| t.starts_with(**p))
                .map(|p| sep.len() + p.len())
        });
        m += period.unwrap_or(0);
        n = n.max(m);
        break;
    }
    Some(n)
}

/// Words that may follow a money figure's bare 万 (10万以上, 5万左右, 29.6万余元).
const AFTER_WAN: &[&str] = &[
    "以上",
    "以下",
    "左右",
    "及以上",
    "及以下",
    "以内",
    "内",
    "余",
    "多",
    "至",
    "到",
    "或",
    "及",
    "和",
    "每",
];

fn is_ideograph(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c)
}

/// Periods a rate per unit may be counted over (元/人·年).
const PERIODS: &[&str] = &["年", "月", "日", "天", "周", "季度"];

fn unit_dimension_listed(unit: &str) -> Dimension {
    UNITS
        .iter()
        .find(|(u, _)| *u == unit)
        .map_or(Dimension::Unknown, |(_, d)| *d)
}

/// A unit's dimension: a listed unit's; a unit per another has its numerator's (元/亩 is
/// money); 万 before a unit, that unit's.
pub fn unit_dimension(unit: &str) -> Dimension {
    match unit_dimension_listed(unit) {
        Dimension::Unknown => {}
        d => return d,
    }
    if let Some((num, den)) = unit.split_once(['/', '／']) {
        if unit_dimension_listed(den) != Dimension::Unknown {
            return unit_dimension(num);
        }
    }
    match unit.strip_prefix('万') {
        Some(base) if !base.is_empty() => unit_dimension_listed(base),
        _ => Dimension::Unknown,
    }
}

/// The canonical spelling: `％`/`百分比` → `%`, `月份` → `月`, `万` → `万元`.
pub fn canonical_unit(unit: &str) -> std::borrow::Cow<'_, str> {
    use std::borrow::Cow;
    match unit {
        "％" | "百分比" => Cow::Borrowed("%"),
        "月份" => Cow::Borrowed("月"),
        "万" => Cow::Borrowed("万元"),
        "平米" => Cow::Borrowed("平方米"),
        "km" | "KM" | "千米" => Cow::Borrowed("公里"),
        other => match other.split_once(['/', '／']) {
            Some((num, den)) => {
                let (num, den) = (canonical_unit(num), canonical_unit(den));
                Cow::Owned(format!("{num}/{den}"))
            }
            None => Cow::Borrowed(other),
        },
    }
}
