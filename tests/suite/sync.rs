//! Two laptops that see one folder through a sync engine (OneDrive, Dropbox, Syncthing): each
//! has its own copy of the session's folder, and a copier carries files from one to the other
//! late, out of order, and sometimes an older version after a newer one, as a sync engine does.
//! The merged session is the same on both laptops once the copier has caught up, and at no
//! moment in between does a load fail or lose a note that the files there hold.

use std::fs;
use std::path::{Path, PathBuf};

use samling::model::change::Replay;
use samling::model::sample::big_session;
use samling::model::{FACILITATOR, Mark, Note, NoteKind, Session};
use samling::store::journal::{self, Writer};
use samling::store::taking::{self, NoteTaker};
use samling::store::{self};

/// The files a sync engine would carry: the session file and the journals (no locks, no
/// temporaries), each with its bytes, by path within the laptop's folder.
fn snapshot(root: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut files = Vec::new();
    for entry in walk(root) {
        let name = entry.file_name().unwrap().to_string_lossy().to_string();
        if name.ends_with(".ron") {
            let rel = entry.strip_prefix(root).unwrap().to_path_buf();
            files.push((rel, fs::read(&entry).unwrap()));
        }
    }
    files
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(walk(&path));
        } else {
            out.push(path);
        }
    }
    out
}

/// Writes the files `only` names (all, if empty) of a snapshot into the other laptop's folder,
/// as a sync engine does: each whole, by a rename.
fn deliver(to: &Path, files: &[(PathBuf, Vec<u8>)], only: &[&str]) {
    for (rel, bytes) in files {
        let name = rel.file_name().unwrap().to_string_lossy();
        if !only.is_empty() && !only.contains(&name.as_ref()) {
            continue;
        }
        let path = to.join(rel);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        let temporary = path.with_extension("synctmp");
        fs::write(&temporary, bytes).unwrap();
        fs::rename(&temporary, &path).unwrap();
    }
}

fn note(session: &Session, writer: &str, minutes: i64, text: &str) -> Note {
    let mut note = Note::clone(&session.notes[0]);
    note.id = session.next_note_id(writer);
    note.created = session.notes[0].created + chrono::Duration::minutes(minutes);
    note.edited = note.created;
    note.text = text.into();
    note.kind = NoteKind::Reflection;
    note.by = (writer != FACILITATOR).then(|| writer.to_string());
    note
}

/// A session of three notes in `dir`, its facilitator's samling having saved it once.
fn started(dir: &Path) -> (PathBuf, Session, Writer) {
    let file = dir.join("01-2026-11-23.ron");
    let mut session = big_session(3, 1);
    session.id = "01-2026-11-23".into();
    let mut facilitator = Writer::new(file.clone(), FACILITATOR);
    facilitator.save(&session, false).unwrap();
    (file, session, facilitator)
}

/// The facilitator's samling merging the note-takers' journals, as it does while it runs.
fn merged_by_facilitator(file: &Path, session: Session) -> Session {
    let mut replay = Replay::new(session.clone());
    for (writer, changes) in taking::note_takers(file, &session.id) {
        for change in changes {
            replay.merge(&writer, change);
        }
    }
    replay.finish()
}

/// Kari's samling reads the folder again; then her journal goes away under it (a share
/// dropped) and is written whole at her next save; then the facilitator undoes its delete of
/// `gone`, which must stand. Kari's journal as written anew.
fn restart_then_undo(
    file: &Path,
    kari: &mut taking::Opened,
    session: &mut Session,
    f: &mut Writer,
    gone: &Note,
) -> String {
    let disk = store::load_session(file).unwrap();
    kari.session = kari.taker.reloaded(disk, &kari.session);
    fs::remove_file(journal::path(file, "kari")).unwrap();
    let k2 = note(&kari.session, "kari", 11, "Kari 2");
    kari.session.push_note(k2);
    assert!(kari.taker.save(&kari.session).is_err());
    kari.taker.save(&kari.session).unwrap();
    let text = fs::read_to_string(journal::path(file, "kari")).unwrap();
    session.restore(gone.clone());
    f.save(session, false).unwrap();
    let loaded = store::load_session(file).unwrap();
    assert!(
        loaded.note_list().any(|n| n.id == gone.id),
        "the facilitator's undo is lost; Kari's journal:\n{text}"
    );
    text
}

/// Deletes the note `id` from `session` at `at`, as `d` does; the note deleted.
fn delete(session: &mut Session, id: &samling::model::NoteId, at: chrono::Duration) -> Note {
    let i = session.notes.iter().position(|n| n.id == *id).unwrap();
    let gone = Note::clone(&session.notes_mut().remove(i));
    session.deleted.push(samling::model::Deleted {
        at: gone.edited + at,
        note: gone.clone(),
    });
    gone
}

fn texts(session: &Session) -> Vec<(String, NoteKind)> {
    session
        .note_list()
        .map(|n| (n.text.clone(), n.kind))
        .collect()
}

#[test]
fn two_laptops_through_a_late_and_unordered_copier_end_with_one_session() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a"), dir.path().join("b"));
    fs::create_dir_all(&a).unwrap();
    fs::create_dir_all(&b).unwrap();
    let name = "01-2026-11-23.ron";
    let (file_a, file_b) = (a.join(name), b.join(name));

    // Laptop A: the facilitator starts; the folder reaches laptop B.
    let mut session = big_session(3, 1);
    session.id = "01-2026-11-23".into();
    let mut facilitator = Writer::new(file_a.clone(), FACILITATOR);
    facilitator.save(&session, false).unwrap();
    deliver(&b, &snapshot(&a), &[]);

    // Laptop B: Kari writes two notes and deletes the first. Laptop A: Per, beside the
    // facilitator, writes one; the facilitator writes one and moves on.
    let mut kari = NoteTaker::open(&file_b, "kari").unwrap();
    let k1 = note(&kari.session, "kari", 10, "Kari 1");
    kari.session.push_note(k1.clone());
    kari.taker.save(&kari.session).unwrap();
    let k2 = note(&kari.session, "kari", 11, "Kari 2");
    kari.session.push_note(k2.clone());
    kari.taker.save(&kari.session).unwrap();
    let kari_midway = snapshot(&b);
    delete(&mut kari.session, &k1.id, chrono::Duration::zero());
    kari.taker.save(&kari.session).unwrap();

    let mut per = NoteTaker::open(&file_a, "per").unwrap();
    let p1 = note(&per.session, "per", 12, "Per 1");
    per.session.push_note(p1.clone());
    per.taker.save(&per.session).unwrap();
    session.push_note(note(&session, FACILITATOR, 13, "Veileder 1"));
    session.current = "punkt-1".into();
    facilitator.save(&session, false).unwrap();
    let a_before_compaction = snapshot(&a);

    // Kari's journal reaches A half-way (both notes still there); the facilitator merges it,
    // marks Kari's second note, and later writes the session whole.
    deliver(&a, &kari_midway, &["kari.ron"]);
    let mut replay = Replay::new(session.clone());
    for (writer, changes) in taking::note_takers(&file_a, &session.id) {
        for change in changes {
            replay.merge(&writer, change);
        }
    }
    session = replay.finish();
    session.marks.push(Mark {
        note: k2.id.clone(),
        kind: NoteKind::Highlight,
        private: false,
    });
    session.apply_marks();
    // And deletes Per's note: a later load must not bring it back from Per's journal.
    delete(&mut session, &p1.id, chrono::Duration::zero());
    facilitator.save(&session, false).unwrap();
    facilitator.settle().unwrap();
    let a_compacted = snapshot(&a);

    // On B, out of order: the new journal before the file it follows, then an older journal
    // after it, then the file. Every load on the way works and keeps Kari's notes.
    for (files, only) in [
        (&a_compacted, &["f.ron"][..]),
        (&a_before_compaction, &["f.ron"][..]),
        (&a_compacted, &[name][..]),
    ] {
        deliver(&b, files, only);
        let loaded = store::load_session(&file_b).unwrap();
        assert!(
            loaded.note_list().any(|n| n.id == k2.id),
            "{:?}",
            texts(&loaded)
        );
    }
    // Kari's samling reads the folder again and writes one more.
    let loaded = store::load_session(&file_b).unwrap();
    kari.session = kari.taker.reloaded(loaded, &kari.session);
    // The file holds the move on; the older journal that came after it is not replayed over it.
    assert_eq!(kari.session.current, "punkt-1");
    let k3 = note(&kari.session, "kari", 14, "Kari 3");
    kari.session.push_note(k3.clone());
    kari.taker.save(&kari.session).unwrap();

    // The copier catches up both ways, each file from the laptop that writes it.
    deliver(&b, &snapshot(&a), &[name, "f.ron", "per.ron"]);
    deliver(&a, &snapshot(&b), &["kari.ron"]);
    let (on_a, on_b) = (
        store::load_session(&file_a).unwrap(),
        store::load_session(&file_b).unwrap(),
    );
    assert_eq!(on_a, on_b);
    let want = |text: &str, kind| (text.to_string(), kind);
    let found = texts(&on_a);
    for expected in [
        want("Kari 2", NoteKind::Highlight),
        want("Veileder 1", NoteKind::Reflection),
        want("Kari 3", NoteKind::Reflection),
    ] {
        assert!(found.contains(&expected), "{expected:?} in {found:?}");
    }
    assert!(
        !found.iter().any(|(t, _)| t == "Kari 1" || t == "Per 1"),
        "{found:?}"
    );
    assert!(on_a.deleted.iter().any(|d| d.note.id == k1.id));
    assert_eq!(on_a.current, "punkt-1");
    // In one folder, the same.
    let one = dir.path().join("one");
    deliver(&one, &snapshot(&a), &[name, "f.ron", "per.ron"]);
    deliver(&one, &snapshot(&b), &["kari.ron"]);
    assert_eq!(store::load_session(&one.join(name)).unwrap(), on_a);
}

#[test]
fn a_sync_engines_conflict_copy_of_a_journal_is_merged_and_named() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("01-2026-11-23.ron");
    let mut session = big_session(3, 1);
    session.id = "01-2026-11-23".into();
    store::save_session(&file, &session).unwrap();
    let mut kari = NoteTaker::open(&file, "kari").unwrap();
    let k1 = note(&kari.session, "kari", 10, "Bare i kopien");
    kari.session.push_note(k1.clone());
    kari.taker.save(&kari.session).unwrap();
    let own = journal::path(&file, "kari");
    let text = fs::read(&own).unwrap();
    drop(kari);
    // The other laptop's version kept beside, under each engine's name; the original lost it.
    let folder = journal::folder(&file);
    for copy in [
        "kari (Kari sin motstridende kopi 2026-11-23).ron",
        "kari-LAPTOP-7.ron",
        "kari.sync-conflict-20261123-101010-ABCDEF.ron",
    ] {
        fs::write(folder.join(copy), &text).unwrap();
        let first_line = String::from_utf8_lossy(&text)
            .lines()
            .next()
            .unwrap()
            .to_string();
        fs::write(&own, format!("{first_line}\n")).unwrap();
        let loaded = journal::load(&file).unwrap();
        assert!(loaded.session.note_list().any(|n| n.id == k1.id), "{copy}");
        let named: Vec<_> = loaded
            .notices
            .iter()
            .filter(|p| matches!(p.kind, store::ProblemKind::ConflictCopy { .. }))
            .map(|p| p.path.file_name().unwrap().to_string_lossy().to_string())
            .collect();
        assert!(
            named.contains(&copy.to_string()),
            "{copy}: {:?}",
            loaded.notices
        );
        fs::remove_file(folder.join(copy)).unwrap();
    }
}

#[test]
fn a_copy_of_a_session_file_under_another_name_is_named_and_not_taken_for_a_session() {
    let dir = tempfile::tempdir().unwrap();
    let layout = store::Layout::new(dir.path().to_path_buf());
    let folder = layout.sessions_dir("traumebevisst");
    fs::create_dir_all(&folder).unwrap();
    let mut session = big_session(3, 1);
    session.id = "01-2026-11-23".into();
    session.program = "traumebevisst".into();
    store::save_session(&folder.join("01-2026-11-23.ron"), &session).unwrap();
    let copy = folder.join("01-2026-11-23 (Kari sin motstridende kopi).ron");
    fs::copy(folder.join("01-2026-11-23.ron"), &copy).unwrap();
    let (held, problems) = store::sessions::held(&layout, "traumebevisst");
    assert_eq!(held.len(), 1);
    assert!(
        problems
            .iter()
            .any(|p| p.path == copy && matches!(p.kind, store::ProblemKind::SessionCopy { .. })),
        "{problems:?}"
    );
}

// Found by a review of the merge: each failed before its fix.

/// The facilitator deletes f-1 (on laptop A; a sync engine keeps that version of f.ron as a
/// conflict copy), then brings it back with `u` and the session is written whole. Every later
/// load merges the stale copy's delete by version and deletes f-1 again.
#[test]
fn a_copy_of_the_facilitators_journal_does_not_undo_its_undo() {
    let dir = tempfile::tempdir().unwrap();
    let (file, mut session, mut f) = started(dir.path());
    let id = session.notes[0].id.clone();
    let gone = delete(&mut session, &id, chrono::Duration::zero());
    f.save(&session, false).unwrap();
    let folder = journal::folder(&file);
    fs::copy(
        folder.join("f.ron"),
        folder.join("f (Kari sin motstridende kopi 2026-11-23).ron"),
    )
    .unwrap();
    // `u`: the facilitator's undo restores the same version.
    session.restore(Note::clone(&gone));
    f.save(&session, true).unwrap();
    f.settle().unwrap();
    let loaded = store::load_session(&file).unwrap();
    assert!(
        loaded.note_list().any(|n| n.id == id),
        "f-1, brought back and written whole, is deleted again by the copy"
    );
}

/// Kari's journal is written whole again (after a failed save: the network share dropped, or
/// the file replaced under it) while the facilitator's delete of her note stands: the
/// facilitator's tombstone goes into Kari's journal as hers. The facilitator's `u` then never
/// brings the note back.
#[test]
fn a_note_takers_journal_written_anew_carries_only_its_own_deletes() {
    let dir = tempfile::tempdir().unwrap();
    let (file, mut session, mut f) = started(dir.path());
    let mut kari = NoteTaker::open(&file, "kari").unwrap();
    let k1 = note(&kari.session, "kari", 10, "Kari 1");
    kari.session.push_note(k1.clone());
    kari.taker.save(&kari.session).unwrap();
    // The facilitator's samling merges it, and deletes it.
    session = merged_by_facilitator(&file, session);
    let gone = delete(&mut session, &k1.id, chrono::Duration::zero());
    f.save(&session, false).unwrap();
    let text = restart_then_undo(&file, &mut kari, &mut session, &mut f, &gone);
    assert!(!text.contains("Deleted"), "{text}");
}

// Found by a second review: each failed before its fix.

/// Kari deletes her note and takes it back (`u`); the facilitator then deletes it, and Kari's
/// journal is written anew (a failed save): it must not carry the facilitator's tombstone as
/// hers, or the facilitator's `u` would be undone by it.
#[test]
fn a_note_takers_undone_delete_does_not_make_the_facilitators_delete_hers() {
    let dir = tempfile::tempdir().unwrap();
    let (file, mut session, mut f) = started(dir.path());
    let mut kari = NoteTaker::open(&file, "kari").unwrap();
    let k1 = note(&kari.session, "kari", 10, "Kari 1");
    kari.session.push_note(k1.clone());
    kari.taker.save(&kari.session).unwrap();
    // Kari's `d`, then her `u` (a newer version).
    delete(&mut kari.session, &k1.id, chrono::Duration::minutes(1));
    kari.taker.save(&kari.session).unwrap();
    let mut back = k1.clone();
    back.edited = k1.edited + chrono::Duration::minutes(2);
    kari.session.restore(back.clone());
    kari.taker.save(&kari.session).unwrap();
    // The facilitator merges her journal and deletes the note.
    session = merged_by_facilitator(&file, session);
    let gone = delete(&mut session, &k1.id, chrono::Duration::minutes(1));
    f.save(&session, false).unwrap();
    restart_then_undo(&file, &mut kari, &mut session, &mut f, &gone);
}

/// Kari writes a note on an item the facilitator then removes (before her journal reached the
/// facilitator's laptop): it stays in her window and her journal (written anew too), and her
/// next note gets a new id.
#[test]
fn a_note_takers_note_on_a_removed_item_stays_in_her_window_and_her_journal() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("01-2026-11-23.ron");
    let mut session = big_session(3, 1);
    session.id = "01-2026-11-23".into();
    let mut extra = session.agenda[0].clone();
    extra.id = "ekstra".into();
    session.agenda.push(extra);
    let mut f = Writer::new(file.clone(), FACILITATOR);
    f.save(&session, false).unwrap();
    let mut kari = NoteTaker::open(&file, "kari").unwrap();
    let mut k1 = note(&kari.session, "kari", 10, "På ekstrapunktet");
    k1.item = "ekstra".into();
    kari.session.push_note(k1.clone());
    kari.taker.save(&kari.session).unwrap();
    // The facilitator, who has not seen it yet, removes the item.
    session.agenda.retain(|i| i.id != "ekstra");
    f.save(&session, true).unwrap();
    let disk = kari.taker.load().unwrap();
    kari.session = kari.taker.reloaded(disk, &kari.session);
    let in_window = kari.session.note_list().any(|n| n.id == k1.id);
    // Her journal goes away under her (the share dropped) and is written whole.
    fs::remove_file(journal::path(&file, "kari")).unwrap();
    let k2 = note(&kari.session, "kari", 11, "Kari 2");
    assert_ne!(
        k2.id, k1.id,
        "her next note takes the id of the one dropped"
    );
    kari.session.push_note(k2);
    assert!(kari.taker.save(&kari.session).is_err());
    kari.taker.save(&kari.session).unwrap();
    let text = fs::read_to_string(journal::path(&file, "kari")).unwrap();
    assert!(
        in_window && text.contains("På ekstrapunktet"),
        "in her window: {in_window}; journal:\n{text}"
    );
}

/// A macOS AppleDouble file (`._kari.ron`, made on SMB shares and FAT/exFAT disks) or an Emacs
/// lock (`.#kari.ron`) in the journal folder is not a journal.
#[test]
fn hidden_files_in_the_journal_folder_are_not_journals() {
    let dir = tempfile::tempdir().unwrap();
    let (file, _, _f) = started(dir.path());
    let mut kari = NoteTaker::open(&file, "kari").unwrap();
    let k1 = note(&kari.session, "kari", 10, "Kari 1");
    kari.session.push_note(k1.clone());
    kari.taker.save(&kari.session).unwrap();
    let folder = journal::folder(&file);
    fs::write(
        folder.join("._kari.ron"),
        b"\x00\x05\x16\x07\x00\x02\x00\x00Mac OS X        ",
    )
    .unwrap();
    let listed = journal::journals(&file);
    let loaded = journal::load(&file).unwrap();
    assert!(
        !listed.iter().any(|p| p.ends_with("._kari.ron")),
        "listed: {listed:?}; notices: {:?}",
        loaded.notices
    );
}

/// An empty own journal (a sync engine's placeholder, a file zeroed by a crash): nothing in it
/// to lose: `samling notes` starts it again.
#[test]
fn an_empty_own_journal_is_started_again() {
    let dir = tempfile::tempdir().unwrap();
    let (file, _, _f) = started(dir.path());
    fs::write(journal::path(&file, "kari"), b"").unwrap();
    let opened = NoteTaker::open(&file, "kari");
    assert!(opened.is_ok(), "{:?}", opened.err());
}
