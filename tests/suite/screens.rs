//! Snapshots of the screens of a running gathering, at 80×24 and 200×60, in bokmål and
//! English, drawn on ratatui's TestBackend from a state built through `update`, and the rule
//! that the projector never shows anything private.

use ::samling::app::{OverlayMsg, RunMsg, SystemMsg};
use chrono::Duration;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;

use samling::app::{Msg, Opened, State, update};
use samling::i18n::Lang;
use samling::model::{GroupLabel, Note, NoteKind, Program, Session, Timestamp};
use samling::store::catalog;
use samling::ui;

const PRIVATE_NOTE: &str = "Hemmelig: rektor er syk i dag";
const FACILITATOR_NOTE: &str = "Husk å ha papir og penner klare";

fn t(seconds: i64) -> Timestamp {
    Timestamp::parse("2026-11-23T13:00:00+01:00").unwrap() + Duration::seconds(seconds)
}

/// Gathering 1, on its third item (a group reflection with timed steps) five minutes in, with
/// two notes, one of them private, and a facilitator note. Each item before took 14 minutes:
/// the day runs ahead.
fn running(lang: Lang) -> State {
    running_after(lang, 14)
}

/// The same, each item before having taken `minutes_each`.
fn running_after(lang: Lang, minutes_each: i64) -> State {
    let program = catalog::builtin().0.remove(0);
    let plan = program.gathering(1).unwrap().clone();
    let mut session = Session::new(&program, &plan, "01-2026-11-23".into(), t(0).0.date_naive());
    session.place = "Personalrommet".into();
    let reflection = session
        .agenda
        .iter()
        .position(|i| !i.steps.is_empty())
        .expect("an item with steps");
    session.agenda[reflection].facilitator_note = FACILITATOR_NOTE.into();
    let mut state = opened(
        lang,
        program,
        session,
        "/data/sessions/traumebevisst/01-2026-11-23.ron",
    );
    update(&mut state, Msg::Run(RunMsg::ToggleTimer), t(0));
    let mut at = 0;
    for _ in 0..reflection {
        at += minutes_each * 60;
        update(&mut state, Msg::Run(RunMsg::Next), t(at));
    }
    let upto = state.run().expect("running").saving.changes;
    let result = Ok(0);
    update(
        &mut state,
        Msg::System(SystemMsg::Saved { upto, result }),
        t(at),
    );
    update(
        &mut state,
        Msg::Run(RunMsg::SetGroup(GroupLabel::Group(2))),
        t(at),
    );
    let item = state.run().unwrap().session.agenda[reflection].id.clone();
    if let samling::app::Screen::Run(run) = &mut state.screen {
        for (id, text, private) in [
            (1, "Å bli sett når man kommer inn døra", false),
            (2, PRIVATE_NOTE, true),
        ] {
            run.session.push_note(Note {
                id: samling::model::NoteId::new("f", id),
                created: t(at + 60),
                edited: t(at + 60),
                item: item.clone(),
                prompt: Some("p1".into()),
                group: GroupLabel::Group(id as u8),
                kind: NoteKind::Reflection,
                text: text.into(),
                private,
                by: None,
            });
        }
    }
    state
}

fn draw(state: &State, now: Timestamp, width: u16, height: u16) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|f| ui::render(state, now, f)).unwrap();
    terminal.backend().buffer().clone()
}

fn text(buffer: &Buffer) -> String {
    let width = buffer.area.width as usize;
    buffer
        .content
        .chunks(width)
        .map(|row| row.iter().map(|c| c.symbol()).collect::<String>())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Five minutes into the reflection.
fn now_in(state: &State) -> Timestamp {
    let run = state.run().unwrap();
    let started = run
        .session
        .timing_of(&run.session.current_item().unwrap().id)
        .unwrap()
        .first_started()
        .unwrap();
    started + Duration::minutes(5)
}

#[test]
fn facilitator_view() {
    for (lang, name) in [(Lang::Nb, "nb"), (Lang::En, "en")] {
        let state = running(lang);
        let now = now_in(&state);
        for (w, h) in [(80, 24), (200, 60)] {
            let screen = text(&draw(&state, now, w, h));
            assert!(
                screen.contains(FACILITATOR_NOTE),
                "the facilitator sees their note"
            );
            insta::assert_snapshot!(format!("facilitator_{name}_{w}x{h}"), screen);
        }
    }
}

/// Gathering 1 opened, nothing started.
fn not_begun(lang: Lang) -> State {
    let program = catalog::builtin().0.remove(0);
    let plan = program.gathering(1).unwrap().clone();
    let session = Session::new(&program, &plan, "01-2026-11-23".into(), t(0).0.date_naive());
    opened(
        lang,
        program,
        session,
        "/data/sessions/traumebevisst/01-2026-11-23.ron",
    )
}

#[test]
fn a_gathering_not_begun_says_when_it_starts_and_is_never_behind() {
    for (lang, name, soon, late, behind) in [
        (
            Lang::Nb,
            "nb",
            "starter 13:00 (om 12 min)",
            "planlagt 13:00, ikke startet",
            "min bak",
        ),
        (
            Lang::En,
            "en",
            "starts 13:00 (in 12 min)",
            "planned 13:00, not started",
            "min behind",
        ),
    ] {
        let state = not_begun(lang);
        // Twelve minutes before the plan's start.
        let early = text(&draw(&state, t(-12 * 60), 80, 24));
        assert!(early.contains(soon), "{early}");
        // Opened at ten to seven in the evening, six hours after the plan's start: still
        // not begun, nothing behind; the agenda is projected from now, the plan dimmed beside.
        let evening = t(5 * 3600 + 50 * 60);
        for (w, h) in [(80, 24), (200, 60)] {
            let screen = text(&draw(&state, evening, w, h));
            assert!(screen.contains(late), "{screen}");
            assert!(!screen.contains(behind), "{screen}");
            insta::assert_snapshot!(format!("not_begun_{name}_{w}x{h}"), screen);
        }
    }
}

#[test]
fn a_late_start_that_keeps_its_minutes_is_on_time() {
    let mut state = not_begun(Lang::Nb);
    // Started a quarter of an hour late; the first item has had five of its minutes.
    update(&mut state, Msg::Run(RunMsg::ToggleTimer), t(15 * 60));
    let screen = text(&draw(&state, t(20 * 60), 200, 60));
    // On time against its own start, but past the plan's end: the status line says both, and
    // the keys to a proposal.
    assert!(
        screen.contains("i rute · slutt ca. 16:05, 15 min for sent (t f)"),
        "{screen}"
    );
    assert!(screen.contains("▶ 13:15 Velkommen"), "{screen}");
    assert!(screen.contains("13:30 (13:15) Om programmet"), "{screen}");
}

#[test]
fn projector_view_shows_nothing_private() {
    for (lang, name, behind, saved) in [
        (Lang::Nb, "nb", "min bak", "lagret"),
        (Lang::En, "en", "behind", "saved"),
    ] {
        // Twenty minutes an item before: the day runs behind, which the facilitator sees and
        // the room must not.
        let mut state = running_after(lang, 20);
        let now = now_in(&state);
        for (w, h) in [(80, 24), (200, 60)] {
            let laptop = text(&draw(&state, now, w, h));
            for private in [FACILITATOR_NOTE, PRIVATE_NOTE, behind, saved] {
                assert!(
                    laptop.contains(private),
                    "{private:?} not on the facilitator view:\n{laptop}"
                );
            }
        }
        update(&mut state, Msg::Run(RunMsg::ToggleView), now);
        for (w, h) in [(80, 24), (120, 35), (200, 60)] {
            let screen = text(&draw(&state, now, w, h));
            for private in [FACILITATOR_NOTE, PRIVATE_NOTE, "Å bli sett", behind, saved] {
                assert!(
                    !screen.contains(private),
                    "{private:?} on the projector:\n{screen}"
                );
            }
            let prompt = &state.run().unwrap().session.current_item().unwrap().prompts[0].text;
            let first_words: String = prompt
                .split_whitespace()
                .take(3)
                .collect::<Vec<_>>()
                .join(" ");
            // On the large screen the question is in block letters (half blocks), on the small
            // one it is text.
            let shown = if w >= 120 {
                in_blocks(&screen)
            } else {
                screen.contains(&first_words)
            };
            assert!(shown, "the question is shown:\n{screen}");
            // Five minutes into a 1-2-4-alle item: the step is the heading over the big digits,
            // the item and its own time a small line under them.
            let step = if lang == Lang::Nb {
                "Trinn 3/4: Fire sammen"
            } else {
                "Step 3/4: Fire sammen"
            };
            let item_row = screen
                .lines()
                .position(|l| l.contains("Verdiene våre  20:00"));
            // On the large screens the step's name is in block letters above the digits.
            let heading_row = if w >= 120 {
                screen.lines().position(in_blocks)
            } else {
                screen.lines().position(|l| l.contains(step))
            };
            assert!(heading_row < item_row && heading_row.is_some(), "{screen}");
            insta::assert_snapshot!(format!("projector_{name}_{w}x{h}"), screen);
        }
    }
}

#[test]
fn the_countdown_turns_warning_then_alarm_coloured_on_the_projector() {
    let mut state = running(Lang::Nb);
    let now = now_in(&state);
    update(&mut state, Msg::Run(RunMsg::ToggleView), now);
    let item_minutes = state.run().unwrap().session.current_item().unwrap().minutes as i64;
    let start = now - Duration::minutes(5);
    let colour_of_digits = |at: Timestamp| {
        let buffer = draw(&state, at, 80, 24);
        buffer
            .content
            .iter()
            .find(|c| c.symbol() == "█")
            .map(|c| c.fg)
            .unwrap()
    };
    // In the theme's colours (dark, 24-bit by default).
    let c = samling::ui::theme::Colors::default();
    assert_eq!(colour_of_digits(start + Duration::minutes(1)), c.clock.0);
    assert_eq!(
        colour_of_digits(start + Duration::minutes(item_minutes - 1)),
        c.warning.0
    );
    let over = start + Duration::minutes(item_minutes) + Duration::seconds(75);
    assert_eq!(colour_of_digits(over), c.overtime.0);
    // Overtime reads +MM:SS: the plus is drawn as a block glyph too, so check the text form.
    assert_eq!(
        samling::ui::widgets::countdown(state.run().unwrap().session.remaining(over)),
        "+01:15"
    );
}

#[test]
fn help_overlay_lists_every_key_in_the_language() {
    for (lang, name, word) in [
        (Lang::Nb, "nb", "neste agendapunkt"),
        (Lang::En, "en", "next agenda item"),
    ] {
        let mut state = running(lang);
        let now = now_in(&state);
        update(&mut state, Msg::Overlay(OverlayMsg::ToggleHelp), now);
        for (w, h) in [(80, 24), (200, 60)] {
            let screen = text(&draw(&state, now, w, h));
            assert!(screen.contains(word), "{screen}");
            insta::assert_snapshot!(format!("help_{name}_{w}x{h}"), screen);
        }
    }
}

#[test]
fn note_editor_and_delete_question() {
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    for (lang, name) in [(Lang::Nb, "nb"), (Lang::En, "en")] {
        let mut state = running(lang);
        let now = now_in(&state);
        update(&mut state, Msg::Run(RunMsg::NewNote), now);
        for c in "Trygghet først – så læring. Æ Ø Å".chars() {
            let key = KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
            update(&mut state, Msg::Overlay(OverlayMsg::EditorKey(key)), now);
        }
        for (w, h) in [(80, 24), (200, 60)] {
            let screen = text(&draw(&state, now, w, h));
            assert!(
                screen.contains("Trygghet først – så læring. Æ Ø Å"),
                "{screen}"
            );
            insta::assert_snapshot!(format!("editor_{name}_{w}x{h}"), screen);
        }
        let esc = KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE);
        update(&mut state, Msg::Overlay(OverlayMsg::EditorKey(esc)), now);
        update(&mut state, Msg::Run(RunMsg::DeleteNote), now);
        let screen = text(&draw(&state, now, 80, 24));
        insta::assert_snapshot!(format!("confirm_delete_{name}_80x24"), screen);
    }
}

#[test]
fn the_form_for_place_and_facilitator() {
    for (lang, name) in [(Lang::Nb, "nb"), (Lang::En, "en")] {
        let mut state = running(lang);
        let now = now_in(&state);
        update(
            &mut state,
            Msg::Run(RunMsg::OpenForm(samling::app::FormKind::Info)),
            now,
        );
        let screen = text(&draw(&state, now, 80, 24));
        assert!(screen.contains("Personalrommet"), "{screen}");
        insta::assert_snapshot!(format!("info_{name}_80x24"), screen);
    }
}

#[test]
fn the_agreement_form_says_why_it_cannot_be_saved_and_agreements_are_listed() {
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    use samling::app::FormKind;
    let key = |c| Msg::Overlay(OverlayMsg::FormKey(KeyEvent::new(c, KeyModifiers::NONE)));
    for (lang, name) in [(Lang::Nb, "nb"), (Lang::En, "en")] {
        let mut state = running(lang);
        let now = now_in(&state);
        update(
            &mut state,
            Msg::Run(RunMsg::OpenForm(FormKind::Agreement)),
            now,
        );
        for c in "Prøve en LINK-økt i 6B".chars() {
            update(&mut state, key(KeyCode::Char(c)), now);
        }
        update(&mut state, key(KeyCode::Enter), now);
        update(&mut state, key(KeyCode::Enter), now);
        for c in "til jul".chars() {
            update(&mut state, key(KeyCode::Char(c)), now);
        }
        update(&mut state, key(KeyCode::Enter), now);
        insta::assert_snapshot!(
            format!("agreement_form_{name}_80x24"),
            text(&draw(&state, now, 80, 24))
        );
        for _ in 0..7 {
            update(&mut state, key(KeyCode::Backspace), now);
        }
        update(&mut state, key(KeyCode::Esc), now);
        let screen = text(&draw(&state, now, 80, 24));
        assert!(screen.contains("Prøve en LINK-økt i 6B"), "{screen}");
        insta::assert_snapshot!(format!("agreements_listed_{name}_80x24"), screen);
    }
}

#[test]
fn siden_sist_review_and_what_the_room_sees() {
    use samling::model::sample::big_session;
    for (lang, name) in [(Lang::Nb, "nb"), (Lang::En, "en")] {
        let program = catalog::builtin().0.remove(0);
        let plan = program.gathering(2).unwrap().clone();
        let mut session =
            Session::new(&program, &plan, "02-2026-10-12".into(), t(0).0.date_naive());
        let mut previous = big_session(4, 3);
        previous.id = "01-2026-09-14".into();
        // Note 1 is a parking-lot question; made private, it must not travel.
        previous.note_mut(1).private = true;
        previous.note_mut(2).kind = samling::model::NoteKind::Highlight;
        previous.note_mut(2).text = "Å bli sett i døra".into();
        previous.note_mut(1).text = PRIVATE_NOTE.into();
        for c in &mut previous.agreements {
            c.origin.session = previous.id.clone();
            c.history[0].at = Timestamp::parse("2026-09-14T15:50:00+02:00").unwrap();
        }
        // Long enough to wrap at 80 columns: the whole text must be readable, and the
        // selection still in view.
        previous.agreements[2].text = "Alle gjennomfører minst én LINK-økt i klassene før neste \
            samling, og deler det de la merke til med teamet sitt"
            .into();
        previous.agreements[2].history[0].comment = "Vi rakk det ikke før høstferien".into();
        session.carry_from(&previous);
        let mut state = opened(lang, program, session, "x.ron");
        update(&mut state, Msg::Run(RunMsg::Next), t(60));
        update(&mut state, Msg::Run(RunMsg::OpenReview), t(120));
        update(
            &mut state,
            Msg::Overlay(OverlayMsg::Mark(samling::model::Status::Done)),
            t(130),
        );
        update(
            &mut state,
            Msg::Overlay(OverlayMsg::ReviewMove(true)),
            t(130),
        );
        update(
            &mut state,
            Msg::Overlay(OverlayMsg::Mark(samling::model::Status::Partly)),
            t(140),
        );
        for (w, h) in [(80, 24), (200, 60)] {
            let screen = text(&draw(&state, t(150), w, h));
            insta::assert_snapshot!(format!("review_{name}_{w}x{h}"), screen);
        }
        update(&mut state, Msg::Run(RunMsg::ToggleView), t(150));
        let done = if lang == Lang::Nb {
            "(gjort)"
        } else {
            "(done)"
        };
        for (w, h) in [(80, 24), (120, 35), (200, 60)] {
            let screen = text(&draw(&state, t(150), w, h));
            assert!(!screen.contains(PRIVATE_NOTE), "{screen}");
            // The agreements fill the screen: as text on the small one, the status above each
            // in block letters on the large one.
            if w < 200 {
                assert!(
                    screen.contains("✓ Gjennomføre en LINK-økt i klasse 1"),
                    "{screen}"
                );
                assert!(screen.contains("Å bli sett i døra"), "{screen}");
            } else {
                assert!(screen.contains(&format!("✓ {done}")), "{screen}");
                assert!(screen.contains("▶ ◐ "), "the one under review: {screen}");
            }
            insta::assert_snapshot!(format!("review_projector_{name}_{w}x{h}"), screen);
        }
    }
}

#[test]
fn the_review_scrolls_to_keep_the_selected_agreement_in_view() {
    use samling::model::sample::big_session;
    let program = catalog::builtin().0.remove(0);
    let plan = program.gathering(2).unwrap().clone();
    let mut session = Session::new(&program, &plan, "02-2026-10-12".into(), t(0).0.date_naive());
    let mut previous = big_session(0, 12);
    previous.id = "01-2026-09-14".into();
    for (i, c) in previous.agreements.iter_mut().enumerate() {
        c.origin.session = previous.id.clone();
        c.text = format!(
            "Avtale nummer {} som er lang nok til å gå over to linjer på en smal skjerm",
            i + 1
        );
    }
    session.carry_from(&previous);
    let mut state = opened(Lang::Nb, program, session, "x.ron");
    update(&mut state, Msg::Run(RunMsg::OpenReview), t(1));
    for _ in 0..11 {
        update(&mut state, Msg::Overlay(OverlayMsg::ReviewMove(true)), t(2));
    }
    let screen = text(&draw(&state, t(3), 80, 24));
    assert!(screen.contains("▶ ○ Avtale nummer 12 som"), "{screen}");
    assert!(
        !screen.contains("Avtale nummer 1 som"),
        "scrolled: {screen}"
    );
    // The room follows too.
    update(&mut state, Msg::Run(RunMsg::ToggleView), t(3));
    let screen = text(&draw(&state, t(3), 80, 24));
    assert!(screen.contains("▶ ○ Avtale nummer 12 som"), "{screen}");
    update(&mut state, Msg::Run(RunMsg::ToggleView), t(3));
    for _ in 0..11 {
        update(
            &mut state,
            Msg::Overlay(OverlayMsg::ReviewMove(false)),
            t(4),
        );
    }
    let screen = text(&draw(&state, t(5), 80, 24));
    assert!(screen.contains("▶ ○ Avtale nummer 1 som"), "{screen}");
}

#[test]
fn the_agreements_list_keeps_the_selected_one_in_view_and_marks_cut_text() {
    use samling::app::Select;
    use samling::model::sample::big_session;
    let program = catalog::builtin().0.remove(0);
    let mut session = big_session(0, 10);
    for (i, c) in session.agreements.iter_mut().enumerate() {
        c.origin.session = session.id.clone();
        c.text = format!("Avtale {} om noe som tar mer plass enn raden har", i + 1);
    }
    let mut state = opened(Lang::Nb, program, session, "x.ron");
    let screen = text(&draw(&state, t(1), 80, 24));
    assert!(
        screen.contains("• Avtale 10 om noe som tar mer plass…  gruppe 1"),
        "{screen}"
    );
    update(&mut state, Msg::Run(RunMsg::SwitchList), t(1));
    update(
        &mut state,
        Msg::Run(RunMsg::SelectNote(Select::First)),
        t(1),
    );
    let screen = text(&draw(&state, t(2), 80, 24));
    assert!(screen.contains("▶ Avtale 1 om"), "{screen}");
}

/// A session of `plan` that carries two agreements from gathering 1 (`01-2026-09-14`).
fn carrying_two(program: &Program, plan: &samling::model::GatheringPlan, id: &str) -> Session {
    let mut session = Session::new(program, plan, id.into(), t(0).0.date_naive());
    let mut first = samling::model::sample::big_session(0, 2);
    first.id = "01-2026-09-14".into();
    for c in &mut first.agreements {
        c.origin.session = first.id.clone();
    }
    session.carry_from(&first);
    session
}

#[test]
fn the_review_says_first_why_something_may_be_missing() {
    let program = catalog::builtin().0.remove(0);
    let plan = program.gathering(3).unwrap().clone();
    let session = carrying_two(&program, &plan, "03-2026-11-09");
    let why = "02-2026-10-12.ron:4:7: uventet tegn; 2. samling er ikke tatt med";
    let opened = Opened {
        notices: vec![why.into()],
        ..Opened::new("x.ron", session)
    };
    let mut state = samling::app::running(Lang::Nb, vec![program], opened, t(0));
    update(&mut state, Msg::Run(RunMsg::OpenReview), t(1));
    for (w, h) in [(80, 24), (200, 60)] {
        let screen = text(&draw(&state, t(2), w, h));
        let inside = screen
            .lines()
            .skip_while(|l| !l.contains("Siden sist: avtalene"))
            .collect::<Vec<_>>()
            .join("\n");
        assert!(
            inside.contains("! 02-2026-10-12.ron:4:7: uventet"),
            "{screen}"
        );
        assert!(inside.contains("▶ ○"), "{screen}");
    }
}

/// The program running `session` (from `path`), as `samling run` opens it.
fn opened(lang: Lang, program: Program, session: Session, path: &str) -> State {
    samling::app::running(lang, vec![program], Opened::new(path, session), t(0))
}

#[test]
fn then_and_now_on_the_projector() {
    use samling::model::sample::big_session;
    for (lang, name) in [(Lang::Nb, "nb"), (Lang::En, "en")] {
        let program = catalog::builtin().0.remove(0);
        let plan = program.gathering(6).unwrap().clone();
        let mut sixth = Session::new(&program, &plan, "06-2027-05-10".into(), t(0).0.date_naive());
        let mut first = big_session(3, 0);
        first.gathering = 1;
        for (i, text) in ["Respekt og varme", "Tydelige voksne", PRIVATE_NOTE]
            .into_iter()
            .enumerate()
        {
            let n = first.note_mut(i);
            n.item = "refleksjon-verdier".into();
            n.prompt = Some("p1".into());
            n.text = text.into();
            n.private = text == PRIVATE_NOTE;
        }
        sixth.mirror_from(&first);
        let mut state = opened(lang, program, sixth, "x.ron");
        // On to the question whose earlier answers are there (the values reflection).
        while state
            .run()
            .unwrap()
            .session
            .mirror_now()
            .is_none_or(|m| m.notes.is_empty())
        {
            update(&mut state, Msg::Run(RunMsg::Next), t(60));
        }
        update(&mut state, Msg::Run(RunMsg::ToggleMirror), t(60));
        update(&mut state, Msg::Run(RunMsg::ToggleView), t(60));
        for (w, h) in [(80, 24), (120, 35), (200, 60)] {
            let screen = text(&draw(&state, t(90), w, h));
            assert!(screen.contains("Respekt og varme"), "{screen}");
            assert!(!screen.contains(PRIVATE_NOTE), "{screen}");
            insta::assert_snapshot!(format!("then_and_now_{name}_{w}x{h}"), screen);
        }
    }
}

#[test]
fn then_and_now_says_when_there_was_no_answer_then() {
    use samling::model::sample::big_session;
    let program = catalog::builtin().0.remove(0);
    let plan = program.gathering(6).unwrap().clone();
    let mut sixth = Session::new(&program, &plan, "06-2027-05-10".into(), t(0).0.date_naive());
    let mut first = big_session(0, 0);
    first.gathering = 1;
    sixth.mirror_from(&first);
    let mut state = opened(Lang::Nb, program, sixth, "x.ron");
    while state.run().unwrap().session.mirror_now().is_none() {
        update(&mut state, Msg::Run(RunMsg::Next), t(60));
    }
    update(&mut state, Msg::Run(RunMsg::ToggleMirror), t(60));
    for view in [false, true] {
        if view {
            update(&mut state, Msg::Run(RunMsg::ToggleView), t(60));
        }
        let screen = text(&draw(&state, t(90), 80, 24));
        assert!(screen.contains("Ingen svar da."), "{screen}");
    }
}

#[test]
fn plus_and_minus_change_the_current_items_minutes_at_once() {
    let mut state = running(Lang::Nb);
    let now = now_in(&state);
    let planned = state.run().unwrap().session.current_item().unwrap().minutes;
    let label = |state: &State| text(&draw(state, now, 200, 60));
    assert!(label(&state).contains(&format!("· {planned} min")));
    update(&mut state, Msg::Run(RunMsg::More), now);
    update(&mut state, Msg::Run(RunMsg::More), now);
    assert!(
        label(&state).contains(&format!("· {} min", planned + 2)),
        "{}",
        label(&state)
    );
    update(&mut state, Msg::Run(RunMsg::Less), now);
    assert!(label(&state).contains(&format!("· {} min", planned + 1)));
}

/// Zero-width joiners and bidi controls in a note or a title reach no cell: tmux draws a
/// joined pair in one column less than ratatui counted and the borders after it shift.
#[test]
fn invisible_joiners_and_bidi_controls_reach_no_cell() {
    let hidden = ['\u{200D}', '\u{200C}', '\u{202E}', '\u{2066}'];
    let mut state = running(Lang::Nb);
    let now = now_in(&state);
    if let samling::app::Screen::Run(run) = &mut state.screen {
        run.session.note_mut(0).text =
            "x\u{200D}y 👩\u{200D}🔬 ab\u{200C}c \u{202E}snudd\u{2066}".into();
        run.session.place = "Rom\u{200D}met".into();
        let item = run.session.current_index();
        run.session.agenda[item].title = "Tit\u{200D}tel \u{202E}baklengs".into();
        run.session.agenda[item].prompts[0].text = "Hva\u{200D}? \u{202E}Hvorfor".into();
    }
    for view in [false, true] {
        if view {
            update(&mut state, Msg::Run(RunMsg::ToggleView), now);
        }
        for (w, h) in [(80, 24), (200, 60)] {
            let buffer = draw(&state, now, w, h);
            let bad: Vec<_> = buffer
                .content
                .iter()
                .filter(|c| c.symbol().contains(hidden))
                .map(|c| c.symbol().to_string())
                .collect();
            assert!(bad.is_empty(), "{bad:?} in\n{}", text(&buffer));
            let screen = text(&buffer);
            assert!(
                screen.contains("Titte") || screen.contains("TITTE"),
                "{screen}"
            );
        }
    }
}

/// A small, repeatable pseudo-random source (xorshift), so the property test below is the
/// same on every run and a failure names its case.
struct Dice(u64);

impl Dice {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n.max(1) as u64) as usize
    }
    fn coin(&mut self) -> bool {
        self.below(2) == 0
    }
}

/// A note of `item` answering prompt `prompt`; private ones carry `secret`.
fn note(id: u32, item: &str, prompt: usize, private: bool, text: String) -> Note {
    Note {
        id: samling::model::NoteId::new("f", id),
        created: t(60),
        edited: t(60),
        item: item.into(),
        prompt: Some(format!("p{}", prompt + 1)),
        group: GroupLabel::Group((id % 9 + 1) as u8),
        kind: if id.is_multiple_of(3) {
            NoteKind::Highlight
        } else {
            NoteKind::Reflection
        },
        text,
        private,
        by: None,
    }
}

/// Sessions full of private text (private notes of today and of the gatherings before,
/// facilitator's notes, a draft) in random states (any item, question, review, Da — nå, step,
/// overtime): no private word ever reaches the projector's view, nor any frame drawn from it.
#[test]
fn nothing_private_reaches_the_projector_in_any_state() {
    use samling::app::Screen;
    use samling::model::{Draft, Mirror, SinceLast};
    let program = catalog::builtin().0.remove(0);
    for case in 0..120u64 {
        let mut dice = Dice(0x9e37_79b9_7f4a_7c15 ^ (case + 1).wrapping_mul(0x1000_0001));
        let secret = |n: usize| format!("hemmelig{case}x{n}");
        let gathering = dice.below(program.gatherings.len());
        let plan = program.gatherings[gathering].clone();
        let mut session = Session::new(&program, &plan, "0x-2026".into(), t(0).0.date_naive());
        let mut n = 0;
        for item in &mut session.agenda {
            item.facilitator_note = secret(n);
            n += 1;
        }
        let ids: Vec<String> = session.agenda.iter().map(|i| i.id.clone()).collect();
        for id in 1..=(5 + dice.below(20)) as u32 {
            let item = &ids[dice.below(ids.len())];
            let private = dice.coin();
            let text = if private {
                secret(n)
            } else {
                format!("offentlig{id}")
            };
            n += 1;
            session.push_note(note(id, item, dice.below(3), private, text));
        }
        // Deleted notes: gone from the room even when they were public.
        n += 1;
        let mut gone = note(90, &ids[0], 0, false, secret(n));
        gone.item = session.current.clone();
        session.deleted.push(samling::model::Deleted {
            at: t(30),
            note: gone,
        });
        // What earlier gatherings left, with private notes slipped in (a hand-edited file).
        let earlier: Vec<Note> = (0..4)
            .map(|i| {
                n += 1;
                note(100 + i, &ids[0], 0, true, secret(n))
            })
            .collect();
        session.since_last = Some(SinceLast {
            from: "01-x".into(),
            highlights: earlier.clone(),
            parking: earlier.clone(),
        });
        let item = &ids[dice.below(ids.len())];
        session.mirror = vec![Mirror {
            item: item.clone(),
            prompt: "p1".into(),
            gathering: 1,
            from: "01-x".into(),
            notes: earlier,
        }];
        session.draft = Some(Draft {
            note: None,
            item: item.clone(),
            prompt: None,
            group: GroupLabel::Plenary,
            text: secret(n + 1),
        });
        let secrets: Vec<String> = (0..=n + 1).map(secret).collect();

        let mut state = opened(Lang::Nb, program.clone(), session, "x.ron");
        if let Screen::Run(run) = &mut state.screen {
            // The draft opens the editor; close it without saving the text as a note.
            run.overlays.take_editor();
        }
        let mut at = 0;
        update(&mut state, Msg::Run(RunMsg::ToggleTimer), t(at));
        for _ in 0..dice.below(ids.len()) {
            at += 60 * dice.below(30) as i64;
            update(&mut state, Msg::Run(RunMsg::Next), t(at));
        }
        for _ in 0..dice.below(3) {
            update(&mut state, Msg::Run(RunMsg::NextPrompt), t(at));
        }
        if dice.coin() {
            update(&mut state, Msg::Run(RunMsg::ToggleMirror), t(at));
        }
        if dice.coin() {
            update(&mut state, Msg::Run(RunMsg::OpenReview), t(at));
        }
        update(&mut state, Msg::Run(RunMsg::ToggleView), t(at));
        let now = t(at + 60 * dice.below(40) as i64);

        let run = state.run().unwrap();
        let view = run.room_view(now).unwrap();
        let written = ron::to_string(&view).unwrap();
        for (w, h) in [(80, 24), (120, 35), (200, 60)] {
            let screen = text(&draw(&state, now, w, h));
            for secret in &secrets {
                assert!(
                    !written.contains(secret),
                    "case {case}: {secret} in {written}"
                );
                assert!(
                    !screen.contains(secret),
                    "case {case}: {secret} on\n{screen}"
                );
            }
        }
    }
}

/// The schedule panel over the facilitator's view, the day running behind: the item after the
/// current one skipped, an optional module inserted after the next, and a must-end time.
fn with_schedule(lang: Lang) -> (State, Timestamp) {
    use samling::app::ScheduleMsg;
    let mut state = running_after(lang, 20);
    let now = now_in(&state);
    if let samling::app::Screen::Run(run) = &mut state.screen {
        run.session.must_end = chrono::NaiveTime::from_hms_opt(15, 45, 0);
    }
    let key = |state: &mut State, msg| {
        update(state, Msg::Overlay(OverlayMsg::Schedule(msg)), now);
    };
    update(&mut state, Msg::Run(RunMsg::OpenSchedule), now);
    key(&mut state, ScheduleMsg::Skip);
    key(&mut state, ScheduleMsg::Select(true));
    key(&mut state, ScheduleMsg::Minutes(-3));
    key(&mut state, ScheduleMsg::Modules);
    key(&mut state, ScheduleMsg::Accept);
    (state, now)
}

#[test]
fn the_schedule_panel_its_modules_and_the_drift_proposal() {
    use samling::app::ScheduleMsg;
    for (lang, name, skipped, late) in [
        (Lang::Nb, "nb", "hoppet over", "min for sent"),
        (Lang::En, "en", "skipped", "min late"),
    ] {
        let (mut state, now) = with_schedule(lang);
        let key = |state: &mut State, msg| {
            update(state, Msg::Overlay(OverlayMsg::Schedule(msg)), now);
        };
        for (w, h) in [(80, 24), (200, 60)] {
            let screen = text(&draw(&state, now, w, h));
            assert!(
                screen.contains(skipped) && screen.contains(late),
                "{screen}"
            );
            assert!(!screen.contains(FACILITATOR_NOTE) || h > 24, "{screen}");
            insta::assert_snapshot!(format!("schedule_{name}_{w}x{h}"), screen);
        }
        key(&mut state, ScheduleMsg::Modules);
        key(&mut state, ScheduleMsg::Select(true));
        for (w, h) in [(80, 24), (200, 60)] {
            let screen = text(&draw(&state, now, w, h));
            insta::assert_snapshot!(format!("schedule_modules_{name}_{w}x{h}"), screen);
        }
        key(&mut state, ScheduleMsg::Back);
        key(&mut state, ScheduleMsg::Propose);
        for (w, h) in [(80, 24), (200, 60)] {
            let screen = text(&draw(&state, now, w, h));
            insta::assert_snapshot!(format!("schedule_proposal_{name}_{w}x{h}"), screen);
        }
        // The room's view never shows the panel, whatever is under it.
        if let samling::app::Screen::Run(run) = &mut state.screen {
            run.screen.toggle_view();
        }
        let screen = text(&draw(&state, now, 200, 60));
        assert!(!screen.contains(skipped), "{screen}");
    }
}

#[test]
fn the_prepare_screen_is_the_schedule_panel_with_the_gatherings_date_and_times() {
    for (lang, name, title) in [
        (Lang::Nb, "nb", "Forbered 2. samling"),
        (Lang::En, "en", "Prepare gathering 2"),
    ] {
        let program = catalog::builtin().0.remove(0);
        let plan = program.gathering(2).unwrap().clone();
        let date = chrono::NaiveDate::from_ymd_opt(2027, 1, 14).unwrap();
        let mut session = Session::new(&program, &plan, "02-2027-01-14".into(), date);
        session.place = "Biblioteket".into();
        session.facilitator = "Åse Nilsen".into();
        session.start = chrono::NaiveTime::from_hms_opt(12, 30, 0).unwrap();
        session.must_end = chrono::NaiveTime::from_hms_opt(15, 30, 0);
        let mut opened = Opened::new("/data/sessions/traumebevisst/02-2027-01-14.ron", session);
        opened.preparing = true;
        let mut state = samling::app::running(lang, vec![program], opened, t(0));
        for (w, h) in [(80, 24), (200, 60)] {
            let screen = text(&draw(&state, t(0), w, h));
            assert!(screen.contains(title), "{screen}");
            assert!(screen.contains("14.01.2027 12:30"), "{screen}");
            insta::assert_snapshot!(format!("prepare_{name}_{w}x{h}"), screen);
        }
        // Gathering 3 is set to the same day: said, in the panel.
        if let samling::app::Screen::Run(run) = &mut state.screen {
            run.other_dates = vec![(1, date - chrono::Duration::days(28)), (3, date)];
        }
        // And a save that fails is said on the panel, the only thing on the screen.
        if let samling::app::Screen::Run(run) = &mut state.screen {
            run.saving.state = samling::app::SaveState::Failed("disken er full".into());
        }
        let screen = text(&draw(&state, t(0), 80, 24));
        assert!(screen.contains("disken er full"), "{screen}");
        let clash = if lang == Lang::Nb {
            "3. samling er også satt til 14.01.2027"
        } else {
            "gathering 3 is set to 14.01.2027 as well"
        };
        assert!(screen.contains(clash), "{screen}");
    }
}

#[test]
fn typing_on_the_projector_view_is_asked_about_in_full_even_at_80x24() {
    for (lang, name, end) in [(Lang::Nb, "nb", "n = nei"), (Lang::En, "en", "n = no")] {
        let mut state = running(lang);
        let now = now_in(&state);
        update(&mut state, Msg::Run(RunMsg::ToggleView), now);
        update(&mut state, Msg::Run(RunMsg::NewNote), now);
        let screen = text(&draw(&state, now, 80, 24));
        assert!(screen.contains(end), "{screen}");
        insta::assert_snapshot!(format!("type_in_private_{name}_80x24"), screen);
    }
}

#[test]
fn the_note_takers_window_follows_the_item_shows_every_writer_and_nothing_of_the_facilitators() {
    for (lang, name) in [(Lang::Nb, "nb"), (Lang::En, "en")] {
        let mut state = running(lang);
        let now = now_in(&state);
        if let samling::app::Screen::Run(run) = &mut state.screen {
            run.role = samling::app::role::Role::NoteTaker {
                tag: "kari-pc".into(),
                name: "Kari".into(),
            };
            let item = run.session.current.clone();
            run.session.push_note(Note {
                id: samling::model::NoteId::new("per-mac", 1),
                created: now,
                edited: now,
                item,
                prompt: Some("p1".into()),
                group: GroupLabel::Group(4),
                kind: NoteKind::Highlight,
                text: "Trygge voksne i overgangene".into(),
                private: false,
                by: Some("Per".into()),
            });
        }
        for (w, h) in [(80, 24), (200, 60)] {
            let screen = text(&draw(&state, now, w, h));
            assert!(!screen.contains(FACILITATOR_NOTE), "{screen}");
            assert!(
                !screen.contains(PRIVATE_NOTE),
                "another's private note: {screen}"
            );
            assert!(screen.contains("Per · "), "{screen}");
            insta::assert_snapshot!(format!("note_taker_{name}_{w}x{h}"), screen);
        }
    }
}

/// Every cell of the room's view in the theme's colours, at each colour depth: its background
/// the theme's (never the terminal's), its text in one of the theme's colours, which the
/// contrast test in `ui::theme` holds to 7:1 or 4.5:1 against that background.
#[test]
fn the_room_sees_the_themes_background_and_colours_only() {
    use samling::store::config::{Depth, Theme};
    use samling::ui::theme::Colors;
    let mut state = running(Lang::Nb);
    let now = now_in(&state);
    update(&mut state, Msg::Run(RunMsg::ToggleView), now);
    // "Da — nå" and "Siden sist" too: drawn by code the facilitator's screen shares.
    let mut mirrored = state.clone();
    update(&mut mirrored, Msg::Run(RunMsg::ToggleMirror), now);
    for theme in [Theme::Dark, Theme::Light] {
        for depth in [Depth::True, Depth::Ansi256, Depth::Ansi16] {
            let c = Colors::new(theme, depth);
            let allowed =
                [c.text, c.dim, c.question, c.clock, c.warning, c.overtime].map(|(color, _)| color);
            for state in [&mut state, &mut mirrored] {
                (state.theme, state.depth) = (theme, depth);
                for (w, h) in [(80, 24), (200, 60)] {
                    let buffer = draw(state, now, w, h);
                    for cell in &buffer.content {
                        assert_eq!(cell.bg, c.background.0, "{theme:?} {depth:?} {w}x{h}");
                        if cell.symbol().trim().is_empty() {
                            continue;
                        }
                        assert!(
                            allowed.contains(&cell.fg),
                            "{theme:?} {depth:?} {w}x{h}: {:?} in {:?}",
                            cell.symbol(),
                            cell.fg
                        );
                    }
                }
            }
        }
    }
}

/// The facilitator's view follows the theme too, and so do the panels over either view: every
/// cell on the theme's background (an alarm on overtime's), in one of its colours.
#[test]
fn the_facilitators_view_and_the_panels_follow_the_theme() {
    use samling::store::config::{Depth, Theme};
    use samling::ui::theme::Colors;
    let mut laptop = running(Lang::Nb);
    let now = now_in(&laptop);
    let mut help_on_wall = laptop.clone();
    update(&mut help_on_wall, Msg::Run(RunMsg::ToggleView), now);
    update(&mut help_on_wall, Msg::Overlay(OverlayMsg::ToggleHelp), now);
    let mut editor = laptop.clone();
    update(&mut editor, Msg::Run(RunMsg::NewNote), now);
    for theme in [Theme::Dark, Theme::Light] {
        for depth in [Depth::True, Depth::Ansi256, Depth::Ansi16] {
            let c = Colors::new(theme, depth);
            let colours = [
                c.background,
                c.text,
                c.dim,
                c.question,
                c.clock,
                c.warning,
                c.overtime,
            ]
            .map(|(color, _)| color);
            for state in [&mut laptop, &mut help_on_wall, &mut editor] {
                (state.theme, state.depth) = (theme, depth);
                for (w, h) in [(80, 24), (200, 60)] {
                    let buffer = draw(state, now, w, h);
                    for cell in &buffer.content {
                        let at = format!("{theme:?} {depth:?} {w}x{h}: {:?}", cell.symbol());
                        assert!(
                            cell.bg == c.background.0 || cell.bg == c.overtime.0,
                            "{at} on {:?}",
                            cell.bg
                        );
                        assert!(colours.contains(&cell.fg), "{at} in {:?}", cell.fg);
                    }
                }
            }
        }
    }
}

/// A break on the wall: when the room starts again, large; the countdown small.
#[test]
fn a_break_says_when_the_room_starts_again() {
    for (lang, name, words) in [
        (Lang::Nb, "nb", "Vi starter igjen kl. 13:48"),
        (Lang::En, "en", "We start again at 13:48"),
    ] {
        let mut state = running(lang);
        let mut now = now_in(&state);
        // On to the break, two minutes into it.
        while state.run().unwrap().session.current_item().unwrap().kind
            != samling::model::ItemKind::Break
        {
            update(&mut state, Msg::Run(RunMsg::Next), now);
        }
        now = now + Duration::minutes(2);
        update(&mut state, Msg::Run(RunMsg::ToggleView), now);
        let minutes = state.run().unwrap().session.current_item().unwrap().minutes;
        assert_eq!(minutes, 15, "the break of gathering 1");
        for (w, h) in [(80, 24), (120, 35), (200, 60)] {
            let screen = text(&draw(&state, now, w, h));
            // "Pause: Vi starter igjen kl." in block letters over the time where they fit.
            assert!(
                screen.contains(words) || (w >= 120 && in_blocks(&screen)),
                "{screen}"
            );
            assert!(screen.contains("13:00"), "the countdown, small: {screen}");
            insta::assert_snapshot!(format!("break_{name}_{w}x{h}"), screen);
        }
        // Past its end: now, and by how much in the large digits.
        let late = text(&draw(&state, now + Duration::minutes(14), 80, 24));
        let again = if lang == Lang::Nb {
            "Vi starter igjen nå"
        } else {
            "We start again now"
        };
        assert!(late.contains(again), "{late}");
    }
}

/// Gathering 1 of the built-in program, with what the room is told beside it: the program's
/// title, and gathering 2 planned on `next`.
fn with_occasion(mut state: State, next: Option<chrono::NaiveDate>) -> State {
    let program = state.programs[0].clone();
    let prepared = next.map(|date| {
        let plan = program.gathering(2).unwrap();
        let session = Session::new(&program, plan, "02-x".into(), date);
        samling::store::sessions::Held {
            path: "02-x.ron".into(),
            session,
        }
    });
    let held: Vec<_> = prepared.into_iter().collect();
    if let samling::app::Screen::Run(run) = &mut state.screen {
        run.occasion = samling::service::occasion(&program, &held, 1, run.session.date);
    }
    state
}

/// The words of `text` are each on the screen whole (a cut word would be two pieces).
fn whole_words(screen: &str, text: &str) -> bool {
    text.split_whitespace().all(|word| {
        screen
            .split(|c: char| c.is_whitespace())
            .any(|piece| piece == word)
    })
}

#[test]
fn the_room_is_welcomed_before_the_first_item_starts() {
    for (lang, name, starts, soon) in [
        (Lang::Nb, "nb", "Vi starter kl. 13:00", "Vi starter straks"),
        (Lang::En, "en", "We start at 13:00", "We start shortly"),
    ] {
        let mut state = with_occasion(not_begun(lang), None);
        if let samling::app::Screen::Run(run) = &mut state.screen {
            run.session.place = "Personalrommet".into();
        }
        update(&mut state, Msg::Run(RunMsg::ToggleView), t(-600));
        let heading = (lang.strings().gathering_heading)(1, "Hvem er vi, og hva vil vi");
        for (w, h) in [(80, 24), (120, 35), (200, 60)] {
            // Ten minutes before the start, then ten minutes after it, not begun yet.
            let screen = text(&draw(&state, t(-600), w, h));
            assert!(
                screen.contains("Stress, ressurser og traumebevisst omsorg"),
                "the program: {screen}"
            );
            assert!(screen.contains("23.11.2026 · Personalrommet"), "{screen}");
            assert!(screen.contains(starts), "{screen}");
            // The start in block digits under it.
            assert!(screen.contains("██"), "{screen}");
            // The gathering in block letters when it fits them, else whole words.
            assert!(
                screen.contains('▀') || whole_words(&screen, &heading),
                "{screen}"
            );
            insta::assert_snapshot!(format!("welcome_{name}_{w}x{h}"), screen);
            let late = text(&draw(&state, t(600), w, h));
            assert!(late.contains(soon) && !late.contains(starts), "{late}");
        }
        // Started: the welcome gives way to the item and its countdown.
        update(&mut state, Msg::Run(RunMsg::ToggleTimer), t(600));
        let started = text(&draw(&state, t(660), 80, 24));
        assert!(!started.contains(soon), "{started}");
        assert!(started.contains("Velkommen og innsjekk"), "{started}");
        // Its question is short enough for block letters even at 80×24, once the clock gives
        // up half its rows (half-height digits): no whole-block digit rows are left.
        assert!(in_blocks(&started), "{started}");
        assert!(!started.contains("██    ██"), "{started}");
        insta::assert_snapshot!(format!("first_question_{name}_80x24"), started);
    }
}

#[test]
fn the_room_is_thanked_after_the_last_item_and_told_the_next_gathering() {
    let next = chrono::NaiveDate::from_ymd_opt(2027, 1, 11);
    for (lang, name, words) in [
        (
            Lang::Nb,
            "nb",
            "Neste gang: 2. samling, 11.01.2027: Klassen, et komplekst samspill",
        ),
        (
            Lang::En,
            "en",
            "Next time: gathering 2, 11.01.2027: Klassen, et komplekst samspill",
        ),
    ] {
        let mut state = with_occasion(running(lang), next);
        let mut now = now_in(&state);
        while !state.run().unwrap().session.is_finished() {
            now = now + Duration::minutes(1);
            update(&mut state, Msg::Run(RunMsg::Next), now);
        }
        update(&mut state, Msg::Run(RunMsg::ToggleView), now);
        for (w, h) in [(80, 24), (120, 35), (200, 60)] {
            let screen = text(&draw(&state, now, w, h));
            // "Takk for i dag" in block letters; the next gathering as large as it fits.
            assert!(screen.contains('▀') || screen.contains('▘'), "{screen}");
            let thanks = lang.strings().thanks;
            let fits = samling::ui::fit::fit(
                thanks,
                ratatui::layout::Rect::new(0, 0, w - w / 10, (h - 1) * 3 / 5),
                &samling::ui::fit::SIZES,
            );
            assert!(
                matches!(fits, samling::ui::fit::Fit::Blocks { .. }),
                "{fits:?}"
            );
            if w == 80 {
                assert!(whole_words(&screen, words), "{screen}");
            }
            assert!(
                !screen.contains("00:00") && !screen.contains('+'),
                "{screen}"
            );
            insta::assert_snapshot!(format!("thanks_{name}_{w}x{h}"), screen);
        }
        // A session of gathering 2 dated before this one (an earlier series) gives no date.
        let earlier = chrono::NaiveDate::from_ymd_opt(2025, 10, 13);
        let mut again = with_occasion(state.clone(), earlier);
        update(&mut again, Msg::Run(RunMsg::Next), now);
        let screen = text(&draw(&again, now, 80, 24));
        assert!(
            !screen.contains("13.10.2025") && !screen.contains("11.01.2027"),
            "{screen}"
        );
        // Without a next gathering known, thanks alone.
        let mut alone = state.clone();
        if let samling::app::Screen::Run(run) = &mut alone.screen {
            run.occasion.next = None;
        }
        let screen = text(&draw(&alone, now, 80, 24));
        assert!(!screen.contains("2. samling") && !screen.contains("gathering 2"));
    }
}

/// Whether `screen` has text in block letters (half blocks or quadrants; the clock's digits
/// are whole blocks only).
fn in_blocks(screen: &str) -> bool {
    screen.contains(['▀', '▄', '▘', '▝', '▖', '▗', '▛', '▜', '▙', '▟'])
}

/// At 80×24 nothing on the facilitator's view is cut mid-word without saying so: agenda titles
/// end with "…", a private note longer than its box says there is more, the question list
/// follows the question on the wall, a long status message wraps, and the footer keeps `p`,
/// `?` and `q`.
#[test]
fn the_facilitators_view_at_80x24_cuts_no_word_without_saying_so() {
    for (lang, name, more, keys) in [
        (
            Lang::Nb,
            "nb",
            "mer ▼",
            ["p projektor", "? taster", "q avslutt"],
        ),
        (
            Lang::En,
            "en",
            "more ▼",
            ["p projector", "? keys", "q quit"],
        ),
    ] {
        let mut state = running(lang);
        let now = now_in(&state);
        let message = "Referatet er skrevet til /home/kari/Dokumenter/samling/traumebevisst/\
                       01-2026-11-23.md og /home/kari/Dokumenter/samling/traumebevisst/01.html";
        if let samling::app::Screen::Run(run) = &mut state.screen {
            let at = run.session.current_index();
            let item = &mut run.session.agenda[at];
            item.facilitator_note = "Husk å ha papir og penner klare. ".repeat(12);
            for n in 3..=9 {
                item.prompts.push(samling::model::Prompt {
                    id: format!("ekstra-{n}"),
                    text: format!("Spørsmål nummer {n} som er langt nok til å gå over to rader"),
                    revisits: None,
                });
            }
            run.screen.message = Some(message.into());
        }
        for _ in 0..8 {
            update(&mut state, Msg::Run(RunMsg::NextPrompt), now);
        }
        let screen = text(&draw(&state, now, 80, 24));
        // Agenda titles cut at a word, with "…".
        assert!(screen.contains("Om programmet:…"), "{screen}");
        assert!(!screen.contains("Velkommen og innsj"), "{screen}");
        assert!(screen.contains(more), "{screen}");
        assert!(
            screen.contains("▶ 9. Spørsmål nummer 8 som er langt nok til å gå"),
            "the question on the wall in view: {screen}"
        );
        assert!(screen.contains("01.html"), "the message's end: {screen}");
        // The item and its countdown stay above the scrolled questions.
        assert!(screen.contains("│ 20:00"), "the countdown: {screen}");
        for key in keys {
            assert!(screen.contains(key), "{key}: {screen}");
        }
        insta::assert_snapshot!(format!("facilitator_cut_{name}_80x24"), screen);
    }
}

/// The room is welcomed until the first item starts, whatever is pressed before: `+`, `m`
/// with no answers to show, or the review that opens by itself on a first "siden sist" item.
/// The review opened by hand (`v`) is on the wall at once.
#[test]
fn the_welcome_stays_until_the_start_unless_the_facilitator_puts_agreements_up() {
    let program = catalog::builtin().0.remove(0);
    let mut plan = program.gathering(2).unwrap().clone();
    // A program whose gatherings open with "siden sist".
    plan.agenda.remove(0);
    let session = carrying_two(&program, &plan, "02-2026-11-23");
    let mut state = opened(Lang::Nb, program, session, "x.ron");
    assert!(
        state.run().unwrap().overlays.review().is_some(),
        "the review opened by itself"
    );
    update(&mut state, Msg::Run(RunMsg::More), t(-600));
    update(&mut state, Msg::Run(RunMsg::ToggleMirror), t(-600));
    update(&mut state, Msg::Run(RunMsg::ToggleView), t(-600));
    let wall = text(&draw(&state, t(-600), 80, 24));
    assert!(wall.contains("Vi starter kl. 13:00"), "{wall}");
    // Closed and opened again by hand: the agreements go up.
    update(&mut state, Msg::Overlay(OverlayMsg::Close), t(-590));
    update(&mut state, Msg::Run(RunMsg::OpenReview), t(-590));
    let wall = text(&draw(&state, t(-590), 80, 24));
    assert!(!wall.contains("Vi starter"), "{wall}");
    assert!(wall.contains("Avtaler"), "{wall}");
}

/// No size of terminal breaks a screen: each of the room's screens (and the facilitator's
/// view) drawn at widths and heights from nothing to large, those around where a block size
/// or the clock's height changes most of all.
#[test]
fn no_size_of_window_breaks_a_screen() {
    let mut step = running(Lang::Nb);
    let now = now_in(&step);
    let laptop = step.clone();
    update(&mut step, Msg::Run(RunMsg::ToggleView), now);
    let mut pause = step.clone();
    while pause.run().unwrap().session.current_item().unwrap().kind
        != samling::model::ItemKind::Break
    {
        update(&mut pause, Msg::Run(RunMsg::Next), now);
    }
    let mut thanks = step.clone();
    while !thanks.run().unwrap().session.is_finished() {
        update(&mut thanks, Msg::Run(RunMsg::Next), now);
    }
    let mut welcome = with_occasion(not_begun(Lang::En), None);
    update(&mut welcome, Msg::Run(RunMsg::ToggleView), t(-60));
    for (state, at) in [
        (&laptop, now),
        (&step, now),
        (&pause, now + Duration::minutes(1)),
        (&thanks, now),
        (&welcome, t(-60)),
    ] {
        for w in [0, 1, 5, 20, 40, 64, 80, 106, 118, 120, 160, 200, 260] {
            for h in [
                0, 1, 3, 5, 8, 11, 12, 13, 14, 15, 16, 18, 24, 29, 30, 35, 49, 50, 60,
            ] {
                draw(state, at, w, h);
            }
        }
    }
}

/// A long item title on the wall wraps onto the heading's rows at whole words (its end marked
/// "…" when even they are too few), and a gathering title longer than the top row ends with
/// "…" rather than stopping mid-word at the edge.
#[test]
fn long_titles_on_the_wall_wrap_or_say_they_go_on() {
    let program = catalog::builtin()
        .0
        .into_iter()
        .find(|p| p.id == "laeringsmiljoprosjektet")
        .unwrap();
    let plan = program.gathering(1).unwrap().clone();
    let mut session = Session::new(&program, &plan, "01-2026-11-23".into(), t(0).0.date_naive());
    let long = "Etablering av rutiner for mottakelse av nyansatte, vikarer og andre slik at de blir \
                godt informert om hva som kreves av personalet";
    session.agenda[0].title = long.into();
    session.agenda[0].prompts.clear();
    session.agenda[0].steps.clear();
    let path = "/data/sessions/laeringsmiljoprosjektet/01-2026-11-23.ron";
    let mut state = opened(Lang::Nb, program, session, path);
    update(&mut state, Msg::Run(RunMsg::ToggleTimer), t(0));
    update(&mut state, Msg::Run(RunMsg::ToggleView), t(60));
    for (w, h) in [(80, 24), (200, 60)] {
        let screen = text(&draw(&state, t(60), w, h));
        let rows: Vec<&str> = screen.lines().collect();
        // The top row: the gathering's title, cut at a word with "…" where it is too long.
        let top = rows[0].trim();
        assert!(top.starts_with("1. samling: Fremme trygge"), "{screen}");
        if w == 80 {
            assert!(top.ends_with('…'), "{screen}");
        } else {
            assert!(top.ends_with("krenkelser"), "{screen}");
        }
        // The item title: every word it shows is whole, over more than one row at 80 columns.
        let shown: Vec<&str> = rows[1..]
            .iter()
            .filter(|r| r.contains("Etablering") || r.contains("informert") || r.contains('…'))
            .copied()
            .collect();
        assert_eq!(shown.len(), if w == 80 { 2 } else { 1 }, "{screen}");
        let words: Vec<&str> = long.split_whitespace().collect();
        for word in shown.iter().flat_map(|r| r.split_whitespace()) {
            let word = word.trim_end_matches('…');
            assert!(word.is_empty() || words.contains(&word), "{word}: {screen}");
        }
        insta::assert_snapshot!(format!("long_titles_{w}x{h}"), screen);
    }
}
