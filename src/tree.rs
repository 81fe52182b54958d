//! The indicator tree a profile expects (一级 → 二级 with synonyms, required parts, minimum counts) and where each indicator of a form sits in it.

use crate::form::{Cell, Indicator, Project};
use crate::json;
use crate::json::Value;
use crate::memo::{Derived, FastMap};
use crate::read::headers::label_key;
use crate::span::has;
use serde::Serialize;

/// 一级 → 二级 as a region's template lays them out. Names are matched on their stem
/// (white space, brackets and a trailing 指标/目标 removed), so 产出目标 and 产出指标 meet.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Tree {
    /// Where the layout comes from (document key of domain.md).
    pub source: String,
    pub level1: Vec<Level1>,
    /// 三级 names with these words belong under one 二级 (满意度 items under 满意度).
    pub keyword_placement: Vec<KeywordPlacement>,
    /// Every name's stem, worked out on first use (once per profile, not per form).
    #[serde(skip)]
    stems: Derived<Stems>,
}

/// The stems of the tree's names and synonyms: per 一级, and per 一级 per 二级.
#[derive(Debug, Clone)]
struct Stems {
    level1: Vec<Vec<String>>,
    level2: Vec<Vec<Vec<String>>>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Level1 {
    pub name: String,
    pub synonyms: Vec<String>,
    /// A form of this profile must have this 一级.
    pub required: bool,
    /// Fewest 二级 a present 一级 must have (e.g. 效益: at least one of 经济/社会/生态).
    pub min_level2: u32,
    /// Its rows are judged against criteria, not by a 指标值 and 实际完成值 (the 决策 and
    /// 过程 parts of an evaluation framework), so those cells may be left blank.
    pub values_optional: bool,
    pub level2: Vec<Level2>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Level2 {
    pub name: String,
    pub synonyms: Vec<String>,
    /// A present parent 一级 must have this 二级.
    pub required: bool,
    /// Fewest 三级 rows a present 二级 must have.
    pub min_level3: u32,
}

impl Tree {
    /// `tree` of a profile's JSON.
    pub(crate) fn from_json(v: &Value, at: &str) -> json::Result<Tree> {
        let mut f = json::Fields::of(v, at)?;
        let tree = Tree {
            source: f.or_default("source", json::string)?,
            level1: f.req("level1", |v, at| json::list(v, at, Level1::from_json))?,
            keyword_placement: f.or_default("keywordPlacement", |v, at| {
                json::list(v, at, KeywordPlacement::from_json)
            })?,
            stems: Derived::default(),
        };
        f.end()?;
        Ok(tree)
    }
}

impl Level1 {
    fn from_json(v: &Value, at: &str) -> json::Result<Level1> {
        let mut f = json::Fields::of(v, at)?;
        let l = Level1 {
            name: f.req("name", json::string)?,
            synonyms: f.or_default("synonyms", json::strings)?,
            required: f.or_default("required", json::boolean)?,
            min_level2: f.or_default("minLevel2", json::uint)?,
            values_optional: f.or_default("valuesOptional", json::boolean)?,
            level2: f.req("level2", |v, at| json::list(v, at, Level2::from_json))?,
        };
        f.end()?;
        Ok(l)
    }
}

impl Level2 {
    fn from_json(v: &Value, at: &str) -> json::Result<Level2> {
        let mut f = json::Fields::of(v, at)?;
        let l = Level2 {
            name: f.req("name", json::string)?,
            synonyms: f.or_default("synonyms", json::strings)?,
            required: f.or_default("required", json::boolean)?,
            min_level3: f.opt("minLevel3", json::uint)?.unwrap_or(1),
        };
        f.end()?;
        Ok(l)
    }
}

impl KeywordPlacement {
    fn from_json(v: &Value, at: &str) -> json::Result<KeywordPlacement> {
        let mut f = json::Fields::of(v, at)?;
        let k = KeywordPlacement {
            words: f.req("words", json::strings)?,
            level2: f.req("level2", json::string)?,
            only_these: f.or_default("onlyThese", json::boolean)?,
        };
        f.end()?;
        Ok(k)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct KeywordPlacement {
    /// Words in a 三级 name, e.g. 满意度, 满意率.
    pub words: Vec<String>,
    /// The 二级 (canonical name) such an indicator belongs under.
    pub level2: String,
    /// The 二级 holds only such indicators: one without the words is out of place there.
    pub only_these: bool,
}

/// The comparable stem of a label: "（二）产出目标：" → "产出".
pub fn stem(label: &str) -> String {
    let n = label_key(label);
    let n = n.trim_start_matches(|c: char| {
        c.is_ascii_digit() || "一二三四五六七八九十、.．".contains(c) || c == '\u{3001}'
    });
    let n = n
        .strip_suffix("指标")
        .or_else(|| n.strip_suffix("目标"))
        .unwrap_or(n);
    n.to_string()
}

/// How a label met a tree entry: by one of its names, or by containing one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Match {
    Exact,
    Contains(usize),
}

/// The best entry for a label: exact before contained, longer contained name first; a tie
/// between different entries is no match.
fn best<T>(items: impl Iterator<Item = (T, Option<Match>)>) -> Option<T>
where
    T: Copy + PartialEq,
{
    let mut found: Option<(T, Match)> = None;
    let mut tie = false;
    for (item, m) in items {
        let Some(m) = m else { continue };
        let rank = |m: Match| match m {
            Match::Exact => usize::MAX,
            Match::Contains(n) => n,
        };
        match found {
            Some((_, f)) if rank(f) > rank(m) => {}
            Some((prev, f)) if rank(f) == rank(m) => tie |= prev != item,
            _ => {
                found = Some((item, m));
                tie = false;
            }
        }
    }
    if tie {
        None
    } else {
        found.map(|(i, _)| i)
    }
}

impl Tree {
    /// A matcher over the tree's stems (worked out on the first call).
    pub fn matcher(&self) -> Matcher<'_> {
        let stems = self.stems.get_or_init(|| {
            let stems = |name: &str, synonyms: &[String]| -> Vec<String> {
                std::iter::once(name)
                    .chain(synonyms.iter().map(String::as_str))
                    .map(stem)
                    .filter(|s| !s.is_empty())
                    .collect()
            };
            Stems {
                level1: self
                    .level1
                    .iter()
                    .map(|l| stems(&l.name, &l.synonyms))
                    .collect(),
                level2: self
                    .level1
                    .iter()
                    .map(|l| {
                        l.level2
                            .iter()
                            .map(|x| stems(&x.name, &x.synonyms))
                            .collect()
                    })
                    .collect(),
            }
        });
        Matcher {
            tree: self,
            level1: &stems.level1,
            level2: &stems.level2,
        }
    }

    pub fn level2(&self, at: (usize, usize)) -> Option<&Level2> {
        self.level1.get(at.0).and_then(|l| l.level2.get(at.1))
    }

    /// The nearest canonical name to an unknown label, when close enough to be a slip.
    pub fn nearest<'t>(label: &str, names: impl Iterator<Item = &'t str>) -> Option<&'t str> {
        let s: Vec<char> = stem(label).chars().collect();
        let mut best: Option<(usize, &str)> = None;
        for n in names {
            let c: Vec<char> = stem(n).chars().collect();
            let d = edit_distance(&s, &c);
            if best.is_none_or(|(b, _)| d < b) {
                best = Some((d, n));
            }
        }
        let limit = (s.len() / 2).max(1);
        best.filter(|(d, _)| *d <= limit).map(|(_, n)| n)
    }
}

/// Finds tree entries for labels, with the entries' stems precomputed.
pub struct Matcher<'t> {
    pub tree: &'t Tree,
    level1: &'t [Vec<String>],
    level2: &'t [Vec<Vec<String>>],
}

/// How a label stem meets one entry's stems.
fn match_stems(label: &str, stems: &[String]) -> Option<Match> {
    if label.is_empty() {
        return None;
    }
    let mut best = None;
    for s in stems {
        let m = if s == label {
            Match::Exact
        } else if s.chars().count() >= 2 && has(label, s) {
            Match::Contains(s.len())
        } else {
            continue;
        };
        best = Some(match (best, m) {
            (Some(Match::Exact), _) | (_, Match::Exact) => Match::Exact,
            (Some(Match::Contains(a)), Match::Contains(b)) => Match::Contains(a.max(b)),
            (None, m) => m,
        });
    }
    best
}

impl Matcher<'_> {
    /// The 一级 entry a label names.
    pub fn find_level1(&self, label: &str) -> Option<usize> {
        let s = stem(label);
        best(
            self.level1
                .iter()
                .enumerate()
                .map(|(i, st)| (i, match_stems(&s, st))),
        )
    }

    /// The 二级 entry a label names, preferring the one under `parent`.
    pub fn find_level2(&self, label: &str, parent: Option<usize>) -> Option<(usize, usize)> {
        let s = stem(label);
        if let Some(p) = parent {
            let under = self.level2.get(p).and_then(|l2| {
                best(
                    l2.iter()
                        .enumerate()
                        .map(|(j, st)| ((p, j), match_stems(&s, st))),
                )
            });
            if under.is_some() {
                return under;
            }
        }
        best(self.level2.iter().enumerate().flat_map(|(i, l2)| {
            let s = &s;
            l2.iter()
                .enumerate()
                .map(move |(j, st)| ((i, j), match_stems(s, st)))
        }))
    }
}

/// Levenshtein distance over chars.
fn edit_distance(a: &[char], b: &[char]) -> usize {
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len().saturating_add(1)];
    for (i, ca) in a.iter().enumerate() {
        if let Some(first) = cur.first_mut() {
            *first = i.saturating_add(1);
        }
        for (j, cb) in b.iter().enumerate() {
            let sub = prev.get(j).copied().unwrap_or(0) + usize::from(ca != cb);
            let del = prev.get(j + 1).copied().unwrap_or(0).saturating_add(1);
            let ins = cur.get(j).copied().unwrap_or(0).saturating_add(1);
            if let Some(slot) = cur.get_mut(j + 1) {
                *slot = sub.min(del).min(ins);
            }
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev.last().copied().unwrap_or(0)
}

/// Where a 二级 sits: (一级 index, 二级 index).
pub type Level2At = (usize, usize);

/// One indicator row (or a heading row of a group) placed in the tree.
#[derive(Debug, Clone)]
pub struct Placed<'a> {
    pub project: usize,
    pub indicator: &'a Indicator,
    /// True for a heading row that only names a 一级/二级 (no 三级 of its own).
    pub heading: bool,
    pub level1: Option<usize>,
    pub level2: Option<(usize, usize)>,
}

impl Placed<'_> {
    pub fn level1_cell(&self) -> Option<&Cell> {
        self.indicator.level1.as_ref().filter(|c| !c.is_blank())
    }

    pub fn level2_cell(&self) -> Option<&Cell> {
        self.indicator.level2.as_ref().filter(|c| !c.is_blank())
    }
}

/// Places every indicator and heading row of the projects in the tree. Labels repeat
/// (filled-down 一级/二级), so each distinct one is looked up once.
pub fn place<'a>(matcher: &Matcher, projects: &'a [Project]) -> Vec<Placed<'a>> {
    let mut out = Vec::new();
    let mut level1_seen: FastMap<&str, Option<usize>> = FastMap::default();
    let mut level2_seen: FastMap<(&str, Option<usize>), Option<Level2At>> = FastMap::default();
    for (p, project) in projects.iter().enumerate() {
        let rows = project
            .indicators
            .iter()
            .map(|i| (i, false))
            .chain(project.headings.iter().map(|i| (i, true)));
        for (ind, heading) in rows {
            let level1 = ind.level1.as_ref().filter(|c| !c.is_blank()).and_then(|c| {
                *level1_seen
                    .entry(&c.text)
                    .or_insert_with(|| matcher.find_level1(&c.text))
            });
            let level2 = ind.level2.as_ref().filter(|c| !c.is_blank()).and_then(|c| {
                *level2_seen
                    .entry((&c.text, level1))
                    .or_insert_with(|| matcher.find_level2(&c.text, level1))
            });
            out.push(Placed {
                project: p,
                indicator: ind,
                heading,
                level1,
                level2,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tree() -> Tree {
        let v = crate::json::parse(
            r#"{"level1":[
              {"name":"产出指标","synonyms":["产出"],"level2":[
                {"name":"数量指标"},{"name":"质量指标"},{"name":"时效指标","synonyms":["产出进度指标"]}]},
              {"name":"效益指标","synonyms":["效果指标"],"level2":[
                {"name":"社会效益指标"},{"name":"生态效益指标","synonyms":["环境效益指标"]}]},
              {"name":"满意度指标","level2":[
                {"name":"服务对象满意度指标","synonyms":["社会公众或服务对象满意度指标","满意度"]}]}]}"#,
        )
        .unwrap();
        Tree::from_json(&v, "tree").unwrap()
    }

    #[test]
    fn stems_drop_suffixes_brackets_and_numbering() {
        for (label, want) in [
            ("产出目标", "产出"),
            ("产出指标", "产出"),
            ("（二）质量指标：", "质量"),
            ("1.数量", "数量"),
            ("<p>时效</p>", "时效"),
            ("服务对象满意度指标（10分）", "服务对象满意度"),
        ] {
            assert_eq!(stem(label), want, "{label}");
        }
    }

    #[test]
    fn finds_entries_by_name_synonym_or_containment() {
        let tree = tree();
        let t = tree.matcher();
        let cases = [
            ("效果目标", Some(1)),
            ("产出", Some(0)),
            ("满意度", Some(2)),
            ("影响力目标", None),
        ];
        for (label, want) in cases {
            assert_eq!(t.find_level1(label), want, "{label}");
        }
        assert_eq!(t.find_level2("环境效益指标", Some(1)), Some((1, 1)));
        assert_eq!(t.find_level2("产出进度", Some(0)), Some((0, 2)));
        assert_eq!(t.find_level2("群众满意度", None), Some((2, 0)));
        assert_eq!(t.find_level2("社会效益", Some(0)), Some((1, 0)));
        assert_eq!(t.find_level2("长效管理", Some(0)), None);
    }

    #[test]
    fn suggests_near_names_only() {
        let names = ["产出指标", "效益指标", "满意度指标"];
        assert_eq!(
            Tree::nearest("效率指标", names.iter().copied()),
            Some("效益指标")
        );
        assert_eq!(Tree::nearest("影响力目标", names.iter().copied()), None);
    }

    #[test]
    fn edit_distance_counts_chars() {
        let d = |a: &str, b: &str| {
            edit_distance(
                &a.chars().collect::<Vec<_>>(),
                &b.chars().collect::<Vec<_>>(),
            )
        };
        assert_eq!(d("效益", "效益"), 0);
        assert_eq!(d("效率", "效益"), 1);
        assert_eq!(d("", "产出"), 2);
        assert_eq!(d("数量", ""), 2);
    }
}
