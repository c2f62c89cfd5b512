//! Running the console program as a person would: a data file, arguments, its output.
#![allow(dead_code)]

use std::path::Path;
use std::process::{Command, Output};

pub const BIN: &str = env!("CARGO_BIN_EXE_koordinator-cli");

/// `koordinator-cli --db DB ARGS…`, with no data file from the environment.
pub fn run(db: &Path, args: &[&str]) -> Output {
    Command::new(BIN).arg("--db").arg(db).args(args).env_remove("KOORDINATOR_DB").output().unwrap()
}

/// What a run that must succeed printed.
pub fn ok(o: &Output) -> String {
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8(o.stdout.clone()).unwrap()
}

/// What a run that must fail printed: (stdout, stderr).
pub fn failed(o: &Output) -> (String, String) {
    assert!(!o.status.success(), "{}", String::from_utf8_lossy(&o.stdout));
    (String::from_utf8(o.stdout.clone()).unwrap(), String::from_utf8(o.stderr.clone()).unwrap())
}
