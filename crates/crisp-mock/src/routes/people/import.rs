//! `people/export/profiles` and `people/import/profiles` (user tier).
//!
//! The fake cannot download the CSV an import names: tests register its text
//! first with `FakeCrisp::add_import_file`, and the import creates (or
//! updates, by email) the profiles at once.

use axum::Router;
use axum::extract::State;
use axum::routing::post;
use bytes::Bytes;
use serde_json::{Value, json};

use crate::extract::{Params, json_object, optional_bool, optional_object, optional_str, required_str};
use crate::ids;
use crate::reply::{ApiError, Reply, Success};
use crate::server::App;
use crate::state::{Object, deep_merge};

/// The import and export routes.
pub(super) fn routes() -> Router<App> {
    Router::new()
        .route(
            "/v1/website/{website_id}/people/export/profiles",
            post(export_people_profiles),
        )
        .route(
            "/v1/website/{website_id}/people/import/profiles",
            post(import_people_profiles),
        )
}

/// `POST people/export/profiles` with `{}`: the export is "emailed"
/// (`202 dispatched`).
async fn export_people_profiles(State(app): State<App>, Params(website_id): Params<String>, body: Bytes) -> Reply {
    json_object(&body)?;
    if app.store().website(&website_id).is_none() {
        return Err(ApiError::WEBSITE_NOT_FOUND);
    }
    Ok(Success::dispatched(Value::Object(Object::new())))
}

/// One `mapping` item: a 0-based CSV column and the profile field it fills.
#[derive(Debug)]
struct Mapping {
    /// The 0-based column.
    column: usize,
    /// The field it fills: `email`, `segments`, `data.<key>` or a dotted card path.
    field: String,
}

/// `POST people/import/profiles` with `{url, mapping: [{column, field}],
/// options?: {column_separator?, skip_header?}}` -> `{import_id}` (`202
/// dispatched`).
///
/// `field` is `email`, `segments` (comma-separated), `data.<key>` (people
/// data) or a dotted card path (`person.nickname`, `company.name`, ...).
/// Rows without an email are skipped; a row whose email is already known
/// updates that profile. An unregistered `url` is `400 invalid_data`.
async fn import_people_profiles(State(app): State<App>, Params(website_id): Params<String>, body: Bytes) -> Reply {
    let body = json_object(&body)?;
    let url = required_str(&body, "url")?.to_owned();
    let mapping = match body.get("mapping") {
        Some(Value::Array(items)) => items
            .iter()
            .map(|item| {
                let item = item.as_object().ok_or(ApiError::INVALID_DATA)?;
                let column = item
                    .get("column")
                    .and_then(Value::as_u64)
                    .ok_or(ApiError::INVALID_DATA)?;
                let field = required_str(item, "field")?;
                Ok(Mapping {
                    column: usize::try_from(column).map_err(|_| ApiError::INVALID_DATA)?,
                    field: field.to_owned(),
                })
            })
            .collect::<Result<Vec<_>, ApiError>>()?,
        _ => return Err(ApiError::INVALID_DATA),
    };
    let options = optional_object(&body, "options")?.cloned().unwrap_or_default();
    let separator = match optional_str(&options, "column_separator")? {
        None => ',',
        Some(text) => {
            let mut chars = text.chars();
            match (chars.next(), chars.next()) {
                (Some(separator), None) => separator,
                _ => return Err(ApiError::INVALID_DATA),
            }
        }
    };
    let skip_header = optional_bool(&options, "skip_header")?.unwrap_or(false);

    let mut store = app.store();
    if store.website(&website_id).is_none() {
        return Err(ApiError::WEBSITE_NOT_FOUND);
    }
    let csv = store.import_files.get(&url).cloned().ok_or(ApiError::INVALID_DATA)?;
    let (website, clock) = store.website_mut(&website_id).ok_or(ApiError::WEBSITE_NOT_FOUND)?;
    let rows = parse_csv(&csv, separator);
    for row in rows.iter().skip(usize::from(skip_header)) {
        let (card, data) = row_to_card(row, &mapping);
        let Some(email) = card.get("email").and_then(Value::as_str).map(str::to_owned) else {
            continue;
        };
        let now = clock.now();
        match website
            .people
            .iter_mut()
            .find(|p| p.email().is_some_and(|e| e.eq_ignore_ascii_case(&email)))
        {
            Some(profile) => {
                deep_merge(&mut profile.card, card);
                profile.data.extend(data);
                profile.updated_at = now;
            }
            None => {
                let people_id = website.add_profile(clock, card);
                if let Some(profile) = website.profile_mut(&people_id) {
                    profile.data = data;
                }
            }
        }
    }
    Ok(Success::dispatched(json!({ "import_id": ids::uuid() })))
}

/// The card and the people data one CSV row fills through `mapping`
/// (empty cells fill nothing).
fn row_to_card(row: &[String], mapping: &[Mapping]) -> (Object, Object) {
    let mut card = Object::new();
    let mut data = Object::new();
    for Mapping { column, field } in mapping {
        let Some(cell) = row.get(*column).map(|cell| cell.trim()).filter(|cell| !cell.is_empty()) else {
            continue;
        };
        if field == "segments" {
            let segments: Vec<Value> = cell
                .split(',')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(|s| json!(s))
                .collect();
            card.insert("segments".to_owned(), Value::Array(segments));
        } else if let Some(key) = field.strip_prefix("data.") {
            data.insert(key.to_owned(), json!(cell));
        } else {
            let path: Vec<&str> = field.split('.').collect();
            insert_path(&mut card, &path, json!(cell));
        }
    }
    (card, data)
}

/// Sets `value` at a dotted path (`["person", "nickname"]`), creating (or
/// replacing non-object values with) the objects on the way.
fn insert_path(target: &mut Object, path: &[&str], value: Value) {
    match path {
        [] => {}
        [last] => {
            target.insert((*last).to_owned(), value);
        }
        [first, rest @ ..] => {
            let entry = target.entry((*first).to_owned()).or_insert_with(|| json!({}));
            if !entry.is_object() {
                *entry = json!({});
            }
            if let Value::Object(next) = entry {
                insert_path(next, rest, value);
            }
        }
    }
}

/// Splits CSV text into rows of cells: `separator` between cells, `"` quotes
/// (with `""` for a quote inside), LF or CRLF line ends; blank lines are
/// dropped.
fn parse_csv(text: &str, separator: char) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut cell = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    cell.push('"');
                }
                '"' => quoted = false,
                other => cell.push(other),
            }
        } else if c == separator {
            row.push(std::mem::take(&mut cell));
        } else {
            match c {
                '"' if cell.is_empty() => quoted = true,
                '\r' => {}
                '\n' => end_row(&mut row, &mut cell, &mut rows),
                other => cell.push(other),
            }
        }
    }
    if !cell.is_empty() || !row.is_empty() {
        end_row(&mut row, &mut cell, &mut rows);
    }
    rows
}

/// Closes the current cell and row, keeping the row unless it is blank.
fn end_row(row: &mut Vec<String>, cell: &mut String, rows: &mut Vec<Vec<String>>) {
    row.push(std::mem::take(cell));
    let done = std::mem::take(row);
    if !(done.len() == 1 && done[0].trim().is_empty()) {
        rows.push(done);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_quotes_separators_and_blank_lines() {
        let rows = parse_csv("a;\"b;c\";\"say \"\"hi\"\"\"\r\n\r\nd;e;f", ';');
        assert_eq!(
            rows,
            vec![
                vec!["a".to_owned(), "b;c".to_owned(), "say \"hi\"".to_owned()],
                vec!["d".to_owned(), "e".to_owned(), "f".to_owned()],
            ]
        );
        assert_eq!(parse_csv("x,y\n", ','), vec![vec!["x".to_owned(), "y".to_owned()]]);
    }

    #[test]
    fn rows_fill_nested_fields_segments_and_data() {
        let mapping = [
            Mapping {
                column: 0,
                field: "email".into(),
            },
            Mapping {
                column: 1,
                field: "person.nickname".into(),
            },
            Mapping {
                column: 2,
                field: "segments".into(),
            },
            Mapping {
                column: 3,
                field: "data.plan".into(),
            },
            Mapping {
                column: 9,
                field: "company.name".into(),
            },
        ];
        let row: Vec<String> = ["a@example.com", "Ann", "vip, lead", "pro"].map(str::to_owned).to_vec();
        let (card, data) = row_to_card(&row, &mapping);
        assert_eq!(
            Value::Object(card),
            json!({"email": "a@example.com", "person": {"nickname": "Ann"}, "segments": ["vip", "lead"]})
        );
        assert_eq!(Value::Object(data), json!({"plan": "pro"}));
    }
}
