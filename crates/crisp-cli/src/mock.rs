//! `crisp mock`: the fake Crisp on loopback.

use std::net::{Ipv4Addr, SocketAddr};

use crisp::Tier;
use crisp_mock::FakeCrisp;
use tokio::net::{TcpListener, TcpStream};

/// Runs the fake Crisp until Ctrl-C; with `port`, its REST API is also
/// served on that port (forwarded to the fake's own).
pub(crate) async fn run(port: Option<u16>) -> Result<(), String> {
    // Bind the chosen port first, so a busy port is reported before anything starts.
    let listener = match port {
        Some(port) => Some(
            TcpListener::bind((Ipv4Addr::LOCALHOST, port))
                .await
                .map_err(|error| format!("cannot bind 127.0.0.1:{port}: {error}"))?,
        ),
        None => None,
    };
    let fake = FakeCrisp::start()
        .await
        .map_err(|error| format!("cannot start the fake Crisp: {error}"))?;
    let api_root = match &listener {
        Some(listener) => {
            let local = listener.local_addr().map_err(|error| error.to_string())?;
            format!("http://{local}/v1/")
        }
        None => fake.base_url(),
    };
    if let Some(listener) = listener {
        tokio::spawn(forward(listener, fake.addr()));
    }
    println!("fake Crisp API root: {api_root}");
    println!("RTM relay:           {}", fake.relay_url());
    println!("website id:          {}", fake.website_id());
    println!("web-hook secret:     {}", fake.webhook_secret());
    for (name, tier) in [
        ("plugin", Tier::Plugin),
        ("user", Tier::User),
        ("website", Tier::Website),
    ] {
        let token = fake.token(tier);
        println!("{name:<8} token:      {} {}", token.identifier, token.key);
    }
    println!("e.g. crisp --api-url {api_root} --tier plugin --identifier ... --key ... call --list");
    println!("Ctrl-C stops it.");
    tokio::signal::ctrl_c()
        .await
        .map_err(|error| format!("cannot wait for Ctrl-C: {error}"))?;
    Ok(())
}

/// Forwards every connection on `listener` to `target`.
async fn forward(listener: TcpListener, target: SocketAddr) {
    while let Ok((mut inbound, _)) = listener.accept().await {
        tokio::spawn(async move {
            if let Ok(mut outbound) = TcpStream::connect(target).await {
                let _ = tokio::io::copy_bidirectional(&mut inbound, &mut outbound).await;
            }
        });
    }
}
