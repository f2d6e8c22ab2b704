//! The load tool: N `getConversation` calls at concurrency 1 and 32 through
//! the crisp-rs default stack and through a bare hyper-util client, side by
//! side, against a local server whose ceiling it measures first; optionally
//! the official Node SDK too (see `benches/node/run.sh`).
//!
//! ```text
//! cargo run --release -p crisp-benches --bin load -- [compare] [options]
//!     --calls N              calls per run and client (default 20000)
//!     --runs R               interleaved runs; the table shows medians (default 3)
//!     --concurrency 1,32     calls in flight
//!     --warmup W             calls before each measured run (default 1000)
//!     --ceiling-concurrency C  in flight for the server-ceiling run (default 64)
//!     --server-threads T     the server's runtime threads (default 1)
//!     --clients crisp,bare   which Rust clients run
//!     --node PATH            also run `node PATH` (benches/node/load.js)
//! cargo run --release -p crisp-benches --bin load -- serve [--addr 127.0.0.1:0] [--threads T] [--fixture conversation]
//! cargo run --release -p crisp-benches --bin load -- client --client crisp|bare --addr ADDR [--calls N] [--concurrency C] [--warmup W]
//! ```
//!
//! `compare` starts `serve` as a child process, then runs every client in a
//! child process of its own (`client`, or `node`), so each reports its own
//! CPU time and peak RSS, and neither the server nor the other client is
//! counted. Each child prints one `RESULT key=value ...` line; `compare`
//! prints the medians as a markdown table ready to paste.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Write};
use std::net::SocketAddr;
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use crisp_benches::clients::{ClientKind, Target};
use crisp_benches::fixtures::Fixture;
use crisp_benches::measure::{cpu_time, machine_summary, median, peak_rss_kib, percentile};
use crisp_benches::server;

type BoxError = Box<dyn std::error::Error + Send + Sync>;

fn main() {
    if let Err(error) = run() {
        eprintln!("load: {error}");
        std::process::exit(1);
    }
}

fn run() -> Result<(), BoxError> {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let command = match args.first().map(String::as_str) {
        Some("serve" | "client" | "compare") => args.remove(0),
        Some("-h" | "--help") => {
            println!("{}", USAGE.trim());
            return Ok(());
        }
        _ => "compare".to_owned(),
    };
    let options = Options::parse(&args)?;
    match command.as_str() {
        "serve" => serve(&options),
        "client" => client(&options),
        _ => compare(&options),
    }
}

const USAGE: &str = "
load [compare] [--calls N] [--runs R] [--concurrency 1,32] [--warmup W] [--ceiling-concurrency C]
               [--server-threads T] [--clients crisp,bare] [--node PATH/load.js]
load serve [--addr 127.0.0.1:0] [--threads T] [--fixture conversation|conversations|messages]
load client --client crisp|bare --addr ADDR [--calls N] [--concurrency C] [--warmup W]
";

/// `--name value` pairs.
struct Options(BTreeMap<String, String>);

impl Options {
    fn parse(args: &[String]) -> Result<Self, BoxError> {
        let mut map = BTreeMap::new();
        let mut iter = args.iter();
        while let Some(name) = iter.next() {
            let key = name
                .strip_prefix("--")
                .ok_or_else(|| format!("unexpected argument `{name}`\n{}", USAGE.trim()))?;
            let value = iter.next().ok_or_else(|| format!("`{name}` needs a value"))?;
            map.insert(key.to_owned(), value.clone());
        }
        Ok(Self(map))
    }

    fn text(&self, name: &str) -> Option<&str> {
        self.0.get(name).map(String::as_str)
    }

    fn number(&self, name: &str, default: usize) -> Result<usize, BoxError> {
        match self.text(name) {
            Some(text) => Ok(text
                .parse()
                .map_err(|_| format!("--{name}: `{text}` is not a number"))?),
            None => Ok(default),
        }
    }

    fn list(&self, name: &str, default: &str) -> Vec<String> {
        self.text(name)
            .unwrap_or(default)
            .split(',')
            .map(str::trim)
            .filter(|item| !item.is_empty())
            .map(str::to_owned)
            .collect()
    }
}

// ----------------------------------------------------------------- serve

/// Serves the fixture until killed; the first line of stdout is
/// `listening on ADDR`.
fn serve(options: &Options) -> Result<(), BoxError> {
    let addr: SocketAddr = options.text("addr").unwrap_or("127.0.0.1:0").parse()?;
    let fixture_name = options.text("fixture").unwrap_or("conversation");
    let fixture = Fixture::from_name(fixture_name).ok_or_else(|| format!("unknown fixture `{fixture_name}`"))?;
    let runtime = server::runtime(options.number("threads", 1)?)?;
    runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind(addr).await?;
        let mut stdout = std::io::stdout();
        writeln!(stdout, "listening on {}", listener.local_addr()?)?;
        stdout.flush()?;
        server::serve(listener, fixture.bytes(), std::future::pending()).await?;
        Ok(())
    })
}

// ---------------------------------------------------------------- client

/// One measured run of one client; prints a `RESULT` line.
fn client(options: &Options) -> Result<(), BoxError> {
    let kind_name = options.text("client").unwrap_or("crisp");
    let kind = ClientKind::from_name(kind_name).ok_or_else(|| format!("unknown client `{kind_name}`"))?;
    let addr: SocketAddr = options.text("addr").ok_or("--addr is required")?.parse()?;
    let calls = options.number("calls", 20_000)?;
    let concurrency = options.number("concurrency", 1)?.max(1);
    let warmup = options.number("warmup", 1_000)?;
    // What `#[tokio::main]` gives a user: one worker per core.
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
    runtime.block_on(async {
        let target = Target::new(kind, addr)?;
        let warm = run_calls(&target, warmup, concurrency).await;
        if let Some(error) = warm.first_error {
            return Err(format!("warm-up call failed: {error}").into());
        }
        let cpu_before = cpu_time(None);
        let started = Instant::now();
        let outcome = run_calls(&target, calls, concurrency).await;
        let elapsed = started.elapsed();
        let cpu_after = cpu_time(None);
        let mut latencies = outcome.latencies_ns;
        latencies.sort_unstable();
        let cpu_per_call_us = match (cpu_before, cpu_after) {
            (Some(before), Some(after)) => after.saturating_sub(before).as_secs_f64() * 1e6 / calls.max(1) as f64,
            _ => f64::NAN,
        };
        if let Some(error) = &outcome.first_error {
            eprintln!("load client {kind_name}: {} calls failed, the first with: {error}", outcome.errors);
        }
        println!(
            "RESULT client={} concurrency={concurrency} calls={calls} errors={} seconds={:.6} p50_us={:.1} p99_us={:.1} cpu_us_per_call={:.2} peak_rss_kib={}",
            kind.name(),
            outcome.errors,
            elapsed.as_secs_f64(),
            percentile(&latencies, 50.0) as f64 / 1e3,
            percentile(&latencies, 99.0) as f64 / 1e3,
            cpu_per_call_us,
            peak_rss_kib(None).unwrap_or(0),
        );
        Ok(())
    })
}

struct Outcome {
    latencies_ns: Vec<u64>,
    errors: usize,
    first_error: Option<String>,
}

/// `calls` calls, `concurrency` tasks each taking the next call until none
/// is left.
async fn run_calls(target: &Target, calls: usize, concurrency: usize) -> Outcome {
    let next = Arc::new(AtomicUsize::new(0));
    let mut tasks = tokio::task::JoinSet::new();
    for _ in 0..concurrency {
        let target = target.clone();
        let next = Arc::clone(&next);
        tasks.spawn(async move {
            let mut outcome = Outcome {
                latencies_ns: Vec::with_capacity(calls / concurrency + 1),
                errors: 0,
                first_error: None,
            };
            while next.fetch_add(1, Ordering::Relaxed) < calls {
                let started = Instant::now();
                if let Err(error) = target.call().await {
                    outcome.errors += 1;
                    outcome.first_error.get_or_insert_with(|| error.to_string());
                }
                outcome
                    .latencies_ns
                    .push(u64::try_from(started.elapsed().as_nanos()).unwrap_or(u64::MAX));
            }
            outcome
        });
    }
    let mut total = Outcome {
        latencies_ns: Vec::with_capacity(calls),
        errors: 0,
        first_error: None,
    };
    while let Some(joined) = tasks.join_next().await {
        match joined {
            Ok(outcome) => {
                total.latencies_ns.extend(outcome.latencies_ns);
                total.errors += outcome.errors;
                if total.first_error.is_none() {
                    total.first_error = outcome.first_error;
                }
            }
            Err(error) => {
                total.errors += 1;
                total.first_error.get_or_insert_with(|| format!("task failed: {error}"));
            }
        }
    }
    total
}

// --------------------------------------------------------------- compare

/// One client's result in one run.
#[derive(Debug, Clone)]
struct Sample {
    client: String,
    label: String,
    concurrency: usize,
    errors: f64,
    req_per_s: f64,
    p50_us: f64,
    p99_us: f64,
    cpu_us_per_call: f64,
    peak_rss_mib: f64,
    server_cpu_us_per_call: f64,
    /// The server's CPU time over the child's wall time: 1.0 is one core
    /// busy all along (all a one-thread server can give).
    server_busy: f64,
}

/// The `load serve` child process; killed when dropped.
struct ServerProcess {
    child: Child,
    addr: SocketAddr,
}

impl ServerProcess {
    fn start(threads: usize) -> Result<Self, BoxError> {
        let mut child = Command::new(std::env::current_exe()?)
            .args(["serve", "--threads", &threads.to_string()])
            .stdout(Stdio::piped())
            .stdin(Stdio::null())
            .spawn()?;
        let stdout = child.stdout.take().ok_or("no stdout from `load serve`")?;
        let mut line = String::new();
        BufReader::new(stdout).read_line(&mut line)?;
        let addr = line
            .trim()
            .strip_prefix("listening on ")
            .ok_or_else(|| format!("unexpected first line from `load serve`: {line:?}"))?
            .parse()?;
        Ok(Self { child, addr })
    }

    fn pid(&self) -> u32 {
        self.child.id()
    }
}

impl Drop for ServerProcess {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// What to run as a client child.
#[derive(Debug, Clone)]
enum ClientSpec {
    Rust(ClientKind),
    Node(String),
}

impl ClientSpec {
    fn name(&self) -> &'static str {
        match self {
            ClientSpec::Rust(kind) => kind.name(),
            ClientSpec::Node(_) => "node",
        }
    }
}

struct Workload {
    calls: usize,
    warmup: usize,
}

fn run_child(
    spec: &ClientSpec,
    server: &ServerProcess,
    concurrency: usize,
    workload: &Workload,
) -> Result<Sample, BoxError> {
    let common = [
        "--addr".to_owned(),
        server.addr.to_string(),
        "--calls".to_owned(),
        workload.calls.to_string(),
        "--concurrency".to_owned(),
        concurrency.to_string(),
        "--warmup".to_owned(),
        workload.warmup.to_string(),
    ];
    let mut command = match spec {
        ClientSpec::Rust(kind) => {
            let mut command = Command::new(std::env::current_exe()?);
            command.args(["client", "--client", kind.name()]);
            command
        }
        ClientSpec::Node(script) => {
            let mut command = Command::new(std::env::var("NODE").unwrap_or_else(|_| "node".to_owned()));
            command.arg(script);
            command
        }
    };
    command.args(&common).stdin(Stdio::null()).stderr(Stdio::inherit());
    let server_cpu_before = cpu_time(Some(server.pid()));
    let started = Instant::now();
    let output = command.output()?;
    let wall = started.elapsed();
    let server_cpu_after = cpu_time(Some(server.pid()));
    let stdout = String::from_utf8_lossy(&output.stdout);
    if !output.status.success() {
        return Err(format!("{} client exited with {}: {stdout}", spec.name(), output.status).into());
    }
    let line = stdout
        .lines()
        .find(|line| line.starts_with("RESULT "))
        .ok_or_else(|| format!("no RESULT line from the {} client: {stdout}", spec.name()))?;
    let fields: BTreeMap<&str, &str> = line
        .split_whitespace()
        .skip(1)
        .filter_map(|pair| pair.split_once('='))
        .collect();
    let number = |key: &str| -> f64 { fields.get(key).and_then(|value| value.parse().ok()).unwrap_or(f64::NAN) };
    let calls = number("calls");
    let seconds = number("seconds");
    let served = (workload.calls + workload.warmup) as f64;
    let server_cpu = match (server_cpu_before, server_cpu_after) {
        (Some(before), Some(after)) => after.saturating_sub(before),
        _ => Duration::MAX,
    };
    let (server_cpu_us_per_call, server_busy) = if server_cpu == Duration::MAX {
        (f64::NAN, f64::NAN)
    } else {
        (
            server_cpu.as_secs_f64() * 1e6 / served,
            server_cpu.as_secs_f64() / wall.as_secs_f64(),
        )
    };
    let label = match spec {
        ClientSpec::Rust(ClientKind::Crisp) => "crisp-rs default stack (typed)".to_owned(),
        ClientSpec::Rust(ClientKind::Bare) => "bare hyper-util + `Value`".to_owned(),
        ClientSpec::Node(_) => format!(
            "Node crisp-api {} (node {})",
            fields.get("version").unwrap_or(&"?"),
            fields.get("node").unwrap_or(&"?")
        ),
    };
    Ok(Sample {
        client: spec.name().to_owned(),
        label,
        concurrency,
        errors: number("errors"),
        req_per_s: calls / seconds,
        p50_us: number("p50_us"),
        p99_us: number("p99_us"),
        cpu_us_per_call: number("cpu_us_per_call"),
        peak_rss_mib: number("peak_rss_kib") / 1024.0,
        server_cpu_us_per_call,
        server_busy,
    })
}

fn describe(sample: &Sample) -> String {
    format!(
        "{:<5} {:>3} in flight: {:>8.0} req/s  p50 {:>8.1} µs  p99 {:>8.1} µs  CPU {:>6.1} µs/call  peak RSS {:>5.1} MiB  server CPU {:>5.1} µs/call, busy {:>3.0}%  errors {}",
        sample.client,
        sample.concurrency,
        sample.req_per_s,
        sample.p50_us,
        sample.p99_us,
        sample.cpu_us_per_call,
        sample.peak_rss_mib,
        sample.server_cpu_us_per_call,
        sample.server_busy * 100.0,
        sample.errors
    )
}

fn compare(options: &Options) -> Result<(), BoxError> {
    let workload = Workload {
        calls: options.number("calls", 20_000)?,
        warmup: options.number("warmup", 1_000)?,
    };
    let runs = options.number("runs", 3)?.max(1);
    let mut concurrencies = Vec::new();
    for item in options.list("concurrency", "1,32") {
        concurrencies.push(item.parse::<usize>().map_err(|_| format!("--concurrency: `{item}`"))?);
    }
    let ceiling_concurrency = options.number("ceiling-concurrency", 64)?;
    let server_threads = options.number("server-threads", 1)?;
    let mut clients = Vec::new();
    for name in options.list("clients", "crisp,bare") {
        clients.push(ClientSpec::Rust(
            ClientKind::from_name(&name).ok_or_else(|| format!("unknown client `{name}`"))?,
        ));
    }
    if let Some(script) = options.text("node") {
        clients.push(ClientSpec::Node(script.to_owned()));
    }

    let machine = machine_summary();
    let server = ServerProcess::start(server_threads)?;
    eprintln!("machine: {machine}");
    eprintln!(
        "server: `load serve` (hyper HTTP/1.1, keep-alive, {server_threads} runtime thread(s), pid {}) on {}, answering every path with the {} B getConversation fixture",
        server.pid(),
        server.addr,
        Fixture::Conversation.bytes().len()
    );

    let mut ceilings: Vec<Sample> = Vec::new();
    let mut samples: Vec<Sample> = Vec::new();
    for run in 0..runs {
        // The server's ceiling, first in every run: the cheapest client,
        // many in flight.
        let ceiling = run_child(
            &ClientSpec::Rust(ClientKind::Bare),
            &server,
            ceiling_concurrency,
            &workload,
        )?;
        eprintln!("run {}/{runs}: ceiling: {}", run + 1, describe(&ceiling));
        ceilings.push(ceiling);
        for &concurrency in &concurrencies {
            // Interleave, and rotate who goes first from run to run.
            let mut order = clients.clone();
            let rotate = run % order.len().max(1);
            order.rotate_left(rotate);
            for spec in &order {
                let sample = run_child(spec, &server, concurrency, &workload)?;
                eprintln!("run {}/{runs}: {}", run + 1, describe(&sample));
                samples.push(sample);
            }
        }
    }
    drop(server);

    print_report(&ReportInput {
        machine: &machine,
        workload: &workload,
        runs,
        server_threads,
        ceilings: &ceilings,
        ceiling_concurrency,
        clients: &clients,
        concurrencies: &concurrencies,
        samples: &samples,
    });
    Ok(())
}

struct ReportInput<'a> {
    machine: &'a str,
    workload: &'a Workload,
    runs: usize,
    server_threads: usize,
    ceilings: &'a [Sample],
    ceiling_concurrency: usize,
    clients: &'a [ClientSpec],
    concurrencies: &'a [usize],
    samples: &'a [Sample],
}

/// The median of one column over the runs of one client at one concurrency.
fn median_of(samples: &[Sample], client: &str, concurrency: usize, column: fn(&Sample) -> f64) -> f64 {
    let values: Vec<f64> = samples
        .iter()
        .filter(|sample| sample.client == client && sample.concurrency == concurrency)
        .map(column)
        .collect();
    median(&values)
}

fn format_latency(us: f64) -> String {
    if us >= 1000.0 {
        format!("{:.2} ms", us / 1000.0)
    } else {
        format!("{us:.0} µs")
    }
}

fn print_report(input: &ReportInput<'_>) {
    let samples = input.samples;
    println!();
    println!(
        "Machine: {}. Workload: `getConversation` of a {} B envelope from `load serve` on loopback ({} runtime thread(s)), {} calls per run after {} warm-up calls, each client in its own process (Rust clients: multi-thread Tokio runtime, one worker per core); medians of {} interleaved runs.",
        input.machine,
        Fixture::Conversation.bytes().len(),
        input.server_threads,
        input.workload.calls,
        input.workload.warmup,
        input.runs
    );
    println!();
    let ceiling = |column: fn(&Sample) -> f64| median(&input.ceilings.iter().map(column).collect::<Vec<_>>());
    let ceiling_max = input.ceilings.iter().map(|s| s.req_per_s).fold(f64::NAN, f64::max);
    let busy = ceiling(|s| s.server_busy);
    let verdict = if busy < 0.8 {
        "it was not saturated: the clients, not the server, set the pace"
    } else {
        "WARNING: it was near saturation, so the runs at high concurrency may measure the server"
    };
    println!(
        "Server ceiling (first in every run): {:.0} req/s (median; best {:.0}) with the bare client at {} in flight; the server spent {:.1} µs of CPU per request and was busy {:.0}% of its one core: {verdict}.",
        ceiling(|s| s.req_per_s),
        ceiling_max,
        input.ceiling_concurrency,
        ceiling(|s| s.server_cpu_us_per_call),
        busy * 100.0,
    );
    println!();
    println!("| client | in flight | req/s | p50 | p99 | CPU per call | peak RSS | vs bare hyper |");
    println!("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    for &concurrency in input.concurrencies {
        let bare_rps = median_of(samples, "bare", concurrency, |s| s.req_per_s);
        for spec in input.clients {
            let client = spec.name();
            let label = samples
                .iter()
                .find(|sample| sample.client == client)
                .map_or_else(|| client.to_owned(), |sample| sample.label.clone());
            let rps = median_of(samples, client, concurrency, |s| s.req_per_s);
            let ratio = if bare_rps.is_nan() {
                "".to_owned()
            } else {
                format!("{:.2}x", rps / bare_rps)
            };
            println!(
                "| {label} | {concurrency} | {rps:.0} | {} | {} | {:.1} µs | {:.1} MiB | {ratio} |",
                format_latency(median_of(samples, client, concurrency, |s| s.p50_us)),
                format_latency(median_of(samples, client, concurrency, |s| s.p99_us)),
                median_of(samples, client, concurrency, |s| s.cpu_us_per_call),
                median_of(samples, client, concurrency, |s| s.peak_rss_mib),
            );
        }
    }
    let errors: f64 = samples.iter().map(|sample| sample.errors).sum();
    let server_cpu = median(&samples.iter().map(|s| s.server_cpu_us_per_call).collect::<Vec<_>>());
    let busiest = samples.iter().map(|s| s.server_busy).fold(f64::NAN, f64::max);
    println!();
    println!(
        "Server over all client runs: {server_cpu:.1} µs of CPU per request (median), at most {:.0}% of its core busy; failed calls: {errors:.0}.",
        busiest * 100.0
    );
    println!();
    println!("Targets:");
    for &concurrency in input.concurrencies {
        let crisp = median_of(samples, "crisp", concurrency, |s| s.req_per_s);
        let bare = median_of(samples, "bare", concurrency, |s| s.req_per_s);
        if !crisp.is_nan() && !bare.is_nan() {
            let ratio = crisp / bare;
            let verdict = if ratio >= 0.9 { "met" } else { "MISSED" };
            println!(
                "- crisp-rs / bare hyper req/s at {concurrency} in flight: {ratio:.2}x (target >= 0.9x: {verdict})"
            );
        }
    }
    if input.concurrencies.contains(&32) {
        let rss = median_of(samples, "crisp", 32, |s| s.peak_rss_mib);
        if !rss.is_nan() {
            let verdict = if rss <= 8.0 { "met" } else { "MISSED" };
            println!("- crisp-rs peak RSS at 32 in flight: {rss:.1} MiB (target <= 8 MiB: {verdict})");
        }
    }
}
