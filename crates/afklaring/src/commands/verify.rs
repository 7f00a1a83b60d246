//! `afklaring verify`: recomputes every case's hash chain; exit status 1 names the first break.

use crate::common::{open_store, DbArg};
use std::process::ExitCode;

/// Check that no stored event was changed, removed or reordered.
#[derive(Debug, clap::Args)]
pub struct VerifyArgs {
    #[command(flatten)]
    pub db: DbArg,
}

/// Runs `afklaring verify`: exit 0 when every chain is whole, 1 when any is broken.
pub fn run(args: &VerifyArgs) -> anyhow::Result<ExitCode> {
    let store = open_store(&args.db.db)?;
    let report = store.verify()?;
    if report.is_clean() {
        println!("ok: {} cases, {} events, every hash chain is whole", report.cases, report.events);
        return Ok(ExitCode::SUCCESS);
    }
    for broken in &report.breaks {
        println!("BROKEN case {} at event {}: {}", broken.case, broken.seq, broken.reason);
    }
    println!("{} of {} cases have a broken chain", report.breaks.len(), report.cases.max(report.breaks.len()));
    Ok(ExitCode::from(1))
}
