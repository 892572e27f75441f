//! The schedule of a day: re-projecting a 60-item agenda, half of it held, the current item
//! running (what every frame of the facilitator view does; target < 50 µs), and the drift
//! proposal for it when it must end hours earlier, so that items are shortened and skipped
//! (target < 1 ms).

use std::hint::black_box;

use chrono::Duration;
use criterion::{Criterion, criterion_group, criterion_main};
use samling::model::sample::big_session;
use samling::model::{ItemTiming, Session, TimerEvent, drift, schedule};

/// Sixty items of 15 minutes; the first 30 held, the 31st running for five minutes.
fn long_day() -> (Session, samling::model::Timestamp) {
    let mut session = big_session(0, 0);
    let start = session.timing[0].events[0].at();
    let template = session.agenda[0].clone();
    session.agenda = (0..60)
        .map(|i| {
            let mut item = template.clone();
            item.id = format!("punkt-{i}");
            item
        })
        .collect();
    session.timing = (0..=30)
        .map(|i| {
            let at = start + Duration::minutes(15 * i);
            let mut events = vec![TimerEvent::Started(at)];
            if i < 30 {
                events.push(TimerEvent::Ended(at + Duration::minutes(15)));
            }
            ItemTiming {
                item: format!("punkt-{i}"),
                events,
            }
        })
        .collect();
    session.go_to(30);
    let now = start + Duration::minutes(15 * 30 + 5);
    (session, now)
}

fn projection(c: &mut Criterion) {
    let (session, now) = long_day();
    c.bench_function("project_60_item_agenda", |b| {
        b.iter(|| schedule::project(black_box(&session), black_box(now)))
    });
}

fn proposal(c: &mut Criterion) {
    let (mut session, now) = long_day();
    // Thirty items of 15 minutes left, 200 minutes to go: shortening cannot do it alone.
    let must_end = now + Duration::minutes(200);
    session.must_end = Some(must_end.0.time());
    let p = drift::propose(&session, now).expect("late");
    assert!(
        p.changes
            .iter()
            .any(|c| matches!(c, drift::Change::Skip { .. }))
    );
    c.bench_function("drift_proposal_60_item_agenda", |b| {
        b.iter(|| drift::propose(black_box(&session), black_box(now)))
    });
}

criterion_group!(benches, projection, proposal);
criterion_main!(benches);
