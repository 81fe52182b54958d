//! A report's claims that the funds were paid out in full (资金已全部拨付, 发放到位), which R007 holds against the report's figures and R009 asks figures for.

/// Phrases saying every yuan went out. 资金到位 / 拨付到位 are left out: they often say the
/// funds reached the unit, not that the unit spent them.
const FULL_PAYMENT: &[&str] = &[
    "全部拨付",
    "足额拨付",
    "拨付完毕",
    "支付完毕",
    "全部兑付",
    "全部支出",
    "全额拨付",
    "全部支付",
    "全额支付",
    "全部发放",
    "全额发放",
    "发放到位",
    "支付到位",
    "全部使用完毕",
    "已全部使用",
];

/// Whether the phrase at byte `at` of `line` claims the funds were spent: not denied
/// (尚未全部拨付, 未能全部支付), not funds passed down to another body (已全部拨付至县水务局),
/// and said of the funds, not of one line of them (其中…) or of leaflets (宣传资料发放到位).
fn is_claim(line: &str, at: usize, phrase: &str) -> bool {
    let said = clause(line, at);
    let before: String = line.get(..at).unwrap_or("").chars().rev().take(4).collect();
    let denied = ["未", "没", "不", "尚"].iter().any(|n| before.contains(n));
    let after = line.get(at.saturating_add(phrase.len())..).unwrap_or("");
    let passed_down =
        ["至", "到", "给"].iter().any(|p| after.starts_with(p)) && !after.starts_with("到位");
    let of_funds = ["资金", "经费", "款", "万元", "元"]
        .iter()
        .any(|w| crate::span::has(said, w));
    let sentence_start = line
        .get(..at)
        .and_then(|h| h.rfind(['。', '；', ';']))
        .and_then(|b| b.checked_add(line.get(b..)?.chars().next()?.len_utf8()))
        .unwrap_or(0);
    let one_line_of_them = line
        .get(sentence_start..at)
        .is_some_and(|s| s.trim_start().starts_with("其中"));
    !denied && !passed_down && of_funds && !one_line_of_them
}

/// The clause around byte `at` of `line`, between the punctuation that bounds it.
fn clause(line: &str, at: usize) -> &str {
    line.get(clause_range(line, at)).unwrap_or(line)
}

/// The byte range of [`clause`] in `line`, blanks at its ends left out.
fn clause_range(line: &str, at: usize) -> std::ops::Range<usize> {
    let stops = ['。', '；', ';', '，', ','];
    let start = line
        .get(..at)
        .and_then(|h| h.rfind(stops))
        .and_then(|b| {
            line.get(b..)
                .and_then(|s| s.chars().next())
                .map(|c| b.saturating_add(c.len_utf8()))
        })
        .unwrap_or(0);
    let end = line
        .get(at..)
        .and_then(|t| t.find(['。', '；', ';']))
        .map_or(line.len(), |b| at.saturating_add(b));
    let Some(raw) = line.get(start..end) else {
        return 0..line.len();
    };
    let start = start.saturating_add(raw.len().saturating_sub(raw.trim_start().len()));
    let end = end.saturating_sub(raw.len().saturating_sub(raw.trim_end().len()));
    start..end.max(start)
}

/// The byte range of the line of `text` that holds byte `at`, without its line break.
fn line_around(text: &str, at: usize) -> Option<(usize, usize)> {
    let start = text
        .get(..at)?
        .rfind('\n')
        .map_or(0, |b| b.saturating_add(1));
    let end = text
        .get(at..)?
        .find('\n')
        .map_or(text.len(), |b| at.saturating_add(b));
    Some((start, end))
}

/// The report's first claim that the funds were paid out in full: its line and character
/// column (1-based) and the clause that says it, as written. Words are matched on `folded`,
/// the text with traditional characters folded (資金已全部支付到位; `hanzi::fold`, which
/// keeps byte positions), the clause cut from the original. Each word is searched for in
/// the whole text once: searching line by line built a searcher per line and word, a fifth
/// of seed 003's check.
pub(super) fn first_claim(text: &str, folded: &str) -> Option<(u32, u32, String)> {
    let mut first: Option<usize> = None;
    for w in FULL_PAYMENT {
        for (at, _) in folded.match_indices(w) {
            if first.is_some_and(|f| f <= at) {
                break;
            }
            let (start, end) = line_around(folded, at)?;
            if is_claim(folded.get(start..end)?, at.saturating_sub(start), w) {
                first = Some(at);
                break;
            }
        }
    }
    let at = first?;
    let (start, end) = line_around(folded, at)?;
    let (l, f) = (text.get(start..end)?, folded.get(start..end)?);
    let at = at.saturating_sub(start);
    let row = folded.get(..start)?.matches('\n').count().checked_add(1)?;
    let col = l.get(..at).map_or(0, |p| p.chars().count());
    let row = u32::try_from(row).ok()?;
    let col = u32::try_from(col).ok()?.checked_add(1)?;
    let said = l.get(clause_range(f, at)).unwrap_or(l);
    Some((row, col, said.to_string()))
}

#[cfg(test)]
mod tests {
    use super::clause;

    #[test]
    fn claims_are_of_the_funds_spent() {
        use super::is_claim;
        for (line, phrase, claim) in [
            (
                "衔接资金2179万元目前已全部拨付,及时安排到相关项目",
                "全部拨付",
                true,
            ),
            (
                "执行率88.33%，资金尚未全部拨付，剩余17.5万元",
                "全部拨付",
                false,
            ),
            ("剩余资金未能全部支付。", "全部支付", false),
            (
                "县财政局收到上级资金150万元后，已全部拨付至县水务局。",
                "全部拨付",
                false,
            ),
            ("其中，水质检测费12万元已全额支付。", "全额支付", false),
            ("宣传资料发放到位。", "发放到位", false),
            (
                "资金按方案分配到各乡镇，资金已全部拨付到位。",
                "全部拨付",
                true,
            ),
        ] {
            let at = line.find(phrase).unwrap_or(0);
            assert_eq!(is_claim(line, at, phrase), claim, "{line}");
        }
    }

    #[test]
    fn the_clause_is_bounded_by_punctuation() {
        let line = "1、资金到位情况。衔接资金2179万元目前已全部拨付,及时安排到相关项目。";
        let at = line.find("全部拨付").unwrap_or(0);
        assert_eq!(
            clause(line, at),
            "衔接资金2179万元目前已全部拨付,及时安排到相关项目"
        );
    }
}
