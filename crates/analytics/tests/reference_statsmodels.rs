//! The benchmark's logistic fit agrees with statsmodels' GLM(Binomial, freq_weights) within 1e-6 on the same rows.
//!
//! Needs `python3` with statsmodels (`pip install statsmodels`); without it the test
//! fails and says so, it does not skip.

mod common;

use analytics::benchmark::{benchmark, model_rows, BenchmarkOptions};
use common::{simulate, MunicipalitySpec};
use serde_json::Value;
use std::fmt::Write as _;
use std::process::Command;

const TOLERANCE: f64 = 1e-6;

fn run_statsmodels(rows_csv: &str, reference: &Value) -> Value {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("model_rows.csv");
    std::fs::write(&path, rows_csv).expect("write rows");
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/reference/statsmodels_logit.py");
    let output = match Command::new("python3")
        .arg(script)
        .arg(&path)
        .arg(reference.to_string())
        .output()
    {
        Ok(output) => output,
        Err(error) => panic!("could not run python3 for the statsmodels reference test ({error}); install Python 3 and `pip install statsmodels`"),
    };
    let stderr = String::from_utf8_lossy(&output.stderr);
    match output.status.code() {
        Some(0) => {}
        Some(3) => panic!(
            "statsmodels is not importable, so the reference test cannot run: `pip install statsmodels` (CI installs it in .ci/run). python said: {stderr}"
        ),
        _ => panic!("the statsmodels reference script failed: {stderr}"),
    }
    serde_json::from_slice(&output.stdout).expect("script prints JSON")
}

#[test]
fn the_benchmark_fit_equals_statsmodels_glm_binomial_with_frequency_weights() {
    let mut specs: Vec<MunicipalitySpec> = (0..12)
        .map(|i| MunicipalitySpec {
            age_skew: 0.7 + 0.05 * f64::from(i),
            case_rate: 0.8 + 0.04 * f64::from(i),
            psychiatric_weight: 0.5 + 0.2 * f64::from(i),
            practice: 0.7 + 0.05 * f64::from(i),
            ..MunicipalitySpec::neutral(&format!("{:03}", 101 + i), 4_000 + 500 * i as usize)
        })
        .collect();
    specs[3].practice = 2.0;
    let world = simulate(&specs, 20_170_601);
    let options = BenchmarkOptions::default();
    let result = benchmark(&world.records, &world.population, world.year, &options).expect("fits");
    assert!(result.model.converged, "{:?}", result.notes);
    assert!(result.model.aliased.is_empty());

    let rows = model_rows(&world.records, &world.population, world.year, &options).expect("rows");
    let mut csv = String::from("municipality,age_band,sex,support,diagnosis,awarded,weight\n");
    for row in &rows {
        writeln!(
            csv,
            "{},{},{},{},{},{},{:?}",
            row.municipality, row.age_band, row.sex, row.support, row.diagnosis, row.awarded, row.weight
        )
        .expect("write to string");
    }
    let reference: Value = result
        .model
        .reference_levels
        .iter()
        .map(|r| (r.factor.clone(), Value::String(r.level.clone())))
        .collect::<serde_json::Map<_, _>>()
        .into();
    let python = run_statsmodels(&csv, &reference);

    let mut max_diff = 0.0f64;
    let mut check = |what: &str, ours: f64, theirs: &Value| {
        let theirs = theirs.as_f64().unwrap_or_else(|| panic!("statsmodels gave no number for {what}"));
        let diff = (ours - theirs).abs();
        max_diff = max_diff.max(diff);
        assert!(diff <= TOLERANCE, "{what}: ours {ours}, statsmodels {theirs}, diff {diff}");
    };
    let python_coefficients = python["coefficients"].as_object().expect("coefficients");
    assert_eq!(
        python_coefficients.len(),
        result.model.coefficients.len(),
        "same columns: statsmodels {:?}",
        python_coefficients.keys().collect::<Vec<_>>()
    );
    for coefficient in &result.model.coefficients {
        check(&coefficient.name, coefficient.estimate, &python["coefficients"][&coefficient.name]);
        check(&format!("se {}", coefficient.name), coefficient.std_error, &python["std_errors"][&coefficient.name]);
    }
    check("log-likelihood", result.model.log_likelihood, &python["log_likelihood"]);
    for row in &result.municipalities {
        check(&format!("expected {}", row.municipality), row.expected, &python["expected"][&row.municipality]);
        check(
            &format!("ci_low {}", row.municipality),
            row.ci_low.expect("interval"),
            &python["interval"][&row.municipality][0],
        );
        check(
            &format!("ci_high {}", row.municipality),
            row.ci_high.expect("interval"),
            &python["interval"][&row.municipality][1],
        );
    }
    println!(
        "statsmodels {}: {} coefficients, {} municipalities, max abs diff {max_diff:e}",
        python["statsmodels_version"],
        result.model.coefficients.len(),
        result.municipalities.len()
    );
}
