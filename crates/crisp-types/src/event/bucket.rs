//! `bucket:*` events: the signed upload URLs Crisp generated on request.

use serde::{Deserialize, Serialize};

event_payload! {
    /// The payload of the seven `bucket:url:*:generated` events (upload,
    /// avatar, website, campaign, helpdesk, status, processing).
    pub struct BucketUrlGenerated in none {
        /// What the URL is for (`type` on the wire).
        #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
        pub kind: Option<String>,
        /// Who asked for the URL.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub from: Option<String>,
        /// The identifier given with the request.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub identifier: Option<String>,
        /// The request id given with the request.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub id: Option<String>,
        /// The resource the URL uploads to.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub resource: Option<BucketResource>,
        /// The URLs.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub url: Option<BucketUrl>,
        /// The upload policy.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub policy: Option<BucketPolicy>,
    }
}

/// The resource a bucket URL uploads to.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct BucketResource {
    /// The resource type (`type` on the wire), e.g. `website`.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// The resource's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
}

/// The URLs of a generated upload.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct BucketUrl {
    /// Where the file will be readable once uploaded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resource: Option<String>,
    /// The signed URL to upload the file to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signed: Option<String>,
}

/// The policy of a generated upload.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct BucketPolicy {
    /// The largest file accepted, in bytes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub size_limit: Option<u64>,
}
