//! What the facilitator's screen shows of a running gathering besides the session itself:
//! the view, the group notes go to, what is selected, the flash. None of it is saved: it is
//! where the facilitator is looking, not what the gathering holds.

use crate::model::{AgreementId, GroupLabel, NoteId, Timestamp};

/// Which view is on the screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum View {
    /// The laptop: agenda, timer, prompts, private note, notes, status.
    #[default]
    Facilitator,
    /// The room: only what everybody may see, in large type.
    Projector,
}

/// The screen state of a running gathering.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct RunScreen {
    pub view: View,
    /// The group the next notes belong to.
    pub group: GroupLabel,
    /// The selected note (by id) in the current item's list.
    pub selected: Option<NoteId>,
    /// Which list `↑` `↓` and `e` work on: the notes, or this gathering's agreements.
    pub agreements_focused: bool,
    /// The selected agreement (by id) when the agreements have the focus.
    pub selected_agreement: Option<AgreementId>,
    /// "Da — nå" is on: the earlier answers show beside today's where a prompt revisits.
    pub mirror: bool,
    /// The screen flashes until then (the timer reached zero or a step changed).
    pub flash_until: Option<Timestamp>,
    /// A short message for the status line (where the minutes were written, why a key did
    /// nothing), until the next key.
    pub message: Option<String>,
}

impl RunScreen {
    /// `p`: the laptop's view or the room's.
    pub fn toggle_view(&mut self) {
        self.view = match self.view {
            View::Facilitator => View::Projector,
            View::Projector => View::Facilitator,
        };
    }

    /// Whether the screen is flashing at `now`.
    pub fn flashing(&self, now: Timestamp) -> bool {
        self.flash_until.is_some_and(|until| now < until)
    }
}
