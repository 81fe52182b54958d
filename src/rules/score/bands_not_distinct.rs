//! E012: in a table graded in bands (优 | 良 | 中 | 差), two neighbouring bands of an indicator share one threshold (中 85%, 差 85%), so the lower band has no range of its own.
//!
//! 检查内容：分档评价标准中，相邻两档的标准应不同，每一档都有自己的区间。
//! 原因：两档标准相同时，落在该值的结果既可评“中”也可评“差”，较低一档实际不存在，评价结果无法确定。
//! 错误示例：优 100%、良 90%、中 85%、差 85%。
//! 正确示例：优 100%、良 90%、中 85%、差 低于85%。

use crate::diagnostic::{Diagnostic, Msg, Section};
use crate::form::{Cell, Role};
use crate::money::band_threshold;
use crate::rules::registry::Code;
use crate::rules::{Context, Reads, Rule};

pub struct BandsNotDistinct;

/// The grades of a four-band table, best first (read/bands.rs keeps the header's order).
const GRADES: [&str; 4] = ["优", "良", "中", "差"];

fn grade(i: usize, n: usize) -> String {
    match GRADES.get(i) {
        Some(g) if n == GRADES.len() => format!("“{g}”档"),
        _ => format!("第 {} 档", i.saturating_add(1)),
    }
}

impl Rule for BandsNotDistinct {
    fn code(&self) -> Code {
        Code::E012
    }

    fn reads(&self) -> Reads {
        Reads::indicators(&[Role::Level3, Role::Band])
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        for ind in cx.form.graded_indicators() {
            let bands: Vec<&Cell> = ind.cells.all(Role::Band).collect();
            let n = bands.len();
            for (i, pair) in bands.windows(2).enumerate() {
                let [upper, lower] = pair else { continue };
                let (Some(a), Some(b)) = (band_threshold(&upper.text), band_threshold(&lower.text))
                else {
                    continue;
                };
                if a.value != b.value {
                    continue;
                }
                let name = ind.level3.as_ref().map_or("", |c| c.trimmed());
                let (hi, lo, v) = (grade(i, n), grade(i.saturating_add(1), n), lower.trimmed());
                out.push(Diagnostic::new(
                    self.code(),
                    cx.loc(Section::Indicators, Some(Role::Band), lower),
                    Msg::new(
                        format!("“{name}”的{lo}与{hi}标准相同（都是 {v}），{lo}没有自己的区间"),
                        format!("\"{name}\": two neighbouring bands share the threshold {v}, so the lower one has no range"),
                    ),
                    Msg::new(
                        format!("为{lo}写出不同的区间，如“低于{}”", upper.trimmed().trim_start_matches(['≥', '>', '＞'])),
                        "Give the lower band a range of its own, e.g. below the upper band's threshold".to_string(),
                    ),
                ));
            }
        }
    }
}
