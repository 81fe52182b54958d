//! Cross-form rules (family X): a 自评表 or 监控表 against the approved 目标表 of the same project in the same input, and what they share: matching forms and indicators.

pub mod approved_indicator_dropped;
pub mod funding_differs_from_approved;
pub mod indicator_not_in_approved_targets;
pub mod target_value_changed;

use crate::form::{Cell, Form, FormKind, Indicator};
use crate::memo::FastMap as HashMap;
use crate::read::headers::normalize_label;
use crate::rules::Context;
use crate::tree::stem;

/// The approved 目标表 for the form being checked: a target form of the same project
/// (names compared without white space, brackets or HTML tags).
pub fn approved<'a>(cx: &Context<'a>) -> Option<(usize, &'a Form)> {
    if !matches!(
        cx.form.kind,
        FormKind::SelfEvaluation | FormKind::Monitoring
    ) {
        return None;
    }
    let name = normalize_label(&cx.form.display_name()?);
    if name.is_empty() {
        return None;
    }
    cx.forms.iter().enumerate().find(|(_, f)| {
        f.kind == FormKind::Target
            && f.display_name()
                .is_some_and(|n| normalize_label(&n) == name)
    })
}

/// How an indicator is known across forms: its 二级 stem and its 三级 name.
pub fn key(ind: &Indicator) -> Option<(String, String)> {
    let name = ind.level3.as_ref().filter(|c| !c.is_blank())?;
    let group = ind
        .level2
        .as_ref()
        .map(|c| stem(&c.text))
        .unwrap_or_default();
    Some((group, normalize_label(&name.text)))
}

/// An indicator's key across forms.
pub type Key = (String, String);

/// Indicators of `form` (every project) with their keys, in order.
pub fn keyed(form: &Form) -> Vec<(Key, &Indicator)> {
    form.projects
        .iter()
        .flat_map(|p| p.indicators.iter())
        .filter(|i| !i.midterm)
        .filter_map(|i| key(i).map(|k| (k, i)))
        .collect()
}

/// The keys of `rows`, for lookups.
pub fn keys<'k, 'a>(rows: &'k [(Key, &'a Indicator)]) -> HashMap<&'k Key, &'a Indicator> {
    let mut m = HashMap::default();
    for (k, i) in rows {
        m.entry(k).or_insert(*i);
    }
    m
}

/// Similarity of two names by shared character pairs (Dice): 1 is identical.
pub fn similarity(a: &str, b: &str) -> u32 {
    let pairs = |s: &str| -> Vec<(char, char)> {
        let c: Vec<char> = s.chars().collect();
        c.windows(2)
            .filter_map(|w| match w {
                [x, y] => Some((*x, *y)),
                _ => None,
            })
            .collect()
    };
    let (pa, mut pb) = (pairs(a), pairs(b));
    let total = pa.len().saturating_add(pb.len());
    if total == 0 {
        return if a == b { 100 } else { 0 };
    }
    let mut shared = 0usize;
    for p in &pa {
        if let Some(i) = pb.iter().position(|q| q == p) {
            pb.swap_remove(i);
            shared = shared.saturating_add(1);
        }
    }
    shared
        .saturating_mul(200)
        .checked_div(total)
        .and_then(|s| u32::try_from(s).ok())
        .unwrap_or(0)
}

/// An added indicator that looks like a renamed approved one: same 二级, names at least
/// half alike, and the approved one not kept under its own name.
pub fn renamed_from<'a>(
    added: &(Key, &Indicator),
    approved: &[(Key, &'a Indicator)],
    current: &HashMap<&Key, &Indicator>,
) -> Option<&'a Indicator> {
    let ((group, name), _) = added;
    approved
        .iter()
        .filter(|(k, _)| k.0 == *group && !current.contains_key(k))
        .map(|((_, n), i)| (similarity(name, n), *i))
        .filter(|(s, _)| *s >= 50)
        .max_by_key(|(s, _)| *s)
        .map(|(_, i)| i)
}

/// A 自评表 and its approved 目标表, their indicators keyed on both sides.
pub struct Pair<'a> {
    /// Index of the approved form in the input.
    pub at: usize,
    pub approved: Vec<(Key, &'a Indicator)>,
    pub current: Vec<(Key, &'a Indicator)>,
}

impl<'a> Pair<'a> {
    /// The pair for the form being checked, when it has an approved form in the input.
    pub fn of(cx: &Context<'a>) -> Option<Pair<'a>> {
        let (at, target_form) = approved(cx)?;
        Some(Pair {
            at,
            approved: keyed(target_form),
            current: keyed(cx.form),
        })
    }

    /// Indicators of the 自评表 the 目标表 lacks, each with the approved one it seems
    /// renamed from.
    pub fn added(&self) -> Vec<(&'a Indicator, Option<&'a Indicator>)> {
        let approved = keys(&self.approved);
        let current = keys(&self.current);
        self.current
            .iter()
            .filter(|(k, _)| !approved.contains_key(k))
            .map(|a| (a.1, renamed_from(a, &self.approved, &current)))
            .collect()
    }

    /// Approved indicators the 自评表 leaves out (not merely renamed).
    pub fn dropped(&self) -> Vec<&'a Indicator> {
        let current = keys(&self.current);
        let renamed: Vec<*const Indicator> = self
            .added()
            .into_iter()
            .filter_map(|(_, from)| from.map(|i| i as *const Indicator))
            .collect();
        self.approved
            .iter()
            .filter(|(k, i)| {
                !current.contains_key(k) && !renamed.contains(&(*i as *const Indicator))
            })
            .map(|(_, i)| *i)
            .collect()
    }

    /// Indicators on both sides: (in the 自评表, in the 目标表).
    pub fn matched(&self) -> Vec<(&'a Indicator, &'a Indicator)> {
        let approved = keys(&self.approved);
        self.current
            .iter()
            .filter_map(|(k, i)| approved.get(k).map(|a| (*i, *a)))
            .collect()
    }
}

/// The 三级 cell of an indicator (every keyed indicator has one).
pub fn name_cell(ind: &Indicator) -> Option<&Cell> {
    ind.level3.as_ref()
}

#[cfg(test)]
mod tests {
    use super::similarity;

    #[test]
    fn similarity_counts_shared_pairs() {
        assert_eq!(similarity("培训人次", "培训人次"), 100);
        assert_eq!(similarity("培训人次", "培训场次"), 33);
        assert!(similarity("建材监督抽检合格率", "建材抽检合格率") >= 50);
        assert_eq!(similarity("数量", "满意度"), 0);
    }
}
