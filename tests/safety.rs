//! Data safety through the real binary: one history of changes across processes, exports that
//! never overwrite the data file, data files that are not ours left alone, backups.

use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_koordinator-cli");

fn run(db: &Path, args: &[&str]) -> Output {
    Command::new(BIN).arg("--db").arg(db).args(args).env_remove("KOORDINATOR_DB").output().unwrap()
}

fn ok(o: Output) -> String {
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8(o.stdout).unwrap()
}

fn err(o: Output) -> String {
    assert_eq!(o.status.code(), Some(1), "{}", String::from_utf8_lossy(&o.stdout));
    String::from_utf8(o.stderr).unwrap()
}

fn demo(dir: &Path) -> std::path::PathBuf {
    let db = dir.join("район.sqlite3");
    ok(run(&db, &["demo"]));
    db
}

#[test]
fn history_undo_and_redo_across_processes() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path());
    let copy = ok(run(&db, &["copy-plan", "--plan", "1", "--json"]));
    assert_eq!(serde_json::from_str::<Value>(&copy).unwrap()["plan"], 2, "{copy}");
    let history: Value = serde_json::from_str(&ok(run(&db, &["history", "--json"]))).unwrap();
    let entries = history.as_array().unwrap();
    assert_eq!(entries.len(), 2);
    let mut keys: Vec<&str> = entries[0].as_object().unwrap().keys().map(String::as_str).collect();
    keys.sort();
    assert_eq!(keys, ["at", "id", "label", "undone"]);
    assert!(entries[0]["label"].as_str().unwrap().starts_with("Копия на следующий год"), "{history}");
    assert_eq!(entries[1]["label"], "Загружен демонстрационный район");
    // Undo in another process takes back the copy and nothing else.
    assert!(ok(run(&db, &["undo"])).starts_with("Отменено: Копия на следующий год"));
    let plans: Value = serde_json::from_str(&ok(run(&db, &["plans", "--json"]))).unwrap();
    assert_eq!(plans.as_array().unwrap().len(), 1);
    assert!(ok(run(&db, &["redo"])).starts_with("Повторено: Копия на следующий год"));
    assert_eq!(err(run(&db, &["redo"])), "Ошибка: Нечего повторять.\n");
    ok(run(&db, &["undo"]));
    ok(run(&db, &["undo"]));
    assert_eq!(err(run(&db, &["undo"])), "Ошибка: Нечего отменять.\n");
    let schools: Value = serde_json::from_str(&ok(run(&db, &["schools", "--json"]))).unwrap();
    assert_eq!(schools.as_array().unwrap().len(), 0, "the demo undone too");
}

#[test]
fn an_export_never_overwrites_the_data_file() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path());
    let before = std::fs::read(&db).unwrap();
    let relative = Command::new(BIN)
        .current_dir(dir.path())
        .args([
            "--db",
            "район.sqlite3",
            "export",
            "--plan",
            "1",
            "--document",
            "annex",
            "--out",
            "./район.sqlite3",
        ])
        .output()
        .unwrap();
    for o in [
        relative,
        run(&db, &["export", "--plan", "1", "--document", "annex", "--out", db.to_str().unwrap()]),
        run(&db, &["ics", "--plan", "1", "--out", &format!("{}-wal", db.display())]),
        run(&db, &["bundle", "--plan", "1", "--out", dir.path().to_str().unwrap()]),
    ] {
        let e = err(o);
        assert!(e.contains("это файл данных Координатора") || e.contains("это папка"), "{e}");
    }
    assert_eq!(std::fs::read(&db).unwrap(), before);
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".part"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn read_commands_on_a_missing_file_create_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("опечатка").join("район.sqlite3");
    for args in [&["plans"][..], &["schools", "--json"], &["history"], &["undo"], &["backups"]] {
        let e = err(run(&missing, args));
        assert_eq!(e, format!("Ошибка: Файл данных не найден: {}\n", missing.display()), "{args:?}");
    }
    assert!(err(run(&missing, &["demo"])).contains("не найден"));
    assert!(!dir.path().join("опечатка").exists());
    let here = dir.path().join("район.sqlite3");
    assert!(err(run(&here, &["plans"])).starts_with("Ошибка: Файл данных не найден"));
    assert!(!here.exists());
}

#[test]
fn another_programs_database_is_refused_and_left_byte_identical() {
    let dir = tempfile::tempdir().unwrap();
    let other = dir.path().join("other.sqlite3");
    {
        let c = rusqlite::Connection::open(&other).unwrap();
        c.execute_batch("CREATE TABLE t (x); PRAGMA user_version = 3;").unwrap();
    }
    let before = std::fs::read(&other).unwrap();
    for args in [&["plans"][..], &["demo"], &["history"]] {
        let e = err(run(&other, args));
        assert!(e.contains("не является файлом данных Координатора"), "{e}");
    }
    assert_eq!(std::fs::read(&other).unwrap(), before);
    assert!(!Path::new(&format!("{}-wal", other.display())).exists());
}

#[test]
fn backups_are_listed_newest_first_and_restored() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path());
    assert!(ok(run(&db, &["backup"])).starts_with("Резервная копия: "));
    ok(run(&db, &["copy-plan", "--plan", "1"]));
    let list: Value = serde_json::from_str(&ok(run(&db, &["backups", "--json"]))).unwrap();
    let list = list.as_array().unwrap();
    assert_eq!(list.len(), 1);
    let mut keys: Vec<&str> = list[0].as_object().unwrap().keys().map(String::as_str).collect();
    keys.sort();
    assert_eq!(keys, ["at", "path", "size"]);
    let path = list[0]["path"].as_str().unwrap();
    assert!(path.contains("Резервные копии"), "{path}");
    assert!(ok(run(&db, &["restore", path])).starts_with("Данные восстановлены"));
    let plans: Value = serde_json::from_str(&ok(run(&db, &["plans", "--json"]))).unwrap();
    assert_eq!(plans.as_array().unwrap().len(), 1, "the copy made after the backup is gone");
    let list: Value = serde_json::from_str(&ok(run(&db, &["backups", "--json"]))).unwrap();
    assert_eq!(list.as_array().unwrap().len(), 2, "the state before the restore was kept");
    assert!(err(run(&db, &["restore", "/нет/такого.sqlite3"])).contains("не найден"));
}

#[test]
fn the_data_file_alone_holds_every_change_after_a_command() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path());
    ok(run(&db, &["copy-plan", "--plan", "1"]));
    let wal = std::fs::metadata(format!("{}-wal", db.display())).map(|m| m.len()).unwrap_or(0);
    assert_eq!(wal, 0, "the -wal file is empty or gone");
    let alone = dir.path().join("alone.sqlite3");
    std::fs::copy(&db, &alone).unwrap();
    let plans: Value = serde_json::from_str(&ok(run(&alone, &["plans", "--json"]))).unwrap();
    assert_eq!(plans.as_array().unwrap().len(), 2);
}
