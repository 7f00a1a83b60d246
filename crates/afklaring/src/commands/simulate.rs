//! `afklaring simulate`: writes a synthetic municipality's journal (and optionally its population table).

use anyhow::Context;
use std::fs::File;
use std::io::{self, Write};
use std::path::PathBuf;

/// Which set of synthetic municipalities to generate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Profile {
    /// One municipality, København (101).
    Demo,
    /// Eight municipalities with different composition and practice; Kolding (621) awards twice
    /// what its composition predicts, Aarhus (751) exactly that.
    Country,
}

/// Write a realistic synthetic case journal: same seed, same bytes.
#[derive(Debug, clap::Args)]
pub struct SimulateArgs {
    /// Number of cases (citizens).
    #[arg(long, default_value_t = 1000)]
    pub cases: usize,
    /// Seed; the same seed and arguments give the same bytes.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Where to write the journal (JSON Lines); standard output if left out.
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// Which municipalities to simulate.
    #[arg(long, value_enum, default_value_t = Profile::Demo)]
    pub profile: Profile,
    /// Also write the population table (CSV) to this file.
    #[arg(long)]
    pub population: Option<PathBuf>,
}

/// Runs `afklaring simulate`.
pub fn run(args: &SimulateArgs) -> anyhow::Result<()> {
    let cfg = match args.profile {
        Profile::Demo => sim::SimConfig::demo(args.cases, args.seed),
        Profile::Country => sim::SimConfig::country(args.cases, args.seed),
    };
    if let Some(path) = &args.population {
        let mut file = File::create(path).with_context(|| format!("kan ikke oprette {}", path.display()))?;
        file.write_all(sim::population_table(&cfg).as_bytes())
            .with_context(|| format!("kan ikke skrive {}", path.display()))?;
    }
    match &args.out {
        Some(path) => {
            let file = File::create(path).with_context(|| format!("kan ikke oprette {}", path.display()))?;
            let stats =
                sim::write_journal(&cfg, file).with_context(|| format!("kan ikke skrive {}", path.display()))?;
            eprintln!("{} sager, {} hændelser skrevet til {}", stats.cases, stats.events, path.display());
        }
        None => match sim::write_journal(&cfg, io::stdout().lock()) {
            Ok(_) => {}
            // A reader that stops early (`| head`) is not an error.
            Err(error) if error.kind() == io::ErrorKind::BrokenPipe => {}
            Err(error) => return Err(error).context("kan ikke skrive til standard output"),
        },
    }
    Ok(())
}
