//! `make bench`: native throughput of the 指标值 parser and of whole-form checks on the
//! seeds and on generated forms of 50, 500 and 5,000 indicator rows, each beside its budget.
//! Run by `cargo test` too, as a one-iteration smoke test (no timing claims then).

#![allow(
    clippy::disallowed_types,
    clippy::float_arithmetic,
    clippy::indexing_slicing
)] // timings, not money: seconds and rates are floats here

use jixiao::profile::Profile;
use std::hint::black_box;
use std::time::{Duration, Instant};

#[path = "../tests/support/generate.rs"]
mod generate;

/// The generated form with the 指标值 of indicator `i` prefixed with `prefix`.
fn edited(text: &str, i: usize, prefix: &str) -> String {
    let first = text
        .lines()
        .position(|l| l.starts_with("绩效指标"))
        .map_or(0, |h| h + 1);
    text.split('\n')
        .enumerate()
        .map(|(k, line)| {
            if k != first + i {
                return line.to_string();
            }
            let mut cells: Vec<&str> = line.split('\t').collect();
            let value = cells
                .get(4)
                .map(|v| format!("{prefix}{v}"))
                .unwrap_or_default();
            if let Some(c) = cells.get_mut(4) {
                *c = &value;
            }
            cells.join("\t")
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Median throughput (items per second) over `samples` runs of at least `min` each.
fn measure(samples: usize, min: Duration, items_per_run: usize, mut run: impl FnMut()) -> f64 {
    // Warm up.
    run();
    let mut rates = Vec::with_capacity(samples);
    for _ in 0..samples {
        let start = Instant::now();
        let mut runs = 0usize;
        while start.elapsed() < min {
            run();
            runs += 1;
        }
        let secs = start.elapsed().as_secs_f64();
        rates.push((runs * items_per_run) as f64 / secs);
    }
    rates.sort_by(|a, b| a.total_cmp(b));
    rates[rates.len() / 2]
}

fn main() {
    let bench = std::env::args().any(|a| a == "--bench");
    let (samples, min) = if bench {
        (7, Duration::from_millis(300))
    } else {
        (1, Duration::ZERO)
    };
    let profile = Profile::default();
    let root = env!("CARGO_MANIFEST_DIR");
    let corpus: Vec<&str> = vec![
        ">=90%",
        "=50家",
        "=11月底前",
        "=3月份~11月份",
        "<=45天",
        "16",
        "2020年度",
        "≥95%",
        "≤8万元",
        "8.11万元",
        "完善",
        "提高管理水平",
        "不适用",
        "＞＝９０％",
        "1,530,000元",
        "90%以上",
        "2021年12月31日前",
        "≥5类（按照方案）",
        "有效减少",
        "100%验收合格",
        "=1~2%",
        "≤**",
        "292%",
        "44561",
    ];
    let mut rows: Vec<(String, f64, f64, &str)> = Vec::new();

    let per_sec = measure(samples, min, corpus.len(), || {
        for v in &corpus {
            black_box(jixiao::value::parser::parse(black_box(v)));
        }
    });
    rows.push(("指标值 parsed / s".into(), per_sec, 1_000_000.0, "≥"));

    for seed in [
        "001_f86cb81a918eba29.txt",
        "004_9d9dc482990db41b.txt",
        "003_fd178c73d5be2efc.txt",
    ] {
        let text = std::fs::read_to_string(format!("{root}/tests/fixtures/seeds/{seed}"))
            .unwrap_or_default();
        // A paste may hold several forms (seed 001 holds three): forms are counted as the
        // model counts them, and the file's rate shown beside them.
        let forms = jixiao::check_text_lenient(&text, &profile)
            .forms
            .len()
            .max(1);
        let per_sec = measure(samples, min, forms, || {
            black_box(jixiao::check_text_lenient(black_box(&text), &profile));
        });
        rows.push((
            format!(
                "seed {} ({forms} form{}): forms / s",
                &seed[..3],
                if forms == 1 { "" } else { "s" }
            ),
            per_sec,
            20_000.0,
            "≥",
        ));
        if forms > 1 {
            rows.push((
                format!("seed {}: whole pastes / s", &seed[..3]),
                per_sec / forms as f64,
                0.0,
                "",
            ));
        }
    }
    // The page's bench also types into a 2,000-row form (issue 23): written out, not timed here.
    if let Ok(dir) = std::env::var("JIXIAO_BENCH_DUMP") {
        let _ = std::fs::write(
            format!("{dir}/generated-2000.tsv"),
            generate::self_evaluation(2_000, 7),
        );
    }
    for n in [50usize, 500, 5_000] {
        let text = generate::self_evaluation(n, 7);
        // JIXIAO_BENCH_DUMP=dir writes the generated forms out, for profiling by hand.
        if let Ok(dir) = std::env::var("JIXIAO_BENCH_DUMP") {
            let _ = std::fs::write(format!("{dir}/generated-{n}.tsv"), &text);
        }
        let per_sec = measure(samples, min, 1, || {
            black_box(jixiao::check_text_lenient(black_box(&text), &profile));
        });
        let ms = 1000.0 / per_sec;
        let budget = match n {
            50 => 2.0,
            500 => 16.0,
            _ => 50.0,
        };
        rows.push((format!("{n}-row form: ms per full check"), ms, budget, "≤"));
        // What the page does on a keystroke: the same session checks the text again with
        // one 指标值 in the middle changed (two versions in turn).
        let versions = [edited(&text, n / 2, "≥9"), edited(&text, n / 2, "≥8")];
        let mut session = jixiao::session::Session::new(profile.clone());
        let mut turn = 0usize;
        let per_sec = measure(samples, min, 1, || {
            turn += 1;
            black_box(session.check(black_box(&versions[turn % 2])));
        });
        rows.push((
            format!("{n} rows: ms per re-check, 1 edit"),
            1000.0 / per_sec,
            0.0,
            "",
        ));
    }

    // A reviewer's batch through the CLI: a folder of files checked by one command, on one
    // core (RAYON_NUM_THREADS=1) and on all of them.
    let files = if bench { 400 } else { 8 };
    for (kind, source) in [
        (
            "tsv",
            format!("{root}/tests/fixtures/clean/valid-central-self-evaluation.tsv"),
        ),
        (
            "xlsx",
            format!("{root}/tests/fixtures/workbooks/xlsxwriter-two-forms.xlsx"),
        ),
    ] {
        let dir = std::env::temp_dir().join(format!("jixiao-bench-{kind}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let _ = std::fs::create_dir_all(&dir);
        for i in 0..files {
            let _ = std::fs::copy(&source, dir.join(format!("{i:04}.{kind}")));
        }
        for (cores, threads) in [("one core", Some("1")), ("all cores", None)] {
            // Each run takes far longer than this: one run per sample.
            let per_sec = measure(
                if bench { 3 } else { 1 },
                Duration::from_millis(1),
                files,
                || {
                    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_jixiao"));
                    cmd.args(["check", "--summary", "csv"]).arg(&dir);
                    cmd.stdout(std::process::Stdio::null())
                        .stderr(std::process::Stdio::null());
                    match threads {
                        Some(t) => cmd.env("RAYON_NUM_THREADS", t),
                        None => cmd.env_remove("RAYON_NUM_THREADS"),
                    };
                    black_box(cmd.status().ok());
                },
            );
            rows.push((
                format!("batch of .{kind}: files / s, {cores}"),
                per_sec,
                0.0,
                "",
            ));
        }
        let _ = std::fs::remove_dir_all(&dir);
    }

    if !bench {
        println!(
            "throughput smoke run ok ({} measurements); run `make bench` for figures",
            rows.len()
        );
        return;
    }
    println!(
        "{:<36} {:>14} {:>12}  result",
        "measure (native, one core)", "measured", "budget"
    );
    for (name, value, budget, dir) in &rows {
        if dir.is_empty() {
            println!("{name:<36} {value:>14.1} {:>12}  (for reference)", "");
            continue;
        }
        let pass = if *dir == "≥" {
            value >= budget
        } else {
            value <= budget
        };
        println!(
            "{:<36} {:>14.1} {:>2}{:>10.1}  {}",
            name,
            value,
            dir,
            budget,
            if pass { "pass" } else { "FAIL" }
        );
    }
}
