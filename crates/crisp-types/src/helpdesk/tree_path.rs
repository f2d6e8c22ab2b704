//! [`TreePath`]: where a page or folder sits in a helpdesk content tree.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A path in a helpdesk content tree, as a list of segments (slugs):
/// `getting-started/install-linux` is `["getting-started", "install-linux"]`.
///
/// The `{tree_path}` of the helpdesk tree routes stands for several URL
/// segments. `crisp-rest` sends each segment percent-encoded on its own, so a
/// `/`, `?` or `#` inside a segment stays inside it, and refuses a path with
/// an empty, `.` or `..` segment (or no segment at all) before anything is
/// sent: a tree path can never leave its route.
///
/// [`Display`](fmt::Display) and the JSON form join the segments with `/`
/// (`getting-started/install-linux`, as Crisp writes `tree_path` in its
/// answers); that text is not encoded and is not meant to be pasted into a
/// URL.
///
/// ```
/// use crisp_types::helpdesk::TreePath;
///
/// let path: TreePath = "getting-started/install-linux".parse().unwrap();
/// assert_eq!(path.segments(), ["getting-started", "install-linux"]);
/// assert_eq!(path, TreePath::new(["getting-started", "install-linux"]));
/// assert_eq!(path.child("arm64").to_string(), "getting-started/install-linux/arm64");
/// assert_eq!(path.parent(), Some(TreePath::new(["getting-started"])));
///
/// // A segment may hold a `/`: it is kept as one segment.
/// let odd = TreePath::new(["faq", "tcp/ip"]);
/// assert_eq!(odd.segments().len(), 2);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct TreePath {
    segments: Vec<String>,
}

impl TreePath {
    /// A path from its segments, kept as given.
    pub fn new<I, S>(segments: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        Self {
            segments: segments.into_iter().map(Into::into).collect(),
        }
    }

    /// Splits `path` on `/` (one leading and one trailing `/` are ignored):
    /// `getting-started/install-linux` has two segments, `""` none.
    pub fn parse(path: &str) -> Self {
        let trimmed = path.strip_prefix('/').unwrap_or(path);
        let trimmed = trimmed.strip_suffix('/').unwrap_or(trimmed);
        if trimmed.is_empty() {
            return Self::default();
        }
        Self::new(trimmed.split('/'))
    }

    /// The segments, root first.
    pub fn segments(&self) -> &[String] {
        &self.segments
    }

    /// How many segments the path has.
    pub fn len(&self) -> usize {
        self.segments.len()
    }

    /// Whether the path has no segment.
    pub fn is_empty(&self) -> bool {
        self.segments.is_empty()
    }

    /// Appends a segment.
    pub fn push(&mut self, segment: impl Into<String>) {
        self.segments.push(segment.into());
    }

    /// This path with one more segment.
    #[must_use]
    pub fn child(&self, segment: impl Into<String>) -> Self {
        let mut child = self.clone();
        child.push(segment);
        child
    }

    /// The path without its last segment; `None` for a path with one segment
    /// or none.
    pub fn parent(&self) -> Option<Self> {
        match self.segments.split_last() {
            Some((_, rest)) if !rest.is_empty() => Some(Self::new(rest.iter().cloned())),
            _ => None,
        }
    }

    /// The last segment (the entry's slug).
    pub fn last(&self) -> Option<&str> {
        self.segments.last().map(String::as_str)
    }

    /// Whether `self` is `other` or lies below it.
    pub fn starts_with(&self, other: &TreePath) -> bool {
        self.segments.starts_with(&other.segments)
    }
}

impl fmt::Display for TreePath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (index, segment) in self.segments.iter().enumerate() {
            if index > 0 {
                f.write_str("/")?;
            }
            f.write_str(segment)?;
        }
        Ok(())
    }
}

impl FromStr for TreePath {
    type Err = std::convert::Infallible;

    fn from_str(path: &str) -> Result<Self, Self::Err> {
        Ok(Self::parse(path))
    }
}

impl From<&str> for TreePath {
    fn from(path: &str) -> Self {
        Self::parse(path)
    }
}

impl From<String> for TreePath {
    fn from(path: String) -> Self {
        Self::parse(&path)
    }
}

impl<S: Into<String>> FromIterator<S> for TreePath {
    fn from_iter<I: IntoIterator<Item = S>>(segments: I) -> Self {
        Self::new(segments)
    }
}

impl Serialize for TreePath {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for TreePath {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = <std::borrow::Cow<'de, str> as Deserialize>::deserialize(deserializer)?;
        Ok(Self::parse(&text))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_splits_and_ignores_outer_slashes() {
        assert_eq!(TreePath::parse("/a/b/").segments(), ["a", "b"]);
        assert_eq!(TreePath::parse("a//b").segments(), ["a", "", "b"]);
        assert!(TreePath::parse("").is_empty());
        assert!(TreePath::parse("/").is_empty());
    }

    #[test]
    fn json_form_is_the_joined_text() {
        let path = TreePath::new(["guides", "setup"]);
        assert_eq!(serde_json::to_string(&path).unwrap(), r#""guides/setup""#);
        let back: TreePath = serde_json::from_str(r#""guides/setup""#).unwrap();
        assert_eq!(back, path);
    }

    #[test]
    fn parents_and_prefixes() {
        let path = TreePath::parse("a/b/c");
        assert!(path.starts_with(&TreePath::parse("a/b")));
        assert!(!path.starts_with(&TreePath::parse("a/c")));
        assert_eq!(path.last(), Some("c"));
        assert_eq!(TreePath::parse("a").parent(), None);
    }
}
