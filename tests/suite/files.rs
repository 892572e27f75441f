//! Good files: the shipped program and the kept v1 fixtures load, round-trip exactly, and save
//! atomically with a backup.

use std::fs;
use std::path::Path;

use samling::model::{GroupLabel, NoteKind, SCHEMA_VERSION, Status, TimerEvent};
use samling::store::catalog::{self, BUILTIN};
use samling::store::save::backup_path;
use samling::store::{self, Document, Layout, load};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn every_shipped_program_loads_and_round_trips_exactly() {
    let dir = tempfile::tempdir().unwrap();
    for b in BUILTIN {
        let path = root().join(b.path);
        let first = store::load_program(&path).unwrap_or_else(|p| panic!("{p:?}"));
        // The compiled-in text is the file in the repository.
        assert_eq!(fs::read_to_string(&path).unwrap(), b.source);
        let copy = dir.path().join("copy.ron");
        store::save_program(&copy, &first).unwrap();
        let second = store::load_program(&copy).unwrap();
        assert_eq!(first, second, "{}", b.path);
    }
}

#[test]
fn v1_fixtures_load() {
    let v1 = root().join("tests/fixtures/v1");
    let program = store::load_program(&v1.join("program.ron")).unwrap();
    assert_eq!(program.version, SCHEMA_VERSION);
    assert_eq!(program.gatherings.len(), 2);
    let revisit = program.gatherings[1].agenda[0].prompts[0]
        .revisits
        .as_ref()
        .unwrap();
    assert_eq!(
        (
            revisit.gathering,
            revisit.item.as_str(),
            revisit.prompt.as_str()
        ),
        (1, "refleksjon", "p1")
    );

    let session = store::load_session(&v1.join("session.ron")).unwrap();
    assert_eq!(session.facilitator, "Åse Nilsen");
    assert_eq!(session.notes[0].group, GroupLabel::Group(2));
    assert_eq!(session.notes[0].kind, NoteKind::Highlight);
    assert!(session.notes[0].text.contains("Ærlige voksne"));
    assert!(session.notes[1].private);
    assert_eq!(session.agreements[0].status(), Status::Open);
    assert!(matches!(
        session.timing[0].events[1],
        TimerEvent::Extended(_, 2)
    ));
}

#[test]
fn a_session_round_trips_through_a_save() {
    let v1 = root().join("tests/fixtures/v1/session.ron");
    let session = store::load_session(&v1).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let layout = Layout::new(dir.path());
    let path = layout.session_file(&session.program, &session.id);
    store::save::create_private_dir(path.parent().unwrap()).unwrap();
    store::save_session(&path, &session).unwrap();
    assert_eq!(store::load_session(&path).unwrap(), session);
    assert!(matches!(
        store::load_any(&path).unwrap(),
        Document::Session(_)
    ));

    // A second save keeps the first as the backup.
    let mut changed = session.clone();
    changed.place = "Gymsalen".into();
    store::save_session(&path, &changed).unwrap();
    assert_eq!(store::load_session(&path).unwrap().place, "Gymsalen");
    assert_eq!(store::load_session(&backup_path(&path)).unwrap(), session);
}

#[test]
fn a_save_that_cannot_be_written_names_the_file_and_changes_nothing() {
    let v1 = root().join("tests/fixtures/v1/session.ron");
    let session = store::load_session(&v1).unwrap();
    let dir = tempfile::tempdir().unwrap();
    // A file stands where the folder should be: the write must fail, as on a read-only disk.
    let blocker = dir.path().join("sessions");
    fs::write(&blocker, "not a folder").unwrap();
    let path = blocker.join("01.ron");
    let problem = store::save_session(&path, &session).unwrap_err();
    assert_eq!(problem.path, path);
    assert_eq!(fs::read_to_string(&blocker).unwrap(), "not a folder");
}

#[test]
fn the_built_in_program_has_what_the_source_document_promises() {
    let (programs, problems) = catalog::builtin();
    assert!(problems.is_empty(), "{problems:?}");
    let p = programs.iter().find(|p| p.id == "traumebevisst").unwrap();
    let titles: Vec<&str> = p.gatherings.iter().map(|g| g.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "Hvem er vi, og hva vil vi",
            "Klassen, et komplekst samspill",
            "Gruppedynamitt",
            "Mer enn hjerne",
            "Tenk tanken",
            "Hvem er vi og hva vil vi",
        ]
    );
    assert_eq!(p.goals.len(), 4);
    assert_eq!(p.modules.len(), 14);
    assert!(p.between.iter().any(|r| r.text.contains("LINK-økt")));
    for g in &p.gatherings {
        // Three hours booked, ten minutes of them a buffer for a day that runs over; the
        // reflections hold three questions, and the drift proposal may shorten them to 15.
        assert_eq!(g.planned_minutes(), 170, "gathering {}", g.number);
        let has_since_last = g
            .agenda
            .iter()
            .any(|i| i.kind == samling::model::ItemKind::SinceLast);
        assert_eq!(has_since_last, g.number > 1, "gathering {}", g.number);
        for item in &g.agenda {
            if item.kind == samling::model::ItemKind::GroupReflection {
                assert!((2..=3).contains(&item.prompts.len()), "{}", item.id);
                assert!(item.min_minutes.is_some_and(|m| m <= 15), "{}", item.id);
            }
        }
    }
    let mirrored = p.gatherings[5]
        .agenda
        .iter()
        .flat_map(|i| &i.prompts)
        .filter(|pr| pr.revisits.as_ref().is_some_and(|r| r.gathering == 1))
        .count();
    assert!(
        mirrored >= 3,
        "gathering 6 revisits {mirrored} prompts of gathering 1"
    );
}

#[test]
fn a_file_saved_by_windows_notepad_with_a_byte_order_mark_loads() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bom.ron");
    let text = fs::read_to_string(root().join("tests/fixtures/v1/program.ron")).unwrap();
    fs::write(&path, format!("\u{feff}{text}")).unwrap();
    assert_eq!(store::load_program(&path).unwrap().id, "kort-program");
}

#[test]
fn rescue_copies_and_backups_are_not_listed_as_sessions() {
    let dir = tempfile::tempdir().unwrap();
    for name in [
        "01-2026-11-23.ron",
        "01-2026-11-23.ron.rescue.ron",
        "01-2026-11-23.ron.bak",
    ] {
        fs::write(dir.path().join(name), "").unwrap();
    }
    let files = store::paths::ron_files(dir.path()).unwrap();
    assert_eq!(files, vec![dir.path().join("01-2026-11-23.ron")]);
}

#[test]
fn sniffing_tells_programs_from_sessions() {
    use samling::store::FileKind;
    assert_eq!(
        load::sniff("// c\n#![enable(implicit_some)]\nSession(version: 1)"),
        FileKind::Session
    );
    assert_eq!(
        load::sniff("/* c */ Program(version: 1)"),
        FileKind::Program
    );
    assert_eq!(
        load::sniff("(version: 1, gatherings: [])"),
        FileKind::Program
    );
    assert_eq!(load::sniff("(version: 1, agenda: [])"), FileKind::Session);
}
