//! End-to-end tests: the real `samling` binary, in a pseudo-terminal or on the command line.
//! One test binary for all of them, so a change links one executable rather than one per file.

#[path = "../support/mod.rs"]
mod support;

mod home;
mod hostile;
mod notes;
mod projector;
mod run;
mod schedule;
