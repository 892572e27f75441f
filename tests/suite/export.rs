//! The minutes: golden files of the Markdown and HTML, nothing private unless asked for, HTML
//! that parses, and `samling export` from the real binary.

use crate::support::cli::samling;
use ::samling::export::{Minutes, html, markdown};
use ::samling::i18n::Lang;
use ::samling::model::{
    Agreement, Due, GroupLabel, Note, NoteKind, Origin, Session, Status, StatusChange, TimerEvent,
    Timestamp, Who,
};
use ::samling::store::catalog;
use chrono::Duration;

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
    s.go_to(s.agenda.len() - 1);
    s.ended = Some(t(at));
    let reflection = s
        .agenda
        .iter()
        .find(|i| i.prompts.len() >= 2)
        .unwrap()
        .id
        .clone();
    let note = |id, group, prompt: Option<usize>, kind, text: &str, private| Note {
        id: samling::model::NoteId::new("f", id),
        created: t(30),
        edited: t(30),
        item: reflection.clone(),
        prompt: prompt.map(|p| format!("p{}", p + 1)),
        group,
        kind,
        text: text.into(),
        private,
        by: None,
    };
    s.set_notes(vec![
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
    ]);
    let agreement = |id, text: &str, session: &str, gathering, status, comment: &str| Agreement {
        id: samling::model::AgreementId::new(session, id),
        text: text.into(),
        who: Who::Group(2),
        due: Due::NextGathering,
        origin: Origin {
            session: session.into(),
            gathering,
            item: "planlegging-link".into(),
            // Every agreement brings the title of the item it was made at (older files get it
            // as they are read: see `migrate.rs`).
            item_title: if session.starts_with("01-") {
                "Planlegging av LINK-økten".into()
            } else {
                "Planlegging av neste LINK-økt".into()
            },
            group: None,
        },
        history: vec![StatusChange {
            status,
            at: t(20),
            comment: comment.into(),
        }],
    };
    s.agreements = vec![
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

/// Text that tries to be markup, fetch a URL, or act on a terminal, in every field the
/// minutes show.
const HOSTILE_NOTE: &str = "![](http://x.test/p.png?pupil=Ola)\n# Overskrift\n---\n> sitat\n\
                            1. liste\n+ punkt\n===\n[lenke](http://x.test) <img src=x onerror=alert(1)> \
                            **fet** _kursiv_ `kode` ~~strek~~ | celle | &amp;\n\
                            x\u{1b}[2Jy\u{202E}z\u{200D}w\u{200B}v";
const HOSTILE: &str =
    "<script>alert(1)</script> # [x](http://x.test) \u{1b}]0;t\u{7}\u{202E}\u{200D}";

fn hostile() -> Session {
    let mut s = held();
    s.title = format!("Tittel {HOSTILE}");
    s.place = format!("Sted {HOSTILE}");
    s.facilitator = format!("Veileder {HOSTILE}");
    s.agenda[0].title = format!("Punkt {HOSTILE}");
    let reflection = s.notes[0].item.clone();
    if let Some(item) = s.agenda.iter_mut().find(|i| i.id == reflection) {
        item.title = format!("Refleksjon {HOSTILE}");
        item.prompts[0].text = format!("Spørsmål {HOSTILE}");
    }
    for i in 0..s.notes.len() {
        s.note_mut(i).text = HOSTILE_NOTE.into();
    }
    for c in &mut s.agreements {
        c.text = format!("Avtale {HOSTILE}");
        c.who = Who::Role(format!("rektor {HOSTILE}"));
        c.origin.item_title = format!("Opphav {HOSTILE}");
        if let Some(h) = c.history.last_mut() {
            h.comment = HOSTILE_NOTE.into();
        }
    }
    s
}

const INVISIBLE: [char; 5] = ['\u{1b}', '\u{7}', '\u{202E}', '\u{200D}', '\u{200B}'];

#[test]
fn markdown_minutes_show_every_field_as_text() {
    let m = Minutes::of(&hostile(), &format!("Program {HOSTILE}"), false);
    for s in [Lang::Nb.strings(), Lang::En.strings()] {
        let md = markdown(&m, s);
        assert!(!md.contains(INVISIBLE), "{md}");
        for markup in ["<script", "<img", "![", "](", "&amp;"] {
            let bare = md
                .match_indices(markup)
                .any(|(at, _)| !md[..at].ends_with('\\'));
            assert!(!bare, "{markup:?} unescaped in\n{md}");
        }
        // Only the minutes' own headings, lists, rules and tables start a line; a note's
        // second line starts, after the indent, with escaped text.
        for line in md.lines() {
            let own = ["# ", "## ", "### ", "- ", "| ", "|---", "**", "*"];
            if line.is_empty() || own.iter().any(|o| line.starts_with(o)) {
                continue;
            }
            let rest = line.trim_start();
            let marker = rest.starts_with(['#', '>', '-', '+', '*', '=', '`', '~', '|', '<', '['])
                || rest
                    .split_once(['.', ')'])
                    .is_some_and(|(n, _)| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()));
            assert!(!marker, "{line:?} is markup in\n{md}");
        }
    }
    insta::assert_snapshot!("hostile_minutes_nb_md", markdown(&m, Lang::Nb.strings()));
}

#[test]
fn html_minutes_show_every_field_as_text() {
    let m = Minutes::of(&hostile(), &format!("Program {HOSTILE}"), true);
    let page = html(&m, Lang::Nb.strings());
    assert!(!page.contains(INVISIBLE), "{page}");
    for markup in ["<script", "<img", "<a "] {
        assert!(!page.contains(markup), "{markup:?} in\n{page}");
    }
    let options = roxmltree::ParsingOptions {
        allow_dtd: true,
        ..Default::default()
    };
    roxmltree::Document::parse_with_options(&page, options)
        .unwrap_or_else(|e| panic!("not well-formed: {e}"));
}

#[test]
fn each_note_appears_once_and_the_between_work_repeats_no_agreement_made_here() {
    let m = Minutes::of(&held(), &program_title(), false);
    for (md, lead) in [
        (markdown(&m, Lang::Nb.strings()), "fra denne samlingen"),
        (markdown(&m, Lang::En.strings()), "made at this gathering"),
    ] {
        for text in ["Å bli sett i døra", "Hva med friminuttene", "Trygghet"] {
            assert_eq!(md.matches(text).count(), 1, "{text:?} in\n{md}");
        }
        assert_eq!(md.matches("Prøve «to historier» i 7A").count(), 1, "{md}");
        let (_, between) = md.rsplit_once("\n## ").unwrap();
        assert!(between.contains(lead), "{between}");
        assert!(between.contains("LINK\\-økt i 6B"), "still open: {between}");
    }
    let page = html(&m, Lang::Nb.strings());
    for text in [
        "Å bli sett i døra",
        "Hva med friminuttene",
        "Prøve «to historier»",
    ] {
        assert_eq!(page.matches(text).count(), 1, "{text:?} in\n{page}");
    }
}

#[test]
fn an_item_ended_at_once_is_shown_as_skipped() {
    let mut s = held();
    let pause = s.agenda[4].id.clone();
    let timing = s.timing.iter_mut().find(|t| t.item == pause).unwrap();
    let at = timing.first_started().unwrap();
    timing.events = vec![
        TimerEvent::Started(at),
        TimerEvent::Ended(at + Duration::seconds(20)),
    ];
    let m = Minutes::of(&s, &program_title(), false);
    let md = markdown(&m, Lang::Nb.strings());
    assert!(
        md.contains("| 14:10 | – | Pause | 15 | hoppet over |"),
        "{md}"
    );
    let md = markdown(&m, Lang::En.strings());
    assert!(md.contains("| 14:10 | – | Pause | 15 | skipped |"), "{md}");
    let page = html(&m, Lang::Nb.strings());
    assert!(!page.contains(">0/15<") && !page.contains(">0<"), "{page}");
    assert_eq!(
        page.matches("hoppet over").count(),
        2,
        "table and chart: {page}"
    );
    // An item that ran is not skipped, even if only briefly; one not reached is not either.
    assert!(
        markdown(
            &Minutes::of(&held(), &program_title(), false),
            Lang::Nb.strings()
        )
        .lines()
        .all(|l| !l.contains("hoppet over"))
    );
}

#[test]
fn the_agenda_as_run_marks_skipped_and_inserted_items_and_keeps_the_plans_times() {
    // Prepared: an extra item after the first. On the day: the pause skipped, another added.
    let program = catalog::builtin().0.remove(0);
    let plan = program.gathering(2).unwrap().clone();
    let mut s = Session::new(&program, &plan, "02-2026-10-12".into(), t(0).0.date_naive());
    let mut extra = s.agenda[0].clone();
    extra.id = "lek".into();
    extra.title = "Lek i gymsalen".into();
    extra.minutes = 10;
    s.insert_items(Some(&s.agenda[0].id.clone()), vec![extra.clone()], t(-60));
    s.toggle_timer(t(0));
    let pause = s.agenda[5].id.clone();
    assert!(s.toggle_skip(&pause, t(5)));
    extra.id = "lek-igjen".into();
    extra.title = "Lek igjen".into();
    s.insert_items(Some(&pause), vec![extra], t(5));
    let m = Minutes::of(&s, &program_title(), false);
    let md = markdown(&m, Lang::Nb.strings());
    assert!(
        md.contains(r"| 13:10 | – | Lek i gymsalen \(lagt til\) | 10 |"),
        "{md}"
    );
    assert!(
        md.contains(r"| – | – | Lek igjen \(lagt til\) | 10 |"),
        "{md}"
    );
    assert!(
        md.contains("| 14:20 | – | Pause | 15 | hoppet over |"),
        "{md}"
    );
    let md = markdown(&m, Lang::En.strings());
    assert!(md.contains(r"Lek igjen \(added\)"), "{md}");
}

#[test]
fn an_agreement_for_everyone_names_no_group_as_its_origin() {
    let mut s = held();
    s.agreements[2].who = Who::Everyone;
    s.agreements[2].origin.group = Some(GroupLabel::Group(2));
    s.agreements[0].origin.group = Some(GroupLabel::Group(3));
    let m = Minutes::of(&s, &program_title(), false);
    let md = markdown(&m, Lang::Nb.strings());
    let line = |text: &str| md.lines().find(|l| l.contains(text)).unwrap().to_string();
    assert!(!line("Prøve «to historier»").contains("gruppe 2"), "{md}");
    assert!(line("LINK\\-økt i 6B").contains("gruppe 3"), "{md}");
}

#[test]
fn chart_labels_are_cut_at_a_word() {
    let mut s = held();
    s.agenda[0].title = "Velkommen til samlingen, kaffe og gjennomgåelsesrunde".into();
    let page = html(
        &Minutes::of(&s, &program_title(), false),
        Lang::Nb.strings(),
    );
    assert!(
        page.contains(">Velkommen til samlingen, kaffe og…<"),
        "{page}"
    );
}

#[test]
fn the_minutes_of_a_gathering_not_ended_say_so_in_their_heading() {
    let mut session = held();
    let ended = Minutes::of(&session, &program_title(), false);
    assert!(!markdown(&ended, Lang::Nb.strings()).contains("ikke avsluttet"));
    session.ended = None;
    let open = Minutes::of(&session, &program_title(), false);
    let md = markdown(&open, Lang::Nb.strings());
    assert!(
        md.starts_with("# Referat: 2. samling – ")
            && md.lines().next().unwrap().ends_with("(ikke avsluttet)"),
        "{md}"
    );
    let html = samling::export::html(&open, Lang::En.strings());
    assert!(html.contains("(not ended)</h1>"), "{html}");
}
