//! Reading program and session files: guard the bytes, parse the RON, migrate old versions,
//! check the model's rules, and report every problem with `path:line:col`.
//!
//! Loading never writes. A caller that gets an error keeps its hands off the file.

use std::fs;
use std::io::Read;
use std::path::Path;

use serde::de::DeserializeOwned;

use super::migrate;
use super::problem::{FileKind, Position, Problem, ProblemKind};
use crate::model::validate::{self, Anchor, Invalid};
use crate::model::{Program, Session};

/// Far above any real file (a session with 10,000 notes is a few MB), low enough that a wrong
/// path to a video or disk image is refused at once instead of read into memory.
pub const MAX_FILE_BYTES: u64 = 32 * 1024 * 1024;

/// Either of samling's documents, for `samling check`, which takes any file.
#[derive(Debug, Clone, PartialEq)]
pub enum Document {
    Program(Box<Program>),
    Session(Box<Session>),
    /// A journal beside a session: its header (its lines all read).
    Journal(Box<super::journal::Header>),
}

/// Reads a file as text, refusing folders, devices and pipes, huge files, empty files and non-UTF-8 bytes.
pub fn read_text(path: &Path) -> Result<String, Problem> {
    let bytes = read_bytes(path)?;
    let mut text =
        String::from_utf8(bytes).map_err(|_| Problem::new(path, ProblemKind::NotText))?;
    // Windows editors (Notepad) may start a UTF-8 file with a byte-order mark.
    if text.starts_with('\u{feff}') {
        text.drain(..'\u{feff}'.len_utf8());
    }
    if text.trim().is_empty() {
        return Err(Problem::new(path, ProblemKind::Empty));
    }
    if text.contains('\0') {
        return Err(Problem::new(path, ProblemKind::NotText));
    }
    Ok(text)
}

/// Reads a file's bytes, refusing folders, devices and pipes, and huge files.
pub fn read_bytes(path: &Path) -> Result<Vec<u8>, Problem> {
    let meta = fs::metadata(path).map_err(|e| Problem::io(path, &e))?;
    if meta.is_dir() {
        return Err(Problem::new(path, ProblemKind::NotAFile));
    }
    if !meta.is_file() {
        return Err(Problem::new(path, ProblemKind::NotRegular));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(Problem::new(
            path,
            ProblemKind::TooLarge {
                bytes: meta.len(),
                limit: MAX_FILE_BYTES,
            },
        ));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    fs::File::open(path)
        .and_then(|f| f.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes))
        .map_err(|e| Problem::io(path, &e))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        // It grew between the size check and the read.
        return Err(Problem::new(
            path,
            ProblemKind::TooLarge {
                bytes: bytes.len() as u64,
                limit: MAX_FILE_BYTES,
            },
        ));
    }
    Ok(bytes)
}

/// Loads and checks a program file.
pub fn load_program(path: &Path) -> Result<Program, Vec<Problem>> {
    let text = read_text(path).map_err(|p| vec![p])?;
    parse_program(path, &text)
}

/// Loads and checks a session file, with its journals replayed (see
/// [`super::journal::load`], which also says what the journals made it skip).
pub fn load_session(path: &Path) -> Result<Session, Vec<Problem>> {
    super::journal::load(path).map(|loaded| loaded.session)
}

/// Loads a file of any kind, telling them apart by the name in front of the top-level
/// struct (`Program(`, `Session(` or, for a journal, `Journal(`).
pub fn load_any(path: &Path) -> Result<Document, Vec<Problem>> {
    let text = read_text(path).map_err(|p| vec![p])?;
    match sniff(&text) {
        FileKind::Program => check_program(path, &text).map(|p| Document::Program(Box::new(p))),
        // A session is checked with its journals: what they skip is a problem to look at.
        FileKind::Session => {
            let session = parse_session(path, &text)?;
            let base = super::journal::fingerprint(&text);
            let loaded = super::journal::replay_journals(path, session, &base);
            no_notices(loaded.notices).map(|()| Document::Session(Box::new(loaded.session)))
        }
        FileKind::Journal => {
            let journal = super::journal::read(path).map_err(|p| vec![p])?;
            no_notices(journal.notices).map(|()| Document::Journal(Box::new(journal.header)))
        }
    }
}

fn no_notices(notices: Vec<Problem>) -> Result<(), Vec<Problem>> {
    if notices.is_empty() {
        Ok(())
    } else {
        Err(notices)
    }
}

/// A program's RON as `samling check` reads it: the rules it must keep to load, and then the
/// advice (a gathering that does not fill its stated time, a module id an item has, a question
/// asked again from a later gathering) that a program may load without, but its writer wants
/// to hear.
pub fn check_program(path: &Path, text: &str) -> Result<Program, Vec<Problem>> {
    let program = parse_program(path, text)?;
    let advice = validate::advice(&program);
    checked(path, text, program, advice)
}

/// Parses program RON that was read from `path` (used for messages only).
pub fn parse_program(path: &Path, text: &str) -> Result<Program, Vec<Problem>> {
    expect_kind(path, text, FileKind::Program)?;
    let program = parse_versioned(path, text, FileKind::Program, migrate::program)?;
    let found = validate::program(&program);
    checked(path, text, program, found)
}

/// Parses session RON that was read from `path` (used for messages only).
pub fn parse_session(path: &Path, text: &str) -> Result<Session, Vec<Problem>> {
    expect_kind(path, text, FileKind::Session)?;
    let session = parse_versioned(path, text, FileKind::Session, migrate::session)?;
    let found = validate::session(&session);
    checked(path, text, session, found)
}

fn checked<T>(path: &Path, text: &str, value: T, found: Vec<Invalid>) -> Result<T, Vec<Problem>> {
    if found.is_empty() {
        return Ok(value);
    }
    let mut problems: Vec<Problem> = found
        .into_iter()
        .map(|inv| Problem {
            path: path.to_path_buf(),
            at: locate(text, &inv.anchor),
            kind: ProblemKind::Invalid(inv.kind),
        })
        .collect();
    // In file order, as a person reads them; the sort is stable, so one place keeps the order
    // the checks found its problems in.
    problems.sort_by_key(|p| p.at.map(|at| (at.line, at.col)));
    Err(problems)
}

fn expect_kind(path: &Path, text: &str, expected: FileKind) -> Result<(), Vec<Problem>> {
    let found = sniff(text);
    if found == expected {
        Ok(())
    } else {
        Err(vec![Problem::at(
            path,
            Position { line: 1, col: 1 },
            ProblemKind::WrongKind { expected, found },
        )])
    }
}

/// Parses the current version directly; anything else goes through a version probe so that an
/// old file is migrated and a newer one is refused with "upgrade samling" instead of a confusing
/// field error.
fn parse_versioned<T: DeserializeOwned + migrate::Versioned>(
    path: &Path,
    text: &str,
    kind: FileKind,
    migrate: fn(u32, &str) -> Result<T, migrate::Refusal>,
) -> Result<T, Vec<Problem>> {
    let version = match ron::from_str::<T>(text) {
        Ok(v) if v.version() == crate::model::SCHEMA_VERSION => return Ok(v),
        Ok(v) => v.version(),
        Err(err) => {
            let probed = migrate::probe_version(text, kind);
            match (probed, written_version(text)) {
                // An old version whose fields differ: the migration reads it.
                (Some(version), _) => version,
                // A newer file is refused as newer even when this samling cannot parse it.
                (None, Some(version)) if version > crate::model::SCHEMA_VERSION => version,
                (None, None) if find_key(text, 0, "version").is_none() => {
                    return Err(vec![Problem::new(path, ProblemKind::NoVersion)]);
                }
                // Broken: the parser's own error, with its place, is the best message.
                _ => return Err(vec![syntax(path, err)]),
            }
        }
    };
    match migrate(version, text) {
        Ok(value) => Ok(value),
        Err(migrate::Refusal::Newer) => Err(vec![Problem::new(
            path,
            ProblemKind::NewerVersion {
                found: version,
                supported: crate::model::SCHEMA_VERSION,
            },
        )]),
        Err(migrate::Refusal::Unknown) => Err(vec![Problem::new(
            path,
            ProblemKind::UnknownVersion { found: version },
        )]),
        Err(migrate::Refusal::Parse(err)) => Err(vec![syntax(path, err)]),
    }
}

/// The number after the first `version:` in the text, read without parsing the document, for
/// telling a newer file from a broken one.
fn written_version(text: &str) -> Option<u32> {
    let at = find_key(text, 0, "version")?;
    let rest = text[at + "version".len()..]
        .trim_start()
        .strip_prefix(':')?
        .trim_start();
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok()
}

fn syntax(path: &Path, err: ron::error::SpannedError) -> Problem {
    let start = err.span.start;
    Problem::at(
        path,
        Position {
            line: start.line.max(1),
            col: start.col.max(1),
        },
        ProblemKind::Syntax(err.code.to_string()),
    )
}

/// Tells a program from a session by the struct name in front of the document; a document
/// without one is taken for a program if it has `gatherings`, else for a session.
pub fn sniff(text: &str) -> FileKind {
    let rest = skip_trivia(text);
    let name: String = rest
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
        .collect();
    match name.as_str() {
        "Program" => FileKind::Program,
        "Session" => FileKind::Session,
        "Journal" => FileKind::Journal,
        _ if find_key(text, 0, "gatherings").is_some() => FileKind::Program,
        _ => FileKind::Session,
    }
}

/// Skips white space, comments and `#![enable(...)]` attributes at the start of a document.
fn skip_trivia(mut s: &str) -> &str {
    loop {
        s = s.trim_start();
        if let Some(r) = s.strip_prefix("//") {
            s = r.find('\n').map_or("", |i| &r[i..]);
        } else if let Some(r) = s.strip_prefix("/*") {
            s = r.find("*/").map_or("", |i| &r[i + 2..]);
        } else if let Some(r) = s.strip_prefix("#![") {
            s = r.find(']').map_or("", |i| &r[i + 1..]);
        } else {
            return s;
        }
    }
}

/// Finds an anchor's `key: value` texts one after the other; the place of the last one found is
/// where the problem is. Best effort: a hand-written file may spell things differently, and then
/// the message points at the nearest place found.
pub fn locate(text: &str, anchor: &Anchor) -> Option<Position> {
    let mut from = 0;
    let mut found = None;
    'steps: for step in &anchor.0 {
        for _ in 0..=step.skip {
            let hit = if step.value.is_empty() {
                find_key(text, from, step.key)
            } else {
                find_key_value(text, from, step.key, &step.value)
            };
            match hit {
                Some(at) => {
                    found = Some(at);
                    from = at + step.key.len();
                }
                None => break 'steps,
            }
        }
    }
    found.map(|at| position_of(text, at))
}

/// Byte offset of the next `key` followed by `:` at or after `from`, as a whole word.
fn find_key(text: &str, from: usize, key: &str) -> Option<usize> {
    let mut at = from;
    while let Some(i) = text.get(at..)?.find(key) {
        let start = at + i;
        let end = start + key.len();
        let word_start = text[..start]
            .chars()
            .next_back()
            .is_none_or(|c| !(c.is_alphanumeric() || c == '_'));
        if word_start && text[end..].trim_start().starts_with(':') {
            return Some(start);
        }
        at = end;
    }
    None
}

/// Byte offset of the next `key: value` at or after `from`.
fn find_key_value(text: &str, from: usize, key: &str, value: &str) -> Option<usize> {
    let mut at = from;
    while let Some(start) = find_key(text, at, key) {
        let after = text[start + key.len()..].trim_start();
        let after = after.strip_prefix(':').unwrap_or(after).trim_start();
        // The value must end where the text's value ends: `id: 1` is not `id: 12`.
        let ends_there = after.strip_prefix(value).is_some_and(|rest| {
            !rest
                .chars()
                .next()
                .is_some_and(|c| c.is_alphanumeric() || c == '_')
        });
        if ends_there {
            return Some(start);
        }
        at = start + key.len();
    }
    None
}

fn position_of(text: &str, offset: usize) -> Position {
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    Position {
        line,
        col: before[line_start..].chars().count() + 1,
    }
}
