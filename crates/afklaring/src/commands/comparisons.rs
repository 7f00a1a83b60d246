//! `afklaring comparisons`: the 2018 report's tables, Copenhagen against Aarhus, Ballerup, the cluster and the country, inconsistencies noted.

use analytics::report::{build_report, REPORT_FILES};
use anyhow::Context;
use std::collections::BTreeMap;
use std::path::PathBuf;

/// Show the report's comparison tables with their known inconsistencies.
#[derive(Debug, clap::Args)]
pub struct ComparisonsArgs {
    /// The folder holding the report's CSV files (shared/domain/data).
    #[arg(long)]
    pub data: PathBuf,
    /// Print JSON instead of text.
    #[arg(long)]
    pub json: bool,
}

/// Runs `afklaring comparisons`.
pub fn run(args: &ComparisonsArgs) -> anyhow::Result<()> {
    let mut files = BTreeMap::new();
    for name in REPORT_FILES {
        let path = args.data.join(name);
        let text = std::fs::read_to_string(&path).with_context(|| format!("kan ikke læse {}", path.display()))?;
        files.insert(name.to_string(), text);
    }
    let report = build_report(&files)?;
    if args.json {
        println!("{}", serde_json::to_string_pretty(&report)?);
        return Ok(());
    }
    for table in &report.tables {
        println!("\n{}\n{}", table.title, "=".repeat(table.title.chars().count()));
        println!("{:<50} {}", "", table.column_labels.join(" | "));
        for row in &table.rows {
            let cells: Vec<String> = row
                .cells
                .iter()
                .map(|c| match c {
                    Some(c) => match &c.qualifier {
                        Some(q) if q != "exact" => format!("{} ({q})", c.printed),
                        _ => c.printed.clone(),
                    },
                    None => "-".into(),
                })
                .collect();
            let label: String = row.label.chars().take(50).collect();
            println!("{label:<50} {}", cells.join(" | "));
        }
        for note in &table.notes {
            println!("  NB: {note}");
        }
    }
    Ok(())
}
