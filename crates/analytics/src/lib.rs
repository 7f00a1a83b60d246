//! Indicators, the AKF-style benchmark, the report's comparisons and SVG charts: pure functions over values.
//!
//! This crate does no I/O and never reads the clock. Callers hand it values (case
//! records, CSV *text* they have read, the date to judge "as of") and get back plain
//! structs that derive `serde::Serialize`. Every aggregate meant for an analyst goes
//! through [`suppress`], which blanks cells below [`suppress::MIN_CELL_COUNT`].
//!
//! - [`benchmark`]: actual against expected awards per municipality (method in its doc).
//! - [`extract`]: case projections from journal events, and the benchmark's person records.
//! - [`html`]: the self-contained HTML analyst report (tables, time series, flows, benchmark).
//! - [`indicators`]: the report's chapter 5 and § 6.7 indicators, numerator and denominator.
//! - [`logit`]: the weighted logistic regression behind it (IRLS on nalgebra).
//! - [`stats`]: the exact Poisson interval of a ratio.
//! - [`population`]: the population table.
//! - [`report`]: the 2018 taskforce report's tables, Copenhagen against its comparators.
//! - [`svg`]: bar, time-series and flow charts as SVG strings.
//! - [`suppress`]: small-cell suppression.

#![forbid(unsafe_code)]

pub mod benchmark;
pub mod extract;
pub mod html;
pub mod indicators;
pub mod logit;
pub mod population;
pub mod report;
pub mod stats;
pub mod suppress;
pub mod svg;

pub use benchmark::{
    benchmark, model_rows, Benchmark, BenchmarkError, BenchmarkOptions, DiagnosisGroup, MunicipalityBenchmark,
    PersonRecord, Sex, SupportCategory,
};
pub use extract::{person_records, project_cases, ExtractedRecords, LeftOut, Outcome};
pub use html::html_report;
pub use indicators::{indicators, AgeGroup, Indicator, IndicatorOptions, IndicatorReport, Metric, Scope};
pub use population::{PopulationTable, SexFilter};
