//! V008: full-width digits or comparators, a unit spelled out ("＞＝９０％", "100百分比"), or money in a bare 万 (29.6万), with a safe fix.
//!
//! 检查内容：比较符号、数字和 % 使用标准半角写法。
//! 原因：系统导入和汇总按标准字符识别，全角字符可能被判为无效。
//! 错误示例：“＞＝９０％”、“=100百分比”。
//! 正确示例：“≥90%”、“=100%”。

use super::{issues_of, report};
use crate::diagnostic::{Diagnostic, Msg};
use crate::form::Role;
use crate::rules::registry::Code;
use crate::rules::{Context, Reads, Rule};
use crate::value::parser::IssueKind;

pub struct NonstandardSpelling;

impl NonstandardSpelling {
    /// Money written with a bare 万 (`≤620万/月`, `29.6万`): 万元 is the unit.
    fn bare_wan(&self, cx: &Context, v: &super::ValueCell) -> Option<Diagnostic> {
        let p = &v.parsed.value;
        let unit = p.unit.as_deref()?;
        let bare = unit == "万" || unit.starts_with("万/") || unit.starts_with("万／");
        // The 万 right after the figure (620万), not a word (十万就业人口).
        let chars: Vec<char> = v.cell.trimmed().chars().collect();
        let after_figure = chars.windows(3).any(|w| match w {
            [d, '万', next] => (d.is_ascii_digit() || ('０'..='９').contains(d)) && *next != '元',
            _ => false,
        }) || chars.ends_with(&['万']) && chars.len() >= 2;
        if !bare || !after_figure || v.split || p.value.is_none() {
            return None;
        }
        let t = v.cell.trimmed();
        let canonical = p.normalized.clone();
        Some(
            report(
                cx,
                v,
                self.code(),
                None,
                Msg::new(
                    format!(
                        "{}“{t}”的金额单位只写了“万”，标准写法为“{canonical}”",
                        v.what_zh()
                    ),
                    format!(
                        "{} \"{t}\" writes 万 for 万元; the standard form is \"{canonical}\"",
                        v.what_en()
                    ),
                ),
                Msg::new(
                    "金额单位写“万元”或“元”",
                    "Write 万元 or 元 as the money unit",
                ),
            )
            .with_fix(super::fix(
                canonical,
                crate::diagnostic::Applicability::Safe,
            )),
        )
    }

    /// A funding amount written with a bare 万 (投入中央直达资金29.6万, 年度资金总额 50万):
    /// 万元 is the unit.
    fn bare_wan_amounts(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        const MONEY: &[Role] = &[
            Role::Amount,
            Role::BudgetInitial,
            Role::BudgetAdjusted,
            Role::Executed,
        ];
        for row in cx.form.projects.iter().flat_map(|p| &p.funding) {
            for (role, cell) in row.cells.0.iter().filter(|(r, _)| MONEY.contains(r)) {
                let t = cell.trimmed();
                let figure = t.strip_suffix('万').is_some_and(|n| {
                    n.trim_end().ends_with(|c: char| c.is_ascii_digit())
                        && matches!(
                            crate::money::parse_amount(t),
                            crate::money::AmountCell::Value(..)
                        )
                });
                if !figure {
                    continue;
                }
                let canonical = format!("{t}元");
                let d = Diagnostic::new(
                        self.code(),
                        cx.loc(cx.money_section(), Some(*role), cell),
                        Msg::new(
                            format!("金额“{t}”的单位只写了“万”，标准写法为“{canonical}”"),
                            format!("The amount \"{t}\" writes 万 for 万元; the standard form is \"{canonical}\""),
                        ),
                        Msg::new("金额单位写“万元”或“元”", "Write 万元 or 元 as the money unit"),
                    );
                // A figure sharing its cell with its label (年度资金总额:50万) gets no fix: it
                // would replace the label too.
                if cell.loc == row.label.loc {
                    out.push(d);
                } else {
                    out.push(d.with_fix(super::fix(
                        canonical,
                        crate::diagnostic::Applicability::Safe,
                    )));
                }
            }
        }
    }

    /// A letter where a scoring criterion's comparator belongs (在职人员控制率Q100%, 变动率Q0):
    /// a ≤ or ≥ lost when the form was converted (PDF, another font). Which one can't be told,
    /// so no fix.
    fn letter_for_comparator(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        let cells = cx
            .form
            .projects
            .iter()
            .flat_map(|p| &p.indicators)
            .filter_map(|i| i.cells.get(Role::Criterion));
        for cell in cells {
            let chars: Vec<char> = cell.text.chars().collect();
            let found = chars.windows(3).position(|w| match w {
                [a, l, d] => {
                    ('\u{4E00}'..='\u{9FFF}').contains(a)
                        && l.is_ascii_alphabetic()
                        && d.is_ascii_digit()
                }
                _ => false,
            });
            let Some(at) = found.and_then(|i| i.checked_add(1)) else {
                continue;
            };
            let figure: String = chars
                .get(at..)
                .unwrap_or(&[])
                .iter()
                .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '%'))
                .collect();
            let letter = chars.get(at).copied().unwrap_or(' ');
            let start = cell.text.char_indices().nth(at).map_or(0, |(b, _)| b);
            let span = crate::span::Span::new(start, start.saturating_add(figure.len()));
            out.push(Diagnostic::new(
                self.code(),
                cx.loc(crate::diagnostic::Section::Indicators, Some(Role::Criterion), cell),
                Msg::new(
                    format!("评分标准中的“{figure}”以字母“{letter}”开头，这里应是比较符号（≤ 或 ≥），可能在转换格式时丢失"),
                    format!("\"{figure}\" in the scoring criterion starts with the letter {letter} where a comparator (≤ or ≥) belongs; it was probably lost in conversion"),
                ),
                Msg::new(
                    "按原表把字母改回比较符号（≤ 或 ≥）",
                    "Put the comparator (≤ or ≥) back as the original form has it",
                ),
            ).with_span(span));
        }
    }

    /// A rate targeted at "≥100%": no rate passes 100%, so the target is exactly 100%,
    /// written "=100%".
    fn at_least_all(&self, cx: &Context, v: &super::ValueCell) -> Option<Diagnostic> {
        let p = &v.parsed.value;
        let at_least_all = v.role == crate::form::Role::Target
            && v.is_rate()
            && !v.split
            && p.comparator == Some(crate::value::Comparator::Ge)
            && p.value == Some(rust_decimal::Decimal::ONE_HUNDRED)
            && p.upper.is_none()
            && p.unit
                .as_deref()
                .map(crate::value::canonical_unit)
                .as_deref()
                == Some("%");
        if !at_least_all {
            return None;
        }
        let t = v.cell.trimmed();
        Some(
            report(
                cx,
                v,
                self.code(),
                None,
                Msg::new(
                    format!(
                        "{}“{t}”：比率最高为 100%，“≥100%”即“=100%”，标准写法为“=100%”",
                        v.what_zh()
                    ),
                    format!(
                        "{} \"{t}\": a rate can't pass 100%, so ≥100% means =100%",
                        v.what_en()
                    ),
                ),
                Msg::new(
                    "要求全部达到时写“=100%”",
                    "Write =100% when all must be reached",
                ),
            )
            .with_fix(super::fix(
                "=100%".to_string(),
                crate::diagnostic::Applicability::Safe,
            )),
        )
    }

    /// The finding at a 指标性质 cell written with a look-alike sign (≧, ═, >=), with its
    /// standard sign as the fix.
    fn in_nature_column(&self, cx: &Context, v: &super::ValueCell) -> Option<Diagnostic> {
        let nature = v.nature_col.filter(|_| v.split)?;
        let sign = nature.trimmed();
        let parsed = crate::value::parser::parse(&format!("{sign}1"));
        parsed
            .issues
            .iter()
            .any(|i| i.kind == IssueKind::NonstandardSpelling)
            .then_some(())?;
        let standard = parsed.value.comparator?.symbol();
        let name = &v.what_zh();
        Some(
            Diagnostic::new(
                self.code(),
                cx.loc(
                    crate::diagnostic::Section::Indicators,
                    Some(crate::form::Role::Nature),
                    nature,
                ),
                Msg::new(
                    format!("{name}的比较符号“{sign}”不是标准写法，应为“{standard}”"),
                    format!(
                        "The comparator \"{sign}\" of {} is not the standard sign \"{standard}\"",
                        v.what_en()
                    ),
                ),
                Msg::new(
                    "使用 ≥ ≤ = 等标准符号，避免导入系统时识别错误",
                    "Use the standard signs ≥ ≤ =",
                ),
            )
            .with_fix(super::fix(
                standard.to_string(),
                crate::diagnostic::Applicability::Safe,
            )),
        )
    }
}

impl Rule for NonstandardSpelling {
    fn code(&self) -> Code {
        Code::V008
    }

    fn reads(&self) -> Reads {
        super::READS.union(Reads::role(Role::Criterion))
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        self.bare_wan_amounts(cx, out);
        self.letter_for_comparator(cx, out);
        for v in cx.values() {
            if let Some(d) = self.at_least_all(cx, v).or_else(|| self.bare_wan(cx, v)) {
                out.push(d);
                continue;
            }
            // A value that can't be read is V001's: its "standard form" would be itself.
            if !issues_of(v, |k| *k == IssueKind::NonstandardSpelling).any(|_| true)
                || v.parsed.value.kind == crate::value::Kind::Invalid
            {
                continue;
            }
            let issue = issues_of(v, |k| *k == IssueKind::NonstandardSpelling).next();
            // In a split layout the sign stands in its own 指标性质 column: point there.
            if let Some(d) = self.in_nature_column(cx, v) {
                out.push(d);
                continue;
            }
            let t = v.cell.trimmed();
            let canonical = v.parsed.value.normalized.clone();
            let ascii = issue
                .and_then(|i| t.get(i.span.start..i.span.end))
                .filter(|s| matches!(*s, ">=" | "<="));
            let message = match ascii {
                Some(sign) => Msg::new(
                    format!("{}“{t}”用英文键盘符号“{sign}”代替了“{}”，标准写法为“{canonical}”", v.what_zh(), if sign == ">=" { "≥" } else { "≤" }),
                    format!("{} \"{t}\" writes \"{sign}\" for the standard sign; the standard form is \"{canonical}\"", v.what_en()),
                ),
                None => Msg::new(
                    format!("{}“{t}”使用了全角或非标准写法，标准写法为“{canonical}”", v.what_zh()),
                    format!("{} \"{t}\" uses full-width or nonstandard characters; the standard form is \"{canonical}\"", v.what_en()),
                ),
            };
            let mut d = report(
                cx,
                v,
                self.code(),
                issue,
                message,
                Msg::new(
                    "使用半角数字、≥ ≤ 等标准符号和 %，避免导入系统时识别错误",
                    "Use half-width digits, standard comparators and %",
                ),
            );
            if !v.split && !canonical.is_empty() {
                d.span = None;
                d = d.with_fix(super::fix(
                    canonical,
                    crate::diagnostic::Applicability::Safe,
                ));
            }
            out.push(d);
        }
    }
}
