//! The buffered, cloneable HTTP body used on both sides of the transport.

use std::convert::Infallible;
use std::pin::Pin;
use std::task::{Context, Poll};

use bytes::Bytes;
use http_body::{Frame, SizeHint};

/// A fully buffered HTTP body.
///
/// `Body` wraps [`Bytes`], so cloning it is cheap (a reference count bump) and
/// a request can be sent again, byte for byte, when it is retried. Responses
/// coming out of the transport are buffered into the same type.
///
/// It implements [`http_body::Body`] so it can be handed to any HTTP
/// implementation; polling it as a stream yields its bytes once, in a single
/// frame, and leaves the polled value empty (clones are unaffected).
///
/// ```
/// use crisp::transport::Body;
///
/// let body = Body::from(r#"{"nickname":"Ada"}"#);
/// assert_eq!(body.as_bytes().len(), 18);
/// assert!(Body::empty().is_empty());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Body {
    bytes: Bytes,
}

impl Body {
    /// A body with no bytes.
    pub const fn empty() -> Self {
        Self { bytes: Bytes::new() }
    }

    /// The buffered bytes.
    pub fn as_bytes(&self) -> &Bytes {
        &self.bytes
    }

    /// Unwraps the buffered bytes.
    pub fn into_bytes(self) -> Bytes {
        self.bytes
    }

    /// Whether the body holds no bytes.
    pub fn is_empty(&self) -> bool {
        self.bytes.is_empty()
    }

    /// The number of bytes in the body.
    pub fn len(&self) -> usize {
        self.bytes.len()
    }
}

impl From<Bytes> for Body {
    fn from(bytes: Bytes) -> Self {
        Self { bytes }
    }
}

impl From<Vec<u8>> for Body {
    fn from(bytes: Vec<u8>) -> Self {
        Self {
            bytes: Bytes::from(bytes),
        }
    }
}

impl From<String> for Body {
    fn from(text: String) -> Self {
        Self {
            bytes: Bytes::from(text),
        }
    }
}

impl From<&'static str> for Body {
    fn from(text: &'static str) -> Self {
        Self {
            bytes: Bytes::from_static(text.as_bytes()),
        }
    }
}

impl From<&'static [u8]> for Body {
    fn from(bytes: &'static [u8]) -> Self {
        Self {
            bytes: Bytes::from_static(bytes),
        }
    }
}

impl From<Body> for Bytes {
    fn from(body: Body) -> Self {
        body.bytes
    }
}

impl http_body::Body for Body {
    type Data = Bytes;
    type Error = Infallible;

    fn poll_frame(self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<Option<Result<Frame<Self::Data>, Self::Error>>> {
        let this = self.get_mut();
        if this.bytes.is_empty() {
            Poll::Ready(None)
        } else {
            Poll::Ready(Some(Ok(Frame::data(std::mem::take(&mut this.bytes)))))
        }
    }

    fn is_end_stream(&self) -> bool {
        self.bytes.is_empty()
    }

    fn size_hint(&self) -> SizeHint {
        SizeHint::with_exact(self.bytes.len() as u64)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use http_body_util::BodyExt;

    #[tokio::test]
    async fn collects_to_the_same_bytes_and_clones_are_independent() {
        let body = Body::from(String::from("hello"));
        let copy = body.clone();
        let collected = body.collect().await.unwrap().to_bytes();
        assert_eq!(collected, Bytes::from_static(b"hello"));
        assert_eq!(copy.as_bytes(), &Bytes::from_static(b"hello"));
        assert_eq!(copy.len(), 5);
    }

    #[tokio::test]
    async fn empty_body_ends_at_once() {
        let body = Body::empty();
        assert!(http_body::Body::is_end_stream(&body));
        assert_eq!(http_body::Body::size_hint(&body).exact(), Some(0));
        assert!(body.collect().await.unwrap().to_bytes().is_empty());
        assert_eq!(Body::from(vec![1u8, 2]).into_bytes().as_ref(), &[1, 2]);
    }
}
