//! Plain data and the rules over it: no terminal, no files, no clock of its own.
//!
//! A [`Program`] is what its authors planned; a [`Session`] is one gathering as it was held.
//! Everything here is `serde` data that [`crate::store`] reads and writes as RON.

pub mod agenda;
pub mod chain;
pub mod change;
pub mod drift;
pub mod lead;
pub mod program;
pub mod sample;
pub mod schedule;
pub mod session;
pub mod timer;
pub mod timestamp;
pub mod validate;

pub use program::{
    AgendaItem, BetweenKind, BetweenRule, GatheringPlan, ItemKind, LearningGoal, OptionalModule,
    Program, Prompt, PromptRef, SCHEMA_VERSION, Step, Who,
};
pub use session::{
    AgendaMark, Agreement, AgreementId, Deleted, Draft, Due, FACILITATOR, GroupLabel, ItemTiming,
    Mark, Mirror, Note, NoteId, NoteKind, Origin, Room, Session, SinceLast, Status, StatusChange,
    TimerEvent, Timestamp,
};
