//! Version 1 files, as samling wrote them, read as version 2: prompts, notes and agreements get
//! stable ids that point where the old indexes pointed, the copies of one agreement in each
//! gathering get the same id, and the kept version 2 fixtures are what the migration gives.
//! Both sets of fixtures are kept forever; both read as version 3 with its defaults.

use std::path::{Path, PathBuf};

use samling::model::session::latest_word;
use samling::model::{Session, Status};
use samling::store::{self, catalog};

fn fixture(version: u32, name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join(format!("tests/fixtures/v{version}"))
        .join(name)
}

fn chain(version: u32) -> Vec<Session> {
    ["01-2026-09-14", "02-2026-10-12", "06-2027-03-01"]
        .iter()
        .map(|id| {
            store::load_session(&fixture(version, &format!("chain/{id}.ron")))
                .unwrap_or_else(|p| panic!("{p:?}"))
        })
        .collect()
}

/// The text of the prompt a note, draft or mirror points at.
fn prompt_text<'a>(session: &'a Session, item: &str, prompt: &str) -> &'a str {
    let item = session.agenda.iter().find(|i| i.id == item).unwrap();
    &item.prompt(prompt).unwrap().text
}

#[test]
fn v1_notes_and_the_draft_point_at_the_questions_they_answered() {
    let [first, second, _] = &chain(1)[..] else {
        unreachable!()
    };
    // In the v1 file: "Respekt og varme" answered prompt 0 of "refleksjon-verdier", and
    // "Vi hilser på hverandre" prompt 2.
    let answer = |text: &str| first.notes.iter().find(|n| n.text == text).unwrap();
    let respect = answer("Respekt og varme");
    assert_eq!(respect.id, "f-2".into());
    assert_eq!(
        prompt_text(first, &respect.item, respect.prompt.as_ref().unwrap()),
        "Hvilke verdier ønsker vi skal prege møtet mellom de voksne og elevene på skolen vår?"
    );
    let greeting = answer("Vi hilser på hverandre");
    assert_eq!(
        prompt_text(first, &greeting.item, greeting.prompt.as_ref().unwrap()),
        "Hvilke verdier preger hvordan vi møter hverandre som kolleger?"
    );
    // The draft (prompt 1 of "refleksjon-relasjoner") and the current item.
    let draft = second.draft.as_ref().unwrap();
    assert_eq!(
        prompt_text(second, &draft.item, draft.prompt.as_ref().unwrap()),
        "Hvilke elever er det lett å få kontakt med, og hvilke glipper for deg?"
    );
    assert_eq!(second.current, "avslutning");
    // A note added now continues the facilitator's count.
    assert_eq!(first.next_note_id("f"), "f-6".into());
}

#[test]
fn each_copy_of_a_v1_agreement_gets_the_same_id_so_it_is_followed_across_gatherings() {
    let sessions = chain(1);
    let [first, second, sixth] = &sessions[..] else {
        unreachable!()
    };
    // Version 1 numbered them afresh in each gathering; the ids now agree.
    let made: Vec<_> = first.agreements.iter().map(|a| a.id.clone()).collect();
    let carried: Vec<_> = second.carried().map(|a| a.id.clone()).collect();
    assert_eq!(made.len(), 2);
    assert_eq!(carried, made);
    assert!(made.iter().all(|id| id.0.starts_with("01-2026-09-14/")));
    // The one marked done at gathering 2 is not carried to 6; the partly done one is, still
    // with its id, and the agreements made at 2 with theirs.
    let at_six: Vec<_> = sixth.carried().map(|a| a.id.clone()).collect();
    assert!(!at_six.contains(&made[0]));
    assert!(at_six.contains(&made[1]));
    let of_second: Vec<_> = second.made_here().map(|a| a.id.clone()).collect();
    assert!(of_second.iter().all(|id| at_six.contains(id)));
    // One word per agreement, as the latest review left it.
    let word = latest_word(&sessions);
    assert_eq!(word.len(), 4);
    let status =
        |id: &samling::model::AgreementId| word.iter().find(|a| a.id == *id).unwrap().status();
    assert_eq!(status(&made[0]), Status::Done);
    assert_eq!(status(&made[1]), Status::Partly);
    // A new agreement at a migrated gathering does not take a derived id.
    assert_eq!(second.next_agreement_id(), "02-2026-10-12/1".into());
}

#[test]
fn da_na_of_a_v1_gathering_6_shows_what_gathering_1_answered() {
    let sessions = chain(1);
    let sixth = &sessions[2];
    let mirror = sixth
        .mirror
        .iter()
        .find(|m| m.item == "refleksjon-verdier" && !m.notes.is_empty())
        .unwrap();
    assert_eq!(mirror.prompt, "p1");
    let texts: Vec<&str> = mirror.notes.iter().map(|n| n.text.as_str()).collect();
    assert_eq!(texts, ["Respekt og varme"]);
    // The program's `revisits` point at the same questions as the indexes did.
    let program = store::load_program(&fixture(1, "traumebevisst.ron")).unwrap();
    let asks_again = &program
        .gathering(6)
        .unwrap()
        .item("refleksjon-verdier")
        .unwrap();
    let revisit = asks_again.prompts[1].revisits.as_ref().unwrap();
    assert_eq!(revisit.prompt, "p3");
    let earlier = program.gathering(1).unwrap().item(&revisit.item).unwrap();
    assert_eq!(
        earlier.prompt(&revisit.prompt).unwrap().text,
        asks_again.prompts[1].text
    );
}

#[test]
fn the_kept_v2_fixtures_are_what_the_v1_ones_migrate_to() {
    assert_eq!(chain(1), chain(2));
    for (name, load) in [("session.ron", true), ("program.ron", false)] {
        if load {
            assert_eq!(
                store::load_session(&fixture(1, name)).unwrap(),
                store::load_session(&fixture(2, name)).unwrap()
            );
        } else {
            assert_eq!(
                store::load_program(&fixture(1, name)).unwrap(),
                store::load_program(&fixture(2, name)).unwrap()
            );
        }
    }
}

#[test]
fn the_kept_v3_fixture_reads_as_the_current_version_unchanged() {
    // Written by version 3 (the version 2 fixture as version 3 saved it): no writer's name on
    // a note, no marks.
    let v3 = store::load_session(&fixture(3, "session.ron")).unwrap();
    let v2 = store::load_session(&fixture(2, "session.ron")).unwrap();
    assert_eq!(v3.version, samling::model::SCHEMA_VERSION);
    assert_eq!(v3, v2);
    assert!(v3.marks.is_empty() && v3.note_list().all(|n| n.by.is_none()));
}

#[test]
fn the_v1_built_in_program_migrates_to_one_with_the_shipped_ids() {
    // The built-in program's text was made exact against its document after version 1 (kept
    // as `tests/fixtures/v1/traumebevisst.ron`); what sessions point at must not have moved:
    // the gatherings, their items' ids and the ids of their questions (a fourth question of
    // a reflection was dropped: the ids that remain are the same).
    let migrated = store::load_program(&fixture(1, "traumebevisst.ron")).unwrap();
    let shipped = catalog::builtin().0.remove(0);
    let ids = |p: &samling::model::Program| -> Vec<(u32, String, Vec<String>)> {
        p.gatherings
            .iter()
            .flat_map(|g| {
                g.agenda.iter().map(move |i| {
                    let prompts = i.prompts.iter().map(|p| p.id.clone()).collect();
                    (g.number, i.id.clone(), prompts)
                })
            })
            .collect()
    };
    let (old, new) = (ids(&migrated), ids(&shipped));
    assert_eq!(old.len(), new.len());
    for ((g, item, prompts), (g2, item2, prompts2)) in old.iter().zip(&new) {
        assert_eq!((g, item), (g2, item2));
        assert!(
            prompts2.iter().all(|p| prompts.contains(p)),
            "{item}: {prompts2:?}"
        );
    }
    let modules = |p: &samling::model::Program| -> Vec<String> {
        p.modules.iter().map(|m| m.id.clone()).collect()
    };
    assert_eq!(modules(&migrated), modules(&shipped));
}

#[test]
fn a_v1_session_opened_and_saved_becomes_current_with_the_v1_text_in_the_backup() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("02-2026-10-12.ron");
    let v1 = std::fs::read_to_string(fixture(1, "chain/02-2026-10-12.ron")).unwrap();
    std::fs::write(&path, &v1).unwrap();
    let session = store::load_session(&path).unwrap();
    store::save_session(&path, &session).unwrap();
    let written = std::fs::read_to_string(&path).unwrap();
    assert!(
        written.contains(&format!("version: {},", samling::model::SCHEMA_VERSION)),
        "{written}"
    );
    assert_eq!(store::load_session(&path).unwrap(), session);
    let backup = std::fs::read_to_string(store::save::backup_path(&path)).unwrap();
    assert_eq!(backup, v1, "the first save keeps the file as it was");
}

#[test]
fn version_2_files_read_as_version_3_with_nothing_changed_on_the_day() {
    for session in chain(2) {
        assert_eq!(session.version, samling::model::SCHEMA_VERSION);
        assert!(session.skipped.is_empty() && session.inserted.is_empty());
        assert_eq!(session.must_end, None);
        assert!(
            session
                .agenda
                .iter()
                .all(|i| i.min_minutes.is_none() && i.locked.is_none())
        );
    }
    let program = store::load_program(&fixture(2, "program.ron")).unwrap();
    assert_eq!(program.version, samling::model::SCHEMA_VERSION);
}
