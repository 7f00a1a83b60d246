//! `afklaring timeliness`: conversations and deadlines met, weeks to decision and caseload, per caseworker and unit.

use super::worklist::load_settings;
use crate::common::{date, DbArg};
use anyhow::Context;
use std::path::PathBuf;

/// Timeliness (rettidighed) over a period.
#[derive(Debug, clap::Args)]
pub struct TimelinessArgs {
    /// First day of the period (YYYY-MM-DD).
    #[arg(long)]
    pub from: String,
    /// Last day of the period (YYYY-MM-DD); caseload is counted on this day.
    #[arg(long)]
    pub to: String,
    /// Only this unit.
    #[arg(long)]
    pub unit: Option<String>,
    /// Print JSON instead of tables.
    #[arg(long)]
    pub json: bool,
    /// A TOML file with local thresholds (the target in weeks).
    #[arg(long)]
    pub config: Option<PathBuf>,
    #[command(flatten)]
    pub db: DbArg,
}

/// Runs `afklaring timeliness`.
pub fn run(args: &TimelinessArgs) -> anyhow::Result<()> {
    let (from, to) = (date(&args.from)?, date(&args.to)?);
    anyhow::ensure!(from <= to, "--from {from} lies after --to {to}");
    let settings = load_settings(args.config.as_deref())?;
    let mut parts = Vec::new();
    crate::common::for_each_case_batch(&args.db.db, None, |batch| {
        parts.extend(progress::contributions(&batch, from, to));
        Ok(())
    })?;
    let t = progress::timeliness_of(parts, from, to, args.unit.as_deref(), &settings);
    if args.json {
        println!("{}", serde_json::to_string_pretty(&t).context("writing JSON")?);
        return Ok(());
    }
    // Caseworkers who are users are shown by name.
    let names = crate::common::staff_names(crate::common::open_store(&args.db.db)?.as_ref())?;
    let label = |key: &str| names.get(key).map_or_else(|| key.to_owned(), |name| format!("{name} ({key})"));
    println!("Rettidighed {from} – {to} (servicemål {} uger: {})", t.target_weeks, t.target_basis);
    for (title, rows) in [("Enhed", &t.units), ("Sagsbehandler", &t.caseworkers)] {
        let width = rows.iter().map(|row| label(&row.key).chars().count()).max().unwrap_or(0).max(16);
        println!(
            "\n{title:<width$} {:>8} {:>14} {:>14} {:>10} {:>12} {:>12}",
            "Sager", "Samtaler", "Frister", "Afgørelser", "Uger (med.)", "Inden mål"
        );
        for row in rows.iter().chain(std::iter::once(&t.total)) {
            println!(
                "{:<width$} {:>8} {:>14} {:>14} {:>10} {:>12} {:>12}",
                label(&row.key),
                row.caseload,
                share(row.conversations_met, row.conversations_due),
                share(row.deadlines_met, row.deadlines_due),
                row.decisions,
                row.weeks_median.map_or_else(|| "–".to_string(), |w| format!("{w:.1}")),
                share(row.within_target, row.decisions)
            );
        }
    }
    Ok(())
}

fn share(met: usize, due: usize) -> String {
    if due == 0 {
        "–".to_string()
    } else {
        format!("{met}/{due} {:.0} %", 100.0 * met as f64 / due as f64)
    }
}
