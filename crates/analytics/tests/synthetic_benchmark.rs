//! A simulated country where one municipality awards twice as often as its composition predicts: the benchmark must find it.

mod common;

use analytics::benchmark::{benchmark, BenchmarkOptions};
use common::{simulate, MunicipalitySpec};

#[test]
fn a_municipality_awarding_twice_as_often_comes_out_on_top_with_an_interval_above_one() {
    let mut specs: Vec<MunicipalitySpec> =
        (0..20).map(|i| MunicipalitySpec::neutral(&format!("{:03}", 101 + i), 12_000)).collect();
    // Same practice everywhere except 105; 110 has far sicker, older citizens but
    // neutral practice, so its crude award rate is high and its ratio must not be.
    specs[4].practice = 2.0;
    specs[9].age_skew = 0.5;
    specs[9].case_rate = 1.8;
    specs[9].psychiatric_weight = 3.0;
    let world = simulate(&specs, 42);
    let result = benchmark(&world.records, &world.population, world.year, &BenchmarkOptions::default()).expect("fits");

    let top = &result.municipalities[0];
    assert_eq!(top.municipality, "105", "{:#?}", result.municipalities);
    assert_eq!(top.rank, 1);
    assert_eq!(top.quintile, 1);
    assert!(!top.small);
    assert!(top.ci_low.expect("interval") > 1.0, "{top:?}");

    let sicker = result.municipalities.iter().find(|r| r.municipality == "110").expect("110");
    let neutral = result.municipalities.iter().find(|r| r.municipality == "101").expect("101");
    for row in [sicker, neutral] {
        let (low, high) = (row.ci_low.expect("low"), row.ci_high.expect("high"));
        assert!(low < 1.0 && 1.0 < high, "interval should contain 1: {row:?}");
    }
    // The sicker municipality's crude rate is well above the neutral one's: the
    // composition adjustment is what keeps its ratio near 1.
    let crude = |code: &str| {
        let row = result.municipalities.iter().find(|r| r.municipality == code).expect("row");
        row.actual as f64 / row.population
    };
    assert!(crude("110") > 1.5 * crude("101"), "{} vs {}", crude("110"), crude("101"));
}

#[test]
fn a_municipality_with_few_expected_awards_is_flagged_small() {
    let mut specs: Vec<MunicipalitySpec> =
        (0..6).map(|i| MunicipalitySpec::neutral(&format!("{:03}", 201 + i), 10_000)).collect();
    specs.push(MunicipalitySpec::neutral("825", 600));
    let world = simulate(&specs, 7);
    let result = benchmark(&world.records, &world.population, world.year, &BenchmarkOptions::default()).expect("fits");
    for row in &result.municipalities {
        assert_eq!(row.small, row.municipality == "825", "{row:?}");
    }
}
