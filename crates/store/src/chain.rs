//! The hash chain: each stored event's hash covers the previous event's hash and its own content,
//! so a changed, removed or reordered event breaks every hash after it.

use sha2::{Digest, Sha256};

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
}
