//! `afklaring indicators`: the report's chapter 5 and § 6.7 indicators per municipality, unit, year and age group.

use analytics::indicators::{indicators, IndicatorOptions, Scope};
use analytics::PopulationTable;
use anyhow::{bail, Context};
use chrono::NaiveDate;
use std::path::PathBuf;

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
    /// Print JSON instead of a table.
    #[arg(long)]
    pub json: bool,
}

/// Runs `afklaring indicators`.
pub fn run(args: &IndicatorsArgs) -> anyhow::Result<()> {
    let population_text = std::fs::read_to_string(&args.population)
        .with_context(|| format!("kan ikke læse befolkningstabellen {}", args.population.display()))?;
    let population = PopulationTable::parse_csv(&population_text)
        .map_err(|e| anyhow::anyhow!("{}: {e}", args.population.display()))?;
    let Some(year) = args.year.or_else(|| population.years().last().copied()) else {
        bail!("befolkningstabellen {} har ingen rækker", args.population.display());
    };
    let cases = crate::common::fold_cases(&args.db.db, args.journal.as_ref(), args.as_of)?;
    let Some(as_of) = args.as_of.or_else(|| cases.iter().filter_map(|c| c.last_event).max()) else {
        bail!("journalen har ingen hændelser");
    };
    let mut report = indicators(&cases, &population, year, as_of, &IndicatorOptions::default());
    report.indicators.retain(|i| match (&args.municipality, &args.unit) {
        (None, None) => true,
        (Some(m), _) if i.scope == Scope::Municipality(m.clone()) => true,
        (_, Some(u)) if i.scope == Scope::Unit(u.clone()) => true,
        _ => false,
    });
    for note in &report.notes {
        eprintln!("note: {note}");
    }
    if args.json {
        println!("{}", serde_json::to_string_pretty(&report)?);
        return Ok(());
    }
    let number = |value: Option<f64>| value.map_or_else(|| "skjult".to_string(), |v| format!("{v:.2}"));
    println!("Indikatorer {year} pr. {as_of} (tal under 5 er skjult)");
    for i in &report.indicators {
        let scope = match &i.scope {
            Scope::Country => "alle".to_string(),
            Scope::Municipality(m) => format!("kommune {m}"),
            Scope::Unit(u) => format!("enhed {u}"),
        };
        let age = serde_json::to_value(i.age_group)?.as_str().unwrap_or_default().to_string();
        println!(
            "{} | {scope} | {age} år | {} | {} / {} = {}",
            i.label,
            i.category.as_deref().unwrap_or("-"),
            number(i.numerator),
            number(i.denominator),
            number(i.value)
        );
    }
    Ok(())
}
