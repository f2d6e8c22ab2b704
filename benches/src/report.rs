//! Reads back the estimates criterion wrote in this run, to print the ratios
//! the performance targets are stated in.

use std::path::PathBuf;
use std::time::{Duration, SystemTime};

/// Where criterion writes its results: `$CRITERION_HOME`, else
/// `$CARGO_TARGET_DIR/criterion`, else `<target>/criterion` found from the
/// bench executable (`<target>/<profile>/deps/<bench>`).
pub fn criterion_dir() -> Option<PathBuf> {
    if let Some(home) = std::env::var_os("CRITERION_HOME") {
        return Some(PathBuf::from(home));
    }
    if let Some(target) = std::env::var_os("CARGO_TARGET_DIR") {
        return Some(PathBuf::from(target).join("criterion"));
    }
    let exe = std::env::current_exe().ok()?;
    Some(exe.parent()?.parent()?.parent()?.join("criterion"))
}

/// The estimates of one bench run, keyed by group and function names.
#[derive(Debug, Clone)]
pub struct Estimates {
    started: SystemTime,
    dir: Option<PathBuf>,
}

impl Estimates {
    /// Remembers now as the start of the run: estimates written before are
    /// stale (from an earlier run or a filtered-out bench) and ignored.
    pub fn since_now() -> Self {
        Self {
            started: SystemTime::now(),
            dir: criterion_dir(),
        }
    }

    /// The median time of one iteration of `group/function`, if criterion
    /// measured it in this run.
    pub fn median(&self, group: &str, function: &str) -> Option<Duration> {
        let path = self
            .dir
            .as_ref()?
            .join(group)
            .join(function)
            .join("new")
            .join("estimates.json");
        let modified = std::fs::metadata(&path).ok()?.modified().ok()?;
        if modified < self.started {
            return None;
        }
        let text = std::fs::read_to_string(&path).ok()?;
        let value: serde_json::Value = serde_json::from_str(&text).ok()?;
        let nanos = value.get("median")?.get("point_estimate")?.as_f64()?;
        (nanos.is_finite() && nanos >= 0.0).then(|| Duration::from_secs_f64(nanos / 1e9))
    }

    /// Prints `label: numerator / denominator = ratio` (of median times) and
    /// whether it meets `goal`, when both were measured in this run; returns
    /// the ratio.
    pub fn print_ratio(&self, label: &str, group: &str, numerator: &str, denominator: &str, goal: Goal) -> Option<f64> {
        let (Some(a), Some(b)) = (self.median(group, numerator), self.median(group, denominator)) else {
            println!("{label}: not measured in this run");
            return None;
        };
        let ratio = a.as_secs_f64() / b.as_secs_f64();
        println!(
            "{label}: {numerator} {a:.2?} / {denominator} {b:.2?} = {ratio:.3}x{}",
            goal.verdict(ratio)
        );
        Some(ratio)
    }
}

/// A target a ratio is held to.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Goal {
    /// The ratio must not exceed this.
    AtMost(f64),
    /// The ratio must be at least this.
    AtLeast(f64),
    /// No target: the ratio is information.
    Info,
}

impl Goal {
    /// Whether `ratio` meets the goal (always for [`Goal::Info`]).
    pub fn is_met(self, ratio: f64) -> bool {
        match self {
            Goal::AtMost(limit) => ratio <= limit,
            Goal::AtLeast(limit) => ratio >= limit,
            Goal::Info => true,
        }
    }

    /// ` (target <= 0.7: met)` and the like; empty for [`Goal::Info`].
    pub fn verdict(self, ratio: f64) -> String {
        let outcome = if self.is_met(ratio) { "met" } else { "MISSED" };
        match self {
            Goal::AtMost(limit) => format!(" (target <= {limit}: {outcome})"),
            Goal::AtLeast(limit) => format!(" (target >= {limit}: {outcome})"),
            Goal::Info => String::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn goals_judge_ratios() {
        assert!(Goal::AtMost(0.7).is_met(0.5));
        assert!(!Goal::AtMost(0.7).is_met(0.8));
        assert!(Goal::AtLeast(0.9).is_met(0.95));
        assert_eq!(Goal::AtLeast(0.9).verdict(0.5), " (target >= 0.9: MISSED)");
        assert_eq!(Goal::Info.verdict(3.0), "");
    }
}
