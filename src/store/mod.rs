//! Everything that touches the disk: where files live, reading RON with `path:line:col`
//! messages, migrating old versions, saving atomically with a backup, and the settings.
//!
//! The rest of the program gets plain [`crate::model`] values from here and hands them back to
//! be saved; nothing else opens a file.

pub mod catalog;
pub mod config;
pub mod fsx;
pub mod journal;
pub mod load;
pub mod lock;
pub mod migrate;
pub mod paths;
pub mod problem;
pub mod save;
pub mod saver;
pub mod sessions;
pub mod taking;

pub use load::{Document, load_any, load_program, load_session};
pub use paths::Layout;
pub use problem::{FileKind, Position, Problem, ProblemKind};
pub use save::{save_program, save_session};
