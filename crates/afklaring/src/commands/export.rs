//! `afklaring export [--case ID]`: writes the journal back in the exchange format.

use crate::common::{case_id, log_read, open_store, DbArg};
use anyhow::Context;
use std::io::Write;
use std::path::PathBuf;

/// Export the journal (case by case, each oldest first). Export then import gives the same bytes.
#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// Only this case.
    #[arg(long)]
    pub case: Option<String>,
    /// Write to this file instead of standard output.
    #[arg(long)]
    pub out: Option<PathBuf>,
    #[command(flatten)]
    pub db: DbArg,
}

/// Runs `afklaring export`.
pub fn run(args: &ExportArgs) -> anyhow::Result<()> {
    let mut store = open_store(&args.db.db)?;
    let case = args.case.as_deref().map(case_id).transpose()?;
    match &case {
        Some(case) => {
            anyhow::ensure!(store.version(case)? > 0, "no case with id {case}");
            log_read(store.as_mut(), Some(case), "afklaring export --case")?;
        }
        // A whole export reads every case's personal data: one access-log entry says so.
        None => log_read(store.as_mut(), None, "afklaring export (alle sager)")?,
    }
    let mut out: Box<dyn Write> = match &args.out {
        Some(path) => Box::new(std::fs::File::create(path).with_context(|| format!("creating {}", path.display()))?),
        None => Box::new(std::io::stdout().lock()),
    };
    let mut buffered = std::io::BufWriter::new(&mut out);
    store.export(case.as_ref(), &mut buffered).context("exporting")?;
    buffered.flush().context("writing the export")?;
    Ok(())
}
