//! Seeding helpers for what the REST API cannot create by itself: import
//! files, spam, original messages, browsed pages and conversation events.

use crisp_types::{SessionId, WebsiteId};
use serde_json::{Value, json};

use crate::FakeCrisp;
use crate::ids;
use crate::state::Spam;

impl FakeCrisp {
    /// Registers the CSV text that `POST website/{website_id}/people/import/profiles`
    /// reads when its body names `url` (the fake downloads nothing). A
    /// later call with the same URL replaces the text.
    ///
    /// ```no_run
    /// # async fn demo() -> std::io::Result<()> {
    /// let fake = crisp_mock::FakeCrisp::start().await?;
    /// fake.add_import_file(
    ///     "https://storage.example.com/import.csv",
    ///     "email;name\njane@example.com;Jane\n",
    /// );
    /// // POST people/import/profiles {"url": "https://storage.example.com/import.csv",
    /// //   "mapping": [{"column": 0, "field": "email"}, {"column": 1, "field": "person.nickname"}],
    /// //   "options": {"column_separator": ";", "skip_header": true}}
    /// # Ok(())
    /// # }
    /// ```
    pub fn add_import_file(&self, url: &str, csv: &str) {
        self.shared.store().import_files.insert(url.to_owned(), csv.to_owned());
    }

    /// Holds a conversation as spam (an email caught by the spam filter) and
    /// returns its `spam_id`, listed by `GET conversations/spams/{page_number}`
    /// until a decision is submitted. An unknown `website` is created on the fly.
    pub fn add_spam_conversation(&self, website: &WebsiteId) -> String {
        let spam_id = ids::uuid();
        let mut store = self.shared.store();
        let (site, clock) = store.website_or_create(website.as_str());
        site.spams.push(Spam {
            spam_id: spam_id.clone(),
            timestamp: clock.now(),
        });
        spam_id
    }

    /// Stores the original of a message (e.g. the full email a message came
    /// from) and returns its `original_id`, resolved by `GET
    /// .../conversation/{session_id}/original/{original_id}`. An unknown
    /// `website` or `session` is created on the fly.
    pub fn add_original_message(&self, website: &WebsiteId, session: &SessionId, content: &str) -> String {
        let original_id = ids::uuid();
        let mut store = self.shared.store();
        let (conversation, clock) = store.conversation_or_create(website.as_str(), session.as_str());
        conversation.originals.push(json!({
            "original_id": original_id,
            "type": "email",
            "headers": { "Content-Type": "text/html; charset=utf-8" },
            "content": content,
            "timestamp": clock.now(),
        }));
        original_id
    }

    /// Records a page the visitor browsed (`page_referrer` empty), listed
    /// newest first by `GET .../conversation/{session_id}/pages/{page_number}`.
    /// An unknown `website` or `session` is created on the fly.
    pub fn add_conversation_page(&self, website: &WebsiteId, session: &SessionId, page_url: &str, page_title: &str) {
        let mut store = self.shared.store();
        let (conversation, clock) = store.conversation_or_create(website.as_str(), session.as_str());
        conversation.pages.push(json!({
            "page_title": page_title,
            "page_url": page_url,
            "page_referrer": "",
            "timestamp": clock.now(),
        }));
    }

    /// Stacks a conversation event (`{text, data, color: "blue"}`; `data` that
    /// is not an object is stored as `{}`), listed newest first by `GET
    /// .../conversation/{session_id}/events/{page_number}` next to the events
    /// state and block changes stack. An unknown `website` or `session` is
    /// created on the fly.
    pub fn add_conversation_event(&self, website: &WebsiteId, session: &SessionId, text: &str, data: Value) {
        let data = match data {
            Value::Object(data) => Value::Object(data),
            _ => json!({}),
        };
        let mut store = self.shared.store();
        let (conversation, clock) = store.conversation_or_create(website.as_str(), session.as_str());
        let now = clock.now();
        conversation.push_event(text, data, "blue", now);
    }
}
