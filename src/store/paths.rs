//! Where samling keeps things.
//!
//! ```text
//! <data dir>/
//!   programs/<program-id>.ron                   the user's own programs
//!   sessions/<program-id>/<NN>-<YYYY-MM-DD>.ron held gatherings (…-2.ron for a second that day)
//! <config dir>/config.ron                       language, bell, theme, default names
//! ```
//!
//! The data dir is `--dir DIR`, else `$SAMLING_DIR`, else the platform's data dir
//! (`~/.local/share/samling` on Linux, `~/Library/Application Support/no.samling.samling` on
//! macOS, `%APPDATA%\samling\samling\data` on Windows).

use std::ffi::OsString;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use directories::ProjectDirs;

/// The environment variable that names the data dir when `--dir` is not given.
pub const DATA_DIR_ENV: &str = "SAMLING_DIR";
/// The environment variable that names the config file when `--config` is not given.
pub const CONFIG_ENV: &str = "SAMLING_CONFIG";

fn project_dirs() -> Option<ProjectDirs> {
    ProjectDirs::from("no", "samling", "samling")
}

/// The platform's data dir for samling, if the platform has one (a home directory is needed).
pub fn platform_data_dir() -> Option<PathBuf> {
    project_dirs().map(|d| d.data_dir().to_path_buf())
}

/// The platform's config file for samling.
pub fn platform_config_file() -> Option<PathBuf> {
    project_dirs().map(|d| d.config_dir().join("config.ron"))
}

/// Folders outside the data dir where a rescue copy can go when the data dir takes nothing
/// (a full or read-only disk, a network share gone): the platform's state dir (Linux), its
/// cache dir, then the temporary folder. Each is very likely writable when the data dir is not.
pub fn fallback_dirs() -> Vec<PathBuf> {
    let mut dirs = Vec::new();
    if let Some(p) = project_dirs() {
        dirs.extend(p.state_dir().map(Path::to_path_buf));
        dirs.push(p.cache_dir().to_path_buf());
    }
    dirs.push(std::env::temp_dir().join("samling"));
    dirs
}

/// The first of: the command line, the environment, the platform default. An empty environment
/// variable counts as unset, as shells make it easy to set one by accident.
pub fn resolve(
    cli: Option<PathBuf>,
    env: Option<OsString>,
    platform: impl FnOnce() -> Option<PathBuf>,
) -> Option<PathBuf> {
    cli.or_else(|| env.filter(|v| !v.is_empty()).map(PathBuf::from))
        .or_else(platform)
}

/// The folder layout under one data dir.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Layout {
    pub root: PathBuf,
}

impl Layout {
    pub fn new(root: impl Into<PathBuf>) -> Self {
        Layout { root: root.into() }
    }

    pub fn programs_dir(&self) -> PathBuf {
        self.root.join("programs")
    }

    pub fn program_file(&self, id: &str) -> PathBuf {
        self.programs_dir().join(format!("{id}.ron"))
    }

    pub fn sessions_dir(&self, program: &str) -> PathBuf {
        self.root.join("sessions").join(program)
    }

    pub fn session_file(&self, program: &str, session_id: &str) -> PathBuf {
        self.sessions_dir(program).join(format!("{session_id}.ron"))
    }

    /// A session id for a new gathering that names no existing file: `03-2026-11-23`, then
    /// `03-2026-11-23-2`, `-3` … A held gathering is never overwritten by a new one.
    pub fn new_session_id(&self, program: &str, gathering: u32, date: NaiveDate) -> String {
        (1..)
            .map(|n| session_id(gathering, date, n))
            .find(|id| !taken(&self.session_file(program, id)))
            .expect("an unbounded range always has a free name")
    }
}

/// `NN-YYYY-MM-DD`, with `-n` for the n-th of the same gathering on one day.
fn session_id(gathering: u32, date: NaiveDate, n: u32) -> String {
    let base = format!("{gathering:02}-{}", date.format("%Y-%m-%d"));
    if n == 1 { base } else { format!("{base}-{n}") }
}

/// The `.ron` files in `dir` named like a program or session (no other dot in the name, so a
/// `….ron.rescue.ron` copy is not one), sorted by name; none if the folder does not exist yet.
pub fn ron_files(dir: &Path) -> Result<Vec<PathBuf>, super::problem::Problem> {
    let mut files: Vec<PathBuf> = match std::fs::read_dir(dir) {
        Ok(read) => read
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "ron"))
            .filter(|p| {
                p.file_stem()
                    .is_some_and(|s| !s.to_string_lossy().contains('.'))
            })
            .collect(),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Vec::new(),
        Err(e) => return Err(super::problem::Problem::io(dir, &e)),
    };
    files.sort();
    Ok(files)
}

/// A name is taken if the file, its backup or its journals' folder exists: a backup or
/// journals alone mean the file was there, and a new session must not take up its journals.
fn taken(path: &Path) -> bool {
    path.exists()
        || super::save::backup_path(path).exists()
        || super::journal::folder(path).exists()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Option<PathBuf> {
        Some(PathBuf::from(s))
    }

    #[test]
    fn the_command_line_wins_over_the_environment_and_the_platform() {
        let got = resolve(p("/cli"), Some("/env".into()), || p("/platform"));
        assert_eq!(got, p("/cli"));
    }

    #[test]
    fn the_environment_wins_over_the_platform() {
        assert_eq!(
            resolve(None, Some("/env".into()), || p("/platform")),
            p("/env")
        );
    }

    #[test]
    fn the_platform_is_the_fallback_and_an_empty_variable_is_unset() {
        assert_eq!(resolve(None, None, || p("/platform")), p("/platform"));
        assert_eq!(
            resolve(None, Some("".into()), || p("/platform")),
            p("/platform")
        );
        assert_eq!(resolve(None, None, || None), None);
    }

    #[test]
    fn a_second_gathering_on_the_same_day_gets_a_suffix() {
        let dir = tempfile::tempdir().unwrap();
        let layout = Layout::new(dir.path());
        let date = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        assert_eq!(layout.new_session_id("x", 3, date), "03-2026-11-23");
        std::fs::create_dir_all(layout.sessions_dir("x")).unwrap();
        std::fs::write(layout.session_file("x", "03-2026-11-23"), "").unwrap();
        assert_eq!(layout.new_session_id("x", 3, date), "03-2026-11-23-2");
        // Only the backup of the second one is left: its name is still taken.
        std::fs::write(layout.sessions_dir("x").join("03-2026-11-23-2.ron.bak"), "").unwrap();
        assert_eq!(layout.new_session_id("x", 3, date), "03-2026-11-23-3");
    }
}
