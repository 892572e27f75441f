//! Several writers in one folder, each in a pseudo-terminal of its own: the facilitator's
//! samling, a projector window, and two note-takers called the same on two laptops. Their
//! notes reach the facilitator's view and the minutes with their names, nothing private
//! reaches the wall, and `kill -9` of each in turn loses nothing committed.

use std::path::{Path, PathBuf};
use std::time::Instant;

use crate::support::pty::Pty;
use samling::store;

/// samling in `dir`'s data folder, on the computer `host`.
fn samling(dir: &Path, host: &str, args: &[&str], cols: u16, rows: u16) -> Pty {
    let data = dir.join("data");
    let mut all = vec!["--dir", data.to_str().unwrap()];
    all.extend_from_slice(args);
    Pty::spawn(&all, dir, &[("COMPUTERNAME", host)], cols, rows)
}

fn note_taker(dir: &Path, host: &str) -> Pty {
    let pty = samling(dir, host, &["notes", "--name", "Kari"], 80, 24);
    pty.wait_for("Notater · Kari");
    pty
}

fn session_file(dir: &Path) -> PathBuf {
    let folder = dir.join("data/sessions/traumebevisst");
    store::paths::ron_files(&folder).unwrap().remove(0)
}

fn write(pty: &mut Pty, group: &str, text: &str) {
    pty.send(group);
    pty.send("i");
    pty.wait_for("Notat ·");
    pty.send(text);
    pty.send_alone("\x1b");
}

#[test]
fn two_note_takers_a_projector_and_the_facilitator_share_one_gathering() {
    let dir = tempfile::tempdir().unwrap();
    let mut facilitator = samling(dir.path(), "veileder-pc", &["run"], 120, 35);
    facilitator.wait_for("Velkommen og innsjekk");
    facilitator.send(" ");
    let mut projector = samling(dir.path(), "veileder-pc", &["projector"], 100, 30);
    projector.wait_for("Velkommen og innsjekk");
    // Two note-takers with the same name on two laptops: two writers, two journals.
    let mut kari1 = note_taker(dir.path(), "laererrom");
    let mut kari2 = note_taker(dir.path(), "kontor");
    write(&mut kari1, "2", "Trygghet i gruppa");
    write(&mut kari2, "3", "Relasjoner først");
    // Each sees everyone's notes of the item, with the writer's name.
    kari1.wait_for("Gruppe 3: Kari · Relasjoner først");
    kari2.wait_for("Gruppe 2: Kari · Trygghet i gruppa");
    // Made private: gone from the other note-taker's window, kept on the facilitator's.
    kari2.send("x");
    kari2.wait_for("[privat]");
    kari1.wait_until("the private note leaves the other window", |p| {
        !p.screen().contains("Relasjoner")
    });
    facilitator.wait_for("Gruppe 2: Kari · Trygghet i gruppa");
    facilitator.wait_for("Gruppe 3: Kari · [privat] Relasjoner først");
    let file = session_file(dir.path());
    let journals = store::journal::journals(&file);
    let names: Vec<_> = journals
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().to_string())
        .collect();
    assert!(
        names.contains(&"kari-laererrom.ron".to_string())
            && names.contains(&"kari-kontor.ron".to_string()),
        "{names:?}"
    );
    // The facilitator moves on: the note-takers and the wall follow.
    let start = Instant::now();
    facilitator.send("n");
    projector.wait_for("Neste: Hvem er vi?");
    let wall = start.elapsed();
    kari1.wait_for("Om programmet");
    kari2.wait_for("Om programmet");
    eprintln!(
        "key to wall {wall:?}, to both note-takers {:?}",
        start.elapsed()
    );
    let shown = projector.screen();
    assert!(!shown.contains("Relasjoner"), "{shown}");

    // kill -9 of each in turn: nothing committed is lost.
    kari1.signal("KILL");
    kari1.wait_exit();
    kari2.send("iHalvskrevet tanke");
    kari2.wait_for("Halvskrevet tanke");
    // The draft reaches the journal within a second or two.
    kari2.wait_until("the draft is in the journal", |_| {
        std::fs::read_to_string(store::journal::path(&file, "kari-kontor"))
            .is_ok_and(|j| j.contains("Halvskrevet"))
    });
    kari2.signal("KILL");
    kari2.wait_exit();
    facilitator.signal("KILL");
    facilitator.wait_exit();
    let session = store::load_session(&file).unwrap();
    let texts: Vec<_> = session
        .note_list()
        .map(|n| (n.text.as_str(), n.by.as_deref(), n.private))
        .collect();
    assert!(
        texts.contains(&("Trygghet i gruppa", Some("Kari"), false)),
        "{texts:?}"
    );
    assert!(
        texts.contains(&("Relasjoner først", Some("Kari"), true)),
        "{texts:?}"
    );
    assert_eq!(
        session.notes.len(),
        2,
        "the draft is the note-taker's own: {texts:?}"
    );

    // All back: the draft is open again where it was typed, the notes are where they were.
    let mut kari2 = note_taker(dir.path(), "kontor");
    kari2.wait_for("Halvskrevet tanke");
    let mut facilitator = samling(dir.path(), "veileder-pc", &["run"], 120, 35);
    facilitator.wait_for("Om programmet");
    facilitator.send("b");
    facilitator.wait_for("Gruppe 2: Kari · Trygghet i gruppa");
    kari2.wait_for("Gruppe 2: Kari · Trygghet i gruppa");
    // The minutes name the writers, and leave the private note out.
    facilitator.send("r");
    facilitator.wait_for("Referatet er skrevet");
    let minutes = std::fs::read_to_string(file.with_extension("ron.referat.md")).unwrap();
    assert!(
        minutes.contains("**Gruppe 2 · Kari**: Trygghet i gruppa"),
        "{minutes}"
    );
    assert!(!minutes.contains("Relasjoner"), "{minutes}");
    kari2.send_alone("\x1b");
    kari2.send("q");
    assert!(kari2.wait_exit().success());
    facilitator.send("q");
    assert!(facilitator.wait_exit().success());
    projector.send("q");
    assert!(projector.wait_exit().success());
    // The facilitator's whole write holds every writer's notes.
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.contains("Trygghet i gruppa") && text.contains("Halvskrevet tanke"));
}

#[test]
fn a_bad_name_or_nothing_to_follow_is_refused_with_a_message() {
    let dir = tempfile::tempdir().unwrap();
    let mut bad = samling(dir.path(), "pc", &["notes", "--name", "../kari"], 80, 24);
    assert!(!bad.wait_exit().success());
    assert!(bad.screen().contains("kan ikke brukes"), "{}", bad.screen());
    let mut none = samling(dir.path(), "pc", &["notes", "--name", "Kari"], 80, 24);
    assert!(!none.wait_exit().success());
    assert!(none.screen().contains("Ingen samling"), "{}", none.screen());
}
