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
///
/// Cases are generated and serialised in blocks on all available cores and written in order, so
/// the bytes do not depend on the number of threads.
pub fn write_journal<W: Write>(cfg: &SimConfig, out: W) -> io::Result<SimStats> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(8);
    write_journal_with_threads(cfg, out, threads)
}

/// [`write_journal`] with a given number of worker threads (1 = everything on the calling thread).
pub fn write_journal_with_threads<W: Write>(cfg: &SimConfig, out: W, threads: usize) -> io::Result<SimStats> {
    let mut out = io::BufWriter::with_capacity(1 << 16, out);
    let mut stats = SimStats::new(cfg);
    if threads <= 1 || cfg.cases < 2 * BLOCK {
        let mut text = String::with_capacity(1 << 16);
        generate(cfg, |muni_index, summary, events| {
            text.clear();
            write_case(&mut text, &mut stats, muni_index, summary, events);
            out.write_all(text.as_bytes())
        })?;
    } else {
        parallel::write(cfg, &mut out, &mut stats, threads)?;
    }
    out.flush()?;
    Ok(stats)
}

/// Cases per block handed to a worker thread.
const BLOCK: usize = 256;

fn write_case(
    text: &mut String,
    stats: &mut SimStats,
    muni_index: usize,
    summary: &engine::CaseSummary,
    events: &[journal::Event],
) {
    stats.record_case(muni_index, summary.expected_award, summary.destined_award, events);
    for event in events {
        text.push_str(&journal::write_event(event));
        text.push('\n');
    }
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

/// Blocks of cases generated and serialised on worker threads, written in order by the caller.
mod parallel {
    use super::{engine, write_case, SimConfig, SimStats, BLOCK};
    use rand::{RngCore, SeedableRng};
    use rand_chacha::ChaCha8Rng;
    use std::collections::BTreeMap;
    use std::io::{self, Write};
    use std::sync::{mpsc, Arc, Mutex};

    struct Job {
        index: usize,
        muni: usize,
        first_serial: usize,
        seeds: Vec<u64>,
    }

    pub(super) fn write<W: Write>(
        cfg: &SimConfig,
        out: &mut W,
        stats: &mut SimStats,
        threads: usize,
    ) -> io::Result<()> {
        let counts = cfg.case_counts();
        let contexts: Vec<engine::MunicipalityContext<'_>> =
            cfg.municipalities.iter().zip(&counts).map(|(p, &n)| engine::MunicipalityContext::new(cfg, p, n)).collect();
        let (job_tx, job_rx) = mpsc::channel::<Job>();
        let job_rx = Arc::new(Mutex::new(job_rx));
        let (done_tx, done_rx) = mpsc::channel::<(usize, String, SimStats)>();
        std::thread::scope(|scope| {
            for _ in 0..threads {
                let job_rx = Arc::clone(&job_rx);
                let done_tx = done_tx.clone();
                let contexts = &contexts;
                scope.spawn(move || {
                    let mut events = Vec::with_capacity(256);
                    loop {
                        let job = match job_rx.lock() {
                            Ok(rx) => rx.recv(),
                            Err(_) => return,
                        };
                        let Ok(job) = job else { return };
                        let mut text = String::with_capacity(BLOCK * 6000);
                        let mut part = SimStats::new(cfg);
                        for (offset, seed) in job.seeds.iter().enumerate() {
                            events.clear();
                            let summary = engine::generate_case(
                                &contexts[job.muni],
                                job.first_serial + offset,
                                *seed,
                                &mut events,
                            );
                            write_case(&mut text, &mut part, job.muni, &summary, &events);
                        }
                        if done_tx.send((job.index, text, part)).is_err() {
                            return;
                        }
                    }
                });
            }
            drop(done_tx);
            let mut master = ChaCha8Rng::seed_from_u64(cfg.seed);
            let mut pending: BTreeMap<usize, (String, SimStats)> = BTreeMap::new();
            let (mut sent, mut written) = (0usize, 0usize);
            let mut result = Ok(());
            let mut receive =
                |pending: &mut BTreeMap<usize, (String, SimStats)>, written: &mut usize| -> io::Result<()> {
                    let Ok((index, text, part)) = done_rx.recv() else {
                        return Err(io::Error::other("a generator thread stopped"));
                    };
                    pending.insert(index, (text, part));
                    while let Some((text, part)) = pending.remove(written) {
                        out.write_all(text.as_bytes())?;
                        stats.merge(&part);
                        *written += 1;
                    }
                    Ok(())
                };
            'jobs: for (muni, &count) in counts.iter().enumerate() {
                let mut serial = 1;
                while serial <= count {
                    let n = BLOCK.min(count + 1 - serial);
                    let seeds = (0..n).map(|_| master.next_u64()).collect();
                    while sent - written >= 4 * threads {
                        if let Err(error) = receive(&mut pending, &mut written) {
                            result = Err(error);
                            break 'jobs;
                        }
                    }
                    if job_tx.send(Job { index: sent, muni, first_serial: serial, seeds }).is_err() {
                        result = Err(io::Error::other("the generator threads stopped"));
                        break 'jobs;
                    }
                    sent += 1;
                    serial += n;
                }
            }
            drop(job_tx);
            while result.is_ok() && written < sent {
                result = receive(&mut pending, &mut written);
            }
            result
        })
    }
}
