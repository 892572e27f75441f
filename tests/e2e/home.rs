//! The real binary in a pseudo-terminal: it starts, draws the built-in program, moves with
//! the keys, quits on `q` and leaves the terminal as it found it, also when killed politely.

use crate::support::pty::Pty;

const DOWN: &str = "\x1b[B";

#[test]
fn home_lists_the_built_in_program_moves_and_quits_on_q() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let mut pty = Pty::spawn(&["--dir", data.to_str().unwrap()], dir.path(), &[], 80, 24);
    // Each waited for: a frame may be read while it is still being drawn.
    pty.wait_for("Stress, ressurser og traumebevisst omsorg");
    pty.wait_for("1. Hvem er vi, og hva vil vi");
    pty.wait_for("1. samling: Hvem er vi, og hva vil vi");
    assert!(pty.alternate_screen());

    pty.send("\t");
    pty.send(DOWN);
    pty.wait_for("2. samling: Klassen, et komplekst samspill");
    pty.wait_for("13:10 Siden sist");

    pty.send("q");
    let status = pty.wait_exit();
    assert!(status.success(), "{status:?}");
    assert!(!pty.alternate_screen(), "the terminal was not restored");
}

#[test]
fn english_on_request() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let mut pty = Pty::spawn(
        &["--dir", data.to_str().unwrap()],
        dir.path(),
        &[("SAMLING_LANG", "en")],
        80,
        24,
    );
    pty.wait_for("Programs");
    pty.wait_for("Gathering 1: Hvem er vi, og hva vil vi");
    pty.send("\x03"); // Ctrl-C
    assert!(pty.wait_exit().success());
}

#[test]
fn sigterm_and_sighup_restore_the_terminal() {
    for signal in ["TERM", "HUP"] {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("data");
        let mut pty = Pty::spawn(&["--dir", data.to_str().unwrap()], dir.path(), &[], 80, 24);
        pty.wait_for("Programmer");
        assert!(pty.alternate_screen());
        pty.signal(signal);
        let status = pty.wait_exit();
        assert!(status.success(), "SIG{signal}: {status:?}");
        assert!(
            !pty.alternate_screen(),
            "SIG{signal}: the terminal was not restored"
        );
    }
}

#[test]
fn a_broken_user_program_is_named_on_the_home_screen_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    std::fs::create_dir_all(data.join("programs")).unwrap();
    let broken = data.join("programs/eget.ron");
    std::fs::write(&broken, "Program(version: 1, id: \"eget\",").unwrap();
    let mut pty = Pty::spawn(&["--dir", data.to_str().unwrap()], dir.path(), &[], 120, 30);
    pty.wait_for("eget.ron:1:");
    pty.send("q");
    assert!(pty.wait_exit().success());
    assert_eq!(
        std::fs::read_to_string(&broken).unwrap(),
        "Program(version: 1, id: \"eget\","
    );
}
