//! Request extraction that fails with Crisp envelopes, never axum's own
//! plain-text rejections.

use axum::extract::{FromRequestParts, Path};
use bytes::Bytes;
use http::request::Parts;
use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::record::decode_query;
use crate::reply::ApiError;
use crate::state::Object;

/// Path parameters; a segment that does not decode gives `400 invalid_data`.
#[derive(Debug)]
pub(crate) struct Params<T>(pub(crate) T);

impl<T, S> FromRequestParts<S> for Params<T>
where
    T: DeserializeOwned + Send,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        Path::<T>::from_request_parts(parts, state)
            .await
            .map(|Path(value)| Params(value))
            .map_err(|_| ApiError::INVALID_DATA)
    }
}

/// The decoded query pairs, in order. Never rejects.
#[derive(Debug, Default)]
pub(crate) struct QueryPairs(Vec<(String, String)>);

impl<S: Send + Sync> FromRequestParts<S> for QueryPairs {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        Ok(Self(parts.uri.query().map(decode_query).unwrap_or_default()))
    }
}

impl QueryPairs {
    /// The first value of `key`, if present and not empty.
    pub(crate) fn get(&self, key: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(k, v)| k == key && !v.is_empty())
            .map(|(_, v)| v.as_str())
    }

    /// A `"1"`/`"0"` flag (also `true`/`false`); absent means `false`,
    /// anything else is `400 invalid_data`.
    pub(crate) fn flag(&self, key: &str) -> Result<bool, ApiError> {
        match self.get(key) {
            None | Some("0" | "false") => Ok(false),
            Some("1" | "true") => Ok(true),
            Some(_) => Err(ApiError::INVALID_DATA),
        }
    }

    /// An optional unsigned integer; a non-number is `400 invalid_data`.
    pub(crate) fn number(&self, key: &str) -> Result<Option<u64>, ApiError> {
        self.get(key)
            .map(|v| v.trim().parse::<u64>().map_err(|_| ApiError::INVALID_DATA))
            .transpose()
    }
}

/// A page number path segment: an integer from 1; anything else is `400 invalid_data`.
pub(crate) fn page_number(segment: &str) -> Result<usize, ApiError> {
    match segment.parse::<usize>() {
        Ok(page) if page >= 1 => Ok(page),
        _ => Err(ApiError::INVALID_DATA),
    }
}

/// Slices `items` to page `page` (from 1) of `per_page` items; past the end is empty.
pub(crate) fn paginate<T>(items: Vec<T>, page: usize, per_page: usize) -> Vec<T> {
    let start = (page - 1).saturating_mul(per_page);
    items.into_iter().skip(start).take(per_page).collect()
}

/// The body as a JSON object. An empty body counts as `{}`; malformed JSON or
/// a non-object is `400 invalid_data`.
pub(crate) fn json_object(body: &Bytes) -> Result<Object, ApiError> {
    if body.iter().all(u8::is_ascii_whitespace) {
        return Ok(Object::new());
    }
    match serde_json::from_slice::<Value>(body) {
        Ok(Value::Object(object)) => Ok(object),
        _ => Err(ApiError::INVALID_DATA),
    }
}

/// A required string field; missing or not a string is `400 invalid_data`.
pub(crate) fn required_str<'a>(object: &'a Object, key: &str) -> Result<&'a str, ApiError> {
    object.get(key).and_then(Value::as_str).ok_or(ApiError::INVALID_DATA)
}

/// An optional string field: absent or `null` is `None`, a non-string is
/// `400 invalid_data`.
pub(crate) fn optional_str<'a>(object: &'a Object, key: &str) -> Result<Option<&'a str>, ApiError> {
    match object.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(value)) => Ok(Some(value)),
        Some(_) => Err(ApiError::INVALID_DATA),
    }
}

/// A required boolean field; missing or not a boolean is `400 invalid_data`.
pub(crate) fn required_bool(object: &Object, key: &str) -> Result<bool, ApiError> {
    object.get(key).and_then(Value::as_bool).ok_or(ApiError::INVALID_DATA)
}

/// An optional boolean field: absent or `null` is `None`, a non-boolean is
/// `400 invalid_data`.
pub(crate) fn optional_bool(object: &Object, key: &str) -> Result<Option<bool>, ApiError> {
    match object.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Bool(value)) => Ok(Some(*value)),
        Some(_) => Err(ApiError::INVALID_DATA),
    }
}

/// An optional object field: absent or `null` is `None`, a non-object is
/// `400 invalid_data`.
pub(crate) fn optional_object<'a>(object: &'a Object, key: &str) -> Result<Option<&'a Object>, ApiError> {
    match object.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Object(value)) => Ok(Some(value)),
        Some(_) => Err(ApiError::INVALID_DATA),
    }
}

/// A required array of strings; missing, not an array, or holding a
/// non-string is `400 invalid_data`.
pub(crate) fn required_strings(object: &Object, key: &str) -> Result<Vec<String>, ApiError> {
    match object.get(key) {
        Some(Value::Array(items)) => items
            .iter()
            .map(|item| item.as_str().map(str::to_owned).ok_or(ApiError::INVALID_DATA))
            .collect(),
        _ => Err(ApiError::INVALID_DATA),
    }
}

/// The optional `user` (an object) and `origin` (a string) many Crisp bodies
/// carry to say who acts; anything else there is `400 invalid_data`.
pub(crate) fn check_user_and_origin(object: &Object) -> Result<(), ApiError> {
    optional_object(object, "user")?;
    optional_str(object, "origin")?;
    Ok(())
}

/// A map of scalar values (`{key: string | number | boolean}`), as people
/// and conversation data take; anything else is `400 invalid_data`.
pub(crate) fn check_scalar_map(object: &Object) -> Result<(), ApiError> {
    if object
        .values()
        .all(|value| matches!(value, Value::String(_) | Value::Number(_) | Value::Bool(_)))
    {
        Ok(())
    } else {
        Err(ApiError::INVALID_DATA)
    }
}

/// A required field holding a scalar map ([`check_scalar_map`]).
pub(crate) fn required_scalar_map(object: &Object, key: &str) -> Result<Object, ApiError> {
    match object.get(key) {
        Some(Value::Object(map)) => {
            check_scalar_map(map)?;
            Ok(map.clone())
        }
        _ => Err(ApiError::INVALID_DATA),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_body_is_empty_object_and_garbage_is_invalid() {
        assert_eq!(json_object(&Bytes::new()), Ok(Object::new()));
        assert_eq!(json_object(&Bytes::from_static(b"{")), Err(ApiError::INVALID_DATA));
        assert_eq!(json_object(&Bytes::from_static(b"[1]")), Err(ApiError::INVALID_DATA));
    }

    #[test]
    fn pages() {
        assert_eq!(paginate(vec![1, 2, 3, 4, 5], 2, 2), vec![3, 4]);
        assert_eq!(paginate(vec![1, 2, 3], 3, 2), Vec::<i32>::new());
        assert_eq!(page_number("0"), Err(ApiError::INVALID_DATA));
        assert_eq!(page_number("x"), Err(ApiError::INVALID_DATA));
        assert_eq!(page_number("3"), Ok(3));
    }

    #[test]
    fn typed_fields() {
        let body = json_object(&Bytes::from_static(
            br#"{"b": true, "s": ["a"], "n": 1, "m": {"k": 1, "x": "y"}, "bad": {"k": []}}"#,
        ))
        .unwrap();
        assert_eq!(required_bool(&body, "b"), Ok(true));
        assert_eq!(required_bool(&body, "n"), Err(ApiError::INVALID_DATA));
        assert_eq!(optional_bool(&body, "missing"), Ok(None));
        assert_eq!(required_strings(&body, "s"), Ok(vec!["a".to_owned()]));
        assert_eq!(required_strings(&body, "m"), Err(ApiError::INVALID_DATA));
        assert!(required_scalar_map(&body, "m").is_ok());
        assert_eq!(required_scalar_map(&body, "bad"), Err(ApiError::INVALID_DATA));
        assert_eq!(optional_object(&body, "n"), Err(ApiError::INVALID_DATA));
    }
}
