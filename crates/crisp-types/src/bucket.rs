//! Bucket URLs: signed URLs to upload a file (an attachment, an avatar, a
//! logo, ...) to Crisp's storage.
//!
//! The request names a namespace and the file; the answer (and the RTM event
//! `bucket:url:<namespace>:generated`) carries the signed upload URL and the
//! URL the file is readable at once uploaded.
//!
//! ```
//! use crisp_types::bucket::{BucketNamespace, BucketUrlRequest, BucketUrlRequestFile};
//!
//! let request = BucketUrlRequest::new(
//!     BucketNamespace::Upload,
//!     "upload-1",
//!     BucketUrlRequestFile::new("invoice.pdf", "application/pdf"),
//! );
//! assert_eq!(
//!     serde_json::to_value(&request)?,
//!     serde_json::json!({"namespace": "upload", "id": "upload-1",
//!                        "file": {"name": "invoice.pdf", "type": "application/pdf"}})
//! );
//! # Ok::<(), serde_json::Error>(())
//! ```

use serde::{Deserialize, Serialize};

pub use crate::event::{BucketPolicy, BucketResource, BucketUrl};

open_enum! {
    /// What an uploaded file is for; each namespace has its own
    /// `bucket:url:<namespace>:generated` RTM event.
    pub enum BucketNamespace {
        /// A file shared in a conversation.
        Upload => "upload",
        /// An operator's avatar.
        Avatar => "avatar",
        /// A website's logo or other website media.
        Website => "website",
        /// A campaign's media.
        Campaign => "campaign",
        /// A helpdesk article's media.
        Helpdesk => "helpdesk",
        /// A status page's media.
        Status => "status",
        /// A file sent for processing (e.g. an import).
        Processing => "processing",
    }
}

/// The body of "generate bucket URL": `{namespace, id, file{name, type},
/// resource?{type, id}}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BucketUrlRequest {
    /// What the file is for.
    pub namespace: BucketNamespace,
    /// An id of the caller's choosing, echoed in the answer and the RTM event
    /// so the caller can match them.
    pub id: String,
    /// The file to upload.
    pub file: BucketUrlRequestFile,
    /// The resource the file belongs to (e.g. a website for its logo).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resource: Option<BucketUrlRequestResource>,
}

impl BucketUrlRequest {
    /// Asks for a URL to upload `file` in `namespace`, tagged `id`.
    pub fn new(namespace: BucketNamespace, id: impl Into<String>, file: BucketUrlRequestFile) -> Self {
        Self {
            namespace,
            id: id.into(),
            file,
            resource: None,
        }
    }

    option_setters! {
        /// The resource the file belongs to.
        resource: BucketUrlRequestResource,
    }
}

/// The file of a [`BucketUrlRequest`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BucketUrlRequestFile {
    /// The file name, e.g. `invoice.pdf`.
    pub name: String,
    /// The MIME type (`type` on the wire), e.g. `application/pdf`.
    #[serde(rename = "type")]
    pub kind: String,
}

impl BucketUrlRequestFile {
    /// A file named `name` of MIME type `kind`.
    pub fn new(name: impl Into<String>, kind: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            kind: kind.into(),
        }
    }
}

/// The resource of a [`BucketUrlRequest`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BucketUrlRequestResource {
    /// The resource type (`type` on the wire), e.g. `website`.
    #[serde(rename = "type")]
    pub kind: String,
    /// The resource's id.
    pub id: String,
}

impl BucketUrlRequestResource {
    /// The resource `id` of type `kind`.
    pub fn new(kind: impl Into<String>, id: impl Into<String>) -> Self {
        Self {
            kind: kind.into(),
            id: id.into(),
        }
    }
}

/// A generated upload URL: the answer of "generate bucket URL", with the
/// fields of the `bucket:url:<namespace>:generated` RTM event.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct BucketUrlGeneration {
    /// The namespace the URL was generated in (`type` on the wire).
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// Who asked for the URL (the tier, e.g. `user`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    /// Who the caller is (its token identifier).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub identifier: Option<String>,
    /// The `id` given with the request.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The resource the file belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resource: Option<BucketResource>,
    /// The URLs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<BucketUrl>,
    /// The upload policy.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub policy: Option<BucketPolicy>,
}

impl BucketUrlGeneration {
    /// The signed URL to upload the file to (`PUT` the bytes), if given.
    pub fn signed_url(&self) -> Option<&str> {
        self.url.as_ref().and_then(|url| url.signed.as_deref())
    }

    /// Where the file is readable once uploaded, if given.
    pub fn resource_url(&self) -> Option<&str> {
        self.url.as_ref().and_then(|url| url.resource.as_deref())
    }
}
