//! Tests as data: every journal under `fixtures/cases/` assessed as of each date it has a snapshot for.
//!
//! The convention is in `fixtures/cases/README.md`. `UPDATE_EXPECT=1 cargo test -p assess --test
//! fixtures` rewrites the snapshots; review the diff before committing it.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde_json::Value;

fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/cases")
}

fn updating() -> bool {
    std::env::var_os("UPDATE_EXPECT").is_some_and(|v| v != "0")
}

/// One journal fixture and the dates it is assessed on.
struct Fixture {
    dir_rule: String,
    journal: PathBuf,
    draft: Option<PathBuf>,
    snapshots: Vec<(NaiveDate, PathBuf)>,
}

fn fixtures() -> Vec<Fixture> {
    let mut out = Vec::new();
    let Ok(dirs) = std::fs::read_dir(fixtures_dir()) else { return out };
    let mut dirs: Vec<PathBuf> = dirs.flatten().map(|e| e.path()).filter(|p| p.is_dir()).collect();
    dirs.sort();
    for dir in dirs {
        let dir_rule = dir.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let mut files: Vec<PathBuf> =
            std::fs::read_dir(&dir).into_iter().flatten().flatten().map(|e| e.path()).collect();
        files.sort();
        for journal in files.iter().filter(|p| p.extension().is_some_and(|e| e == "jsonl")) {
            let slug = journal.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
            let draft = dir.join(format!("{slug}.draft.json"));
            let snapshots = files
                .iter()
                .filter_map(|p| {
                    let name = p.file_name()?.to_str()?;
                    let date = name.strip_prefix(&format!("{slug}."))?.strip_suffix(".assess.json")?;
                    Some((NaiveDate::parse_from_str(date, "%Y-%m-%d").ok()?, p.clone()))
                })
                .collect();
            out.push(Fixture {
                dir_rule: dir_rule.clone(),
                journal: journal.clone(),
                draft: draft.exists().then_some(draft),
                snapshots,
            });
        }
    }
    out
}

fn cited_rules(value: &Value, into: &mut BTreeSet<String>) {
    match value {
        Value::Object(map) => {
            if let Some(Value::String(rule)) = map.get("rule") {
                into.insert(rule.clone());
            }
            map.values().for_each(|v| cited_rules(v, into));
        }
        Value::Array(items) => items.iter().for_each(|v| cited_rules(v, into)),
        _ => {}
    }
}

/// Checks the stable core of `spec/journal.md` ("What `assess` answers") on one assessment.
fn stable_core_problems(v: &Value) -> Vec<String> {
    let mut problems = Vec::new();
    let mut need = |ok: bool, what: &str| {
        if !ok {
            problems.push(what.to_owned());
        }
    };
    let is_date = |v: &Value| v.as_str().is_some_and(|s| NaiveDate::parse_from_str(s, "%Y-%m-%d").is_ok());
    let is_text = |v: &Value| v.as_str().is_some_and(|s| !s.is_empty());
    let cited = |v: &Value| is_text(&v["rule"]) && is_text(&v["basis"]);
    need(is_date(&v["as_of"]), "as_of is a date");
    need(is_text(&v["edition"]), "edition is named");
    for track in ["foertidspension", "seniorfoertidspension", "fleksjob", "ressourceforloeb"] {
        let t = &v["tracks"][track];
        let status = t["status"].as_str().unwrap_or_default();
        need(
            ["opfyldt", "ikke_opfyldt", "mangler_vurdering", "mangler_dokumentation", "ikke_aktuel"].contains(&status),
            &format!("tracks.{track}.status is one of the spec's values"),
        );
        let findings = t["findings"].as_array();
        need(findings.is_some(), &format!("tracks.{track}.findings is a list"));
        for f in findings.into_iter().flatten() {
            need(cited(f) && is_text(&f["text"]), &format!("every finding of {track} has rule, basis and text"));
        }
    }
    let route = v["route"]["rehabiliteringsteam"].as_str().unwrap_or_default();
    need(["kraeves", "kan_undlades"].contains(&route), "route.rehabiliteringsteam is kraeves or kan_undlades");
    need(is_text(&v["route"]["basis"]), "route.basis is a citation");
    for d in v["deadlines"].as_array().into_iter().flatten() {
        let state = d["state"].as_str().unwrap_or_default();
        need(cited(d) && is_date(&d["due"]), "every deadline has rule, basis and due");
        need(
            ["aaben", "overskredet", "opfyldt"].contains(&state),
            "every deadline state is aaben, overskredet or opfyldt",
        );
    }
    need(
        v["deadlines"].is_array() && v["defects"].is_array() && v["missing"].is_array(),
        "deadlines, defects, missing are lists",
    );
    for d in v["defects"].as_array().into_iter().flatten() {
        need(cited(d) && is_text(&d["text"]), "every defect has rule, basis and text");
    }
    for m in v["missing"].as_array().into_iter().flatten() {
        need(is_text(&m["basis"]), "every missing item has a basis");
    }
    problems
}

#[test]
fn every_journal_fixture_assesses_to_its_snapshot_and_each_directory_cites_its_rule() {
    let all = fixtures();
    assert!(!all.is_empty(), "no fixtures under {}", fixtures_dir().display());
    let catalogue: BTreeSet<&str> = rulebook::catalogue().iter().map(|m| m.id).collect();
    let settings = rulebook::Settings::default();
    let mut failures = Vec::new();
    let mut dirs_cited = BTreeSet::new();
    for fx in &all {
        let name = fx.journal.strip_prefix(fixtures_dir()).unwrap_or(&fx.journal).display().to_string();
        let mut fail = |why: String| failures.push(format!("{name}: {why}"));
        if !catalogue.contains(fx.dir_rule.as_str()) {
            fail(format!("directory {:?} is not a rule id of the rulebook catalogue", fx.dir_rule));
        }
        let text = match std::fs::read_to_string(&fx.journal) {
            Ok(text) => text,
            Err(e) => {
                fail(format!("cannot read: {e}"));
                continue;
            }
        };
        let events = match journal::parse_journal(&text) {
            Ok(events) => events,
            Err(e) => {
                fail(format!("not a valid journal: {e}"));
                continue;
            }
        };
        let draft = match &fx.draft {
            None => None,
            Some(path) => match std::fs::read_to_string(path).map(|t| journal::parse_draft_decision(&t)) {
                Ok(Ok(event)) => Some(event),
                Ok(Err(e)) => {
                    fail(format!("draft is not an afgoerelse event: {e}"));
                    continue;
                }
                Err(e) => {
                    fail(format!("cannot read the draft: {e}"));
                    continue;
                }
            },
        };
        if fx.snapshots.is_empty() {
            fail("no snapshot: add an empty <slug>.<YYYY-MM-DD>.assess.json and run with UPDATE_EXPECT=1".into());
        }
        let mut cited = BTreeSet::new();
        for (as_of, snapshot) in &fx.snapshots {
            let assessment = match assess::assess(&events, *as_of, draft.as_ref(), &settings) {
                Ok(a) => a,
                Err(e) => {
                    fail(format!("as of {as_of}: {e}"));
                    continue;
                }
            };
            let actual = match serde_json::to_value(&assessment) {
                Ok(v) => v,
                Err(e) => {
                    fail(format!("as of {as_of}: cannot serialise: {e}"));
                    continue;
                }
            };
            for problem in stable_core_problems(&actual) {
                fail(format!("as of {as_of}: spec stable core: {problem}"));
            }
            cited_rules(&actual, &mut cited);
            let pretty = serde_json::to_string_pretty(&actual).unwrap_or_default() + "\n";
            let expected: Option<Value> =
                std::fs::read_to_string(snapshot).ok().and_then(|t| serde_json::from_str(&t).ok());
            if expected.as_ref() != Some(&actual) {
                if updating() {
                    if let Err(e) = std::fs::write(snapshot, &pretty) {
                        fail(format!("cannot write {}: {e}", snapshot.display()));
                    }
                } else {
                    fail(format!(
                        "as of {as_of}: the assessment differs from {} (rerun with UPDATE_EXPECT=1 and review the diff); actual:\n{pretty}",
                        snapshot.display()
                    ));
                }
            }
        }
        if cited.contains(&fx.dir_rule) {
            dirs_cited.insert(fx.dir_rule.clone());
        }
    }
    for dir in all.iter().map(|f| &f.dir_rule).collect::<BTreeSet<_>>() {
        if !dirs_cited.contains(dir) {
            failures.push(format!("{dir}: no fixture in this directory cites {dir}, the rule it is filed under"));
        }
    }
    assert!(failures.is_empty(), "{} fixture problem(s):\n{}", failures.len(), failures.join("\n"));
}

/// Rule ids of the catalogue that `evaluate` never concludes with: they are recorded as metadata
/// (for the catalogue and the citations inside texts) but no finding, deadline, defect or missing
/// item carries them.
const NOT_CONCLUDED_BY_EVALUATE: &[&str] = &[
    // Principle decisions the report names that no rule applies (yet): 33-15 was withdrawn with
    // L 193; P-9-06, P-11-04, R-4-04 and P-20-06 describe practice, not a testable condition.
    "ast.33-15",
    "ast.p-9-06",
    "ast.p-11-04",
    "ast.r-4-04",
    "ast.p-20-06",
    // The route of a PL § 17, stk. 2 application is decided under 6-14, and a refusal is checked
    // under PL § 19, stk. 1, nr. 5; these two are cited inside texts only.
    "pl.17.2.foreliggende_grundlag",
    "pl.20.2.afslag",
    // Copenhagen's local conversation target and RSL § 3 are catalogued, not evaluated.
    "praksis.samtaler.kontanthjaelp_hver_3_maaned",
    "rsl.3.hurtigst_muligt",
];

#[test]
fn every_rule_the_rulebook_can_conclude_with_has_a_fixture_directory() {
    let dirs: BTreeSet<String> = fixtures().into_iter().map(|f| f.dir_rule).collect();
    let missing: Vec<&str> = rulebook::catalogue()
        .iter()
        .map(|m| m.id)
        .filter(|id| !dirs.contains(*id) && !NOT_CONCLUDED_BY_EVALUATE.contains(id))
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    assert!(missing.is_empty(), "rule ids without a fixture under fixtures/cases/: {missing:?}");
}
