//! `crisp call`: any REST method, by group and name.

use std::io::IsTerminal;

use clap::Args;
use crisp::Crisp;
use crisp_rest::{EndpointInfo, Method, segment};
use serde_json::Value;

use crate::{Auth, error_chain};

/// `crisp call` arguments.
#[derive(Debug, Args)]
pub(crate) struct CallArgs {
    /// List every method (group, name, verb, path, query options).
    #[arg(long)]
    list: bool,
    /// The method's group: website, plugin, plan, media, bucket or user.
    group: Option<String>,
    /// The method's name, e.g. get_conversation.
    method: Option<String>,
    /// `--<placeholder> value` for each `{placeholder}` of the path (e.g.
    /// `--website-id W`), `--query key=value`, `--body JSON|@file`,
    /// `--all-pages`, `--json`, `--describe` (what the method takes).
    #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
    options: Vec<String>,
}

/// The group accessor of an API struct name: `WebsiteApi` -> `website`.
fn group_of(info: &EndpointInfo) -> String {
    info.api.trim_end_matches("Api").to_ascii_lowercase()
}

/// The `{placeholders}` of a path template, in order.
fn placeholders(path: &str) -> Vec<&str> {
    path.split('{')
        .skip(1)
        .filter_map(|part| part.split_once('}').map(|(name, _)| name))
        .collect()
}

/// The options after `<group> <method>`.
#[derive(Debug, Default)]
struct Options {
    placeholders: Vec<(String, String)>,
    query: Vec<(&'static str, String)>,
    body: Option<Value>,
    all_pages: bool,
    json: bool,
}

fn parse_options(info: &EndpointInfo, args: &[String]) -> Result<Options, String> {
    let names = placeholders(info.path);
    let mut options = Options::default();
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        let Some(flag) = arg.strip_prefix("--") else {
            return Err(format!("unexpected argument `{arg}`"));
        };
        let (flag, inline) = match flag.split_once('=') {
            Some((flag, value)) => (flag, Some(value.to_owned())),
            None => (flag, None),
        };
        match flag {
            "all-pages" => options.all_pages = true,
            "json" => options.json = true,
            _ => {
                let value = match inline {
                    Some(value) => value,
                    None => args.next().cloned().ok_or_else(|| format!("--{flag} needs a value"))?,
                };
                match flag {
                    "query" => {
                        let (key, value) = value
                            .split_once('=')
                            .ok_or_else(|| format!("--query takes key=value, not `{value}`"))?;
                        let Some(key) = info.query.iter().find(|known| **known == key) else {
                            return Err(format!(
                                "{} has no query option `{key}` (it takes: {})",
                                info.name,
                                list_or_none(info.query)
                            ));
                        };
                        options.query.push((key, value.to_owned()));
                    }
                    "body" => options.body = Some(read_body(&value)?),
                    _ => {
                        let name = flag.replace('-', "_");
                        if !names.contains(&name.as_str()) {
                            let expected: Vec<String> = names
                                .iter()
                                .map(|name| format!("--{}", name.replace('_', "-")))
                                .collect();
                            return Err(format!(
                                "unknown option --{flag} for {} (path {}; placeholders: {})",
                                info.name,
                                info.path,
                                if expected.is_empty() {
                                    "none".to_owned()
                                } else {
                                    expected.join(", ")
                                }
                            ));
                        }
                        options.placeholders.push((name, value));
                    }
                }
            }
        }
    }
    Ok(options)
}

fn list_or_none(items: &[&str]) -> String {
    if items.is_empty() {
        "none".to_owned()
    } else {
        items.join(", ")
    }
}

/// `--body`: inline JSON, or `@file` holding it.
fn read_body(value: &str) -> Result<Value, String> {
    let text = match value.strip_prefix('@') {
        Some(path) => std::fs::read_to_string(path).map_err(|error| format!("cannot read {path}: {error}"))?,
        None => value.to_owned(),
    };
    serde_json::from_str(&text).map_err(|error| format!("--body is not JSON: {error}"))
}

/// Fills the path template; `page` fills `{page_number}` when `--all-pages`.
fn fill_path(info: &EndpointInfo, options: &Options, page: Option<u64>) -> Result<String, String> {
    let mut path = info.path.to_owned();
    for name in placeholders(info.path) {
        let value = if name == "page_number" && page.is_some() {
            page.map(|page| page.to_string()).unwrap_or_default()
        } else {
            let value = options
                .placeholders
                .iter()
                .rev()
                .find(|(given, _)| given == name)
                .map(|(_, value)| value)
                .ok_or_else(|| format!("{} needs --{} (path {})", info.name, name.replace('_', "-"), info.path))?;
            segment(value).to_string()
        };
        path = path.replacen(&format!("{{{name}}}"), &value, 1);
    }
    Ok(path)
}

/// Levenshtein distance, for "did you mean".
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut previous = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substitute = previous + usize::from(ca != *cb);
            previous = row[j + 1];
            row[j + 1] = substitute.min(previous + 1).min(row[j] + 1);
        }
    }
    row[b.len()]
}

/// Finds a method, or explains which names come close.
fn find(group: &str, method: &str) -> Result<&'static EndpointInfo, String> {
    if let Some(info) = crisp_rest::endpoints().find(|info| info.name == method && group_of(info) == group) {
        return Ok(info);
    }
    let mut close: Vec<(usize, String)> = crisp_rest::endpoints()
        .filter_map(|info| {
            let score = distance(method, info.name);
            let near = info.name.contains(method) || method.contains(info.name) || score <= 3 + method.len() / 6;
            near.then(|| (score, format!("{} {}", group_of(info), info.name)))
        })
        .collect();
    close.sort();
    close.truncate(8);
    let mut message = format!("unknown method `{group} {method}`");
    if close.is_empty() {
        message.push_str(" (`crisp call --list` lists every method)");
    } else {
        message.push_str("; close names: ");
        message.push_str(&close.into_iter().map(|(_, name)| name).collect::<Vec<_>>().join(", "));
    }
    Err(message)
}

fn print_list() {
    for info in crisp_rest::endpoints() {
        let mut line = format!(
            "{:<8} {:<48} {:<6} {}",
            group_of(info),
            info.name,
            info.method,
            info.path
        );
        if !info.query.is_empty() {
            line.push_str(&format!("  query: {}", info.query.join(",")));
        }
        if let Some(instead) = info.deprecated {
            line.push_str(&format!("  deprecated ({instead})"));
        }
        println!("{line}");
    }
}

/// `crisp call <group> <method> --describe`: what the method takes.
fn print_method(info: &EndpointInfo) {
    println!(
        "{} {}: {} ({} {})",
        group_of(info),
        info.name,
        info.label,
        info.method,
        info.path
    );
    let names = placeholders(info.path);
    if !names.is_empty() {
        let flags: Vec<String> = names
            .iter()
            .map(|name| format!("--{} <value>", name.replace('_', "-")))
            .collect();
        println!("path options: {}", flags.join(" "));
    }
    println!("query keys (--query key=value): {}", list_or_none(info.query));
    if !info.tiers.is_empty() {
        println!("tiers: {}", info.tiers.join(", "));
    }
    if let Some(instead) = info.deprecated {
        println!("deprecated: {instead}");
    }
    println!("also: --body JSON|@file, --json (compact output), --all-pages (paths with {{page_number}})");
}

fn print_value(value: &Value, compact: bool) -> Result<(), String> {
    let text = if compact {
        serde_json::to_string(value)
    } else {
        serde_json::to_string_pretty(value)
    };
    println!("{}", text.map_err(|error| error.to_string())?);
    Ok(())
}

/// Sends one request.
async fn send(
    crisp: &Crisp,
    info: &'static EndpointInfo,
    options: &Options,
    path: String,
    verbose: bool,
) -> Result<Value, String> {
    let method = Method::from_bytes(info.method.as_bytes()).map_err(|error| error.to_string())?;
    if verbose {
        eprintln!("crisp: {method} {path}");
    }
    let mut request = crisp.raw(method, path).route(info.name);
    for (key, value) in &options.query {
        request = request.query(key, value);
    }
    if let Some(body) = &options.body {
        request = request.json(body);
    }
    request.await.map_err(|error| error_chain(&error))
}

/// Runs `crisp call`.
pub(crate) async fn run(auth: &Auth, args: CallArgs) -> Result<(), String> {
    if args.list {
        print_list();
        return Ok(());
    }
    let (Some(group), Some(method)) = (args.group, args.method) else {
        return Err("usage: crisp call <group> <method> [--<placeholder> value ...] (or crisp call --list)".to_owned());
    };
    let info = find(&group, &method)?;
    if args.options.iter().any(|arg| arg == "--describe") {
        print_method(info);
        return Ok(());
    }
    let options = parse_options(info, &args.options)?;
    if options.all_pages && !placeholders(info.path).contains(&"page_number") {
        return Err(format!(
            "--all-pages: {} has no {{page_number}} in its path ({})",
            info.name, info.path
        ));
    }
    // Check the path before building the client, so usage errors come first.
    fill_path(info, &options, options.all_pages.then_some(1))?;
    let crisp = auth.client()?;
    if !options.all_pages {
        let path = fill_path(info, &options, None)?;
        let value = send(&crisp, info, &options, path, auth.verbose).await?;
        return print_value(&value, options.json);
    }
    let progress = std::io::stderr().is_terminal();
    let mut total = 0_usize;
    for page in 1_u64.. {
        let path = fill_path(info, &options, Some(page))?;
        let value = send(&crisp, info, &options, path, auth.verbose).await?;
        let Value::Array(items) = value else {
            return Err(format!("--all-pages: page {page} of {} is not an array", info.name));
        };
        if items.is_empty() {
            break;
        }
        total += items.len();
        if progress {
            eprintln!("crisp: page {page}: {} items ({total} in all)", items.len());
        }
        for item in &items {
            print_value(item, options.json)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_in_order() {
        assert_eq!(
            placeholders("website/{website_id}/conversations/{page_number}"),
            ["website_id", "page_number"]
        );
    }

    #[test]
    fn distance_counts_edits() {
        assert_eq!(distance("get_conversaton", "get_conversation"), 1);
        assert_eq!(distance("", "abc"), 3);
    }
}
