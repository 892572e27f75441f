//! Load and save of a large session: 10,000 notes and 500 agreements (target: each < 50 ms).
//! The load is the whole path a user's file takes: read, parse, version check, validation.
//!
//! And the journal (issue: saves that cost what changed): committing one note to disk with
//! 10,000 notes in the session (target < 2 ms: the diff, one appended line, fsync), and loading
//! 10,000 notes spread over a compacted file and 5 journals (target < 50 ms).
//!
//! And the five built-in programs (issue: the programs): every start of samling, and every
//! command that looks a program up, parses and checks all of them (target < 20 ms together, so the home screen is
//! there at once).

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use samling::model::sample::big_session;
use samling::store;
use samling::store::journal::{FACILITATOR, Writer};

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

/// A note-taker's journal holding `count` notes of its own, as its samling would write it.
fn journal_of(writer: &str, session: &samling::model::Session, count: u32) -> String {
    let header = format!(
        "Journal((version:{},writer:\"{writer}\",session:\"{}\"))\n",
        samling::model::SCHEMA_VERSION,
        session.id
    );
    let mut text = header;
    for n in 1..=count {
        let mut note = samling::model::Note::clone(&session.notes[n as usize]);
        note.id = samling::model::NoteId::new(writer, n);
        note.created = note.created + chrono::Duration::minutes(30);
        note.edited = note.created;
        let change = samling::model::change::Change::Note(note);
        text.push_str(&ron::to_string(&change).expect("serialises"));
        text.push('\n');
    }
    text
}

fn journal(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("01-2026-11-23.ron");
    let mut session = big_session(10_000, 500);
    let mut writer = Writer::new(path.clone(), FACILITATOR);
    writer.save(&session, true).expect("compacted");
    let mut group = c.benchmark_group("journal_10k_notes");
    group.sample_size(50);
    // Only the save is timed: the note is made as the running samling makes it, before.
    group.bench_function("commit_one_note", |b| {
        b.iter_custom(|iters| {
            let mut took = std::time::Duration::ZERO;
            for _ in 0..iters {
                let mut note = samling::model::Note::clone(&session.notes[7]);
                note.id = session.next_note_id(FACILITATOR);
                note.text = "En ny refleksjon fra gruppe 3".into();
                // Written now, after every note before it.
                note.created =
                    session.notes.last().expect("notes").created + chrono::Duration::seconds(1);
                note.edited = note.created;
                session.push_note(note);
                let start = std::time::Instant::now();
                writer.save(black_box(&session), false).expect("appended");
                took += start.elapsed();
            }
            took
        })
    });

    // 5,000 notes compacted, 1,000 more in the facilitator's journal and 1,000 in each of four
    // note-takers' journals.
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("01-2026-11-23.ron");
    let mut session = big_session(6_000, 500);
    let later: Vec<_> = session.notes_mut().drain(5_000..).collect();
    let later: Vec<_> = later
        .iter()
        .map(|n| samling::model::Note::clone(n))
        .collect();
    let mut writer = Writer::new(path.clone(), FACILITATOR);
    writer.save(&session, true).expect("compacted");
    for note in later {
        session.push_note(note);
    }
    writer.save(&session, false).expect("appended");
    for n in 1..=4 {
        let name = format!("notat{n}");
        let text = journal_of(&name, &session, 1_000);
        std::fs::write(store::journal::path(&path, &name), text).expect("journal");
    }
    let loaded = store::journal::load(&path).expect("loads");
    assert_eq!(loaded.session.notes.len(), 10_000);
    assert!(loaded.notices.is_empty(), "{:?}", loaded.notices);
    group.bench_function("load_compacted_and_5_journals", |b| {
        b.iter(|| black_box(store::journal::load(&path).expect("loads")))
    });
    // The parts, to see where the time goes.
    let text = std::fs::read_to_string(&path).expect("readable");
    group.bench_function("parts/fingerprint", |b| {
        b.iter(|| black_box(store::journal::fingerprint(&text)))
    });
    let one = store::journal::path(&path, "notat1");
    group.bench_function("parts/read_one_journal_of_1000", |b| {
        b.iter(|| black_box(store::journal::read(&one).expect("reads")))
    });
    group.bench_function("parts/load_compacted_alone", |b| {
        b.iter(|| black_box(store::load::parse_session(&path, &text).expect("parses")))
    });
    group.finish();
}

fn builtin_programs(c: &mut Criterion) {
    let mut group = c.benchmark_group("programs");
    group.bench_function("builtin_all_five_parse_and_validate", |b| {
        b.iter(|| {
            let (programs, problems) = store::catalog::builtin();
            assert_eq!((programs.len(), problems.len()), (5, 0));
            black_box(programs)
        })
    });
    group.finish();
}

criterion_group!(benches, load_and_save, journal, builtin_programs);
criterion_main!(benches);
