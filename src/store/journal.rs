//! Each writer's journal of changes beside a session, and loading a session as its last whole
//! copy plus the journals after it.
//!
//! A session `01-2026-11-23.ron` has a folder `01-2026-11-23.d/` beside it with one journal
//! per writer, `<writer>.ron` (`f.ron` for the facilitator's samling). A journal is RON, one
//! record a line: a header first (`Journal((version: 4, writer: "f", session: "…", base: …))`),
//! then one [`Change`] a line, appended and fsynced as each save happens. Committing a note is
//! then one short line, whatever the size of the session; the whole session is written again
//! ("compacted") only now and then (see [`Writer`]).
//!
//! The facilitator's journal names in `base` the compacted file it follows (a fingerprint of
//! its bytes). A journal whose base is not the file there now was written before the file was
//! compacted, so the file holds it already (a crash between the two steps of a compaction, or a
//! sync engine that brought the new file first); it is not replayed. Should it hold something
//! the file does not (the file was replaced by hand), it is set aside (see [`set_aside`]) and
//! named, never dropped; so is the facilitator's own journal when any of it could not be used.
//!
//! Reading is forgiving, as a crash or a sync engine leaves files: a last line without its line
//! break was cut off by a crash and is skipped with a notice; a line that does not read is
//! skipped with `path:line:col` and every good line before and after it is kept; a journal of a
//! newer samling or of another session is named and left alone. Loading never writes.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

use super::load::{parse_session, read_bytes, read_text};
use super::problem::{Position, Problem, ProblemKind};
use super::save::{Backup, create_private_dir, save_session_printed, write_atomic_no_backup};
use crate::model::change::{self, Change, Replay};
use crate::model::{SCHEMA_VERSION, Session, validate};

/// The writer tag of the facilitator's samling, whose journal is the one compacted.
pub use crate::model::FACILITATOR;

/// How long a writer appends before it writes the whole session again: a load replays at most
/// this much, and a lost journal (a sync engine's bad day) loses at most this much.
pub const COMPACT_EVERY: Duration = Duration::from_secs(5 * 60);

/// A journal this large is compacted at the next save whatever the time (a long paste typed
/// into a draft saved every second grows it fast).
pub const COMPACT_ABOVE: u64 = 4 * 1024 * 1024;

/// The first line of every journal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Header {
    /// The schema version of the changes below; a newer one is left alone.
    pub version: u32,
    pub writer: String,
    /// Id of the session the changes belong to.
    pub session: String,
    /// The fingerprint of the compacted session file these changes follow, for the journal of
    /// the writer that compacts; `None` for a journal replayed over any copy.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base: Option<String>,
}

/// The header line as written: `Journal((…))`, so a journal says what it is.
#[derive(Debug, Serialize, Deserialize)]
pub(super) enum First {
    Journal(Header),
}

/// The folder of a session's journals: `<stem>.d` beside it.
pub fn folder(session_file: &Path) -> PathBuf {
    let stem = session_file.file_stem().unwrap_or_default();
    let mut name = stem.to_os_string();
    name.push(".d");
    session_file.with_file_name(name)
}

/// The journal of `writer` for the session at `session_file`.
pub fn path(session_file: &Path, writer: &str) -> PathBuf {
    folder(session_file).join(format!("{writer}.ron"))
}

/// The journals beside a session, sorted by name: its folder's `.ron` files (a temporary of an
/// interrupted write ends in `.tmp`, a journal set aside in `.aside-N`: neither is among them).
/// None when the folder cannot be read.
pub fn journals(session_file: &Path) -> Vec<PathBuf> {
    // Every `.ron` here is a journal, whatever dots its name has (sync engines' copies:
    // Syncthing's `f.sync-conflict-….ron`, Dropbox's `… (Kari N.'s conflicted copy).ron`; no
    // temporary in this folder ends in `.ron`), but for hidden files (macOS's `._kari.ron`
    // beside each file on a share or a USB stick, an editor's `.#kari.ron`).
    let entries = fs::read_dir(folder(session_file))
        .into_iter()
        .flatten()
        .flatten();
    let mut found: Vec<PathBuf> = entries
        .map(|e| e.path())
        .filter(|p| {
            let name = p.file_name().unwrap_or_default().to_string_lossy();
            name.ends_with(".ron") && !name.starts_with('.') && p.is_file()
        })
        .collect();
    found.sort();
    found
}

/// Whether `journal` is a copy a sync engine made rather than its writer's own file: its name
/// is not the writer's.
fn is_copy(journal: &Path, header: &Header) -> bool {
    journal.file_stem() != Some(std::ffi::OsStr::new(&header.writer))
}

/// What shows that a session changed without reading it: the time and size of its file and
/// of each of its journals.
pub type Stamp = Vec<(PathBuf, Option<std::time::SystemTime>, u64)>;

/// The [`Stamp`] of the session at `session_file` now; `None` when the file is not there.
pub fn stamp(session_file: &Path) -> Option<Stamp> {
    let look = |p: PathBuf| {
        fs::metadata(&p)
            .ok()
            .map(|m| (p, m.modified().ok(), m.len()))
    };
    let mut stamp = vec![look(session_file.to_path_buf())?];
    stamp.extend(journals(session_file).into_iter().filter_map(look));
    Some(stamp)
}

/// A fingerprint of a compacted file's bytes, in hex, with their length: each eight bytes
/// mixed into the hash by MurmurHash3's finaliser, whose every input bit reaches every output
/// bit (a session of 10,000 notes is a few MB, and hashing a byte at a time took milliseconds
/// of each load). Defined here rather than taken from the standard library, whose hashes may
/// change between versions: a journal written by one samling is read by another.
pub fn fingerprint(text: &str) -> String {
    fn mix(mut h: u64) -> u64 {
        h ^= h >> 33;
        h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^= h >> 33;
        h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
        h ^ (h >> 33)
    }
    let bytes = text.as_bytes();
    let mut words = bytes.chunks_exact(8);
    let mut hash = mix(bytes.len() as u64 ^ 0x9e37_79b9_7f4a_7c15);
    for word in &mut words {
        let word = u64::from_le_bytes(word.try_into().unwrap_or_default());
        hash = mix(hash ^ word).wrapping_add(0x9e37_79b9_7f4a_7c15);
    }
    let mut tail = [0u8; 8];
    tail[..words.remainder().len()].copy_from_slice(words.remainder());
    hash = mix(hash ^ u64::from_le_bytes(tail));
    format!("{hash:016x}-{}", bytes.len())
}

/// One journal as read: its header, the changes of every line that read, and what was
/// skipped.
#[derive(Debug, Clone, PartialEq)]
pub struct Journal {
    pub header: Header,
    pub changes: Vec<Change>,
    pub notices: Vec<Problem>,
}

/// Reads a journal. `Err` when it cannot be used at all: unreadable, no header, or written by
/// a newer samling.
///
/// Read a line at a time, each line decoded by itself: a crash may cut a journal in the middle
/// of a letter (`æ` is two bytes) or leave zeros at its end, and that must cost no more than
/// that line.
pub fn read(path: &Path) -> Result<Journal, Problem> {
    let bytes = read_bytes(path)?;
    let mut lines = bytes.split_inclusive(|&b| b == b'\n').enumerate();
    let (_, first) = lines.next().unwrap_or((0, b""));
    let first = std::str::from_utf8(first).map_err(|_| Problem::new(path, ProblemKind::NotText))?;
    let header = match ron::from_str::<First>(first.trim_end()) {
        Ok(First::Journal(header)) => header,
        Err(err) => return Err(line_problem(path, 1, &err)),
    };
    if header.version > SCHEMA_VERSION {
        return Err(Problem::new(
            path,
            ProblemKind::NewerVersion {
                found: header.version,
                supported: SCHEMA_VERSION,
            },
        ));
    }
    let mut changes = Vec::new();
    let mut notices = Vec::new();
    for (i, line) in lines {
        let number = i + 1;
        let at = Position {
            line: number,
            col: 1,
        };
        let Some(line) = line.strip_suffix(b"\n") else {
            // Cut off by a crash in the middle of an append.
            notices.push(Problem::at(path, at, ProblemKind::TornLine));
            continue;
        };
        let Ok(line) = std::str::from_utf8(line).map(|l| l.trim_end_matches('\r')) else {
            notices.push(Problem::at(path, at, ProblemKind::BadLine("UTF-8".into())));
            continue;
        };
        if line.trim().is_empty() {
            continue;
        }
        match ron::from_str::<Change>(line) {
            Ok(change) => changes.push(change),
            Err(err) => notices.push(line_problem(path, number, &err)),
        }
    }
    Ok(Journal {
        header,
        changes,
        notices,
    })
}

fn line_problem(path: &Path, line: usize, err: &ron::error::SpannedError) -> Problem {
    let at = Position {
        line,
        col: err.span.start.col.max(1),
    };
    Problem::at(path, at, ProblemKind::BadLine(err.code.to_string()))
}

/// A session as loaded: the compacted file with every journal replayed, and what the journals
/// made samling skip or set aside.
#[derive(Debug, Clone, PartialEq)]
pub struct Loaded {
    pub session: Session,
    pub notices: Vec<Problem>,
    /// Journals with changes that could not be used: written before the file was replaced,
    /// holding what the file does not; or the compacting writer's own, with lines that do not
    /// read or changes that break the rules (the next whole write would start it afresh). The
    /// one who opens the session to write moves them aside ([`set_aside`]).
    pub set_aside: Vec<PathBuf>,
    /// How many changes the journal of the writer that compacts held (and the file not).
    pub replayed: usize,
}

/// Loads the session at `path` and replays its journals over it. The journals are read while
/// the file is parsed, on a thread of their own: both take tens of milliseconds with 10,000
/// notes.
pub fn load(path: &Path) -> Result<Loaded, Vec<Problem>> {
    load_as(path, None)
}

/// [`load`] in the samling of the note-taker `own`: its own notes as it wrote them (see
/// [`Replay::as_writer`]).
pub fn load_as(path: &Path, own: Option<&str>) -> Result<Loaded, Vec<Problem>> {
    let (parsed, journals) = std::thread::scope(|scope| {
        let reading = scope.spawn(|| read_all(path));
        let parsed = read_text(path)
            .map_err(|p| vec![p])
            .and_then(|text| Ok((parse_session(path, &text)?, fingerprint(&text))));
        (parsed, reading.join())
    });
    let (session, base) = parsed?;
    let journals = journals.unwrap_or_else(|_| read_all(path));
    Ok(replay_read(session, &base, journals, own))
}

/// Every journal beside the session at `path`, read (or why not).
fn read_all(path: &Path) -> Vec<(PathBuf, Result<Journal, Problem>)> {
    journals(path)
        .into_iter()
        .map(|j| {
            let read = read(&j);
            (j, read)
        })
        .collect()
}

/// Replays every journal of the session at `path` over `session` (read from a file with the
/// fingerprint `base`).
pub fn replay_journals(path: &Path, session: Session, base: &str) -> Loaded {
    replay_read(session, base, read_all(path), None)
}

fn replay_read(
    session: Session,
    base: &str,
    journals: Vec<(PathBuf, Result<Journal, Problem>)>,
    own: Option<&str>,
) -> Loaded {
    let mut notices = Vec::new();
    let mut aside = Vec::new();
    let mut usable: Vec<Usable> = Vec::new();
    for (journal, read) in journals {
        // The journal the next whole write starts afresh: whatever in it could not be used
        // (all of it, or a line) must be kept aside first. A torn last line was never saved.
        let own = journal.file_name() == Some(std::ffi::OsStr::new(&format!("{FACILITATOR}.ron")));
        let read = match read {
            Ok(read) => read,
            Err(problem) => {
                notices.push(problem);
                if own {
                    aside.push(journal);
                }
                continue;
            }
        };
        if own && read.notices.iter().any(|p| p.kind != ProblemKind::TornLine) {
            aside.push(journal.clone());
        }
        notices.extend(read.notices);
        if read.header.session != session.id {
            let found = read.header.session;
            notices.push(Problem::new(&journal, ProblemKind::OtherSession { found }));
            continue;
        }
        if is_copy(&journal, &read.header) {
            // Two laptops changed one journal at once and the sync engine kept both. A
            // note-taker's copy holds that writer's notes, merged by version like the original.
            // A copy of the facilitator's journal is a history in order that cannot be merged
            // with the one in use (an undo in it is no newer version): named, not used.
            let writer = read.header.writer;
            let merged = read.header.base.is_none();
            let kind = ProblemKind::ConflictCopy {
                writer: writer.clone(),
                merged,
            };
            notices.push(Problem::new(&journal, kind));
            if merged {
                usable.push((journal, read.changes, Some(writer)));
            }
            continue;
        }
        if read.header.base.as_deref().is_some_and(|b| b != base) {
            // Written before this file: the file holds it, unless it was replaced otherwise.
            if !holds(&session, &read.changes) {
                notices.push(Problem::new(&journal, ProblemKind::StaleJournal));
                if !aside.contains(&journal) {
                    aside.push(journal);
                }
            }
            continue;
        }
        let writer = read.header.base.is_none().then_some(read.header.writer);
        usable.push((journal, read.changes, writer));
    }
    // The compacting writer's changes first, in order; then the note-takers', merged by version
    // (see [`Replay::merge`]), so that no order of the files changes the result.
    usable.sort_by_key(|(_, _, writer)| writer.is_some());
    let checked = replay_checked(session, usable, own, &mut notices, &mut aside);
    let (session, replayed) = checked;
    Loaded {
        session,
        notices,
        set_aside: aside,
        replayed,
    }
}

/// Whether `session` already is what replaying `changes` over it gives.
fn holds(session: &Session, changes: &[Change]) -> bool {
    let mut replay = Replay::new(session.clone());
    for change in changes {
        replay.apply(change.clone());
    }
    replay.finish() == *session
}

/// Replays the journals in order; should the result break the model's rules, replays them
/// again one at a time and leaves out (and names) each that breaks them.
/// The session, and how many changes of the compacting writer's journal it took.
fn replay_checked(
    session: Session,
    journals: Vec<Usable>,
    taker: Option<&str>,
    notices: &mut Vec<Problem>,
    set_aside: &mut Vec<PathBuf>,
) -> (Session, usize) {
    let own = |journals: &[&Usable]| {
        journals
            .iter()
            .filter(|(_, _, writer)| writer.is_none())
            .map(|(_, changes, _)| changes.len())
            .sum()
    };
    if journals.iter().all(|(_, changes, _)| changes.is_empty()) {
        return (session, 0);
    }
    let mut found = Vec::new();
    let all = replay(session.clone(), journals.iter(), taker, &mut found);
    // A note-taker's samling keeps its own notes wherever they are (an item removed since is
    // no reason to drop them); it never writes the session, so its copy need not be one the
    // rules accept.
    if taker.is_some() || validate::session(&all).is_empty() {
        notices.extend(found);
        return (all, own(&journals.iter().collect::<Vec<_>>()));
    }
    let mut good = session;
    let mut applied = Vec::new();
    for entry in &journals {
        let journal = &entry.0;
        let next = replay(good.clone(), [entry], taker, notices);
        match validate::session(&next).into_iter().next() {
            None => {
                good = next;
                applied.push(entry);
            }
            Some(invalid) => {
                // Only the compacting writer's: a note-taker's journal is its samling's, which
                // may be writing it now.
                if entry.2.is_none() && !set_aside.contains(journal) {
                    set_aside.push(journal.clone());
                }
                notices.push(Problem::new(
                    journal,
                    ProblemKind::JournalNotApplied(invalid.kind),
                ));
            }
        }
    }
    let replayed = own(&applied);
    (good, replayed)
}

/// A journal to replay: its path, its changes, and the writer to merge them as (`None` for the
/// compacting writer's, replayed in order).
type Usable = (PathBuf, Vec<Change>, Option<String>);

/// Replays `journals` over `session`; a note-taker's changes that are not theirs to make are
/// left out and counted in `notices`.
fn replay<'a>(
    session: Session,
    journals: impl IntoIterator<Item = &'a Usable>,
    own: Option<&str>,
    notices: &mut Vec<Problem>,
) -> Session {
    let mut replay = Replay::new(session).as_writer(own);
    for (journal, changes, writer) in journals {
        let Some(writer) = writer else {
            changes.iter().for_each(|c| replay.apply(c.clone()));
            continue;
        };
        let (mut theirs, mut unplaced) = (0, 0);
        for change in changes {
            match replay.merge(writer, change.clone()) {
                change::Merged::NotTheirs => theirs += 1,
                change::Merged::Unplaced => unplaced += 1,
                change::Merged::Applied | change::Merged::Older => {}
            }
        }
        if theirs > 0 {
            let kind = ProblemKind::NotTheirs { count: theirs };
            notices.push(Problem::new(journal, kind));
        }
        if unplaced > 0 {
            let kind = ProblemKind::Unplaced { count: unplaced };
            notices.push(Problem::new(journal, kind));
        }
    }
    replay.finish()
}

/// Moves each journal out of the way as `<name>.aside-<n>` (no longer `.ron`, so never
/// replayed, and never overwritten by the next whole write); the names it got.
pub fn set_aside(journals: &[PathBuf]) -> Vec<PathBuf> {
    let mut moved = Vec::new();
    for journal in journals {
        let name = journal.file_name().unwrap_or_default().to_string_lossy();
        let free = (1..1000)
            .map(|n| journal.with_file_name(format!("{name}.aside-{n}")))
            .find(|p| !p.exists());
        if let Some(to) = free
            && fs::rename(journal, &to).is_ok()
        {
            moved.push(to);
        }
    }
    moved
}

/// One writer's saving of one session: appends each save's changes to its journal, and now
/// and then writes the whole session and starts the journal afresh.
///
/// The whole session is written at the first save, when asked ([`Writer::save`] with
/// `compact`: quitting), when the gathering has just been closed, every [`COMPACT_EVERY`], when
/// the journal has grown past [`COMPACT_ABOVE`], and after an append failed (the journal may
/// end in half a line, and the next whole copy makes it moot).
pub struct Writer {
    file: PathBuf,
    writer: String,
    /// The session as the files hold it now; `None` until the first whole save.
    on_disk: Option<Session>,
    /// The journal, open for appending; `None` when the next save must be whole.
    out: Option<fs::File>,
    compacted: Instant,
    file_bytes: u64,
    journal_bytes: u64,
    /// Whether the file's version before the first whole save was kept as `.bak`.
    backed_up: bool,
    /// The size of the journal's header: beyond it, the journal holds changes.
    header_bytes: u64,
}

impl Writer {
    pub fn new(file: PathBuf, writer: &str) -> Self {
        Writer {
            file,
            writer: writer.to_string(),
            on_disk: None,
            out: None,
            compacted: Instant::now(),
            file_bytes: 0,
            journal_bytes: 0,
            backed_up: false,
            header_bytes: 0,
        }
    }

    /// Writes the session whole if its journal holds changes (what the files hold, as last
    /// saved): for quitting and leaving the gathering, so the file is complete by itself
    /// afterwards. Also done when the writer is dropped.
    pub fn settle(&mut self) -> Result<u64, Problem> {
        match self.on_disk.take() {
            Some(session) if self.out.is_none() || self.journal_bytes > self.header_bytes => {
                let written = self.compact(&session);
                self.on_disk = Some(session);
                written
            }
            on_disk => {
                self.on_disk = on_disk;
                Ok(self.bytes())
            }
        }
    }

    /// Saves `session`: appends what changed since the last save, or writes it whole (see the
    /// type's docs). The bytes on disk the session takes now, file and journal.
    pub fn save(&mut self, session: &Session, compact: bool) -> Result<u64, Problem> {
        let changes = match (&self.on_disk, &self.out) {
            (Some(before), Some(_)) if !compact && !self.due(before, session) => {
                change::diff(before, session)
            }
            _ => None,
        };
        match changes {
            Some(changes) => self.append(session, &changes),
            None => self.compact(session),
        }
    }

    /// Whether the whole session is due to be written.
    fn due(&self, before: &Session, session: &Session) -> bool {
        (session.ended.is_some() && before.ended.is_none())
            || self.compacted.elapsed() >= COMPACT_EVERY
            || self.journal_bytes >= COMPACT_ABOVE
    }

    fn append(&mut self, session: &Session, changes: &[Change]) -> Result<u64, Problem> {
        if changes.is_empty() {
            return Ok(self.bytes());
        }
        let mut text = String::new();
        for change in changes {
            text.push_str(&line(change).map_err(|e| self.journal_problem(&e))?);
        }
        let journal = path(&self.file, &self.writer);
        // The journal must still be the one this writer has open: a folder removed or a file
        // replaced under it (by a person, or a sync engine) would take the appends with it,
        // unseen.
        let ours = fs::metadata(&journal).map(|m| m.len()).ok() == Some(self.journal_bytes);
        let written = match self.out.as_mut() {
            Some(out) if ours => out
                .write_all(text.as_bytes())
                .and_then(|()| out.sync_data())
                .map_err(|e| Problem::io(&journal, &e)),
            _ => Err(Problem::new(&journal, ProblemKind::JournalGone)),
        };
        if let Err(problem) = written {
            // It may end in half a line now: the next save writes everything whole.
            self.out = None;
            return Err(problem);
        }
        self.journal_bytes += text.len() as u64;
        self.on_disk = Some(session.clone());
        Ok(self.bytes())
    }

    /// Writes the whole session, then starts its journal afresh after it.
    fn compact(&mut self, session: &Session) -> Result<u64, Problem> {
        // The last changes go to the journal first: should samling stop between the whole
        // write and the fresh journal, the old journal ends where the file does, and replayed
        // over it changes nothing (else it would look older than the file and be set aside).
        if let Some(changes) = self.on_disk.as_ref().and_then(|b| change::diff(b, session))
            && self.out.is_some()
        {
            let _ = self.append(session, &changes);
        }
        self.out = None;
        let backup = if self.backed_up {
            Backup::Skip
        } else {
            Backup::Keep
        };
        let (bytes, print) = save_session_printed(&self.file, session, backup)?;
        self.backed_up = true;
        self.file_bytes = bytes;
        self.compacted = Instant::now();
        self.on_disk = Some(session.clone());
        // The file holds everything now; a journal that cannot be started only means the
        // next save is whole again.
        let header = Header {
            version: SCHEMA_VERSION,
            writer: self.writer.clone(),
            session: session.id.clone(),
            base: Some(print),
        };
        if let Ok((out, size)) = start(&self.file, &header) {
            self.out = Some(out);
            self.journal_bytes = size;
            self.header_bytes = size;
        }
        Ok(self.bytes())
    }

    /// What the session takes on disk, file and journal, as an upper bound of its next
    /// whole write: a journal's line of a note is about half the note's size in the whole file
    /// (one line, no indents), so the journal counts twice.
    fn bytes(&self) -> u64 {
        self.file_bytes + 2 * self.journal_bytes.saturating_sub(self.header_bytes)
    }

    fn journal_problem(&self, e: &io::Error) -> Problem {
        Problem::io(&path(&self.file, &self.writer), e)
    }
}

impl Drop for Writer {
    fn drop(&mut self) {
        let _ = self.settle();
    }
}

/// One record as a line of a journal.
pub(super) fn line<T: Serialize>(value: &T) -> io::Result<String> {
    let mut text = ron::to_string(value).map_err(io::Error::other)?;
    text.push('\n');
    Ok(text)
}

/// Writes a journal holding only `header` (atomically: a reader sees the old journal or the
/// new one) and opens it for appending.
fn start(session_file: &Path, header: &Header) -> Result<(fs::File, u64), Problem> {
    let dir = folder(session_file);
    create_private_dir(&dir).map_err(|e| Problem::io(&dir, &e))?;
    let journal = path(session_file, &header.writer);
    let first = line(&First::Journal(header.clone())).map_err(|e| Problem::io(&journal, &e))?;
    write_atomic_no_backup(&journal, first.as_bytes()).map_err(|e| Problem::io(&journal, &e))?;
    let mut options = fs::OpenOptions::new();
    options.append(true);
    let out = super::fsx::open_own(&journal, options)?;
    Ok((out, first.len() as u64))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Note;
    use crate::model::sample::big_session;

    fn saved(dir: &Path) -> (PathBuf, Session, Writer) {
        let file = dir.join("01-2026-11-23.ron");
        let mut session = big_session(20, 3);
        session.id = "01-2026-11-23".into();
        let mut writer = Writer::new(file.clone(), FACILITATOR);
        writer.save(&session, false).unwrap();
        (file, session, writer)
    }

    fn add_note(session: &mut Session, text: &str) {
        let mut note = Note::clone(&session.notes[0]);
        note.id = session.next_note_id(FACILITATOR);
        note.text = text.into();
        note.created = note.created + chrono::Duration::hours(2);
        note.edited = note.created;
        session.push_note(note);
    }

    #[test]
    fn a_note_is_one_appended_line_and_loads_back() {
        let dir = tempfile::tempdir().unwrap();
        let (file, mut session, mut writer) = saved(dir.path());
        let whole = fs::read_to_string(&file).unwrap();
        add_note(&mut session, "En ny tanke, med \"sitat\"\nog linjeskift");
        writer.save(&session, false).unwrap();
        assert_eq!(fs::read_to_string(&file).unwrap(), whole, "file untouched");
        let journal = fs::read_to_string(path(&file, FACILITATOR)).unwrap();
        assert_eq!(journal.lines().count(), 2, "{journal}");
        assert!(journal.starts_with("Journal("));
        let loaded = load(&file).unwrap();
        assert!(loaded.notices.is_empty(), "{:?} {journal}", loaded.notices);
        assert!(loaded.session == session);
    }

    #[test]
    fn compaction_writes_the_whole_and_empties_the_journal() {
        let dir = tempfile::tempdir().unwrap();
        let (file, mut session, mut writer) = saved(dir.path());
        add_note(&mut session, "før");
        writer.save(&session, false).unwrap();
        add_note(&mut session, "ved slutten");
        writer.save(&session, true).unwrap();
        let journal = fs::read_to_string(path(&file, FACILITATOR)).unwrap();
        assert_eq!(journal.lines().count(), 1, "only the header: {journal}");
        let text = fs::read_to_string(&file).unwrap();
        assert_eq!(parse_session(&file, &text).unwrap(), session);
        assert_eq!(load(&file).unwrap().session, session);
    }

    #[test]
    fn a_torn_last_line_and_a_garbage_line_are_skipped_with_their_place() {
        let dir = tempfile::tempdir().unwrap();
        let (file, mut session, mut writer) = saved(dir.path());
        add_note(&mut session, "første");
        writer.save(&session, false).unwrap();
        let journal = path(&file, FACILITATOR);
        let mut text = fs::read_to_string(&journal).unwrap();
        text.push_str("Place(\"halv\n");
        add_note(&mut session, "andre");
        // The second note's line, as a save would append it, then half a line from a crash.
        let last = Note::clone(session.notes.last().unwrap());
        text.push_str(&line(&Change::Note(last)).unwrap());
        text.push_str("Note((id:\"f-99\"");
        fs::write(&journal, text).unwrap();
        let loaded = load(&file).unwrap();
        assert_eq!(loaded.session, session, "every good line kept");
        let kinds: Vec<(usize, &ProblemKind)> = loaded
            .notices
            .iter()
            .map(|p| (p.at.unwrap().line, &p.kind))
            .collect();
        assert!(
            matches!(kinds[0], (3, ProblemKind::BadLine(_))),
            "{kinds:?}"
        );
        assert_eq!(kinds[1], (5, &ProblemKind::TornLine));
    }

    #[test]
    fn a_letter_cut_in_two_or_zeros_at_the_end_cost_only_their_line() {
        let dir = tempfile::tempdir().unwrap();
        let (file, mut session, mut writer) = saved(dir.path());
        add_note(&mut session, "første med æ");
        writer.save(&session, false).unwrap();
        add_note(&mut session, "andre med ø");
        writer.save(&session, false).unwrap();
        std::mem::forget(writer);
        let journal = path(&file, FACILITATOR);
        let whole = fs::read(&journal).unwrap();
        let mut cut = whole.clone();
        cut.extend_from_slice("Place(\"Å".as_bytes());
        cut.pop();
        for tail in [cut, [whole.as_slice(), &[0u8; 64]].concat()] {
            fs::write(&journal, tail).unwrap();
            let loaded = load(&file).unwrap();
            assert_eq!(loaded.session, session, "both notes kept");
            assert_eq!(loaded.notices.len(), 1, "{:?}", loaded.notices);
        }
    }

    #[test]
    fn the_facilitators_journal_with_changes_that_cannot_be_used_is_set_aside_whole() {
        let dir = tempfile::tempdir().unwrap();
        let (file, mut session, mut writer) = saved(dir.path());
        let before = session.clone();
        add_note(&mut session, "en god note");
        writer.save(&session, false).unwrap();
        std::mem::forget(writer);
        let journal = path(&file, FACILITATOR);
        let mut text = fs::read_to_string(&journal).unwrap();
        text.push_str("Current(\"finnes-ikke\")\n");
        fs::write(&journal, &text).unwrap();
        let loaded = load(&file).unwrap();
        assert_eq!(
            loaded.session, before,
            "the journal breaks a rule: none of it is used"
        );
        assert!(matches!(
            loaded.notices[0].kind,
            ProblemKind::JournalNotApplied(_)
        ));
        assert_eq!(loaded.set_aside, vec![journal.clone()]);
        assert_eq!(loaded.replayed, 0, "nothing taken, nothing to write whole");
        let moved = set_aside(&loaded.set_aside);
        assert_eq!(
            fs::read_to_string(&moved[0]).unwrap(),
            text,
            "kept as it was"
        );

        // A line that does not read: the good ones are used, and the journal kept aside too.
        fs::write(&journal, text.replace("Current(", "Curent(")).unwrap();
        let loaded = load(&file).unwrap();
        assert_eq!(loaded.session, session);
        assert_eq!(loaded.set_aside, vec![journal]);
    }

    #[test]
    fn a_journal_of_a_newer_samling_or_another_session_is_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let (file, session, writer) = saved(dir.path());
        drop(writer);
        let newer = folder(&file).join("ny.ron");
        fs::write(
            &newer,
            "Journal((version:99,writer:\"ny\",session:\"01-2026-11-23\"))\nSomething(1)\n",
        )
        .unwrap();
        let other = folder(&file).join("annen.ron");
        fs::write(
            &other,
            "Journal((version:3,writer:\"annen\",session:\"02-2026-12-01\"))\nPlace(\"feil\")\n",
        )
        .unwrap();
        let loaded = load(&file).unwrap();
        assert_eq!(loaded.session, session);
        assert_eq!(loaded.notices.len(), 2, "{:?}", loaded.notices);
        assert!(fs::read_to_string(&newer).unwrap().contains("version:99"));
    }

    #[test]
    fn a_journal_older_than_the_file_is_not_replayed_and_set_aside_if_it_holds_more() {
        let dir = tempfile::tempdir().unwrap();
        let (file, mut session, mut writer) = saved(dir.path());
        add_note(&mut session, "bare i loggen");
        writer.save(&session, false).unwrap();
        // Gone without settling, as after a crash.
        std::mem::forget(writer);
        // The file replaced by another copy (by hand, or a backup put back).
        let mut other = session.clone();
        other.notes_mut().pop();
        other.place = "Et annet sted".into();
        crate::store::save_session(&file, &other).unwrap();
        let loaded = load(&file).unwrap();
        assert_eq!(loaded.session, other);
        assert_eq!(loaded.set_aside, vec![path(&file, FACILITATOR)]);
        let moved = set_aside(&loaded.set_aside);
        assert_eq!(moved.len(), 1);
        assert!(
            fs::read_to_string(&moved[0])
                .unwrap()
                .contains("bare i loggen")
        );
        assert!(load(&file).unwrap().notices.is_empty());
    }

    #[test]
    fn a_crash_between_the_whole_copy_and_the_new_journal_replays_nothing_twice() {
        let dir = tempfile::tempdir().unwrap();
        let (file, mut session, mut writer) = saved(dir.path());
        add_note(&mut session, "i loggen og i filen");
        writer.save(&session, false).unwrap();
        let journal = path(&file, FACILITATOR);
        let old_journal = fs::read(&journal).unwrap();
        writer.save(&session, true).unwrap();
        // As if the journal had not been started afresh.
        fs::write(&journal, old_journal).unwrap();
        let loaded = load(&file).unwrap();
        assert_eq!(loaded.session, session);
        assert!(loaded.notices.is_empty() && loaded.set_aside.is_empty());
    }

    #[test]
    fn settling_writes_the_whole_once_and_only_with_changes_in_the_journal() {
        let dir = tempfile::tempdir().unwrap();
        let (file, mut session, mut writer) = saved(dir.path());
        let journal = path(&file, FACILITATOR);
        let header = fs::read_to_string(&journal).unwrap();
        writer.settle().unwrap();
        assert_eq!(
            fs::read_to_string(&journal).unwrap(),
            header,
            "nothing to settle"
        );
        add_note(&mut session, "til slutt");
        writer.save(&session, false).unwrap();
        drop(writer);
        assert_eq!(fs::read_to_string(&journal).unwrap().lines().count(), 1);
        let text = fs::read_to_string(&file).unwrap();
        assert_eq!(parse_session(&file, &text).unwrap(), session);
    }

    #[test]
    fn closing_the_gathering_writes_it_whole() {
        let dir = tempfile::tempdir().unwrap();
        let (file, mut session, mut writer) = saved(dir.path());
        add_note(&mut session, "siste ord");
        writer.save(&session, false).unwrap();
        session.ended = Some(session.notes[0].created + chrono::Duration::hours(3));
        writer.save(&session, false).unwrap();
        let text = fs::read_to_string(&file).unwrap();
        assert_eq!(parse_session(&file, &text).unwrap(), session);
        let journal = fs::read_to_string(path(&file, FACILITATOR)).unwrap();
        assert_eq!(journal.lines().count(), 1);
        std::mem::forget(writer);
    }

    #[test]
    fn a_failed_append_makes_the_next_save_whole() {
        let dir = tempfile::tempdir().unwrap();
        let (file, mut session, mut writer) = saved(dir.path());
        // The journal's folder goes away (a network share dropped), and comes back.
        fs::remove_dir_all(folder(&file)).unwrap();
        fs::write(folder(&file), "a file where the folder was").unwrap();
        add_note(&mut session, "mens mappen var borte");
        let lost = writer.save(&session, false).unwrap_err();
        assert_eq!(
            lost.kind,
            ProblemKind::JournalGone,
            "not written to the lost file"
        );
        fs::remove_file(folder(&file)).unwrap();
        add_note(&mut session, "etterpå");
        writer.save(&session, false).unwrap();
        assert_eq!(load(&file).unwrap().session, session);
    }
}
