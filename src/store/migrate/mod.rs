//! Schema versions, and the way from any version samling ever wrote to the current one.
//!
//! Every file starts with `version: N`. Version 1 was the first format; version 2 gave prompts,
//! notes and agreements stable ids ([`v1`] says how they are derived); version 3 added the
//! changes to the agenda on the day and before it: a session's skipped and inserted items and
//! its "must end by" time, an agenda item's `min_minutes` and `locked`; and what the room sees
//! (a session's `room`). Version 4 (the current one) added several writers: a note's `by` (the
//! note-taker who wrote it) and a session's `marks` (the facilitator's marks on their notes).
//! All of them have defaults, so a version 2 or 3 file is read as version 4 (`to_current`).
//!
//! **What a newer file means to an older samling.** Any change to the format raises the
//! version, even a field added with a default: an older samling that read such a file and
//! dropped the field it did not know would, on its next save, lose what was typed into it. So
//! an older samling refuses a newer file, says to update samling, and never writes to it;
//! within one version a field it does not know is an error at its `line:col`.
//!
//! When a field changes, the rule is:
//!
//! 1. raise [`crate::model::SCHEMA_VERSION`];
//! 2. freeze the old shape here as a module (`v1`): copies of the structs that changed, as
//!    they were (a struct named `Program` or `Session`, since RON checks the name);
//! 3. add an arm to [`program`] / [`session`] that parses the old shape and converts it with a
//!    plain function, one version at a time (an added field with a default needs no frozen
//!    shape: the step is parsing the old text as the next version);
//! 4. keep the old fixtures in `tests/fixtures/v<N>/`: their tests must go on passing forever.
//!
//! Typed old shapes (rather than editing a loose value tree) keep every migration checked by the
//! compiler and keep RON's `line:col` in errors from old files.

use serde::Deserialize;

pub mod v1;

use super::problem::FileKind;
use crate::model::{Program, SCHEMA_VERSION, Session};

/// Why a file's version cannot be brought to the current one.
#[derive(Debug)]
pub enum Refusal {
    /// Written by a newer samling.
    Newer,
    /// No samling ever wrote this version (0, say).
    Unknown,
    /// The version is known but the text does not parse as that version.
    Parse(ron::error::SpannedError),
}

/// Reads only `version` from a document, ignoring everything else, so an old or newer file can be
/// routed before its fields are understood. `None` when even that fails.
pub fn probe_version(text: &str, kind: FileKind) -> Option<u32> {
    // RON checks the struct name when one is written, so each kind needs its own probe. Serde
    // skips the fields a probe does not name.
    #[derive(Deserialize)]
    #[serde(rename = "Program")]
    struct ProgramProbe {
        version: u32,
    }
    #[derive(Deserialize)]
    #[serde(rename = "Session")]
    struct SessionProbe {
        version: u32,
    }
    match kind {
        FileKind::Program => ron::from_str::<ProgramProbe>(text).ok().map(|p| p.version),
        FileKind::Session => ron::from_str::<SessionProbe>(text).ok().map(|p| p.version),
        FileKind::Journal => None,
    }
}

/// Parses a program written as `version` and brings it to the current version.
pub fn program(version: u32, text: &str) -> Result<Program, Refusal> {
    match version {
        1 => ron::from_str::<v1::Program>(text)
            .map(|p| to_current(v1::program(p)))
            .map_err(Refusal::Parse),
        2 | 3 => ron::from_str(text).map(to_current).map_err(Refusal::Parse),
        SCHEMA_VERSION => ron::from_str(text).map_err(Refusal::Parse),
        v if v > SCHEMA_VERSION => Err(Refusal::Newer),
        _ => Err(Refusal::Unknown),
    }
}

/// Parses a session written as `version` and brings it to the current version.
pub fn session(version: u32, text: &str) -> Result<Session, Refusal> {
    match version {
        1 => ron::from_str::<v1::Session>(text)
            .map(|s| to_current(v1::session(s)))
            .map_err(Refusal::Parse),
        2 | 3 => ron::from_str(text).map(to_current).map_err(Refusal::Parse),
        SCHEMA_VERSION => ron::from_str(text).map_err(Refusal::Parse),
        v if v > SCHEMA_VERSION => Err(Refusal::Newer),
        _ => Err(Refusal::Unknown),
    }
}

/// Both documents carry a schema version, which a migration step moves on.
pub trait Versioned {
    fn version(&self) -> u32;
    fn set_version(&mut self, version: u32);
}

impl Versioned for Program {
    fn version(&self) -> u32 {
        self.version
    }
    fn set_version(&mut self, version: u32) {
        self.version = version;
    }
}

impl Versioned for Session {
    fn version(&self) -> u32 {
        self.version
    }
    fn set_version(&mut self, version: u32) {
        self.version = version;
    }
}

/// Version 2 or 3 to 4: every field versions 3 and 4 added has a default (nothing skipped or
/// inserted, no "must end by", each item's minimum and lock by its kind; no writer's name, no
/// marks), so the step is the number.
fn to_current<T: Versioned>(mut file: T) -> T {
    file.set_version(SCHEMA_VERSION);
    file
}
