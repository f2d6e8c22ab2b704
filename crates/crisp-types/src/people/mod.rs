//! People profiles (the CRM contacts of a website) and the bodies that create
//! and update them.
//!
//! ```
//! use crisp::types::people::{PeoplePerson, PeopleProfileUpdateCard};
//!
//! let card = PeopleProfileUpdateCard::new()
//!     .email("valerian@crisp.chat")
//!     .person(PeoplePerson::new().nickname("Valerian Saliou"));
//! assert_eq!(
//!     serde_json::to_value(&card)?,
//!     serde_json::json!({"email": "valerian@crisp.chat", "person": {"nickname": "Valerian Saliou"}})
//! );
//! # Ok::<(), serde_json::Error>(())
//! ```

mod activity;
mod import;
mod profile;
mod suggest;

pub use activity::{
    EventColor, PeopleCampaign, PeopleData, PeopleEvent, PeopleEventAdd, PeopleSubscription, PeopleSubscriptionUpdate,
};
pub use import::{PeopleImportMapping, PeopleImportOptions, PeopleProfileImport, PeopleProfileImportSetup};
pub use profile::{
    PeopleActive, PeopleCompany, PeopleCompanyMetrics, PeopleCoordinates, PeopleEmployment, PeopleGeolocation,
    PeoplePerson, PeopleProfile, PeopleProfileNew, PeopleProfileUpdateCard, PeopleSocialProfile,
};
pub use suggest::{
    PeopleSegment, PeopleStatistics, PeopleSuggestedData, PeopleSuggestedDataDelete, PeopleSuggestedEvent,
    PeopleSuggestedEventDelete, PeopleSuggestedSegment, PeopleSuggestedSegmentDelete,
};
