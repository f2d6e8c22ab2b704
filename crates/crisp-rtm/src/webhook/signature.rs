//! Signature of Crisp Plugin Hooks and plugin widget action callbacks.
//!
//! Crisp signs a request with HMAC-SHA256, keyed with the hook's signing
//! secret, over the message
//!
//! ```text
//! "[" + <X-Crisp-Request-Timestamp header, verbatim> + ";" + <raw body bytes> + "]"
//! ```
//!
//! and sends the digest in hex in `X-Crisp-Signature`. Verify over the body
//! bytes exactly as received, before parsing them: re-serialising parsed JSON
//! only matches by luck.
//!
//! ```
//! use crisp_rtm::webhook::{sign, verify_signature, SignatureError};
//!
//! let body = br#"{"website_id":"w1","event":"message:send","data":{},"timestamp":1}"#;
//! let signature = sign(b"secret", "1700000000123", body);
//! assert_eq!(verify_signature(b"secret", "1700000000123", body, &signature), Ok(()));
//! assert_eq!(
//!     verify_signature(b"other", "1700000000123", body, &signature),
//!     Err(SignatureError::Mismatch),
//! );
//! ```

use std::fmt;
use std::sync::Arc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use hmac::{Hmac, KeyInit, Mac};
use sha2::Sha256;
use subtle::ConstantTimeEq;

/// The header carrying the emission time, signed verbatim.
pub const TIMESTAMP_HEADER: &str = "X-Crisp-Request-Timestamp";

/// The header carrying the hex HMAC-SHA256 signature.
pub const SIGNATURE_HEADER: &str = "X-Crisp-Signature";

/// Length of an HMAC-SHA256 digest, in bytes.
const DIGEST_LEN: usize = 32;

/// Timestamps above this value are read as milliseconds, others as seconds
/// (10^11 seconds is in the year 5138; 10^11 milliseconds is March 1973).
const MILLISECONDS_THRESHOLD: u64 = 100_000_000_000;

/// Why a signed request was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SignatureError {
    /// The signing secret is empty (a configuration mistake).
    #[error("the signing secret is empty")]
    EmptySecret,
    /// The signature header is missing or empty.
    #[error("the signature is empty")]
    EmptySignature,
    /// The timestamp header is missing or empty.
    #[error("the request timestamp is empty")]
    EmptyTimestamp,
    /// The body is empty.
    #[error("the request body is empty")]
    EmptyBody,
    /// The signature contains a character that is not a hex digit.
    #[error("the signature is not hexadecimal")]
    MalformedSignature,
    /// The signature is hex but not 64 digits (32 bytes) long.
    #[error("the signature has {hex_digits} hex digits, expected 64")]
    WrongLength {
        /// The number of hex digits received.
        hex_digits: usize,
    },
    /// The signature does not match the body, timestamp and secret.
    #[error("the signature does not match")]
    Mismatch,
    /// A freshness check is configured and the timestamp is not a whole
    /// number of seconds or milliseconds since the Unix epoch.
    #[error("the request timestamp is not a number")]
    InvalidTimestamp,
    /// A freshness check is configured and the timestamp is too far from the
    /// current time (in the past or in the future).
    #[error("the request timestamp is {skew:?} away from now, beyond the {tolerance:?} tolerance")]
    OutsideTolerance {
        /// The distance between the timestamp and the clock.
        skew: Duration,
        /// The tolerance configured.
        tolerance: Duration,
    },
}

/// HMAC-SHA256 of `"[" timestamp ";" body "]"`.
///
/// `None` only if the MAC refused the key, which HMAC never does (any key
/// length is valid); callers treat it as a failure rather than panicking.
fn digest(secret: &[u8], timestamp: &str, body: &[u8]) -> Option<[u8; DIGEST_LEN]> {
    let mut mac = Hmac::<Sha256>::new_from_slice(secret).ok()?;
    mac.update(b"[");
    mac.update(timestamp.as_bytes());
    mac.update(b";");
    mac.update(body);
    mac.update(b"]");
    let bytes = mac.finalize().into_bytes();
    let mut out = [0_u8; DIGEST_LEN];
    out.copy_from_slice(&bytes);
    Some(out)
}

/// The signature Crisp would send for this request, in lowercase hex.
///
/// Meant for tests and for fakes that send signed hooks. (It would return an
/// empty string, which never verifies, if the MAC ever refused the key; HMAC
/// accepts keys of any length, so it does not happen.)
pub fn sign(secret: &[u8], timestamp: &str, body: &[u8]) -> String {
    digest(secret, timestamp, body).map(hex::encode).unwrap_or_default()
}

/// Checks a Plugin Hook's signature.
///
/// `timestamp` is the `X-Crisp-Request-Timestamp` header, verbatim;
/// `signature_hex` is the `X-Crisp-Signature` header (hex, either case);
/// `body` is the raw request body. The comparison is constant-time.
///
/// No freshness check is made; [`WebhookVerifier`] adds one on request.
///
/// # Errors
///
/// A distinct [`SignatureError`] for an empty secret, signature, timestamp or
/// body (checked in that order), a non-hex signature, a signature of the wrong
/// length, and a signature that does not match.
pub fn verify_signature(
    secret: &[u8],
    timestamp: &str,
    body: &[u8],
    signature_hex: &str,
) -> Result<(), SignatureError> {
    if secret.is_empty() {
        return Err(SignatureError::EmptySecret);
    }
    if signature_hex.is_empty() {
        return Err(SignatureError::EmptySignature);
    }
    if timestamp.is_empty() {
        return Err(SignatureError::EmptyTimestamp);
    }
    if body.is_empty() {
        return Err(SignatureError::EmptyBody);
    }
    if !signature_hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(SignatureError::MalformedSignature);
    }
    if signature_hex.len() != DIGEST_LEN * 2 {
        return Err(SignatureError::WrongLength {
            hex_digits: signature_hex.len(),
        });
    }
    let mut received = [0_u8; DIGEST_LEN];
    hex::decode_to_slice(signature_hex, &mut received).map_err(|_| SignatureError::MalformedSignature)?;
    let expected = digest(secret, timestamp, body).ok_or(SignatureError::Mismatch)?;
    if bool::from(expected.ct_eq(&received)) {
        Ok(())
    } else {
        Err(SignatureError::Mismatch)
    }
}

/// Checks the signature of a plugin widget action callback (a request Crisp
/// sends to a plugin when an operator uses one of its widgets).
///
/// Same scheme as Plugin Hooks (the official Node SDK's `verifyWidget` runs
/// the same check), so same arguments: the plugin's signing secret, the
/// callback's timestamp header (`X-Crisp-Request-Timestamp`) verbatim as
/// `timestamp`, its raw body as `body`, and its signature header
/// (`X-Crisp-Signature`) as `signature_hex`. The header names are those of
/// Plugin Hooks; Crisp documents the scheme as shared but not, separately,
/// the widget callback's header names.
///
/// # Errors
///
/// As [`verify_signature`].
pub fn verify_widget_signature(
    secret: &[u8],
    timestamp: &str,
    body: &[u8],
    signature_hex: &str,
) -> Result<(), SignatureError> {
    verify_signature(secret, timestamp, body, signature_hex)
}

/// A clock returning the current time.
type Clock = Arc<dyn Fn() -> SystemTime + Send + Sync>;

/// Verifies signed requests with one secret, optionally refusing stale ones.
///
/// The freshness check is **off** by default: the official SDKs do not make
/// one, and Crisp does not document the unit of `X-Crisp-Request-Timestamp`.
/// When enabled with [`with_tolerance`](Self::with_tolerance), the timestamp
/// must be a whole number and is read as **milliseconds** since the Unix epoch
/// when above 10^11, and as **seconds** otherwise. (Every plausible
/// millisecond timestamp since 1973 is above 10^11 and every plausible second
/// timestamp before the year 5138 is below, so the heuristic is only wrong for
/// nonsense values, which then fail the tolerance anyway.)
///
/// `Debug` hides the secret.
///
/// ```
/// use std::time::{Duration, SystemTime, UNIX_EPOCH};
/// use crisp_rtm::webhook::{sign, SignatureError, WebhookVerifier};
///
/// let now = UNIX_EPOCH + Duration::from_millis(1_700_000_000_123);
/// let verifier = WebhookVerifier::new("secret")
///     .with_tolerance(Duration::from_secs(300))
///     .with_clock(move || now);
///
/// let body = br#"{"event":"message:send","data":{}}"#;
/// let fresh = "1700000000123";
/// assert_eq!(verifier.verify(fresh, &sign(b"secret", fresh, body), body), Ok(()));
///
/// let stale = "1699999000000";
/// assert!(matches!(
///     verifier.verify(stale, &sign(b"secret", stale, body), body),
///     Err(SignatureError::OutsideTolerance { .. }),
/// ));
/// ```
#[derive(Clone)]
pub struct WebhookVerifier {
    secret: Vec<u8>,
    tolerance: Option<Duration>,
    clock: Clock,
}

impl WebhookVerifier {
    /// A verifier for this signing secret (its UTF-8 bytes when given a
    /// string), without freshness check, reading the system clock.
    pub fn new(secret: impl Into<Vec<u8>>) -> Self {
        Self {
            secret: secret.into(),
            tolerance: None,
            clock: Arc::new(SystemTime::now),
        }
    }

    /// Refuses requests whose timestamp is more than `tolerance` away from the
    /// clock, in either direction (see the type's documentation for how the
    /// timestamp is read).
    #[must_use]
    pub fn with_tolerance(mut self, tolerance: Duration) -> Self {
        self.tolerance = Some(tolerance);
        self
    }

    /// Replaces the clock used by the freshness check (for tests).
    #[must_use]
    pub fn with_clock(mut self, clock: impl Fn() -> SystemTime + Send + Sync + 'static) -> Self {
        self.clock = Arc::new(clock);
        self
    }

    /// The freshness tolerance, if enabled.
    pub fn tolerance(&self) -> Option<Duration> {
        self.tolerance
    }

    /// Checks a signed request: the signature first, then (if enabled) the
    /// timestamp's freshness.
    ///
    /// `timestamp` is the `X-Crisp-Request-Timestamp` header, `signature` the
    /// `X-Crisp-Signature` header, `body` the raw request body. Works for Plugin
    /// Hooks and widget action callbacks alike.
    ///
    /// # Errors
    ///
    /// As [`verify_signature`], plus [`SignatureError::InvalidTimestamp`] and
    /// [`SignatureError::OutsideTolerance`] when a tolerance is set.
    pub fn verify(&self, timestamp: &str, signature: &str, body: &[u8]) -> Result<(), SignatureError> {
        verify_signature(&self.secret, timestamp, body, signature)?;
        if let Some(tolerance) = self.tolerance {
            check_freshness(timestamp, (self.clock)(), tolerance)?;
        }
        Ok(())
    }
}

impl fmt::Debug for WebhookVerifier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("WebhookVerifier")
            .field("secret", &"<redacted>")
            .field("tolerance", &self.tolerance)
            .field("clock", &"<fn>")
            .finish()
    }
}

/// Reads a timestamp header as a time (milliseconds above 10^11, seconds
/// otherwise).
fn parse_timestamp(timestamp: &str) -> Result<SystemTime, SignatureError> {
    if timestamp.is_empty() || !timestamp.bytes().all(|b| b.is_ascii_digit()) {
        return Err(SignatureError::InvalidTimestamp);
    }
    let value: u64 = timestamp.parse().map_err(|_| SignatureError::InvalidTimestamp)?;
    let since_epoch = if value > MILLISECONDS_THRESHOLD {
        Duration::from_millis(value)
    } else {
        Duration::from_secs(value)
    };
    UNIX_EPOCH
        .checked_add(since_epoch)
        .ok_or(SignatureError::InvalidTimestamp)
}

fn check_freshness(timestamp: &str, now: SystemTime, tolerance: Duration) -> Result<(), SignatureError> {
    let emitted = parse_timestamp(timestamp)?;
    let skew = match now.duration_since(emitted) {
        Ok(age) => age,
        Err(ahead) => ahead.duration(),
    };
    if skew > tolerance {
        return Err(SignatureError::OutsideTolerance { skew, tolerance });
    }
    Ok(())
}
