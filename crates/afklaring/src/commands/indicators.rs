//! `afklaring indicators`: the report's chapter 5 and § 6.7 indicators per municipality, unit, year and age group.

use analytics::benchmark::{benchmark, BenchmarkOptions};
use analytics::indicators::{indicators, IndicatorOptions, IndicatorReport, Scope};
use analytics::{ExtractedRecords, Outcome, PopulationTable};
use anyhow::{bail, Context};
use chrono::{Datelike, NaiveDate};
use journal::CaseState;
use rayon::prelude::*;
use std::fmt::Write as _;
use std::path::PathBuf;

/// How the indicators are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// One line per indicator.
    Text,
    /// The whole report as JSON.
    Json,
    /// A self-contained HTML analyst report with tables and SVG charts (small cells suppressed).
    Html,
}

/// Compute indicators (numerator, denominator and value) for a year.
#[derive(Debug, clap::Args)]
pub struct IndicatorsArgs {
    #[command(flatten)]
    pub db: crate::common::DbArg,
    /// A case journal (JSON Lines) to read cases from instead of the database.
    #[arg(long)]
    pub journal: Option<PathBuf>,
    /// The population table (CSV: municipality,year,age_from,age_to,sex,count).
    #[arg(long)]
    pub population: PathBuf,
    /// The year; the latest year in the population table if left out.
    #[arg(long)]
    pub year: Option<i32>,
    /// Judge the cases as of this date (YYYY-MM-DD); the latest event's date if left out.
    /// Follow-ups (status 1-6 months after a ressourceforløb) after it are not counted.
    #[arg(long)]
    pub as_of: Option<NaiveDate>,
    /// Only this municipality (kommunekode).
    #[arg(long)]
    pub municipality: Option<String>,
    /// Only this unit (tildelt.enhed).
    #[arg(long)]
    pub unit: Option<String>,
    /// Print JSON instead of a table (the same as `--format json`).
    #[arg(long, conflicts_with = "format")]
    pub json: bool,
    /// Output format: text (default), json, or html (a self-contained report with charts).
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// Write the output to this file instead of standard output.
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// Add the benchmark of actual against expected foertidspension awards (html only).
    #[arg(long)]
    pub benchmark: bool,
}

/// Runs `afklaring indicators`.
pub fn run(args: &IndicatorsArgs) -> anyhow::Result<()> {
    let format = match (args.format, args.json) {
        (Some(format), _) => format,
        (None, true) => Format::Json,
        (None, false) => Format::Text,
    };
    if args.benchmark && format != Format::Html {
        bail!("--benchmark kan kun bruges med --format html");
    }
    let population_text = std::fs::read_to_string(&args.population)
        .with_context(|| format!("kan ikke læse befolkningstabellen {}", args.population.display()))?;
    let population = PopulationTable::parse_csv(&population_text)
        .map_err(|e| anyhow::anyhow!("{}: {e}", args.population.display()))?;
    let Some(year) = args.year.or_else(|| population.years().last().copied()) else {
        bail!("befolkningstabellen {} har ingen rækker", args.population.display());
    };
    // One pass over the cases: each is folded as of the date asked about (for the indicators) and,
    // with --benchmark, also as of 31 December of the year (for the benchmark's person records).
    let end_of_year = NaiveDate::from_ymd_opt(year, 12, 31).with_context(|| format!("ugyldigt år {year}"))?;
    let mut cases = Vec::new();
    let mut records = ExtractedRecords::empty(year);
    crate::common::for_each_case_batch(&args.db.db, args.journal.as_ref(), |batch| {
        cases.par_extend(batch.par_iter().filter_map(|events| CaseState::fold(events, args.as_of)));
        if args.benchmark {
            records.append(crate::common::year_records(&batch, end_of_year, Outcome::Foertidspension));
        }
        Ok(())
    })?;
    let Some(as_of) = args.as_of.or_else(|| cases.iter().filter_map(|c| c.last_event).max()) else {
        bail!("journalen har ingen hændelser");
    };
    // The HTML report suppresses small cells itself, and can then tell a count under 5 ("<5")
    // from a cell hidden beside one ("skjult"); the text and JSON outputs are suppressed here.
    let options = IndicatorOptions { suppress_small_cells: format != Format::Html };
    let keep = |report: &mut IndicatorReport| {
        report.indicators.retain(|i| match (&args.municipality, &args.unit) {
            (None, None) => true,
            (Some(m), _) if i.scope == Scope::Municipality(m.clone()) => true,
            (_, Some(u)) if i.scope == Scope::Unit(u.clone()) => true,
            _ => false,
        });
    };
    let mut report = indicators(&cases, &population, year, as_of, &options);
    keep(&mut report);
    for note in &report.notes {
        eprintln!("note: {note}");
    }
    let output = match format {
        Format::Json => serde_json::to_string_pretty(&report)? + "\n",
        Format::Text => text(&report)?,
        Format::Html => {
            // The time series: every year of the population table up to the as-of year.
            let series: Vec<IndicatorReport> = population
                .years()
                .into_iter()
                .filter(|y| *y <= as_of.year())
                .map(|y| {
                    let mut report = indicators(&cases, &population, y, as_of, &options);
                    keep(&mut report);
                    report
                })
                .collect();
            let bench = if args.benchmark { Some(benchmark_of(&records, &population, year)?) } else { None };
            analytics::html_report(&report, bench.as_ref(), &series)
        }
    };
    match &args.out {
        Some(path) => {
            std::fs::write(path, output).with_context(|| format!("kan ikke skrive {}", path.display()))?;
            eprintln!("skrev {}", path.display());
        }
        None => print!("{output}"),
    }
    Ok(())
}

/// The benchmark for the year from its person records, as `afklaring benchmark` computes it.
fn benchmark_of(
    records: &ExtractedRecords,
    population: &PopulationTable,
    year: i32,
) -> anyhow::Result<analytics::Benchmark> {
    let result = benchmark(&records.records, population, year, &BenchmarkOptions::default())
        .with_context(|| format!("benchmark for {year} kunne ikke beregnes"))?;
    for note in records.notes().iter().chain(&result.notes) {
        eprintln!("note: {note}");
    }
    Ok(result)
}

/// One line per indicator.
fn text(report: &IndicatorReport) -> anyhow::Result<String> {
    let number = |value: Option<f64>| value.map_or_else(|| "skjult".to_string(), |v| format!("{v:.2}"));
    let mut out = String::new();
    let _ = writeln!(out, "Indikatorer {} pr. {} (tal under 5 er skjult)", report.year, report.as_of);
    for i in &report.indicators {
        let scope = match &i.scope {
            Scope::Country => "alle".to_string(),
            Scope::Municipality(m) => format!("kommune {m}"),
            Scope::Unit(u) => format!("enhed {u}"),
        };
        let age = serde_json::to_value(i.age_group)?.as_str().unwrap_or_default().to_string();
        let _ = writeln!(
            out,
            "{} | {scope} | {age} år | {} | {} / {} = {}",
            i.label,
            i.category.as_deref().unwrap_or("-"),
            number(i.numerator),
            number(i.denominator),
            number(i.value)
        );
    }
    Ok(out)
}
