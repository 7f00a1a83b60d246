//! `afklaring benchmark`: each municipality's actual awards against the awards expected from its citizens' composition.

use analytics::benchmark::{benchmark, BenchmarkOptions};
use analytics::{Outcome, PopulationTable};
use anyhow::{bail, Context};
use std::path::PathBuf;

/// Which decisions count as awards.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum OutcomeArg {
    /// `afgoerelse` `tilkendt_foertidspension`.
    Foertidspension,
    /// `afgoerelse` `bevilget_fleksjob`.
    Fleksjob,
}

/// Benchmark municipalities: actual awards against expected from composition (AKF's method).
#[derive(Debug, clap::Args)]
pub struct BenchmarkArgs {
    #[command(flatten)]
    pub db: crate::common::DbArg,
    /// A case journal (JSON Lines) to read cases from instead of the database.
    #[arg(long)]
    pub journal: Option<PathBuf>,
    /// The population table (CSV: municipality,year,age_from,age_to,sex,count).
    #[arg(long)]
    pub population: PathBuf,
    /// The year to benchmark; the latest year in the population table if left out.
    #[arg(long)]
    pub year: Option<i32>,
    /// Which awards to count.
    #[arg(long, value_enum, default_value_t = OutcomeArg::Foertidspension)]
    pub outcome: OutcomeArg,
    /// Print JSON (one object per municipality) instead of a table.
    #[arg(long)]
    pub json: bool,
}

/// Runs `afklaring benchmark`.
pub fn run(args: &BenchmarkArgs) -> anyhow::Result<()> {
    let population_text = std::fs::read_to_string(&args.population)
        .with_context(|| format!("kan ikke læse befolkningstabellen {}", args.population.display()))?;
    let population = PopulationTable::parse_csv(&population_text)
        .map_err(|e| anyhow::anyhow!("{}: {e}", args.population.display()))?;
    let Some(year) = args.year.or_else(|| population.years().last().copied()) else {
        bail!("befolkningstabellen {} har ingen rækker", args.population.display());
    };
    let outcome = match args.outcome {
        OutcomeArg::Foertidspension => Outcome::Foertidspension,
        OutcomeArg::Fleksjob => Outcome::Fleksjob,
    };
    let extracted = crate::common::benchmark_records(&args.db.db, args.journal.as_ref(), year, outcome)?;
    let result = benchmark(&extracted.records, &population, year, &BenchmarkOptions::default())
        .with_context(|| format!("benchmark for {year} kunne ikke beregnes"))?;
    for note in extracted.notes().iter().chain(&result.notes) {
        eprintln!("note: {note}");
    }
    if args.json {
        println!("{}", serde_json::to_string_pretty(&result.municipalities)?);
        return Ok(());
    }
    let number = |value: Option<f64>| value.map_or_else(|| "-".to_string(), |v| format!("{v:.2}"));
    println!("Kommune  Faktisk  Forventet  Forhold  95 %-interval   Rang  Kvintil  Lille");
    for row in &result.municipalities {
        println!(
            "{:<8} {:>7} {:>10.1} {:>8} {:>6} - {:<6} {:>5} {:>8}  {}",
            row.municipality,
            row.actual,
            row.expected,
            number(row.ratio),
            number(row.ci_low),
            number(row.ci_high),
            row.rank,
            row.quintile,
            if row.small { "ja" } else { "" }
        );
    }
    Ok(())
}
