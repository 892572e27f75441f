//! Running a gathering with a huge session (10,000 notes, 500 agreements):
//! - one full render of the facilitator view at 200×60 (target < 2 ms), and the same with a
//!   1 MB text open in the note editor (it must cost about the same);
//! - the update for one keystroke in the note editor (target < 100 µs);
//! - a key press to its frame, including handing the save it causes to the saving thread
//!   (target < 5 ms); beside it the same with the save written on the key path, as samling
//!   did before saves had a thread of their own;
//! - the memory the running state takes (target: the whole process < 50 MB resident),
//!   printed once from /proc on Linux.

use ::samling::app::{OverlayMsg, RunMsg, SystemMsg};
use std::hint::black_box;

use chrono::Duration;
use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use samling::app::{Effect, Msg, Opened, State, update};
use samling::i18n::Lang;
use samling::model::sample::big_session;
use samling::store::catalog;
use samling::store::save_session;
use samling::store::saver::Saver;
use samling::ui;

fn state() -> (State, samling::model::Timestamp) {
    let mut session = big_session(10_000, 500);
    // Half-way through the day, the current item running.
    session.go_to(6);
    session.timing.truncate(7);
    session.timing[6].events.truncate(1);
    let now = session.timing[6].events[0].at() + Duration::minutes(5);
    let opened = Opened::new("bench.ron", session);
    let state = samling::app::running(Lang::Nb, catalog::builtin().0, opened, now);
    (state, now)
}

/// Resident memory of this process in MB, from /proc (Linux only).
fn resident_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let kb: f64 = status
        .lines()
        .find(|l| l.starts_with("VmRSS:"))?
        .split_whitespace()
        .nth(1)?
        .parse()
        .ok()?;
    Some(kb / 1024.0)
}

fn running(c: &mut Criterion) {
    let before = resident_mb();
    let (mut state, now) = state();
    if let (Some(before), Some(after)) = (before, resident_mb()) {
        eprintln!(
            "resident: {after:.1} MB in all, {:.1} MB for the 10,000-note state",
            after - before
        );
    }

    let mut terminal = Terminal::new(TestBackend::new(200, 60)).expect("terminal");
    c.bench_function("render_facilitator_200x60_10k_notes", |b| {
        b.iter(|| {
            terminal
                .draw(|f| ui::render(black_box(&state), now, f))
                .expect("draws");
        })
    });
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).expect("terminal");
    update(&mut state, Msg::Run(RunMsg::ToggleView), now);
    c.bench_function("render_projector_200x60_10k_notes", |b| {
        b.iter(|| {
            terminal
                .draw(|f| ui::render(black_box(&state), now, f))
                .expect("draws");
        })
    });
    update(&mut state, Msg::Run(RunMsg::ToggleView), now);

    // The once-a-second redraw with a 1 MB text open in the editor (a pasted document): it must
    // cost about what the view without the editor costs, not a copy of the text every frame.
    let page = "elev trygghet relasjon skole klasse lærer samtale ".repeat(20_000);
    update(&mut state, Msg::Run(RunMsg::NewNote), now);
    update(&mut state, Msg::System(SystemMsg::Paste(page)), now);
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).expect("terminal");
    c.bench_function("render_facilitator_200x60_1mb_editor_open", |b| {
        b.iter(|| {
            terminal
                .draw(|f| ui::render(black_box(&state), now, f))
                .expect("draws");
        })
    });
    if let samling::app::Screen::Run(run) = &mut state.screen {
        run.overlays.take_editor();
    }

    // A note is a few hundred characters: start a fresh one every 200 keystrokes (untimed),
    // as a note-taker does, rather than one endless line.
    let key = KeyEvent::new(KeyCode::Char('æ'), KeyModifiers::NONE);
    c.bench_function("editor_keystroke_update_10k_notes", |b| {
        b.iter_custom(|iters| {
            let mut total = std::time::Duration::ZERO;
            for i in 0..iters {
                if i % 200 == 0 {
                    if let samling::app::Screen::Run(run) = &mut state.screen {
                        run.overlays.take_editor();
                    }
                    update(&mut state, Msg::Run(RunMsg::NewNote), now);
                }
                let start = std::time::Instant::now();
                black_box(update(
                    &mut state,
                    Msg::Overlay(OverlayMsg::EditorKey(key)),
                    now,
                ));
                total += start.elapsed();
            }
            total
        })
    });
}

/// `+` (a minute more, which saves) at 200×60 with 10,000 notes: the update, the save it asks
/// for, and the frame.
fn key_to_frame(c: &mut Criterion) {
    let (mut state, now) = state();
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("bench.ron");
    let saver = Saver::spawn(Box::new(|_, _| {}));
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).expect("terminal");
    let mut press = |state: &mut State, wait: bool| {
        let effects = update(state, Msg::Run(RunMsg::More), now);
        let run = state.run().expect("running");
        for effect in effects {
            if effect == Effect::Save {
                let (session, upto) = (run.session.clone(), run.saving.changes);
                if wait {
                    save_session(&file, &session).expect("saves");
                } else {
                    saver.save(file.clone(), session, upto);
                }
            }
        }
        terminal
            .draw(|f| ui::render(black_box(state), now, f))
            .expect("draws");
    };
    c.bench_function("key_to_frame_with_save_10k_notes", |b| {
        b.iter(|| press(&mut state, false))
    });
    c.bench_function("key_to_frame_save_on_the_key_path_10k_notes", |b| {
        b.iter(|| press(&mut state, true))
    });
}

criterion_group!(benches, running, key_to_frame);
criterion_main!(benches);
