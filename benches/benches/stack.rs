//! Bench `stack`: the whole client stack over an in-memory leaf service (no
//! socket), so what is left on top of the decode is the SDK's own cost per
//! call: request building, the tower layers (tracing span, headers, retry,
//! rate limiter, timeout), boxing, and the envelope decode.
//!
//! Group `stack_get_conversation`, one `get_conversation` per iteration on a
//! current-thread Tokio runtime, the leaf answering with the 1.2 KB fixture:
//!
//! - `decode_only`: `ApiResponse::data::<Conversation>` on the same bytes
//!   (the part of a call that is decoding);
//! - `default_stack`: `Transport::builder(..).from_service(leaf).build()`,
//!   every default on (rate limiter included), then
//!   `client.website().get_conversation(..)`;
//! - `no_rate_limit`: the same with `RateLimitConfig::disabled()`.
//!
//! Before criterion runs, it counts allocations per call (a counting global
//! allocator, `stats_alloc`) and prints them with the part outside the decode
//! (target: at most 30); after, it prints the time per call on top of the
//! decode.
//!
//! `cargo bench -p crisp-benches --bench stack`

#![allow(clippy::unwrap_used, reason = "bench code: a failed call must stop the bench")]

use std::alloc::System;
use std::hint::black_box;
use std::time::Instant;

use crisp_benches::clients::in_memory_client;
use crisp_benches::fixtures::{CONVERSATION, session_id, website_id};
use crisp_benches::report::Estimates;
use crisp_rest::{ApiResponse, Client};
use crisp_transport::{RateLimitConfig, TransportBuilder};
use crisp_types::Envelope;
use crisp_types::conversation::Conversation;
use crisp_types::{SessionId, WebsiteId};
use criterion::Criterion;
use http::{HeaderMap, StatusCode};
use stats_alloc::{INSTRUMENTED_SYSTEM, Region, StatsAlloc};
use tokio::runtime::Runtime;

#[global_allocator]
static GLOBAL: &StatsAlloc<System> = &INSTRUMENTED_SYSTEM;

const GROUP: &str = "stack_get_conversation";

/// Changes the default builder into the stack measured.
type Configure = fn(TransportBuilder) -> TransportBuilder;

/// The stacks measured, by bench name.
const STACKS: [(&str, Configure); 2] = [
    ("default_stack", |builder| builder),
    ("no_rate_limit", |builder| {
        builder.rate_limit(RateLimitConfig::disabled())
    }),
];

fn fixture() -> bytes::Bytes {
    bytes::Bytes::from_static(CONVERSATION)
}

fn decode_only() -> Conversation {
    ApiResponse::new("bench", StatusCode::OK, HeaderMap::new(), black_box(fixture()))
        .data::<Conversation>()
        .unwrap()
}

async fn call(client: &Client, website: &WebsiteId, session: &SessionId) -> Conversation {
    client.website().get_conversation(website, session).await.unwrap()
}

/// Allocations and bytes per call of `run(calls)`, after a warm-up.
fn allocations_per_call(calls: u32, mut run: impl FnMut(u32)) -> (f64, f64) {
    run(100);
    let region = Region::new(GLOBAL);
    run(calls);
    let stats = region.change();
    (
        stats.allocations as f64 / f64::from(calls),
        stats.bytes_allocated as f64 / f64::from(calls),
    )
}

fn allocation_report(runtime: &Runtime) {
    const CALLS: u32 = 1_000;
    let (website, session) = (website_id(), session_id());
    println!("allocations per get_conversation call ({CALLS} calls after 100 warm-up calls):");
    let (decode_allocs, decode_bytes) = allocations_per_call(CALLS, |n| {
        for _ in 0..n {
            black_box(decode_only());
        }
    });
    println!(
        "  decode_only     {decode_allocs:7.1} allocations {decode_bytes:9.0} bytes  (ApiResponse::data, the client's decode)"
    );
    let (allocs, bytes) = allocations_per_call(CALLS, |n| {
        for _ in 0..n {
            black_box(serde_json::from_slice::<Envelope<Conversation>>(black_box(CONVERSATION)).unwrap());
        }
    });
    println!(
        "  typed_serde     {allocs:7.1} allocations {bytes:9.0} bytes  (serde_json::from_slice::<Envelope<Conversation>>)"
    );
    let (allocs, bytes) = allocations_per_call(CALLS, |n| {
        for _ in 0..n {
            black_box(serde_json::from_slice::<serde_json::Value>(black_box(CONVERSATION)).unwrap());
        }
    });
    println!("  value           {allocs:7.1} allocations {bytes:9.0} bytes  (serde_json::from_slice::<Value>)");
    for (name, configure) in STACKS {
        let client = in_memory_client(fixture(), configure).unwrap();
        let (allocs, bytes) = allocations_per_call(CALLS, |n| {
            runtime.block_on(async {
                for _ in 0..n {
                    black_box(call(&client, &website, &session).await);
                }
            });
        });
        let outside = allocs - decode_allocs;
        let verdict = if outside <= 30.0 { "met" } else { "MISSED" };
        println!(
            "  {name:<15} {allocs:7.1} allocations {bytes:9.0} bytes; outside the decode {outside:.1} allocations, {:.0} bytes (target <= 30: {verdict})",
            bytes - decode_bytes
        );
    }
    println!();
}

fn stack(c: &mut Criterion, runtime: &Runtime) {
    let (website, session) = (website_id(), session_id());
    let mut group = c.benchmark_group(GROUP);
    group.bench_function("decode_only", |b| b.iter(decode_only));
    for (name, configure) in STACKS {
        let client = in_memory_client(fixture(), configure).unwrap();
        group.bench_function(name, |b| {
            b.iter_custom(|iters| {
                runtime.block_on(async {
                    let start = Instant::now();
                    for _ in 0..iters {
                        black_box(call(&client, &website, &session).await);
                    }
                    start.elapsed()
                })
            });
        });
    }
    group.finish();
}

fn main() {
    let estimates = Estimates::since_now();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    allocation_report(&runtime);
    let mut criterion = Criterion::default().configure_from_args();
    stack(&mut criterion, &runtime);
    criterion.final_summary();
    println!("\ntime per call on top of the decode (median times of this run):");
    if let Some(decode) = estimates.median(GROUP, "decode_only") {
        for (name, _) in STACKS {
            if let Some(total) = estimates.median(GROUP, name) {
                let on_top_us = (total.as_secs_f64() - decode.as_secs_f64()) * 1e6;
                println!(
                    "  {name:<15} {total:>10.2?} per call = decode {decode:.2?} {on_top_us:+.2} µs ({:.2}x the decode)",
                    total.as_secs_f64() / decode.as_secs_f64().max(f64::MIN_POSITIVE)
                );
            }
        }
    } else {
        println!("  decode_only not measured in this run");
    }
}
