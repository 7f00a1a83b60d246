//! `afklaring review`: the auditor's review of every case, as JSON, Markdown, HTML or CSV.

use super::worklist::load_settings;
use crate::common::{date, DbArg};
use anyhow::Context;
use std::path::PathBuf;

/// The report formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ReviewFormat {
    /// A summary report a leader can act on, in Markdown.
    Md,
    /// The same report as one self-contained HTML page.
    Html,
    /// One row per case.
    Csv,
}

/// Review every case: could another or an earlier decision have been made, evidence age, hands in the case.
#[derive(Debug, clap::Args)]
pub struct ReviewArgs {
    /// Review the cases as they stood on this date (default: today).
    #[arg(long)]
    pub as_of: Option<String>,
    /// Print one JSON object per case (the spec's list).
    #[arg(long, conflicts_with = "format")]
    pub json: bool,
    /// Report format (default md).
    #[arg(long, value_enum)]
    pub format: Option<ReviewFormat>,
    /// Write to this file instead of standard output.
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// How many of the worst cases the Markdown and HTML reports list.
    #[arg(long, default_value_t = 50)]
    pub top: usize,
    /// A TOML file with local thresholds.
    #[arg(long)]
    pub config: Option<PathBuf>,
    #[command(flatten)]
    pub db: DbArg,
}

/// Runs `afklaring review`.
pub fn run(args: &ReviewArgs) -> anyhow::Result<()> {
    let as_of = match &args.as_of {
        Some(text) => date(text)?,
        None => chrono::Local::now().date_naive(),
    };
    let settings = load_settings(args.config.as_deref())?;
    let mut reviews = Vec::new();
    crate::common::for_each_case_batch(&args.db.db, None, |batch| {
        reviews.extend(progress::review(&batch, as_of, &settings));
        Ok(())
    })?;
    let text = if args.json {
        serde_json::to_string_pretty(&reviews).context("writing JSON")? + "\n"
    } else {
        match args.format.unwrap_or(ReviewFormat::Md) {
            ReviewFormat::Md => progress::markdown(&reviews, as_of, &settings, args.top),
            ReviewFormat::Html => progress::html(&reviews, as_of, &settings, args.top),
            ReviewFormat::Csv => progress::csv(&reviews),
        }
    };
    match &args.out {
        Some(path) => std::fs::write(path, text).with_context(|| format!("writing {}", path.display())),
        None => {
            print!("{text}");
            Ok(())
        }
    }
}
