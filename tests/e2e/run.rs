//! Leading a gathering with the real binary in a pseudo-terminal: start it, run the clock, move
//! on, quit, and find it all in the saved file; come back and find it resumed; kill it hard and
//! find the clock still right; open it twice and be refused.

use std::path::{Path, PathBuf};

use crate::support::pty::Pty;
use chrono::Timelike;
use samling::model::timer::Phase;
use samling::store;

fn session_file(data: &Path) -> PathBuf {
    let dir = data.join("sessions/traumebevisst");
    let files = store::paths::ron_files(&dir).unwrap();
    assert_eq!(files.len(), 1, "exactly one session file: {files:?}");
    files[0].clone()
}

fn start(dir: &Path, args: &[&str]) -> Pty {
    let data = dir.join("data");
    let mut all = vec!["--dir", data.to_str().unwrap()];
    all.extend_from_slice(args);
    Pty::spawn(&all, dir, &[], 100, 30)
}

/// The next gathering started, with its first item's clock running.
fn clock_running(dir: &Path) -> Pty {
    let mut pty = start(dir, &["run"]);
    pty.wait_for("Velkommen og innsjekk");
    pty.send(" ");
    pty.wait_for("14:5");
    pty
}

#[test]
fn run_a_gathering_quit_and_resume() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");

    let mut pty = start(dir.path(), &["run", "--gathering", "1", "--quiet"]);
    pty.wait_for("Velkommen og innsjekk");
    pty.wait_for("15:00");
    pty.wait_for("trykk mellomrom");
    // The file exists from the first moment.
    let file = session_file(&data);

    // "lagret" is on screen from the first frame: wait for a save after the keys.
    let before = chrono::Local::now().time().with_nanosecond(0).unwrap();
    pty.send(" ");
    pty.wait_for("14:5");
    pty.send("n");
    pty.wait_for("Om programmet");
    pty.send("p");
    pty.wait_for("Neste: Hvem er vi? Verdiene våre");
    pty.send("p");
    pty.wait_until("a save after the keys", |p| {
        p.saved_at().is_some_and(|at| at >= before)
    });
    pty.send("q");
    assert!(pty.wait_exit().success());
    assert!(!pty.alternate_screen());

    let session = store::load_session(&file).unwrap();
    assert_eq!(session.current_index(), 1);
    // Quitting wrote the session whole: the file by itself is the gathering, and the journal
    // beside it holds nothing more.
    let text = std::fs::read_to_string(&file).unwrap();
    assert_eq!(store::load::parse_session(&file, &text).unwrap(), session);
    let journal = store::journal::path(&file, store::journal::FACILITATOR);
    assert_eq!(std::fs::read_to_string(journal).unwrap().lines().count(), 1);
    let first = session.timing_of("velkommen").unwrap();
    assert_eq!(first.phase(), Phase::Ended);
    assert_eq!(session.phase(), Phase::Running);

    // Coming back resumes the same file, on the same item, with the clock still running.
    let mut pty = start(dir.path(), &["run"]);
    pty.wait_for("Om programmet");
    assert_eq!(session_file(&data), file);
    pty.send("q");
    assert!(pty.wait_exit().success());
}

#[test]
fn a_second_samling_on_the_same_gathering_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let mut first = start(dir.path(), &["run"]);
    first.wait_for("Velkommen og innsjekk");
    let mut second = start(dir.path(), &["run"]);
    let err = second.wait_for("allerede åpen");
    assert!(err.contains(".ron.lock"), "{err}");
    assert_eq!(second.wait_exit().exit_code(), 1);
    first.send("q");
    assert!(first.wait_exit().success());
}

#[test]
fn kill_9_mid_item_loses_nothing_saved_and_the_clock_resumes() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let mut pty = clock_running(dir.path());
    pty.send("+");
    pty.wait_for("15:5");
    // The save runs beside the key; kill once the extra minute is on disk.
    let file = session_file(&data);
    let extension = |file: &Path| {
        store::load_session(file)
            .map(|s| samling::model::timer::extension_minutes(s.events_of("velkommen")))
            .unwrap_or(0)
    };
    pty.wait_until("the extra minute is saved", |_| extension(&file) == 1);
    pty.signal("KILL");
    pty.wait_exit();

    let session = store::load_session(&file).unwrap();
    assert_eq!(session.phase(), Phase::Running);
    // The extra minute was saved before the kill.
    assert_eq!(
        samling::model::timer::extension_minutes(session.events_of("velkommen")),
        1
    );

    // The stale lock of the killed process is taken over; the clock goes on from the file:
    // 16 minutes with the one added, less the seconds this test has taken, not a fresh 15:00.
    let mut pty = start(dir.path(), &["run"]);
    pty.wait_for("Velkommen og innsjekk");
    pty.wait_until("the countdown", |p| p.countdown().is_some());
    let left = pty.countdown().unwrap();
    // (16:00 itself when the whole test took less than a second, as on a fast machine.)
    assert!((15 * 60 + 30..=16 * 60).contains(&left), "{left} s left");
    pty.send("q");
    assert!(pty.wait_exit().success());
}

#[test]
fn a_note_is_appended_to_the_journal_and_kill_9_keeps_it() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let mut pty = clock_running(dir.path());
    let file = session_file(&data);
    // The first save after opening writes the session whole; the ones after append.
    pty.wait_until("the clock's start is saved", |_| {
        store::load_session(&file).is_ok_and(|s| s.phase() == Phase::Running)
    });
    let whole = std::fs::read(&file).unwrap();
    pty.send("2");
    pty.send("i");
    pty.wait_for("Notat · Gruppe 2");
    pty.send("Skrevet rett i loggen");
    pty.send("\x1b");
    pty.wait_for("Gruppe 2: Skrevet");
    pty.wait_until("the note is saved", |_| {
        store::load_session(&file).is_ok_and(|s| s.notes.len() == 1)
    });
    pty.signal("KILL");
    pty.wait_exit();
    assert_eq!(
        std::fs::read(&file).unwrap(),
        whole,
        "the file was not written again"
    );
    let journal = store::journal::path(&file, store::journal::FACILITATOR);
    let lines = std::fs::read_to_string(&journal).unwrap();
    assert!(lines.contains("text:\"Skrevet rett i loggen\""), "{lines}");

    // Back again: the note is there, and quitting writes the session whole.
    let mut pty = start(dir.path(), &["run"]);
    pty.wait_for("Gruppe 2: Skrevet rett i loggen");
    pty.send("q");
    assert!(pty.wait_exit().success());
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.contains("Skrevet rett i loggen"), "{text}");
    let lines = std::fs::read_to_string(&journal).unwrap();
    assert_eq!(
        lines.lines().count(),
        1,
        "only the header after it: {lines}"
    );
}

#[test]
fn enter_on_the_home_screen_starts_the_selected_gathering() {
    let dir = tempfile::tempdir().unwrap();
    let mut pty = start(dir.path(), &[]);
    pty.wait_for("Samlinger");
    pty.send("\t");
    pty.send("\x1b[B");
    pty.send("\r");
    pty.wait_for("2. samling: Klassen, et komplekst samspill");
    pty.wait_for("Siden sist");
    pty.send("q");
    assert!(pty.wait_exit().success());
    let file = session_file(&dir.path().join("data"));
    assert!(
        file.file_name()
            .unwrap()
            .to_str()
            .unwrap()
            .starts_with("02-")
    );
}

#[test]
fn a_note_with_norwegian_letters_reaches_the_file_and_kill_9_mid_typing_keeps_the_draft() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let data_arg = data.to_str().unwrap();
    // Ticks every 50 ms instead of every second: what a tick does, it does twenty times faster.
    let mut pty = Pty::spawn(
        &["--dir", data_arg, "run"],
        dir.path(),
        &[("SAMLING_TEST_TICK_MS", "50")],
        100,
        30,
    );
    pty.wait_for("Velkommen og innsjekk");
    pty.send("3");
    pty.send("i");
    pty.wait_for("Notat · Gruppe 3");
    pty.send("Rødt lys på småtrinnet – bra!");
    pty.wait_for("Rødt lys på småtrinnet – bra!");
    pty.send("\x1b");
    pty.wait_for("Gruppe 3: Rødt lys");
    // "lagret" is on the status line from the start: wait for the note itself on disk.
    let file = session_file(&data);
    pty.wait_until("the note is saved", |_| {
        store::load_session(&file).is_ok_and(|s| s.notes.len() == 1)
    });
    let session = store::load_session(&file).unwrap();
    assert_eq!(session.notes.len(), 1);
    assert_eq!(session.notes[0].text, "Rødt lys på småtrinnet – bra!");
    assert_eq!(session.notes[0].group, samling::model::GroupLabel::Group(3));
    assert!(
        std::fs::read_to_string(&file)
            .unwrap()
            .contains("Rødt lys på småtrinnet")
    );

    // Typing, then killed without warning: the draft saved within two ticks survives.
    pty.send("i");
    pty.wait_for("Notat · Gruppe 3");
    // Type steadily, several keys a tick (as a note-taker's key every 150 ms is against a
    // second's tick): the draft must reach the file while the typing goes on, not only when it
    // pauses.
    let text = "Halvveis skrevet tanke om æ";
    let mut saved_while_typing = false;
    for c in text.chars() {
        pty.send(&c.to_string());
        std::thread::sleep(std::time::Duration::from_millis(10));
        saved_while_typing |= store::load_session(&file).unwrap().draft.is_some();
    }
    assert!(
        saved_while_typing,
        "no draft saved during 27 keys of steady typing"
    );
    pty.wait_for("tanke om æ");
    let deadline = std::time::Instant::now() + crate::support::pty::TIMEOUT;
    while store::load_session(&file).unwrap().draft.map(|d| d.text) != Some(text.into()) {
        assert!(
            std::time::Instant::now() < deadline,
            "the draft was never saved whole"
        );
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    pty.signal("KILL");
    pty.wait_exit();
    let session = store::load_session(&file).unwrap();
    assert_eq!(session.draft.unwrap().text, "Halvveis skrevet tanke om æ");

    // Back again: the editor is open with the text, and Esc makes it a note.
    let mut pty = start(dir.path(), &["run"]);
    pty.wait_for("Halvveis skrevet tanke om æ");
    pty.send("\x1b");
    pty.wait_for("Gruppe 3: Halvveis");
    pty.send("q");
    assert!(pty.wait_exit().success());
    let session = store::load_session(&file).unwrap();
    assert_eq!(session.notes.len(), 2);
    assert_eq!(session.draft, None);
}

#[test]
fn a_terminal_that_goes_away_ends_samling_without_spinning() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let mut pty = clock_running(dir.path());
    let before = pty.cpu_ticks().unwrap();
    pty.hang_up();
    // It must exit by itself, soon, and use next to no CPU on the way (a reader retrying a
    // dead terminal would spin a core until then).
    let mut last = before;
    let start = std::time::Instant::now();
    while !pty.exited() {
        last = pty.cpu_ticks().unwrap_or(last);
        assert!(
            start.elapsed() < crate::support::pty::TIMEOUT,
            "samling did not exit"
        );
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    assert!(
        last - before < 20,
        "{} ticks of CPU while the terminal was gone",
        last - before
    );
    let session = store::load_session(&session_file(&data)).unwrap();
    assert_eq!(session.phase(), Phase::Running);
}

#[test]
fn a_panic_restores_the_terminal_and_leaves_a_rescue_copy_with_the_note_being_typed() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let data_arg = data.to_str().unwrap().to_string();
    let mut pty = Pty::spawn(
        &["--dir", &data_arg, "run"],
        dir.path(),
        &[("SAMLING_TEST_PANIC", "1")],
        100,
        30,
    );
    pty.wait_for("Velkommen og innsjekk");
    pty.send("i");
    pty.wait_for("Notat · Plenum");
    pty.send("Dette må ikke gå tapt: æøå");
    pty.wait_for("æøå");
    pty.send("\x1b[24~"); // F12
    let status = pty.wait_exit();
    assert!(!status.success());
    assert!(!pty.alternate_screen(), "the terminal was not restored");
    let file = session_file(&data);
    let rescue = store::save::rescue_path(&file);
    let saved = store::load_session(&rescue).unwrap();
    assert_eq!(saved.draft.unwrap().text, "Dette må ikke gå tapt: æøå");
    // The next start says that a rescue copy is there.
    let mut pty = start(dir.path(), &["run"]);
    pty.wait_for("redningskopi");
    pty.send_alone("\x1b");
    pty.send("q");
    assert!(pty.wait_exit().success());
}

#[test]
fn an_agreement_is_made_with_a_and_listed() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let mut pty = start(dir.path(), &["run"]);
    pty.wait_for("Velkommen og innsjekk");
    pty.send("2a");
    pty.wait_for("Ny avtale");
    pty.send("Prøve ut en LINK-økt i 7A\r\r14.12.2026\r");
    pty.wait_for("Avtaler");
    pty.wait_for("gruppe 2 · 14.12.2026");
    pty.send("q");
    assert!(pty.wait_exit().success());
    let session = store::load_session(&session_file(&data)).unwrap();
    assert_eq!(session.agreements.len(), 1);
    assert_eq!(session.agreements[0].text, "Prøve ut en LINK-økt i 7A");
}

#[test]
fn an_agreement_made_at_gathering_1_is_reviewed_at_gathering_2() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let mut pty = start(dir.path(), &["run"]);
    pty.wait_for("1. samling");
    pty.send("a");
    pty.wait_for("Ny avtale");
    pty.send("Prøve ut en LINK-økt i 7A\r\r\r");
    pty.wait_for("Avtaler");
    // Through the whole agenda: the gathering ends.
    let items = store::load_session(&session_file(&data))
        .unwrap()
        .agenda
        .len();
    pty.send(&"n".repeat(items));
    pty.wait_for("Samlingen er avsluttet");
    pty.send("q");
    assert!(pty.wait_exit().success());

    let mut pty = start(dir.path(), &["run"]);
    pty.wait_for("2. samling: Klassen, et komplekst samspill");
    pty.send("v");
    pty.wait_for("Siden sist: avtalene");
    pty.wait_for("Prøve ut en LINK-økt i 7A");
    pty.send("g");
    pty.wait_for("(gjort)");
    pty.send_alone("\x1b");
    // The room sees the list during "siden sist".
    pty.send("n");
    pty.send("p");
    pty.wait_for("✓ Prøve ut en LINK-økt i 7A");
    pty.send("p");
    // The minutes, written beside the session file.
    pty.send("r");
    pty.wait_for("Referatet er skrevet til");
    pty.send("q");
    assert!(pty.wait_exit().success());

    let dir2 = data.join("sessions/traumebevisst");
    let second = store::paths::ron_files(&dir2)
        .unwrap()
        .into_iter()
        .find(|p| p.file_name().unwrap().to_str().unwrap().starts_with("02-"))
        .unwrap();
    let session = store::load_session(&second).unwrap();
    let reviewed = session
        .carried()
        .find(|c| c.text == "Prøve ut en LINK-økt i 7A")
        .unwrap();
    assert_eq!(reviewed.status(), samling::model::Status::Done);
    assert_eq!(reviewed.origin.gathering, 1);
    // The minutes on disk say what was reviewed and how.
    let mut minutes = second.file_name().unwrap().to_os_string();
    minutes.push(".referat.md");
    let minutes = std::fs::read_to_string(second.with_file_name(minutes)).unwrap();
    assert!(minutes.starts_with("# Referat: 2. samling"), "{minutes}");
    // Reviewed at gathering 2: "before the next gathering" meant this one, on its date.
    let due = session.date.format("%d\\.%m\\.%Y");
    assert!(
        minutes.contains(&format!(
            "- Prøve ut en LINK\\-økt i 7A – alle · før neste samling \\({due}\\) · **gjort** · fra 1\\. samling, Velkommen og innsjekk"
        )),
        "{minutes}"
    );
    assert!(
        session
            .carried()
            .any(|c| c.text.contains("minst en LINK-økt"))
    );
}

#[test]
fn without_a_terminal_run_says_so_and_creates_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_samling"))
        .args(["--dir", data.to_str().unwrap(), "run"])
        .env("SAMLING_CONFIG", dir.path().join("config.ron"))
        .env_remove("SAMLING_LANG")
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let err = String::from_utf8_lossy(&output.stderr);
    assert!(err.contains("terminalvindu"), "{err}");
    assert!(!data.exists(), "nothing written");
}

/// Gathering 1 held (closed, with one note) in `data`.
fn gathering_1_held(data: &Path) -> PathBuf {
    let layout = store::Layout::new(data);
    let program = store::catalog::builtin().0.remove(0);
    let day = chrono::NaiveDate::from_ymd_opt(2026, 9, 14).unwrap();
    let config = store::config::Config::default();
    let mut held = store::sessions::open(&layout, &program, 1, day, &config, &[], &[]).unwrap();
    let at = samling::model::Timestamp::parse("2026-09-14T13:20:00+02:00").unwrap();
    held.session.push_note(samling::model::Note {
        id: "f-1".into(),
        created: at,
        edited: at,
        item: "velkommen".into(),
        prompt: None,
        group: samling::model::GroupLabel::Plenary,
        kind: samling::model::NoteKind::Highlight,
        text: "Å bli sett i døra".into(),
        private: false,
        by: None,
    });
    held.session.ended = Some(at);
    store::save_session(&held.path, &held.session).unwrap();
    held.path.clone()
}

#[test]
fn enter_on_a_held_gathering_asks_and_holding_it_again_is_a_choice() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let held = gathering_1_held(&data);
    // From the command line, holding it again takes --again.
    let mut pty = start(dir.path(), &["run", "-g", "1"]);
    let screen = pty.wait_for("--again");
    assert!(
        screen.contains("1. samling ble holdt 14.09.2026"),
        "{screen}"
    );
    assert_eq!(pty.wait_exit().exit_code(), 1);

    let mut pty = start(dir.path(), &[]);
    pty.wait_for("✓ 1. Hvem er vi");
    // The cursor is on the next gathering (2): up to the held one.
    pty.send("\t");
    pty.send("\x1b[A");
    pty.send("\r");
    pty.wait_for("1. samling ble holdt 14.09.2026.");
    // Esc leaves it as it was.
    pty.send_alone("\x1b");
    pty.send("\r");
    pty.wait_for("les referatet");
    pty.send("l");
    pty.wait_for("Referat: 1. samling");
    pty.wait_for("Å bli sett i døra");
    pty.send_alone("\x1b");
    pty.send("\r");
    pty.wait_for("hold den på nytt");
    let files = || store::paths::ron_files(&data.join("sessions/traumebevisst")).unwrap();
    assert_eq!(files(), vec![held.clone()], "asking creates nothing");
    pty.send("h");
    pty.wait_for("Velkommen og innsjekk");
    pty.send("q");
    assert!(pty.wait_exit().success());
    assert_eq!(files().len(), 2, "held again on purpose: a new session");
}

#[test]
fn sigterm_with_the_editor_open_keeps_the_note_being_typed() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let mut pty = clock_running(dir.path());
    pty.send("i");
    pty.wait_for("Notat · Plenum");
    pty.send("Skrevet da vinduet ble lukket");
    pty.wait_for("Skrevet da vinduet ble lukket");
    pty.signal("TERM");
    assert!(pty.wait_exit().success());
    assert!(!pty.alternate_screen(), "the terminal is restored");
    let session = store::load_session(&session_file(&data)).unwrap();
    let draft = session.draft.expect("the text is kept as a draft");
    assert_eq!(draft.text, "Skrevet da vinduet ble lukket");
}

#[test]
fn a_stop_from_outside_gives_the_terminal_back_and_continuing_draws_again() {
    let dir = tempfile::tempdir().unwrap();
    let mut pty = clock_running(dir.path());
    pty.signal("TSTP");
    pty.wait_until("the terminal given back", |p| !p.alternate_screen());
    pty.signal("CONT");
    pty.wait_until("the full screen again", |p| p.alternate_screen());
    pty.wait_for("Velkommen og innsjekk");
    // Keys work as keys again (raw mode): n moves on at once, without Enter.
    pty.send("n");
    pty.wait_until("the second item in front", |p| {
        p.screen()
            .lines()
            .any(|l| l.contains("▶") && l.contains("Om programmet"))
    });
    pty.send("q");
    assert!(pty.wait_exit().success());
}

#[test]
fn when_the_last_save_fails_the_rescue_copy_goes_elsewhere_and_is_found_next_time() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let state = dir.path().join("state");
    let env = [
        ("XDG_STATE_HOME", state.to_str().unwrap()),
        ("XDG_CACHE_HOME", state.to_str().unwrap()),
        ("TMPDIR", state.to_str().unwrap()),
    ];
    let args = ["--dir", data.to_str().unwrap(), "run"];
    let mut pty = Pty::spawn(&args, dir.path(), &env, 100, 30);
    pty.wait_for("Velkommen og innsjekk");
    pty.send(" ");
    pty.wait_for("14:5");
    let file = session_file(&data);
    // The session's folder goes away and a file stands where it was: nothing can be written
    // there, not even as root (a network share gone, a synced folder moved).
    let folder = file.parent().unwrap().to_path_buf();
    let moved = data.join("moved");
    std::fs::rename(&folder, &moved).unwrap();
    std::fs::write(&folder, "not a folder").unwrap();
    pty.send("i");
    pty.wait_for("Notat · Plenum");
    pty.send("Dette må reddes");
    // Shown on the editor's frame too, which covers the status line.
    pty.wait_for("IKKE LAGRET");
    // Every key read before the signal: a TERM that overtakes the last keys is not this test.
    pty.wait_for("Dette må reddes");
    pty.signal("TERM");
    let status = pty.wait_exit();
    assert!(!status.success(), "a failed last save is not a success");
    let screen = pty.screen();
    let rescue = state
        .join("samling/rescue")
        .read_dir()
        .expect("a rescue folder in the state dir")
        .next()
        .expect("a rescue copy")
        .unwrap()
        .path();
    let name = rescue.file_name().unwrap().to_str().unwrap().to_string();
    assert!(screen.contains(&name), "its path is said:\n{screen}");
    assert!(
        std::fs::read_to_string(&rescue)
            .unwrap()
            .contains("Dette må reddes")
    );

    // Put back, the next start says where the rescue copy is.
    std::fs::remove_file(&folder).unwrap();
    std::fs::rename(&moved, &folder).unwrap();
    let mut pty = Pty::spawn(&args, dir.path(), &env, 200, 40);
    pty.wait_for("redningskopi");
    pty.wait_for(&name);
    pty.send_alone("\x1b");
    pty.send("q");
    assert!(pty.wait_exit().success());
}

#[test]
fn a_burst_of_thousands_of_typed_keys_arrives_whole() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let mut pty = clock_running(dir.path());
    pty.send("i");
    pty.wait_for("Notat · Plenum");
    // Typed (not pasted: no bracketed paste), as a paste into a terminal without it arrives.
    let text = format!("{}{}SLUTT", "a".repeat(1500), "b".repeat(1500));
    pty.send(&text);
    pty.wait_for("SLUTT");
    pty.send_alone("\x1b");
    pty.send("q");
    assert!(pty.wait_exit().success());
    let session = store::load_session(&session_file(&data)).unwrap();
    assert_eq!(session.notes[0].text, text);
}

#[test]
fn a_gathering_opened_any_time_is_not_behind_until_it_starts_and_then_runs_from_its_start() {
    let dir = tempfile::tempdir().unwrap();
    let mut pty = start(dir.path(), &["run"]);
    pty.wait_for("Velkommen og innsjekk");
    // Whatever the clock says against the plan's 13:00, nothing has begun.
    pty.wait_until("the status line says when it starts", |p| {
        let screen = p.screen();
        screen.contains("starter 13:00 (om ") || screen.contains("planlagt 13:00, ikke startet")
    });
    assert!(!pty.screen().contains("min bak"), "{}", pty.screen());
    // Started now: the day's clock starts now, and it is on time.
    pty.send(" ");
    pty.wait_for("i rute · slutt ca.");
    pty.send("q");
    assert!(pty.wait_exit().success());
}

/// The home screen lists the five built-in programs; each, chosen there, runs to its end, and
/// its rules for the time between gatherings become the agreements that open the next one.
#[test]
fn the_home_screen_lists_five_programs_and_each_runs_to_its_end() {
    let programs = store::catalog::builtin().0;
    assert_eq!(programs.len(), 5);
    for (row, program) in programs.iter().enumerate() {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("data");
        let mut pty = start(dir.path(), &[]);
        pty.wait_for("Samlinger");
        // Each waited for: a frame may be read while it is still being drawn.
        for p in &programs {
            pty.wait_for(&p.title);
        }
        // Down to the program's row in the list, then Enter: its first gathering opens.
        for _ in 0..row {
            pty.send("\x1b[B");
        }
        let first = &program.gathering(1).unwrap().title;
        pty.wait_for(&format!("1. samling: {}", clipped(first)));
        pty.send("\r");
        // The facilitator's view (its footer has the projector's key; the home screen's has not)
        // with the first item.
        let gathering = program.gathering(1).unwrap();
        pty.wait_for("projektor");
        pty.wait_for(&clipped(&gathering.agenda[0].title));
        pty.send(" ");
        for _ in 0..gathering.agenda.len() {
            pty.send("n");
        }
        pty.wait_for("Samlingen er avsluttet");
        pty.send("q");
        assert!(pty.wait_exit().success());
        let dir = data.join("sessions").join(&program.id);
        let files = store::paths::ron_files(&dir).unwrap();
        assert_eq!(files.len(), 1, "{}: {files:?}", program.id);
        let session = store::load_session(&files[0]).unwrap();
        assert!(session.is_finished());
        for rule in &program.between {
            assert!(
                session.agreements.iter().any(|a| a.text == rule.text),
                "{}: {}",
                program.id,
                rule.text
            );
        }
    }
}

/// The start of a title the home screen shows whole even where it cuts the rest.
fn clipped(title: &str) -> String {
    title
        .split_whitespace()
        .take(2)
        .collect::<Vec<_>>()
        .join(" ")
}
