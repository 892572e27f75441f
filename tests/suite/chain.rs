//! From one gathering to the next: agreements, highlights and parking-lot questions of
//! gathering 1 open gathering 2; statuses set there decide what gathering 3 still carries,
//! with where each agreement was first made.

use ::samling::app::{OverlayMsg, RunMsg, SystemMsg};
use chrono::Duration;
use samling::app::{Msg, Opened, State, running, update};
use samling::i18n::Lang;
use samling::model::{GroupLabel, Session, Status, Timestamp, Who};
use samling::store::catalog;

fn t(day: i64, minutes: i64) -> Timestamp {
    Timestamp::parse("2026-09-14T13:00:00+02:00").unwrap()
        + Duration::days(day)
        + Duration::minutes(minutes)
}

/// Runs `gathering` as a facilitator would, from the session `previous` left, via `update`.
fn hold(
    gathering: u32,
    previous: Option<&Session>,
    day: i64,
    work: impl FnOnce(&mut State),
) -> Session {
    let program = catalog::builtin().0.remove(0);
    let plan = program.gathering(gathering).unwrap().clone();
    let id = format!("{gathering:02}-x");
    let mut session = Session::new(&program, &plan, id, t(day, 0).0.date_naive());
    if let Some(previous) = previous {
        session.carry_from(previous);
    }
    let mut state = running(
        Lang::Nb,
        vec![program],
        Opened::new("x.ron", session),
        t(day, 0),
    );
    update(&mut state, Msg::Run(RunMsg::ToggleTimer), t(day, 0));
    work(&mut state);
    // To the end of the agenda: the gathering ends and the between-rules become agreements.
    let items = state.run().unwrap().session.agenda.len();
    for i in 0..items {
        update(&mut state, Msg::Run(RunMsg::Next), t(day, 100 + i as i64));
    }
    state.run().unwrap().session.clone()
}

fn note(state: &mut State, text: &str, mark: Option<Msg>, day: i64) {
    update(
        state,
        Msg::System(SystemMsg::Paste(text.into())),
        t(day, 10),
    );
    let esc = ratatui::crossterm::event::KeyEvent::from(ratatui::crossterm::event::KeyCode::Esc);
    update(state, Msg::Overlay(OverlayMsg::EditorKey(esc)), t(day, 10));
    if let Some(mark) = mark {
        update(state, mark, t(day, 11));
    }
}

#[test]
fn agreements_and_highlights_flow_from_gathering_to_gathering() {
    let first = hold(1, None, 0, |s| {
        update(s, Msg::Run(RunMsg::SetGroup(GroupLabel::Group(3))), t(0, 5));
        note(
            s,
            "Å bli sett i døra",
            Some(Msg::Run(RunMsg::ToggleHighlight)),
            0,
        );
        note(
            s,
            "Hva med friminuttene?",
            Some(Msg::Run(RunMsg::ToggleParkingLot)),
            0,
        );
        note(
            s,
            "Privat: en kollega gråt",
            Some(Msg::Run(RunMsg::TogglePrivate)),
            0,
        );
        update(
            s,
            Msg::Run(RunMsg::OpenForm(samling::app::FormKind::Agreement)),
            t(0, 20),
        );
        update(
            s,
            Msg::System(SystemMsg::Paste("Prøve en LINK-økt\ni 6B".into())),
            t(0, 20),
        );
        let esc =
            ratatui::crossterm::event::KeyEvent::from(ratatui::crossterm::event::KeyCode::Esc);
        update(s, Msg::Overlay(OverlayMsg::FormKey(esc)), t(0, 21));
    });
    assert!(first.is_finished());
    // Pasted into the form, the line break became a space.
    assert!(
        first
            .agreements
            .iter()
            .any(|c| c.text == "Prøve en LINK-økt i 6B" && c.who == Who::Group(3))
    );
    assert!(
        first
            .agreements
            .iter()
            .any(|c| c.text.contains("minst en LINK-økt"))
    );

    // Gathering 2 opens with them.
    let second = hold(2, Some(&first), 30, |s| {
        let run = s.run().unwrap();
        let since = run.session.since_last.clone().unwrap();
        assert_eq!(since.highlights.len(), 1);
        assert_eq!(since.highlights[0].text, "Å bli sett i døra");
        assert_eq!(since.parking.len(), 1);
        assert!(
            !format!("{since:?}").contains("Privat"),
            "private notes never travel to the next gathering"
        );
        assert_eq!(run.session.carried().count(), first.agreements.len());
        update(s, Msg::Run(RunMsg::OpenReview), t(30, 15));
        // The first carried agreement is done, the second only partly.
        update(s, Msg::Overlay(OverlayMsg::Mark(Status::Done)), t(30, 16));
        update(s, Msg::Overlay(OverlayMsg::ReviewMove(true)), t(30, 16));
        update(s, Msg::Overlay(OverlayMsg::Mark(Status::Partly)), t(30, 17));
    });
    let carried: Vec<_> = second.carried().collect();
    assert_eq!(carried[0].status(), Status::Done);
    assert_eq!(carried[1].status(), Status::Partly);
    assert_eq!(second.previous.as_deref(), Some("01-x"));

    // Gathering 3 carries only what is not done, with its origin in gathering 1, and the
    // LINK rule again from gathering 2.
    let third = hold(3, Some(&second), 60, |_| {});
    let origins: Vec<(String, u32)> = third
        .carried()
        .map(|c| (c.text.clone(), c.origin.gathering))
        .collect();
    assert!(
        origins.contains(&(carried[1].text.clone(), 1)),
        "{origins:?}"
    );
    assert!(
        !origins.iter().any(|(text, _)| *text == carried[0].text),
        "{origins:?}"
    );
    assert!(
        origins
            .iter()
            .any(|(text, g)| text.contains("minst en LINK-økt") && *g == 2),
        "{origins:?}"
    );
}

#[test]
fn gathering_6_shows_what_gathering_1_answered_to_the_questions_it_asks_again() {
    // Gathering 1: two answers to its values question, one of them private.
    let first = hold(1, None, 0, |s| {
        // To the first group reflection with the values question (the built-in
        // "refleksjon-verdier"), and its first prompt.
        while s.run().unwrap().session.current_item().unwrap().id != "refleksjon-verdier" {
            update(s, Msg::Run(RunMsg::Next), t(0, 1));
        }
        update(s, Msg::Run(RunMsg::SetGroup(GroupLabel::Group(4))), t(0, 2));
        note(s, "Respekt og varme", None, 0);
        note(
            s,
            "Privat: vi er slitne",
            Some(Msg::Run(RunMsg::TogglePrivate)),
            0,
        );
    });
    let program = catalog::builtin().0.remove(0);
    let plan = program.gathering(6).unwrap().clone();
    let mut sixth = Session::new(&program, &plan, "06-x".into(), t(300, 0).0.date_naive());
    sixth.mirror_from(&first);
    let opened = Opened::new("x.ron", sixth);
    let mut state = running(Lang::Nb, vec![program], opened, t(300, 0));
    while state.run().unwrap().session.current_item().unwrap().id != "refleksjon-verdier" {
        update(&mut state, Msg::Run(RunMsg::Next), t(300, 1));
    }
    update(&mut state, Msg::Run(RunMsg::ToggleMirror), t(300, 2));
    let mirror = state.run().unwrap().session.mirror_now().cloned().unwrap();
    assert_eq!(mirror.gathering, 1);
    let texts: Vec<&str> = mirror.notes.iter().map(|n| n.text.as_str()).collect();
    assert_eq!(texts, ["Respekt og varme"], "public answers only");
    // Today's answer beside it, on the projector.
    update(
        &mut state,
        Msg::Run(RunMsg::SetGroup(GroupLabel::Group(4))),
        t(300, 3),
    );
    note(&mut state, "Trygghet før alt", None, 300);
    update(&mut state, Msg::Run(RunMsg::ToggleView), t(300, 4));
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(120, 40)).unwrap();
    terminal
        .draw(|f| samling::ui::render(&state, t(300, 5), f))
        .unwrap();
    let screen = terminal.backend().to_string();
    assert!(
        // "Da" and "Nå" head the columns in block letters; which gathering "Da" is, under it.
        screen.contains("1. samling") && screen.contains('▀'),
        "{screen}"
    );
    assert!(
        screen.contains("Respekt og varme") && screen.contains("Trygghet før alt"),
        "{screen}"
    );
    assert!(!screen.contains("slitne"), "{screen}");
}
