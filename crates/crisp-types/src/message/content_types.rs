//! The typed contents of the message types that carry an object (`file`,
//! `animation`, `audio`, `picker`, `field`, `carousel`, `event`).

use serde::{Deserialize, Serialize};

use crate::util::null_as_default;

/// The content of a `file` message.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct FileContent {
    /// The file name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Where the file can be downloaded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The MIME type (`type` on the wire), e.g. `image/png`.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub mime_type: Option<String>,
}

impl FileContent {
    /// A file content with its name, URL and MIME type.
    pub fn new(name: impl Into<String>, url: impl Into<String>, mime_type: impl Into<String>) -> Self {
        Self {
            name: Some(name.into()),
            url: Some(url.into()),
            mime_type: Some(mime_type.into()),
        }
    }
}

/// The content of an `animation` message.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct AnimationContent {
    /// Where the animation can be downloaded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The MIME type (`type` on the wire), e.g. `image/gif`.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub mime_type: Option<String>,
}

impl AnimationContent {
    /// An animation content with its URL and MIME type.
    pub fn new(url: impl Into<String>, mime_type: impl Into<String>) -> Self {
        Self {
            url: Some(url.into()),
            mime_type: Some(mime_type.into()),
        }
    }
}

/// The content of an `audio` message.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct AudioContent {
    /// Where the recording can be downloaded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The MIME type (`type` on the wire), e.g. `audio/webm`.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub mime_type: Option<String>,
    /// The duration in seconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration: Option<u32>,
}

impl AudioContent {
    /// An audio content with its URL, MIME type and duration in seconds.
    pub fn new(url: impl Into<String>, mime_type: impl Into<String>, duration: u32) -> Self {
        Self {
            url: Some(url.into()),
            mime_type: Some(mime_type.into()),
            duration: Some(duration),
        }
    }
}

/// The content of a `picker` message: a question and the choices offered.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct PickerContent {
    /// An id for the picker, chosen by the sender.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The question shown above the choices.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// The choices.
    #[serde(default, deserialize_with = "null_as_default", skip_serializing_if = "Vec::is_empty")]
    pub choices: Vec<PickerChoice>,
    /// Whether the visitor must pick a choice.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub required: Option<bool>,
}

impl PickerContent {
    /// A picker with its id, question and choices.
    pub fn new(
        id: impl Into<String>,
        text: impl Into<String>,
        choices: impl IntoIterator<Item = PickerChoice>,
    ) -> Self {
        Self {
            id: Some(id.into()),
            text: Some(text.into()),
            choices: choices.into_iter().collect(),
            required: None,
        }
    }

    /// Sets whether the visitor must pick a choice.
    #[must_use]
    pub fn required(mut self, required: bool) -> Self {
        self.required = Some(required);
        self
    }
}

/// One choice of a picker.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct PickerChoice {
    /// The value reported when the choice is picked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    /// An emoji or icon shown with the label.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub icon: Option<String>,
    /// The label shown to the visitor.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// Whether this choice is (pre)selected.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub selected: Option<bool>,
    /// An action run when the choice is picked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub action: Option<PickerAction>,
}

impl PickerChoice {
    /// A choice with its value and label, not selected.
    pub fn new(value: impl Into<String>, label: impl Into<String>) -> Self {
        Self {
            value: Some(value.into()),
            label: Some(label.into()),
            selected: Some(false),
            ..Self::default()
        }
    }

    option_setters! {
        /// Sets the icon shown with the label.
        icon: String,
        /// Sets whether the choice is selected.
        selected: bool,
        /// Sets the action run when the choice is picked.
        action: PickerAction,
    }
}

/// An action attached to a picker choice.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct PickerAction {
    /// The action type (`type` on the wire), e.g. `frame`.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// The action target, e.g. a URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<String>,
}

/// The content of a `field` message: a form field the visitor fills.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct FieldContent {
    /// An id for the field, chosen by the sender.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The question.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// An explanation or placeholder shown in the field.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub explain: Option<String>,
    /// The value the visitor entered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    /// Whether the visitor must fill the field.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub required: Option<bool>,
}

impl FieldContent {
    /// A field with its id, question and explanation.
    pub fn new(id: impl Into<String>, text: impl Into<String>, explain: impl Into<String>) -> Self {
        Self {
            id: Some(id.into()),
            text: Some(text.into()),
            explain: Some(explain.into()),
            ..Self::default()
        }
    }

    option_setters! {
        /// Sets the pre-filled value.
        value: String,
        /// Sets whether the visitor must fill the field.
        required: bool,
    }
}

/// The content of a `carousel` message.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct CarouselContent {
    /// The text shown above the cards.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// The cards.
    #[serde(default, deserialize_with = "null_as_default", skip_serializing_if = "Vec::is_empty")]
    pub targets: Vec<CarouselTarget>,
}

impl CarouselContent {
    /// A carousel with its text and cards.
    pub fn new(text: impl Into<String>, targets: impl IntoIterator<Item = CarouselTarget>) -> Self {
        Self {
            text: Some(text.into()),
            targets: targets.into_iter().collect(),
        }
    }
}

/// One card of a carousel.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct CarouselTarget {
    /// The card title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The card description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The card image URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image: Option<String>,
    /// The card buttons.
    #[serde(default, deserialize_with = "null_as_default", skip_serializing_if = "Vec::is_empty")]
    pub actions: Vec<CarouselAction>,
}

impl CarouselTarget {
    /// A card with its title and description.
    pub fn new(title: impl Into<String>, description: impl Into<String>) -> Self {
        Self {
            title: Some(title.into()),
            description: Some(description.into()),
            ..Self::default()
        }
    }

    option_setters! {
        /// Sets the card image URL.
        image: String,
    }

    /// Adds a button to the card.
    #[must_use]
    pub fn action(mut self, action: CarouselAction) -> Self {
        self.actions.push(action);
        self
    }
}

/// A button of a carousel card.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct CarouselAction {
    /// The button label.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// The URL the button opens.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

impl CarouselAction {
    /// A button with its label and URL.
    pub fn new(label: impl Into<String>, url: impl Into<String>) -> Self {
        Self {
            label: Some(label.into()),
            url: Some(url.into()),
        }
    }
}

/// The content of an `event` message.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct EventContent {
    /// The event namespace, e.g. `state:resolved`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub namespace: Option<String>,
    /// The event text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

impl EventContent {
    /// An event with its namespace and text.
    pub fn new(namespace: impl Into<String>, text: impl Into<String>) -> Self {
        Self {
            namespace: Some(namespace.into()),
            text: Some(text.into()),
        }
    }
}
