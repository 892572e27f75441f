//! Runs the real `samling` binary as a command, the way a script or a person at a prompt would.

#![allow(dead_code)] // Each test file uses its own part of this.

use std::path::Path;
use std::process::Command;

/// `samling --dir DIR ARGS…` with its settings file in `dir` and no language from the
/// environment (bokmål unless `args` say `--lang`): (exit code, stdout, stderr).
pub fn samling(dir: &Path, args: &[&str]) -> (Option<i32>, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_samling"))
        .arg("--dir")
        .arg(dir)
        .args(args)
        .env("SAMLING_CONFIG", dir.join("config.ron"))
        .env_remove("SAMLING_LANG")
        .output()
        .unwrap();
    (
        out.status.code(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}
