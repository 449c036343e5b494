//! Running the `proplint` binary from the CLI tests, in a scratch folder of files.
#![allow(clippy::unwrap_used)] // a test that meets the unexpected should stop there
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub fn proplint(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_proplint"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("run proplint")
}

/// Runs proplint in the test's own folder: its exit code (-1 when a signal ended it),
/// standard output and standard error.
pub fn run(args: &[&str]) -> (i32, String, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_proplint"))
        .args(args)
        .output()
        .expect("run proplint");
    (
        output.status.code().unwrap_or(-1),
        stdout(&output),
        stderr(&output),
    )
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A temporary folder holding `files` (name, text); names may contain folders.
pub fn work_dir(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in files {
        let path = dir.path().join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    dir
}

/// A stale citation (safe fix) in English.
pub const STALE_EN: &str = "MOD\tGBR/3/1\nRESOLUTION 45 (Rev. Dubai, 2014)\nThe World Telecommunication Development Conference (Buenos Aires, 2017),\nrecalling\na)\tResolution 140 (Rev. Guadalajara, 2010) of the Plenipotentiary Conference;\nb)\tUnited Nations General Assembly Resolution 70/125,\nReasons:\tUpdate.\n";
