//! The programs a user can run: the built-in ones compiled into the binary, and their own in
//! `programs/`. A user's program with the id of a built-in one takes its place, so copying the
//! built-in file and editing it is how one adapts it.

use std::path::{Path, PathBuf};

use super::load::parse_program;
use super::paths::{Layout, ron_files};
use super::problem::{Problem, ProblemKind};
use crate::model::Program;

/// One built-in program: its path in the repository (for messages) and its RON text.
pub struct Builtin {
    pub path: &'static str,
    pub source: &'static str,
}

/// The id of the program `samling run` runs when none is named.
pub const BUILTIN_DEFAULT: &str = "traumebevisst";

/// One of the programs in the repository's `sessions/` folder, by its file's stem.
macro_rules! shipped {
    ($id:literal) => {
        Builtin {
            path: concat!("sessions/", $id, ".ron"),
            source: include_str!(concat!("../../sessions/", $id, ".ron")),
        }
    };
}

/// The programs shipped in the repository's `sessions/` folder, the default first.
pub const BUILTIN: &[Builtin] = &[
    shipped!("traumebevisst"),
    shipped!("trygt-skolemiljo"),
    shipped!("laeringsmiljoprosjektet"),
    shipped!("olu-lesing"),
    shipped!("inkluderende-miljo"),
];

/// Where a program came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    Builtin,
    User(PathBuf),
}

/// A program ready to run, and where it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub program: Program,
    pub source: Source,
}

/// The built-in programs. They are checked by the test suite, so a problem here is a bug in
/// this build; it is reported, not panicked on.
pub fn builtin() -> (Vec<Program>, Vec<Problem>) {
    let mut programs = Vec::new();
    let mut problems = Vec::new();
    for b in BUILTIN {
        match parse_program(Path::new(b.path), b.source) {
            Ok(p) => programs.push(p),
            Err(mut found) => problems.append(&mut found),
        }
    }
    (programs, problems)
}

/// All programs, built-in first and then the user's by id, and the problems of any user file
/// that did not load (those files are left untouched).
pub fn programs(layout: &Layout) -> (Vec<Entry>, Vec<Problem>) {
    let (builtin, mut problems) = builtin();
    let mut entries: Vec<Entry> = builtin
        .into_iter()
        .map(|program| Entry {
            program,
            source: Source::Builtin,
        })
        .collect();
    let dir = layout.programs_dir();
    let files = ron_files(&dir).unwrap_or_else(|p| {
        problems.push(p);
        Vec::new()
    });
    for path in files {
        match super::load::load_program(&path) {
            Ok(program) => match entries.iter_mut().find(|e| e.program.id == program.id) {
                Some(Entry {
                    source: Source::User(first),
                    ..
                }) => problems.push(Problem::new(
                    &path,
                    ProblemKind::DuplicateProgram {
                        id: program.id,
                        other: first.clone(),
                    },
                )),
                Some(builtin) => {
                    *builtin = Entry {
                        program,
                        source: Source::User(path),
                    }
                }
                None => entries.push(Entry {
                    program,
                    source: Source::User(path),
                }),
            },
            Err(mut found) => problems.append(&mut found),
        }
    }
    (entries, problems)
}

/// The program with this id, if any.
pub fn find<'a>(entries: &'a [Entry], id: &str) -> Option<&'a Entry> {
    entries.iter().find(|e| e.program.id == id)
}
