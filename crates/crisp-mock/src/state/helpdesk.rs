//! A website's helpdesk in the fake: its settings and domain, its locales
//! (each with one content tree per content type, and the articles,
//! categories and sections of the retired API), redirections, the history
//! of content changes, and seeded reader feedback.
//!
//! Everything renders itself as the JSON Crisp sends (shapes from the API's
//! `models.tsv`); the routes in `routes/helpdesk/` hold the rules.

use std::collections::BTreeMap;

use serde_json::{Value, json};

use super::Object;
use crate::ids;

/// The content types of a helpdesk, as the routes spell them.
pub(crate) const CONTENT_TYPES: [&str; 4] = ["articles", "guides", "references", "news"];

/// The domain basic helpdesk domains live under.
pub(crate) const ROOT_DOMAIN: &str = "crisp.help";

/// The helpdesk part of a website: none until initialized.
#[derive(Debug, Default)]
pub(crate) struct HelpdeskState {
    /// The helpdesk, once `POST website/{website_id}/helpdesk` created it.
    pub(crate) site: Option<Helpdesk>,
}

/// An initialized helpdesk.
#[derive(Debug)]
pub(crate) struct Helpdesk {
    /// The sub-domain under [`ROOT_DOMAIN`].
    pub(crate) basic: String,
    /// The custom domain, if any.
    pub(crate) custom: Option<String>,
    /// The settings object (its `name` is the helpdesk's name).
    pub(crate) settings: Object,
    /// Locales in creation order.
    pub(crate) locales: Vec<Locale>,
    /// Redirections in creation order.
    pub(crate) redirections: Vec<Redirection>,
    /// Content changes, oldest first.
    pub(crate) history: Vec<Change>,
    /// Reader feedback, oldest first (seeded).
    pub(crate) feedback: Vec<Feedback>,
}

impl Helpdesk {
    /// A helpdesk named `name` on `basic`, with the default settings and one
    /// locale, `en`.
    pub(crate) fn new(name: &str, basic: &str) -> Self {
        let settings = json!({
            "name": name,
            "appearance": {"logos": {"header": "", "footer": "", "favicon": ""}, "banner": "", "color": {"mode": "auto", "mode_changeable": true}},
            "behavior": {
                "frequently_read": true, "show_category_images": true, "show_chatbox": true,
                "ask_feedback": true, "locale_picker": true, "refer_link": true,
                "forbid_indexing": false, "status_health_dead": true
            },
            "include": {"html": ""},
            "access": {"password": "", "restrict_mode": "none"},
            "localization": {"writing_locale": "en", "translated_automatic": false, "translated_locales_readonly": false},
            "section": {"articles": "Articles", "guides": "Guides", "references": "References", "news": "News"},
            "service": {"mcp_server": false},
        });
        Self {
            basic: basic.to_owned(),
            custom: None,
            settings: match settings {
                Value::Object(settings) => settings,
                _ => Object::new(),
            },
            locales: vec![Locale::new("en")],
            redirections: Vec::new(),
            history: Vec::new(),
            feedback: Vec::new(),
        }
    }

    /// The helpdesk's name (from its settings).
    pub(crate) fn name(&self) -> &str {
        self.settings.get("name").and_then(Value::as_str).unwrap_or_default()
    }

    /// The public root URL, with a trailing slash.
    pub(crate) fn url(&self) -> String {
        format!("https://{}.{ROOT_DOMAIN}/", self.basic)
    }

    /// `GET website/{website_id}/helpdesk`.
    pub(crate) fn to_json(&self) -> Value {
        json!({ "name": self.name(), "url": self.url() })
    }

    /// `GET .../helpdesk/domain`.
    pub(crate) fn domain_json(&self) -> Value {
        json!({ "root": ROOT_DOMAIN, "basic": self.basic, "custom": self.custom, "verified": false })
    }

    /// The locale with this code.
    pub(crate) fn locale(&self, code: &str) -> Option<&Locale> {
        self.locales.iter().find(|l| l.locale == code)
    }

    /// The locale with this code, mutably.
    pub(crate) fn locale_mut(&mut self, code: &str) -> Option<&mut Locale> {
        self.locales.iter_mut().find(|l| l.locale == code)
    }
}

/// One locale and its content.
#[derive(Debug)]
pub(crate) struct Locale {
    /// The locale id (a UUID).
    pub(crate) locale_id: String,
    /// The locale code (`en`).
    pub(crate) locale: String,
    /// The entries of every content tree of the locale.
    pub(crate) entries: Vec<Entry>,
    /// Articles of the retired API, in creation order.
    pub(crate) articles: Vec<Article>,
    /// Categories of the retired API, in creation order.
    pub(crate) categories: Vec<Category>,
}

impl Locale {
    /// An empty locale.
    pub(crate) fn new(code: &str) -> Self {
        Self {
            locale_id: ids::uuid(),
            locale: code.to_owned(),
            entries: Vec::new(),
            articles: Vec::new(),
            categories: Vec::new(),
        }
    }

    /// The locale as listed and resolved, with the size of each content
    /// tree (`statistics`) and the retired `articles` / `categories` counts.
    pub(crate) fn to_json(&self, site_url: &str) -> Value {
        let mut statistics = Object::new();
        for content_type in CONTENT_TYPES {
            let entries = self.entries.iter().filter(|e| e.content_type == content_type);
            let (groups, pages): (Vec<&Entry>, Vec<&Entry>) = entries.partition(|e| self.is_folder(e));
            statistics.insert(
                content_type.to_owned(),
                json!({ "entries": pages.len(), "groups": groups.len() }),
            );
        }
        json!({
            "locale_id": self.locale_id,
            "locale": self.locale,
            "url": format!("{site_url}{}/", self.locale),
            "statistics": statistics,
            "articles": self.articles.len(),
            "categories": self.categories.len(),
        })
    }

    /// The entry of `content_type` at `path`.
    pub(crate) fn entry(&self, content_type: &str, path: &[String]) -> Option<&Entry> {
        self.entries
            .iter()
            .find(|e| e.content_type == content_type && e.path == path)
    }

    /// The entry of `content_type` at `path`, mutably.
    pub(crate) fn entry_mut(&mut self, content_type: &str, path: &[String]) -> Option<&mut Entry> {
        self.entries
            .iter_mut()
            .find(|e| e.content_type == content_type && e.path == path)
    }

    /// Whether another entry of the same tree sits below `entry`.
    pub(crate) fn is_folder(&self, entry: &Entry) -> bool {
        self.entries.iter().any(|other| {
            other.content_type == entry.content_type
                && other.path.len() > entry.path.len()
                && other.path.starts_with(&entry.path)
        })
    }

    /// The entries right below `parent` (the root when empty), by position.
    pub(crate) fn children(&self, content_type: &str, parent: &[String]) -> Vec<&Entry> {
        let mut children: Vec<&Entry> = self
            .entries
            .iter()
            .filter(|e| {
                e.content_type == content_type && e.path.len() == parent.len() + 1 && e.path.starts_with(parent)
            })
            .collect();
        children.sort_by_key(|e| (e.position, e.created_at));
        children
    }

    /// The entries of a tree, depth first in position order.
    pub(crate) fn walk(&self, content_type: &str) -> Vec<&Entry> {
        fn visit<'a>(locale: &'a Locale, content_type: &str, parent: &[String], out: &mut Vec<&'a Entry>) {
            for child in locale.children(content_type, parent) {
                out.push(child);
                visit(locale, content_type, &child.path, out);
            }
        }
        let mut out = Vec::new();
        visit(self, content_type, &[], &mut out);
        out
    }

    /// A tree entry with its children, as the tree routes answer.
    pub(crate) fn tree_json(&self, entry: &Entry) -> Value {
        let children: Vec<Value> = self
            .children(&entry.content_type, &entry.path)
            .into_iter()
            .map(|child| self.tree_json(child))
            .collect();
        json!({
            "type": if self.is_folder(entry) { "folder" } else { "page" },
            "slug": entry.path.last(),
            "title": entry.title(),
            "state": entry.state(),
            "children": children,
        })
    }

    /// Renumbers the positions of the entries below `parent`, keeping their order.
    pub(crate) fn renumber(&mut self, content_type: &str, parent: &[String]) {
        let order: Vec<String> = self
            .children(content_type, parent)
            .into_iter()
            .map(|e| e.entity_id.clone())
            .collect();
        for entry in &mut self.entries {
            if let Some(position) = order.iter().position(|id| *id == entry.entity_id) {
                entry.position = position as u64;
            }
        }
    }
}

/// One entry (folder or page) of a content tree.
#[derive(Debug, Clone)]
pub(crate) struct Entry {
    /// `articles`, `guides`, `references` or `news`.
    pub(crate) content_type: String,
    /// The tree path, as decoded segments.
    pub(crate) path: Vec<String>,
    /// The page entity id (a UUID).
    pub(crate) entity_id: String,
    /// The Markdown content.
    pub(crate) content: String,
    /// `format`, `title`, `description`, `state`, `author`, `color`, `image`.
    pub(crate) metadata: Object,
    /// Position among its siblings, from 0.
    pub(crate) position: u64,
    /// Creation time (ms).
    pub(crate) created_at: u64,
    /// Last change (ms).
    pub(crate) updated_at: u64,
}

impl Entry {
    /// A new unpublished, empty entry titled after its slug.
    pub(crate) fn new(content_type: &str, path: Vec<String>, position: u64, now: u64) -> Self {
        let title = path.last().cloned().unwrap_or_default();
        let metadata = json!({
            "format": "markdown",
            "title": title,
            "description": "",
            "state": {"published": false, "hidden": false, "featured": false},
        });
        Self {
            content_type: content_type.to_owned(),
            path,
            entity_id: ids::uuid(),
            content: String::new(),
            metadata: match metadata {
                Value::Object(metadata) => metadata,
                _ => Object::new(),
            },
            position,
            created_at: now,
            updated_at: now,
        }
    }

    /// The title (from the metadata).
    pub(crate) fn title(&self) -> &str {
        self.metadata.get("title").and_then(Value::as_str).unwrap_or_default()
    }

    /// The publication flags (from the metadata).
    pub(crate) fn state(&self) -> Value {
        self.metadata.get("state").cloned().unwrap_or_else(|| json!({}))
    }

    /// The tree path joined with `/`.
    pub(crate) fn tree_path(&self) -> String {
        self.path.join("/")
    }

    /// The public URL.
    pub(crate) fn url(&self, site_url: &str, locale: &str) -> String {
        format!("{site_url}{locale}/{}/{}/", self.content_type, self.tree_path())
    }

    /// The entry as `page/list` and `page/entity` answer.
    pub(crate) fn page_json(&self, site_url: &str, locale: &str) -> Value {
        json!({
            "entity_id": self.entity_id,
            "title": self.title(),
            "tree_path": self.tree_path(),
            "url": self.url(site_url, locale),
        })
    }
}

/// What a history change did to its entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ChangeKind {
    /// The entry was created.
    Added,
    /// Its content or metadata changed.
    Modified,
    /// It was moved or reordered.
    Renamed,
    /// It was deleted.
    Deleted,
}

impl ChangeKind {
    /// The word the history uses.
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Self::Added => "added",
            Self::Modified => "modified",
            Self::Renamed => "renamed",
            Self::Deleted => "deleted",
        }
    }
}

/// What cancelling a change restores.
#[derive(Debug, Clone)]
pub(crate) enum Undo {
    /// The content before the change.
    Content(String),
    /// The metadata before the change.
    Metadata(Object),
}

/// One change in the helpdesk history.
#[derive(Debug, Clone)]
pub(crate) struct Change {
    /// The change id (a UUID).
    pub(crate) change_id: String,
    /// The locale code.
    pub(crate) locale: String,
    /// The content type.
    pub(crate) content_type: String,
    /// The entry's tree path (after the change).
    pub(crate) path: Vec<String>,
    /// What happened.
    pub(crate) kind: ChangeKind,
    /// Lines added and removed.
    pub(crate) edits: (u64, u64),
    /// The entry's metadata after the change.
    pub(crate) metadata: Object,
    /// The entry's content after the change.
    pub(crate) content: String,
    /// What cancelling restores, for content and metadata changes.
    pub(crate) undo: Option<Undo>,
    /// When (ms).
    pub(crate) created_at: u64,
}

impl Change {
    /// The change as the history routes answer.
    pub(crate) fn to_json(&self) -> Value {
        let verb = match self.kind {
            ChangeKind::Added => "Create",
            ChangeKind::Modified => "Update",
            ChangeKind::Renamed => "Move",
            ChangeKind::Deleted => "Delete",
        };
        let file = format!("{}/{}/{}.md", self.locale, self.content_type, self.path.join("/"));
        json!({
            "change_id": self.change_id,
            "message": format!("{verb} {file}"),
            "author": {"email": "operator@fake.crisp.test", "name": "Fake Operator"},
            "edits": {"insertions": self.edits.0, "deletions": self.edits.1},
            "created_at": self.created_at,
            "files": [{
                "change": self.kind.as_str(),
                "path": file,
                "metadata": self.metadata,
                "content": self.content,
            }],
        })
    }
}

/// One reader's feedback (seeded with `FakeCrisp::add_helpdesk_feedback`).
#[derive(Debug, Clone)]
pub(crate) struct Feedback {
    /// The locale code.
    pub(crate) locale: String,
    /// The content type.
    pub(crate) content_type: String,
    /// The page's tree path.
    pub(crate) path: Vec<String>,
    /// `helpful` or `unhelpful`.
    pub(crate) rating: String,
    /// The reader's comment.
    pub(crate) comment: String,
    /// The reader's session id.
    pub(crate) session_id: String,
    /// When (ms).
    pub(crate) created_at: u64,
}

/// A redirection.
#[derive(Debug, Clone)]
pub(crate) struct Redirection {
    /// The id (a UUID).
    pub(crate) redirection_id: String,
    /// The path that redirects.
    pub(crate) path: String,
    /// Where it redirects.
    pub(crate) target: String,
    /// When (ms).
    pub(crate) created_at: u64,
}

impl Redirection {
    /// The redirection as listed and resolved.
    pub(crate) fn to_json(&self) -> Value {
        json!({
            "redirection_id": self.redirection_id,
            "path": self.path,
            "target": self.target,
            "created_at": self.created_at,
            "updated_at": self.created_at,
        })
    }
}

/// An article of the retired locale article API.
#[derive(Debug, Clone)]
pub(crate) struct Article {
    /// The id (a UUID).
    pub(crate) article_id: String,
    /// `title`, `description`, `content`, `featured`, `order`, `visibility`.
    pub(crate) fields: Object,
    /// Whether it is published.
    pub(crate) published: bool,
    /// When it was last published (ms).
    pub(crate) published_at: Option<u64>,
    /// Its category and section.
    pub(crate) category: Option<(String, Option<String>)>,
    /// Its translations: locale code -> article id.
    pub(crate) alternates: BTreeMap<String, String>,
    /// When (ms).
    pub(crate) created_at: u64,
    /// Last change (ms).
    pub(crate) updated_at: u64,
}

impl Article {
    /// A new draft titled `title`.
    pub(crate) fn new(title: &str, order: u64, now: u64) -> Self {
        let mut fields = Object::new();
        fields.insert("title".into(), json!(title));
        fields.insert("description".into(), Value::Null);
        fields.insert("content".into(), json!(""));
        fields.insert("featured".into(), json!(false));
        fields.insert("order".into(), json!(order));
        fields.insert("visibility".into(), json!("visible"));
        Self {
            article_id: ids::uuid(),
            fields,
            published: false,
            published_at: None,
            category: None,
            alternates: BTreeMap::new(),
            created_at: now,
            updated_at: now,
        }
    }

    /// A string field.
    pub(crate) fn text(&self, key: &str) -> &str {
        self.fields.get(key).and_then(Value::as_str).unwrap_or_default()
    }

    /// The public URL.
    pub(crate) fn url(&self, site_url: &str, locale: &str) -> String {
        let slug: String = self
            .text("title")
            .to_lowercase()
            .split(|c: char| !c.is_alphanumeric())
            .filter(|word| !word.is_empty())
            .collect::<Vec<_>>()
            .join("-");
        let short = self.article_id.get(..6).unwrap_or(&self.article_id);
        format!("{site_url}{locale}/article/{slug}-{short}/")
    }

    /// The article as resolved (with content) or listed (without).
    pub(crate) fn to_json(&self, site_url: &str, locale: &str, with_content: bool) -> Value {
        let mut out = Object::new();
        out.insert("article_id".into(), json!(self.article_id));
        for (key, value) in &self.fields {
            if with_content || key != "content" {
                out.insert(key.clone(), value.clone());
            }
        }
        out.insert(
            "status".into(),
            json!(if self.published { "published" } else { "draft" }),
        );
        out.insert("visits".into(), json!(0));
        out.insert("url".into(), json!(self.url(site_url, locale)));
        out.insert("created_at".into(), json!(self.created_at));
        out.insert("updated_at".into(), json!(self.updated_at));
        if let Some(published_at) = self.published_at {
            out.insert("published_at".into(), json!(published_at));
        }
        Value::Object(out)
    }
}

/// A category of the retired locale category API.
#[derive(Debug, Clone)]
pub(crate) struct Category {
    /// The id (a UUID).
    pub(crate) category_id: String,
    /// `name`, `description`, `color`, `image`, `order`.
    pub(crate) fields: Object,
    /// Its sections, in creation order.
    pub(crate) sections: Vec<Section>,
    /// When (ms).
    pub(crate) created_at: u64,
    /// Last change (ms).
    pub(crate) updated_at: u64,
}

impl Category {
    /// A new category named `name`.
    pub(crate) fn new(name: &str, order: u64, now: u64) -> Self {
        let mut fields = Object::new();
        fields.insert("name".into(), json!(name));
        fields.insert("description".into(), json!(""));
        fields.insert("order".into(), json!(order));
        Self {
            category_id: ids::uuid(),
            fields,
            sections: Vec::new(),
            created_at: now,
            updated_at: now,
        }
    }

    /// The category as listed and resolved.
    pub(crate) fn to_json(&self, site_url: &str, locale: &str) -> Value {
        let mut out = Object::new();
        out.insert("category_id".into(), json!(self.category_id));
        out.extend(self.fields.clone());
        out.insert(
            "url".into(),
            json!(format!("{site_url}{locale}/category/{}/", self.category_id)),
        );
        out.insert("created_at".into(), json!(self.created_at));
        out.insert("updated_at".into(), json!(self.updated_at));
        Value::Object(out)
    }
}

/// A section of a category.
#[derive(Debug, Clone)]
pub(crate) struct Section {
    /// The id (a UUID).
    pub(crate) section_id: String,
    /// `name`, `order`.
    pub(crate) fields: Object,
    /// When (ms).
    pub(crate) created_at: u64,
    /// Last change (ms).
    pub(crate) updated_at: u64,
}

impl Section {
    /// A new section named `name`.
    pub(crate) fn new(name: &str, order: u64, now: u64) -> Self {
        let mut fields = Object::new();
        fields.insert("name".into(), json!(name));
        fields.insert("order".into(), json!(order));
        Self {
            section_id: ids::uuid(),
            fields,
            created_at: now,
            updated_at: now,
        }
    }

    /// The section as listed and resolved.
    pub(crate) fn to_json(&self) -> Value {
        let mut out = Object::new();
        out.insert("section_id".into(), json!(self.section_id));
        out.extend(self.fields.clone());
        out.insert("created_at".into(), json!(self.created_at));
        out.insert("updated_at".into(), json!(self.updated_at));
        Value::Object(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn path(text: &str) -> Vec<String> {
        text.split('/').map(str::to_owned).collect()
    }

    #[test]
    fn folders_pages_and_walk_order() {
        let mut locale = Locale::new("en");
        locale.entries.push(Entry::new("guides", path("b"), 1, 1));
        locale.entries.push(Entry::new("guides", path("a"), 0, 2));
        locale.entries.push(Entry::new("guides", path("a/x"), 0, 3));
        locale.entries.push(Entry::new("news", path("z"), 0, 4));
        let walked: Vec<String> = locale.walk("guides").iter().map(|e| e.tree_path()).collect();
        assert_eq!(walked, ["a", "a/x", "b"]);
        let a = locale.entry("guides", &path("a")).cloned();
        assert!(a.is_some_and(|a| locale.is_folder(&a)));
        let stats = locale.to_json("https://x.crisp.help/");
        assert_eq!(stats["statistics"]["guides"], json!({"entries": 2, "groups": 1}));
        assert_eq!(stats["statistics"]["news"], json!({"entries": 1, "groups": 0}));
        let tree = locale.tree_json(&locale.children("guides", &[])[0].clone());
        assert_eq!(tree["type"], "folder");
        assert_eq!(tree["children"][0]["slug"], "x");
    }

    #[test]
    fn article_urls_slug_the_title() {
        let article = Article::new("How to: reset?", 0, 1);
        let url = article.url("https://acme.crisp.help/", "en");
        assert!(
            url.starts_with("https://acme.crisp.help/en/article/how-to-reset-"),
            "{url}"
        );
    }
}
