//! Durability under faults (issue 7, part 2): writers are killed with SIGKILL mid-stream, and every
//! import they acknowledged is still there afterwards with every hash chain whole, on both backends.

use std::io::{BufRead, BufReader};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use store::EventStore;

const BIN: &str = env!("CARGO_BIN_EXE_afklaring");
const FILES: usize = 300;
const CASES_PER_FILE: usize = 4;
const EVENTS_PER_CASE: usize = 3;
const KILLS: usize = 3;

/// Writes the journal files the writers import: each holds new cases only, so an acknowledged file
/// means exactly its cases, each with all its events.
fn write_files(dir: &Path) -> Vec<PathBuf> {
    (0..FILES)
        .map(|file| {
            let mut text = String::new();
            for case in 0..CASES_PER_FILE {
                let id = format!("f{file}c{case}");
                text.push_str(&format!(
                    r#"{{"case":"{id}","at":"2018-01-02","type":"borger","birth_date":"1970-01-01","municipality":"101"}}"#
                ));
                text.push('\n');
                for note in 1..EVENTS_PER_CASE {
                    text.push_str(&format!(
                        r#"{{"case":"{id}","at":"2018-01-0{}","type":"note","by":"sb:a","text":"note {note}"}}"#,
                        note + 2
                    ));
                    text.push('\n');
                }
            }
            let path = dir.join(format!("f{file}.jsonl"));
            std::fs::write(&path, text).expect("write a journal file");
            path
        })
        .collect()
}

/// Runs a writer that imports `files` one after another, printing `ack <index>` after each import
/// that succeeded, kills it (and the import it is running) with SIGKILL once it has acknowledged
/// `after` more files, and returns the indices acknowledged.
fn write_until_killed(db: &str, files: &[PathBuf], first: usize, after: usize) -> Vec<usize> {
    let script = r#"db="$1"; first="$2"; shift 2; i=$first
        for f in "$@"; do "$AFKLARING" import --db "$db" "$f" 2>/dev/null || exit 1; echo "ack $i"; i=$((i+1)); done"#;
    let mut child = Command::new("sh")
        .arg("-c")
        .arg(script)
        .arg("sh")
        .arg(db)
        .arg(first.to_string())
        .args(&files[first..])
        .env("AFKLARING", BIN)
        .stdout(Stdio::piped())
        .process_group(0)
        .spawn()
        .expect("start the writer");
    let acked = Arc::new(Mutex::new(Vec::new()));
    let reader = {
        let acked = Arc::clone(&acked);
        let stdout = child.stdout.take().expect("writer stdout");
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if let Some(index) = line.strip_prefix("ack ").and_then(|n| n.parse::<usize>().ok()) {
                    acked.lock().expect("ack list").push(index);
                }
            }
        })
    };
    let deadline = Instant::now() + Duration::from_secs(120);
    while acked.lock().expect("ack list").len() < after {
        assert!(Instant::now() < deadline, "the writer acknowledged too little in two minutes");
        assert!(child.try_wait().expect("poll the writer").is_none(), "the writer stopped before it was killed");
        std::thread::sleep(Duration::from_millis(2));
    }
    // A little jitter so the kill lands at different points of an import.
    let jitter = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default().subsec_micros();
    std::thread::sleep(Duration::from_micros(u64::from(jitter % 20_000)));
    let status = Command::new("kill").args(["-KILL", "--", &format!("-{}", child.id())]).status().expect("run kill");
    assert!(status.success(), "kill failed");
    child.wait().expect("reap the writer");
    reader.join().expect("ack reader");
    let acked = acked.lock().expect("ack list").clone();
    acked
}

/// Kills writers mid-stream several times, then checks that every acknowledged file's cases are
/// stored whole and that verify finds every chain whole.
fn acknowledged_imports_survive_sigkill(db: &str, open: &dyn Fn() -> Box<dyn EventStore>) {
    let dir = tempfile::tempdir().expect("temp dir");
    let files = write_files(dir.path());
    let mut acked = Vec::new();
    let mut next = 0;
    for _ in 0..KILLS {
        let round = write_until_killed(db, &files, next, 20);
        next = round.last().map_or(next, |last| last + 1);
        acked.extend(round);
    }
    assert!(acked.len() >= KILLS * 20);

    // After the crashes the store opens, verifies clean and takes writes again (the file that was in
    // flight at the last kill is either wholly there or wholly absent, so importing it is safe).
    let verify = Command::new(BIN).args(["verify", "--db", db]).output().expect("run verify");
    assert!(verify.status.success(), "verify after the kills: {}", String::from_utf8_lossy(&verify.stdout));
    let import = Command::new(BIN).args(["import", "--db", db]).arg(&files[next]).output().expect("run import");
    assert!(import.status.success(), "import after the kills: {}", String::from_utf8_lossy(&import.stderr));

    let store = open();
    for &file in &acked {
        for case in 0..CASES_PER_FILE {
            let id = journal::CaseId::parse(&format!("f{file}c{case}")).expect("case id");
            let stored = store.load(&id).expect("load a case");
            assert_eq!(stored.len(), EVENTS_PER_CASE, "acknowledged file {file}: case {id} is not whole");
        }
    }
    // Nothing beyond what was written: every stored case is whole (no half-written import).
    let mut cases = 0;
    store
        .scan(&mut |id, events| {
            cases += 1;
            assert_eq!(events.len(), EVENTS_PER_CASE, "case {id} was stored in part");
        })
        .expect("scan");
    assert!(cases >= (acked.len() + 1) * CASES_PER_FILE);
    let report = store.verify().expect("verify");
    assert!(report.is_clean(), "{report:?}");
}

#[test]
fn acknowledged_imports_survive_sigkill_on_sqlite() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("durability.db");
    let db = path.to_string_lossy().into_owned();
    acknowledged_imports_survive_sigkill(&db, &|| {
        Box::new(store_sqlite::SqliteStore::open(&path).expect("open the SQLite store"))
    });
}

#[test]
fn acknowledged_imports_survive_sigkill_on_postgres() {
    let scratch = store_postgres::scratch::ScratchSchema::create_or_fail();
    acknowledged_imports_survive_sigkill(&scratch.url(), &|| {
        Box::new(scratch.open().expect("open the PostgreSQL store"))
    });
}
