//! Writing files so that a crash, a full disk or a pulled plug leaves either the old file or the
//! new one, never half of each, and the version before is kept as `<file>.bak`.
//!
//! The steps: write a temporary file in the same folder (mode 0600: notes can be sensitive),
//! fsync it, keep the current file as `.bak`, rename the temporary file over the target and
//! fsync the folder. [`atomic_write_file`] does the temp-file, fsync and rename part.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use atomic_write_file::AtomicWriteFile;
use serde::Serialize;

use super::problem::Problem;
use crate::model::{Program, Session};

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

/// Saves a session atomically, keeping the previous version as `.bak`.
pub fn save_session(path: &Path, session: &Session) -> Result<(), Problem> {
    save_value(path, session)
}

/// Saves a program atomically, keeping the previous version as `.bak`.
pub fn save_program(path: &Path, program: &Program) -> Result<(), Problem> {
    save_value(path, program)
}

fn save_value<T: Serialize>(path: &Path, value: &T) -> Result<(), Problem> {
    let text = to_ron(value).map_err(|e| Problem::io(path, &io::Error::other(e)))?;
    write_atomic(path, text.as_bytes()).map_err(|e| Problem::io(path, &e))
}

/// Whether a save keeps the version it replaces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Backup {
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
fn keep_backup(path: &Path) -> io::Result<()> {
    let backup = backup_path(path);
    let mut staging = backup.clone().into_os_string();
    staging.push(".tmp");
    let staging = PathBuf::from(staging);
    let _ = fs::remove_file(&staging);
    if fs::hard_link(path, &staging).is_err() {
        fs::copy(path, &staging)?;
        fs::File::open(&staging)?.sync_all()?;
    }
    fs::rename(&staging, &backup)
}

#[cfg(unix)]
fn owner_only(file: &fs::File) -> io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    file.set_permissions(fs::Permissions::from_mode(0o600))
}

#[cfg(not(unix))]
fn owner_only(_file: &fs::File) -> io::Result<()> {
    Ok(())
}

/// Creates a folder (and its parents) that only the owner can read.
pub fn create_private_dir(dir: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(dir)
    }
    #[cfg(not(unix))]
    {
        fs::create_dir_all(dir)
    }
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
}
