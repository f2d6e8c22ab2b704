//! One people profile: add, check, get, save, update, remove; and profile
//! import / export.

use crisp_types::people::{
    PeopleProfile, PeopleProfileImport, PeopleProfileImportSetup, PeopleProfileNew, PeopleProfileUpdateCard,
};
use crisp_types::{PeopleId, WebsiteId};

use crate::website::WebsiteApi;

endpoints! {
    impl WebsiteApi;

    /// Creates a profile; returns its id.
    "Add New People Profile" => fn add_new_people_profile -> AddNewPeopleProfile;
    POST "website/{website_id}/people/profile";
    tiers [user, plugin];
    path (website_id: &'a WebsiteId);
    args (profile: PeopleProfileUpdateCard);
    body profile: PeopleProfileUpdateCard = profile;
    output data PeopleProfileNew;

    /// `true` if the profile exists, `false` if Crisp answers 404.
    "Check If People Profile Exists" => fn check_people_profile_exists -> CheckPeopleProfileExists;
    HEAD "website/{website_id}/people/profile/{people_id}";
    tiers [user, plugin];
    path (website_id: &'a WebsiteId, people_id: &'a PeopleId);
    output exists;

    "Get People Profile" => fn get_people_profile -> GetPeopleProfile;
    GET "website/{website_id}/people/profile/{people_id}";
    tiers [user, plugin];
    path (website_id: &'a WebsiteId, people_id: &'a PeopleId);
    output data PeopleProfile;

    /// Replaces the whole profile with `profile`.
    "Save People Profile" => fn save_people_profile -> SavePeopleProfile;
    PUT "website/{website_id}/people/profile/{people_id}";
    tiers [user, plugin];
    path (website_id: &'a WebsiteId, people_id: &'a PeopleId);
    args (profile: PeopleProfileUpdateCard);
    body profile: PeopleProfileUpdateCard = profile;
    output empty;

    /// Changes only the fields set in `profile`.
    ///
    /// `segments` is replaced whole: to add one segment, read the profile and
    /// send the full list back (two writers doing so at once can lose each
    /// other's change).
    "Update People Profile" => fn update_people_profile -> UpdatePeopleProfile;
    PATCH "website/{website_id}/people/profile/{people_id}";
    tiers [user, plugin];
    path (website_id: &'a WebsiteId, people_id: &'a PeopleId);
    args (profile: PeopleProfileUpdateCard);
    body profile: PeopleProfileUpdateCard = profile;
    output empty;

    "Remove People Profile" => fn remove_people_profile -> RemovePeopleProfile;
    DELETE "website/{website_id}/people/profile/{people_id}";
    tiers [user, plugin];
    path (website_id: &'a WebsiteId, people_id: &'a PeopleId);
    output empty;

    /// Asks Crisp to email the token's operator an export of every profile.
    "Export People Profiles" => fn export_people_profiles -> ExportPeopleProfiles;
    POST "website/{website_id}/people/export/profiles";
    tiers [user];
    path (website_id: &'a WebsiteId);
    body {};
    output empty;

    /// Imports profiles from a CSV file at a URL, mapping its columns to
    /// profile fields; returns the import's id.
    "Import People Profiles" => fn import_people_profiles -> ImportPeopleProfiles;
    POST "website/{website_id}/people/import/profiles";
    tiers [user];
    path (website_id: &'a WebsiteId);
    args (import: PeopleProfileImportSetup);
    body import: PeopleProfileImportSetup = import;
    output data PeopleProfileImport;
}
