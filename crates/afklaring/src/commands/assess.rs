//! `afklaring assess CASE`: the case judged under the law in force on a date, in Danish or as JSON.

use crate::common::{case_id, date, load_case, log_read, open_store, DbArg};
use anyhow::Context;
use std::path::PathBuf;

/// Assess one case as of a date: each track's status, the route, deadlines, defects and missing evidence.
#[derive(Debug, clap::Args)]
pub struct AssessArgs {
    /// The case id.
    pub case: String,
    /// Judge the case as it stood on this date, under the law then in force (default: today).
    #[arg(long)]
    pub as_of: Option<String>,
    /// Print the assessment as JSON (the stable core of spec/journal.md).
    #[arg(long)]
    pub json: bool,
    /// Also check a draft decision: a file holding one `afgoerelse` event as JSON.
    #[arg(long, value_name = "FILE")]
    pub draft: Option<PathBuf>,
    #[command(flatten)]
    pub db: DbArg,
}

/// Runs `afklaring assess`.
pub fn run(args: &AssessArgs) -> anyhow::Result<()> {
    let case = case_id(&args.case)?;
    let as_of = match &args.as_of {
        Some(text) => date(text)?,
        None => chrono::Local::now().date_naive(),
    };
    let draft = match &args.draft {
        None => None,
        Some(path) => {
            let text =
                std::fs::read_to_string(path).with_context(|| format!("reading the draft {}", path.display()))?;
            let event = journal::parse_draft_decision(&text)
                .map_err(|e| anyhow::anyhow!("{} is not a valid draft decision: {e}", path.display()))?;
            Some(event)
        }
    };
    let mut store = open_store(&args.db.db)?;
    let events = load_case(store.as_ref(), &case)?;
    log_read(store.as_mut(), Some(&case), "afklaring assess")?;
    let assessment = assess::assess(&events, as_of, draft.as_ref(), &rulebook::Settings::default())
        .with_context(|| format!("assessing case {case} as of {as_of}"))?;
    if args.json {
        println!("{}", serde_json::to_string_pretty(&assessment).context("writing the assessment as JSON")?);
    } else {
        print!("{}", assess::render_da(&assessment));
    }
    Ok(())
}
