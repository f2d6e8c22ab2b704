//! `crisp hooks forward`: live RTM events re-sent as signed web hooks to a
//! local receiver, so a web-hook handler can be tried with real traffic
//! without a public URL.

use std::time::Instant;

use clap::{Args, Subcommand};
use crisp::EventKind;

use crate::{Auth, error_chain};

/// `crisp hooks` subcommands.
#[derive(Debug, Subcommand)]
pub(crate) enum HooksCommand {
    /// Receive events over RTM and deliver each to a local URL as a web hook,
    /// signed as Crisp signs them.
    Forward(ForwardArgs),
}

/// `crisp hooks forward` arguments.
#[derive(Debug, Args)]
pub(crate) struct ForwardArgs {
    /// The receiver, e.g. `http://127.0.0.1:3000/hook` (plain HTTP).
    #[arg(long)]
    to: String,
    /// The secret the receiver checks `X-Crisp-Signature` with (never printed).
    #[arg(long, env = "CRISP_WEBHOOK_SECRET", hide_env_values = true)]
    secret: String,
    /// Event names, comma-separated (default: every known event).
    #[arg(long, value_delimiter = ',')]
    events: Vec<String>,
}

/// Runs `crisp hooks ...` until Ctrl-C or a terminal error.
pub(crate) async fn run(auth: &Auth, command: HooksCommand) -> Result<(), String> {
    let HooksCommand::Forward(args) = command;
    if !args.to.starts_with("http://") {
        return Err(format!("--to must be an http:// URL, got `{}`", args.to));
    }
    let crisp = auth.client()?;
    let builder = if args.events.is_empty() {
        crisp.rtm().events(EventKind::ALL.iter().copied())
    } else {
        crisp
            .rtm()
            .event_names(args.events.iter().map(|name| name.trim().to_owned()))
    };
    let (handle, mut stream) = builder.connect().map_err(|error| error_chain(&error))?;
    eprintln!("crisp: forwarding events to {}", args.to);
    let outcome = loop {
        tokio::select! {
            _ = tokio::signal::ctrl_c() => break Ok(()),
            item = stream.recv() => match item {
                None => break Ok(()),
                Some(Ok(event)) => {
                    let (name, data) = event.into_parts();
                    let website_id = data.get("website_id").and_then(|value| value.as_str()).unwrap_or_default().to_owned();
                    let started = Instant::now();
                    let delivered = crisp_mock::deliver_webhook(
                        &args.to,
                        &args.secret,
                        "crisp-cli hooks forward",
                        &website_id,
                        &name,
                        &data,
                    )
                    .await;
                    let elapsed = started.elapsed().as_secs_f64() * 1000.0;
                    match delivered {
                        Ok(status) => println!("{name} -> {status} in {elapsed:.1} ms"),
                        Err(error) => println!("{name} -> not delivered ({error}) after {elapsed:.1} ms"),
                    }
                }
                Some(Err(error)) if error.is_terminal() => break Err(error_chain(&error)),
                Some(Err(error)) => eprintln!("crisp: RTM: {}", error_chain(&error)),
            },
        }
    };
    handle.close();
    outcome
}
