//! The minutes: golden files of the Markdown and HTML, nothing private unless asked for, HTML
//! that parses, and `samling export` from the real binary.

mod support;

use chrono::Duration;
use samling::export::{Minutes, html, markdown};
use samling::i18n::Lang;
use samling::model::{
    Commitment, Due, GroupLabel, Note, NoteKind, Origin, Session, Status, StatusChange, TimerEvent,
    Timestamp, Who,
};
use samling::store::catalog;
use support::cli::samling;

const SECRET: &str = "Hemmelig: en kollega gråt";
const FACILITATOR_SECRET: &str = "Husk papir";

fn t(minutes: i64) -> Timestamp {
    Timestamp::parse("2026-10-12T13:00:00+02:00").unwrap() + Duration::minutes(minutes)
}

/// Gathering 2 as held: timed, with notes of every kind and agreements made and reviewed.
fn held() -> Session {
    let program = catalog::builtin().0.remove(0);
    let plan = program.gathering(2).unwrap().clone();
    let mut s = Session::new(&program, &plan, "02-2026-10-12".into(), t(0).0.date_naive());
    s.place = "Personalrommet".into();
    s.facilitator = "Åse Nilsen".into();
    s.agenda[0].facilitator_note = FACILITATOR_SECRET.into();
    let mut at = 0;
    for (i, item) in s.agenda.clone().iter().enumerate() {
        let took = i64::from(item.minutes) + if i == 2 { 7 } else { -1 };
        let mut timing = samling::model::ItemTiming::new(item.id.clone());
        timing.events = vec![TimerEvent::Started(t(at)), TimerEvent::Ended(t(at + took))];
        s.timing.push(timing);
        at += took;
    }
    s.current = s.agenda.len() - 1;
    s.ended = Some(t(at));
    let reflection = s
        .agenda
        .iter()
        .find(|i| i.prompts.len() >= 2)
        .unwrap()
        .id
        .clone();
    let note = |id, group, prompt, kind, text: &str, private| Note {
        id,
        created: t(30),
        edited: t(30),
        item: reflection.clone(),
        prompt,
        group,
        kind,
        text: text.into(),
        private,
    };
    s.notes = vec![
        note(
            1,
            GroupLabel::Group(2),
            Some(0),
            NoteKind::Reflection,
            "Trygghet | tillit & <ro>",
            false,
        ),
        note(
            2,
            GroupLabel::Group(1),
            Some(0),
            NoteKind::Highlight,
            "Å bli sett i døra\nhver dag",
            false,
        ),
        note(
            3,
            GroupLabel::Plenary,
            Some(1),
            NoteKind::ParkingLot,
            "Hva med friminuttene?",
            false,
        ),
        note(
            4,
            GroupLabel::Group(3),
            Some(1),
            NoteKind::Reflection,
            SECRET,
            true,
        ),
        note(
            5,
            GroupLabel::Group(3),
            None,
            NoteKind::Reflection,
            "<script>alert(1)</script>",
            false,
        ),
    ];
    let agreement = |id, text: &str, session: &str, gathering, status, comment: &str| Commitment {
        id,
        text: text.into(),
        who: Who::Group(2),
        due: Due::NextGathering,
        origin: Origin {
            session: session.into(),
            gathering,
            item: "planlegging-link".into(),
            // Files of this session's own agreements may lack the title (older files): the
            // minutes look it up in the agenda. Carried ones bring theirs.
            item_title: if session.starts_with("01-") {
                "Planlegging av LINK-økten".into()
            } else {
                String::new()
            },
            group: None,
        },
        history: vec![StatusChange {
            status,
            at: t(20),
            comment: comment.into(),
        }],
    };
    s.commitments = vec![
        agreement(
            1,
            "LINK-økt i 6B",
            "01-2026-09-14",
            1,
            Status::Partly,
            "to av tre klasser",
        ),
        agreement(
            2,
            "Felles regler i friminuttet",
            "01-2026-09-14",
            1,
            Status::Done,
            "",
        ),
        agreement(
            3,
            "Prøve «to historier» i 7A",
            "02-2026-10-12",
            2,
            Status::Open,
            "",
        ),
    ];
    s
}

fn program_title() -> String {
    catalog::builtin().0.remove(0).title
}

#[test]
fn markdown_minutes() {
    let m = Minutes::of(&held(), &program_title(), false);
    let md = markdown(&m, Lang::Nb.strings());
    assert!(
        !md.contains(SECRET) && !md.contains(FACILITATOR_SECRET),
        "{md}"
    );
    insta::assert_snapshot!("minutes_nb_md", md);
    insta::assert_snapshot!("minutes_en_md", markdown(&m, Lang::En.strings()));
}

#[test]
fn html_minutes_are_one_well_formed_file_without_private_text() {
    let m = Minutes::of(&held(), &program_title(), false);
    let page = html(&m, Lang::Nb.strings());
    assert!(!page.contains(SECRET) && !page.contains(FACILITATOR_SECRET));
    assert!(!page.contains("<script>"), "text is escaped");
    assert!(
        !page.contains("http://") || page.matches("http://").count() == 1,
        "only the SVG namespace"
    );
    assert!(
        !page.contains("<link") && !page.contains("src="),
        "no external assets"
    );
    let options = roxmltree::ParsingOptions {
        allow_dtd: true,
        ..Default::default()
    };
    let doc = roxmltree::Document::parse_with_options(&page, options)
        .unwrap_or_else(|e| panic!("not well-formed: {e}"));
    assert!(doc.descendants().any(|n| n.has_tag_name("svg")));
    insta::assert_snapshot!("minutes_nb_html", page);
}

#[test]
fn private_text_only_when_asked_for() {
    let m = Minutes::of(&held(), &program_title(), true);
    let md = markdown(&m, Lang::Nb.strings());
    assert!(
        md.contains(SECRET) && md.contains(FACILITATOR_SECRET),
        "{md}"
    );
    assert!(md.contains("[privat]"), "{md}");
}

#[test]
fn export_writes_beside_the_session_asks_for_force_and_names_a_bad_path() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("02-2026-10-12.ron");
    samling::store::save_session(&file, &held()).unwrap();
    let run = |args: &[&str]| samling(dir.path(), args);
    let f = file.to_str().unwrap();
    let (code, out, err) = run(&["export", f, "--format", "html"]);
    assert_eq!(code, Some(0), "{err}");
    let written = dir.path().join("02-2026-10-12.ron.referat.html");
    assert!(out.contains(written.to_str().unwrap()), "{out}");
    assert!(
        std::fs::read_to_string(&written)
            .unwrap()
            .contains("Referat: 2. samling")
    );

    let (code, _, err) = run(&["export", f, "--format", "html"]);
    assert_eq!(code, Some(1));
    assert!(err.contains("--force"), "{err}");
    assert_eq!(
        run(&["export", f, "--format", "html", "--force"]).0,
        Some(0)
    );

    let (code, _, err) = run(&["export", f, "-o", "/nonexistent/dir/referat.md"]);
    assert_eq!(code, Some(1));
    assert!(err.contains("/nonexistent/dir/referat.md"), "{err}");
}

#[test]
fn export_never_writes_over_a_session_even_with_force() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("02-2026-10-12.ron");
    samling::store::save_session(&file, &held()).unwrap();
    let before = std::fs::read(&file).unwrap();
    let other = dir.path().join("annen.ron");
    std::fs::write(&other, "ikke rør").unwrap();
    let f = file.to_str().unwrap();
    // The session itself, spelled another way, and any other .ron file.
    let same = format!("{}/./02-2026-10-12.ron", dir.path().display());
    for target in [f, same.as_str(), other.to_str().unwrap()] {
        for lang in ["nb", "en"] {
            let (code, _, err) = samling(
                dir.path(),
                &["--lang", lang, "export", f, "-o", target, "--force"],
            );
            assert_eq!(code, Some(1), "{target}: {err}");
            let says = if lang == "nb" {
                "samlingsfil"
            } else {
                "session or program file"
            };
            assert!(err.contains(says) && err.contains(target), "{err}");
        }
    }
    assert_eq!(std::fs::read(&file).unwrap(), before);
    assert_eq!(std::fs::read_to_string(&other).unwrap(), "ikke rør");
}

#[test]
fn minutes_written_again_keep_no_backup() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("02-2026-10-12.ron");
    samling::store::save_session(&file, &held()).unwrap();
    let f = file.to_str().unwrap();
    let out = dir.path().join("referat.md");
    for _ in 0..2 {
        let (code, _, err) = samling(
            dir.path(),
            &["export", f, "-o", out.to_str().unwrap(), "--force"],
        );
        assert_eq!(code, Some(0), "{err}");
    }
    assert!(out.exists());
    assert!(!samling::store::save::backup_path(&out).exists());
}
