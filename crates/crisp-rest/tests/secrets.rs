//! No secret reaches the logs: a full REST call (and a failing one) traced at
//! TRACE level never shows the token key nor any `Authorization` value.

use std::io::Write;
use std::sync::{Arc, Mutex};

use base64::Engine as _;
use crisp_mock::FakeCrisp;
use crisp_rest::Client;
use crisp_transport::{Credentials, Tier, Transport};
use tracing_subscriber::fmt::MakeWriter;

/// Everything the subscriber writes, kept in memory.
#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl<'a> MakeWriter<'a> for Captured {
    type Writer = Self;

    fn make_writer(&'a self) -> Self::Writer {
        self.clone()
    }
}

#[test]
fn a_traced_rest_call_shows_no_secret() {
    let captured = Captured::default();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_writer(captured.clone())
        .with_ansi(false)
        .finish();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let (key, authorization) = tracing::subscriber::with_default(subscriber, || {
        runtime.block_on(async {
            let fake = FakeCrisp::start().await.unwrap();
            let token = fake.token(Tier::Plugin);
            let basic = base64::engine::general_purpose::STANDARD.encode(format!("{}:{}", token.identifier, token.key));
            let transport = Transport::builder(
                Credentials::new(token.identifier.clone(), token.key.clone()),
                Tier::Plugin,
            )
            .build()
            .unwrap();
            let client = Client::with_base_url(transport, fake.base_url());
            let website = fake.website_id();
            let session = fake.add_conversation(&website);
            client.website().get_conversation(&website, &session).await.unwrap();
            // A failing call (404) and a retried one (503) are traced too.
            let missing = crisp_types::SessionId::new("session_missing");
            assert!(client.website().get_conversation(&website, &missing).await.is_err());
            fake.faults().respond_with_status(503, 1);
            client.website().get_conversation(&website, &session).await.unwrap();
            (token.key, basic)
        })
    });
    let logs =
        String::from_utf8_lossy(&captured.0.lock().unwrap_or_else(std::sync::PoisonError::into_inner)).into_owned();
    assert!(logs.contains("crisp_http"), "the call was traced: {logs}");
    assert!(logs.contains("get_conversation"), "{logs}");
    assert!(!logs.contains(&key), "the token key is in the logs");
    assert!(!logs.contains(&authorization), "the Authorization value is in the logs");
    assert!(
        !logs.to_ascii_lowercase().contains("basic "),
        "an Authorization header is in the logs"
    );
}
