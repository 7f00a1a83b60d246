//! `afklaring import FILE`: validates a journal file against the stored cases and stores it atomically.

use crate::common::{open_store, DbArg};
use anyhow::Context;
use std::path::PathBuf;

/// Import a journal file. A file with any bad line stores nothing; events already stored are skipped.
#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    /// The journal file (JSON Lines, spec/journal.md); `-` reads standard input.
    pub file: PathBuf,
    #[command(flatten)]
    pub db: DbArg,
    /// Who is recorded as having stored the events (default: `import:<file name>`).
    #[arg(long)]
    pub recorded_by: Option<String>,
}

/// Runs `afklaring import`.
pub fn run(args: &ImportArgs) -> anyhow::Result<()> {
    let text = if args.file.as_os_str() == "-" {
        std::io::read_to_string(std::io::stdin()).context("reading standard input")?
    } else {
        std::fs::read_to_string(&args.file).with_context(|| format!("reading {}", args.file.display()))?
    };
    let recorded_by = args.recorded_by.clone().unwrap_or_else(|| {
        format!("import:{}", args.file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default())
    });
    let mut store = open_store(&args.db.db)?;
    let started = std::time::Instant::now();
    let report = store.import(&text, &recorded_by).with_context(|| format!("importing {}", args.file.display()))?;
    let seconds = started.elapsed().as_secs_f64();
    eprintln!(
        "imported {} new events in {} cases ({} already stored) into {} in {seconds:.2} s",
        report.appended,
        report.cases,
        report.skipped,
        crate::common::shown_db(&args.db.db)
    );
    Ok(())
}
