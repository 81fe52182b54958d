//! Blank forms in a profile's layout (title, header fields, funding table, one row per 二级 of its tree), as rows of cell texts for the page to fill in.

use crate::form::FormKind;
use crate::profile::{Profile, ValueColumns};

/// A blank form of `kind` laid out as `profile`'s template: what "新建" in the page opens.
/// Each 二级 of the tree gets one row to fill in; the checker reads the result like a paste.
pub fn blank(profile: &Profile, kind: FormKind) -> Vec<Vec<String>> {
    let s = |t: &str| t.to_string();
    let mut rows: Vec<Vec<String>> = Vec::new();
    let self_eval = kind == FormKind::SelfEvaluation;
    let title = if self_eval {
        "项目支出绩效自评表"
    } else {
        "项目支出绩效目标表"
    };
    rows.push(vec![s(title)]);
    rows.push(vec![s("项目名称"), s(""), s("主管部门"), s("")]);
    rows.push(vec![s("实施单位"), s("")]);
    let sources: Vec<&str> = if profile.fund_sources.is_empty() {
        vec!["当年财政拨款", "上年结转资金", "其他资金"]
    } else {
        profile.fund_sources.iter().map(String::as_str).collect()
    };
    if self_eval {
        rows.push(
            [
                "项目资金（万元）",
                "",
                "年初预算数",
                "全年预算数",
                "全年执行数",
                "分值",
                "执行率",
                "得分",
                "原因",
            ]
            .map(s)
            .to_vec(),
        );
        let points = profile.scoring.execution_points.to_string();
        rows.push(vec![
            s(""),
            s("年度资金总额"),
            s(""),
            s(""),
            s(""),
            points,
            s(""),
            s(""),
            s(""),
        ]);
        for (i, src) in sources.iter().enumerate() {
            let label = if i == 0 {
                format!("其中：{src}")
            } else {
                (*src).to_string()
            };
            rows.push(vec![
                s(""),
                label,
                s(""),
                s(""),
                s(""),
                s("—"),
                s("—"),
                s("—"),
                s(""),
            ]);
        }
    } else {
        rows.push(vec![s("年度资金总额（万元）"), s("")]);
        for src in &sources {
            rows.push(vec![format!("{src}（万元）"), s("")]);
        }
    }
    rows.push(Vec::new());
    let split = profile.value_columns == ValueColumns::Split;
    let mut header = vec![s("一级指标"), s("二级指标"), s("三级指标")];
    match (split, self_eval) {
        (true, _) => header.extend(["指标性质", "指标值", "度量单位"].map(s)),
        (false, true) => header.push(s("年度指标值")),
        (false, false) => header.push(s("指标值")),
    }
    if self_eval {
        header.extend(["实际完成值", "分值", "得分", "偏差原因分析及改进措施"].map(s));
    }
    let width = header.len();
    rows.push(header);
    for l1 in &profile.tree.level1 {
        for (j, l2) in l1.level2.iter().enumerate() {
            let mut row = vec![String::new(); width];
            if let Some(c) = row.get_mut(0) {
                *c = if j == 0 {
                    l1.name.clone()
                } else {
                    String::new()
                };
            }
            if let Some(c) = row.get_mut(1) {
                c.clone_from(&l2.name);
            }
            rows.push(row);
        }
    }
    if self_eval {
        let mut total = vec![String::new(); width];
        if let Some(c) = total.first_mut() {
            *c = s("总分");
        }
        if let Some(c) = total.get_mut(width.saturating_sub(3)) {
            *c = s("100");
        }
        rows.push(total);
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tsv(rows: &[Vec<String>]) -> String {
        rows.iter()
            .map(|r| r.join("\t"))
            .collect::<Vec<_>>()
            .join("\n")
    }

    #[test]
    fn blank_forms_read_back_as_their_kind_with_every_group() {
        for name in [
            "central-2020",
            "central-2021",
            "sichuan-2023",
            "shanghai-legacy",
        ] {
            let p = Profile::builtin(name).unwrap();
            for kind in [FormKind::Target, FormKind::SelfEvaluation] {
                let text = tsv(&blank(&p, kind));
                let report = crate::check_text(&text, &p).unwrap();
                assert_eq!(report.forms.len(), 1, "{name} {kind:?}");
                let form = &report.forms[0];
                assert_eq!(form.kind, kind, "{name}");
                let groups: usize = p.tree.level1.iter().map(|l| l.level2.len()).sum();
                assert_eq!(form.projects[0].headings.len(), groups, "{name} {kind:?}");
                // A blank form asks for its 三级 rows; its errors are its empty header fields.
                let codes: Vec<String> =
                    report.diagnostics.iter().map(|d| d.code.as_str()).collect();
                assert!(
                    codes.contains(&"S011".to_string()),
                    "{name} {kind:?}: {codes:?}"
                );
                let errors: Vec<_> = report
                    .diagnostics
                    .iter()
                    .filter(|d| d.severity == crate::diagnostic::Severity::Error)
                    .map(|d| {
                        (
                            d.code.as_str(),
                            d.location.section,
                            d.location.cell_text.as_deref().map(str::trim),
                        )
                    })
                    .collect();
                assert!(
                    errors.len() >= 2
                        && errors.iter().all(|e| {
                            use crate::diagnostic::Section;
                            e.0 == "S007"
                                && matches!(e.1, Some(Section::Header | Section::Funding))
                                && e.2 == Some("")
                        }),
                    "{name} {kind:?}: {errors:?}"
                );
            }
        }
    }

    #[test]
    fn split_profiles_get_split_value_columns() {
        let rows = blank(
            &Profile::builtin("sichuan-2023").unwrap(),
            FormKind::SelfEvaluation,
        );
        let header = rows
            .iter()
            .find(|r| r.first().is_some_and(|c| c == "一级指标"))
            .unwrap();
        assert!(header.contains(&"指标性质".to_string()));
        assert!(rows
            .iter()
            .any(|r| r.iter().any(|c| c == "财政专户管理资金")));
    }
}
