//! Importing people profiles from a CSV file.

use serde::{Deserialize, Serialize};

use crate::util::null_as_default;

/// The answer to starting a profile import.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct PeopleProfileImport {
    /// The import's id (reported again by the `people:import:*` events).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub import_id: Option<String>,
}

/// The body that starts importing people profiles from a CSV file.
///
/// ```
/// use crisp::types::people::{PeopleImportMapping, PeopleImportOptions, PeopleProfileImportSetup};
///
/// let setup = PeopleProfileImportSetup::new(
///     "https://example.com/people.csv",
///     [PeopleImportMapping::new(0, "email"), PeopleImportMapping::new(1, "person.nickname")],
/// )
/// .options(PeopleImportOptions::new().column_separator(";").skip_header(true));
/// assert_eq!(
///     serde_json::to_value(&setup)?,
///     serde_json::json!({
///         "url": "https://example.com/people.csv",
///         "mapping": [{"column": 0, "field": "email"}, {"column": 1, "field": "person.nickname"}],
///         "options": {"column_separator": ";", "skip_header": true},
///     })
/// );
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PeopleProfileImportSetup {
    /// Where Crisp downloads the CSV file.
    pub url: String,
    /// Which column fills which profile field.
    #[serde(default, deserialize_with = "null_as_default")]
    pub mapping: Vec<PeopleImportMapping>,
    /// How the file is read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub options: Option<PeopleImportOptions>,
}

impl PeopleProfileImportSetup {
    /// Imports the CSV file at `url`, filling fields as `mapping` says.
    pub fn new(url: impl Into<String>, mapping: impl IntoIterator<Item = PeopleImportMapping>) -> Self {
        Self {
            url: url.into(),
            mapping: mapping.into_iter().collect(),
            options: None,
        }
    }

    option_setters! {
        /// Sets how the file is read.
        options: PeopleImportOptions,
    }
}

/// Which CSV column fills which profile field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PeopleImportMapping {
    /// The column index (from 0).
    pub column: u32,
    /// The profile field, e.g. `email` or `person.nickname`.
    pub field: String,
}

impl PeopleImportMapping {
    /// Column `column` fills `field`.
    pub fn new(column: u32, field: impl Into<String>) -> Self {
        Self {
            column,
            field: field.into(),
        }
    }
}

/// How a CSV file is read when importing profiles.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct PeopleImportOptions {
    /// The column separator, e.g. `,` or `;`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub column_separator: Option<String>,
    /// Whether the first line is a header to skip.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub skip_header: Option<bool>,
}

impl PeopleImportOptions {
    /// No option set (Crisp's defaults).
    pub fn new() -> Self {
        Self::default()
    }

    option_setters! {
        /// Sets the column separator.
        column_separator: String,
        /// Sets whether the first line is a header to skip.
        skip_header: bool,
    }
}
