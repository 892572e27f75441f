//! A small form over the running gathering: the session's place, facilitator, date and times
//! (`s`), a new agreement (`a`), a change to one (`e`), a comment on a carried one (`k`), a new
//! agenda item (`l` in the schedule panel). One line per
//! field; Tab, arrows and Enter move between fields; Esc or Enter on the last field submits.
//! A form whose input does not make sense stays open and says why, so nothing typed is lost.
//!
//! This module knows the form and how keys move in it; what a submitted form does to the
//! session is [`crate::app::run`]'s.

use chrono::{NaiveDate, NaiveTime};
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui_textarea::TextArea;

use crate::model::{AgreementId, Due, GroupLabel, ItemKind, Who};

/// What a form is for; fixes its fields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormKind {
    /// Place, facilitator, date, start, must end by.
    Info,
    /// Text, who, due.
    Agreement,
    /// A comment on the review of the carried agreement with this id.
    Comment(AgreementId),
    /// Changes to the agreement with this id (text, who, due).
    EditAgreement(AgreementId),
    /// A new agenda item (title, minutes, kind), to go after the item with this id (or first).
    NewItem(Option<String>),
}

/// Why a form cannot be saved as it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormError {
    /// The due field is neither empty nor a date.
    BadDate,
    /// The who field names a group outside 1–9.
    BadGroup,
    /// The gathering's date is not a date (it may not be empty).
    BadDay,
    /// Preparing, the date has passed: submitted again unchanged, it is taken.
    PastDate,
    /// The field at this place is neither empty (where it may be) nor a time of day.
    BadTime(usize),
    /// The minutes are not a whole number from 1 to 600.
    BadMinutes,
    /// The kind names no kind of item.
    BadKind,
}

impl FormError {
    /// The field at fault, for the cursor.
    fn field(self) -> usize {
        match self {
            FormError::BadDate | FormError::BadDay | FormError::PastDate => 2,
            FormError::BadGroup | FormError::BadMinutes => 1,
            FormError::BadKind => 2,
            FormError::BadTime(field) => field,
        }
    }
}

/// An open form.
#[derive(Debug, Clone)]
pub struct Form {
    pub kind: FormKind,
    pub fields: Vec<TextArea<'static>>,
    pub focus: usize,
    pub error: Option<FormError>,
}

impl PartialEq for Form {
    fn eq(&self, other: &Self) -> bool {
        self.kind == other.kind
            && self.focus == other.focus
            && self.error == other.error
            && self.values() == other.values()
    }
}

fn line(text: &str) -> TextArea<'static> {
    let mut area = TextArea::new(vec![text.to_string()]);
    area.move_cursor(ratatui_textarea::CursorMove::End);
    area
}

impl Form {
    /// A form of `kind` with these starting values, one per field.
    pub fn new(kind: FormKind, values: &[&str]) -> Self {
        Form {
            kind,
            fields: values.iter().map(|v| line(v)).collect(),
            focus: 0,
            error: None,
        }
    }

    /// Each field's text, trimmed.
    pub fn values(&self) -> Vec<String> {
        self.fields
            .iter()
            .map(|f| f.lines().concat().trim().to_string())
            .collect()
    }
}

/// Reads the "who" field: empty means the group the notes go to (or everyone in plenary),
/// `alle`/`everyone` everyone, `3` or `gruppe 3` a group, anything else a role or name.
pub fn parse_who(text: &str, group: GroupLabel) -> Result<Who, FormError> {
    let lower = text.trim().to_lowercase();
    if lower.is_empty() {
        return Ok(match group {
            GroupLabel::Plenary => Who::Everyone,
            GroupLabel::Group(n) => Who::Group(n),
        });
    }
    if matches!(lower.as_str(), "alle" | "everyone" | "all") {
        return Ok(Who::Everyone);
    }
    let number = lower
        .strip_prefix("gruppe")
        .or_else(|| lower.strip_prefix("group"))
        .unwrap_or(&lower)
        .trim();
    if !number.is_empty() && number.chars().all(|c| c.is_ascii_digit()) {
        return match number.parse::<u8>() {
            Ok(n @ 1..=9) => Ok(Who::Group(n)),
            _ => Err(FormError::BadGroup),
        };
    }
    Ok(Who::Role(text.trim().to_string()))
}

/// Reads the "due" field: empty means before the next gathering; else a date (see
/// [`parse_date`]).
pub fn parse_due(text: &str) -> Result<Due, FormError> {
    if text.trim().is_empty() {
        return Ok(Due::NextGathering);
    }
    parse_date(text).map(Due::Date)
}

/// Reads a date (see [`crate::when::date`]).
pub fn parse_date(text: &str) -> Result<NaiveDate, FormError> {
    crate::when::date(text).ok_or(FormError::BadDate)
}

/// Reads a time of day (see [`crate::when::time`]); `Some(None)` for an empty field, `None`
/// for one that is not a time.
pub fn parse_time(text: &str) -> Option<Option<NaiveTime>> {
    if text.trim().is_empty() {
        return Some(None);
    }
    crate::when::time(text).map(Some)
}

/// Reads an item's minutes: a whole number from 1 to 600.
pub fn parse_minutes(text: &str) -> Result<u32, FormError> {
    text.trim()
        .parse::<u32>()
        .ok()
        .filter(|m| crate::model::agenda::MINUTES.contains(m))
        .ok_or(FormError::BadMinutes)
}

/// Reads an item's kind by the start of its name in either language (`plen`, `Øvelse`,
/// `break`); empty means a plenary talk ("Plenum").
pub fn parse_kind(text: &str) -> Result<ItemKind, FormError> {
    let text = text.trim().to_lowercase();
    if text.is_empty() {
        return Ok(ItemKind::Plenary);
    }
    let langs = [crate::i18n::Lang::Nb, crate::i18n::Lang::En];
    ItemKind::ALL
        .into_iter()
        .find(|k| {
            langs.iter().any(|l| {
                let name = (l.strings().item_kind)(*k).to_lowercase();
                name.starts_with(&text)
            })
        })
        .ok_or(FormError::BadKind)
}

/// What a key did to the form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormStep {
    /// The form stays open.
    Stay,
    /// Save what it says and close it (`Esc`, or `Enter` on the last field).
    Submit,
}

impl Form {
    /// A key typed into the form.
    pub fn key(&mut self, key: KeyEvent) -> FormStep {
        let last = self.fields.len() - 1;
        match key.code {
            KeyCode::Esc => return FormStep::Submit,
            KeyCode::Enter if self.focus == last => return FormStep::Submit,
            KeyCode::Tab | KeyCode::Down | KeyCode::Enter => {
                self.focus = (self.focus + 1) % (last + 1)
            }
            KeyCode::BackTab | KeyCode::Up => self.focus = (self.focus + last) % (last + 1),
            _ => {
                self.fields[self.focus].input(key);
                self.error = None;
            }
        }
        FormStep::Stay
    }

    /// Pasted text: fields are one line, so a line break becomes a space.
    pub fn paste(&mut self, text: &str) {
        let line = text.replace("\r\n", " ").replace(['\r', '\n'], " ");
        self.fields[self.focus].insert_str(line);
        self.error = None;
    }

    /// The same form again, saying why it could not be saved, the cursor on the field at fault.
    pub fn refused(self, error: FormError) -> Form {
        Form {
            error: Some(error),
            focus: error.field().min(self.fields.len() - 1),
            ..self
        }
    }
}
