//! Whose samling runs the gathering: the facilitator's, which leads it, or a note-taker's
//! (`samling notes`), which follows it from another window or laptop and writes only its own
//! notes.

use crate::model::{FACILITATOR, Note};

/// Whose samling this is.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Role {
    /// Leads the gathering: the clock, the agenda, the room, every note's marks.
    #[default]
    Facilitator,
    /// Follows the gathering and writes notes of its own.
    NoteTaker {
        /// The writer's tag: its journal's name and the first part of its notes' ids, unique
        /// per person and laptop (see [`crate::store::taking::writer_tag`]).
        tag: String,
        /// The name its notes are shown with.
        name: String,
    },
}

impl Role {
    /// The tag this samling's notes get.
    pub fn tag(&self) -> &str {
        match self {
            Role::Facilitator => FACILITATOR,
            Role::NoteTaker { tag, .. } => tag,
        }
    }

    /// The name this samling's notes are shown with; none for the facilitator's.
    pub fn name(&self) -> Option<&str> {
        match self {
            Role::Facilitator => None,
            Role::NoteTaker { name, .. } => Some(name),
        }
    }

    pub fn takes_notes(&self) -> bool {
        matches!(self, Role::NoteTaker { .. })
    }

    /// Whether `note` was written by this samling (its text is this writer's to change).
    pub fn wrote(&self, note: &Note) -> bool {
        note.id.writer() == Some(self.tag())
    }
}
