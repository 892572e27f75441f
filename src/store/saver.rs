//! Saving the running session on a thread of its own, so a key press never waits for the
//! disk: a save of a session with thousands of notes takes tens of milliseconds, a slow or
//! synced folder far longer, and the frame the key changed must not wait for it.
//!
//! Saves are numbered by the change they hold ([`Saver::save`] takes the session as it was
//! after change `upto`). Saves that queue up while one is written are folded into the newest,
//! so a burst of keys costs one write, never a backlog; every one still gets its answer, as the
//! answer of the save that wrote it. The answers arrive in order and the files are written in
//! order, so an older copy never replaces a newer one.
//!
//! Each save appends what changed to the facilitator's journal beside the session (a few
//! hundred bytes for a note, whatever the session holds); the whole session is written at the
//! first save, on the way out ([`Saver::save_now`]) and now and then (see
//! [`super::journal::Writer`]).
//!
//! The previous version is kept as `<file>.bak` at the first save of a file by this saver, and
//! not at each save after: a backup a second old is no recovery point, the file as it was when
//! samling opened it is.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, Sender};
use std::thread::{self, JoinHandle};

use super::journal::{FACILITATOR, Writer};
use super::problem::Problem;
use crate::model::Session;

/// What a save came to: the size written, or why not.
pub type Outcome = Result<u64, Problem>;

/// Where the answers of background saves go: `(upto, outcome)`.
pub type Report = Box<dyn Fn(u64, Outcome) + Send>;

/// One save to do; with no session, the sessions saved so far are to be settled (see
/// [`Saver::settle`]).
struct Job {
    path: PathBuf,
    session: Option<Box<Session>>,
    upto: u64,
    /// Someone waits for this one's answer ([`Saver::save_now`]); else it goes to the report.
    waiting: Option<Sender<Outcome>>,
}

/// The saving thread, and the way to hand it work.
pub struct Saver {
    jobs: Option<Sender<Job>>,
    thread: Option<JoinHandle<()>>,
}

impl Saver {
    /// Starts the thread (which, as it ends, settles every session it saved: see
    /// [`Writer::settle`]); the answers of [`Saver::save`] go to `report`, from that thread.
    pub fn spawn(report: Report) -> Saver {
        let (jobs, queue) = mpsc::channel();
        let thread = thread::spawn(move || work(&queue, &report));
        Saver {
            jobs: Some(jobs),
            thread: Some(thread),
        }
    }

    /// Saves `session`, as it was after change `upto`, to `path` when the thread gets to it;
    /// the answer goes to the report. Returns at once.
    pub fn save(&self, path: PathBuf, session: Session, upto: u64) {
        self.send(Job {
            path,
            session: Some(Box::new(session)),
            upto,
            waiting: None,
        });
    }

    /// Saves `session` whole after every save handed over before it, and waits for the
    /// answer: for the way out, when nothing may be left unwritten.
    pub fn save_now(&self, path: PathBuf, session: Session, upto: u64) -> Outcome {
        let (answer, wait) = mpsc::channel();
        self.send(Job {
            path: path.clone(),
            session: Some(Box::new(session)),
            upto,
            waiting: Some(answer),
        });
        wait.recv().unwrap_or_else(|_| Err(stopped(&path)))
    }

    /// Writes whole each session saved so far whose journal holds changes, and forgets them
    /// (see [`Writer::settle`]); waits. For leaving a gathering without quitting: its file is
    /// complete before its lock is let go. (Quitting does the same as the thread ends.)
    pub fn settle(&self) -> Outcome {
        let (answer, wait) = mpsc::channel();
        self.send(Job {
            path: PathBuf::new(),
            session: None,
            upto: 0,
            waiting: Some(answer),
        });
        wait.recv()
            .unwrap_or_else(|_| Err(stopped(std::path::Path::new(""))))
    }

    fn send(&self, job: Job) {
        let failed = match &self.jobs {
            Some(jobs) => jobs.send(job).err().map(|e| e.0),
            None => Some(job),
        };
        // The thread is gone (it panicked): say so where the answer was awaited.
        if let Some(job) = failed {
            let outcome = Err(stopped(&job.path));
            if let Some(answer) = job.waiting {
                let _ = answer.send(outcome);
            }
        }
    }
}

impl Drop for Saver {
    /// Lets every save handed over finish before samling goes on (or out).
    fn drop(&mut self) {
        self.jobs = None;
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

fn stopped(path: &std::path::Path) -> Problem {
    Problem::new(path, super::problem::ProblemKind::SaverStopped)
}

/// The thread: takes what has queued, writes the newest of each run of background saves, and
/// answers everyone.
fn work(queue: &Receiver<Job>, report: &Report) {
    let mut writers: HashMap<PathBuf, Writer> = HashMap::new();
    while let Ok(first) = queue.recv() {
        let mut batch = vec![first];
        batch.extend(queue.try_iter());
        let mut pending: Vec<u64> = Vec::new();
        // Which jobs save a session (a settle does not: nothing may be folded into it).
        let saves: Vec<bool> = batch.iter().map(|j| j.session.is_some()).collect();
        for (i, job) in batch.into_iter().enumerate() {
            let newer_follows = saves.get(i + 1).copied().unwrap_or(false);
            // A background save with another save after it is folded into that one.
            if job.waiting.is_none() && job.session.is_some() && newer_follows {
                pending.push(job.upto);
                continue;
            }
            let outcome = match &job.session {
                Some(session) => writers
                    .entry(job.path.clone())
                    .or_insert_with(|| Writer::new(job.path.clone(), FACILITATOR))
                    .save(session, job.waiting.is_some()),
                None => {
                    // Every one settled, whatever the one before came to; the first failure
                    // is the answer.
                    let mut outcome = Ok(0);
                    for (_, mut writer) in writers.drain() {
                        let settled = writer.settle();
                        if outcome.is_ok() {
                            outcome = settled;
                        }
                    }
                    outcome
                }
            };
            for upto in pending.drain(..) {
                report(upto, outcome.clone());
            }
            match job.waiting {
                Some(answer) => {
                    let _ = answer.send(outcome);
                }
                None => report(job.upto, outcome),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use std::sync::{Arc, Mutex};

    use super::*;
    use crate::model::sample::big_session;

    /// The answers a report was given: which save, and whether it worked.
    type Answers = Arc<Mutex<Vec<(u64, bool)>>>;

    fn collected() -> (Report, Answers) {
        let seen = Arc::new(Mutex::new(Vec::new()));
        let into = Arc::clone(&seen);
        let report: Report = Box::new(move |upto, outcome: Outcome| {
            into.lock().unwrap().push((upto, outcome.is_ok()));
        });
        (report, seen)
    }

    #[test]
    fn saves_are_written_in_order_and_each_is_answered() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.ron");
        let (report, seen) = collected();
        let saver = Saver::spawn(report);
        let mut session = big_session(50, 1);
        for upto in 1..=20 {
            session.place = format!("rom {upto}");
            saver.save(path.clone(), session.clone(), upto);
        }
        session.place = "siste".into();
        assert!(saver.save_now(path.clone(), session.clone(), 21).is_ok());
        drop(saver);
        let answered: Vec<u64> = seen.lock().unwrap().iter().map(|(u, _)| *u).collect();
        assert_eq!(
            answered,
            (1..=20).collect::<Vec<_>>(),
            "every save answered, in order"
        );
        let on_disk = crate::store::load_session(&path).unwrap();
        assert_eq!(on_disk.place, "siste");
    }

    #[test]
    fn a_settle_is_never_taken_for_the_save_before_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.ron");
        let (report, seen) = collected();
        let saver = Saver::spawn(report);
        // The first save is written whole and takes a while: the rest queue up behind it and
        // reach the thread as one batch, the settle last.
        let mut session = big_session(20_000, 1);
        for upto in 1..=3 {
            session.place = format!("rom {upto}");
            saver.save(path.clone(), session.clone(), upto);
        }
        saver.settle().unwrap();
        assert_eq!(crate::store::load_session(&path).unwrap().place, "rom 3");
        drop(saver);
        assert_eq!(seen.lock().unwrap().len(), 3);
    }

    #[test]
    fn the_backup_is_the_file_as_it_was_before_the_first_save() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.ron");
        let mut session = big_session(3, 1);
        session.place = "som åpnet".into();
        crate::store::save_session(&path, &session).unwrap();
        let (report, _) = collected();
        let saver = Saver::spawn(report);
        for place in ["første", "andre", "tredje"] {
            session.place = place.into();
            saver.save_now(path.clone(), session.clone(), 1).unwrap();
        }
        drop(saver);
        let backup = crate::store::save::backup_path(&path);
        let kept = crate::store::load_session(&backup).unwrap();
        assert_eq!(kept.place, "som åpnet");
        assert_eq!(crate::store::load_session(&path).unwrap().place, "tredje");
    }

    #[test]
    fn a_save_that_fails_is_answered_with_why() {
        let dir = tempfile::tempdir().unwrap();
        // A folder where the file should be: the rename cannot replace it.
        let path = dir.path().join("s.ron");
        std::fs::create_dir(&path).unwrap();
        let (report, seen) = collected();
        let saver = Saver::spawn(report);
        saver.save(path.clone(), big_session(1, 1), 7);
        assert!(saver.save_now(path, big_session(1, 1), 8).is_err());
        drop(saver);
        assert_eq!(*seen.lock().unwrap(), vec![(7, false)]);
    }
}
