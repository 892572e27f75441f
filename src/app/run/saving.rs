//! Where the running session stands against its file: which changes are on disk, how the last
//! save went, and whether quitting waits for one.
//!
//! Every change is counted; a save carries the count it was taken at, so an answer that comes
//! back late (the saving thread writes in the background) says exactly which changes it holds.

use crate::app::msg::Effect;
use crate::model::Timestamp;

/// How the last save went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveState {
    Saved(Timestamp),
    /// The reason, worded for people; the session stays in memory and is retried.
    Failed(String),
}

/// The session against its file.
#[derive(Debug, Clone, PartialEq)]
pub struct Saving {
    pub state: SaveState,
    /// Changes not yet safely on disk.
    pub unsaved: bool,
    /// How many changes the session has had since it was opened: a save says which it holds.
    pub changes: u64,
    /// The newest change known to be on disk.
    upto: u64,
    /// The size of the session file as last saved (0 until the first save): text that would
    /// take it past what samling can read back is refused.
    pub bytes: u64,
    /// The last text typed or pasted was refused: the file would grow past that limit.
    pub too_large: bool,
    /// Quit was asked with changes unsaved: quit as soon as the save succeeds.
    quit_when_saved: bool,
}

impl Saving {
    /// A file just written or read: on disk as it is in memory.
    pub fn new(now: Timestamp) -> Self {
        Saving {
            state: SaveState::Saved(now),
            unsaved: false,
            changes: 0,
            upto: 0,
            bytes: 0,
            too_large: false,
            quit_when_saved: false,
        }
    }

    /// Counts a change and asks for it to be saved.
    pub fn changed(&mut self) -> Vec<Effect> {
        self.changes += 1;
        self.unsaved = true;
        vec![Effect::Save]
    }

    /// Whether a tick should ask for a save again: the last one failed and nothing newer is on
    /// its way (one still being written is not asked for again; its answer is coming).
    pub fn retry(&self) -> bool {
        self.unsaved && matches!(self.state, SaveState::Failed(_))
    }

    /// Quitting: true if everything is on disk and samling may stop now; otherwise a save is
    /// asked for and the quit waits for it.
    pub fn quit(&mut self) -> (bool, Vec<Effect>) {
        if self.unsaved {
            self.quit_when_saved = true;
            (false, vec![Effect::Save])
        } else {
            (true, Vec::new())
        }
    }

    /// A save finished, of the session as it was after change `upto`: everything is on disk
    /// only once the newest change is. True when a waiting quit may now go ahead.
    pub fn saved(&mut self, upto: u64, result: Result<u64, String>, now: Timestamp) -> bool {
        match result {
            Ok(bytes) => {
                self.bytes = bytes;
                self.state = SaveState::Saved(now);
                self.upto = self.upto.max(upto);
                self.unsaved = self.upto < self.changes;
                self.quit_when_saved && !self.unsaved
            }
            // An older save failing says nothing about a newer one that worked.
            Err(_) if upto < self.upto => false,
            Err(reason) => {
                // Stay, with the reason on screen: leaving now would lose what is only in
                // memory.
                self.state = SaveState::Failed(reason);
                self.quit_when_saved = false;
                false
            }
        }
    }
}
