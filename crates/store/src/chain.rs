//! The hash chain: each stored event's hash covers the previous event's hash and its own content,
//! so a changed, removed or reordered event breaks every hash after it.

use crate::{ChainBreak, VerifyReport};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;

/// The "previous hash" of a case's first event.
pub const GENESIS_HASH: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// The hash of one stored event: SHA-256 over the previous hash, the case, the sequence number,
/// the recording time and recorder, and the event's canonical journal line.
pub fn chain_hash(previous: &str, case: &str, seq: u64, recorded_at: &str, recorded_by: &str, line: &str) -> String {
    let mut hasher = Sha256::new();
    for part in [previous, case, &seq.to_string(), recorded_at, recorded_by, line] {
        hasher.update((part.len() as u64).to_le_bytes());
        hasher.update(part.as_bytes());
    }
    hex::encode(hasher.finalize())
}

/// Checks stored chains for `verify`, whatever the backend: give it every case head, then every
/// stored event ordered by case and sequence number, then ask for the report.
///
/// Reports the first break of each case: an event whose content does not match its hash (changed),
/// a gap or disorder in the sequence numbers (removed or reordered), a head that records more events
/// than are stored (removed at the end), events without a head, and a head without events.
#[derive(Debug, Default)]
pub struct ChainVerifier {
    heads: BTreeMap<String, (u64, String)>,
    walk: ChainWalk,
    report: VerifyReport,
}

impl ChainVerifier {
    /// Starts a check against the case heads: (case id, recorded version, recorded head hash).
    pub fn new(heads: impl IntoIterator<Item = (String, u64, String)>) -> Self {
        let heads = heads.into_iter().map(|(case, version, hash)| (case, (version, hash))).collect();
        ChainVerifier { heads, ..ChainVerifier::default() }
    }

    /// Checks the next stored event; events must come ordered by case id, then sequence number.
    pub fn event(&mut self, case: &str, seq: u64, recorded_at: &str, recorded_by: &str, line: &str, hash: &str) {
        if self.walk.case != case {
            self.walk.finish(&mut self.report, &mut self.heads);
            self.walk = ChainWalk { case: case.to_owned(), ..ChainWalk::default() };
            self.report.cases += 1;
        }
        self.report.events += 1;
        self.walk.step(seq, recorded_at, recorded_by, line, hash);
    }

    /// The report: counts, and the first break of each broken case, by case id.
    pub fn finish(mut self) -> VerifyReport {
        self.walk.finish(&mut self.report, &mut self.heads);
        for (case, (version, _)) in std::mem::take(&mut self.heads) {
            self.report.breaks.push(ChainBreak {
                case,
                seq: 1,
                reason: format!("the case records {version} events but none are stored"),
            });
        }
        self.report.breaks.sort_by(|a, b| a.case.cmp(&b.case));
        self.report
    }
}

/// Walks one case's chain during verify, remembering the first break.
#[derive(Debug, Default)]
struct ChainWalk {
    case: String,
    last_seq: u64,
    previous: String,
    broken: Option<ChainBreak>,
}

impl ChainWalk {
    fn step(&mut self, seq: u64, recorded_at: &str, recorded_by: &str, line: &str, hash: &str) {
        if self.broken.is_some() {
            return;
        }
        let previous = if self.last_seq == 0 { GENESIS_HASH } else { self.previous.as_str() };
        let reason = if seq != self.last_seq + 1 {
            Some(format!(
                "expected event {} but found event {seq}: an event was removed or reordered",
                self.last_seq + 1
            ))
        } else if chain_hash(previous, &self.case, seq, recorded_at, recorded_by, line) != hash {
            Some("the stored content does not match its hash: the event was changed".to_owned())
        } else {
            None
        };
        if let Some(reason) = reason {
            self.broken = Some(ChainBreak { case: self.case.clone(), seq: seq.min(self.last_seq + 1), reason });
        }
        self.last_seq = seq;
        self.previous = hash.to_owned();
    }

    fn finish(&mut self, report: &mut VerifyReport, heads: &mut BTreeMap<String, (u64, String)>) {
        if self.case.is_empty() {
            return;
        }
        let head = heads.remove(&self.case);
        if self.broken.is_none() {
            match head {
                None => {
                    self.broken = Some(ChainBreak {
                        case: self.case.clone(),
                        seq: 1,
                        reason: "the case has events but no head record".to_owned(),
                    })
                }
                Some((version, hash)) if version != self.last_seq || hash != self.previous => {
                    self.broken = Some(ChainBreak {
                        case: self.case.clone(),
                        seq: self.last_seq.min(version) + 1,
                        reason: format!(
                            "the case records {version} events but {} are stored: events at the end were removed",
                            self.last_seq
                        ),
                    })
                }
                Some(_) => {}
            }
        }
        if let Some(broken) = self.broken.take() {
            report.breaks.push(broken);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_hash_changes_when_any_part_changes() {
        let base = chain_hash(GENESIS_HASH, "c1", 1, "2024-01-01T00:00:00Z", "u", "{}");
        assert_ne!(base, chain_hash(GENESIS_HASH, "c1", 2, "2024-01-01T00:00:00Z", "u", "{}"));
        assert_ne!(base, chain_hash(GENESIS_HASH, "c1", 1, "2024-01-01T00:00:00Z", "u", "{ }"));
        assert_ne!(base, chain_hash(&base, "c1", 1, "2024-01-01T00:00:00Z", "u", "{}"));
        // Length prefixes keep field boundaries apart.
        assert_ne!(chain_hash("a", "bc", 1, "", "", ""), chain_hash("ab", "c", 1, "", "", ""));
    }

    fn chain(case: &str, lines: &[&str]) -> Vec<(String, u64, String, String, String, String)> {
        let mut previous = GENESIS_HASH.to_owned();
        let mut rows = Vec::new();
        for (index, line) in lines.iter().enumerate() {
            let seq = index as u64 + 1;
            let hash = chain_hash(&previous, case, seq, "t", "u", line);
            rows.push((case.to_owned(), seq, "t".to_owned(), "u".to_owned(), line.to_string(), hash.clone()));
            previous = hash;
        }
        rows
    }

    fn verify(
        heads: Vec<(String, u64, String)>,
        rows: &[(String, u64, String, String, String, String)],
    ) -> VerifyReport {
        let mut verifier = ChainVerifier::new(heads);
        for (case, seq, at, by, line, hash) in rows {
            verifier.event(case, *seq, at, by, line, hash);
        }
        verifier.finish()
    }

    #[test]
    fn the_verifier_finds_whole_chains_clean_and_names_the_first_break() {
        let rows = chain("c1", &["a", "b", "c"]);
        let head = vec![("c1".to_owned(), 3, rows[2].5.clone())];
        let clean = verify(head.clone(), &rows);
        assert!(clean.is_clean());
        assert_eq!((clean.cases, clean.events), (1, 3));

        let mut changed = rows.clone();
        changed[1].4 = "B".to_owned();
        let report = verify(head.clone(), &changed);
        assert_eq!((report.breaks[0].seq, report.breaks[0].reason.contains("changed")), (2, true));

        let gap = [rows[0].clone(), rows[2].clone()];
        let report = verify(head.clone(), &gap);
        assert_eq!((report.breaks[0].seq, report.breaks[0].reason.contains("removed")), (2, true));

        let report = verify(head.clone(), &rows[..2]);
        assert_eq!(report.breaks[0].seq, 3);

        let report = verify(vec![("c0".to_owned(), 2, "x".to_owned())], &[]);
        assert_eq!((report.breaks[0].case.as_str(), report.breaks[0].seq), ("c0", 1));

        let report = verify(vec![], &rows);
        assert!(report.breaks[0].reason.contains("no head"));
    }
}
