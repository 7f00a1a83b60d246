//! Server durability under SIGKILL (issue 7, part 2): every note the API acknowledged survives, on both backends.

use serde_json::{json, Value};
use std::collections::{HashMap, HashSet};
use std::fs::File;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc;
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_afklaring");
/// Simulated cases in the demo municipality (plus the two showcase cases).
const DEMO_CASES: &str = "30";
/// Concurrent writers, all logged in as the demo caseworker.
const WRITERS: usize = 4;
/// How many times the server is killed.
const KILLS: usize = 3;
/// How many of the caseworker's cases the writers share (few, so they also meet conflicts).
const CASES_WRITTEN: usize = 10;
/// The caseworker every writer logs in as (unit JKI, owns DEMO-1 and DEMO-2).
const CASEWORKER: &str = "sagsbehandler";
/// Every note the test writes starts with this, followed by a text unique to the attempt.
const MARK: &str = "holdbarhedstest";
/// The longest a start (including building the demo) or one HTTP answer may take.
const START_TIMEOUT: Duration = Duration::from_secs(40);
const REQUEST_TIMEOUT: Duration = Duration::from_secs(10);

#[test]
fn every_note_the_server_acknowledged_survives_sigkill_on_sqlite() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("durability_server.db").to_string_lossy().into_owned();
    acknowledged_notes_survive_sigkill(&db, dir.path());
}

#[test]
fn every_note_the_server_acknowledged_survives_sigkill_on_postgres() {
    let scratch = store_postgres::scratch::ScratchSchema::create_or_fail();
    let dir = tempfile::tempdir().expect("temp dir");
    acknowledged_notes_survive_sigkill(&scratch.url(), dir.path());
}

/// A running `afklaring serve`, killed with SIGKILL and reaped when dropped (also on a failed assertion).
struct Server {
    child: Child,
    addr: String,
    /// The demo logins it printed (user → password); empty without `--demo`.
    logins: HashMap<String, String>,
    log: PathBuf,
}

impl Server {
    /// Starts the server on a free port and waits until it listens.
    fn start(db: &str, demo: bool, log: &Path) -> Server {
        let stderr = File::create(log).expect("create the server log");
        let mut command = Command::new(BIN);
        command.args(["serve", "--db", db, "--addr", "127.0.0.1:0"]);
        if demo {
            command.args(["--demo", "--demo-cases", DEMO_CASES]);
        }
        let mut child =
            command.stdin(Stdio::null()).stdout(Stdio::piped()).stderr(stderr).spawn().expect("start afklaring serve");
        let stdout = child.stdout.take().expect("server stdout");
        let (lines, read) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if lines.send(line).is_err() {
                    break;
                }
            }
        });
        let mut server = Server { child, addr: String::new(), logins: HashMap::new(), log: log.to_owned() };
        let deadline = Instant::now() + START_TIMEOUT;
        while server.addr.is_empty() {
            let line = match read.recv_timeout(deadline.saturating_duration_since(Instant::now())) {
                Ok(line) => line,
                Err(_) => panic!("the server did not start within {START_TIMEOUT:?}:\n{}", server.log_text()),
            };
            if let Some((_, url)) = line.split_once("http://") {
                server.addr = url.split('/').next().unwrap_or_default().to_owned();
            } else if let Some((user, password)) = line.split_once("adgangskode: ") {
                let user = user.split_whitespace().next().unwrap_or_default();
                let password = password.split_whitespace().next().unwrap_or_default();
                server.logins.insert(user.to_owned(), password.to_owned());
            }
        }
        server
    }

    /// Kills the server with SIGKILL (no shutdown of any kind) and reaps it.
    fn sigkill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    fn log_text(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.sigkill();
    }
}

/// A logged-in API session.
#[derive(Clone)]
struct Session {
    cookie: String,
    csrf: String,
}

/// An HTTP answer.
struct Reply {
    status: u16,
    headers: Vec<(String, String)>,
    body: String,
}

impl Reply {
    fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or(Value::Null)
    }

    fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }
}

/// One HTTP/1.1 request on a fresh connection. An answer cut short (e.g. by the kill) is an error:
/// only a whole answer counts.
fn http(addr: &str, method: &str, path: &str, session: Option<&Session>, body: Option<&str>) -> std::io::Result<Reply> {
    let mut stream = TcpStream::connect(addr)?;
    stream.set_read_timeout(Some(REQUEST_TIMEOUT))?;
    stream.set_write_timeout(Some(REQUEST_TIMEOUT))?;
    let body = body.unwrap_or("");
    let mut request = format!(
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\nAccept: application/json\r\n\
         Content-Type: application/json\r\nContent-Length: {}\r\n",
        body.len()
    );
    if let Some(session) = session {
        request.push_str(&format!("Cookie: {}\r\nX-CSRF-Token: {}\r\n", session.cookie, session.csrf));
    }
    request.push_str("\r\n");
    request.push_str(body);
    stream.write_all(request.as_bytes())?;
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw)?;
    let cut = || std::io::Error::new(std::io::ErrorKind::UnexpectedEof, "answer cut short");
    let split = raw.windows(4).position(|w| w == b"\r\n\r\n").ok_or_else(cut)?;
    let head = String::from_utf8_lossy(&raw[..split]).into_owned();
    let mut rest = raw[split + 4..].to_vec();
    let mut head_lines = head.lines();
    let status =
        head_lines.next().and_then(|l| l.split_whitespace().nth(1)).and_then(|s| s.parse().ok()).ok_or_else(cut)?;
    let headers: Vec<(String, String)> =
        head_lines.filter_map(|l| l.split_once(':')).map(|(n, v)| (n.trim().to_owned(), v.trim().to_owned())).collect();
    let mut reply = Reply { status, headers, body: String::new() };
    if reply.header("transfer-encoding").is_some_and(|v| v.eq_ignore_ascii_case("chunked")) {
        rest = dechunk(&rest).ok_or_else(cut)?;
    } else if let Some(length) = reply.header("content-length").and_then(|v| v.parse::<usize>().ok()) {
        if rest.len() < length {
            return Err(cut());
        }
        rest.truncate(length);
    }
    reply.body = String::from_utf8_lossy(&rest).into_owned();
    Ok(reply)
}

/// Decodes a chunked body; `None` when it is not whole.
fn dechunk(mut data: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    loop {
        let end = data.windows(2).position(|w| w == b"\r\n")?;
        let size_text = std::str::from_utf8(&data[..end]).ok()?;
        let size = usize::from_str_radix(size_text.split(';').next()?.trim(), 16).ok()?;
        data = &data[end + 2..];
        if size == 0 {
            return Some(out);
        }
        out.extend_from_slice(data.get(..size)?);
        data = data.get(size + 2..)?;
    }
}

fn login(server: &Server, password: &str) -> Session {
    let body = json!({ "user": CASEWORKER, "password": password }).to_string();
    let reply = http(&server.addr, "POST", "/api/login", None, Some(&body)).expect("log in");
    assert_eq!(reply.status, 200, "login: {}", reply.body);
    let cookie = reply
        .header("set-cookie")
        .and_then(|c| c.split(';').next())
        .filter(|c| c.starts_with("afklaring_session="))
        .expect("a session cookie")
        .to_owned();
    let csrf = reply.json()["csrf_token"].as_str().expect("a CSRF token").to_owned();
    Session { cookie, csrf }
}

/// The caseworker's unit's cases from the worklist, the showcase cases first.
fn cases_to_write(server: &Server, session: &Session) -> Vec<String> {
    let reply = http(&server.addr, "GET", "/api/worklist?scope=unit&limit=300", Some(session), None).expect("worklist");
    assert_eq!(reply.status, 200, "worklist: {}", reply.body);
    let mut cases = vec!["DEMO-1".to_owned(), "DEMO-2".to_owned()];
    for item in reply.json()["items"].as_array().expect("worklist items") {
        let case = item["case"].as_str().expect("an item's case").to_owned();
        if !cases.contains(&case) {
            cases.push(case);
        }
    }
    cases.truncate(CASES_WRITTEN);
    assert!(cases.len() >= 3, "too few cases to write to: {cases:?}");
    cases
}

/// A note the server answered 201 for, with the version it said the case now has.
#[derive(Debug, Clone)]
struct Ack {
    case: String,
    text: String,
    version: u64,
}

/// What one writer saw.
#[derive(Debug, Default)]
struct Outcome {
    acked: Vec<Ack>,
    /// Answered 409: nothing may have been stored.
    rejected: Vec<String>,
    /// No whole answer (the kill): may or may not be stored.
    uncertain: Vec<String>,
    /// Anything else, which is a failure while the server is alive.
    failures: Vec<String>,
}

/// A small deterministic generator (splitmix64) so no dependency is needed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
}

/// What the writers of one round share.
#[derive(Clone, Copy)]
struct Load<'a> {
    addr: &'a str,
    session: &'a Session,
    cases: &'a [String],
    round: usize,
    seed: u64,
    /// Acknowledgements so far, over all writers.
    acks: &'a AtomicUsize,
    /// Set just before the kill: what fails after it is expected.
    killed: &'a AtomicBool,
}

/// Appends notes to random cases until the server stops answering, each with the version the writer
/// last saw for the case (a 409 teaches it the current one).
fn write_notes(load: &Load<'_>, writer: usize) -> Outcome {
    let Load { addr, session, cases, round, seed, acks, killed } = *load;
    let mut rng = Rng(seed ^ ((writer as u64) << 32));
    let mut versions: HashMap<&str, u64> = HashMap::new();
    let mut outcome = Outcome::default();
    for n in 0.. {
        let case = cases[rng.next() as usize % cases.len()].as_str();
        let text = format!("{MARK} r{round} w{writer} n{n}");
        let expected = versions.get(case).copied().unwrap_or(0);
        match post_note(addr, session, case, expected, &text) {
            Ok(reply) if reply.status == 201 => match reply.json()["version"].as_u64() {
                Some(version) => {
                    if version != expected + 1 {
                        outcome
                            .failures
                            .push(format!("201 at version {version} for {text} on {case} sent at {expected}"));
                    }
                    versions.insert(case, version);
                    acks.fetch_add(1, Ordering::SeqCst);
                    outcome.acked.push(Ack { case: case.to_owned(), text, version });
                }
                None => {
                    outcome.failures.push(format!("201 without a version for {text} on {case}: {}", reply.body));
                    outcome.uncertain.push(text);
                }
            },
            Ok(reply) if reply.status == 409 => {
                let actual = reply.json()["actual_version"].as_u64();
                let Some(actual) = actual else {
                    outcome.failures.push(format!("409 without actual_version on {case}: {}", reply.body));
                    outcome.uncertain.push(text);
                    continue;
                };
                versions.insert(case, actual);
                outcome.rejected.push(text);
            }
            Ok(reply) => {
                if !killed.load(Ordering::SeqCst) {
                    outcome.failures.push(format!("HTTP {} for {text} on {case}: {}", reply.status, reply.body));
                }
                outcome.uncertain.push(text);
            }
            Err(error) => {
                if !killed.load(Ordering::SeqCst) {
                    outcome.failures.push(format!("{text} on {case} failed before the kill: {error}"));
                }
                outcome.uncertain.push(text);
                break;
            }
        }
    }
    outcome
}

/// Asks the server to append a note to `case` at `expected_version` (the `notat` form).
fn post_note(addr: &str, session: &Session, case: &str, expected_version: u64, text: &str) -> std::io::Result<Reply> {
    let body = json!({ "expected_version": expected_version, "form": "notat", "values": { "text": text } }).to_string();
    http(addr, "POST", &format!("/api/cases/{case}/events"), Some(session), Some(&body))
}

/// The stored journal, read with `afklaring export`: every line parsed.
fn export(db: &str) -> Vec<Value> {
    let output = Command::new(BIN).args(["export", "--db", db]).output().expect("run export");
    assert!(output.status.success(), "export failed: {}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout)
        .expect("the export is UTF-8")
        .lines()
        .map(|line| serde_json::from_str(line).unwrap_or_else(|e| panic!("export line {line:?} is not JSON: {e}")))
        .collect()
}

/// What the test has learnt so far, over every round.
#[derive(Default)]
struct Ledger {
    acked: Vec<(usize, Ack)>,
    rejected: HashSet<String>,
    uncertain: HashSet<String>,
}

/// Checks the stored journal against the ledger: every acknowledged note is stored once, on its
/// case, at the version the server answered; no rejected note is stored; nothing else with the
/// mark is stored; no case was added or lost; and `verify` is clean.
fn check_after_restart(db: &str, ledger: &Ledger, cases_at_start: usize, round: usize) -> usize {
    let journal = export(db);
    let mut position: HashMap<String, u64> = HashMap::new();
    let mut found: HashMap<String, (String, u64)> = HashMap::new();
    let mut cases = 0;
    for event in &journal {
        let case = event["case"].as_str().expect("an event's case").to_owned();
        let seq = position.entry(case.clone()).or_default();
        *seq += 1;
        if event["type"] == "borger" {
            cases += 1;
        }
        if let Some(text) = event["text"].as_str().filter(|t| t.starts_with(MARK)) {
            assert_eq!(event["type"], "note", "a marked text on another event: {event}");
            let previous = found.insert(text.to_owned(), (case, *seq));
            assert!(previous.is_none(), "after kill {round}: the note {text:?} is stored twice");
        }
    }
    assert_eq!(
        cases, cases_at_start,
        "after kill {round}: the number of cases changed (a restart must not seed again)"
    );
    for (written, ack) in &ledger.acked {
        match found.get(&ack.text) {
            Some((case, seq)) => assert!(
                *case == ack.case && *seq == ack.version,
                "after kill {round}: the note {:?} acknowledged in round {written} as version {} of {} is stored as version {seq} of {case}",
                ack.text,
                ack.version,
                ack.case
            ),
            None => panic!(
                "after kill {round}: the note {:?} acknowledged in round {written} as version {} of {} is missing",
                ack.text, ack.version, ack.case
            ),
        }
    }
    let acked: HashSet<&str> = ledger.acked.iter().map(|(_, a)| a.text.as_str()).collect();
    let mut unacknowledged_stored = 0;
    for text in found.keys() {
        assert!(
            !ledger.rejected.contains(text),
            "after kill {round}: the note {text:?} was refused with 409 but is stored"
        );
        if !acked.contains(text.as_str()) {
            assert!(
                ledger.uncertain.contains(text),
                "after kill {round}: the note {text:?} is stored but was never sent"
            );
            unacknowledged_stored += 1;
        }
    }
    let verify = Command::new(BIN).args(["verify", "--db", db]).output().expect("run verify");
    assert!(
        verify.status.success(),
        "after kill {round}: verify failed: {}{}",
        String::from_utf8_lossy(&verify.stdout),
        String::from_utf8_lossy(&verify.stderr)
    );
    unacknowledged_stored
}

/// Runs the server under writers, kills it with SIGKILL at a random moment, restarts it on the same
/// database and checks what is stored, `KILLS` times; then checks the restarted server takes writes.
fn acknowledged_notes_survive_sigkill(db: &str, dir: &Path) {
    let began = Instant::now();
    let seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos() as u64)
        .unwrap_or_default()
        ^ u64::from(std::process::id());
    eprintln!("durability_server: {db} seed {seed}");
    let backend = if db.starts_with("postgres") { "postgres" } else { "sqlite" };
    let mut rng = Rng(seed);
    let mut server = Server::start(db, true, &dir.join("server-0.log"));
    let password = server.logins.get(CASEWORKER).cloned().expect("the demo printed the caseworker's login");
    let mut session = login(&server, &password);
    let cases = cases_to_write(&server, &session);
    let cases_at_start = export(db).iter().filter(|e| e["type"] == "borger").count();
    let mut ledger = Ledger::default();
    for round in 1..=KILLS {
        let (acks, killed) = (AtomicUsize::new(0), AtomicBool::new(false));
        let run_for = Duration::from_millis(500 + rng.next() % 1500);
        let addr = server.addr.clone();
        let outcomes: Vec<Outcome> = std::thread::scope(|scope| {
            let load = Load {
                addr: &addr,
                session: &session,
                cases: &cases,
                round,
                seed: seed ^ round as u64,
                acks: &acks,
                killed: &killed,
            };
            let writers: Vec<_> = (0..WRITERS).map(|writer| scope.spawn(move || write_notes(&load, writer))).collect();
            // The kill comes at a random moment once the load is under way.
            let deadline = Instant::now() + START_TIMEOUT;
            while acks.load(Ordering::SeqCst) < WRITERS && Instant::now() < deadline {
                std::thread::sleep(Duration::from_millis(5));
            }
            std::thread::sleep(run_for);
            killed.store(true, Ordering::SeqCst);
            server.sigkill();
            writers.into_iter().map(|w| w.join().expect("a writer panicked")).collect()
        });
        let failures: Vec<&String> = outcomes.iter().flat_map(|o| &o.failures).collect();
        assert!(
            failures.is_empty(),
            "round {round}: the live server answered badly:\n{failures:#?}\n{}",
            server.log_text()
        );
        let acked_now: usize = outcomes.iter().map(|o| o.acked.len()).sum();
        let rejected_now: usize = outcomes.iter().map(|o| o.rejected.len()).sum();
        assert!(acked_now >= WRITERS, "round {round}: only {acked_now} notes acknowledged in {run_for:?}");
        for outcome in outcomes {
            ledger.acked.extend(outcome.acked.into_iter().map(|a| (round, a)));
            ledger.rejected.extend(outcome.rejected);
            ledger.uncertain.extend(outcome.uncertain);
        }

        server = Server::start(db, false, &dir.join(format!("server-{round}.log")));
        let extra = check_after_restart(db, &ledger, cases_at_start, round);
        eprintln!(
            "durability_server ({backend}): round {round}: killed {run_for:?} into the load; {acked_now} acknowledged, {rejected_now} refused (409), \
             {extra} unacknowledged in-flight notes stored; {} acknowledged in all, all present",
            ledger.acked.len()
        );
        session = login(&server, &password);
    }

    // The restarted server still refuses stale versions and takes writes on every case it was
    // killed in the middle of writing.
    for case in &cases {
        let stale = format!("{MARK} stale after the last kill on {case}");
        let reply = post_note(&server.addr, &session, case, 0, &stale).expect("a stale write");
        assert_eq!(reply.status, 409, "a stale version must be refused on {case}: {}", reply.body);
        ledger.rejected.insert(stale);
        let version = reply.json()["actual_version"].as_u64().expect("actual_version");
        let text = format!("{MARK} after the last kill on {case}");
        let reply = post_note(&server.addr, &session, case, version, &text).expect("a write");
        assert_eq!(reply.status, 201, "a write after the last restart on {case}: {}", reply.body);
        assert_eq!(reply.json()["version"].as_u64(), Some(version + 1), "{}", reply.body);
        ledger.acked.push((KILLS + 1, Ack { case: case.clone(), text, version: version + 1 }));
    }
    server.sigkill();
    check_after_restart(db, &ledger, cases_at_start, KILLS + 1);
    eprintln!(
        "durability_server ({backend}): {} acknowledged notes checked in {:?}",
        ledger.acked.len(),
        began.elapsed()
    );
}
