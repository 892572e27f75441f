//! Writing files so that a crash, a full disk or a pulled plug leaves either the old file or the
//! new one, never half of each, and the version before is kept as `<file>.bak`.
//!
//! The steps: write a temporary file in the same folder (mode 0600: notes can be sensitive),
//! fsync it, keep the current file as `.bak`, rename the temporary file over the target and
//! fsync the folder. [`atomic_write_file`] does the temp-file, fsync and rename part.
//!
//! The temporary file is a full copy of the notes. On Linux it is unnamed (`O_TMPFILE`, the
//! crate's `unnamed-tmpfile` feature) where the file system allows, so a crash before the
//! commit leaves nothing behind; elsewhere, and for the instant between naming it and renaming
//! it, it is a hidden `.<name>.XXXXXX` beside the target, which a crash can leave: those of a
//! session are removed when it is next opened ([`remove_stale_temporaries`]).
//!
//! Nothing here writes through a symbolic link: the temporary file is created new (or unnamed,
//! with `O_TMPFILE`), and a rename replaces a link standing at the target instead of following
//! it, so a link planted at a session, its `.bak`, its `.rescue.ron` or an export is replaced
//! and the file it pointed to left as it was.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use atomic_write_file::AtomicWriteFile;
use serde::Serialize;

use super::fsx::open_own;
use super::load::MAX_FILE_BYTES;
use super::problem::{Problem, ProblemKind};
use crate::model::{Program, Session};
pub use crate::platform::create_private_dir;
use crate::platform::owner_only;

/// Where the previous version of `path` is kept.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".bak");
    path.with_file_name(name)
}

/// Where a session goes when it cannot be saved to its file: `<file>.rescue.ron`. Its name
/// holds a dot before `.ron`, so it is never listed as a session of its own.
pub fn rescue_path(file: &Path) -> PathBuf {
    let mut name = file.file_name().unwrap_or_default().to_os_string();
    name.push(".rescue.ron");
    file.with_file_name(name)
}

/// Every place a rescue copy of `file` may be, in the order samling tries to write one:
/// beside it, then under each of [`super::paths::fallback_dirs`] as
/// `rescue/<name>-<hash>.rescue.ron`, where the hash of the whole path keeps two data dirs
/// with a session of the same name apart. The next start looks in all of them.
pub fn rescue_places(file: &Path) -> Vec<PathBuf> {
    let full = std::path::absolute(file).unwrap_or_else(|_| file.to_path_buf());
    let mut name = file.file_name().unwrap_or_default().to_os_string();
    name.push(format!(
        "-{:016x}.rescue.ron",
        fnv1a(full.as_os_str().as_encoded_bytes())
    ));
    let mut places = vec![rescue_path(file)];
    places.extend(
        super::paths::fallback_dirs()
            .into_iter()
            .map(|dir| dir.join("rescue").join(&name)),
    );
    places
}

/// The rescue copies of `file` that exist now, to announce when it is opened.
pub fn rescue_copies(file: &Path) -> Vec<PathBuf> {
    rescue_places(file)
        .into_iter()
        .filter(|p| p.is_file())
        .collect()
}

/// FNV-1a, 64 bits: a hash that stays the same from one build of samling to the next, as a
/// file name made from it must.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, b| {
        (hash ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// RON as samling writes it: struct names (so `samling check` knows what a file is), four-space
/// indents, one field a line, and text as typed: a note with line breaks stays on several lines
/// of the file, and a note with `"` or `\` becomes a raw string `r#"…"#`. Escaping every
/// character instead made saving a large session five times slower.
pub fn to_ron<T: Serialize>(value: &T) -> Result<String, ron::Error> {
    let config = ron::ser::PrettyConfig::new()
        .struct_names(true)
        .indentor("    ")
        .new_line("\n")
        .escape_strings(false);
    let mut text = ron::ser::to_string_pretty(value, config)?;
    text.push('\n');
    Ok(text)
}

/// Saves a session atomically, keeping the previous version as `.bak`; its size in bytes.
pub fn save_session(path: &Path, session: &Session) -> Result<u64, Problem> {
    save_value(path, session)
}

/// [`save_session`], keeping the version it replaces as `.bak` or not.
pub fn save_session_with(path: &Path, session: &Session, backup: Backup) -> Result<u64, Problem> {
    save_value_with(path, session, backup)
}

/// [`save_session_with`], and the fingerprint of what it wrote (see
/// [`super::journal::fingerprint`]), which the journal that follows names as its base.
pub fn save_session_printed(
    path: &Path,
    session: &Session,
    backup: Backup,
) -> Result<(u64, String), Problem> {
    let text = to_ron(session).map_err(|e| Problem::io(path, &io::Error::other(e)))?;
    let bytes = write_text(path, &text, backup)?;
    Ok((bytes, super::journal::fingerprint(&text)))
}

/// Saves a program atomically, keeping the previous version as `.bak`; its size in bytes.
pub fn save_program(path: &Path, program: &Program) -> Result<u64, Problem> {
    save_value(path, program)
}

/// Writes `value` as RON, and says how many bytes that took. A file larger than samling reads
/// back ([`MAX_FILE_BYTES`]) is never written: the next start could not open it, and would
/// begin a new session beside it as if nothing had been held.
fn save_value<T: Serialize>(path: &Path, value: &T) -> Result<u64, Problem> {
    save_value_with(path, value, Backup::Keep)
}

fn save_value_with<T: Serialize>(path: &Path, value: &T, backup: Backup) -> Result<u64, Problem> {
    let text = to_ron(value).map_err(|e| Problem::io(path, &io::Error::other(e)))?;
    write_text(path, &text, backup)
}

/// Writes RON text made by [`to_ron`], refusing one larger than samling reads back.
fn write_text(path: &Path, text: &str, backup: Backup) -> Result<u64, Problem> {
    let bytes = text.len() as u64;
    if bytes > MAX_FILE_BYTES {
        let limit = MAX_FILE_BYTES;
        return Err(Problem::new(path, ProblemKind::TooLarge { bytes, limit }));
    }
    write_atomic_with(path, text.as_bytes(), backup, || Ok(()))
        .map_err(|e| Problem::io(path, &e))?;
    Ok(bytes)
}

/// Whether a save keeps the version it replaces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backup {
    Keep,
    Skip,
}

/// Replaces `path` with `bytes` atomically; see the module docs.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_atomic_with(path, bytes, Backup::Keep, || Ok(()))
}

/// [`write_atomic`] without the `.bak`: for files made from others (the minutes), which can
/// always be made again, so a backup would only be clutter beside them.
pub fn write_atomic_no_backup(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_atomic_with(path, bytes, Backup::Skip, || Ok(()))
}

/// [`write_atomic`], with a hook run after the new content is durable on disk and before it
/// replaces the old file: the moment a crash is most likely to hurt, which tests make fail.
fn write_atomic_with(
    path: &Path,
    bytes: &[u8],
    backup: Backup,
    before_rename: impl FnOnce() -> io::Result<()>,
) -> io::Result<()> {
    // A symbolic link at `path` is replaced by the commit's rename, never written through.
    let mut file = AtomicWriteFile::options().open(path)?;
    owner_only(file.as_file())?;
    file.write_all(bytes)?;
    file.flush()?;
    file.as_file().sync_all()?;
    before_rename()?;
    if backup == Backup::Keep && path.exists() {
        // Best effort: a backup that cannot be made (a folder named like it, a full disk for
        // the copy) must not stop the save itself.
        let _ = keep_backup(path);
    }
    file.commit()
}

/// Makes `<file>.bak` the current content of `path`, atomically: a hard link where the file
/// system has them (no copy, and the old bytes stay exactly as they were), else a copy.
///
/// Neither step writes through a symbolic link: a link left at `<file>.bak.tmp` is removed
/// (the link, not its target), a hard link is never made over an existing name, the copy is
/// made only as a new regular file, and the rename replaces a link at `<file>.bak` itself.
fn keep_backup(path: &Path) -> Result<(), Problem> {
    let backup = backup_path(path);
    let mut staging = backup.clone().into_os_string();
    staging.push(".tmp");
    let staging = PathBuf::from(staging);
    let _ = fs::remove_file(&staging);
    if fs::hard_link(path, &staging).is_err() {
        copy_private(path, &staging)?;
    }
    fs::rename(&staging, &backup).map_err(|e| Problem::io(&backup, &e))
}

/// Copies `from` to a new file `to`, readable by the owner only and durable on disk. Refuses
/// to write where anything stands already, a symbolic link above all (see [`open_own`]).
fn copy_private(from: &Path, to: &Path) -> Result<(), Problem> {
    let mut options = fs::OpenOptions::new();
    options.write(true).create_new(true);
    crate::platform::owner_only_on_create(&mut options);
    let mut out = open_own(to, options)?;
    let mut source = fs::File::open(from).map_err(|e| Problem::io(from, &e))?;
    io::copy(&mut source, &mut out)
        .and_then(|_| out.sync_all())
        .map_err(|e| Problem::io(to, &e))
}

/// Removes the hidden temporary copies of `file` and of its rescue copy that a save cut short
/// (kill -9, a crash, a pulled plug) left in its folder, and returns those it removed.
///
/// Such a copy is never the real data: the save it belonged to either renamed it over `file`
/// (and then it is gone) or did not get that far, and `file` is as the save before left it.
/// Only for a session whose lock the caller holds: no other samling can be writing it or its
/// rescue copy then, so none of the copies is a save under way. Exports are not locked, so
/// their copies are left alone. Anything that is not a regular file is left alone too.
pub fn remove_stale_temporaries(file: &Path) -> Vec<PathBuf> {
    let targets: Vec<std::ffi::OsString> = [file.to_path_buf(), rescue_path(file)]
        .iter()
        .filter_map(|p| p.file_name().map(|n| n.to_os_string()))
        .collect();
    let folder = match file.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut removed = remove_temporaries_in(folder, &targets);
    // The facilitator's journal is started afresh by an atomic write too.
    let journal = super::journal::path(file, super::journal::FACILITATOR);
    if let (Some(dir), Some(name)) = (journal.parent(), journal.file_name()) {
        removed.extend(remove_temporaries_in(dir, &[name.to_os_string()]));
    }
    removed.sort();
    removed
}

/// Removes the temporary files of `targets` in `folder`; the paths removed.
fn remove_temporaries_in(folder: &Path, targets: &[std::ffi::OsString]) -> Vec<PathBuf> {
    let Ok(entries) = fs::read_dir(folder) else {
        return Vec::new();
    };
    entries
        .filter_map(Result::ok)
        .filter(|e| targets.iter().any(|t| is_temporary_of(&e.file_name(), t)))
        // The entry's own type: a symbolic link is not followed.
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .map(|e| e.path())
        .filter(|p| fs::remove_file(p).is_ok())
        .collect()
}

/// Whether `name` is a name atomic-write-file 0.3 gives the temporary file of `target` in the
/// same folder: a dot, `target`, a dot and six ASCII letters or digits (`RandomName` in its
/// `imp/unix/mod.rs` and `imp/generic.rs`, used both for the named temporary file and for the
/// name an unnamed one is linked under just before the rename).
fn is_temporary_of(name: &std::ffi::OsStr, target: &std::ffi::OsStr) -> bool {
    let suffix = name
        .as_encoded_bytes()
        .strip_prefix(b".")
        .and_then(|rest| rest.strip_prefix(target.as_encoded_bytes()))
        .and_then(|rest| rest.strip_prefix(b"."));
    suffix.is_some_and(|s| s.len() == 6 && s.iter().all(u8::is_ascii_alphanumeric))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn any_text_a_person_can_type_or_paste_round_trips() {
        let texts = [
            "",
            "æøå ÆØÅ – «sitat» … 😊",
            "line one\nline two\r\nline three\n",
            "a \"quote\" and a \\ backslash",
            "raw-string breakers: \"# and \"## and ###\"",
            "tab\there, nul-free control \u{1b}[31m and \u{7f}",
            "trailing backslash \\",
            "\"",
            "#",
        ];
        for text in texts {
            let written = to_ron(&vec![text.to_string()]).unwrap();
            let back: Vec<String> = ron::from_str(&written)
                .unwrap_or_else(|e| panic!("{text:?} written as {written:?}: {e}"));
            assert_eq!(back, [text], "written as {written:?}");
        }
    }

    #[test]
    fn a_failure_before_the_rename_leaves_the_old_file_whole() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.ron");
        write_atomic(&path, b"old").unwrap();
        let err = write_atomic_with(&path, b"new", Backup::Keep, || {
            Err(io::Error::other("power cut"))
        });
        assert!(err.is_err());
        assert_eq!(fs::read(&path).unwrap(), b"old");
        // No temporary file is left behind to confuse anyone.
        let names: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, vec![std::ffi::OsString::from("s.ron")]);
    }

    #[test]
    fn a_save_keeps_the_previous_version_as_bak() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.ron");
        write_atomic(&path, b"one").unwrap();
        assert!(!backup_path(&path).exists());
        write_atomic(&path, b"two").unwrap();
        write_atomic(&path, b"three").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"three");
        assert_eq!(fs::read(backup_path(&path)).unwrap(), b"two");
    }

    #[test]
    fn a_backup_that_cannot_be_made_does_not_stop_the_save() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.ron");
        write_atomic(&path, b"one").unwrap();
        fs::create_dir(backup_path(&path)).unwrap();
        write_atomic(&path, b"two").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"two");
    }

    #[cfg(unix)]
    #[test]
    fn files_are_readable_by_the_owner_only() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.ron");
        write_atomic(&path, b"one").unwrap();
        write_atomic(&path, b"two").unwrap();
        for p in [path.clone(), backup_path(&path)] {
            let mode = fs::metadata(&p).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o600, "{}", p.display());
        }
    }

    /// A file outside the session folder that a planted link points to, and the link.
    #[cfg(unix)]
    fn plant_link(dir: &Path, at: &Path) -> PathBuf {
        let victim = dir.join("victim.txt");
        fs::write(&victim, "precious").unwrap();
        std::os::unix::fs::symlink(&victim, at).unwrap();
        victim
    }

    #[cfg(unix)]
    #[test]
    fn a_symlink_at_the_bak_is_replaced_and_its_target_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.ron");
        write_atomic(&path, b"one").unwrap();
        let victim = plant_link(dir.path(), &backup_path(&path));
        write_atomic(&path, b"two").unwrap();
        assert_eq!(fs::read_to_string(&victim).unwrap(), "precious");
        let backup = fs::symlink_metadata(backup_path(&path)).unwrap();
        assert!(backup.file_type().is_file());
        assert_eq!(fs::read(backup_path(&path)).unwrap(), b"one");
    }

    #[cfg(unix)]
    #[test]
    fn a_symlink_at_a_saved_file_is_replaced_and_its_target_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.ron.rescue.ron");
        let victim = plant_link(dir.path(), &path);
        write_atomic(&path, b"new").unwrap();
        assert_eq!(fs::read_to_string(&victim).unwrap(), "precious");
        assert!(fs::symlink_metadata(&path).unwrap().file_type().is_file());
        assert_eq!(fs::read(&path).unwrap(), b"new");
    }

    #[cfg(unix)]
    #[test]
    fn the_backup_copy_is_the_whole_file_for_the_owner_only() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.ron");
        fs::write(&path, "notes").unwrap();
        let copy = dir.path().join("s.ron.bak.tmp");
        copy_private(&path, &copy).unwrap();
        assert_eq!(fs::read_to_string(&copy).unwrap(), "notes");
        let mode = fs::metadata(&copy).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }

    #[cfg(unix)]
    #[test]
    fn the_backup_copy_refuses_a_symlink_where_it_goes() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.ron");
        fs::write(&path, "notes").unwrap();
        let staging = dir.path().join("s.ron.bak.tmp");
        let victim = plant_link(dir.path(), &staging);
        let err = copy_private(&path, &staging).unwrap_err();
        assert_eq!(err.kind, crate::store::ProblemKind::Symlink);
        assert_eq!(fs::read_to_string(&victim).unwrap(), "precious");
    }

    /// Whether `dir`'s file system can hold unnamed files (`O_TMPFILE`); tmpfs, ext4, xfs and
    /// btrfs can, some others cannot, and atomic-write-file then falls back to a named one.
    #[cfg(target_os = "linux")]
    fn has_unnamed_files(dir: &Path) -> bool {
        use rustix::fs::{CWD, Mode, OFlags, openat};
        openat(CWD, dir, OFlags::TMPFILE | OFlags::WRONLY, Mode::RUSR).is_ok()
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn no_named_temporary_copy_exists_while_a_save_is_under_way() {
        let dir = tempfile::tempdir().unwrap();
        if !has_unnamed_files(dir.path()) {
            return;
        }
        let path = dir.path().join("s.ron");
        let names = || -> Vec<std::ffi::OsString> {
            fs::read_dir(dir.path())
                .unwrap()
                .map(|e| e.unwrap().file_name())
                .collect()
        };
        // The moment a kill -9 would leave whatever is on disk behind.
        write_atomic_with(&path, b"notes", Backup::Keep, || {
            assert_eq!(names(), Vec::<std::ffi::OsString>::new());
            Ok(())
        })
        .unwrap();
        assert_eq!(names(), vec![std::ffi::OsString::from("s.ron")]);
    }

    #[test]
    fn the_temporary_names_are_exactly_those_of_atomic_write_file() {
        let is = |name: &str| is_temporary_of(name.as_ref(), "s.ron".as_ref());
        assert!(is(".s.ron.a1B2c3"));
        assert!(!is(".s.ron.a1B2c"));
        assert!(!is(".s.ron.a1B2c3d"));
        assert!(!is(".s.ron.a1_2c3"));
        assert!(!is("s.ron.a1B2c3"));
        assert!(!is(".s.ron"));
        assert!(!is(".s.ron.bak.a1B2c3"));
        assert!(!is(".xs.ron.a1B2c3"));
    }

    #[cfg(unix)]
    #[test]
    fn a_link_or_a_folder_with_a_temporary_name_is_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.ron");
        let victim = plant_link(dir.path(), &dir.path().join(".s.ron.a1B2c3"));
        fs::create_dir(dir.path().join(".s.ron.d1B2c3")).unwrap();
        fs::write(dir.path().join(".s.ron.f1B2c3"), "copy").unwrap();
        assert_eq!(
            remove_stale_temporaries(&path),
            vec![dir.path().join(".s.ron.f1B2c3")]
        );
        assert!(dir.path().join(".s.ron.a1B2c3").is_symlink());
        assert_eq!(fs::read_to_string(&victim).unwrap(), "precious");
        assert!(dir.path().join(".s.ron.d1B2c3").is_dir());
    }

    #[test]
    fn a_session_too_large_to_read_back_is_never_written() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.ron");
        let mut session = crate::model::sample::big_session(1, 0);
        save_session(&path, &session).unwrap();
        let before = fs::read(&path).unwrap();
        session.note_mut(0).text = "x".repeat(MAX_FILE_BYTES as usize);
        let err = save_session(&path, &session).unwrap_err();
        assert!(matches!(err.kind, ProblemKind::TooLarge { .. }), "{err:?}");
        assert_eq!(fs::read(&path).unwrap(), before, "the file as it was");
        // What is written is what is read back: the limit is the loader's own.
        session.note_mut(0).text = "x".repeat(1000);
        let bytes = save_session(&path, &session).unwrap();
        assert_eq!(bytes, fs::metadata(&path).unwrap().len());
        crate::store::load_session(&path).unwrap();
    }
}
