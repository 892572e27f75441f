//! What a note-taker's samling (`samling notes`) writes: its own journal beside the session,
//! `<session>.d/<writer>.ron`, and nothing else.
//!
//! Each writer writes only its own file, so a sync engine carrying the folder between laptops
//! never sees two writers of one file. The journal holds the writer's own notes (each version
//! as it was saved, and its deletions) and its draft; it is never compacted into the session
//! file, which only the facilitator's samling writes, and it names no base: every samling that
//! loads the session merges it by version over whatever copy of the session there is (see
//! [`crate::model::change::Replay::merge`]).
//!
//! While the note-taker writes, the rest of the session changes under it (the facilitator moves
//! on, other note-takers add notes). The session in memory is then the one loaded from the
//! folder with this writer's changes not yet on disk laid over it ([`NoteTaker::reloaded`]).

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use super::journal::{self, First, Header, line};
use super::lock::SessionLock;
use super::problem::{Problem, ProblemKind};
use super::save::{create_private_dir, write_atomic_no_backup};
use crate::model::change::{Change, own_changes};
use std::collections::HashMap;

use crate::model::{NoteId, SCHEMA_VERSION, Session, Timestamp};

/// The writer tag of a note-taker called `name` on the computer `host`: the journal's name
/// and the first part of the ids of the notes it writes. Lower-case letters and digits of the
/// name and the computer's name (`kari-lærerrom-pc` for "Kari" on "Lærerrom-PC"), so the same
/// name on two laptops gives two journals, and no dot (a journal's name has none). `None` for a
/// name that cannot be a writer's: empty, or with `/`, `\`, `..` or control characters.
pub fn writer_tag(name: &str, host: &str) -> Option<String> {
    let refused = name.trim().is_empty()
        || name.contains(['/', '\\'])
        || name.contains("..")
        || name.chars().any(char::is_control);
    if refused {
        return None;
    }
    let slug = |text: &str| {
        let mut out = String::new();
        for c in text.to_lowercase().chars() {
            match c {
                c if c.is_alphanumeric() => out.push(c),
                _ if !out.is_empty() && !out.ends_with('-') => out.push('-'),
                _ => {}
            }
        }
        out.trim_end_matches('-').to_string()
    };
    // A Mac's name may end in `.local` on one network and not on the next.
    let host = host.split('.').next().unwrap_or_default();
    let (who, at) = (slug(name), slug(host));
    let who = if who.is_empty() {
        "skriver".into()
    } else {
        who
    };
    let tag = match at.is_empty() {
        true => who,
        false => format!("{who}-{at}"),
    };
    // The facilitator's tag, or one that ends like a note's count, would read wrong in an id.
    Some(match tag.rsplit_once('-') {
        _ if tag == crate::model::FACILITATOR => format!("{tag}-skriver"),
        Some((_, n)) if n.parse::<u32>().is_ok() => format!("{tag}x"),
        _ => tag,
    })
}

/// What shows that another writer changed the session at `file`: the times and sizes of its
/// files, leaving out the journal of `own` (this samling's) and, for the facilitator's
/// samling, the session file it writes itself.
pub fn others_stamp(file: &Path, own: &str) -> Option<journal::Stamp> {
    let own_journal = journal::path(file, own);
    let mut stamp = journal::stamp(file)?;
    stamp.retain(|(p, ..)| *p != own_journal && (own != crate::model::FACILITATOR || p != file));
    Some(stamp)
}

/// The note-takers' changes beside the session at `file` (every journal that names no base
/// and belongs to `session_id`), each with its writer's tag: for the facilitator's samling to
/// merge while it runs. What does not read is skipped here; `check` and the next load name it.
pub fn note_takers(file: &Path, session_id: &str) -> Vec<(String, Vec<Change>)> {
    journal::journals(file)
        .iter()
        .filter_map(|path| journal::read(path).ok())
        .filter(|j| j.header.base.is_none() && j.header.session == session_id)
        .map(|j| (j.header.writer, j.changes))
        .collect()
}

/// The note a change deletes, with the version it deleted.
fn deletion(change: &Change) -> Option<(NoteId, Timestamp)> {
    match change {
        Change::Deleted(d) => Some((d.note.id.clone(), d.note.edited)),
        _ => None,
    }
}

/// A note-taker's writing to its journal.
#[derive(Debug)]
pub struct NoteTaker {
    /// The session file the journal belongs to.
    file: PathBuf,
    /// The writer's tag: the journal's name, and the first part of its notes' ids.
    tag: String,
    /// The session as the files held it at the last reload, with this writer's changes
    /// saved since: what the next save's own changes are told from.
    baseline: Session,
    /// The journal, open for appending; `None` when it must be started again.
    out: Option<fs::File>,
    bytes: u64,
    /// The notes this writer deleted itself (from its journal, and since), each with the
    /// version it deleted: when the journal is written anew, these are its deletions. A
    /// deletion the facilitator made (of any version) is the facilitator's, and must not come
    /// back from here after the facilitator undid it.
    deleted: HashMap<NoteId, Timestamp>,
    /// Held for as long as the journal is written: one samling per journal.
    _lock: SessionLock,
}

/// A note-taker's session as opened: the session with every writer's notes, this writer's
/// draft, and what loading it had to skip.
#[derive(Debug)]
pub struct Opened {
    pub taker: NoteTaker,
    pub session: Session,
    pub notices: Vec<Problem>,
}

impl NoteTaker {
    /// Opens the session at `file` to write notes as `tag`: takes the journal's lock, loads the
    /// session, and brings back the draft the journal ends with. A journal that could not be
    /// used whole (a line that does not read, a crash in the middle of a line) is set aside and
    /// started again with what of it could be used: nothing typed is dropped unseen.
    pub fn open(file: &Path, tag: &str) -> Result<Opened, Vec<Problem>> {
        let own = journal::path(file, tag);
        let dir = journal::folder(file);
        create_private_dir(&dir).map_err(|e| vec![Problem::io(&dir, &e)])?;
        let lock = SessionLock::acquire(&own).map_err(|p| vec![p])?;
        let loaded = journal::load_as(file, Some(tag))?;
        let mut session = loaded.session;
        let read = own.exists().then(|| journal::read(&own));
        let draft = match &read {
            Some(Ok(read)) => read.changes.iter().rev().find_map(|c| match c {
                Change::Draft(d) => Some(d.clone()),
                _ => None,
            }),
            _ => None,
        };
        session.draft = draft.flatten();
        let whole = match &read {
            Some(Ok(read)) => read.notices.is_empty() && read.header.writer == tag,
            // Not read at all (a network share's error, a newer samling's): starting it again
            // would lose what only it holds, and give its notes' ids again. One that reads but
            // has no header (empty, a sync engine's placeholder) holds nothing: started again.
            Some(Err(p)) if !matches!(p.kind, ProblemKind::BadLine(_) | ProblemKind::TornLine) => {
                return Err(vec![p.clone()]);
            }
            Some(_) | None => false,
        };
        let deleted = match &read {
            Some(Ok(read)) => read.changes.iter().filter_map(deletion).collect(),
            _ => HashMap::new(),
        };
        let mut taker = NoteTaker {
            file: file.to_path_buf(),
            tag: tag.to_string(),
            baseline: session.clone(),
            out: None,
            bytes: 0,
            deleted,
            _lock: lock,
        };
        if whole {
            taker.reopen().map_err(|p| vec![p])?;
        } else {
            if read.is_some() {
                journal::set_aside(std::slice::from_ref(&own));
            }
            taker.restart(&session).map_err(|p| vec![p])?;
        }
        Ok(Opened {
            taker,
            session,
            notices: loaded.notices,
        })
    }

    /// The session as the folder holds it now, this writer's notes as it wrote them.
    pub fn load(&self) -> Result<Session, Vec<Problem>> {
        journal::load_as(&self.file, Some(&self.tag)).map(|loaded| loaded.session)
    }

    /// The journal's path.
    pub fn path(&self) -> PathBuf {
        journal::path(&self.file, &self.tag)
    }

    /// Appends this writer's changes since the last save; after a failure (the folder gone
    /// with a network share, a full disk), starts the journal again with all of this writer's
    /// notes, so nothing depends on what the failed append left. The journal's size.
    pub fn save(&mut self, session: &Session) -> Result<u64, Problem> {
        let changes = own_changes(&self.baseline, session, &self.tag);
        self.deleted.extend(changes.iter().filter_map(deletion));
        let written = match self.out.is_some() {
            true => self.append(&changes),
            false => self.restart(session),
        };
        match written {
            Ok(()) => {
                self.keep_baseline(session);
                Ok(self.bytes)
            }
            Err(problem) => {
                self.out = None;
                Err(problem)
            }
        }
    }

    /// The session loaded again from the folder (`disk`), with what this writer changed in
    /// `current` since its last save laid over it: the session to go on with. The draft is
    /// this writer's own, never the facilitator's.
    pub fn reloaded(&mut self, mut disk: Session, current: &Session) -> Session {
        let pending = own_changes(&self.baseline, current, &self.tag);
        disk.draft = self.baseline.draft.clone();
        self.baseline = disk.clone();
        let mut replay = crate::model::change::Replay::new(disk).as_writer(Some(&self.tag));
        for change in pending {
            replay.merge(&self.tag, change);
        }
        let mut merged = replay.finish();
        merged.draft = current.draft.clone();
        merged
    }

    /// Remembers `session` as saved, the draft included.
    fn keep_baseline(&mut self, session: &Session) {
        self.baseline = session.clone();
    }

    fn append(&mut self, changes: &[Change]) -> Result<(), Problem> {
        if changes.is_empty() {
            return Ok(());
        }
        let own = self.path();
        let mut text = String::new();
        for change in changes {
            text.push_str(&line(change).map_err(|e| Problem::io(&own, &e))?);
        }
        // Still the journal this samling has open (see `journal::Writer`).
        let ours = fs::metadata(&own).map(|m| m.len()).ok() == Some(self.bytes);
        let out = match self.out.as_mut() {
            Some(out) if ours => out,
            _ => return Err(Problem::new(&own, ProblemKind::JournalGone)),
        };
        out.write_all(text.as_bytes())
            .and_then(|()| out.sync_data())
            .map_err(|e| Problem::io(&own, &e))?;
        self.bytes += text.len() as u64;
        Ok(())
    }

    /// Writes the journal anew, whole and at once: its header and every note of this writer in
    /// `session` (and their deletions, and the draft), then opens it for appending.
    fn restart(&mut self, session: &Session) -> Result<(), Problem> {
        let own = self.path();
        let header = Header {
            version: SCHEMA_VERSION,
            writer: self.tag.clone(),
            session: session.id.clone(),
            base: None,
        };
        let io = |e: std::io::Error| Problem::io(&own, &e);
        let mut text = line(&First::Journal(header)).map_err(io)?;
        let mine = |id: &crate::model::NoteId| id.writer() == Some(self.tag.as_str());
        let dead = session
            .deleted
            .iter()
            .filter(|d| mine(&d.note.id) && self.deleted.get(&d.note.id) == Some(&d.note.edited));
        let notes = session.note_list().filter(|n| mine(&n.id));
        let records = dead
            .cloned()
            .map(Change::Deleted)
            .chain(notes.cloned().map(Change::Note))
            .chain(session.draft.clone().map(|d| Change::Draft(Some(d))));
        for record in records {
            text.push_str(&line(&record).map_err(io)?);
        }
        // The session's folder gone (a network share dropped, a synced folder moved): wait for
        // it rather than make it again, empty, where the share's folder would come back.
        if !self.file.is_file() {
            return Err(Problem::new(&self.file, ProblemKind::SessionGone));
        }
        let dir = journal::folder(&self.file);
        create_private_dir(&dir).map_err(|e| Problem::io(&dir, &e))?;
        write_atomic_no_backup(&own, text.as_bytes()).map_err(io)?;
        self.reopen()
    }

    /// Opens the journal for appending, at its end.
    fn reopen(&mut self) -> Result<(), Problem> {
        let own = self.path();
        let mut options = fs::OpenOptions::new();
        options.append(true);
        let out = super::fsx::open_own(&own, options)?;
        self.bytes = out.metadata().map_err(|e| Problem::io(&own, &e))?.len();
        self.out = Some(out);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::sample::big_session;
    use crate::model::{FACILITATOR, Note, NoteId};

    fn session_file(dir: &Path) -> (PathBuf, Session) {
        fs::create_dir_all(dir.join("s")).unwrap();
        let file = dir.join("s/01-2026-11-23.ron");
        let mut session = big_session(5, 2);
        session.id = "01-2026-11-23".into();
        crate::store::save_session(&file, &session).unwrap();
        (file, session)
    }

    fn note(session: &Session, tag: &str, text: &str) -> Note {
        let mut note = Note::clone(&session.notes[0]);
        note.id = session.next_note_id(tag);
        note.text = text.into();
        note.by = Some("Kari".into());
        note
    }

    #[test]
    fn a_writers_tag_is_its_name_and_computer_and_a_bad_name_is_refused() {
        assert_eq!(
            writer_tag("Kari", "Lærerrom-PC").unwrap(),
            "kari-lærerrom-pc"
        );
        assert_eq!(writer_tag("Kari N.", "").unwrap(), "kari-n");
        assert_ne!(writer_tag("Kari", "pc1"), writer_tag("Kari", "pc2"));
        assert_eq!(writer_tag("f", "").unwrap(), "f-skriver");
        assert_eq!(writer_tag("Rom 12", "").unwrap(), "rom-12x");
        for bad in ["", "  ", "a/b", "a\\b", "..", "kari\u{7}", "a\nb"] {
            assert_eq!(writer_tag(bad, "pc"), None, "{bad:?}");
        }
        let tag = writer_tag("Åse", "mac").unwrap();
        assert_eq!(NoteId::new(&tag, 3).writer(), Some(tag.as_str()));
    }

    #[test]
    fn a_note_takers_note_is_a_line_of_its_own_journal_and_everyone_loads_it() {
        let dir = tempfile::tempdir().unwrap();
        let (file, before) = session_file(dir.path());
        let Opened {
            mut taker,
            mut session,
            notices,
        } = NoteTaker::open(&file, "kari-pc").unwrap();
        assert!(notices.is_empty());
        let mine = note(&session, "kari-pc", "Trygghet først");
        assert_eq!(mine.id, NoteId::new("kari-pc", 1));
        session.push_note(mine.clone());
        taker.save(&session).unwrap();
        let text = fs::read_to_string(taker.path()).unwrap();
        assert_eq!(text.lines().count(), 2, "{text}");
        assert!(text.contains("writer:\"kari-pc\"") && !text.contains("base"));
        // The session file is not touched; loading it brings the note, with its writer.
        let loaded = crate::store::load_session(&file).unwrap();
        assert_eq!(loaded.notes.len(), before.notes.len() + 1);
        assert_eq!(loaded.note_list().find(|n| n.id == mine.id), Some(&mine));
        // Another samling as the same writer is refused while this one writes.
        assert!(NoteTaker::open(&file, "kari-pc").is_err());
    }

    #[test]
    fn what_was_not_yet_saved_stays_over_a_reload_and_is_written_once_the_folder_is_back() {
        let dir = tempfile::tempdir().unwrap();
        let (file, _) = session_file(dir.path());
        let Opened {
            mut taker,
            mut session,
            ..
        } = NoteTaker::open(&file, "kari-pc").unwrap();
        // The folder goes away (a network share dropped): the save fails, the note is kept,
        // and nothing is made where the folder was.
        let away = dir.path().join("borte");
        fs::rename(dir.path().join("s"), &away).unwrap();
        let mine = note(&session, "kari-pc", "Skrevet mens mappen var borte");
        session.push_note(mine.clone());
        assert!(taker.save(&session).is_err());
        assert!(taker.save(&session).is_err(), "tried again");
        assert!(!dir.path().join("s").exists());
        fs::rename(&away, dir.path().join("s")).unwrap();
        // Meanwhile the facilitator moved on and wrote a note.
        let mut disk = crate::store::load_session(&file).unwrap();
        disk.place = "Aulaen".into();
        let theirs = note(&disk, FACILITATOR, "Fra veilederen");
        disk.push_note(theirs.clone());
        crate::store::save_session(&file, &disk).unwrap();
        session = taker.reloaded(crate::store::load_session(&file).unwrap(), &session);
        assert_eq!(session.place, "Aulaen");
        assert!(session.note_list().any(|n| n.id == mine.id));
        assert!(session.note_list().any(|n| n.id == theirs.id));
        // The folder is back: the journal starts again, with the note in it.
        taker.save(&session).unwrap();
        let loaded = crate::store::load_session(&file).unwrap();
        assert!(loaded.note_list().any(|n| n.id == mine.id));
        let text = fs::read_to_string(taker.path()).unwrap();
        assert!(
            !text.contains("Fra veilederen"),
            "only its own notes: {text}"
        );
    }

    #[test]
    fn a_note_taker_opens_its_own_notes_as_written_and_the_facilitators_marks_apart() {
        let dir = tempfile::tempdir().unwrap();
        let (file, _) = session_file(dir.path());
        let mut opened = NoteTaker::open(&file, "kari-pc").unwrap();
        let mine = note(&opened.session, "kari-pc", "Min");
        opened.session.push_note(mine.clone());
        opened.taker.save(&opened.session).unwrap();
        drop(opened);
        // The facilitator makes it private and a highlight, and writes the session whole.
        let mut facilitators = crate::store::load_session(&file).unwrap();
        facilitators.marks.push(crate::model::Mark {
            note: mine.id.clone(),
            kind: crate::model::NoteKind::Highlight,
            private: true,
        });
        facilitators.apply_marks();
        crate::store::save_session(&file, &facilitators).unwrap();
        let opened = NoteTaker::open(&file, "kari-pc").unwrap();
        let own = opened
            .session
            .note_list()
            .find(|n| n.id == mine.id)
            .unwrap();
        assert_eq!(own, &mine, "her version, which her next edit is made from");
        let shown = opened.session.shown(own);
        assert!(shown.private && shown.kind == crate::model::NoteKind::Highlight);
        // Everyone else loads it marked.
        let loaded = crate::store::load_session(&file).unwrap();
        assert!(
            loaded
                .note_list()
                .find(|n| n.id == mine.id)
                .unwrap()
                .private
        );
    }

    #[test]
    fn a_journal_cut_by_a_crash_is_set_aside_and_started_again_with_what_it_held() {
        let dir = tempfile::tempdir().unwrap();
        let (file, _) = session_file(dir.path());
        let mine;
        {
            let mut opened = NoteTaker::open(&file, "kari-pc").unwrap();
            mine = note(&opened.session, "kari-pc", "Før krasjet");
            opened.session.push_note(mine.clone());
            opened.taker.save(&opened.session).unwrap();
            let mut out = fs::OpenOptions::new()
                .append(true)
                .open(opened.taker.path())
                .unwrap();
            out.write_all(b"Note((id:\"kari-pc-2\",te").unwrap();
        }
        let opened = NoteTaker::open(&file, "kari-pc").unwrap();
        assert!(opened.session.note_list().any(|n| n.id == mine.id));
        let text = fs::read_to_string(opened.taker.path()).unwrap();
        assert!(
            text.ends_with('\n') && text.contains("Før krasjet"),
            "{text}"
        );
        let aside = journal::folder(&file).join("kari-pc.ron.aside-1");
        assert!(fs::read_to_string(aside).unwrap().contains("kari-pc-2"));
    }
}
