//! What lies over the running gathering's screen: the "siden sist" review, the note editor, a
//! form, the help, a yes/no question, the schedule panel. They form one small stack: the one on top gets the keys
//! and is drawn last, so which one wins is written once, here, as the order they were opened
//! in. The review can only lie at the bottom (the others open over it, never under it).
//!
//! The overlays' own state and keys live in their modules ([`editor`], [`form`], [`schedule`]); what closing
//! one does to the session is [`crate::app::run`]'s.

pub mod editor;
pub mod form;
pub mod schedule;

pub use editor::Editor;
pub use form::{Form, FormError, FormKind, FormStep};
pub use schedule::{Pane, Schedule};

/// One thing over the running gathering's screen.
#[derive(Debug, Clone, PartialEq)]
pub enum Overlay {
    /// "Siden sist": the carried agreements, one key per status.
    Review(Review),
    /// A note being written.
    Editor(Box<Editor>),
    /// Place and facilitator, an agreement, a comment.
    Form(Form),
    /// Every key of the mode under it.
    Help,
    /// A yes/no question.
    Confirm(Confirm),
    /// The schedule panel ("Tidsplan"): the agenda to change.
    Schedule(Schedule),
}

/// The review panel: which carried agreement has the cursor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Review {
    pub selected: usize,
    /// Opened with `v`, rather than by itself on arriving at a "siden sist" item: before the
    /// gathering has begun only a review opened by hand replaces the room's welcome.
    pub by_hand: bool,
}

/// What a yes/no question on screen is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Confirm {
    Delete(crate::model::NoteId),
    /// Quit while the editor holds text (the text is saved as a note first).
    Quit,
    /// Replace the minutes file written before.
    ReplaceMinutes,
    /// `i`, `e` or a paste in the projector view: what is typed would be seen by the room, so
    /// switch to the facilitator's view first.
    TypeInPrivate(Typing),
}

/// What was about to be typed on the room's view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Typing {
    /// A new note, starting with this text (pasted; empty for `i`).
    New(String),
    /// The selected note (`e`).
    Edit,
}

/// The overlays open, bottom first.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Overlays(Vec<Overlay>);

impl Overlays {
    /// The one that gets the keys.
    pub fn top(&self) -> Option<&Overlay> {
        self.0.last()
    }

    /// Bottom first: the order to draw them in.
    pub fn iter(&self) -> impl Iterator<Item = &Overlay> {
        self.0.iter()
    }

    /// Opens `overlay` on top; one of a kind, so a second of the same kind replaces the first.
    /// The review always goes to the bottom, and a question stays on top until it is answered:
    /// what opens meanwhile (an editor for pasted text) goes under it.
    pub fn open(&mut self, overlay: Overlay) {
        let kind = std::mem::discriminant(&overlay);
        self.0.retain(|o| std::mem::discriminant(o) != kind);
        let asking = matches!(self.top(), Some(Overlay::Confirm(_)));
        match overlay {
            Overlay::Review(_) => self.0.insert(0, overlay),
            Overlay::Confirm(_) => self.0.push(overlay),
            _ if asking => self.0.insert(self.0.len() - 1, overlay),
            _ => self.0.push(overlay),
        }
    }

    /// Closes the one on top.
    pub fn close_top(&mut self) -> Option<Overlay> {
        self.0.pop()
    }

    pub fn help(&self) -> bool {
        self.0.iter().any(|o| matches!(o, Overlay::Help))
    }

    pub fn review(&self) -> Option<Review> {
        self.0.iter().find_map(|o| match o {
            Overlay::Review(r) => Some(*r),
            _ => None,
        })
    }

    pub fn review_mut(&mut self) -> Option<&mut Review> {
        self.0.iter_mut().find_map(|o| match o {
            Overlay::Review(r) => Some(r),
            _ => None,
        })
    }

    pub fn close_review(&mut self) {
        self.0.retain(|o| !matches!(o, Overlay::Review(_)));
    }

    pub fn editor(&self) -> Option<&Editor> {
        self.0.iter().find_map(|o| match o {
            Overlay::Editor(e) => Some(&**e),
            _ => None,
        })
    }

    pub fn editor_mut(&mut self) -> Option<&mut Editor> {
        self.0.iter_mut().find_map(|o| match o {
            Overlay::Editor(e) => Some(&mut **e),
            _ => None,
        })
    }

    /// Removes the first overlay `is` picks, handing back what it held (`into`).
    fn take<T>(&mut self, is: fn(&Overlay) -> bool, into: fn(Overlay) -> Option<T>) -> Option<T> {
        let at = self.0.iter().position(is)?;
        into(self.0.remove(at))
    }

    /// Closes the editor, handing back what it held.
    pub fn take_editor(&mut self) -> Option<Editor> {
        self.take(
            |o| matches!(o, Overlay::Editor(_)),
            |o| match o {
                Overlay::Editor(e) => Some(*e),
                _ => None,
            },
        )
    }

    pub fn form(&self) -> Option<&Form> {
        self.0.iter().find_map(|o| match o {
            Overlay::Form(f) => Some(f),
            _ => None,
        })
    }

    pub fn form_mut(&mut self) -> Option<&mut Form> {
        self.0.iter_mut().find_map(|o| match o {
            Overlay::Form(f) => Some(f),
            _ => None,
        })
    }

    /// Closes the form, handing back what it held.
    pub fn take_form(&mut self) -> Option<Form> {
        self.take(
            |o| matches!(o, Overlay::Form(_)),
            |o| match o {
                Overlay::Form(f) => Some(f),
                _ => None,
            },
        )
    }

    pub fn schedule(&self) -> Option<&Schedule> {
        self.0.iter().find_map(|o| match o {
            Overlay::Schedule(p) => Some(p),
            _ => None,
        })
    }

    pub fn schedule_mut(&mut self) -> Option<&mut Schedule> {
        self.0.iter_mut().find_map(|o| match o {
            Overlay::Schedule(p) => Some(p),
            _ => None,
        })
    }

    pub fn confirm(&self) -> Option<&Confirm> {
        self.0.iter().find_map(|o| match o {
            Overlay::Confirm(c) => Some(c),
            _ => None,
        })
    }

    /// Closes the question, handing back what it asked.
    pub fn take_confirm(&mut self) -> Option<Confirm> {
        self.take(
            |o| matches!(o, Overlay::Confirm(_)),
            |o| match o {
                Overlay::Confirm(c) => Some(c),
                _ => None,
            },
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_newest_is_on_top_the_review_at_the_bottom_one_of_each_kind() {
        let mut o = Overlays::default();
        o.open(Overlay::Help);
        o.open(Overlay::Review(Review {
            selected: 2,
            by_hand: true,
        }));
        assert_eq!(o.top(), Some(&Overlay::Help));
        o.open(Overlay::Confirm(Confirm::Quit));
        o.open(Overlay::Confirm(Confirm::ReplaceMinutes));
        assert_eq!(o.iter().count(), 3);
        assert_eq!(o.take_confirm(), Some(Confirm::ReplaceMinutes));
        assert_eq!(o.close_top(), Some(Overlay::Help));
        assert_eq!(
            o.review(),
            Some(Review {
                selected: 2,
                by_hand: true
            })
        );
        o.close_review();
        assert_eq!(o.top(), None);
    }

    #[test]
    fn a_question_stays_on_top_until_it_is_answered() {
        let mut o = Overlays::default();
        o.open(Overlay::Confirm(Confirm::Delete("f-1".into())));
        o.open(Overlay::Help);
        assert_eq!(
            o.top(),
            Some(&Overlay::Confirm(Confirm::Delete("f-1".into())))
        );
        assert_eq!(o.take_confirm(), Some(Confirm::Delete("f-1".into())));
        assert_eq!(o.top(), Some(&Overlay::Help));
    }
}
