//! Measures generation speed: `cargo run --release -p sim --example sim_speed -- [cases] [demo|country]`.

use std::time::Instant;

fn main() -> std::io::Result<()> {
    let mut args = std::env::args().skip(1);
    let cases: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(100_000);
    let profile = args.next().unwrap_or_else(|| "country".into());
    let cfg = if profile == "demo" { sim::SimConfig::demo(cases, 7) } else { sim::SimConfig::country(cases, 7) };
    if args.next().as_deref() == Some("generate-only") {
        let started = Instant::now();
        let mut events = 0usize;
        sim::for_each_case(&cfg, |_, case| {
            events += case.len();
            Ok::<(), ()>(())
        })
        .ok();
        let seconds = started.elapsed().as_secs_f64();
        println!("generated {events} events in {seconds:.2} s: {:.0} events/s", events as f64 / seconds);
        return Ok(());
    }
    let started = Instant::now();
    let stats = sim::write_journal(&cfg, std::io::sink())?;
    let seconds = started.elapsed().as_secs_f64();
    println!(
        "{} cases, {} events in {seconds:.2} s: {:.0} events/s, {:.1} events per case",
        stats.cases,
        stats.events,
        stats.events as f64 / seconds,
        stats.events as f64 / stats.cases.max(1) as f64
    );
    println!("event types: {:?}", stats.event_types);
    println!("decisions: {:?}", stats.decisions);
    println!("after ressourceforloeb ({}): {:?}", stats.ressourceforloeb_ended, stats.after_ressourceforloeb);
    for m in &stats.municipalities {
        let awards = m.pension_awards + m.fleksjob_awards;
        println!(
            "{} cases {} expected {:.0} destined {} (ratio {:.2}) written awards {} (pension {}, fleksjob {})",
            m.code,
            m.cases,
            m.expected_awards,
            m.destined_awards,
            m.destined_awards as f64 / m.expected_awards.max(1e-9),
            awards,
            m.pension_awards,
            m.fleksjob_awards
        );
    }
    Ok(())
}
