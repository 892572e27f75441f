//! `samling plan`: a gathering's date, start, place and must-end time set before the day, in
//! the one prepared session file it opens with; and the bad input it refuses.

use crate::support::cli::samling;
use samling::store;

fn year_ahead() -> chrono::NaiveDate {
    chrono::Local::now().date_naive() + chrono::Duration::days(365)
}

#[test]
fn plan_sets_the_date_start_place_and_end_in_one_file_and_again_edits_it() {
    let dir = tempfile::tempdir().unwrap();
    let date = year_ahead();
    let iso = date.format("%Y-%m-%d").to_string();
    let args = [
        "plan",
        "traumebevisst",
        "-g",
        "2",
        "--date",
        &iso,
        "--start",
        "12.30",
        "--place",
        "Biblioteket",
        "--must-end",
        "15:30",
    ];
    let (code, out, err) = samling(dir.path(), &args);
    assert_eq!(code, Some(0), "{err}");
    let shown = date.format("%d.%m.%Y").to_string();
    assert!(
        out.contains(&format!("{shown} 12:30–15:20, Biblioteket")),
        "{out}"
    );
    let file = dir
        .path()
        .join(format!("sessions/traumebevisst/02-{iso}.ron"));
    let session = store::load_session(&file).unwrap();
    assert_eq!((session.gathering, session.date), (2, date));
    assert_eq!(session.start.format("%H:%M").to_string(), "12:30");
    assert_eq!(session.place, "Biblioteket");
    assert!(session.timing.is_empty(), "prepared, not begun");
    // Again, a week later, in the Norwegian way of writing it: the same file.
    let later = date + chrono::Duration::days(7);
    let dotted = later.format("%d.%m.%Y").to_string();
    let (code, _, err) = samling(
        dir.path(),
        &["plan", "traumebevisst", "-g", "2", "--date", &dotted],
    );
    assert_eq!(code, Some(0), "{err}");
    let files = store::paths::ron_files(&dir.path().join("sessions/traumebevisst")).unwrap();
    assert_eq!(files, vec![file.clone()]);
    let session = store::load_session(&file).unwrap();
    assert_eq!(session.date, later);
    assert_eq!(session.place, "Biblioteket", "what was not given stays");
    // Gathering 3 on the same date: set, with a warning.
    let (code, _, err) = samling(
        dir.path(),
        &["plan", "traumebevisst", "-g", "3", "--date", &dotted],
    );
    assert_eq!(code, Some(0), "{err}");
    assert!(
        err.contains(&format!("2. samling er også satt til {dotted}")),
        "{err}"
    );
}

#[test]
fn bad_dates_and_times_a_past_date_and_a_held_gathering_are_refused_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let future = year_ahead().format("%d.%m.%Y").to_string();
    for (args, says) in [
        (
            vec!["--date", "14.13.2027"],
            "«14.13.2027» er ikke en dato: skriv 14.01.2027 eller 2027-01-14",
        ),
        (
            vec!["--date", &future, "--start", "25"],
            "«25» er ikke et klokkeslett",
        ),
        (
            vec!["--date", &future, "--must-end", "snart"],
            "«snart» er ikke et klokkeslett",
        ),
        (
            vec!["--date", "01.01.2020"],
            "01.01.2020 er passert; legg til --yes",
        ),
    ] {
        let mut all = vec!["plan", "traumebevisst", "-g", "2"];
        all.extend(args);
        let (code, _, err) = samling(dir.path(), &all);
        assert_eq!(code, Some(1), "{all:?}");
        assert!(err.contains(says), "{all:?}: {err}");
    }
    assert!(!dir.path().join("sessions").exists(), "nothing written");
    let (code, _, err) = samling(
        dir.path(),
        &["plan", "traumebevisst", "-g", "9", "--date", &future],
    );
    assert_eq!(code, Some(1));
    assert!(err.contains("har ingen 9. samling"), "{err}");
    // With --yes, a past date is set.
    let (code, _, err) = samling(
        dir.path(),
        &[
            "plan",
            "traumebevisst",
            "-g",
            "1",
            "--date",
            "01.01.2020",
            "--yes",
        ],
    );
    assert_eq!(code, Some(0), "{err}");
    // Held: ended, with a note. Then it is not prepared again, and the way to hold it again is
    // named.
    let file = dir.path().join("sessions/traumebevisst/01-2020-01-01.ron");
    let mut session = store::load_session(&file).unwrap();
    session.ended = Some(samling::model::Timestamp::parse("2020-01-01T16:00:00+01:00").unwrap());
    store::save_session(&file, &session).unwrap();
    let before = std::fs::read(&file).unwrap();
    let (code, _, err) = samling(
        dir.path(),
        &["plan", "traumebevisst", "-g", "1", "--date", &future],
    );
    assert_eq!(code, Some(1));
    assert!(
        err.contains("samling run traumebevisst -g 1 --again"),
        "{err}"
    );
    assert_eq!(std::fs::read(&file).unwrap(), before);
}

#[test]
fn the_participants_agenda_is_written_from_the_prepared_gathering_with_nothing_private() {
    let dir = tempfile::tempdir().unwrap();
    let date = year_ahead();
    let dotted = date.format("%d.%m.%Y").to_string();
    let (code, _, err) = samling(
        dir.path(),
        &[
            "plan",
            "traumebevisst",
            "-g",
            "2",
            "--date",
            &dotted,
            "--start",
            "12:30",
            "--place",
            "Biblioteket",
        ],
    );
    assert_eq!(code, Some(0), "{err}");
    let (code, out, err) = samling(
        dir.path(),
        &[
            "export",
            "traumebevisst",
            "-g",
            "2",
            "--agenda",
            "--format",
            "html",
        ],
    );
    assert_eq!(code, Some(0), "{err}");
    let file = dir.path().join(format!(
        "sessions/traumebevisst/02-{}.ron.agenda.html",
        date.format("%Y-%m-%d")
    ));
    assert!(out.contains(&file.display().to_string()), "{out}");
    let page = std::fs::read_to_string(&file).unwrap();
    assert!(
        page.contains(&format!("{dotted}, 12:30–15:20, Biblioteket")),
        "{page}"
    );
    assert!(page.contains("<td class=\"t\">12:40</td>"), "{page}");
    let program = store::catalog::builtin().0.remove(0);
    for item in &program.gathering(2).unwrap().agenda {
        assert!(
            page.contains(&item.title.replace('\'', "&#39;")),
            "{}",
            item.title
        );
        if !item.facilitator_note.is_empty() {
            assert!(
                !page.contains(&item.facilitator_note),
                "private: {}",
                item.facilitator_note
            );
        }
    }
    roxmltree::Document::parse(
        &page
            .replace("<!DOCTYPE html>", "")
            .replace("<meta charset=\"utf-8\">", "<meta charset=\"utf-8\"/>"),
    )
    .expect("well-formed");
    // Again: refused without --force; the plan alone, to a file named with -o.
    let (code, _, _) = samling(
        dir.path(),
        &[
            "export",
            "traumebevisst",
            "-g",
            "2",
            "--agenda",
            "--format",
            "html",
        ],
    );
    assert_eq!(code, Some(1));
    let out = dir.path().join("g3.md");
    let (code, _, err) = samling(
        dir.path(),
        &[
            "export",
            "traumebevisst",
            "-g",
            "3",
            "--agenda",
            "-o",
            out.to_str().unwrap(),
        ],
    );
    assert_eq!(code, Some(0), "{err}");
    let md = std::fs::read_to_string(&out).unwrap();
    assert!(md.contains("dato ikke satt, 13:00–15:50"), "{md}");
}

#[test]
fn the_calendar_holds_the_planned_gatherings_and_imports_as_rfc_5545() {
    use icalendar::{Calendar, Component, EventLike};
    let dir = tempfile::tempdir().unwrap();
    for (g, days) in [("2", 30), ("3", 60)] {
        let date = (chrono::Local::now().date_naive() + chrono::Duration::days(days))
            .format("%d.%m.%Y")
            .to_string();
        let (code, _, err) = samling(
            dir.path(),
            &[
                "plan",
                "traumebevisst",
                "-g",
                g,
                "--date",
                &date,
                "--start",
                "12:30",
                "--place",
                "Gymsalen",
            ],
        );
        assert_eq!(code, Some(0), "{err}");
    }
    let file = dir.path().join("samlinger.ics");
    let (code, out, err) = samling(dir.path(), &["calendar", "-o", file.to_str().unwrap()]);
    assert_eq!(code, Some(0), "{err}");
    assert!(out.contains("2 hendelser"), "{out}");
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.contains("\r\n"), "lines end in CRLF, as RFC 5545 says");
    let calendar: Calendar = text.parse().expect("parses back");
    let events: Vec<_> = calendar.events().collect();
    assert_eq!(events.len(), 2);
    assert!(events.iter().all(|e| e.get_location() == Some("Gymsalen")));
    assert!(
        events[0].get_summary().unwrap().contains("2. samling"),
        "{text}"
    );
    // Printed without -o; a program not known is refused.
    let (code, out, _) = samling(dir.path(), &["calendar", "traumebevisst"]);
    assert_eq!(code, Some(0));
    assert!(out.starts_with("BEGIN:VCALENDAR"), "{out}");
    let (code, _, err) = samling(dir.path(), &["calendar", "ukjent"]);
    assert_eq!(code, Some(1));
    assert!(err.contains("ukjent"), "{err}");
}

#[test]
fn before_the_next_gathering_shows_its_date_once_it_is_planned() {
    use samling::model::{Agreement, AgreementId, Due, Origin, Timestamp, Who};
    let dir = tempfile::tempdir().unwrap();
    let layout = store::Layout::new(dir.path());
    let program = store::catalog::builtin().0.remove(0);
    let day = chrono::NaiveDate::from_ymd_opt(2026, 9, 14).unwrap();
    let config = store::config::Config::default();
    let mut first = store::sessions::open(&layout, &program, 1, day, &config, &[], &[]).unwrap();
    let at = Timestamp::parse("2026-09-14T15:00:00+02:00").unwrap();
    let id = first.session.id.clone();
    first.session.agreements.push(Agreement {
        id: AgreementId::new(&id, 1),
        text: "Prøve ut en LINK-økt i 7A".into(),
        who: Who::Everyone,
        due: Due::NextGathering,
        origin: Origin {
            session: id,
            gathering: 1,
            item: "velkommen".into(),
            item_title: "Velkommen".into(),
            group: None,
        },
        history: vec![],
    });
    first.session.ended = Some(at);
    store::save_session(&first.path, &first.session).unwrap();
    drop(first);
    let (_, out, _) = samling(dir.path(), &["agreements"]);
    assert!(
        out.contains("før neste samling\n") || out.contains("før neste samling ·"),
        "{out}"
    );
    let date = year_ahead();
    let dotted = date.format("%d.%m.%Y").to_string();
    let (code, _, err) = samling(
        dir.path(),
        &["plan", "traumebevisst", "-g", "2", "--date", &dotted],
    );
    assert_eq!(code, Some(0), "{err}");
    let (_, out, _) = samling(dir.path(), &["agreements"]);
    assert!(
        out.contains(&format!("før neste samling ({dotted})")),
        "{out}"
    );
    let md = dir.path().join("r.md");
    let (code, _, err) = samling(
        dir.path(),
        &[
            "export",
            "traumebevisst",
            "-g",
            "1",
            "-o",
            md.to_str().unwrap(),
        ],
    );
    assert_eq!(code, Some(0), "{err}");
    let text = std::fs::read_to_string(&md).unwrap();
    let escaped = dotted.replace('.', "\\.");
    assert!(
        text.contains(&format!("før neste samling \\({escaped}\\)")),
        "{text}"
    );
}
