//! Group `website.teams`: named groups of operators (Node SDK only; the
//! reference does not state their tiers).

use crisp_types::team::{WebsiteTeam, WebsiteTeamItem, WebsiteTeamNew};
use crisp_types::{TeamId, WebsiteId};

use super::WebsiteApi;

endpoints! {
    impl WebsiteApi;

    /// One page (from 1) of the website's teams; see
    /// [`Paginated::into_stream`](crate::Paginated::into_stream) for all pages.
    "List Teams" => fn list_teams -> ListTeams;
    GET "website/{website_id}/teams/list/{page_number}";
    tiers [];
    path (website_id: &'a WebsiteId, page_number: u32);
    output data Vec<WebsiteTeam>;
    paginated WebsiteTeam;

    /// Creates a team and returns its id.
    "Create A New Team" => fn create_new_team -> CreateNewTeam;
    POST "website/{website_id}/team";
    tiers [];
    path (website_id: &'a WebsiteId);
    args (team: WebsiteTeamItem);
    body team: WebsiteTeamItem = team;
    output data WebsiteTeamNew;

    /// `true` if the team exists, `false` if Crisp answers 404.
    "Check If Team Exists" => fn check_team_exists -> CheckTeamExists;
    HEAD "website/{website_id}/team/{team_id}";
    tiers [];
    path (website_id: &'a WebsiteId, team_id: &'a TeamId);
    output exists;

    "Get Team" => fn get_team -> GetTeam;
    GET "website/{website_id}/team/{team_id}";
    tiers [];
    path (website_id: &'a WebsiteId, team_id: &'a TeamId);
    output data WebsiteTeam;

    /// Replaces the team with `team`.
    "Save Team" => fn save_team -> SaveTeam;
    PUT "website/{website_id}/team/{team_id}";
    tiers [];
    path (website_id: &'a WebsiteId, team_id: &'a TeamId);
    args (team: WebsiteTeamItem);
    body team: WebsiteTeamItem = team;
    output empty;

    "Delete Team" => fn delete_team -> DeleteTeam;
    DELETE "website/{website_id}/team/{team_id}";
    tiers [];
    path (website_id: &'a WebsiteId, team_id: &'a TeamId);
    output empty;
}
