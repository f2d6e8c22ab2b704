//! `crisp`: the Crisp API from the command line.
//!
//! - `crisp call --list` lists every REST method the SDK knows;
//! - `crisp call <group> <method> [--<placeholder> value ...] [--query k=v ...]
//!   [--body JSON|@file] [--all-pages] [--json]` calls one;
//! - `crisp mock [--port N]` runs the fake Crisp on loopback;
//! - `crisp events [--events a,b] [--json]` prints realtime (RTM) events.
//!
//! Credentials come from `--identifier`, `--key` and `--tier` or from
//! `CRISP_TOKEN_IDENTIFIER`, `CRISP_TOKEN_KEY` and `CRISP_TIER`; the key is
//! never printed.

mod call;
mod events;
mod hooks;
mod mock;

use std::process::ExitCode;

use clap::{Parser, Subcommand};
use crisp::{Crisp, Tier};

/// The Crisp API from the command line.
#[derive(Debug, Parser)]
#[command(name = "crisp", version)]
struct Cli {
    /// Token identifier (or CRISP_TOKEN_IDENTIFIER).
    #[arg(long, env = "CRISP_TOKEN_IDENTIFIER", global = true)]
    identifier: Option<String>,
    /// Token key (or CRISP_TOKEN_KEY); never printed.
    #[arg(long, env = "CRISP_TOKEN_KEY", hide_env_values = true, global = true)]
    key: Option<String>,
    /// Token tier: plugin, user or website (or CRISP_TIER; default plugin).
    #[arg(long, env = "CRISP_TIER", global = true)]
    tier: Option<String>,
    /// Another API root, e.g. a fake Crisp's `http://127.0.0.1:PORT/v1/`.
    #[arg(long, global = true)]
    api_url: Option<String>,
    /// Print each request on stderr (never the key).
    #[arg(long, short, global = true)]
    verbose: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Call any REST method (`--list` lists them).
    Call(call::CallArgs),
    /// Run the fake Crisp (REST API and RTM relay) on loopback until Ctrl-C.
    Mock {
        /// Serve the REST API on this port (default: a free one).
        #[arg(long)]
        port: Option<u16>,
    },
    /// Print realtime (RTM) events, one per line, until Ctrl-C.
    Events(events::EventsArgs),
    /// Web hooks: forward live events to a local receiver.
    #[command(subcommand)]
    Hooks(hooks::HooksCommand),
}

/// What the global options say about credentials and the API root.
#[derive(Debug)]
struct Auth {
    identifier: Option<String>,
    key: Option<String>,
    tier: Option<String>,
    api_url: Option<String>,
    verbose: bool,
}

impl Auth {
    /// Builds the client, or says what is missing.
    fn client(&self) -> Result<Crisp, String> {
        let (Some(identifier), Some(key)) = (
            self.identifier.as_deref().filter(|value| !value.is_empty()),
            self.key.as_deref().filter(|value| !value.is_empty()),
        ) else {
            return Err(
                "no credentials: pass --identifier and --key, or set CRISP_TOKEN_IDENTIFIER and CRISP_TOKEN_KEY"
                    .to_owned(),
            );
        };
        let tier = match self.tier.as_deref().filter(|value| !value.is_empty()) {
            Some(tier) => tier.parse::<Tier>().map_err(|error| error.to_string())?,
            None => Tier::Plugin,
        };
        if self.verbose {
            eprintln!(
                "crisp: {} token {identifier}, API root {}",
                tier_name(tier),
                self.api_url.as_deref().unwrap_or(crisp::rest::DEFAULT_BASE_URL)
            );
        }
        let mut builder = Crisp::builder().token(tier, identifier, key);
        if let Some(url) = &self.api_url {
            builder = builder.rest_base_url(url.clone());
        }
        builder.build().map_err(|error| error_chain(&error))
    }
}

/// The lowercase name of a tier.
fn tier_name(tier: Tier) -> &'static str {
    match tier {
        Tier::User => "user",
        Tier::Website => "website",
        _ => "plugin",
    }
}

/// An error and its sources, joined with `: ` (each source only when the text
/// before does not already say it).
pub(crate) fn error_chain(error: &(dyn std::error::Error + 'static)) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        let cause_text = cause.to_string();
        if !text.contains(&cause_text) {
            text.push_str(": ");
            text.push_str(&cause_text);
        }
        source = cause.source();
    }
    text
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let auth = Auth {
        identifier: cli.identifier,
        key: cli.key,
        tier: cli.tier,
        api_url: cli.api_url,
        verbose: cli.verbose,
    };
    let runtime = match tokio::runtime::Builder::new_multi_thread().enable_all().build() {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("crisp: cannot start the async runtime: {error}");
            return ExitCode::FAILURE;
        }
    };
    let result = runtime.block_on(async {
        match cli.command {
            Command::Call(args) => call::run(&auth, args).await,
            Command::Mock { port } => mock::run(port).await,
            Command::Events(args) => events::run(&auth, args).await,
            Command::Hooks(command) => hooks::run(&auth, command).await,
        }
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("crisp: {message}");
            ExitCode::FAILURE
        }
    }
}
