//! What the command line and the interactive program both do with files, each written once:
//! opening a gathering with what the facilitator must be told, the held gatherings as the
//! home screen lists them, and the minutes written beside a session or read back.
//!
//! These run between the disk ([`crate::store`]) and the words ([`crate::i18n`]): they take
//! paths and give back values and sentences. The runtime ([`crate::tui`]) calls them to carry
//! out effects; `main` calls them before the terminal is taken.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::app::projector::{NextGathering, Occasion};
use crate::app::{HeldSummary, Opened};
use crate::export::{self, Format, Minutes};
use crate::i18n::Strings;
use crate::model::Program;
use crate::store::config::Config;
use crate::store::lock::SessionLock;
use crate::store::{self, Layout, Problem, sessions};

/// Resumes or starts a gathering and locks it, with what the facilitator must be told; or the
/// reason it cannot be opened, in words.
pub fn open_gathering(
    s: &Strings,
    layout: &Layout,
    config: &Config,
    program: &Program,
    gathering: u32,
    today: NaiveDate,
) -> Result<(Opened, SessionLock), String> {
    let (held, problems) = sessions::held(layout, &program.id);
    let opened = sessions::open(layout, program, gathering, today, config, &held, &problems)
        .map_err(|problem| s.located(&problem))?;
    let mut notices = open_notices(s, &opened.path, &problems, &opened.notices);
    notices.extend(
        opened
            .removed_temporaries
            .iter()
            .map(|p| (s.temporary_removed)(&p.display().to_string())),
    );
    let occasion = occasion(program, &held, gathering, opened.session.date);
    let run = Opened {
        notices,
        path: opened.path,
        session: opened.session,
        resumed: opened.resumed,
        preparing: false,
        role: crate::app::run::Role::Facilitator,
        other_dates: Vec::new(),
        occasion,
    };
    Ok((run, opened.lock))
}

/// Opens the session of `gathering` for preparing before the day (dated `date` if it is new),
/// locked; or why it cannot be, in words: a gathering held already is held again with
/// `run --again`, and one begun is continued, not prepared.
pub fn prepare_gathering(
    s: &Strings,
    layout: &Layout,
    config: &Config,
    program: &Program,
    gathering: u32,
    date: NaiveDate,
) -> Result<(Opened, SessionLock), String> {
    let (held, _) = sessions::held(layout, &program.id);
    let of_it = || held.iter().filter(|h| h.session.gathering == gathering);
    if sessions::unfinished(&held, gathering).is_none_or(|h| !sessions::is_prepared(&h.session)) {
        if let Some(h) = of_it().rev().find(|h| h.session.is_held()) {
            let date = s.date(h.session.date);
            return Err((s.plan_held)(gathering, &date, &program.id));
        }
        if let Some(h) = sessions::unfinished(&held, gathering) {
            let date = s.date(h.session.date);
            return Err((s.plan_begun)(gathering, &date, &program.id));
        }
    }
    let locked = sessions::prepare(layout, program, gathering, date, config, &held)
        .map_err(|p| s.located(&p))?;
    let occasion = occasion(program, &held, gathering, locked.session.date);
    let opened = Opened {
        path: locked.path,
        session: locked.session,
        resumed: locked.resumed,
        notices: Vec::new(),
        preparing: true,
        role: crate::app::run::Role::Facilitator,
        other_dates: held
            .iter()
            .filter(|h| h.session.gathering != gathering)
            .map(|h| (h.session.gathering, h.session.date))
            .collect(),
        occasion,
    };
    Ok((opened, locked.lock))
}

/// What the room is told beside the session of `gathering` held on `date`: the program's
/// title, and its next gathering, with the date of a session prepared or begun for it (not one
/// before this day: a series held again finds the earlier series' sessions too).
pub fn occasion(
    program: &Program,
    held: &[sessions::Held],
    gathering: u32,
    date: NaiveDate,
) -> Occasion {
    Occasion {
        program: program.title.clone(),
        next: program
            .gatherings
            .iter()
            .find(|g| g.number == gathering + 1)
            .map(|g| NextGathering {
                number: g.number,
                title: g.title.clone(),
                date: sessions::next_date(held, gathering).filter(|next| *next >= date),
            }),
    }
}

/// [`occasion`] for a session read from its file (a projector window, a note-taker): of the
/// program it names among `programs`, with the sessions beside it; nothing more than the
/// session's own when the program is not known here.
pub fn occasion_of(
    layout: &Layout,
    programs: &[Program],
    session: &crate::model::Session,
) -> Occasion {
    match programs.iter().find(|p| p.id == session.program) {
        Some(program) => {
            let (held, _) = sessions::held(layout, &program.id);
            occasion(program, &held, session.gathering, session.date)
        }
        None => Occasion::default(),
    }
}

/// Whether what was given on the command line names a session file rather than a program.
pub fn names_a_file(given: &str) -> bool {
    given.ends_with(".ron") || Path::new(given).is_file()
}

/// The session file a projector window follows: `target` if it is a file; else, of the
/// program `target` names (the built-in one without), the gathering being run now (its lock
/// is held), else the next one begun or prepared (of `gathering`, if given). Or why there is
/// none, in words.
pub fn follow_target(
    s: &Strings,
    layout: &Layout,
    programs: &[Program],
    target: Option<&str>,
    gathering: Option<u32>,
) -> Result<PathBuf, String> {
    let id = target.unwrap_or(crate::store::catalog::BUILTIN_DEFAULT);
    if names_a_file(id) {
        return Ok(PathBuf::from(id));
    }
    let Some(program) = programs.iter().find(|p| p.id == id) else {
        let known: Vec<String> = programs.iter().map(|p| p.id.clone()).collect();
        return Err((s.unknown_program)(id, &known));
    };
    let (held, _) = sessions::held(layout, &program.id);
    let open: Vec<_> = held
        .iter()
        .filter(|h| !h.session.is_finished())
        .filter(|h| gathering.is_none_or(|g| h.session.gathering == g))
        .collect();
    // Being led now; else the first one still to come (a gathering that took place and was
    // left open is behind us); else the latest one left open.
    open.iter()
        .find(|h| crate::store::lock::held_elsewhere(&h.path))
        .or_else(|| open.iter().find(|h| !h.session.is_held()))
        .or_else(|| open.last())
        .map(|h| h.path.clone())
        .ok_or_else(|| (s.nothing_to_follow)(&program.title))
}

/// What the facilitator must know on opening a session: where "siden sist" came from (or why
/// it is empty), held files of the program that did not load (left untouched), and a rescue
/// copy from an earlier crash beside this one.
fn open_notices(
    s: &Strings,
    path: &Path,
    problems: &[Problem],
    opened: &[sessions::OpenNotice],
) -> Vec<String> {
    let mut notices = Vec::new();
    let mut named = Vec::new();
    for notice in opened {
        notices.push(match notice {
            sessions::OpenNotice::NoPrevious { gathering } => (s.since_last_none)(*gathering),
            sessions::OpenNotice::SeveralHeld {
                gathering,
                count,
                took,
            } => (s.since_last_several)(*gathering, *count, took),
            sessions::OpenNotice::NoMirror { gathering } => (s.mirror_none)(*gathering),
            sessions::OpenNotice::PlanChanged => s.plan_changed.to_string(),
            sessions::OpenNotice::SetAside(path) => {
                (s.journal_set_aside)(&path.display().to_string())
            }
            sessions::OpenNotice::PreviousNotFinished {
                gathering,
                open_elsewhere,
            } => (s.since_last_unfinished)(*gathering, *open_elsewhere),
            sessions::OpenNotice::Unreadable(problem) => {
                named.push(problem);
                (s.since_last_unreadable)(&s.located(problem))
            }
        });
    }
    notices.extend(
        problems
            .iter()
            .filter(|p| !named.contains(p))
            .map(|p| s.located(p)),
    );
    for rescue in store::save::rescue_copies(path) {
        notices.push((s.rescue_found)(&rescue.display().to_string()));
    }
    notices
}

/// Every held (or begun) gathering of `programs`, as the home screen lists them, and the
/// files that did not load, in words.
pub fn held_summaries(
    s: &Strings,
    layout: &Layout,
    programs: &[Program],
) -> (Vec<HeldSummary>, Vec<String>) {
    let mut summaries = Vec::new();
    let mut warnings = Vec::new();
    for program in programs {
        let (found, problems) = sessions::held(layout, &program.id);
        warnings.extend(problems.iter().map(|p| s.located(p)));
        summaries.extend(found.into_iter().map(|h| HeldSummary {
            program: h.session.program.clone(),
            gathering: h.session.gathering,
            date: h.session.date,
            finished: h.session.is_finished(),
            held: h.session.is_held(),
            open_agreements: h.session.agreements.iter().filter(|c| c.is_open()).count(),
            prepared: sessions::is_prepared(&h.session),
            start: h.session.start,
            agenda: prepared_agenda(program, &h.session),
        }));
    }
    (summaries, warnings)
}

/// A prepared session's agenda as the home screen lists it: each item's start and title, the
/// end last (with no title). Empty for a session that is not only prepared.
fn prepared_agenda(
    program: &Program,
    session: &crate::model::Session,
) -> Vec<(chrono::NaiveTime, String)> {
    let plan = program.gathering(session.gathering);
    match plan.filter(|_| sessions::is_prepared(session)) {
        Some(plan) => {
            let handout = export::Handout::of(program, plan, Some(session));
            let items = handout.items.into_iter().map(|i| (i.start, i.title));
            items.chain([(handout.end, String::new())]).collect()
        }
        None => Vec::new(),
    }
}

/// The title a program's minutes carry: its own, or its id if it is not known here.
fn title_of<'a>(programs: &'a [Program], id: &'a str) -> &'a str {
    programs
        .iter()
        .find(|p| p.id == id)
        .map_or(id, |p| p.title.as_str())
}

/// Why the minutes were not written beside the session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotWritten {
    /// A file is there already; it is replaced only when asked.
    Exists(PathBuf),
    /// The disk refused, in words.
    Failed(String),
}

/// Writes the minutes of the session in `file` as Markdown beside it (`<file>.referat.md`);
/// an existing file only if `replace`. The path written.
pub fn minutes_beside(
    s: &Strings,
    layout: &Layout,
    file: &Path,
    session: &crate::model::Session,
    programs: &[Program],
    replace: bool,
) -> Result<PathBuf, NotWritten> {
    let path = export::beside(file, Format::Md);
    if path.exists() && !replace {
        return Err(NotWritten::Exists(path));
    }
    let (held, _) = sessions::held(layout, &session.program);
    let minutes = Minutes::of(session, title_of(programs, &session.program), false)
        .with_next_gathering(sessions::next_date(&held, session.gathering));
    let text = export::markdown(&minutes, s);
    store::save::write_atomic_no_backup(&path, text.as_bytes())
        .map_err(|e| NotWritten::Failed(s.located(&Problem::io(&path, &e))))?;
    Ok(path)
}

/// The minutes of the latest held session of a gathering, to read on the home screen; or why
/// there are none, in words.
pub fn read_minutes(
    s: &Strings,
    layout: &Layout,
    programs: &[Program],
    program: &str,
    gathering: u32,
) -> Result<Minutes, String> {
    let title = title_of(programs, program);
    let (held, _) = sessions::held(layout, program);
    let next = sessions::next_date(&held, gathering);
    sessions::latest_held(&held, Some(gathering))
        .map(|h| Minutes::of(&h.session, title, false).with_next_gathering(next))
        .ok_or_else(|| (s.nothing_held)(title, Some(gathering)))
}
