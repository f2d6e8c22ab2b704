//! `people:*` events: people profiles (CRM contacts) created, updated,
//! linked to conversations and imported.

use serde::{Deserialize, Deserializer, Serialize};

use crate::people::PeopleProfile;
use crate::util::null_as_default;
use crate::{JsonMap, PeopleId};

event_payload! {
    /// The payload of `people:profile:created`.
    pub struct PeopleProfileCreated in website {
        /// The new profile's id.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub people_id: Option<PeopleId>,
        /// The contact's email address.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub email: Option<String>,
    }
}

event_payload! {
    /// The payload of `people:profile:updated`.
    pub struct PeopleProfileUpdated in website {
        /// The profile's id.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub people_id: Option<PeopleId>,
        /// The contact's email address.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub email: Option<String>,
        /// What changed: a partial profile card (e.g. `person`, `updated_at`),
        /// kept as JSON since Crisp sends only the changed parts.
        #[serde(default, deserialize_with = "null_as_default", skip_serializing_if = "JsonMap::is_empty")]
        pub update: JsonMap,
    }
}

event_payload! {
    /// The payload of `people:profile:removed`.
    pub struct PeopleProfileRemoved in website {
        /// The removed profile's id.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub people_id: Option<PeopleId>,
        /// The contact's email address.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub email: Option<String>,
    }
}

event_payload! {
    /// The payload of `people:bind:session`.
    pub struct PeopleBindSession in session {
        /// The profile the conversation is now linked to.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub people_id: Option<PeopleId>,
    }
}

event_payload! {
    /// The payload of `people:sync:profile`.
    pub struct PeopleSyncProfile in session {
        /// The profile synced.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub people_id: Option<PeopleId>,
        /// What is now known about the contact (`person`, `company`, ...);
        /// boxed, as a profile is large and rarely present.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub identity: Option<Box<PeopleProfile>>,
    }
}

event_payload! {
    /// The payload of `people:import:progress`.
    pub struct PeopleImportProgress in website {
        /// The import's id.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub import_id: Option<String>,
        /// The profile being imported, if any.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub people_id: Option<PeopleId>,
        /// How far the import is, in percent.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub progress: Option<u32>,
        /// Profile counts.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub count: Option<PeopleImportCount>,
        /// The profiles skipped so far.
        ///
        /// The Go SDK reads a list here and the Node SDK an object
        /// `{"skipped": [...]}`; both decode. It encodes as the list.
        #[serde(default, deserialize_with = "import_items", skip_serializing_if = "Vec::is_empty")]
        pub items: Vec<PeopleImportItem>,
    }
}

/// Profile counts of a people import.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct PeopleImportCount {
    /// Profiles in the import.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total: Option<u32>,
    /// Profiles skipped.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub skipped: Option<u32>,
    /// Profiles left to import.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remaining: Option<u32>,
}

/// A profile a people import skipped.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct PeopleImportItem {
    /// What identifies the profile in the import (e.g. its email), if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub identifier: Option<String>,
    /// Why it was skipped.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

/// Decodes `items` from a list, `{"skipped": [...]}` or `null`.
fn import_items<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<PeopleImportItem>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Raw {
        List(Vec<PeopleImportItem>),
        Object {
            #[serde(default, deserialize_with = "null_as_default")]
            skipped: Vec<PeopleImportItem>,
        },
    }

    Ok(match Option::<Raw>::deserialize(deserializer)? {
        Some(Raw::List(items) | Raw::Object { skipped: items }) => items,
        None => Vec::new(),
    })
}

event_payload! {
    /// The payload of `people:import:done`.
    pub struct PeopleImportDone in website {
        /// The import's id.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub import_id: Option<String>,
        /// The last profile imported, if any.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub people_id: Option<PeopleId>,
        /// Whether the import failed.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub error: Option<bool>,
    }
}
