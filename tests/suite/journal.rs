//! The journals beside a session, from the outside: `samling check` reads them and names every
//! line it skips, and `export` reads what only a journal holds.

use std::fs;
use std::path::Path;
use std::process::Command;

use samling::model::sample::big_session;
use samling::model::{Note, NoteKind, Session};
use samling::store::journal::{self, FACILITATOR, Writer};

/// A session saved whole, then one note more appended to the facilitator's journal.
fn journalled(dir: &Path) -> (std::path::PathBuf, Session) {
    let file = dir.join("01-2026-11-23.ron");
    let mut session = big_session(5, 1);
    let mut writer = Writer::new(file.clone(), FACILITATOR);
    writer.save(&session, true).unwrap();
    let mut note = Note::clone(&session.notes[3]);
    note.id = session.next_note_id(FACILITATOR);
    note.kind = NoteKind::Reflection;
    note.private = false;
    note.text = "Bare i loggen: trygge overganger".into();
    session.push_note(note);
    writer.save(&session, false).unwrap();
    // Gone without writing the whole again, as after a crash: the note is in the journal only.
    std::mem::forget(writer);
    (file, session)
}

fn samling(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_samling"))
        .args(args)
        .env("SAMLING_LANG", "en")
        .output()
        .unwrap()
}

#[test]
fn check_reads_a_sessions_journals_and_names_each_line_it_skips() {
    let dir = tempfile::tempdir().unwrap();
    let (file, _) = journalled(dir.path());
    let journal = journal::path(&file, FACILITATOR);
    let (f, j) = (file.to_str().unwrap(), journal.to_str().unwrap());
    for path in [f, j] {
        let good = samling(&["check", path]);
        assert_eq!(good.status.code(), Some(0), "{path}: {good:?}");
    }

    // A garbage line between good ones, and half a line at the end from a crash.
    let mut text = fs::read_to_string(&journal).unwrap();
    text.push_str("Plaec(\"feil\")\nPlace(\"Aulaen\")\nNote((id:\"f-9\",crea");
    fs::write(&journal, &text).unwrap();
    for path in [f, j] {
        let bad = samling(&["check", path]);
        assert_eq!(bad.status.code(), Some(1), "{path}");
        let out = String::from_utf8(bad.stdout).unwrap();
        assert!(
            out.contains(&format!("{j}:3:1: the line does not read")),
            "{out}"
        );
        assert!(
            out.contains(&format!("{j}:5:1: the last line was not written")),
            "{out}"
        );
        assert!(!String::from_utf8_lossy(&bad.stderr).contains("panicked"));
    }
    assert_eq!(
        fs::read_to_string(&journal).unwrap(),
        text,
        "left as it was"
    );
    // The good lines around the bad one count.
    let loaded = journal::load(&file).unwrap();
    assert_eq!(loaded.session.place, "Aulaen");
    assert_eq!(loaded.notices.len(), 2);
}

#[test]
fn export_reads_what_only_a_journal_holds() {
    let dir = tempfile::tempdir().unwrap();
    let (file, _) = journalled(dir.path());
    assert!(
        !fs::read_to_string(&file).unwrap().contains("Bare i loggen"),
        "the note is in the journal only"
    );
    let out = dir.path().join("referat.md");
    let done = samling(&[
        "export",
        file.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert!(done.status.success(), "{done:?}");
    let minutes = fs::read_to_string(&out).unwrap();
    assert!(
        minutes.contains("Bare i loggen: trygge overganger"),
        "{minutes}"
    );
}
