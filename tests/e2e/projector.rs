//! The projector window in a pseudo-terminal of its own beside the facilitator's: it follows
//! every move, shows nothing private, waits when the facilitator's samling is gone and picks up
//! when it is back.

use std::path::Path;
use std::time::{Duration, Instant};

use crate::support::pty::Pty;

fn samling(dir: &Path, args: &[&str]) -> Pty {
    let data = dir.join("data");
    let mut all = vec!["--dir", data.to_str().unwrap()];
    all.extend_from_slice(args);
    // At 80×24 the wall writes the question as text (larger, it may take block letters,
    // which the test cannot read back).
    let (cols, rows) = if args.first() == Some(&"projector") {
        (80, 24)
    } else {
        (100, 30)
    };
    Pty::spawn(&all, dir, &[], cols, rows)
}

#[test]
fn the_projector_window_follows_the_facilitator_shows_nothing_private_and_waits_for_them() {
    let dir = tempfile::tempdir().unwrap();
    let mut facilitator = samling(dir.path(), &["run"]);
    facilitator.wait_for("Velkommen og innsjekk");
    facilitator.send(" ");
    let mut projector = samling(dir.path(), &["projector"]);
    projector.wait_for("Velkommen og innsjekk");
    // A private note, typed on the facilitator's screen: never on the wall.
    facilitator.send("iHemmelig: en kollega gråt");
    facilitator.send_alone("\x1b");
    facilitator.send("x");
    facilitator.wait_for("[privat]");
    // Each move reaches the wall; how long it took, for the record.
    // (The item after the new one is named at the foot of the wall: only the new one has
    // that line.)
    let next = ["Neste: Hvem er vi?", "Neste: Pause", "Neste: Barnesyn"];
    let mut took = Vec::new();
    for line in next {
        let start = Instant::now();
        facilitator.send("n");
        projector.wait_for(line);
        took.push(start.elapsed());
    }
    took.sort();
    eprintln!("key to projector frame: {took:?}");
    // Well inside the second a poll would take: the change events carried it.
    assert!(took[1] < Duration::from_millis(900), "{took:?}");
    // The question moves with `]`.
    facilitator.send("b");
    projector.wait_for("Hvem er vi? Verdiene");
    facilitator.send("]");
    projector.wait_for("Når merker");
    let wall = projector.screen();
    for private in ["Hemmelig", "Veileders notat", "min bak", "lagret"] {
        assert!(!wall.contains(private), "{private} on the wall:\n{wall}");
    }
    assert!(!wall.contains("venter på veileder"), "{wall}");
    // The facilitator quits: the wall keeps the last state and says it waits.
    facilitator.send("q");
    assert!(facilitator.wait_exit().success());
    projector.wait_for("venter på veileder");
    assert!(projector.screen().contains("Hvem er vi? Verdiene"));
    // Back again, on the next item: the wall follows.
    let mut facilitator = samling(dir.path(), &["run"]);
    facilitator.wait_for("Hvem er vi? Verdiene");
    facilitator.send("n");
    projector.wait_for("Neste: Barnesyn");
    projector.wait_until("no longer waiting", |p| {
        !p.screen().contains("venter på veileder")
    });
    facilitator.send("q");
    assert!(facilitator.wait_exit().success());
    projector.send("q");
    assert!(projector.wait_exit().success());
    assert!(
        !projector.alternate_screen(),
        "the terminal was not restored"
    );
}

#[test]
fn opened_before_the_gathering_it_waits_for_it_and_with_poll_it_follows_all_the_same() {
    let dir = tempfile::tempdir().unwrap();
    let mut projector = samling(dir.path(), &["projector", "--poll"]);
    projector.wait_for("venter på veileder");
    let mut facilitator = samling(dir.path(), &["run"]);
    facilitator.wait_for("Velkommen og innsjekk");
    // Before the first item starts, the room is welcomed.
    projector.wait_for("Vi starter");
    facilitator.send(" ");
    projector.wait_for("Velkommen og innsjekk");
    facilitator.send("n");
    projector.wait_for("Neste: Hvem er vi?");
    facilitator.send("q");
    assert!(facilitator.wait_exit().success());
    projector.send("q");
    assert!(projector.wait_exit().success());
    // A program that is not there is refused at once.
    let mut wrong = samling(dir.path(), &["projector", "ukjent-program"]);
    wrong.wait_for("ukjent-program");
    assert!(!wrong.wait_exit().success());
}
