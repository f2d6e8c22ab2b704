//! Id, key and clock generation without random-number dependencies.
//!
//! Ids come from one process-wide counter run through a bit mixer, so they look
//! random, never repeat within a process (two fakes in one test binary never
//! share a website id), and need no extra crate.

use std::sync::atomic::{AtomicU64, Ordering};

use crisp_types::Timestamp;

/// The process-wide sequence every generated id draws from.
static SEQUENCE: AtomicU64 = AtomicU64::new(1);

/// SplitMix64: a bijective mixer, so distinct inputs give distinct outputs.
fn mix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// The next mixed 64-bit value of the process-wide sequence.
fn next_u64() -> u64 {
    mix(SEQUENCE.fetch_add(1, Ordering::Relaxed))
}

/// A version-4-shaped UUID string (`xxxxxxxx-xxxx-4xxx-8xxx-xxxxxxxxxxxx`), unique
/// within the process.
pub(crate) fn uuid() -> String {
    let high = next_u64();
    let low = next_u64();
    format!(
        "{:08x}-{:04x}-4{:03x}-8{:03x}-{:012x}",
        high >> 32,
        (high >> 16) & 0xffff,
        high & 0x0fff,
        (low >> 48) & 0x0fff,
        low & 0xffff_ffff_ffff,
    )
}

/// A lowercase hexadecimal string of `len` characters (token keys, plugin tokens).
pub(crate) fn hex(len: usize) -> String {
    let mut out = String::with_capacity(len + 16);
    while out.len() < len {
        out.push_str(&format!("{:016x}", next_u64()));
    }
    out.truncate(len);
    out
}

/// A message fingerprint: positive and below 2^53, so JavaScript clients keep it
/// exact, like the fingerprints Crisp hands out.
pub(crate) fn fingerprint() -> i64 {
    // Masked to 53 bits, so the cast cannot overflow or go negative.
    let value = next_u64() & ((1_u64 << 53) - 1);
    i64::try_from(value.max(1)).unwrap_or(1)
}

/// A clock whose readings strictly increase, so "newest first" and
/// `timestamp_before` paging are deterministic even within one millisecond.
#[derive(Debug, Default)]
pub(crate) struct Clock {
    last: u64,
}

impl Clock {
    /// The current time in milliseconds, at least one more than the previous reading.
    pub(crate) fn now(&mut self) -> u64 {
        let now = Timestamp::now().as_millis().max(self.last.saturating_add(1));
        self.last = now;
        now
    }

    /// Records an externally supplied time (e.g. a message's own `timestamp`)
    /// so later readings stay after it.
    pub(crate) fn observe(&mut self, millis: u64) {
        self.last = self.last.max(millis);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uuids_are_shaped_and_distinct() {
        let a = uuid();
        let b = uuid();
        assert_ne!(a, b);
        assert_eq!(a.len(), 36);
        let groups: Vec<&str> = a.split('-').collect();
        assert_eq!(groups.iter().map(|g| g.len()).collect::<Vec<_>>(), [8, 4, 4, 4, 12]);
        assert!(groups[2].starts_with('4'));
        assert!(groups[3].starts_with('8'));
    }

    #[test]
    fn hex_has_requested_length() {
        let key = hex(64);
        assert_eq!(key.len(), 64);
        assert!(key.chars().all(|c| c.is_ascii_hexdigit()));
    }

    #[test]
    fn clock_strictly_increases() {
        let mut clock = Clock::default();
        let a = clock.now();
        let b = clock.now();
        assert!(b > a);
        clock.observe(b + 1_000);
        assert!(clock.now() > b + 1_000);
    }

    #[test]
    fn fingerprints_are_positive_and_js_safe() {
        for _ in 0..100 {
            let fp = fingerprint();
            assert!(fp > 0 && fp < (1 << 53));
        }
    }
}
