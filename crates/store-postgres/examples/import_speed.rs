//! Imports a journal file into a PostgreSQL store and prints the events per second:
//! `cargo run --release -p store-postgres --example import_speed -- URL FILE`.

use store::EventStore;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let (Some(url), Some(file)) = (args.next(), args.next()) else {
        return Err("usage: import_speed postgres://…[?schema=NAME] FILE".into());
    };
    let text = std::fs::read_to_string(&file)?;
    let mut store = store_postgres::PostgresStore::open(&url)?;
    let started = std::time::Instant::now();
    let report = store.import(&text, "import:speed")?;
    let seconds = started.elapsed().as_secs_f64();
    println!(
        "{} new, {} already stored, {} cases in {seconds:.2} s: {:.0} events/s",
        report.appended,
        report.skipped,
        report.cases,
        (report.appended + report.skipped) as f64 / seconds
    );
    Ok(())
}
