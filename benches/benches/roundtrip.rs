//! Bench `roundtrip`: a `getConversation` over loopback HTTP/1.1, the
//! crisp-rs default stack against a bare hyper-util client, same server,
//! same headers, same bench, so the ratio is the SDK's own overhead.
//!
//! The server ([`LocalServer`]) runs on its own thread and runtime and
//! answers every path with the 1.2 KB fixture; the clients run on a
//! current-thread runtime of the bench thread.
//!
//! - group `roundtrip_c1`: one call after the other;
//! - group `roundtrip_c32`: 32 tasks each taking the next call until the
//!   iterations are done, so 32 calls are in flight all along.
//!
//! In both, one iteration is one call: the time shown is wall time per call
//! (the inverse of the throughput).
//!
//! Functions: `crisp_default` (`Transport::builder(..).build()`, every
//! default on, typed decode) and `bare_hyper` (hyper-util legacy client,
//! `serde_json::Value` decode). After criterion's output it prints the
//! throughput ratio crisp / bare (target: at least 0.9).
//!
//! `cargo bench -p crisp-benches --bench roundtrip`

#![allow(clippy::unwrap_used, reason = "bench code: a failed call must stop the bench")]

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Instant;

use crisp_benches::clients::{ClientKind, Target};
use crisp_benches::fixtures::Fixture;
use crisp_benches::report::{Estimates, Goal};
use crisp_benches::server::LocalServer;
use criterion::{Criterion, Throughput};
use tokio::runtime::Runtime;

const FUNCTIONS: [(&str, ClientKind); 2] = [("crisp_default", ClientKind::Crisp), ("bare_hyper", ClientKind::Bare)];

/// `calls` calls with `in_flight` of them in flight.
async fn calls(target: &Target, calls: u64, in_flight: usize) {
    if in_flight == 1 {
        for _ in 0..calls {
            target.call().await.unwrap();
        }
        return;
    }
    let next = Arc::new(AtomicU64::new(0));
    let mut tasks = tokio::task::JoinSet::new();
    for _ in 0..in_flight {
        let (target, next) = (target.clone(), Arc::clone(&next));
        tasks.spawn(async move {
            while next.fetch_add(1, Ordering::Relaxed) < calls {
                target.call().await.unwrap();
            }
        });
    }
    while let Some(joined) = tasks.join_next().await {
        joined.unwrap();
    }
}

fn roundtrip(c: &mut Criterion, runtime: &Runtime, server: &LocalServer) {
    for in_flight in [1usize, 32] {
        let mut group = c.benchmark_group(format!("roundtrip_c{in_flight}"));
        group.throughput(Throughput::Elements(1));
        for (name, kind) in FUNCTIONS {
            let target = Target::new(kind, server.addr()).unwrap();
            // Open the connections before measuring.
            runtime.block_on(calls(&target, in_flight as u64 * 4, in_flight));
            group.bench_function(name, |b| {
                b.iter_custom(|iters| {
                    runtime.block_on(async {
                        let start = Instant::now();
                        calls(&target, iters, in_flight).await;
                        start.elapsed()
                    })
                });
            });
        }
        group.finish();
    }
}

fn main() {
    let estimates = Estimates::since_now();
    let server = LocalServer::start(Fixture::Conversation.bytes(), 1).unwrap();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let mut criterion = Criterion::default().configure_from_args();
    roundtrip(&mut criterion, &runtime, &server);
    criterion.final_summary();
    println!("\nthroughput crisp-rs default stack / bare hyper (= bare time / crisp time, median times of this run):");
    for in_flight in [1, 32] {
        estimates.print_ratio(
            &format!("{in_flight} in flight"),
            &format!("roundtrip_c{in_flight}"),
            "bare_hyper",
            "crisp_default",
            Goal::AtLeast(0.9),
        );
    }
}
