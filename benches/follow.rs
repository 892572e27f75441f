//! The projector window's latency: from the facilitator's save of a session with 1,000 notes
//! (appended to its journal, as the running samling saves) to the follower's frame of it (the
//! change event, reading the file and the journal, building the room's view and drawing it at
//! 200×60), with the system's change events and with the polling watcher
//! (target: median and p95 < 200 ms with events). Printed as median and p95 over 40 saves each,
//! beside criterion's mean.

use std::sync::mpsc;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use samling::app::{ProjectorView, ScreenState};
use samling::model::sample::big_session;
use samling::store;
use samling::store::journal::{FACILITATOR, Writer};

/// One save and the follower's frame of it.
fn save_to_frame(
    path: &std::path::Path,
    writer: &mut Writer,
    session: &mut samling::model::Session,
    rx: &mpsc::Receiver<()>,
    terminal: &mut Terminal<TestBackend>,
) -> Duration {
    while rx.try_recv().is_ok() {}
    let at = (session.current_index() + 1) % session.agenda.len();
    session.go_to(at);
    let start = Instant::now();
    writer.save(session, false).expect("saved");
    rx.recv_timeout(Duration::from_secs(5))
        .expect("a change event");
    let read = store::load_session(path).expect("read back");
    let now = read.timing[0].events[0].at();
    let screen = ScreenState::of_room(&read);
    let view = ProjectorView::of(&read, &screen, &Default::default(), now).expect("a view");
    let s = samling::i18n::Lang::Nb.strings();
    terminal
        .draw(|f| samling::ui::projector::render(&view, s, &Default::default(), f, f.area()))
        .expect("drawn");
    start.elapsed()
}

fn follower(c: &mut Criterion) {
    for (name, poll) in [
        ("follower_save_to_frame_events", false),
        ("follower_save_to_frame_polling", true),
    ] {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("01-2026-11-23.ron");
        let mut session = big_session(1000, 20);
        let mut writer = Writer::new(path.clone(), FACILITATOR);
        writer.save(&session, true).expect("saved");
        let (tx, rx) = mpsc::channel();
        let _watcher = samling::follow::watch_file(&path, poll, move || tx.send(()).is_ok())
            .expect("watching");
        let mut terminal = Terminal::new(TestBackend::new(200, 60)).expect("terminal");
        let mut took: Vec<Duration> = (0..40)
            .map(|_| save_to_frame(&path, &mut writer, &mut session, &rx, &mut terminal))
            .collect();
        took.sort();
        println!(
            "{name}: median {:?}, p95 {:?} over {} saves",
            took[took.len() / 2],
            took[took.len() * 95 / 100],
            took.len()
        );
        let mut group = c.benchmark_group("follower");
        group.sample_size(10);
        group.bench_function(name, |b| {
            b.iter_custom(|iters| {
                (0..iters)
                    .map(|_| save_to_frame(&path, &mut writer, &mut session, &rx, &mut terminal))
                    .sum()
            })
        });
        group.finish();
    }
}

criterion_group!(benches, follower);
criterion_main!(benches);
