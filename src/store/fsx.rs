//! Opening a file of samling's own for writing without being led somewhere else.
//!
//! Anyone who can write to a session folder can plant a symbolic link (or a pipe, or a device)
//! at a name samling is about to write, such as `<session>.ron.lock`: opened by plain path, the
//! link is followed and the file it points to overwritten. Every file samling opens for writing
//! by name goes through [`open_own`], which refuses anything but a regular file there.
//!
//! Files that samling replaces by renaming a new file over them (sessions, programs, rescue
//! copies and exports, all through [`super::save::write_atomic`], and the `.bak` through
//! `keep_backup`) do not need this: a rename replaces a symbolic link at the target itself and
//! never writes through it.

use std::fs::{self, File, OpenOptions};
use std::path::Path;

use super::problem::{Problem, ProblemKind};

/// Opens `path` with `options` (which ask for writing), refusing a symbolic link, a folder or
/// anything else that is not a regular file at `path`.
///
/// The check before opening gives a clear message; on unix the open itself also refuses a link
/// (`O_NOFOLLOW`) and the file is checked again once open, so a link or a pipe swapped in between
/// the check and the open is refused too. Elsewhere the check before opening is all there is.
pub fn open_own(path: &Path, mut options: OpenOptions) -> Result<File, Problem> {
    if let Some(refused) = refusal(path) {
        return Err(refused);
    }
    crate::platform::no_follow(&mut options);
    let file = options
        .open(path)
        .map_err(|e| refusal(path).unwrap_or_else(|| Problem::io(path, &e)))?;
    let meta = file.metadata().map_err(|e| Problem::io(path, &e))?;
    if !meta.is_file() {
        return Err(Problem::new(path, ProblemKind::NotRegular));
    }
    Ok(file)
}

/// Why samling will not write at `path`, if something it must not write through stands there.
fn refusal(path: &Path) -> Option<Problem> {
    let file_type = fs::symlink_metadata(path).ok()?.file_type();
    let kind = if file_type.is_symlink() {
        ProblemKind::Symlink
    } else if file_type.is_dir() {
        ProblemKind::NotAFile
    } else if !file_type.is_file() {
        ProblemKind::NotRegular
    } else {
        return None;
    };
    Some(Problem::new(path, kind))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write_new() -> OpenOptions {
        let mut options = OpenOptions::new();
        options.write(true).create(true).truncate(true);
        options
    }

    #[test]
    fn a_regular_file_or_a_new_one_is_opened() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f");
        open_own(&path, write_new()).unwrap();
        std::fs::write(&path, "x").unwrap();
        open_own(&path, write_new()).unwrap();
    }

    #[test]
    fn a_folder_is_refused_as_not_a_file() {
        let dir = tempfile::tempdir().unwrap();
        let err = open_own(dir.path(), write_new()).unwrap_err();
        assert_eq!(err.kind, ProblemKind::NotAFile);
    }

    #[cfg(unix)]
    #[test]
    fn a_dangling_symlink_is_refused_and_nothing_is_created_where_it_points() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f");
        let target = dir.path().join("target");
        std::os::unix::fs::symlink(&target, &path).unwrap();
        let err = open_own(&path, write_new()).unwrap_err();
        assert_eq!(err.kind, ProblemKind::Symlink);
        assert!(!target.exists());
    }
}
