//! One samling per session file: a second one opened on the same gathering would overwrite the
//! first one's notes. The lock is an OS file lock on `<file>.lock`, so the OS drops it when the
//! holder dies: a lock left by a crashed samling is simply taken over.
//!
//! The lock file is written (the holder's PID), so it is opened through [`open_own`]: a symbolic
//! link planted at `<file>.lock` is refused, never followed and its target truncated.

use std::fs::{File, OpenOptions, TryLockError};
use std::io::{Read, Seek, Write};
use std::path::{Path, PathBuf};

use super::fsx::open_own;
use super::problem::{Problem, ProblemKind};

/// Held while a session is open; the lock is released when this is dropped (or the process
/// ends, however it ends). The lock file itself stays: deleting it would race with another
/// samling that has just opened it, and leave two holders.
#[derive(Debug)]
pub struct SessionLock {
    path: PathBuf,
    _file: File,
}

/// Where the lock of `session_file` lives.
pub fn lock_path(session_file: &Path) -> PathBuf {
    let mut name = session_file.file_name().unwrap_or_default().to_os_string();
    name.push(".lock");
    session_file.with_file_name(name)
}

impl SessionLock {
    /// Takes the lock, or says who holds it; refuses a lock path that is not a regular file.
    pub fn acquire(session_file: &Path) -> Result<SessionLock, Problem> {
        let path = lock_path(session_file);
        let mut options = OpenOptions::new();
        options.read(true).write(true).create(true).truncate(false);
        crate::platform::owner_only_on_create(&mut options);
        let mut file = open_own(&path, options)?;
        // A projector window looks at the lock once a second ([`held_elsewhere`] holds it
        // shared for an instant): a few tries over a fifth of a second get past such a look,
        // while a samling that really holds it is still refused at once, to a person's eye.
        let mut tries = 0;
        let locked = loop {
            match file.try_lock() {
                Err(TryLockError::WouldBlock) if tries < 4 => {
                    tries += 1;
                    std::thread::sleep(std::time::Duration::from_millis(50));
                }
                other => break other,
            }
        };
        match locked {
            Ok(()) => {}
            Err(TryLockError::WouldBlock) => {
                let mut holder = String::new();
                let _ = file.read_to_string(&mut holder);
                return Err(Problem::new(
                    &path,
                    ProblemKind::Locked {
                        pid: holder.trim().parse().ok(),
                    },
                ));
            }
            Err(TryLockError::Error(e)) => return Err(Problem::io(&path, &e)),
        }
        // Say who holds it, for the message another samling will give.
        let _ = file.set_len(0);
        let _ = file.rewind();
        let _ = write!(file, "{}", std::process::id());
        Ok(SessionLock { path, _file: file })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }
}

/// Whether another samling has `session_file` open now (it holds the lock). Looks only: a
/// session without a lock file is not open, and none is created. Opened as the lock itself is
/// ([`open_own`]): a pipe planted there must not hang the start of the next gathering.
pub fn held_elsewhere(session_file: &Path) -> bool {
    let mut options = OpenOptions::new();
    options.read(true);
    let Ok(file) = open_own(&lock_path(session_file), options) else {
        return false;
    };
    matches!(file.try_lock_shared(), Err(TryLockError::WouldBlock))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_look_from_a_projector_window_does_not_keep_the_facilitator_out() {
        let dir = tempfile::tempdir().unwrap();
        let session = dir.path().join("01-2026-11-23.ron");
        drop(SessionLock::acquire(&session).unwrap());
        // A look that holds the lock shared a little longer than any real one does.
        let look = File::open(lock_path(&session)).unwrap();
        // Another test of this process may fork (to run a command) while the lock just
        // dropped was open: the child holds it until it runs its program, a moment.
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(2);
        while look.try_lock_shared().is_err() {
            assert!(std::time::Instant::now() < deadline, "the lock stays taken");
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
        let release = std::thread::spawn(move || {
            std::thread::sleep(std::time::Duration::from_millis(60));
            drop(look);
        });
        SessionLock::acquire(&session).expect("taken once the look is over");
        release.join().unwrap();
    }

    #[test]
    fn a_second_lock_on_the_same_session_is_refused_and_names_the_holder() {
        let dir = tempfile::tempdir().unwrap();
        let session = dir.path().join("01-2026-11-23.ron");
        let first = SessionLock::acquire(&session).unwrap();
        let err = SessionLock::acquire(&session).unwrap_err();
        assert_eq!(err.path, lock_path(&session));
        assert_eq!(
            err.kind,
            ProblemKind::Locked {
                pid: Some(std::process::id())
            }
        );
        assert!(held_elsewhere(&session));
        drop(first);
        assert!(!held_elsewhere(&session));
        SessionLock::acquire(&session).unwrap();
    }

    #[test]
    fn a_lock_file_left_by_a_crash_is_taken_over() {
        let dir = tempfile::tempdir().unwrap();
        let session = dir.path().join("01-2026-11-23.ron");
        // A crashed samling leaves the file but, being dead, holds no OS lock on it.
        std::fs::write(lock_path(&session), "99999").unwrap();
        let lock = SessionLock::acquire(&session).unwrap();
        assert_eq!(
            std::fs::read_to_string(lock.path()).unwrap(),
            std::process::id().to_string()
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_symlink_at_the_lock_path_is_refused_and_its_target_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let session = dir.path().join("01-2026-11-23.ron");
        let victim = dir.path().join("victim.txt");
        std::fs::write(&victim, "precious").unwrap();
        std::os::unix::fs::symlink(&victim, lock_path(&session)).unwrap();
        let err = SessionLock::acquire(&session).unwrap_err();
        assert_eq!(err.path, lock_path(&session));
        assert_eq!(err.kind, ProblemKind::Symlink);
        assert_eq!(std::fs::read_to_string(&victim).unwrap(), "precious");
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_at_the_lock_path_is_refused() {
        use rustix::fs::{CWD, FileType, Mode, mknodat};
        let dir = tempfile::tempdir().unwrap();
        let session = dir.path().join("01-2026-11-23.ron");
        mknodat(
            CWD,
            lock_path(&session),
            FileType::Fifo,
            Mode::RUSR | Mode::WUSR,
            0,
        )
        .unwrap();
        let err = SessionLock::acquire(&session).unwrap_err();
        assert_eq!(err.kind, ProblemKind::NotRegular);
    }

    #[cfg(unix)]
    #[test]
    fn a_pipe_at_the_lock_path_does_not_hang_the_look_at_it() {
        let dir = tempfile::tempdir().unwrap();
        let session = dir.path().join("01-2026-11-23.ron");
        let made = std::process::Command::new("mkfifo")
            .arg(lock_path(&session))
            .status();
        if made.is_ok_and(|s| s.success()) {
            assert!(!held_elsewhere(&session));
        }
    }
}
