//! Group `user.session` (legacy): log in with an operator's email and
//! password, recover a password, log out.

use crisp_transport::Credentials;
use crisp_types::UserId;
use crisp_types::user::{UserSession, UserSessionLogin, UserSessionRecover};
use http::Method;

use super::UserApi;
use crate::client::Client;
use crate::endpoint::{Endpoint, EndpointInfo};
use crate::error::{DecodeError, Error};
use crate::request::ApiRequest;
use crate::response::ApiResponse;

/// What replaces logging in with a password.
const LOGIN_REPLACED: &str = "a legacy route, removed from the Node SDK 1.8.3 and the Go SDK 3.2.1 (2019): authenticate with a token generated in the Crisp Marketplace, `Credentials::new(identifier, key)`";

endpoints! {
    impl UserApi;

    /// Sends a password recovery email to the operator of `email` (the
    /// request carries the client's token, which Crisp does not need; the
    /// reference states no tier).
    #[deprecated = "a legacy route, removed from the Go SDK 3.0.3 and the Node SDK 1.8.3: operators recover their password on app.crisp.chat, and programs authenticate with a Marketplace token"]
    "Recover A Session" => fn recover_session -> RecoverSession;
    POST "user/session/recover";
    tiers [];
    path ();
    args (email: impl Into<String>);
    body recover: UserSessionRecover = UserSessionRecover::new(email);
    output empty;

    /// Logs out: destroys the token pair the request is authenticated with
    /// (one made by [`UserApi::create_new_session`](crate::UserApi::create_new_session));
    /// later requests with it are refused with `401`. Sends `{}`, as the old
    /// Node wrapper did (the reference states no tier; a user-tier token).
    #[deprecated = "a legacy route, removed from the Node SDK 1.8.3 and the Go SDK 3.2.1 (2019): Marketplace tokens are revoked from the Marketplace, not logged out"]
    "Destroy A Session" => fn destroy_session -> DestroySession;
    POST "user/session/logout";
    tiers [];
    path ();
    body {};
    output empty;
}

impl<'a> UserApi<'a> {
    /// Create A New Session.
    ///
    /// Logs in with an operator's `email` and `password` and returns the new
    /// session's token pair as [`Credentials`], ready for
    /// [`Transport::builder`](crisp_transport::Transport::builder) with
    /// [`Tier::User`](crisp_transport::Tier::User). Setters add the optional
    /// keys of the Go SDK's model, among them the two-factor code
    /// ([`token`](CreateNewSession::token), Go's `CreateNewSessionWithToken`).
    ///
    /// Crisp needs no token on this route; the client still sends its own,
    /// which Crisp ignores, so any placeholder credentials will do. Neither
    /// the password nor the two-factor code shows in the builder's `Debug`,
    /// and a malformed answer is reported without its body (which holds the
    /// new key).
    ///
    /// ```no_run
    /// # #![allow(deprecated)]
    /// # async fn run(client: crisp_rest::Client) -> Result<(), Box<dyn std::error::Error>> {
    /// use crisp_transport::{Tier, Transport};
    ///
    /// let credentials = client.user().create_new_session("jane@example.com", "password").await?;
    /// let user_client = crisp_rest::Client::new(Transport::builder(credentials, Tier::User).build()?);
    /// # let _ = user_client;
    /// # Ok(()) }
    /// ```
    ///
    /// `POST user/session/login`
    ///
    /// Tiers: not stated by the reference (sent without a token by the old
    /// SDKs).
    #[deprecated = "a legacy route, removed from the Node SDK 1.8.3 and the Go SDK 3.2.1 (2019): authenticate with a token generated in the Crisp Marketplace, `Credentials::new(identifier, key)`"]
    pub fn create_new_session(&self, email: impl Into<String>, password: impl Into<String>) -> CreateNewSession<'a> {
        CreateNewSession {
            client: self.client,
            login: UserSessionLogin::new(email, password),
        }
    }
}

/// Request builder of [`UserApi::create_new_session`]; await it.
///
/// `Debug` never shows the password or the two-factor code.
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until it is awaited"]
pub struct CreateNewSession<'a> {
    client: &'a Client,
    login: UserSessionLogin,
}

impl CreateNewSession<'_> {
    /// The two-factor authentication code (Go's `CreateNewSessionWithToken`).
    pub fn token(mut self, code: impl Into<String>) -> Self {
        self.login.token = Some(code.into());
        self
    }

    /// The operator's id, when known.
    pub fn user_id(mut self, user_id: impl Into<UserId>) -> Self {
        self.login.user_id = Some(user_id.into());
        self
    }

    /// Asks for a longer-lived session.
    pub fn extend(mut self, extend: impl Into<String>) -> Self {
        self.login.extend = Some(extend.into());
        self
    }

    /// Asks for a session that ends with the connection.
    pub fn ephemeral(mut self, ephemeral: bool) -> Self {
        self.login.ephemeral = Some(ephemeral);
        self
    }
}

impl Endpoint for CreateNewSession<'_> {
    type Output = Credentials;

    fn to_request(&self) -> Result<ApiRequest, Error> {
        ApiRequest::from_template::<&str>(Method::POST, ROUTE, "user/session/login", &[])?.with_json(&self.login)
    }

    fn decode(response: ApiResponse) -> Result<Self::Output, Error> {
        let session = response.data::<UserSession>().map_err(|error| match error {
            // The body holds the new key: keep the JSON path, not the excerpt
            // nor serde's words (they can quote the value).
            Error::Decode(decode) => Error::Decode(DecodeError::new(
                ROUTE,
                decode.path(),
                "the session answer did not decode (details redacted)",
                b"<redacted>",
            )),
            other => other,
        })?;
        match (session.identifier, session.key) {
            (Some(identifier), Some(key)) if !identifier.is_empty() && !key.is_empty() => {
                Ok(Credentials::new(identifier, key))
            }
            (identifier, _) => {
                let field: &'static str = if identifier.is_some_and(|id| !id.is_empty()) {
                    "key"
                } else {
                    "identifier"
                };
                Err(Error::Decode(DecodeError::new(
                    ROUTE,
                    &format!("data.{field}"),
                    &format!("missing field `{field}`"),
                    b"<redacted>",
                )))
            }
        }
    }
}

/// The route name of [`UserApi::create_new_session`].
const ROUTE: &str = "create_new_session";

into_future!(CreateNewSession);

/// The hand-written endpoint of this module, listed with the declared ones.
pub(crate) const HAND_WRITTEN: &[EndpointInfo] = &[EndpointInfo {
    api: "UserApi",
    name: ROUTE,
    label: "Create A New Session",
    method: "POST",
    path: "user/session/login",
    tiers: &[],
    query: &[],
    deprecated: Some(LOGIN_REPLACED),
}];
