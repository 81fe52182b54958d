//! S025 (info): a slip of the pen budget texts often carry: 拔付/拔款 for 拨付/拨款, 未 for 为 before a figure (年初结余未19.8万元), 年未 for 年末 (年未结余).
//!
//! 检查内容：文字栏和报告中常见的同音、形近错字。
//! 原因：错字让审核人怀疑整张表的用心程度，“结余未19.8万元”还可能被读成“没有结余”。
//! 错误示例：“资金已全部拔付”“年初结余未19.8万元”“年未结余数”。
//! 正确示例：“资金已全部拨付”“年初结余为19.8万元”“年末结余数”。

use crate::diagnostic::{Diagnostic, Fix, Location, Msg, Section};
use crate::form::{Cell, FormKind, Role};
use crate::rules::registry::Code;
use crate::rules::{Context, Reads, Rule};
use crate::span::Span;

pub struct CommonTypo;

/// Words written wrong, and right.
const TYPOS: &[(&str, &str)] = &[
    ("拔付", "拨付"),
    ("拔款", "拨款"),
    ("拔入", "拨入"),
    ("年未结余", "年末结余"),
    ("年未余额", "年末余额"),
    ("年未数", "年末数"),
];

/// Last characters of the nouns a figure is stated for (结余, 余额, 资金, 总数, 得分, 执行率).
const FIGURE_NOUNS: &str = "余额金数分率值费款";

/// The first slip in `text`: its byte range, what is written and what is meant.
fn slip(text: &str) -> Option<(std::ops::Range<usize>, &str, &'static str)> {
    // Every slip has 拔 or 未: most lines have neither and are passed over at once.
    if !text.contains(['拔', '未']) {
        return None;
    }
    let listed = TYPOS
        .iter()
        .filter_map(|(w, r)| crate::span::find(text, w).map(|at| (at, *w, *r)))
        .min_by_key(|(at, _, _)| *at)
        .map(|(at, w, r)| (at..at.saturating_add(w.len()), w, r));
    // 未 between an amount's noun and its figure (结余未19.8万元): 为. Only
    // after these nouns: 未100%完成 (not fully done) is good Chinese.
    let wei = text.char_indices().find_map(|(at, c)| {
        let next = text.get(at.checked_add(c.len_utf8())?..)?.chars().next()?;
        let prev = text.get(..at)?.chars().next_back()?;
        (c == '未' && next.is_ascii_digit() && FIGURE_NOUNS.contains(prev))
            .then(|| (at..at.saturating_add(c.len_utf8()), "未", "为"))
    });
    match (listed, wei) {
        (Some(a), Some(b)) => Some(if a.0.start <= b.0.start { a } else { b }),
        (a, b) => a.or(b),
    }
}

/// Roles a clerk writes words into.
const TEXT_ROLES: &[Role] = &[
    Role::Level3,
    Role::Goal,
    Role::Overall,
    Role::Problems,
    Role::Rectification,
    Role::Reason,
    Role::DeviationReason,
    Role::Explanation,
    Role::Criterion,
];

impl CommonTypo {
    fn report(
        &self,
        loc: Location,
        range: std::ops::Range<usize>,
        wrong: &str,
        right: &str,
        fix: Option<String>,
    ) -> Diagnostic {
        let d = Diagnostic::new(
            self.code(),
            loc,
            Msg::new(
                format!("“{wrong}”疑为“{right}”之误"),
                format!("\"{wrong}\" is probably a slip for \"{right}\""),
            ),
            Msg::new(format!("改为“{right}”"), format!("Write \"{right}\"")),
        )
        .with_span(Span::new(range.start, range.end));
        match fix {
            Some(replacement) => d.with_fix(Fix {
                title: Msg::new(format!("改为“{right}”"), format!("Change to \"{right}\"")),
                replacement,
                applicability: crate::diagnostic::Applicability::Unsafe,
            }),
            None => d,
        }
    }

    fn cell(
        &self,
        cx: &Context,
        section: Section,
        role: Option<Role>,
        cell: &Cell,
        out: &mut Vec<Diagnostic>,
    ) {
        let Some((range, wrong, right)) = slip(&cell.text) else {
            return;
        };
        let fixed = format!(
            "{}{right}{}",
            cell.text.get(..range.start).unwrap_or(""),
            cell.text.get(range.end..).unwrap_or("")
        );
        out.push(self.report(
            cx.loc(section, role, cell),
            range,
            wrong,
            right,
            Some(fixed),
        ));
    }
}

impl Rule for CommonTypo {
    fn code(&self) -> Code {
        Code::S025
    }

    fn reads(&self) -> Reads {
        Reads::indicators(TEXT_ROLES)
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        if cx.form.kind == FormKind::NarrativeReport {
            let Some(text) = cx.form.text.as_deref() else {
                return;
            };
            for (line, row) in text.lines().zip(1u32..) {
                let Some((range, wrong, right)) = slip(line) else {
                    continue;
                };
                let col = line.get(..range.start).map_or(0, |p| p.chars().count());
                let loc = Location {
                    form: cx.form_index,
                    section: Some(Section::Text),
                    row: Some(row),
                    column: u32::try_from(col).ok().and_then(|c| c.checked_add(1)),
                    field: None,
                    cell_text: Some(wrong.into()),
                };
                out.push(self.report(loc, 0..wrong.len(), wrong, right, None));
            }
            return;
        }
        for field in &cx.form.fields {
            if let Some(v) = field.value.as_ref() {
                self.cell(cx, Section::Header, None, v, out);
            }
        }
        for ind in cx.form.projects.iter().flat_map(|p| &p.indicators) {
            if let Some(name) = &ind.level3 {
                self.cell(cx, Section::Indicators, Some(Role::Level3), name, out);
            }
            for (role, cell) in ind.cells.0.iter().filter(|(r, _)| TEXT_ROLES.contains(r)) {
                self.cell(cx, Section::Indicators, Some(*role), cell, out);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::slip;

    #[test]
    fn finds_the_slips() {
        let cases = [
            ("年初结余未19.8万元;", Some(("未", "为"))),
            ("资金已全部拔付到位", Some(("拔付", "拨付"))),
            ("年未结余数19.8万元", Some(("年未结余", "年末结余"))),
            ("当年未完成的项目2个", None),
            ("未1", None),
            ("其中未100%完成的指标2项", None),
            ("项目余额未3.2万元", Some(("未", "为"))),
            ("资金已全部拨付", None),
        ];
        for (text, want) in cases {
            assert_eq!(slip(text).map(|(_, w, r)| (w, r)), want, "{text}");
        }
    }
}
