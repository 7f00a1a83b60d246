//! The førtidspension, seniorførtidspension and fleksjob tracks for a table of synthetic persons (bench/peers.sh).
//!
//! `cargo run --release -p rulebook --example peer_eligibility -- PERSONS.csv OUT.csv [AS_OF] [THREADS]`
//!
//! Each row of the person table (written by `bench/peers/persons.py`) becomes a
//! [`rulebook::CaseFacts`]: the birth date, one fresh health document, one judgement per
//! criterion that is not `-1` (resting on that document), `ressourceforloeb` started
//! ressourceforløb, and a seniorførtidspension application when the row has one. Each is judged
//! by [`rulebook::evaluate`] as of `AS_OF` (default 2019-06-01), and the three track statuses are
//! written as CSV, so the OpenFisca model's answers can be compared line by line. Reading the
//! table, evaluating and writing are timed apart.

use std::fmt::Write as _;
use std::time::Instant;

use chrono::{Days, NaiveDate};
use rulebook::{
    Application, ApplicationKind, Attachment, CaseFacts, Criterion, Document, DocumentKind, Judgement, Measure,
    MeasureKind, Status,
};

/// The judgement columns of the person table, in order.
const CRITERIA: [Criterion; 11] = [
    Criterion::ArbejdsevneVarigtNedsat,
    Criterion::ArbejdsevneVaesentligtNedsat,
    Criterion::KanIkkeForbedresDokumenteret,
    Criterion::KanIkkeForbedresAabenbart,
    Criterion::AabenbartFormaalsloest,
    Criterion::Udviklingsperspektiv,
    Criterion::AlleRelevanteTilbudAfproevet,
    Criterion::KanArbejdeFaaTimer,
    Criterion::UdviklingIndenForRimeligPeriode,
    Criterion::KanIkkeArbejdePaaOrdinaereVilkaar,
    Criterion::AfklaretUddannelseBeskaeftigelse,
];

/// One row of the person table.
struct Person {
    id: u64,
    birth: NaiveDate,
    flags: [i8; 11],
    ressourceforloeb: u8,
    application: Option<NaiveDate>,
    years_work: Option<f64>,
    attachment: Option<Attachment>,
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(input), Some(output)) = (args.first(), args.get(1)) else {
        eprintln!("usage: peer_eligibility PERSONS.csv OUT.csv [AS_OF] [THREADS]");
        std::process::exit(2);
    };
    let as_of = args
        .get(2)
        .and_then(|a| NaiveDate::parse_from_str(a, "%Y-%m-%d").ok())
        .unwrap_or(NaiveDate::from_ymd_opt(2019, 6, 1).unwrap_or_default());
    let threads: usize = args.get(3).and_then(|a| a.parse().ok()).unwrap_or(1).max(1);

    let started = Instant::now();
    let text = match std::fs::read_to_string(input) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("cannot read {input}: {e}");
            std::process::exit(1);
        }
    };
    let persons: Vec<Person> = match text.lines().skip(1).enumerate().map(|(i, l)| parse(l).ok_or(i + 2)).collect() {
        Ok(p) => p,
        Err(line) => {
            eprintln!("{input}: line {line} does not parse");
            std::process::exit(1);
        }
    };
    let read = started.elapsed().as_secs_f64();

    let started = Instant::now();
    let chunk = persons.len().div_ceil(threads).max(1);
    let statuses: Vec<[Status; 3]> = std::thread::scope(|scope| {
        let handles: Vec<_> = persons
            .chunks(chunk)
            .map(|part| scope.spawn(move || part.iter().map(|p| judge(p, as_of)).collect::<Vec<_>>()))
            .collect();
        handles.into_iter().flat_map(|h| h.join().unwrap_or_default()).collect()
    });
    let compute = started.elapsed().as_secs_f64();

    let started = Instant::now();
    let mut out = String::with_capacity(persons.len() * 48);
    out.push_str("id,foertidspension,seniorfoertidspension,fleksjob\n");
    for (p, s) in persons.iter().zip(&statuses) {
        let _ = writeln!(out, "{},{},{},{}", p.id, name(s[0]), name(s[1]), name(s[2]));
    }
    if let Err(e) = std::fs::write(output, out) {
        eprintln!("cannot write {output}: {e}");
        std::process::exit(1);
    }
    let write = started.elapsed().as_secs_f64();
    println!(
        "afklaring rulebook::evaluate: {} persons as of {as_of} on {threads} thread(s): read {read:.2} s, evaluate {compute:.2} s ({:.0} persons/s), write {write:.2} s",
        persons.len(),
        persons.len() as f64 / compute.max(1e-9)
    );
}

/// Builds the case facts of one person and returns the three tracks' statuses.
fn judge(p: &Person, as_of: NaiveDate) -> [Status; 3] {
    let back = |days: u64| as_of.checked_sub_days(Days::new(days)).unwrap_or(as_of);
    let mut facts = CaseFacts { birth_date: Some(p.birth), ..CaseFacts::default() };
    facts.documents.push(Document::new("d1", DocumentKind::Lae265, back(30)));
    for (criterion, flag) in CRITERIA.iter().zip(p.flags) {
        if flag >= 0 {
            facts.judgements.push(Judgement::new(back(10), *criterion, flag == 1, &["d1"]));
        }
    }
    for k in 0..p.ressourceforloeb {
        facts.measures.push(Measure::new(
            &format!("rf{k}"),
            MeasureKind::Ressourceforloeb,
            back(400 + 400 * u64::from(k)),
        ));
    }
    if let Some(at) = p.application {
        facts.applications.push(Application {
            years_full_time_work: p.years_work,
            current_attachment: p.attachment,
            ..Application::new(at, ApplicationKind::Seniorfoertidspension)
        });
    }
    match rulebook::evaluate(&facts, as_of, None) {
        Some(c) => [c.tracks.foertidspension.status, c.tracks.seniorfoertidspension.status, c.tracks.fleksjob.status],
        None => [Status::IkkeAktuel; 3],
    }
}

fn parse(line: &str) -> Option<Person> {
    let mut f = line.split(',');
    let id = f.next()?.parse().ok()?;
    let birth = NaiveDate::parse_from_str(f.next()?, "%Y-%m-%d").ok()?;
    let mut flags = [0i8; 11];
    for flag in &mut flags {
        *flag = f.next()?.parse().ok()?;
    }
    let ressourceforloeb = f.next()?.parse().ok()?;
    let application = match f.next()? {
        "" => None,
        d => Some(NaiveDate::parse_from_str(d, "%Y-%m-%d").ok()?),
    };
    let years_work = match f.next()? {
        "" => None,
        y => Some(y.parse().ok()?),
    };
    let attachment = match f.next()? {
        "" => None,
        "beskaeftigelse" => Some(Attachment::Beskaeftigelse),
        "sygedagpenge" => Some(Attachment::Sygedagpenge),
        "helbredsbetinget_ophoer" => Some(Attachment::HelbredsbetingetOphoer),
        "kontanthjaelp_kort" => Some(Attachment::KontanthjaelpKort),
        "kontanthjaelp_laenge" => Some(Attachment::KontanthjaelpLaenge),
        _ => return None,
    };
    Some(Person { id, birth, flags, ressourceforloeb, application, years_work, attachment })
}

fn name(s: Status) -> &'static str {
    match s {
        Status::Opfyldt => "opfyldt",
        Status::IkkeOpfyldt => "ikke_opfyldt",
        Status::ManglerVurdering => "mangler_vurdering",
        Status::ManglerDokumentation => "mangler_dokumentation",
        Status::IkkeAktuel => "ikke_aktuel",
    }
}
