//! The library's integration tests: files, screens, the chain of gatherings, the minutes and the
//! command-line listings. One test binary for all of them, so a change links one executable.

#[path = "../support/mod.rs"]
mod support;

mod agreements;
mod bad_files;
mod chain;
mod export;
mod files;
mod journal;
mod migrate;
mod plan;
mod programs;
mod screens;
mod shape;
mod sync;
mod usage;
