//! Reconnection backoff (PROTOCOL.md §5.5).

use std::time::Duration;

use crisp_rtm::backoff::ReconnectBackoff;

/// r from 0 to just below 1, in steps of 1/100_000, plus the edges of each
/// tenth (where the even/odd rule flips).
fn sweep() -> impl Iterator<Item = f64> {
    let steps = (0..100_000).map(|i| f64::from(i) / 100_000.0);
    let edges = (0..10).flat_map(|tenth| {
        let edge = f64::from(tenth) / 10.0;
        [edge, edge - 1e-12, edge + 1e-12]
    });
    steps
        .chain(edges)
        .chain([1.0 - f64::EPSILON])
        .filter(|r| (0.0..1.0).contains(r))
}

fn range(backoff: &ReconnectBackoff, attempt: u32) -> (Duration, Duration) {
    let mut low = Duration::MAX;
    let mut high = Duration::ZERO;
    for r in sweep() {
        let delay = backoff.delay(attempt, r);
        low = low.min(delay);
        high = high.max(delay);
    }
    (low, high)
}

fn ms(millis: u64) -> Duration {
    Duration::from_millis(millis)
}

#[test]
fn node_defaults() {
    let backoff = ReconnectBackoff::node_defaults();
    assert_eq!(backoff.base(), ms(5000));
    assert_eq!(backoff.max(), ms(10_000));
    assert!((backoff.jitter() - 0.75).abs() < f64::EPSILON);
    assert!((backoff.multiplier() - 2.0).abs() < f64::EPSILON);
    assert_eq!(backoff.attempt(), 0);
    assert_eq!(ReconnectBackoff::default(), backoff);
}

#[test]
fn ranges_stay_within_the_documented_bounds() {
    let backoff = ReconnectBackoff::node_defaults();
    let documented = [
        (0, ms(1250), ms(8750)),
        (1, ms(2500), ms(10_000)),
        (2, ms(5000), ms(10_000)),
    ];
    for (attempt, low, high) in documented {
        for r in sweep() {
            let delay = backoff.delay(attempt, r);
            assert!(
                (low..=high).contains(&delay),
                "attempt {attempt}, r {r}: {delay:?} outside {low:?}..={high:?}"
            );
        }
    }
    for attempt in [3, 4, 10, 31, 32, 100, 1000, u32::MAX] {
        for r in sweep().step_by(97) {
            assert_eq!(backoff.delay(attempt, r), ms(10_000), "attempt {attempt}, r {r}");
        }
    }
}

#[test]
fn ranges_actually_reached() {
    // The documented ranges are bounds; the formula reaches these.
    let backoff = ReconnectBackoff::node_defaults();
    let (low, high) = range(&backoff, 0);
    assert!(low < ms(1700), "{low:?}");
    assert!(high >= ms(8749), "{high:?}");
    let (low, high) = range(&backoff, 1);
    assert!(low < ms(3300), "{low:?}");
    assert_eq!(high, ms(10_000));
    let (low, high) = range(&backoff, 2);
    assert!(low < ms(6600), "{low:?}");
    assert_eq!(high, ms(10_000));
}

#[test]
fn even_odd_rule() {
    let backoff = ReconnectBackoff::node_defaults();
    // floor(r*10) = 0 (even): base - floor(r*0.75*base).
    assert_eq!(backoff.delay(0, 0.0), ms(5000));
    assert_eq!(backoff.delay(0, 0.05), ms(5000 - 187));
    // floor(r*10) = 1 (odd): base + dev.
    assert_eq!(backoff.delay(0, 0.1), ms(5000 + 375));
    assert_eq!(backoff.delay(0, 0.15), ms(5000 + 562));
    // floor(r*10) = 8 (even) and 9 (odd).
    assert_eq!(backoff.delay(0, 0.85), ms(5000 - 3187));
    assert_eq!(backoff.delay(0, 0.95), ms(5000 + 3562));
    // Attempt 1 doubles the base; the cap applies after the jitter.
    assert_eq!(backoff.delay(1, 0.0), ms(10_000));
    assert_eq!(backoff.delay(1, 0.45), ms(10_000 - 3375));
    assert_eq!(backoff.delay(1, 0.5), ms(10_000));
    assert_eq!(backoff.delay(1, 0.15), ms(10_000));
}

#[test]
fn r_outside_the_unit_interval_is_clamped() {
    let backoff = ReconnectBackoff::node_defaults();
    assert_eq!(backoff.delay(0, -1.0), backoff.delay(0, 0.0));
    assert_eq!(backoff.delay(0, f64::NAN), backoff.delay(0, 0.0));
    assert_eq!(backoff.delay(0, 1.0), backoff.delay(0, 1.0 - f64::EPSILON));
    assert_eq!(backoff.delay(0, f64::INFINITY), backoff.delay(0, 0.999_999_999));
    assert!(backoff.delay(0, 1.0) <= ms(8750));
}

#[test]
fn custom_parameters() {
    let no_jitter = ReconnectBackoff::new(ms(100), ms(1000), 0.0, 3.0);
    let delays: Vec<_> = (0..5).map(|n| no_jitter.delay(n, 0.42)).collect();
    assert_eq!(delays, [ms(100), ms(300), ms(900), ms(1000), ms(1000)]);

    // Out-of-range parameters are clamped.
    let clamped = ReconnectBackoff::new(ms(100), ms(1000), 5.0, 0.5);
    assert!((clamped.jitter() - 1.0).abs() < f64::EPSILON);
    assert!((clamped.multiplier() - 1.0).abs() < f64::EPSILON);
    let nan = ReconnectBackoff::new(ms(100), ms(1000), f64::NAN, f64::NAN);
    assert!(nan.jitter().abs() < f64::EPSILON);
    assert!((nan.multiplier() - 1.0).abs() < f64::EPSILON);
    assert_eq!(nan.delay(7, 0.3), ms(100));

    // Full jitter can reach (almost) zero but never goes negative.
    let full = ReconnectBackoff::new(ms(1000), ms(5000), 1.0, 2.0);
    for r in sweep().step_by(13) {
        assert!(full.delay(0, r) <= ms(1999));
    }
    assert_eq!(full.delay(0, 0.899_999_9), ms(101));
}

#[test]
fn zero_and_huge_settings_do_not_panic() {
    let zero = ReconnectBackoff::new(Duration::ZERO, Duration::ZERO, 0.75, 2.0);
    assert_eq!(zero.delay(0, 0.5), Duration::ZERO);
    assert_eq!(zero.delay(u32::MAX, 0.5), Duration::ZERO);
    let huge = ReconnectBackoff::new(Duration::MAX, Duration::MAX, 0.75, f64::MAX);
    for attempt in [0, 1, 2, u32::MAX] {
        for r in [0.0, 0.5, 0.85, 0.95] {
            let _ = huge.delay(attempt, r);
        }
    }
    let sub_ms_max = ReconnectBackoff::new(ms(5), Duration::from_micros(1500), 0.0, 2.0);
    assert_eq!(sub_ms_max.delay(0, 0.0), Duration::from_micros(1500));
}

#[test]
fn next_delay_counts_attempts_and_resets() {
    let mut backoff = ReconnectBackoff::node_defaults();
    let first = backoff.next_delay();
    assert!((ms(1250)..=ms(8750)).contains(&first), "{first:?}");
    assert_eq!(backoff.attempt(), 1);
    let second = backoff.next_delay();
    assert!((ms(2500)..=ms(10_000)).contains(&second), "{second:?}");
    let third = backoff.next_delay();
    assert!((ms(5000)..=ms(10_000)).contains(&third), "{third:?}");
    for _ in 0..10 {
        assert_eq!(backoff.next_delay(), ms(10_000));
    }
    assert_eq!(backoff.attempt(), 13);
    backoff.reset();
    assert_eq!(backoff.attempt(), 0);
    for _ in 0..200 {
        let mut fresh = backoff.clone();
        let delay = fresh.next_delay();
        assert!((ms(1250)..=ms(8750)).contains(&delay), "{delay:?}");
    }
}
