//! `afklaring worklist`: every open or overdue deadline and warning for the cases in scope, most urgent first.

use crate::common::{date, DbArg};
use anyhow::Context;
use std::path::{Path, PathBuf};

/// List deadlines and warnings for all cases, one caseworker's cases or one unit's cases.
#[derive(Debug, clap::Args)]
pub struct WorklistArgs {
    /// The date to judge on (YYYY-MM-DD).
    #[arg(long)]
    pub as_of: String,
    /// Only the cases this caseworker holds now (latest assignment), e.g. sb:anna.
    #[arg(long, conflicts_with = "unit")]
    pub caseworker: Option<String>,
    /// Only the cases this unit holds now, e.g. JKI.
    #[arg(long)]
    pub unit: Option<String>,
    /// Print the spec's JSON list instead of a table.
    #[arg(long)]
    pub json: bool,
    /// A TOML file with local thresholds (see the progress crate's Settings; every key optional).
    #[arg(long)]
    pub config: Option<PathBuf>,
    #[command(flatten)]
    pub db: DbArg,
}

/// Runs `afklaring worklist`.
pub fn run(args: &WorklistArgs) -> anyhow::Result<()> {
    let as_of = date(&args.as_of)?;
    let settings = load_settings(args.config.as_deref())?;
    let scope = match (&args.caseworker, &args.unit) {
        (Some(id), _) => progress::Scope::Caseworker(id.clone()),
        (None, Some(unit)) => progress::Scope::Unit(unit.clone()),
        (None, None) => progress::Scope::All,
    };
    let mut items = Vec::new();
    crate::common::for_each_case_batch(&args.db.db, None, |batch| {
        items.extend(progress::worklist(&batch, as_of, &scope, &settings));
        Ok(())
    })?;
    progress::sort(&mut items, as_of);
    if args.json {
        println!("{}", serde_json::to_string_pretty(&items).context("writing JSON")?);
        return Ok(());
    }
    if items.is_empty() {
        println!("Ingen frister eller advarsler pr. {as_of}.");
        return Ok(());
    }
    println!("{:<12} {:<11} {:<24} {:<12} {:<40} Tekst", "Frist", "Status", "Sag", "Sagsbeh.", "Regel (hjemmel)");
    for item in &items {
        let state = match item.state {
            progress::ItemState::Aaben => "åben",
            progress::ItemState::Overskredet => "overskredet",
        };
        println!(
            "{:<12} {:<11} {:<24} {:<12} {:<40} {}",
            item.due.map_or_else(|| "–".to_string(), |d| d.to_string()),
            state,
            item.case,
            item.caseworker.as_deref().unwrap_or("–"),
            format!("{} ({})", item.rule, item.basis),
            item.text
        );
    }
    Ok(())
}

/// Reads the local thresholds from a TOML file, or the documented defaults without one.
pub(crate) fn load_settings(path: Option<&Path>) -> anyhow::Result<progress::Settings> {
    let Some(path) = path else { return Ok(progress::Settings::default()) };
    let text = std::fs::read_to_string(path).with_context(|| format!("reading the config file {}", path.display()))?;
    toml::from_str(&text).with_context(|| format!("the config file {} is not valid", path.display()))
}
