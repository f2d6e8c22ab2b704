//! The helpdesk's domain: its `crisp.help` sub-domain and custom domain.

use serde::{Deserialize, Deserializer, Serialize};

use crate::util::null_as_default;

/// Where the helpdesk is served.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct HelpdeskDomain {
    /// The root domain of basic domains (e.g. `crisp.help`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub root: Option<String>,
    /// The sub-domain under the root (`acme` for `acme.crisp.help`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub basic: Option<String>,
    /// The custom domain (`help.acme.com`), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom: Option<String>,
    /// Whether the custom domain's DNS records check out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub verified: Option<bool>,
}

/// The body that changes the helpdesk's domains: each domain is sent only
/// when set, and [`clear_custom`](Self::clear_custom) sends `custom: null`
/// (back to the basic domain only).
///
/// ```
/// use crisp_types::helpdesk::HelpdeskDomainChangeRequest;
///
/// let change = HelpdeskDomainChangeRequest::new().basic("acme").custom("help.acme.com");
/// assert_eq!(serde_json::to_string(&change)?, r#"{"basic":"acme","custom":"help.acme.com"}"#);
/// let clear = HelpdeskDomainChangeRequest::new().clear_custom();
/// assert_eq!(serde_json::to_string(&clear)?, r#"{"custom":null}"#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct HelpdeskDomainChangeRequest {
    /// The new basic sub-domain: absent (unchanged) or a value.
    #[serde(default, deserialize_with = "present", skip_serializing_if = "Option::is_none")]
    pub basic: Option<Option<String>>,
    /// The new custom domain: absent (unchanged), a value, or `null` (removed).
    #[serde(default, deserialize_with = "present", skip_serializing_if = "Option::is_none")]
    pub custom: Option<Option<String>>,
}

impl HelpdeskDomainChangeRequest {
    /// No change.
    pub fn new() -> Self {
        Self::default()
    }

    /// Moves the helpdesk to the sub-domain `basic`.
    #[must_use]
    pub fn basic(mut self, basic: impl Into<String>) -> Self {
        self.basic = Some(Some(basic.into()));
        self
    }

    /// Serves the helpdesk on the custom domain `custom` too.
    #[must_use]
    pub fn custom(mut self, custom: impl Into<String>) -> Self {
        self.custom = Some(Some(custom.into()));
        self
    }

    /// Removes the custom domain (sends `custom: null`).
    #[must_use]
    pub fn clear_custom(mut self) -> Self {
        self.custom = Some(None);
        self
    }
}

/// Decodes a key that is present (its value possibly `null`) as `Some(..)`;
/// an absent key stays `None` through `#[serde(default)]`.
fn present<'de, D, T>(deserializer: D) -> Result<Option<Option<T>>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    Option::<T>::deserialize(deserializer).map(Some)
}

/// The DNS set-up of a custom domain.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct HelpdeskDomainSetupFlow {
    /// The custom domain the records are for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom: Option<String>,
    /// The records to create.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub setup: Option<HelpdeskDomainSetup>,
}

/// The records of a domain set-up flow.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct HelpdeskDomainSetup {
    /// The DNS records.
    #[serde(default, deserialize_with = "null_as_default")]
    pub records: Vec<HelpdeskDomainSetupRecord>,
}

/// One DNS record to create.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct HelpdeskDomainSetupRecord {
    /// The record type (`type` on the wire), e.g. `CNAME`.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// The name to look up to check the record.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub query: Option<String>,
    /// The record name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The record value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
}
