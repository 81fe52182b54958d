//! Generates self-evaluation forms of any size for benchmarks and load tests: a central
//! layout with a funding table and `rows` indicator rows, deterministic for a seed.

#[allow(clippy::indexing_slicing)] // the index is reduced modulo the table length
/// A 项目支出绩效自评表 paste with `rows` indicator rows; a few rows carry deliberate
/// mistakes so the rules have work to do.
#[allow(dead_code)]
pub fn self_evaluation(rows: usize, seed: u64) -> String {
    let mut s = String::with_capacity(rows * 64 + 1024);
    s.push_str(
        "项目支出绩效自评表\n（2023年度）\n项目名称\t生成的测试项目\t\t主管部门\t某区财政局\n",
    );
    s.push_str(
        "项目资金（万元）\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分\t原因\n",
    );
    s.push_str("\t年度资金总额\t1,444.64\t1444.64\t1273.65\t10\t88.16%\t8.8\t\n");
    s.push_str("\t其中：当年财政拨款\t1444.64\t1444.64\t1273.65\t—\t—\t—\t\n");
    s.push_str("\t上年结转资金\t0\t0\t0\t—\t—\t—\t\n");
    s.push_str("绩效指标\t一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施\n");
    let groups = [
        ("产出指标", "数量指标", "培训人次", "≥300人次", "320人次"),
        ("产出指标", "质量指标", "培训合格率", "≥95%", "97%"),
        ("产出指标", "时效指标", "完成时间", "11月底前", "11月"),
        (
            "效益指标",
            "社会效益指标",
            "企业安全意识",
            "有效提升",
            "有效提升",
        ),
        (
            "满意度指标",
            "服务对象满意度指标",
            "参训人员满意度",
            ">=90%",
            "93%",
        ),
    ];
    // Rows come in blocks per 二级, in the template's order, the 一级/二级 labels written
    // once per block (merged cells, as pasted); a few rows carry deliberate mistakes.
    let mut x = seed;
    let mut last = ("", "");
    for i in 0..rows {
        x = x
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let (l1, l2, name, target, actual) = groups[i * groups.len() / rows.max(1)];
        let target = if i % 97 == 13 {
            "＞＝９０％"
        } else if i % 101 == 7 {
            "≥**"
        } else if (x >> 40) % 211 == 5 {
            "≥1O0人次"
        } else {
            target
        };
        let shown1 = if l1 != last.0 { l1 } else { "" };
        let shown2 = if (l1, l2) != last { l2 } else { "" };
        last = (l1, l2);
        s.push_str(&format!(
            "\t{shown1}\t{shown2}\t{name}{i}\t{target}\t{actual}\t1\t1\t\n"
        ));
    }
    s
}
