//! `bucket/url/generate` (signed upload URLs, and the storage they point
//! to) and `media/animation/list/{page_number}` (animation searches).
//!
//! A generated bucket URL is real: `PUT` the file's bytes to its `signed`
//! URL (on the fake's own origin, no credentials), then `GET` its `resource`
//! URL to read them back. The answer is also emitted as
//! `bucket:url:<namespace>:generated`.

use axum::Router;
use axum::body::Body;
use axum::extract::State;
use axum::response::Response;
use axum::routing::{get, post};
use bytes::Bytes;
use crisp_types::Tier;
use http::{HeaderMap, StatusCode, header};
use serde_json::{Value, json};

use crate::extract::{Params, QueryPairs, json_object, optional_object, page_number, paginate, required_str};
use crate::ids;
use crate::reply::{ApiError, Reply, Success};
use crate::routes::plugin_subscription::require_tier;
use crate::server::App;
use crate::state::account::{UPLOAD_SIZE_LIMIT, Upload};

/// The namespaces a bucket URL can be generated in.
const NAMESPACES: &[&str] = &[
    "upload",
    "avatar",
    "website",
    "campaign",
    "helpdesk",
    "status",
    "processing",
];

/// Animations per page of a search.
const ANIMATIONS_PER_PAGE: usize = 2;
/// Animations a search finds in all.
const ANIMATIONS_FOUND: usize = 5;

/// The bucket and media routes.
pub(crate) fn routes() -> Router<App> {
    Router::new()
        .route("/v1/bucket/url/generate", post(generate_bucket_url))
        .route("/v1/media/animation/list/{page_number}", get(list_animation_medias))
        .route("/bucket/{upload_id}/{file_name}", get(download).put(upload))
}

/// `POST bucket/url/generate` with `{namespace, id, file{name, type},
/// resource?{type, id}}`: an upload slot, answered (and emitted) as
/// `{type, from, identifier, id, resource, url{resource, signed}, policy}`.
async fn generate_bucket_url(State(app): State<App>, headers: HeaderMap, body: Bytes) -> Reply {
    let tier = require_tier(&headers, &[Tier::User, Tier::Plugin])?;
    let body = json_object(&body)?;
    let namespace = required_str(&body, "namespace")?;
    if !NAMESPACES.contains(&namespace) {
        return Err(ApiError::INVALID_DATA);
    }
    let id = required_str(&body, "id")?;
    let file = optional_object(&body, "file")?.ok_or(ApiError::INVALID_DATA)?;
    let file_name = required_str(file, "name")?;
    let content_type = required_str(file, "type")?;
    if file_name.is_empty() || file_name.contains('/') {
        return Err(ApiError::INVALID_DATA);
    }
    let resource = match optional_object(&body, "resource")? {
        Some(resource) => Some(json!({
            "type": required_str(resource, "type")?,
            "id": required_str(resource, "id")?,
        })),
        None => None,
    };

    let upload_id = ids::uuid();
    let signature = ids::hex(32);
    let encoded_name = encode_segment(file_name);
    let resource_url = format!("{}bucket/{upload_id}/{encoded_name}", app.origin);
    let signed_url = format!("{resource_url}?signature={signature}");
    let identifier = {
        let mut store = app.store();
        store.account.uploads.push(Upload {
            upload_id,
            signature,
            file_name: file_name.to_owned(),
            content_type: content_type.to_owned(),
            bytes: None,
        });
        match tier {
            Tier::Plugin => store.plugin_id.clone(),
            _ => store.account.operator.user_id.clone(),
        }
    };
    let mut generated = json!({
        "type": namespace,
        "from": tier.as_str(),
        "identifier": identifier,
        "id": id,
        "url": { "resource": resource_url, "signed": signed_url },
        "policy": { "size_limit": UPLOAD_SIZE_LIMIT },
    });
    if let Some(resource) = resource {
        generated["resource"] = resource;
    }
    app.relay.emit(&format!("bucket:url:{namespace}:generated"), &generated);
    Ok(Success::resolved(generated))
}

/// Percent-encodes a file name for a URL path segment.
fn encode_segment(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for byte in name.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// A plain (non-envelope) storage answer.
fn storage_response(status: StatusCode, content_type: &str, body: Bytes) -> Response {
    let mut response = Response::new(Body::from(body));
    *response.status_mut() = status;
    if let Ok(value) = http::HeaderValue::from_str(content_type) {
        response.headers_mut().insert(header::CONTENT_TYPE, value);
    }
    response
}

/// `PUT bucket/{upload_id}/{file_name}?signature=..`: stores the file (once
/// per slot). `403` for a wrong signature, `404` for an unknown slot, `413`
/// past the size limit.
async fn upload(
    State(app): State<App>,
    Params((upload_id, file_name)): Params<(String, String)>,
    query: QueryPairs,
    body: Bytes,
) -> Response {
    let status = {
        let mut store = app.store();
        match store
            .account
            .uploads
            .iter_mut()
            .find(|u| u.upload_id == upload_id && u.file_name == file_name)
        {
            None => StatusCode::NOT_FOUND,
            Some(slot) if query.get("signature") != Some(slot.signature.as_str()) => StatusCode::FORBIDDEN,
            Some(_) if body.len() > UPLOAD_SIZE_LIMIT => StatusCode::PAYLOAD_TOO_LARGE,
            Some(slot) => {
                slot.bytes = Some(body);
                StatusCode::OK
            }
        }
    };
    storage_response(status, "text/plain; charset=utf-8", Bytes::new())
}

/// `GET bucket/{upload_id}/{file_name}`: the uploaded file, with the MIME
/// type announced; `404` until it is uploaded.
async fn download(State(app): State<App>, Params((upload_id, file_name)): Params<(String, String)>) -> Response {
    let store = app.store();
    match store
        .account
        .uploads
        .iter()
        .find(|u| u.upload_id == upload_id && u.file_name == file_name)
    {
        Some(Upload {
            bytes: Some(bytes),
            content_type,
            ..
        }) => storage_response(StatusCode::OK, content_type, bytes.clone()),
        _ => storage_response(StatusCode::NOT_FOUND, "text/plain; charset=utf-8", Bytes::new()),
    }
}

/// `GET media/animation/list/{page_number}?list_id=..&search_query=..`
/// (user tier): `{id: list_id, results: [{type, url}]}`, five animations per
/// search, two per page.
async fn list_animation_medias(
    State(_app): State<App>,
    headers: HeaderMap,
    Params(page): Params<String>,
    query: QueryPairs,
) -> Reply {
    require_tier(&headers, &[Tier::User])?;
    let page = page_number(&page)?;
    let list_id = query.get("list_id").ok_or(ApiError::INVALID_DATA)?;
    let search = query.get("search_query").ok_or(ApiError::INVALID_DATA)?;
    let slug: String = search
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    let found: Vec<Value> = (1..=ANIMATIONS_FOUND)
        .map(|n| {
            json!({
                "type": "image/gif",
                "url": format!("https://media.fake-crisp.test/animation/{slug}/{n}.gif"),
            })
        })
        .collect();
    Ok(Success::resolved(json!({
        "id": list_id,
        "results": paginate(found, page, ANIMATIONS_PER_PAGE),
    })))
}
