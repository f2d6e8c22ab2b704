//! Support code shared by the benches and the load tool of crisp-rs.
//!
//! - [`fixtures`]: the response bodies every bench serves or decodes (a
//!   1.2 KB `getConversation` envelope, a page of 100 conversations, a page
//!   of 50 messages), stored under `benches/fixtures/`;
//! - [`server`]: a minimal HTTP/1.1 keep-alive server on loopback that
//!   answers every path with one fixture;
//! - [`clients`]: the two clients every comparison runs side by side: the
//!   crisp-rs default stack, and a bare hyper-util client that sends the same
//!   headers and decodes into `serde_json::Value`;
//! - [`measure`]: CPU time and peak RSS of a process (Linux `/proc`),
//!   percentiles and medians;
//! - [`report`]: reads criterion's estimates back to print ratios.

pub mod clients;
pub mod fixtures;
pub mod measure;
pub mod report;
pub mod server;
