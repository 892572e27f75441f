//! Load and save of a large session: 10,000 notes and 500 agreements (target: each < 50 ms).
//! The load is the whole path a user's file takes: read, parse, version check, validation.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use samling::model::sample::big_session;
use samling::store;

fn load_and_save(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("01-2026-11-23.ron");
    let session = big_session(10_000, 500);
    store::save_session(&path, &session).expect("first save");
    let bytes = std::fs::metadata(&path).expect("saved").len();
    eprintln!("session file: {:.1} MB", bytes as f64 / 1e6);

    let mut group = c.benchmark_group("session_10k_notes_500_agreements");
    group.sample_size(20);
    group.bench_function("load", |b| {
        b.iter(|| black_box(store::load_session(&path).expect("loads")))
    });
    group.bench_function("save", |b| {
        b.iter(|| store::save_session(&path, black_box(&session)).expect("saves"))
    });
    // The parts, to see where the time goes.
    let text = std::fs::read_to_string(&path).expect("readable");
    group.bench_function("parts/parse_ron", |b| {
        b.iter(|| black_box(ron::from_str::<samling::model::Session>(&text).expect("parses")))
    });
    group.bench_function("parts/validate", |b| {
        b.iter(|| black_box(samling::model::validate::session(&session)))
    });
    group.bench_function("parts/to_ron", |b| {
        b.iter(|| black_box(store::save::to_ron(&session).expect("serialises")))
    });
    group.finish();
}

criterion_group!(benches, load_and_save);
criterion_main!(benches);
