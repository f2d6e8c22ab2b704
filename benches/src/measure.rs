//! Process measurements read from Linux `/proc` (no `unsafe`, no libc), and
//! the statistics the load tool prints.

use std::fs;
use std::time::Duration;

/// The `/proc` folder of a process: `pid`, or this process for `None`.
fn proc_dir(pid: Option<u32>) -> String {
    match pid {
        Some(pid) => format!("/proc/{pid}"),
        None => "/proc/self".to_owned(),
    }
}

/// The CPU time (user + system, all threads) a process has used so far.
///
/// Sums the first field of `/proc/<pid>/task/*/schedstat` (nanoseconds, the
/// threads alive now), and falls back to `utime + stime` of
/// `/proc/<pid>/stat` (clock ticks, assumed 100 per second) where schedstat
/// is missing. Compare two readings taken while the same threads were alive.
pub fn cpu_time(pid: Option<u32>) -> Option<Duration> {
    let dir = proc_dir(pid);
    schedstat_time(&dir).or_else(|| stat_time(&dir))
}

fn schedstat_time(dir: &str) -> Option<Duration> {
    let mut total: u64 = 0;
    let mut any = false;
    for task in fs::read_dir(format!("{dir}/task")).ok()? {
        let Ok(task) = task else { continue };
        let Ok(text) = fs::read_to_string(task.path().join("schedstat")) else {
            continue;
        };
        if let Some(nanos) = text
            .split_whitespace()
            .next()
            .and_then(|field| field.parse::<u64>().ok())
        {
            total = total.saturating_add(nanos);
            any = true;
        }
    }
    (any && total > 0).then(|| Duration::from_nanos(total))
}

fn stat_time(dir: &str) -> Option<Duration> {
    let text = fs::read_to_string(format!("{dir}/stat")).ok()?;
    // The command name (field 2) may hold spaces: count from its `)`.
    let rest = &text[text.rfind(')')? + 1..];
    let fields: Vec<&str> = rest.split_whitespace().collect();
    // `rest` starts at field 3 (state); utime and stime are fields 14 and 15.
    let utime: u64 = fields.get(11)?.parse().ok()?;
    let stime: u64 = fields.get(12)?.parse().ok()?;
    Some(Duration::from_millis((utime + stime) * 10))
}

/// The peak resident set size of a process in KiB (`VmHWM`).
pub fn peak_rss_kib(pid: Option<u32>) -> Option<u64> {
    status_field(pid, "VmHWM:")
}

/// The current resident set size of a process in KiB (`VmRSS`).
pub fn rss_kib(pid: Option<u32>) -> Option<u64> {
    status_field(pid, "VmRSS:")
}

fn status_field(pid: Option<u32>, name: &str) -> Option<u64> {
    let text = fs::read_to_string(format!("{}/status", proc_dir(pid))).ok()?;
    let line = text.lines().find(|line| line.starts_with(name))?;
    line[name.len()..].split_whitespace().next()?.parse().ok()
}

/// The value at percentile `p` (0 to 100, nearest rank) of `sorted`, which
/// must be sorted ascending; 0 when empty.
pub fn percentile(sorted: &[u64], p: f64) -> u64 {
    if sorted.is_empty() {
        return 0;
    }
    let rank = (p / 100.0 * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

/// The median of `values` (the mean of the two middle ones for an even
/// count); NaN when empty.
pub fn median(values: &[f64]) -> f64 {
    let mut sorted: Vec<f64> = values.iter().copied().filter(|value| !value.is_nan()).collect();
    if sorted.is_empty() {
        return f64::NAN;
    }
    sorted.sort_by(f64::total_cmp);
    let middle = sorted.len() / 2;
    if sorted.len() % 2 == 1 {
        sorted[middle]
    } else {
        (sorted[middle - 1] + sorted[middle]) / 2.0
    }
}

/// A one-line description of this machine: CPU model, cores, memory,
/// kernel, load average.
pub fn machine_summary() -> String {
    let cpuinfo = fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let model = cpuinfo
        .lines()
        .find(|line| line.starts_with("model name"))
        .and_then(|line| line.split(':').nth(1))
        .map_or("unknown CPU", str::trim)
        .to_owned();
    let cores = std::thread::available_parallelism().map_or(0, std::num::NonZero::get);
    let memory = fs::read_to_string("/proc/meminfo")
        .ok()
        .and_then(|text| {
            let line = text.lines().find(|line| line.starts_with("MemTotal:"))?.to_owned();
            line.split_whitespace().nth(1)?.parse::<u64>().ok()
        })
        .map_or_else(
            || "? GiB".to_owned(),
            |kib| format!("{:.0} GiB", kib as f64 / 1024.0 / 1024.0),
        );
    let kernel =
        fs::read_to_string("/proc/sys/kernel/osrelease").map_or_else(|_| "?".to_owned(), |text| text.trim().to_owned());
    let load = fs::read_to_string("/proc/loadavg")
        .map(|text| text.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_default();
    format!("{model}, {cores} cores, {memory} RAM, Linux {kernel}, load average {load}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_use_the_nearest_rank() {
        let values: Vec<u64> = (1..=100).collect();
        assert_eq!(percentile(&values, 50.0), 50);
        assert_eq!(percentile(&values, 99.0), 99);
        assert_eq!(percentile(&values, 100.0), 100);
        assert_eq!(percentile(&values, 0.0), 1);
        assert_eq!(percentile(&[], 50.0), 0);
        assert_eq!(percentile(&[7], 99.0), 7);
    }

    #[test]
    fn medians_of_odd_and_even_counts() {
        assert_eq!(median(&[3.0, 1.0, 2.0]), 2.0);
        assert_eq!(median(&[4.0, 1.0, 3.0, 2.0]), 2.5);
        assert!(median(&[]).is_nan());
    }

    #[test]
    fn this_process_can_be_measured() {
        // Other test threads come and go, so readings of the whole process
        // are not compared here.
        assert!(cpu_time(None).unwrap() > Duration::ZERO);
        assert!(stat_time("/proc/self").is_some());
        assert!(peak_rss_kib(None).unwrap() >= rss_kib(None).unwrap() / 2);
        assert!(!machine_summary().is_empty());
    }
}
