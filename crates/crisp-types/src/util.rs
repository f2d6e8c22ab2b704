//! Serde helpers shared by the model modules.

use serde::{Deserialize, Deserializer};

/// Decodes a field whose JSON value may be `null` into its `Default` (an empty
/// list or map), so a `null` where a list is expected never fails decoding.
pub(crate) fn null_as_default<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de> + Default,
{
    Ok(Option::<T>::deserialize(deserializer)?.unwrap_or_default())
}
