//! Every example of the project, run offline against the built-in fake Crisp.
//!
//! Each example file is compiled into this test as a module, and the test
//! calls the function its `main` runs when no credentials are set, so
//! `cargo test` runs the examples' offline round trips (and fails when one
//! fails) without building or starting the example binaries. Nothing here
//! reads credentials: the real-API paths of the examples are not called.

#[cfg(feature = "rest")]
#[allow(dead_code, reason = "the example's `main` and real-API path are not called here")]
#[path = "../../../examples/quickstart.rs"]
mod quickstart;

#[cfg(feature = "rest")]
#[allow(dead_code, reason = "the example's `main` and real-API path are not called here")]
#[path = "../../../examples/back_office.rs"]
mod back_office;

#[cfg(feature = "rest")]
#[allow(dead_code, reason = "the example's `main` and real-API path are not called here")]
#[path = "../../../examples/middleware.rs"]
mod middleware;

#[cfg(feature = "rtm")]
#[allow(dead_code, reason = "the example's `main` and real-API path are not called here")]
#[path = "../../../examples/echo_bot.rs"]
mod echo_bot;

#[cfg(feature = "webhook")]
#[allow(dead_code, reason = "the example's `main` and real-API path are not called here")]
#[path = "../../../examples/webhook_server.rs"]
mod webhook_server;

#[cfg(feature = "rest")]
#[tokio::test]
async fn quickstart_round_trip() -> Result<(), Box<dyn std::error::Error>> {
    quickstart::offline_round_trip().await
}

#[cfg(feature = "rest")]
#[tokio::test]
async fn back_office_script() -> Result<(), Box<dyn std::error::Error>> {
    back_office::offline().await
}

#[cfg(feature = "rest")]
#[tokio::test]
async fn custom_tower_middleware() -> Result<(), Box<dyn std::error::Error>> {
    middleware::offline().await
}

#[cfg(feature = "rtm")]
#[tokio::test]
async fn rtm_support_bot() -> Result<(), Box<dyn std::error::Error>> {
    echo_bot::offline().await
}

#[cfg(feature = "webhook")]
#[tokio::test]
async fn axum_webhook_receiver() -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
    webhook_server::offline_demo().await
}
