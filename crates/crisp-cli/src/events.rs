//! `crisp events`: realtime (RTM) events, one line each.

use clap::Args;
use crisp::EventKind;

use crate::{Auth, error_chain};

/// `crisp events` arguments.
#[derive(Debug, Args)]
pub(crate) struct EventsArgs {
    /// Event names, comma-separated (default: every known event).
    #[arg(long, value_delimiter = ',')]
    events: Vec<String>,
    /// One JSON object per line (NDJSON): `{"event": name, "data": {...}}`.
    #[arg(long)]
    json: bool,
}

/// Runs `crisp events` until Ctrl-C or a terminal error.
pub(crate) async fn run(auth: &Auth, args: EventsArgs) -> Result<(), String> {
    let crisp = auth.client()?;
    let builder = if args.events.is_empty() {
        crisp.rtm().events(EventKind::ALL.iter().copied())
    } else {
        crisp
            .rtm()
            .event_names(args.events.iter().map(|name| name.trim().to_owned()))
    };
    let (handle, mut stream) = builder.connect().map_err(|error| error_chain(&error))?;
    let mut state = handle.state();
    let states = tokio::spawn(async move {
        loop {
            eprintln!("crisp: RTM {}", *state.borrow_and_update());
            if state.changed().await.is_err() {
                break;
            }
        }
    });
    let outcome = loop {
        tokio::select! {
            _ = tokio::signal::ctrl_c() => break Ok(()),
            item = stream.recv() => match item {
                None => break Ok(()),
                Some(Ok(event)) => {
                    let (name, data) = event.into_parts();
                    if args.json {
                        println!("{}", serde_json::json!({ "event": name, "data": data }));
                    } else {
                        println!("{name} {data}");
                    }
                }
                Some(Err(error)) if error.is_terminal() => break Err(error_chain(&error)),
                Some(Err(error)) => eprintln!("crisp: RTM: {}", error_chain(&error)),
            },
        }
    };
    handle.close();
    states.abort();
    outcome
}
