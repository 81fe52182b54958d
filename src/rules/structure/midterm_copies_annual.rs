//! S021: a target form's 中期 indicators repeat its 年度 ones word for word (the same names and the same values), so the form sets no target for the years beyond this one.
//!
//! 检查内容：中期绩效指标与年度绩效指标逐项相同（三级指标名称和指标值都一样）。
//! 原因：中期指标衡量整个实施期（如 2019—2021 年）的产出和效果，通常大于或不同于一年的目标；照抄年度指标等于没有设中期目标。
//! 错误示例：中期“镇街补助款完成结算项目数 3”与年度“镇街补助款完成结算项目数 3”相同，而中期目标写“共29个项目”。
//! 正确示例：中期指标按整个实施期填写，如“完成道路建设项目数 ≥29个”“规划里程 169公里”。

use crate::diagnostic::{Diagnostic, Msg, Section};
use crate::form::{FormKind, Role};
use crate::read::headers::label_key;
use crate::rules::registry::Code;
use crate::rules::{Context, Reads, Rule};
use crate::span::ellipsize;

pub struct MidtermCopiesAnnual;

impl Rule for MidtermCopiesAnnual {
    fn code(&self) -> Code {
        Code::S021
    }

    fn reads(&self) -> Reads {
        Reads::indicators(&[Role::Level3, Role::Target])
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        // A one-year project (项目期 1年) may give the year's targets as its midterm ones.
        let one_year = cx
            .form
            .field("项目期")
            .is_some_and(|c| ["1年", "一年", "1"].contains(&c.trimmed()));
        if cx.form.kind != FormKind::Target || one_year {
            return;
        }
        for project in &cx.form.projects {
            let pair = |midterm: bool| {
                project
                    .indicators
                    .iter()
                    .filter(move |i| i.midterm == midterm)
                    .filter_map(|i| {
                        let name = i.level3.as_ref().filter(|c| !c.is_blank())?;
                        let target = i.cells.get(Role::Target).filter(|c| !c.is_blank())?;
                        Some((name, label_key(&name.text), label_key(&target.text)))
                    })
            };
            let annual: Vec<_> = pair(false).map(|(_, n, t)| (n, t)).collect();
            let midterm: Vec<_> = pair(true).collect();
            let copied = midterm
                .iter()
                .all(|(_, n, t)| annual.iter().any(|(an, at)| an == n && at == t));
            let Some((first, _, _)) = midterm.first() else {
                continue;
            };
            if midterm.len() < 2 || !copied {
                continue;
            }
            let shown = ellipsize(first.trimmed(), 20);
            out.push(Diagnostic::new(
                self.code(),
                cx.loc(Section::Indicators, Some(Role::Level3), first),
                Msg::new(
                    format!(
                        "中期绩效指标（{} 项，自“{shown}”起）与年度绩效指标逐项相同，名称和指标值都一样",
                        midterm.len()
                    ),
                    format!(
                        "The {} midterm indicators (from \"{shown}\") repeat the annual ones, names and values alike",
                        midterm.len()
                    ),
                ),
                Msg::new(
                    "中期指标按整个实施期填写（如三年完成的项目数、里程），不要照抄年度指标；只设年度目标的，中期栏可不填",
                    "Give the midterm indicators for the whole period (what the three years deliver), not a copy of this year's",
                ),
            ));
        }
    }
}
