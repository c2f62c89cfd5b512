//! Data safety through the real binary: one history of changes across processes, exports that
//! never overwrite the data file, data files that are not ours left alone, backups.

use std::path::{Path, PathBuf};
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
    assert_eq!(keys, ["at", "edits", "id", "label", "undone"]);
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
    assert_eq!(keys, ["at", "kind", "label", "path", "size"]);
    assert_eq!(list[0]["kind"], "manual");
    let path = list[0]["path"].as_str().unwrap();
    assert!(path.contains("Резервные копии"), "{path}");
    assert!(ok(run(&db, &["restore", path])).starts_with("Данные восстановлены"));
    let plans: Value = serde_json::from_str(&ok(run(&db, &["plans", "--json"]))).unwrap();
    assert_eq!(plans.as_array().unwrap().len(), 1, "the copy made after the backup is gone");
    let list: Value = serde_json::from_str(&ok(run(&db, &["backups", "--json"]))).unwrap();
    assert_eq!(list.as_array().unwrap().len(), 2, "the state before the restore was kept");
    assert_eq!(list[0]["label"], "перед восстановлением", "{list}");
    // Restoring that copy takes the restore back: the copied plan is there again.
    ok(run(&db, &["restore", list[0]["path"].as_str().unwrap()]));
    let plans: Value = serde_json::from_str(&ok(run(&db, &["plans", "--json"]))).unwrap();
    assert_eq!(plans.as_array().unwrap().len(), 2);
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

/// Files a restore must refuse, each leaving the data file as it was (issue 24, point 2).
#[test]
fn restore_refuses_what_is_not_a_whole_backup_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path());
    let plans = |db: &Path| ok(run(db, &["plans", "--json"]));
    let before = plans(&db);
    let bad = dir.path().join("плохие");
    std::fs::create_dir(&bad).unwrap();
    let empty = bad.join("пустой.sqlite3");
    std::fs::write(&empty, b"").unwrap();
    let empty_db = bad.join("пустая-база.sqlite3");
    rusqlite::Connection::open(&empty_db).unwrap().execute_batch("PRAGMA user_version = 0; VACUUM;").unwrap();
    let other = bad.join("чужая.sqlite3");
    rusqlite::Connection::open(&other)
        .unwrap()
        .execute_batch(
            "CREATE TABLE school (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO school VALUES (1, 'x');",
        )
        .unwrap();
    let newer = bad.join("новее.sqlite3");
    std::fs::copy(&db, &newer).unwrap();
    rusqlite::Connection::open(&newer).unwrap().execute_batch("PRAGMA user_version = 999;").unwrap();
    let text = bad.join("текст.sqlite3");
    std::fs::write(&text, "это не база данных").unwrap();
    for (file, why) in [
        (&empty, "файл пуст"),
        (&empty_db, "нет ни одной школы"),
        (&other, "таблицы, которых у Координатора нет"),
        (&newer, "более новой версией"),
        (&text, "не база данных SQLite"),
    ] {
        let e = err(run(&db, &["restore", file.to_str().unwrap()]));
        assert!(e.contains("нельзя восстановить") && e.contains(why), "{}: {e}", file.display());
    }
    assert_eq!(plans(&db), before);
    let list: Value = serde_json::from_str(&ok(run(&db, &["backups", "--json"]))).unwrap();
    assert_eq!(list.as_array().unwrap().len(), 0, "a refused restore makes no copy either");
}

/// Bit-flipped backups: each is refused, or restored and then the data file is whole — never
/// «восстановлено» with a file that fails integrity_check (issue 24, point 2).
#[test]
fn a_damaged_backup_never_leaves_a_damaged_data_file() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path());
    let good = dir.path().join("копия.sqlite3");
    rusqlite::Connection::open(&db).unwrap().execute("VACUUM INTO ?1", [good.to_str().unwrap()]).unwrap();
    let bytes = std::fs::read(&good).unwrap();
    let (mut refused, mut restored) = (0, 0);
    let mut seed = 0x2545_F491_4F6C_DD1Du64;
    for round in 0..200 {
        let mut copy = bytes.clone();
        for _ in 0..8 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let at = (seed % copy.len() as u64) as usize;
            copy[at] ^= 1 << (seed % 8);
        }
        let file = dir.path().join(format!("испорченная-{round}.sqlite3"));
        std::fs::write(&file, &copy).unwrap();
        let o = run(&db, &["restore", file.to_str().unwrap()]);
        if o.status.success() {
            restored += 1;
        } else {
            let e = err(o);
            assert!(e.contains("нельзя восстановить"), "{e}");
            refused += 1;
        }
        let check: String = rusqlite::Connection::open(&db)
            .unwrap()
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap();
        assert_eq!(check, "ok", "round {round}");
    }
    assert!(refused > 0, "restored {restored}, refused {refused}");
}

/// Another program's file whose tables are named like ours, with a user_version, is not
/// ours: refused and left byte-identical; so is the same path with a trailing slash, a FIFO
/// and a device (issue 24, points 3 and 10).
#[test]
fn lookalike_files_and_odd_paths_are_refused_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let look = dir.path().join("похожая.sqlite3");
    rusqlite::Connection::open(&look)
        .unwrap()
        .execute_batch(
            "CREATE TABLE school (id INTEGER PRIMARY KEY, short_name TEXT, other TEXT);
             CREATE TABLE plan (id INTEGER PRIMARY KEY, title TEXT);
             INSERT INTO school VALUES (1, 'чужая', 'x');
             PRAGMA user_version = 3;",
        )
        .unwrap();
    let before = std::fs::read(&look).unwrap();
    for args in [&["plans"][..], &["demo"], &["schools", "--json"]] {
        let e = err(run(&look, args));
        assert!(e.contains("не является файлом данных Координатора"), "{e}");
    }
    let slashed = PathBuf::from(format!("{}/", look.display()));
    let e = err(run(&slashed, &["import", "/dev/null"]));
    assert!(e.contains("папка"), "{e}");
    assert_eq!(std::fs::read(&look).unwrap(), before);
    let fifo = dir.path().join("канал.sqlite3");
    assert!(Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    for odd in [fifo.as_path(), Path::new("/dev/null")] {
        let e = err(run(odd, &["plans"]));
        assert!(e.contains("не обычный файл"), "{}: {e}", odd.display());
    }
}

/// Two data files with the same stem in one folder keep their backups apart; a `.part` left
/// by a killed backup an hour ago is cleared by the next one (issue 24, point 8).
#[test]
fn backups_of_files_with_one_stem_stay_apart() {
    let dir = tempfile::tempdir().unwrap();
    let a = demo(dir.path());
    let b = dir.path().join("район.db");
    ok(run(&b, &["demo"]));
    ok(run(&a, &["backup"]));
    let stale = dir.path().join("Резервные копии").join("район-2020-01-01_00-00-00-1-1.part");
    std::fs::write(&stale, b"half").unwrap();
    let hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(7200);
    std::fs::File::options().write(true).open(&stale).unwrap().set_modified(hour_ago).unwrap();
    ok(run(&b, &["backup"]));
    let count = |db: &Path| {
        let list: Value = serde_json::from_str(&ok(run(db, &["backups", "--json"]))).unwrap();
        list.as_array().unwrap().len()
    };
    assert_eq!((count(&a), count(&b)), (1, 1));
    assert!(!stale.exists());
}

/// An export whose path reaches the data file through a hard link is refused, the data file
/// intact (issue 24, point 6). A bind mount is the same check by identity; tried where the
/// test runs as root.
#[test]
#[cfg(unix)]
fn an_export_through_a_hard_link_or_a_bind_mount_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path());
    let link = dir.path().join("ссылка.pdf");
    std::fs::hard_link(&db, &link).unwrap();
    let before = std::fs::read(&db).unwrap();
    let e = err(run(&db, &["export", "--plan", "1", "--document", "annex", "--out", link.to_str().unwrap()]));
    assert!(e.contains("файл данных"), "{e}");
    assert_eq!(std::fs::read(&db).unwrap(), before);
    let mnt = dir.path().join("другой-путь");
    std::fs::create_dir(&mnt).unwrap();
    let mounted = Command::new("mount").arg("--bind").arg(dir.path()).arg(&mnt).output();
    if mounted.is_ok_and(|o| o.status.success()) {
        let through = mnt.join("район.sqlite3");
        let o =
            run(&db, &["export", "--plan", "1", "--document", "annex", "--out", through.to_str().unwrap()]);
        let _ = Command::new("umount").arg(&mnt).status();
        assert!(err(o).contains("файл данных"));
        assert_eq!(std::fs::read(&db).unwrap(), before);
    }
}

/// A data file where nothing can be written — here a read-only bind mount of its folder, made
/// where the test runs as root — is read as it is, with no -wal or -shm beside it, and a change
/// is refused saying why (issue 24, point 8).
#[test]
#[cfg(target_os = "linux")]
fn a_data_file_that_cannot_be_written_is_read_only() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path());
    let ro = dir.path().join("только-чтение");
    std::fs::create_dir(&ro).unwrap();
    let src = dir.path().join("папка");
    std::fs::create_dir(&src).unwrap();
    std::fs::rename(&db, src.join("район.sqlite3")).unwrap();
    let mounted = Command::new("mount").args(["--bind", "-o", "ro"]).arg(&src).arg(&ro).output();
    if !mounted.is_ok_and(|o| o.status.success()) {
        eprintln!("no read-only mount here (not root): skipped");
        return;
    }
    let file = ro.join("район.sqlite3");
    let plans = run(&file, &["plans", "--json"]);
    let refused = run(&file, &["copy-plan", "--plan", "1"]);
    let listed: Vec<String> = std::fs::read_dir(&src)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    let _ = Command::new("umount").arg(&ro).status();
    let plans: Value = serde_json::from_str(&ok(plans)).unwrap();
    assert_eq!(plans.as_array().unwrap().len(), 1);
    assert!(err(refused).contains("открыт только для чтения"));
    assert_eq!(listed, ["район.sqlite3"], "no -wal or -shm beside a read-only file");
}

/// `import PLAN.json --preview` shows what the bundle would add and writes nothing (issue 24,
/// point 5).
#[test]
fn a_bundle_preview_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path());
    let bundle = dir.path().join("план.json");
    ok(run(&db, &["bundle", "--plan", "1", "--out", bundle.to_str().unwrap()]));
    let history = |db: &Path| ok(run(db, &["history", "--json"]));
    let before = (ok(run(&db, &["plans", "--json"])), history(&db));
    let shown = ok(run(&db, &["import", bundle.to_str().unwrap(), "--preview"]));
    assert!(shown.contains("16 мероприятий") && shown.contains("Ничего не записано"), "{shown}");
    let json: Value =
        serde_json::from_str(&ok(run(&db, &["import", bundle.to_str().unwrap(), "--preview", "--json"])))
            .unwrap();
    assert_eq!(json["events"], 16);
    assert_eq!((ok(run(&db, &["plans", "--json"])), history(&db)), before);
}
