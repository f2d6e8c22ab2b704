//! Reader feedback: the ratings tally and the feedback list, and the seeding
//! helper that adds feedback (readers are not API clients).

use axum::Router;
use axum::extract::State;
use axum::routing::get;
use crisp_types::WebsiteId;
use crisp_types::helpdesk::{HelpdeskContentType, HelpdeskFeedbackRating, TreePath};
use serde_json::{Value, json};

use super::{PER_PAGE, content_type, date_filter, locale, site, within};
use crate::FakeCrisp;
use crate::extract::{Params, QueryPairs, page_number, paginate};
use crate::ids;
use crate::reply::{ApiError, Reply, Success};
use crate::server::App;
use crate::state::helpdesk::{Feedback, Helpdesk, Locale};

/// The feedback routes.
pub(super) fn routes() -> Router<App> {
    Router::new()
        .route(
            "/v1/website/{website_id}/helpdesk/feedback/ratings/{locale}/{content_type}",
            get(map_helpdesk_locale_feedback_ratings),
        )
        .route(
            "/v1/website/{website_id}/helpdesk/feedback/list/{locale}/{content_type}/{page_number}",
            get(list_helpdesk_locale_feedbacks),
        )
}

/// The feedback of a locale and content type within the query's date range
/// (`filter_date_start`, `filter_date_end`), oldest first.
fn matching<'a>(site: &'a Helpdesk, code: &str, kind: &str, query: &QueryPairs) -> Result<Vec<&'a Feedback>, ApiError> {
    let start = date_filter(query.get("filter_date_start"))?;
    let end = date_filter(query.get("filter_date_end"))?;
    locale(site, code)?;
    Ok(site
        .feedback
        .iter()
        .filter(|f| f.locale == code && f.content_type == kind && within(f.created_at, start, end))
        .collect())
}

/// `GET feedback/ratings/{locale}/{content_type}` -> `{ratings: {helpful,
/// unhelpful}}`.
async fn map_helpdesk_locale_feedback_ratings(
    State(app): State<App>,
    Params((website_id, code, kind)): Params<(String, String, String)>,
    query: QueryPairs,
) -> Reply {
    let kind = content_type(&kind)?;
    let store = app.store();
    let feedback = matching(site(&store, &website_id)?, &code, kind, &query)?;
    let helpful = feedback.iter().filter(|f| f.rating == "helpful").count();
    let unhelpful = feedback.iter().filter(|f| f.rating == "unhelpful").count();
    Ok(Success::resolved(
        json!({ "ratings": { "helpful": helpful, "unhelpful": unhelpful } }),
    ))
}

/// `GET feedback/list/{locale}/{content_type}/{page_number}`: newest first.
async fn list_helpdesk_locale_feedbacks(
    State(app): State<App>,
    Params((website_id, code, kind, page)): Params<(String, String, String, String)>,
    query: QueryPairs,
) -> Reply {
    let page = page_number(&page)?;
    let kind = content_type(&kind)?;
    let store = app.store();
    let site = site(&store, &website_id)?;
    let mut feedback = matching(site, &code, kind, &query)?;
    feedback.reverse();
    let url = site.url();
    let locale = locale(site, &code)?;
    let items = paginate(feedback, page, PER_PAGE)
        .into_iter()
        .map(|f| feedback_json(f, locale, &url))
        .collect();
    Ok(Success::resolved(Value::Array(items)))
}

/// One feedback as listed; the page is described from its tree entry when
/// it still exists.
fn feedback_json(feedback: &Feedback, locale: &Locale, site_url: &str) -> Value {
    let article = match locale.entry(&feedback.content_type, &feedback.path) {
        Some(entry) => json!({
            "article_id": entry.entity_id,
            "title": entry.title(),
            "url": entry.url(site_url, &locale.locale),
        }),
        None => json!({ "title": feedback.path.last() }),
    };
    json!({
        "rating": feedback.rating,
        "comment": feedback.comment,
        "article": article,
        "session": { "session_id": feedback.session_id, "nickname": "Helpdesk reader" },
        "created_at": feedback.created_at,
    })
}

impl FakeCrisp {
    /// Records a reader's verdict on the page at `tree_path` of a locale and
    /// content type, with a comment: counted by `GET
    /// website/{website_id}/helpdesk/feedback/ratings/{locale}/{content_type}`
    /// and listed (newest first) by `GET
    /// .../helpdesk/feedback/list/{locale}/{content_type}/{page_number}`.
    ///
    /// Seeding never fails: an unknown `website` is created, a missing
    /// helpdesk initialized (named `Helpdesk`) and a missing locale added.
    pub fn add_helpdesk_feedback(
        &self,
        website: &WebsiteId,
        locale: &str,
        content_type: HelpdeskContentType,
        tree_path: &TreePath,
        rating: HelpdeskFeedbackRating,
        comment: &str,
    ) {
        let mut store = self.shared.store();
        let (site, clock) = store.website_or_create(website.as_str());
        let now = clock.now();
        let helpdesk = site
            .helpdesk
            .site
            .get_or_insert_with(|| Helpdesk::new("Helpdesk", &format!("site-{}", ids::hex(8))));
        if helpdesk.locale(locale).is_none() {
            helpdesk.locales.push(Locale::new(locale));
        }
        helpdesk.feedback.push(Feedback {
            locale: locale.to_owned(),
            content_type: content_type.as_str().to_owned(),
            path: tree_path.segments().to_vec(),
            rating: rating.as_str().to_owned(),
            comment: comment.to_owned(),
            session_id: format!("session_{}", ids::uuid()),
            created_at: now,
        });
    }
}
