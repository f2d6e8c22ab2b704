//! Bench `decode`: the client's typed decode against `serde_json::Value` on
//! the same bytes, for a 1.2 KB `getConversation` envelope, a page of 100
//! conversations and a page of 50 messages.
//!
//! For each fixture (group `decode_<fixture>`):
//!
//! - `typed_client`: what `crisp-rest` does with a response body
//!   (`ApiResponse::data`: status check, envelope, typed `data`);
//! - `typed_serde`: plain `serde_json::from_slice` into the same typed
//!   envelope (`crisp_types::Envelope<T>`), the floor for the typed path;
//! - `value`: `serde_json::from_slice::<serde_json::Value>`.
//!
//! After criterion's output it prints `typed / value` ratios of the median
//! times (target: `typed_client` at most 0.7x of `value`).
//!
//! `cargo bench -p crisp-benches --bench decode`

#![allow(
    clippy::unwrap_used,
    reason = "bench code: a fixture that does not decode must stop the bench"
)]

use std::hint::black_box;

use bytes::Bytes;
use crisp_benches::fixtures::Fixture;
use crisp_benches::report::{Estimates, Goal};
use crisp_rest::ApiResponse;
use crisp_types::Envelope;
use crisp_types::conversation::Conversation;
use crisp_types::message::Message;
use criterion::measurement::WallTime;
use criterion::{BenchmarkGroup, Criterion, Throughput};
use http::{HeaderMap, StatusCode};
use serde::de::DeserializeOwned;

fn group_name(fixture: Fixture) -> String {
    format!("decode_{}", fixture.name())
}

fn typed<T: DeserializeOwned>(group: &mut BenchmarkGroup<'_, WallTime>, bytes: &Bytes) {
    group.bench_function("typed_client", |b| {
        b.iter(|| {
            ApiResponse::new("bench", StatusCode::OK, HeaderMap::new(), black_box(bytes.clone()))
                .data::<T>()
                .unwrap()
        });
    });
    group.bench_function("typed_serde", |b| {
        b.iter(|| serde_json::from_slice::<Envelope<T>>(black_box(bytes)).unwrap());
    });
}

fn decode(c: &mut Criterion) {
    for fixture in Fixture::ALL {
        let bytes = fixture.bytes();
        let mut group = c.benchmark_group(group_name(fixture));
        group.throughput(Throughput::Bytes(bytes.len() as u64));
        match fixture {
            Fixture::Conversation => typed::<Conversation>(&mut group, &bytes),
            Fixture::Conversations => typed::<Vec<Conversation>>(&mut group, &bytes),
            Fixture::Messages => typed::<Vec<Message>>(&mut group, &bytes),
        }
        group.bench_function("value", |b| {
            b.iter(|| serde_json::from_slice::<serde_json::Value>(black_box(&bytes)).unwrap());
        });
        group.finish();
    }
}

fn main() {
    let estimates = Estimates::since_now();
    let mut criterion = Criterion::default().configure_from_args();
    decode(&mut criterion);
    criterion.final_summary();
    println!("\ntyped decode vs serde_json::Value (median times of this run):");
    for fixture in Fixture::ALL {
        let group = group_name(fixture);
        estimates.print_ratio(fixture.name(), &group, "typed_client", "value", Goal::AtMost(0.7));
        estimates.print_ratio(fixture.name(), &group, "typed_serde", "value", Goal::Info);
    }
}
