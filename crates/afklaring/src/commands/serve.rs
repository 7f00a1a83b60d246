//! `afklaring serve`: the web application (Danish pages and the JSON API) on one address;
//! `--demo` fills an empty database with a simulated municipality and prints the demo logins.

use crate::common::DbArg;
use anyhow::Context;
use std::net::SocketAddr;
use std::sync::Arc;
use web::{App, Config, Opener};

/// Serve the web application and the JSON API (OpenAPI at /openapi.json).
#[derive(Debug, clap::Args)]
pub struct ServeArgs {
    #[command(flatten)]
    pub db: DbArg,
    /// Address to listen on (port 0 picks a free port).
    #[arg(long, default_value = "127.0.0.1:8080")]
    pub addr: SocketAddr,
    /// Build a demo municipality into the database if it is empty, create one demo user per role
    /// with a new password, and print the logins.
    #[arg(long)]
    pub demo: bool,
    /// How many simulated cases the demo municipality gets.
    #[arg(long, default_value_t = 5000)]
    pub demo_cases: usize,
}

/// Runs `afklaring serve`.
pub fn run(args: &ServeArgs) -> anyhow::Result<()> {
    let opener = opener(&args.db.db)?;
    let today = chrono::Local::now().date_naive();
    if args.demo {
        let mut db = opener().context("opening the database for the demo")?;
        eprintln!("Bygger demokommunen (kan tage et øjeblik første gang) …");
        let report = web::demo::seed(db.as_mut(), today, args.demo_cases).map_err(|e| anyhow::anyhow!("{e}"))?;
        if report.cases_imported > 0 {
            println!("Demokommunen er bygget: {} sager.", report.cases_imported);
        }
        println!("Demobrugere (nye adgangskoder ved hver start):");
        for login in &report.logins {
            println!(
                "  {:<18} {:<24} adgangskode: {}   ({})",
                login.user,
                login.role.label_da(),
                login.password,
                login.note
            );
        }
    }
    let config = Config { secure_cookies: !args.addr.ip().is_loopback(), ..Config::default() };
    let runtime =
        tokio::runtime::Builder::new_multi_thread().enable_all().build().context("starting the async runtime")?;
    runtime.block_on(async move {
        let app = tokio::task::spawn_blocking(move || App::new(opener, config))
            .await
            .context("building the case index")?
            .map_err(|e| anyhow::anyhow!("{e}"))?;
        let listener =
            tokio::net::TcpListener::bind(args.addr).await.with_context(|| format!("listening on {}", args.addr))?;
        let addr = listener.local_addr().context("reading the listening address")?;
        println!("afklaring kører på http://{addr}/  (API: http://{addr}/openapi.json). Stop med Ctrl+C.");
        web::serve(listener, app, async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await
        .context("serving")
    })
}

fn opener(db: &str) -> anyhow::Result<Opener> {
    crate::common::open_store(db)?;
    let db = db.to_owned();
    Ok(Arc::new(move || crate::common::open_database(&db)))
}
