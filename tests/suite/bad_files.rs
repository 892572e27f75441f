//! Every kind of bad input gets a clear message naming the file (and line:col where there is
//! one), a non-zero exit from `samling check`, no panic, and no change to the file.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use samling::i18n::Lang;
use samling::store::{self, ProblemKind};

fn bad_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/bad")
}

fn bad_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(bad_dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "ron"))
        .collect();
    files.sort();
    files
}

/// All messages for one file, in English, with the path relative to `tests/bad`.
fn messages(path: &Path) -> String {
    let s = Lang::En.strings();
    let problems = store::load_any(path).expect_err("a bad file must not load");
    assert!(!problems.is_empty());
    problems
        .iter()
        .map(|p| {
            let mut p = p.clone();
            p.path = p.path.strip_prefix(bad_dir()).unwrap().to_path_buf();
            s.located(&p)
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn every_bad_file_is_refused_with_a_located_message_and_left_as_it_was() {
    let mut report = String::new();
    for path in bad_files() {
        let before = fs::read(&path).unwrap();
        report.push_str(&messages(&path));
        report.push('\n');
        assert_eq!(
            fs::read(&path).unwrap(),
            before,
            "{} changed",
            path.display()
        );
    }
    insta::assert_snapshot!(report);
}

#[test]
fn check_exits_non_zero_on_bad_files_and_zero_on_good_ones() {
    let bin = env!("CARGO_BIN_EXE_samling");
    let bad = Command::new(bin)
        .arg("check")
        .args(bad_files())
        .env("SAMLING_LANG", "en")
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(1));
    let out = String::from_utf8(bad.stdout).unwrap();
    assert!(out.contains("unknown-field.ron:5:"), "{out}");
    assert!(!String::from_utf8_lossy(&bad.stderr).contains("panicked"));

    let good = Command::new(bin)
        .arg("check")
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("sessions/traumebevisst.ron"))
        .args(
            ["tests/fixtures/v1", "tests/fixtures/v1/chain"]
                .iter()
                .flat_map(|dir| {
                    fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join(dir)).unwrap()
                })
                .map(|e| e.unwrap().path())
                .filter(|p| p.is_file()),
        )
        .output()
        .unwrap();
    assert_eq!(
        good.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&good.stdout)
    );
}

#[test]
fn a_50_mb_file_is_refused_before_it_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.ron");
    // Sparse: takes no disk, but reports 50 MB.
    fs::File::create(&path)
        .unwrap()
        .set_len(50 * 1024 * 1024)
        .unwrap();
    let problems = store::load_any(&path).unwrap_err();
    assert!(matches!(problems[0].kind, ProblemKind::TooLarge { .. }));
    let message = Lang::En.strings().located(&problems[0]);
    assert!(
        message.starts_with(&path.display().to_string()),
        "{message}"
    );
    assert!(message.contains("52.4 MB"), "{message}");
}

#[test]
fn a_folder_where_a_file_should_be_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("session.ron");
    fs::create_dir(&path).unwrap();
    let problems = store::load_session(&path).unwrap_err();
    assert_eq!(problems[0].kind, ProblemKind::NotAFile);
    assert_eq!(problems[0].path, path);
}

#[test]
fn a_missing_file_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("borte.ron");
    let problems = store::load_program(&path).unwrap_err();
    let message = Lang::Nb.strings().located(&problems[0]);
    assert_eq!(message, format!("{}: filen finnes ikke", path.display()));
}

#[cfg(unix)]
#[test]
fn an_unreadable_file_is_named() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hemmelig.ron");
    fs::copy(bad_dir().join("unknown-field.ron"), &path).unwrap();
    fs::set_permissions(&path, fs::Permissions::from_mode(0o000)).unwrap();
    if fs::File::open(&path).is_ok() {
        // Running as root: permissions do not stop reading, so make the path unreadable the
        // other way the OS has: a component that is not a folder.
        let through_file = path.join("x.ron");
        let problems = store::load_program(&through_file).unwrap_err();
        assert!(matches!(problems[0].kind, ProblemKind::Io { .. }));
        assert_eq!(problems[0].path, through_file);
        return;
    }
    let problems = store::load_program(&path).unwrap_err();
    assert_eq!(
        Lang::En.strings().located(&problems[0]),
        format!("{}: permission denied", path.display())
    );
}

#[test]
fn a_program_where_a_session_is_expected_is_said_so() {
    let problems = store::load_session(&bad_dir().join("semantic-program.ron")).unwrap_err();
    assert_eq!(
        Lang::En.strings().located(&problems[0]).rsplit(": ").next(),
        Some("expected a session, but the file is a program")
    );
}

/// A device or a pipe given as a file is neither read (a FIFO would block, `/dev/zero` never
/// ends) nor called a folder.
#[cfg(unix)]
#[test]
fn a_device_or_a_pipe_is_not_a_regular_file() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("fifo.ron");
    let made = Command::new("mkfifo").arg(&fifo).status();
    let mut paths = vec![PathBuf::from("/dev/zero")];
    if made.is_ok_and(|s| s.success()) {
        paths.push(fifo);
    }
    for path in paths {
        let problems = store::load_session(&path).unwrap_err();
        assert_eq!(problems[0].kind, ProblemKind::NotRegular, "{path:?}");
        let en = Lang::En.strings().located(&problems[0]);
        let prefix = format!("{}: this is not a regular file", path.display());
        assert!(en.starts_with(&prefix), "{en}");
        let nb = Lang::Nb.strings().located(&problems[0]);
        let prefix = format!("{}: dette er ikke en vanlig fil", path.display());
        assert!(nb.starts_with(&prefix), "{nb}");
    }
}

#[cfg(unix)]
#[test]
fn a_device_as_config_is_ignored_as_not_a_regular_file() {
    let (_, problem) = store::config::load(Path::new("/dev/zero"));
    let problem = problem.expect("a device is no config");
    assert_eq!(problem.kind, ProblemKind::NotRegular);
}
