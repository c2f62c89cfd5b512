//! The window program `koordinator` runs the same subcommands as `koordinator-cli` (one
//! `cli::main` for both); with a subcommand it never opens a window.

use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_koordinator");

fn run(args: &[&str]) -> Output {
    Command::new(BIN).args(args).env_remove("KOORDINATOR_DB").output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[test]
fn the_window_program_runs_subcommands_headless() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("district.sqlite3");
    let db = db.to_str().unwrap();
    let o = run(&["--db", db, "demo"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(stdout(&o).contains("18 школ"), "{}", stdout(&o));
    let o = run(&["--db", db, "plans", "--json"]);
    assert!(o.status.success());
    let plans: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(plans.as_array().unwrap().len(), 1, "{plans}");
    let o = run(&["--help"]);
    assert!(stdout(&o).contains("Команды:"), "{}", stdout(&o));
}

/// Started with no screen, the window program says so on the terminal and exits at once
/// instead of hanging (issue 24, point 10).
#[test]
#[cfg(target_os = "linux")]
fn with_no_display_the_window_program_says_so_and_exits() {
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new("timeout")
        .args(["20"])
        .arg(BIN)
        .arg("--db")
        .arg(dir.path().join("район.sqlite3"))
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .env_remove("KOORDINATOR_DB")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("нет графического экрана"), "{stderr}");
}
