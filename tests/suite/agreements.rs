//! `samling agreements` lists what is still to do across held gatherings, from the real binary.

use crate::support::cli::samling;
use ::samling::model::{Agreement, Due, Origin, Status, StatusChange, Timestamp, Who};
use ::samling::store::catalog;
use ::samling::store::config::Config;
use ::samling::store::{Layout, save_session, sessions};
use chrono::NaiveDate;

fn agreement(id: u32, text: &str, status: Status) -> Agreement {
    let at = Timestamp::parse("2026-09-14T15:40:00+02:00").unwrap();
    Agreement {
        id: ::samling::model::AgreementId::new("01-2026-09-14", id),
        text: text.into(),
        who: Who::Group(2),
        due: Due::NextGathering,
        origin: Origin {
            session: "01-2026-09-14".into(),
            gathering: 1,
            item: "planlegging-link".into(),
            item_title: String::new(),
            group: None,
        },
        history: vec![StatusChange {
            status,
            at,
            comment: String::new(),
        }],
    }
}

#[test]
fn open_partly_and_not_done_agreements_are_listed_done_and_dropped_are_not() {
    let dir = tempfile::tempdir().unwrap();
    let layout = Layout::new(dir.path());
    let program = catalog::builtin().0.remove(0);
    let day = NaiveDate::from_ymd_opt(2026, 9, 14).unwrap();
    let mut opened =
        sessions::open(&layout, &program, 1, day, &Config::default(), &[], &[]).unwrap();
    opened.session.agreements = vec![
        agreement(1, "LINK-økt i 6B", Status::Open),
        agreement(2, "Ferdig allerede", Status::Done),
        agreement(3, "Delvis gjort", Status::Partly),
        agreement(4, "Droppet", Status::Dropped),
    ];
    save_session(&opened.path, &opened.session).unwrap();
    drop(opened);

    let (code, out, err) = samling(dir.path(), &["agreements"]);
    assert_eq!(code, Some(0), "{err}");
    assert!(out.contains("LINK-økt i 6B"), "{out}");
    assert!(out.contains("gruppe 2 · før neste samling · åpen"), "{out}");
    assert!(
        out.contains("1. samling: Hvem er vi, og hva vil vi (14.09.2026)"),
        "{out}"
    );
    assert!(
        out.contains("Planlegging"),
        "the item's title, not its id: {out}"
    );
    assert!(out.contains("Delvis gjort"), "{out}");
    assert!(
        !out.contains("Ferdig allerede") && !out.contains("Droppet"),
        "{out}"
    );

    let (code, _, err) = samling(dir.path(), &["agreements", "finnes-ikke"]);
    assert_eq!(code, Some(1));
    assert!(err.contains("finnes-ikke"), "{err}");
}

#[test]
fn history_lists_held_gatherings_with_their_counts() {
    let dir = tempfile::tempdir().unwrap();
    let layout = Layout::new(dir.path());
    let program = catalog::builtin().0.remove(0);
    let day = NaiveDate::from_ymd_opt(2026, 9, 14).unwrap();
    let mut opened =
        sessions::open(&layout, &program, 1, day, &Config::default(), &[], &[]).unwrap();
    opened.session.place = "Personalrommet".into();
    opened.session.agreements = vec![agreement(1, "LINK-økt i 6B", Status::Open)];
    save_session(&opened.path, &opened.session).unwrap();
    drop(opened);
    let (code, out, err) = samling(dir.path(), &["history"]);
    assert_eq!(code, Some(0), "{err}");
    assert!(
        out.contains("14.09.2026  1. samling: Hvem er vi, og hva vil vi (påbegynt)"),
        "{out}"
    );
    assert!(
        out.contains("Personalrommet · 0 notater · 1 avtale"),
        "{out}"
    );
}

#[test]
fn nothing_held_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let (code, out, _) = samling(dir.path(), &["--lang", "en", "agreements"]);
    assert_eq!(code, Some(0));
    assert_eq!(out.trim(), "No open agreements.");
}

#[test]
fn an_agreement_reviewed_at_a_later_gathering_is_listed_as_that_gathering_left_it_and_once() {
    let dir = tempfile::tempdir().unwrap();
    let layout = Layout::new(dir.path());
    let program = catalog::builtin().0.remove(0);
    let first_day = NaiveDate::from_ymd_opt(2026, 9, 14).unwrap();
    let mut first = sessions::open(
        &layout,
        &program,
        1,
        first_day,
        &Config::default(),
        &[],
        &[],
    )
    .unwrap();
    first.session.agreements = vec![
        agreement(1, "LINK-økt i 6B", Status::Open),
        agreement(2, "Felles regler i friminuttet", Status::Open),
    ];
    save_session(&first.path, &first.session).unwrap();
    drop(first);

    // Gathering 2 carries both and marks the second done; gathering 1's file still says open.
    let (held, problems) = sessions::held(&layout, &program.id);
    assert!(problems.is_empty());
    let second_day = NaiveDate::from_ymd_opt(2026, 10, 12).unwrap();
    let mut second = sessions::open(
        &layout,
        &program,
        2,
        second_day,
        &Config::default(),
        &held,
        &[],
    )
    .unwrap();
    let done = second
        .session
        .agreements
        .iter_mut()
        .find(|c| c.text == "Felles regler i friminuttet")
        .unwrap();
    done.history.push(StatusChange {
        status: Status::Done,
        at: Timestamp::parse("2026-10-12T13:20:00+02:00").unwrap(),
        comment: String::new(),
    });
    save_session(&second.path, &second.session).unwrap();
    drop(second);

    let (code, out, err) = samling(dir.path(), &["agreements"]);
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(out.matches("LINK-økt i 6B").count(), 1, "{out}");
    assert!(!out.contains("Felles regler"), "{out}");
    assert!(
        out.contains("1. samling: Hvem er vi, og hva vil vi (14.09.2026)"),
        "where it was made, not where it was carried to: {out}"
    );
}

#[test]
fn a_gathering_begun_again_by_mistake_hides_nothing_from_history_export_or_agreements() {
    let dir = tempfile::tempdir().unwrap();
    let layout = Layout::new(dir.path());
    let program = catalog::builtin().0.remove(0);
    let day = NaiveDate::from_ymd_opt(2026, 9, 14).unwrap();
    let mut real = sessions::open(&layout, &program, 1, day, &Config::default(), &[], &[]).unwrap();
    real.session.agreements = vec![agreement(1, "LINK-økt i 6B", Status::Open)];
    real.session.ended = Some(Timestamp::parse("2026-09-14T16:00:00+02:00").unwrap());
    save_session(&real.path, &real.session).unwrap();
    drop(real);
    // Started again a week later and left at once: a new, empty session of gathering 1.
    let (held, _) = sessions::held(&layout, &program.id);
    let later = NaiveDate::from_ymd_opt(2026, 9, 21).unwrap();
    let stray =
        sessions::open(&layout, &program, 1, later, &Config::default(), &held, &[]).unwrap();
    assert!(stray.path.ends_with("01-2026-09-21.ron"));
    drop(stray);

    let (code, out, err) = samling(dir.path(), &["history"]);
    assert_eq!(code, Some(0), "{err}");
    assert!(out.contains("14.09.2026"), "{out}");
    assert!(
        !out.contains("21.09.2026"),
        "the empty one was not held: {out}"
    );
    let (_, out, _) = samling(dir.path(), &["agreements"]);
    assert!(out.contains("LINK-økt i 6B"), "{out}");
    let (code, out, err) = samling(dir.path(), &["export", "traumebevisst", "-g", "1"]);
    assert_eq!(code, Some(0), "{err}");
    assert!(out.contains("01-2026-09-14.ron.referat.md"), "{out}");
}
