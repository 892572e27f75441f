//! The session's own details, editable during the gathering (`s`): where it is held and who
//! leads it. Started sessions take them from the settings, or leave them blank, so starting
//! never asks; this is where they are filled in later.

use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui_textarea::TextArea;

use super::Effect;
use super::run::Run;

/// Which field of the form has the cursor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Place,
    Facilitator,
}

/// The form: one line each for place and facilitator.
#[derive(Debug, Clone)]
pub struct InfoForm {
    pub place: TextArea<'static>,
    pub facilitator: TextArea<'static>,
    pub focus: Field,
}

impl PartialEq for InfoForm {
    fn eq(&self, other: &Self) -> bool {
        self.place.lines() == other.place.lines()
            && self.facilitator.lines() == other.facilitator.lines()
            && self.focus == other.focus
    }
}

fn line(text: &str) -> TextArea<'static> {
    let mut area = TextArea::new(vec![text.to_string()]);
    area.move_cursor(ratatui_textarea::CursorMove::End);
    area
}

impl Run {
    /// `s`: opens the form on the session's place and facilitator.
    pub fn open_info(&mut self) {
        self.info = Some(InfoForm {
            place: line(&self.session.place),
            facilitator: line(&self.session.facilitator),
            focus: Field::Place,
        });
    }

    /// A key in the form: Tab, arrows and Enter move between the fields; Esc (or Enter on
    /// the last field) saves and closes. The fields are single lines.
    pub fn info_key(&mut self, key: KeyEvent) -> Vec<Effect> {
        let Some(form) = &mut self.info else {
            return Vec::new();
        };
        match (key.code, form.focus) {
            (KeyCode::Esc, _) | (KeyCode::Enter, Field::Facilitator) => return self.close_info(),
            (KeyCode::Tab | KeyCode::BackTab | KeyCode::Up | KeyCode::Down | KeyCode::Enter, f) => {
                form.focus = match f {
                    Field::Place => Field::Facilitator,
                    Field::Facilitator => Field::Place,
                };
            }
            (_, Field::Place) => {
                form.place.input(key);
            }
            (_, Field::Facilitator) => {
                form.facilitator.input(key);
            }
        }
        Vec::new()
    }

    /// Saves the form into the session and closes it.
    pub fn close_info(&mut self) -> Vec<Effect> {
        let Some(form) = self.info.take() else {
            return Vec::new();
        };
        let place = form.place.lines().concat().trim().to_string();
        let facilitator = form.facilitator.lines().concat().trim().to_string();
        if place == self.session.place && facilitator == self.session.facilitator {
            return Vec::new();
        }
        self.session.place = place;
        self.session.facilitator = facilitator;
        self.mark_changed()
    }
}

#[cfg(test)]
mod tests {
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    use crate::app::testing::{running, t};
    use crate::app::{Effect, Msg, update};

    fn key(code: KeyCode) -> Msg {
        Msg::InfoKey(KeyEvent::new(code, KeyModifiers::NONE))
    }

    #[test]
    fn place_and_facilitator_are_edited_and_saved_on_esc() {
        let mut s = running();
        update(&mut s, Msg::OpenInfo, t(0));
        for c in "Gymsalen".chars() {
            update(&mut s, key(KeyCode::Char(c)), t(0));
        }
        update(&mut s, key(KeyCode::Tab), t(0));
        for c in "Åse Nilsen".chars() {
            update(&mut s, key(KeyCode::Char(c)), t(0));
        }
        assert_eq!(update(&mut s, key(KeyCode::Esc), t(1)), vec![Effect::Save]);
        let session = &s.run().unwrap().session;
        assert_eq!(
            (session.place.as_str(), session.facilitator.as_str()),
            ("Gymsalen", "Åse Nilsen")
        );
        assert!(s.run().unwrap().info.is_none());
        // Nothing changed: nothing to save.
        update(&mut s, Msg::OpenInfo, t(2));
        assert_eq!(update(&mut s, key(KeyCode::Esc), t(2)), vec![]);
    }

    #[test]
    fn enter_moves_to_the_next_field_and_closes_on_the_last() {
        let mut s = running();
        update(&mut s, Msg::OpenInfo, t(0));
        update(&mut s, key(KeyCode::Char('A')), t(0));
        update(&mut s, key(KeyCode::Enter), t(0));
        update(&mut s, key(KeyCode::Char('B')), t(0));
        update(&mut s, key(KeyCode::Enter), t(0));
        let session = &s.run().unwrap().session;
        assert_eq!(
            (session.place.as_str(), session.facilitator.as_str()),
            ("A", "B")
        );
    }
}
