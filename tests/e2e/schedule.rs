//! The day as it really goes, in the real binary: a gathering opened at any hour is not behind
//! before it starts; started, an item skipped, an optional module inserted, a "must end by"
//! time set, the drift proposal accepted; and all of it in the saved file and in the minutes.

use std::path::Path;

use crate::support::cli::samling;
use crate::support::pty::Pty;
use chrono::{Duration, Local, NaiveTime, Timelike};
use samling::store;

fn start(dir: &Path) -> Pty {
    let data = dir.join("data");
    Pty::spawn(&["--dir", data.to_str().unwrap(), "run"], dir, &[], 100, 30)
}

#[test]
fn skip_insert_a_module_and_accept_a_proposal_and_find_it_all_saved_and_in_the_minutes() {
    let dir = tempfile::tempdir().unwrap();
    let mut pty = start(dir.path());
    pty.wait_for("Velkommen og innsjekk");
    assert!(!pty.screen().contains("min bak"), "{}", pty.screen());
    // Start; then in the schedule panel skip the item after the current one and insert the
    // program's first optional module after it.
    pty.send(" ");
    pty.wait_for("slutt ca.");
    pty.send("t");
    pty.wait_for("Tidsplan");
    pty.send("h");
    pty.wait_for("hoppet over");
    pty.send("m");
    pty.wait_for("Valgfrie moduler");
    pty.send("\r");
    pty.wait_for("lagt til");
    pty.send_alone("\x1b");
    // The gathering must end an hour from now (or just before midnight), well before the
    // three hours its agenda needs.
    let now = Local::now().naive_local().time();
    let must_end = if now.hour() < 22 {
        now + Duration::minutes(60)
    } else {
        NaiveTime::from_hms_opt(23, 59, 0).unwrap()
    };
    let must_end = must_end.format("%H:%M").to_string();
    pty.send("s");
    pty.wait_for("Må slutte");
    pty.send(&format!("\t\t\t\t{must_end}\r"));
    pty.wait_for("min for sent (t f)");
    pty.send("t");
    pty.wait_for("Tidsplan");
    pty.send("f");
    pty.wait_for("Forslag: slik rekker vi det");
    pty.send("\r");
    pty.wait_for("Rekker det i tide");
    pty.send_alone("\x1b");
    pty.send("q");
    assert!(pty.wait_exit().success());

    let data = dir.path().join("data");
    let files = store::paths::ron_files(&data.join("sessions/traumebevisst")).unwrap();
    let session = store::load_session(&files[0]).unwrap();
    // Skipped by hand first; the proposal may have skipped more.
    assert_eq!(session.skipped[0].item, "innlegg-programmet");
    assert!(!session.inserted.is_empty());
    let inserted = &session.inserted[0].item;
    let at = session
        .agenda
        .iter()
        .position(|i| i.id == *inserted)
        .unwrap();
    assert_eq!(
        session.agenda[at - 1].id,
        "innlegg-programmet",
        "after the skipped item"
    );
    assert_eq!(
        session.must_end.map(|t| t.format("%H:%M").to_string()),
        Some(must_end)
    );
    // The proposal shortened or skipped upcoming items, and the day now lands on time.
    let shortened = session.timing.iter().any(|t| {
        t.events
            .iter()
            .any(|e| matches!(e, samling::model::TimerEvent::Extended(_, m) if *m < 0))
    });
    assert!(shortened || session.skipped.len() > 1, "{session:?}");
    let now = samling::model::Timestamp(Local::now().fixed_offset());
    let day = samling::model::schedule::project(&session, now);
    assert!(day.overrun() <= 0, "{:?} past {:?}", day.end, day.target());

    let (code, out, err) = samling(&data, &["export", files[0].to_str().unwrap()]);
    assert_eq!(code, Some(0), "{err}");
    let path = out.trim().rsplit(' ').next().unwrap().to_string();
    let minutes = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}\n{out}"));
    assert!(minutes.contains("hoppet over"), "{minutes}");
    assert!(minutes.contains(r"\(lagt til\)"), "{minutes}");
}

#[test]
fn home_e_prepares_a_gathering_and_enter_then_opens_it_not_begun() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let mut pty = Pty::spawn(&["--dir", data.to_str().unwrap()], dir.path(), &[], 100, 30);
    pty.wait_for("Programmer");
    // Gathering 2: prepare it for a day a year ahead, at 12:30, ending by 15:30.
    pty.send("\t\x1b[B");
    pty.wait_for("2. samling: Klassen");
    pty.send("e");
    pty.wait_for("Forbered 2. samling");
    let date = (Local::now().date_naive() + Duration::days(365))
        .format("%d.%m.%Y")
        .to_string();
    pty.send("s");
    pty.wait_for("Må slutte");
    pty.send("\t\t");
    pty.send(&"\x7f".repeat(12));
    pty.send(&format!("{date}\t"));
    pty.send(&"\x7f".repeat(6));
    pty.send("12:30\t15:30\r");
    pty.wait_for(&format!("{date} 12:30 · må slutte 15:30"));
    // Skip the third item while preparing; then done.
    pty.send("jh");
    pty.wait_for("hoppet over");
    pty.send_alone("\x1b");
    pty.wait_for(&format!("Forberedt til {date} kl. 12:30"));
    // The home screen lists the agenda as prepared: from 12:30, the skipped item left out.
    pty.wait_for("12:30 Velkommen");
    assert!(
        !pty.screen().contains("Siden sist: LINK"),
        "{}",
        pty.screen()
    );
    let files = store::paths::ron_files(&data.join("sessions/traumebevisst")).unwrap();
    assert_eq!(files.len(), 1);
    let prepared = store::load_session(&files[0]).unwrap();
    assert_eq!(prepared.skipped.len(), 1);
    assert!(prepared.timing.is_empty());
    // Enter opens it: not begun, from the prepared agenda, in the same file.
    pty.send("\r");
    pty.wait_for(&format!("starter {date} 12:30"));
    assert!(!pty.screen().contains("min bak"), "{}", pty.screen());
    pty.send("q");
    assert!(pty.wait_exit().success());
    let files = store::paths::ron_files(&data.join("sessions/traumebevisst")).unwrap();
    assert_eq!(files.len(), 1, "the prepared file, no other: {files:?}");
    let run = store::load_session(&files[0]).unwrap();
    assert_eq!(run.skipped, prepared.skipped);
}
