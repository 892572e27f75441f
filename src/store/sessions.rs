//! Held gatherings on disk: which exist, which gathering comes next, and opening one to run
//! (resuming an unfinished session rather than starting a duplicate).

use std::path::PathBuf;

use chrono::NaiveDate;

use super::config::Config;
use super::journal;
use super::lock::SessionLock;
use super::paths::{Layout, ron_files};
use super::problem::Problem;
use super::save::{create_private_dir, remove_stale_temporaries, save_session};
use crate::model::chain::{HeldFacts, carried_from};
use crate::model::{Agreement, Program, Session};

/// A session file that loaded, and where it is.
#[derive(Debug, Clone, PartialEq)]
pub struct Held {
    pub path: PathBuf,
    pub session: Session,
}

/// Every session of a program that loads, oldest first (by gathering, date, id), and the
/// problems of those that do not (they are left untouched and never chosen to resume).
pub fn held(layout: &Layout, program: &str) -> (Vec<Held>, Vec<Problem>) {
    let dir = layout.sessions_dir(program);
    let mut problems = Vec::new();
    let files = ron_files(&dir).unwrap_or_else(|p| {
        problems.push(p);
        Vec::new()
    });
    let mut sessions = Vec::new();
    for path in files {
        match journal::load(&path) {
            Ok(mut loaded) => {
                problems.append(&mut loaded.notices);
                let session = loaded.session;
                // A session is named by its id; under another name it is a copy.
                if path.file_stem() != Some(std::ffi::OsStr::new(&session.id)) {
                    let id = session.id.clone();
                    problems.push(Problem::new(&path, super::ProblemKind::SessionCopy { id }));
                    continue;
                }
                sessions.push(Held { path, session });
            }
            Err(mut found) => problems.append(&mut found),
        }
    }
    sessions.sort_by(|a, b| {
        (a.session.gathering, a.session.date, &a.session.id).cmp(&(
            b.session.gathering,
            b.session.date,
            &b.session.id,
        ))
    });
    // Older files may lack the titles of the items their agreements were made at.
    crate::model::session::fill_item_titles(sessions.iter_mut().map(|h| &mut h.session));
    (sessions, problems)
}

impl HeldFacts for Held {
    fn gathering(&self) -> u32 {
        self.session.gathering
    }
    fn finished(&self) -> bool {
        self.session.is_finished()
    }
    fn took_place(&self) -> bool {
        self.session.is_held()
    }
}

/// The latest held session (see [`Session::is_held`]) of `gathering`, or of any gathering: the
/// one "siden sist", "Da — nå" and the minutes read. A session begun and left empty never
/// shadows it.
pub fn latest_held(held: &[Held], gathering: Option<u32>) -> Option<&Held> {
    held.iter()
        .rev()
        .find(|h| h.session.is_held() && gathering.is_none_or(|g| h.session.gathering == g))
}

/// The date of the gathering after `gathering`, if it has a session (prepared, begun or
/// held): what "before the next gathering" means for what `gathering` agreed.
pub fn next_date(held: &[Held], gathering: u32) -> Option<NaiveDate> {
    held.iter()
        .rev()
        .find(|h| h.session.gathering == gathering + 1)
        .map(|h| h.session.date)
}

/// The latest unfinished session of a gathering, if any: the one to resume.
pub fn unfinished(held: &[Held], gathering: u32) -> Option<&Held> {
    held.iter()
        .rev()
        .find(|h| h.session.gathering == gathering && !h.session.is_finished())
}

/// A session ready to run: its file, its content, and the lock that keeps other samlings off.
#[derive(Debug)]
pub struct LockedSession {
    pub path: PathBuf,
    pub session: Session,
    pub resumed: bool,
    pub lock: SessionLock,
    /// What the facilitator should know about where "siden sist" came from.
    pub notices: Vec<OpenNotice>,
    /// Hidden temporary copies of this session that an interrupted save had left, now removed.
    /// Kept apart from `notices` so that front ends that do not word them yet still build.
    pub removed_temporaries: Vec<PathBuf>,
}

/// Something about the previous gathering that the facilitator must see on opening.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OpenNotice {
    /// No earlier gathering is held: "siden sist" starts empty.
    NoPrevious { gathering: u32 },
    /// The previous gathering was held more than once; the latest was taken.
    SeveralHeld {
        gathering: u32,
        count: usize,
        took: String,
    },
    /// A file of the previous gathering could not be read; it is left as it is.
    Unreadable(Problem),
    /// The agenda asks again what this gathering asked, but it was never held.
    NoMirror { gathering: u32 },
    /// "Siden sist" comes from a gathering that was not closed; `open_elsewhere` when another
    /// samling has it open right now, so what it agrees from now on is not carried.
    PreviousNotFinished {
        gathering: u32,
        open_elsewhere: bool,
    },
    /// The session was prepared from a plan the program has changed since: the prepared agenda
    /// is the one run.
    PlanChanged,
    /// A journal with changes that could not be used was moved here (see
    /// [`journal::set_aside`]).
    SetAside(PathBuf),
}

/// Resumes the unfinished session of `gathering`, or starts a new one dated `today`, saved at
/// once so that the file exists from the first minute. Either way, once the session is locked,
/// the temporary copies an interrupted save of it left behind are removed.
/// `unreadable` are the session files of the program that did not load: those of the previous
/// gathering are named in the notices, so a broken file never silently empties "siden sist".
///
/// A session prepared before the day (see [`prepare`]) is resumed like any other; as it is
/// opened to run for the first time, it takes over from the gathering before as a new one
/// would, so what that gathering agreed after the preparing is not missed.
pub fn open(
    layout: &Layout,
    program: &Program,
    gathering: u32,
    today: NaiveDate,
    config: &Config,
    held: &[Held],
    unreadable: &[Problem],
) -> Result<LockedSession, Problem> {
    if let Some(h) = unfinished(held, gathering) {
        let mut locked = resume(h)?;
        if is_prepared(&locked.session) {
            // The copies of what it carried are taken afresh, as the gathering before now
            // leaves them; a review already given here (before the session's own date, so it
            // does not count as held) is kept on top of them.
            let session = &mut locked.session;
            let id = session.id.clone();
            let (carried, own) = std::mem::take(&mut session.agreements)
                .into_iter()
                .partition(|a| a.origin.session != id);
            session.agreements = own;
            locked.notices = connect(session, held, unreadable);
            keep_reviews(session, carried, held);
            if plan_changed(program, &locked.session) {
                locked.notices.push(OpenNotice::PlanChanged);
            }
            save_session(&locked.path, &locked.session)?;
        }
        return Ok(locked);
    }
    let mut locked = create(layout, program, gathering, today, config, held)?;
    locked.notices = connect(&mut locked.session, held, unreadable);
    save_session(&locked.path, &locked.session)?;
    Ok(locked)
}

/// Opens the session of `gathering` for preparing before the day: the one prepared (or
/// opened and never started) before, or a new one dated `date`, saved at once. It takes over
/// nothing from the gathering before yet: that happens when it is opened to run ([`open`]).
/// The caller has made sure the gathering is neither held nor begun.
pub fn prepare(
    layout: &Layout,
    program: &Program,
    gathering: u32,
    date: NaiveDate,
    config: &Config,
    held: &[Held],
) -> Result<LockedSession, Problem> {
    if let Some(h) = unfinished(held, gathering).filter(|h| is_prepared(&h.session)) {
        return resume(h);
    }
    let locked = create(layout, program, gathering, date, config, held)?;
    save_session(&locked.path, &locked.session)?;
    Ok(locked)
}

/// Whether a session is only prepared: never started, nothing written or agreed in it.
pub fn is_prepared(session: &Session) -> bool {
    session.began().is_none() && !session.is_held()
}

/// Locks the session in `h` and reads it again under the lock (another samling may have saved
/// since the list was made).
fn resume(h: &Held) -> Result<LockedSession, Problem> {
    let lock = SessionLock::acquire(&h.path)?;
    let removed_temporaries = remove_stale_temporaries(&h.path);
    let loaded = journal::load(&h.path).map_err(|mut p| p.remove(0))?;
    // A journal the file does not hold must not be started afresh over by this samling's
    // first save: it is moved aside, and named.
    let notices = journal::set_aside(&loaded.set_aside)
        .into_iter()
        .map(OpenNotice::SetAside)
        .collect();
    // After a crash, what only the journal held is written whole at once (best effort: the
    // journal keeps it all the same), so the file is complete again from the start.
    if loaded.replayed > 0 {
        let mut writer = journal::Writer::new(h.path.clone(), journal::FACILITATOR);
        let _ = writer.save(&loaded.session, true);
    }
    Ok(LockedSession {
        path: h.path.clone(),
        session: loaded.session,
        resumed: true,
        lock,
        notices,
        removed_temporaries,
    })
}

/// A new session of `gathering` dated `date`, locked, with the place and facilitator last
/// written down; not yet saved.
fn create(
    layout: &Layout,
    program: &Program,
    gathering: u32,
    date: NaiveDate,
    config: &Config,
    held: &[Held],
) -> Result<LockedSession, Problem> {
    let plan = program.gathering(gathering).ok_or_else(|| {
        Problem::new(
            &layout.sessions_dir(&program.id),
            super::problem::ProblemKind::Invalid(
                crate::model::validate::InvalidKind::UnknownGathering { number: gathering },
            ),
        )
    })?;
    let dir = layout.sessions_dir(&program.id);
    create_private_dir(&dir).map_err(|e| Problem::io(&dir, &e))?;
    let id = layout.new_session_id(&program.id, gathering, date);
    let path = layout.session_file(&program.id, &id);
    let lock = SessionLock::acquire(&path)?;
    // A crash during the very first save of a session leaves a temporary copy and no file, so
    // the same name comes round again: clean up here too.
    let removed_temporaries = remove_stale_temporaries(&path);
    let mut session = Session::new(program, plan, id, date);
    session.place = last_said(held, |s| &s.place).unwrap_or_else(|| config.place.clone());
    session.facilitator =
        last_said(held, |s| &s.facilitator).unwrap_or_else(|| config.facilitator.clone());
    Ok(LockedSession {
        path,
        session,
        resumed: false,
        lock,
        notices: Vec::new(),
        removed_temporaries,
    })
}

/// Puts back into `session`, freshly carried, what was added here to the agreements it carried
/// before (`old`): status changes and comments not in the gathering before's copy, and the
/// wording if it was changed along with them. An old copy with nothing added here is dropped:
/// the gathering before has the word on it.
fn keep_reviews(session: &mut Session, old: Vec<Agreement>, held: &[Held]) {
    let before = session
        .previous
        .as_ref()
        .and_then(|id| held.iter().find(|h| h.session.id == *id));
    for o in old {
        let fresh = session
            .agreements
            .iter()
            .find(|a| a.id == o.id)
            .or_else(|| before.and_then(|h| h.session.agreements.iter().find(|a| a.id == o.id)))
            .cloned();
        let Some(mut fresh) = fresh else {
            // Nothing to compare with: keep it as it was, rather than lose a review.
            session.agreements.push(o);
            continue;
        };
        let added: Vec<_> = o
            .history
            .iter()
            .filter(|h| !fresh.history.contains(h))
            .cloned()
            .collect();
        if added.is_empty() {
            continue;
        }
        fresh.history.extend(added);
        fresh.history.sort_by_key(|h| h.at);
        fresh.text = o.text;
        match session.agreements.iter_mut().find(|a| a.id == fresh.id) {
            Some(a) => *a = fresh,
            None => session.agreements.push(fresh),
        }
    }
}

/// Whether the program's plan of the session's gathering is no longer what the session was
/// prepared from: its items (the ones not inserted) differ in id or title. Their order is not
/// compared: moving items while preparing is the facilitator's change, not the program's.
fn plan_changed(program: &Program, session: &Session) -> bool {
    let Some(plan) = program.gathering(session.gathering) else {
        return false;
    };
    let planned: Vec<(&str, &str)> = plan
        .agenda
        .iter()
        .map(|i| (i.id.as_str(), i.title.as_str()))
        .collect();
    let kept: Vec<(&str, &str)> = session
        .agenda
        .iter()
        .filter(|i| !session.is_inserted(&i.id))
        .map(|i| (i.id.as_str(), i.title.as_str()))
        .collect();
    let mut planned_sorted = planned.clone();
    let mut kept_sorted = kept.clone();
    planned_sorted.sort();
    kept_sorted.sort();
    planned_sorted != kept_sorted
}

/// Links a session to the gatherings before it: "siden sist" from the previous one (its open
/// agreements, highlights and parking lot) and "Da — nå" from those its agenda asks again.
/// What the facilitator must be told about them comes back.
fn connect(session: &mut Session, held: &[Held], unreadable: &[Problem]) -> Vec<OpenNotice> {
    let gathering = session.gathering;
    let mut notices = Vec::new();
    if gathering > 1 {
        match carried_from(held, gathering) {
            Some(previous) => {
                let same = held
                    .iter()
                    .filter(|h| h.took_place() && h.gathering() == previous.gathering())
                    .count();
                if same > 1 {
                    notices.push(OpenNotice::SeveralHeld {
                        gathering: previous.session.gathering,
                        count: same,
                        took: previous.session.id.clone(),
                    });
                }
                if !previous.session.is_finished() {
                    notices.push(OpenNotice::PreviousNotFinished {
                        gathering: previous.session.gathering,
                        open_elsewhere: super::lock::held_elsewhere(&previous.path),
                    });
                }
                session.carry_from(&previous.session);
            }
            None => {
                // Taken over before (a prepared session), and that gathering is gone since.
                session.previous = None;
                session.since_last = None;
                notices.push(OpenNotice::NoPrevious {
                    gathering: gathering - 1,
                })
            }
        }
        let prefix = format!("{:02}-", gathering - 1);
        notices.extend(
            unreadable
                .iter()
                .filter(|p| {
                    p.path
                        .file_name()
                        .is_some_and(|n| n.to_string_lossy().starts_with(&prefix))
                })
                .cloned()
                .map(OpenNotice::Unreadable),
        );
    }
    // "Da — nå": the answers of each gathering this agenda asks again, from its latest session.
    session.mirror.clear();
    for earlier in session.revisited_gatherings() {
        match latest_held(held, Some(earlier)) {
            Some(h) => session.mirror_from(&h.session),
            None => notices.push(OpenNotice::NoMirror { gathering: earlier }),
        }
    }
    notices
}

/// The place or facilitator last written down for this program (with `s`, or by a gathering
/// before): the next gathering most likely has the same.
fn last_said(held: &[Held], field: impl Fn(&Session) -> &String) -> Option<String> {
    held.iter()
        .filter(|h| !field(&h.session).trim().is_empty())
        .max_by_key(|h| (h.session.date, h.session.gathering, &h.session.id))
        .map(|h| field(&h.session).clone())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::chain::next_gathering;
    use crate::store::catalog;
    use std::fs;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
    }

    #[test]
    fn a_new_session_is_saved_at_once_and_resumed_not_duplicated() {
        let dir = tempfile::tempdir().unwrap();
        let layout = Layout::new(dir.path());
        let program = &catalog::builtin().0[0];
        let config = Config {
            place: "Gymsalen".into(),
            ..Config::default()
        };
        let (held0, _) = held(&layout, &program.id);
        assert_eq!(next_gathering(program, &held0), Some(1));
        let first = open(&layout, program, 1, day(23), &config, &held0, &[]).unwrap();
        assert!(!first.resumed);
        assert_eq!(first.session.place, "Gymsalen");
        assert!(
            first
                .path
                .ends_with("sessions/traumebevisst/01-2026-11-23.ron")
        );
        assert!(first.path.exists());
        let path = first.path.clone();
        drop(first);

        // The next day, still unfinished: resumed, same file.
        let (held1, problems) = held(&layout, &program.id);
        assert!(problems.is_empty());
        assert_eq!(next_gathering(program, &held1), Some(1));
        let again = open(&layout, program, 1, day(24), &config, &held1, &[]).unwrap();
        assert!(again.resumed);
        assert_eq!(again.path, path);
        // While it is open, a second samling is refused.
        let err = open(&layout, program, 1, day(24), &config, &held1, &[]).unwrap_err();
        assert!(matches!(err.kind, crate::store::ProblemKind::Locked { .. }));
    }

    #[test]
    fn a_finished_gathering_moves_next_on_and_links_back() {
        let dir = tempfile::tempdir().unwrap();
        let layout = Layout::new(dir.path());
        let program = &catalog::builtin().0[0];
        let config = Config::default();
        let mut first = open(&layout, program, 1, day(2), &config, &[], &[]).unwrap();
        first.session.ended =
            Some(crate::model::Timestamp::parse("2026-11-02T16:00:00+01:00").unwrap());
        save_session(&first.path, &first.session).unwrap();
        drop(first);
        let (held, _) = held(&layout, &program.id);
        assert_eq!(next_gathering(program, &held), Some(2));
        let second = open(&layout, program, 2, day(23), &config, &held, &[]).unwrap();
        assert_eq!(second.session.previous.as_deref(), Some("01-2026-11-02"));
    }

    #[test]
    fn a_broken_session_file_is_reported_never_resumed_nor_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        let layout = Layout::new(dir.path());
        let program = &catalog::builtin().0[0];
        let broken = layout.session_file(&program.id, "01-2026-11-23");
        fs::create_dir_all(broken.parent().unwrap()).unwrap();
        fs::write(&broken, "Session(version: 1,").unwrap();
        let (held, problems) = held(&layout, &program.id);
        assert_eq!(problems.len(), 1);
        let opened = open(
            &layout,
            program,
            1,
            day(23),
            &Config::default(),
            &held,
            &problems,
        )
        .unwrap();
        assert!(opened.path.ends_with("01-2026-11-23-2.ron"));
        assert_eq!(fs::read_to_string(&broken).unwrap(), "Session(version: 1,");
    }

    fn finished(layout: &Layout, program: &Program, gathering: u32, d: u32, held: &[Held]) {
        let mut o = open(
            layout,
            program,
            gathering,
            day(d),
            &Config::default(),
            held,
            &[],
        )
        .unwrap();
        o.session.ended =
            Some(crate::model::Timestamp::parse("2026-11-01T16:00:00+01:00").unwrap());
        save_session(&o.path, &o.session).unwrap();
    }

    #[test]
    fn a_prepared_gathering_is_edited_in_place_and_takes_over_from_the_one_before_when_run() {
        let dir = tempfile::tempdir().unwrap();
        let layout = Layout::new(dir.path());
        let program = &catalog::builtin().0[0];
        let config = Config::default();
        // Gathering 2 prepared while gathering 1 is still to come.
        let (held0, _) = held(&layout, &program.id);
        let prepared = prepare(&layout, program, 2, day(30), &config, &held0).unwrap();
        assert!(prepared.path.ends_with("02-2026-11-30.ron"));
        assert_eq!(prepared.session.previous, None, "nothing to take over yet");
        let path = prepared.path.clone();
        let mut session = prepared.session.clone();
        drop(prepared);
        session.place = "Biblioteket".into();
        session.toggle_skip(
            &session.agenda[3].id.clone(),
            crate::model::Timestamp::parse("2026-11-20T10:00:00+01:00").unwrap(),
        );
        save_session(&path, &session).unwrap();
        // Preparing again opens the same file.
        let (held1, _) = held(&layout, &program.id);
        let again = prepare(&layout, program, 2, day(30), &config, &held1).unwrap();
        assert_eq!((&again.path, &again.session), (&path, &session));
        drop(again);
        // Gathering 1 is held; then gathering 2 is opened to run.
        finished(&layout, program, 1, 23, &held1);
        let (held2, _) = held(&layout, &program.id);
        let first = latest_held(&held2, Some(1)).unwrap().session.clone();
        let run = open(&layout, program, 2, day(30), &config, &held2, &[]).unwrap();
        assert!(run.resumed);
        assert_eq!(run.path, path);
        assert_eq!(run.session.previous.as_deref(), Some(first.id.as_str()));
        assert_eq!(run.session.place, "Biblioteket");
        assert_eq!(
            run.session.skipped, session.skipped,
            "the preparing is kept"
        );
        let on_disk = crate::store::load_session(&path).unwrap();
        assert_eq!(on_disk.previous, run.session.previous);
    }

    #[test]
    fn a_review_given_before_the_prepared_date_is_kept_when_it_is_opened_again() {
        use crate::model::{Status, StatusChange, Timestamp};
        let dir = tempfile::tempdir().unwrap();
        let layout = Layout::new(dir.path());
        let program = &catalog::builtin().0[0];
        let config = Config::default();
        // Gathering 1 held, with one open agreement.
        let mut first = open(&layout, program, 1, day(2), &config, &[], &[]).unwrap();
        let mut made = crate::model::sample::big_session(0, 1).agreements.remove(0);
        made.id = crate::model::AgreementId::new(&first.session.id, 1);
        made.origin.session = first.session.id.clone();
        made.origin.item = first.session.agenda[0].id.clone();
        first.session.agreements.push(made);
        first.session.ended = Some(Timestamp::parse("2026-11-02T16:00:00+01:00").unwrap());
        save_session(&first.path, &first.session).unwrap();
        drop(first);
        // Gathering 2 prepared for the 30th, opened on the 24th, the agreement marked done.
        let (h, _) = held(&layout, &program.id);
        drop(prepare(&layout, program, 2, day(30), &config, &h).unwrap());
        let (h, _) = held(&layout, &program.id);
        let mut second = open(&layout, program, 2, day(23), &config, &h, &[]).unwrap();
        assert_eq!(second.session.carried().count(), 1, "{:?}", second.notices);
        let review = StatusChange {
            status: Status::Done,
            at: Timestamp::parse("2026-11-24T10:00:00+01:00").unwrap(),
            comment: "i 6B".into(),
        };
        second.session.agreements[0].history.push(review.clone());
        save_session(&second.path, &second.session).unwrap();
        drop(second);
        // Opened again: still not begun, so taken over afresh, and the review is kept.
        let (h, _) = held(&layout, &program.id);
        let again = open(&layout, program, 2, day(30), &config, &h, &[]).unwrap();
        let carried: Vec<_> = again.session.carried().collect();
        assert_eq!(carried.len(), 1);
        assert_eq!(carried[0].history.last(), Some(&review));
        assert_eq!(carried[0].status(), Status::Done);
    }

    #[test]
    fn a_prepared_agenda_whose_plan_changed_is_run_as_prepared_and_says_so() {
        let dir = tempfile::tempdir().unwrap();
        let layout = Layout::new(dir.path());
        let mut program = catalog::builtin().0[0].clone();
        let config = Config::default();
        let prepared = prepare(&layout, &program, 1, day(30), &config, &[]).unwrap();
        let agenda = prepared.session.agenda.clone();
        drop(prepared);
        program.gatherings[0].agenda[1].title = "Et nytt innlegg".into();
        let (held, _) = held(&layout, &program.id);
        let run = open(&layout, &program, 1, day(30), &config, &held, &[]).unwrap();
        assert_eq!(run.session.agenda, agenda);
        assert!(
            run.notices.contains(&OpenNotice::PlanChanged),
            "{:?}",
            run.notices
        );
    }

    #[test]
    fn a_corrupt_previous_session_is_named_and_the_gathering_starts_anyway() {
        let dir = tempfile::tempdir().unwrap();
        let layout = Layout::new(dir.path());
        let program = &catalog::builtin().0[0];
        let broken = layout.session_file(&program.id, "01-2026-11-02");
        fs::create_dir_all(broken.parent().unwrap()).unwrap();
        fs::write(&broken, "Session(version: 1, id: ").unwrap();
        let (held, problems) = held(&layout, &program.id);
        let opened = open(
            &layout,
            program,
            2,
            day(23),
            &Config::default(),
            &held,
            &problems,
        )
        .unwrap();
        assert!(
            opened
                .notices
                .contains(&OpenNotice::NoPrevious { gathering: 1 })
        );
        assert!(
            opened
                .notices
                .iter()
                .any(|n| matches!(n, OpenNotice::Unreadable(p) if p.path == broken))
        );
        assert_eq!(
            fs::read_to_string(&broken).unwrap(),
            "Session(version: 1, id: "
        );
    }

    #[test]
    fn two_held_sessions_of_the_previous_gathering_take_the_latest_and_say_so() {
        let dir = tempfile::tempdir().unwrap();
        let layout = Layout::new(dir.path());
        let program = &catalog::builtin().0[0];
        finished(&layout, program, 1, 2, &[]);
        let (h, _) = held(&layout, &program.id);
        finished(&layout, program, 1, 9, &h);
        let (h, _) = held(&layout, &program.id);
        let opened = open(&layout, program, 2, day(23), &Config::default(), &h, &[]).unwrap();
        assert_eq!(opened.session.previous.as_deref(), Some("01-2026-11-09"));
        assert_eq!(
            opened.notices,
            vec![OpenNotice::SeveralHeld {
                gathering: 1,
                count: 2,
                took: "01-2026-11-09".into()
            }]
        );
    }

    #[test]
    fn gathering_6_takes_gathering_1s_answers_or_says_they_are_missing() {
        let dir = tempfile::tempdir().unwrap();
        let layout = Layout::new(dir.path());
        let program = &catalog::builtin().0[0];
        let opened = open(&layout, program, 6, day(23), &Config::default(), &[], &[]).unwrap();
        assert!(
            opened
                .notices
                .contains(&OpenNotice::NoMirror { gathering: 1 })
        );
        drop(opened);
        fs::remove_dir_all(layout.sessions_dir(&program.id)).unwrap();
        finished(&layout, program, 1, 2, &[]);
        let (h, _) = held(&layout, &program.id);
        let opened = open(&layout, program, 6, day(23), &Config::default(), &h, &[]).unwrap();
        assert!(
            !opened
                .notices
                .contains(&OpenNotice::NoMirror { gathering: 1 })
        );
        // One entry per revisiting prompt of gathering 6 (six in the built-in program).
        assert_eq!(opened.session.mirror.len(), 6);
        assert!(
            opened
                .session
                .mirror
                .iter()
                .all(|m| m.from == "01-2026-11-02")
        );
    }

    /// Gathering 1 held with one note, then started again by mistake and left empty.
    fn held_then_begun(layout: &Layout, program: &Program) {
        let mut real = open(layout, program, 1, day(2), &Config::default(), &[], &[]).unwrap();
        real.session.set_notes(held_session_note(&real.session));
        real.session.note_mut(0).kind = crate::model::NoteKind::Highlight;
        real.session.place = "Personalrommet".into();
        real.session.ended =
            Some(crate::model::Timestamp::parse("2026-11-02T16:00:00+01:00").unwrap());
        save_session(&real.path, &real.session).unwrap();
        drop(real);
        let (h, _) = held(layout, &program.id);
        let stray = open(layout, program, 1, day(9), &Config::default(), &h, &[]).unwrap();
        assert!(!stray.resumed, "a new session: gathering 1 was finished");
    }

    #[test]
    fn a_session_begun_and_left_empty_never_shadows_the_held_one() {
        let dir = tempfile::tempdir().unwrap();
        let layout = Layout::new(dir.path());
        let program = &catalog::builtin().0[0];
        held_then_begun(&layout, program);
        let (h, _) = held(&layout, &program.id);
        assert_eq!(h.len(), 2);
        assert_eq!(
            latest_held(&h, Some(1)).map(|h| h.session.id.as_str()),
            Some("01-2026-11-02")
        );
        let second = open(&layout, program, 2, day(23), &Config::default(), &h, &[]).unwrap();
        assert_eq!(second.session.previous.as_deref(), Some("01-2026-11-02"));
        let since = second.session.since_last.as_ref().unwrap();
        assert_eq!(since.highlights.len(), 1);
        assert!(
            second.notices.is_empty(),
            "the empty one is not counted as held: {:?}",
            second.notices
        );
    }

    #[test]
    fn place_and_facilitator_carry_over_to_the_next_gathering() {
        let dir = tempfile::tempdir().unwrap();
        let layout = Layout::new(dir.path());
        let program = &catalog::builtin().0[0];
        let config = Config {
            place: "Fra innstillingene".into(),
            facilitator: "Åse".into(),
            ..Config::default()
        };
        let mut first = open(&layout, program, 1, day(2), &config, &[], &[]).unwrap();
        assert_eq!(first.session.place, "Fra innstillingene");
        first.session.place = "Gymsalen".into();
        save_session(&first.path, &first.session).unwrap();
        drop(first);
        let (h, _) = held(&layout, &program.id);
        let second = open(&layout, program, 2, day(23), &config, &h, &[]).unwrap();
        assert_eq!(second.session.place, "Gymsalen");
        assert_eq!(second.session.facilitator, "Åse");
    }

    #[test]
    fn a_previous_gathering_still_open_elsewhere_is_named() {
        let dir = tempfile::tempdir().unwrap();
        let layout = Layout::new(dir.path());
        let program = &catalog::builtin().0[0];
        let mut first = open(&layout, program, 1, day(23), &Config::default(), &[], &[]).unwrap();
        first.session.set_notes(held_session_note(&first.session));
        save_session(&first.path, &first.session).unwrap();
        // `first` keeps its lock: another samling is running gathering 1 now.
        let (h, _) = held(&layout, &program.id);
        let second = open(&layout, program, 2, day(23), &Config::default(), &h, &[]).unwrap();
        assert_eq!(
            second.notices,
            vec![OpenNotice::PreviousNotFinished {
                gathering: 1,
                open_elsewhere: true
            }]
        );
        drop(second);
        drop(first);
        fs::remove_file(layout.session_file(&program.id, "02-2026-11-23")).unwrap();
        let (h, _) = held(&layout, &program.id);
        let second = open(&layout, program, 2, day(23), &Config::default(), &h, &[]).unwrap();
        assert_eq!(
            second.notices,
            vec![OpenNotice::PreviousNotFinished {
                gathering: 1,
                open_elsewhere: false
            }]
        );
    }

    fn held_session_note(session: &Session) -> Vec<crate::model::Note> {
        let at = crate::model::Timestamp::parse("2026-11-23T13:20:00+01:00").unwrap();
        vec![crate::model::Note {
            id: "f-1".into(),
            created: at,
            edited: at,
            item: session.agenda[0].id.clone(),
            prompt: None,
            group: crate::model::GroupLabel::Plenary,
            kind: crate::model::NoteKind::Reflection,
            text: "Noe ble sagt".into(),
            private: false,
            by: None,
        }]
    }

    /// The session folder with, beside `01-2026-11-23.ron`'s leftovers, files that only look
    /// alike: every one of them must be left alone.
    fn plant_temporaries(layout: &Layout, program: &str) -> (Vec<PathBuf>, Vec<PathBuf>) {
        let dir = layout.sessions_dir(program);
        fs::create_dir_all(&dir).unwrap();
        let stale = vec![
            dir.join(".01-2026-11-23.ron.a1B2c3"),
            dir.join(".01-2026-11-23.ron.rescue.ron.ZZ9zz9"),
        ];
        let others = vec![
            // Another session's leftover (its samling may be saving right now).
            dir.join(".01-2026-11-23-2.ron.a1B2c3"),
            dir.join(".02-2026-11-30.ron.a1B2c3"),
            // An export being written, and names that are close but not the pattern.
            dir.join(".01-2026-11-23.ron.referat.md.a1B2c3"),
            dir.join(".01-2026-11-23.ron.a1B2c"),
            dir.join(".01-2026-11-23.ron.a1B2c3d"),
            dir.join(".01-2026-11-23.ron.a1-2c3"),
            dir.join("01-2026-11-23.ron.a1B2c3"),
            dir.join(".hidden"),
            dir.join("notes.txt"),
        ];
        for path in stale.iter().chain(&others) {
            fs::write(path, "Session(").unwrap();
        }
        (stale, others)
    }

    fn removed_exactly(opened: &LockedSession, stale: &[PathBuf], others: &[PathBuf]) {
        assert_eq!(opened.removed_temporaries, stale);
        for path in stale {
            assert!(!path.exists(), "{} left", path.display());
        }
        for path in others {
            assert!(path.exists(), "{} removed", path.display());
        }
    }

    #[test]
    fn stale_temporary_copies_of_the_session_opened_are_removed_and_nothing_else() {
        let dir = tempfile::tempdir().unwrap();
        let layout = Layout::new(dir.path());
        let program = &catalog::builtin().0[0];
        let config = Config::default();
        // A new session: a crash during its very first save leaves only the temporary copy.
        let (stale, others) = plant_temporaries(&layout, &program.id);
        let opened = open(&layout, program, 1, day(23), &config, &[], &[]).unwrap();
        assert!(opened.path.ends_with("01-2026-11-23.ron"));
        removed_exactly(&opened, &stale, &others);
        drop(opened);

        // A resumed session: the same.
        let (stale, others) = plant_temporaries(&layout, &program.id);
        let (h, _) = held(&layout, &program.id);
        let opened = open(&layout, program, 1, day(24), &config, &h, &[]).unwrap();
        assert!(opened.resumed);
        removed_exactly(&opened, &stale, &others);
    }
}
