//! From one gathering to the next, at scale:
//! - the minutes of a session with 10,000 notes and 500 agreements, as Markdown and as HTML
//!   (target < 100 ms);
//! - starting gathering N+1 with 200 held sessions on disk, up to the first frame: read every
//!   held session, carry from the latest, create and save the new file, draw (target < 200 ms).

use std::hint::black_box;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use samling::app::Opened;
use samling::export::{Minutes, html, markdown};
use samling::i18n::Lang;
use samling::model::sample::big_session;
use samling::store::config::Config;
use samling::store::{Layout, catalog, save_session, sessions};
use samling::ui;

fn minutes(c: &mut Criterion) {
    let session = big_session(10_000, 500);
    let s = Lang::Nb.strings();
    c.bench_function("minutes_markdown_10k_notes", |b| {
        b.iter(|| black_box(markdown(&Minutes::of(&session, "Program", false), s)))
    });
    c.bench_function("minutes_html_10k_notes", |b| {
        b.iter(|| black_box(html(&Minutes::of(&session, "Program", false), s)))
    });
}

fn next_gathering(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let layout = Layout::new(dir.path());
    let program = catalog::builtin().0.remove(0);
    let plan = program.gathering(1).expect("gathering 1").clone();
    // 200 held sessions of gathering 1 over the years, 100 notes and 10 agreements each.
    for n in 0..200u32 {
        let mut session = big_session(100, 10);
        session.id = format!("01-2020-01-01-{}", n + 2);
        session.agenda = plan.agenda.clone();
        session.go_to(0);
        session.timing.clear();
        for i in 0..session.notes.len() {
            let note = session.note_mut(i);
            note.item = plan.agenda[0].id.clone();
            note.prompt = None;
        }
        for a in &mut session.agreements {
            a.origin.session = session.id.clone();
            a.origin.item = plan.agenda[0].id.clone();
        }
        session.ended = Some(session.notes[0].created);
        let dir = layout.sessions_dir(&program.id);
        std::fs::create_dir_all(&dir).expect("dir");
        save_session(&layout.session_file(&program.id, &session.id), &session).expect("save");
    }
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).expect("date");
    let now = samling::model::Timestamp::parse("2026-11-23T13:00:00+01:00").expect("time");
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).expect("terminal");
    c.bench_function("start_next_gathering_200_held_to_first_frame", |b| {
        b.iter_batched(
            || {
                // Each run starts gathering 2 afresh.
                let _ = std::fs::remove_file(layout.session_file(&program.id, "02-2026-11-23"));
            },
            |()| {
                let (held, problems) = sessions::held(&layout, &program.id);
                let opened = sessions::open(
                    &layout,
                    &program,
                    2,
                    today,
                    &Config::default(),
                    &held,
                    &problems,
                )
                .expect("opens");
                let opened = Opened::new(opened.path, opened.session);
                let state = samling::app::running(Lang::Nb, vec![program.clone()], opened, now);
                terminal
                    .draw(|f| ui::render(&state, now, f))
                    .expect("draws");
            },
            BatchSize::PerIteration,
        )
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = minutes, next_gathering
}
criterion_main!(benches);
