//! Money and rates: operand-order tables, rounding modes side by side, and property tests that parsing and sums never panic and 元 ↔ 万元 round-trips are exact.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // test helpers fail loudly by design

use jixiao::form::MoneyUnit;
use jixiao::money::{
    checked_sum, convert, fmt_fixed, parse_amount, parse_percent, percent_of, round_half_away,
    AmountCell,
};
use proptest::prelude::*;
use rust_decimal::{Decimal, RoundingStrategy};

fn d(s: &str) -> Decimal {
    Decimal::from_str_exact(s).unwrap()
}

#[test]
fn rounding_modes_side_by_side() {
    // (value, half away from zero = 四舍五入, banker's, truncation) to 2 decimals
    let cases = [
        ("0.125", "0.13", "0.12", "0.12"),
        ("0.135", "0.14", "0.14", "0.13"),
        ("99.855", "99.86", "99.86", "99.85"),
        ("99.845", "99.85", "99.84", "99.84"),
        ("-0.125", "-0.13", "-0.12", "-0.12"),
        ("1.005", "1.01", "1.00", "1.00"),
        ("2.675", "2.68", "2.68", "2.67"),
    ];
    for (v, half_up, bankers, trunc) in cases {
        assert_eq!(round_half_away(d(v), 2), d(half_up), "{v}");
        assert_eq!(
            d(v).round_dp_with_strategy(2, RoundingStrategy::MidpointNearestEven),
            d(bankers),
            "{v}"
        );
        assert_eq!(
            d(v).round_dp_with_strategy(2, RoundingStrategy::ToZero),
            d(trunc),
            "{v}"
        );
    }
}

#[test]
fn seed_004_rates_round_half_up_not_truncate() {
    // (spending, budget, stated rate) for the five rows where truncation would differ.
    let rows = [
        ("256.63", "257", "99.86"),
        ("310.87", "331.96", "93.65"),
        ("251.4", "252.16", "99.70"),
        ("678.74", "697.44", "97.32"),
        ("325.1", "330", "98.52"),
    ];
    for (spent, budget, stated) in rows {
        let rate = percent_of(d(spent), d(budget)).unwrap();
        assert_eq!(fmt_fixed(rate, 2), stated, "{spent}/{budget}");
        assert_ne!(
            fmt_fixed(rate.round_dp_with_strategy(2, RoundingStrategy::ToZero), 2),
            stated
        );
    }
}

#[test]
fn sums_are_order_independent() {
    let cases = [
        ("89.97", "0", "89.97"),
        ("40", "16", "56"),
        ("0.1", "0.2", "0.3"),
        ("1273.65", "0.01", "1273.66"),
    ];
    for (a, b, want) in cases {
        assert_eq!(checked_sum([d(a), d(b)]), Some(d(want)), "{a} + {b}");
        assert_eq!(checked_sum([d(b), d(a)]), Some(d(want)), "{b} + {a}");
    }
    assert_eq!(checked_sum([Decimal::MAX, Decimal::ONE]), None);
}

#[test]
fn seed_003_spending_adds_up_across_units() {
    let yuan = checked_sum([
        convert(d("40"), MoneyUnit::Wanyuan, MoneyUnit::Yuan).unwrap(),
        d("159800"),
        d("81060.95"),
    ])
    .unwrap();
    assert_eq!(
        convert(yuan, MoneyUnit::Yuan, MoneyUnit::Wanyuan).unwrap(),
        d("64.086095")
    );
    assert_eq!(
        fmt_fixed(percent_of(d("64.086095"), d("64")).unwrap(), 2),
        "100.13"
    );
}

#[test]
fn no_value_is_not_zero() {
    for t in ["", " ", "—", "——", "-", "/", "无"] {
        assert_eq!(parse_amount(t), AmountCell::NoValue, "{t:?}");
    }
    assert!(matches!(parse_amount("0"), AmountCell::Value(s, None) if s.value.is_zero()));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn parsing_never_panics(text in "\\PC{0,40}") {
        let _ = parse_amount(&text);
        let _ = parse_percent(&text);
    }

    #[test]
    fn sums_never_panic(values in prop::collection::vec(any::<i64>(), 0..50), scale in 0u32..10) {
        let ds = values.into_iter().map(|v| Decimal::new(v, scale));
        let _ = checked_sum(ds);
    }

    #[test]
    fn yuan_wanyuan_round_trips_exactly(fen in -10_000_000_000_000i64..10_000_000_000_000i64) {
        let yuan = Decimal::new(fen, 2);
        let wan = convert(yuan, MoneyUnit::Yuan, MoneyUnit::Wanyuan).unwrap();
        prop_assert_eq!(convert(wan, MoneyUnit::Wanyuan, MoneyUnit::Yuan).unwrap(), yuan);
        let yi = convert(yuan, MoneyUnit::Yuan, MoneyUnit::Yiyuan).unwrap();
        prop_assert_eq!(convert(yi, MoneyUnit::Yiyuan, MoneyUnit::Yuan).unwrap(), yuan);
    }

    #[test]
    fn written_amounts_read_back(int in 0u64..10_000_000_000, frac in 0u32..100) {
        let plain = format!("{int}.{frac:02}");
        let grouped = {
            let s = int.to_string();
            let mut g = String::new();
            for (i, c) in s.chars().enumerate() {
                if i > 0 && (s.len() - i) % 3 == 0 { g.push(','); }
                g.push(c);
            }
            format!("{g}.{frac:02}")
        };
        let a = match parse_amount(&plain) { AmountCell::Value(s, _) => s.value, other => panic!("{plain}: {other:?}") };
        let b = match parse_amount(&grouped) { AmountCell::Value(s, _) => s.value, other => panic!("{grouped}: {other:?}") };
        prop_assert_eq!(a, b);
    }
}
