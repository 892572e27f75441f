//! What can be wrong with a file, and where: the one error type of [`crate::store`].
//!
//! A [`Problem`] names the file and, where there is one, the line and column, so that every
//! message can be printed as `path:line:col: what is wrong` (see [`crate::i18n`] for the words).

use std::fmt;
use std::io;
use std::path::{Path, PathBuf};

use crate::model::validate::InvalidKind;

/// A 1-based line and column (in characters) in a text file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    pub line: usize,
    pub col: usize,
}

/// One thing wrong with one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub path: PathBuf,
    pub at: Option<Position>,
    pub kind: ProblemKind,
}

/// Which of samling's file formats a file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Program,
    Session,
    /// A writer's journal of changes beside a session (see [`super::journal`]).
    Journal,
}

/// What is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProblemKind {
    /// The operating system refused (not found, permission, disk full, read-only …).
    Io {
        kind: io::ErrorKind,
        detail: String,
    },
    /// A folder stands where a file should be.
    NotAFile,
    /// A symbolic link stands where samling writes a file of its own. Refused rather than
    /// followed: whoever planted it would have samling overwrite the file it points to.
    Symlink,
    /// Something that is not a regular file (a pipe, a device, a socket …) stands where samling
    /// reads or writes a file: never read, since a pipe blocks and `/dev/zero` never ends, and
    /// never written to.
    NotRegular,
    /// Larger than any real program or session; refused before reading it.
    TooLarge {
        bytes: u64,
        limit: u64,
    },
    Empty,
    /// The thread that saves the running session is gone (a bug in samling): what is not yet
    /// saved is written as a rescue copy on the way out.
    SaverStopped,
    /// Not UTF-8 text (binary garbage, or another encoding).
    NotText,
    /// The RON parser's complaint (wrong syntax or types, unknown or missing fields).
    Syntax(String),
    /// Written by a newer samling; refused rather than misread.
    NewerVersion {
        found: u32,
        supported: u32,
    },
    /// No `version` field: not a samling file, or one written by hand without it.
    NoVersion,
    /// A version number no samling ever wrote.
    UnknownVersion {
        found: u32,
    },
    /// A program where a session was expected, or the other way round.
    WrongKind {
        expected: FileKind,
        found: FileKind,
    },
    /// Two of the user's program files have the same id; the first (by file name) is used.
    DuplicateProgram {
        id: String,
        other: PathBuf,
    },
    /// Another samling has this session open (`pid` when the lock file says).
    Locked {
        pid: Option<u32>,
    },
    /// Valid RON that breaks one of the model's rules.
    Invalid(InvalidKind),
    /// A journal's last line was cut off (a crash in the middle of a save); skipped.
    TornLine,
    /// A journal line that does not read (the parser's complaint); skipped, the lines around
    /// it kept.
    BadLine(String),
    /// A journal beside a session that belongs to another one (a copy put there); not used.
    OtherSession {
        found: String,
    },
    /// A journal written before its session file was replaced, holding changes the file does
    /// not; not replayed, and set aside when the session is opened to write.
    StaleJournal,
    /// A journal whose changes would break one of the model's rules; not replayed.
    JournalNotApplied(InvalidKind),
    /// The journal being written is gone or was replaced (its folder removed, a sync engine's
    /// copy put in its place): the next save writes the whole session.
    JournalGone,
    /// A note-taker's journal with changes that are not its writer's to make (another
    /// writer's note, the agenda, the timers); those are left out, its own notes used.
    NotTheirs {
        count: usize,
    },
    /// A copy a sync engine made of `writer`'s journal when two laptops changed it at once
    /// (`… (conflicted copy) ….ron`, `…-PC-NAME.ron`, `….sync-conflict-….ron`): a note-taker's
    /// is `merged` by version; the facilitator's is only named.
    ConflictCopy {
        writer: String,
        merged: bool,
    },
    /// A note-taker's notes on an item or question no longer in the agenda (or of a group
    /// that does not exist): not merged, left in their journal.
    Unplaced {
        count: usize,
    },
    /// The session file a note-taker writes beside is not there (its folder gone with the
    /// network, or moved): its notes wait in memory.
    SessionGone,
    /// A copy of the session `id`'s file under another name (a sync engine's conflict copy):
    /// not used.
    SessionCopy {
        id: String,
    },
}

impl Problem {
    pub fn new(path: &Path, kind: ProblemKind) -> Self {
        Problem {
            path: path.to_path_buf(),
            at: None,
            kind,
        }
    }

    pub fn at(path: &Path, at: Position, kind: ProblemKind) -> Self {
        Problem {
            path: path.to_path_buf(),
            at: Some(at),
            kind,
        }
    }

    pub fn io(path: &Path, err: &io::Error) -> Self {
        Problem::new(
            path,
            ProblemKind::Io {
                kind: err.kind(),
                detail: err.to_string(),
            },
        )
    }

    /// `path:line:col` or just `path`: the prefix every message starts with, in the form
    /// editors and terminals make clickable.
    pub fn location(&self) -> Location<'_> {
        Location(self)
    }
}

/// Display helper for [`Problem::location`].
pub struct Location<'a>(&'a Problem);

impl fmt::Display for Location<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0.at {
            Some(p) => write!(f, "{}:{}:{}", self.0.path.display(), p.line, p.col),
            None => write!(f, "{}", self.0.path.display()),
        }
    }
}
