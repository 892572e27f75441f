//! # samling
//!
//! A terminal program for leading a gathering ("samling") of a school competence program from
//! a laptop on a projector: the agenda, a countdown the room can read, the reflection question of
//! the moment, the notes note-takers write, and the agreements that carry over to the next
//! gathering. Everything is kept as RON files.
//!
//! Data flows one way:
//!
//! ```text
//! key / tick ─► app::Msg ─► app::update(state, msg) ─► state ─► ui::render(&state, frame)
//! ```
//!
//! - [`model`]: plain data and rules (programs, sessions, notes, agreements, schedules).
//! - [`store`]: the disk: paths, RON reading with `path:line:col` errors, migrations, atomic
//!   saves, settings, the built-in programs.
//! - [`app`]: state and `update`; [`ui`]: drawing; [`tui`]: the terminal loop; [`follow`]: the
//!   projector window, which follows the session file from a second window.
//! - [`service`]: what the command line and the terminal program both do with files (open a
//!   gathering, the held ones, the minutes), written once.
//! - [`commands`]: the non-interactive commands; [`cli`]: the command line.
//! - [`export`]: the minutes (referat) as Markdown and HTML.
//! - [`i18n`]: every user-facing word, in bokmål and English; [`lang`]: which language, a
//!   setting the store reads and `i18n` turns into words.
//! - [`text`]: text from files and people made safe to show, on a terminal and in the minutes;
//!   [`when`]: dates and times of day as people write them.

pub mod app;
pub mod cli;
pub mod commands;
pub mod export;
pub mod follow;
pub mod i18n;
pub mod lang;
pub mod model;
pub mod platform;
pub mod service;
pub mod store;
pub mod text;
pub mod tui;
pub mod ui;
pub mod when;
