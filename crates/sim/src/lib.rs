//! Deterministic synthetic municipalities: case journals and population tables for demos, tests and benchmarks.
//!
//! The generator walks each citizen through a state machine modelled on the Copenhagen taskforce
//! report (`shared/domain/rules.md` § 3, `metrics.md`, `findings.md`): entry on kontanthjaelp,
//! sygedagpenge or uddannelseshjaelp, follow-up conversations, measures and documents, the
//! forberedende del, the rehabilitation team, its indstilling, the hearing, the decision,
//! ressourceforloeb, fleksjob or foertidspension, and appeals. Each case is generated from its own
//! ChaCha8 stream derived from the seed, written, and dropped, so memory stays flat however many
//! cases are asked for, and the same [`SimConfig`] always gives the same bytes.
//!
//! Whether a citizen is ever awarded foertidspension, seniorfoertidspension or fleksjob is drawn
//! once per case with probability `base(age, sex, diagnosis group, entry benefit) ×
//! award_multiplier` (capped at 0.95). `base` is the composition model
//! ([`composition_award_probability`]); the multiplier is the municipality's practice. A benchmark
//! that controls for composition should therefore find each municipality's actual/expected ratio
//! close to its multiplier divided by the case-weighted mean multiplier. In
//! [`SimConfig::country`], Kolding ([`COUNTRY_FLAGGED`]) awards twice its composition and Aarhus
//! ([`COUNTRY_NEUTRAL`]) exactly its composition.

mod engine;
mod population;
mod profile;
mod stats;
mod text;

pub use population::{population_table, AGE_BANDS};
pub use profile::{
    composition_award_probability, EntryBenefit, MunicipalityProfile, SimConfig, COUNTRY_FLAGGED, COUNTRY_NEUTRAL,
    DIAGNOSIS_GROUPS,
};
pub use stats::{MunicipalityStats, SimStats};

use rand::{RngCore, SeedableRng};
use rand_chacha::ChaCha8Rng;
use std::io::{self, Write};

/// Generates the journal for `cfg` and writes it as JSON Lines, case by case (all of case 1, then
/// case 2 …), each case oldest event first. Memory does not grow with the number of cases.
pub fn write_journal<W: Write>(cfg: &SimConfig, out: W) -> io::Result<SimStats> {
    let mut out = io::BufWriter::with_capacity(1 << 16, out);
    let mut stats = SimStats::new(cfg);
    let mut line = String::with_capacity(512);
    generate(cfg, |muni_index, summary, events| {
        stats.record_case(muni_index, summary.expected_award, summary.destined_award, events);
        for event in events {
            line.clear();
            line.push_str(&journal::write_event(event));
            line.push('\n');
            out.write_all(line.as_bytes())?;
        }
        Ok::<(), io::Error>(())
    })?;
    out.flush()?;
    Ok(stats)
}

/// Generates the journal for `cfg` and hands each case's events, oldest first, to `visit` together
/// with the index of its municipality in `cfg.municipalities`. Stops at the first error `visit` returns.
pub fn for_each_case<E>(
    cfg: &SimConfig,
    mut visit: impl FnMut(usize, &[journal::Event]) -> Result<(), E>,
) -> Result<(), E> {
    generate(cfg, |muni_index, _, events| visit(muni_index, events))
}

fn generate<E>(
    cfg: &SimConfig,
    mut visit: impl FnMut(usize, &engine::CaseSummary, &[journal::Event]) -> Result<(), E>,
) -> Result<(), E> {
    let counts = cfg.case_counts();
    let mut master = ChaCha8Rng::seed_from_u64(cfg.seed);
    let mut events = Vec::with_capacity(256);
    for (muni_index, (profile, &count)) in cfg.municipalities.iter().zip(&counts).enumerate() {
        let ctx = engine::MunicipalityContext::new(cfg, profile, count);
        for serial in 1..=count {
            let case_seed = master.next_u64();
            events.clear();
            let summary = engine::generate_case(&ctx, serial, case_seed, &mut events);
            visit(muni_index, &summary, &events)?;
        }
    }
    Ok(())
}
