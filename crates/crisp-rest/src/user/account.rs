//! Group `user.account` (legacy): the logged-in operator's profile.

use crisp_types::user::UserProfile;

use super::UserApi;

endpoints! {
    impl UserApi;

    /// The profile of the operator the user token belongs to (a user-tier
    /// token; the reference states no tier).
    #[deprecated = "a legacy route of the old official wrappers (removed from Node 2.0.0 and Go 3.0.0); operator profiles are no longer part of the supported API"]
    "Get Profile" => fn get_profile -> GetProfile;
    GET "user/account/profile";
    tiers [];
    path ();
    output data UserProfile;
}
