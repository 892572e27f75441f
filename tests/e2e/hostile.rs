//! Text that tries to act on the terminal: a program file, a hand-edited session and a file
//! name holding escape sequences (title change, clipboard write, screen clear, leaving the
//! alternate screen) and invisible characters. Every command prints it harmlessly.

use crate::support::cli::samling;
use ::samling::model::{Agreement, Due, Origin, Program, Status, StatusChange, Timestamp, Who};
use ::samling::store::config::Config;
use ::samling::store::{Layout, catalog, save_program, save_session, sessions};
use chrono::NaiveDate;

/// Sets the terminal title, writes the clipboard, clears the screen, leaves the alternate
/// screen, sets a colour with the one-byte CSI, returns the cursor, and hides and reorders text.
const EVIL: &str = "\u{1b}]0;pwned\u{7}\u{1b}]52;c;cm0gLXJmIH4=\u{7}\u{1b}[2J\u{1b}[?1049l\
                    \u{9b}31m\rx\u{200D}y\u{202E}z\u{200B}";

/// What must never reach the terminal.
const FORBIDDEN: [char; 7] = [
    '\u{1b}', '\u{7}', '\u{9b}', '\r', '\u{200D}', '\u{202E}', '\u{200B}',
];

fn harmless(what: &str, printed: &str) {
    let found: Vec<char> = printed.chars().filter(|c| FORBIDDEN.contains(c)).collect();
    assert!(found.is_empty(), "{what} printed {found:?}: {printed:?}");
}

fn evil(text: &str) -> String {
    format!("{text}{EVIL}")
}

/// The user's program `fiendtlig`: the built-in one with an evil title, and whatever `change`
/// makes of it, saved among the user's programs.
fn user_program(layout: &Layout, change: impl FnOnce(&mut Program)) -> Program {
    let mut program = catalog::builtin().0.remove(0);
    program.id = "fiendtlig".into();
    program.title = evil("Tittel");
    change(&mut program);
    std::fs::create_dir_all(layout.programs_dir()).unwrap();
    save_program(&layout.program_file(&program.id), &program).unwrap();
    program
}

#[test]
fn no_command_prints_escape_sequences_or_invisible_characters_from_files() {
    let dir = tempfile::tempdir().unwrap();
    let layout = Layout::new(dir.path());
    let program = user_program(&layout, |program| {
        program.description = evil("Beskrivelse");
        let plan = &mut program.gatherings[0];
        plan.title = evil("Samling");
        plan.purpose = evil("Formål");
        plan.agenda[0].title = evil("Punkt");
        plan.agenda[0].facilitator_note = evil("Veiledernotat");
        if let Some(prompt) = plan.agenda.iter_mut().find_map(|i| i.prompts.first_mut()) {
            prompt.text = evil("Spørsmål");
        }
    });

    let day = NaiveDate::from_ymd_opt(2026, 9, 14).unwrap();
    let mut opened =
        sessions::open(&layout, &program, 1, day, &Config::default(), &[], &[]).unwrap();
    opened.session.place = evil("Rom");
    opened.session.agreements = vec![Agreement {
        id: opened.session.next_agreement_id(),
        text: evil("Avtale"),
        who: Who::Role(evil("rektor")),
        due: Due::NextGathering,
        origin: Origin {
            session: opened.session.id.clone(),
            gathering: 1,
            item: opened.session.agenda[0].id.clone(),
            item_title: evil("Punkt"),
            group: None,
        },
        history: vec![StatusChange {
            status: Status::Open,
            at: Timestamp::parse("2026-09-14T15:40:00+02:00").unwrap(),
            comment: String::new(),
        }],
    }];
    save_session(&opened.path, &opened.session).unwrap();
    let session = opened.path.clone();
    drop(opened);
    let broken = dir.path().join(evil("navn") + ".ron");
    std::fs::write(&broken, format!("Session(version: 1, {EVIL}: 1)")).unwrap();
    let minutes = dir.path().join(evil("referat") + ".md");

    let s = session.to_str().unwrap();
    let commands: [&[&str]; 8] = [
        &["programs"],
        &["show", "fiendtlig"],
        &["show", "fiendtlig", "--gathering", "1", "--notes"],
        &["history"],
        &["agreements"],
        &["check", s, broken.to_str().unwrap()],
        &["export", s, "-o", minutes.to_str().unwrap()],
        &["export", broken.to_str().unwrap()],
    ];
    for args in commands {
        let (_, out, err) = samling(dir.path(), args);
        harmless(&format!("{args:?} (stdout)"), &out);
        harmless(&format!("{args:?} (stderr)"), &err);
        assert!(
            out.contains("pwned") || err.contains("pwned"),
            "the text itself is still shown: {args:?}\n{out}\n{err}"
        );
    }
}

#[test]
fn the_programs_table_lines_up_without_what_was_taken_out() {
    let dir = tempfile::tempdir().unwrap();
    user_program(&Layout::new(dir.path()), |_| {});
    let (code, out, err) = samling(dir.path(), &["programs"]);
    assert_eq!(code, Some(0), "{err}");
    // Every row's columns line up: the source (the last column) starts in the same place.
    let columns: Vec<usize> = out
        .lines()
        .skip(1)
        .map(|l| {
            // Where the last column (the source, without spaces) starts.
            let last = l.split_whitespace().last().unwrap_or_default();
            l.chars().count() - last.chars().count()
        })
        .collect();
    assert_eq!(
        columns.len(),
        samling::store::catalog::BUILTIN.len() + 1,
        "{out}"
    );
    assert!(columns.iter().all(|c| *c == columns[0]), "{out}");
}
