//! The afklaring binary: a thin command line over the library crates.

mod commands;
mod common;

use clap::{Parser, Subcommand};
use commands::*;
use std::process::ExitCode;

/// mimalloc instead of the system allocator: the whole-population commands allocate many small
/// strings on both cores at once; at 300,000 cases `worklist` ran 10–25 % faster and `indicators`
/// 12 % faster with 10 % less memory (BENCHMARKS.md). The bare fold of `journal_speed` is faster
/// with the system allocator; both are reported there.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// afklaring: case journals, the law as code, deadlines and reviews for ressourceforloeb, fleksjob
/// and foertidspension.
#[derive(Debug, Parser)]
#[command(name = "afklaring", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Import a journal file (JSON Lines) into the database; atomic and idempotent.
    Import(import::ImportArgs),
    /// Write the journal (all cases or one) in the exchange format.
    Export(export::ExportArgs),
    /// Show a case as a readable timeline in Danish.
    Show(show::ShowArgs),
    /// Check every case's hash chain; exit status 1 if any is broken.
    Verify(verify::VerifyArgs),
    /// Write a synthetic municipality's journal.
    Simulate(simulate::SimulateArgs),
    /// Indicators from the journals and a population table.
    Indicators(indicators::IndicatorsArgs),
    /// Each municipality's awards against the awards its composition predicts.
    Benchmark(benchmark::BenchmarkArgs),
    /// The report's comparison tables (Copenhagen against Aarhus, Ballerup, the cluster, the country).
    Comparisons(comparisons::ComparisonsArgs),
    /// Judge a case under the law in force on a date: tracks, route, deadlines, defects, missing evidence.
    Assess(assess::AssessArgs),
    /// Deadlines and warnings for all cases, one caseworker or one unit, most urgent first.
    Worklist(worklist::WorklistArgs),
    /// The auditor's review of every case: earlier or other decisions, evidence age, hands in the case.
    Review(review::ReviewArgs),
    /// Timeliness per caseworker and unit: conversations and deadlines met, weeks to decision, caseload.
    Timeliness(timeliness::TimelinessArgs),
    /// Serve the web application and the JSON API; --demo builds a demo municipality and prints logins.
    Serve(serve::ServeArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let ok = |result: anyhow::Result<()>| result.map(|()| ExitCode::SUCCESS);
    let result = match &cli.command {
        Command::Import(args) => ok(import::run(args)),
        Command::Export(args) => ok(export::run(args)),
        Command::Show(args) => ok(show::run(args)),
        Command::Verify(args) => verify::run(args),
        Command::Simulate(args) => ok(simulate::run(args)),
        Command::Indicators(args) => ok(indicators::run(args)),
        Command::Benchmark(args) => ok(benchmark::run(args)),
        Command::Comparisons(args) => ok(comparisons::run(args)),
        Command::Assess(args) => ok(assess::run(args)),
        Command::Worklist(args) => ok(worklist::run(args)),
        Command::Review(args) => ok(review::run(args)),
        Command::Timeliness(args) => ok(timeliness::run(args)),
        Command::Serve(args) => ok(serve::run(args)),
    };
    match result {
        Ok(code) => code,
        Err(error) => {
            eprintln!("error: {error:#}");
            ExitCode::from(2)
        }
    }
}
