//! Group `website.verify`: identity verification of visitors (whether it is
//! enforced, and the secret key identities are signed with).

use crisp_types::WebsiteId;
use crisp_types::verify::{WebsiteVerifyKey, WebsiteVerifySettings, WebsiteVerifySettingsUpdate};

use super::WebsiteApi;

endpoints! {
    impl WebsiteApi;

    /// Whether identity verification is enforced.
    "Get Verify Settings" => fn get_verify_settings -> GetVerifySettings;
    GET "website/{website_id}/verify/settings";
    tiers [user, plugin];
    path (website_id: &'a WebsiteId);
    output data WebsiteVerifySettings;

    /// Turns identity verification on or off.
    "Update Verify Settings" => fn update_verify_settings -> UpdateVerifySettings;
    PATCH "website/{website_id}/verify/settings";
    tiers [user, plugin];
    path (website_id: &'a WebsiteId);
    args (enabled: bool);
    body settings: WebsiteVerifySettingsUpdate = WebsiteVerifySettingsUpdate::new(enabled);
    output empty;

    /// The secret key identities are signed with.
    "Get Verify Key" => fn get_verify_key -> GetVerifyKey;
    GET "website/{website_id}/verify/key";
    tiers [user, plugin];
    path (website_id: &'a WebsiteId);
    output data WebsiteVerifyKey;

    /// Replaces the secret key with a new one (identities signed with the old
    /// key stop verifying).
    "Roll Verify Key" => fn roll_verify_key -> RollVerifyKey;
    POST "website/{website_id}/verify/key";
    tiers [user, plugin];
    path (website_id: &'a WebsiteId);
    body {};
    output empty;
}
