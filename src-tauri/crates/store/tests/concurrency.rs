//! Busy moments with another process on the same data file (issue 24, points 4 and 7): a
//! change, an undo or a redo waits for another writer instead of failing, and several reads
//! made as one see one moment of the file.

use std::sync::mpsc;
use std::time::Duration;

use rusqlite::Connection;
use store::Store;

fn plan(tx: &rusqlite::Transaction, title: &str) -> store::StoreResult<()> {
    tx.execute(
        "INSERT INTO plan (title, period_start, period_end) VALUES (?1, '2023-01-01', '2023-12-31')",
        [title],
    )?;
    Ok(())
}

/// Another connection takes the write lock, signals, holds it a while and commits a change of
/// its own; meanwhile `step` runs on the store.
fn while_another_writes<T>(file: &std::path::Path, step: impl FnOnce() -> T) -> T {
    let (ready, wait) = mpsc::channel();
    let path = file.to_path_buf();
    let writer = std::thread::spawn(move || {
        let c = Connection::open(&path).unwrap();
        c.busy_timeout(Duration::from_secs(5)).unwrap();
        c.execute_batch(
            "BEGIN IMMEDIATE; INSERT OR REPLACE INTO setting (key, value) VALUES ('другой процесс', 'да');",
        )
        .unwrap();
        ready.send(()).unwrap();
        std::thread::sleep(Duration::from_millis(300));
        c.execute_batch("COMMIT").unwrap();
    });
    wait.recv().unwrap();
    let out = step();
    writer.join().unwrap();
    out
}

#[test]
fn undo_redo_and_changes_wait_for_another_writer() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("район.sqlite3");
    let mut store = Store::create(&file).unwrap();
    store.change("Первая карта", |tx| plan(tx, "П1")).unwrap();
    // Each of these reads first, then writes: with the lock taken late, the other process's
    // commit in between made them fail as «занят» (SQLITE_BUSY_SNAPSHOT).
    let undone = while_another_writes(&file, || store.undo());
    assert_eq!(undone.unwrap().as_deref(), Some("Первая карта"));
    let redone = while_another_writes(&file, || store.redo());
    assert_eq!(redone.unwrap().as_deref(), Some("Первая карта"));
    let changed = while_another_writes(&file, || {
        store.change("Вторая карта", |tx| {
            let n: i64 = tx.query_row("SELECT count(*) FROM plan", [], |r| r.get(0))?;
            plan(tx, &format!("П{}", n + 1))
        })
    });
    assert!(changed.is_ok(), "{changed:?}");
    assert_eq!(store::plan::list(store.read()).unwrap().len(), 2);
}

#[test]
fn reads_made_as_one_see_one_moment() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("район.sqlite3");
    let mut store = Store::create(&file).unwrap();
    store.change("Первая карта", |tx| plan(tx, "П1")).unwrap();
    let other = Connection::open(&file).unwrap();
    let count = |c: &Connection| c.query_row("SELECT count(*) FROM plan", [], |r| r.get::<_, i64>(0));
    let (before, after) = store
        .snapshot(|c| {
            let before = count(c)?;
            other.execute("DELETE FROM plan", []).unwrap();
            Ok((before, count(c)?))
        })
        .unwrap();
    assert_eq!((before, after), (1, 1), "the other process's delete is not seen halfway");
    assert_eq!(count(store.read()).unwrap(), 0, "and is seen afterwards");
}

#[test]
fn an_undo_says_when_the_change_was_made_elsewhere() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("район.sqlite3");
    let mut window = Store::create(&file).unwrap();
    let mut command_line = Store::open(&file).unwrap();
    window.change("В окне", |tx| plan(tx, "П1")).unwrap();
    command_line.change("В командной строке", |tx| plan(tx, "П2")).unwrap();
    let first = window.undo_step().unwrap().unwrap();
    assert_eq!((first.label.as_str(), first.elsewhere), ("В командной строке", true));
    let second = window.undo_step().unwrap().unwrap();
    assert_eq!((second.label.as_str(), second.elsewhere), ("В окне", false));
    assert_eq!(
        domain::step_message(true, &first.label, first.elsewhere),
        "Отменено: В командной строке — это изменение сделано в другом окне или в командной строке"
    );
}

#[test]
fn a_reused_history_id_is_not_taken_for_this_windows_change() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("район.sqlite3");
    let mut window = Store::create(&file).unwrap();
    let mut command_line = Store::open(&file).unwrap();
    window.change("В окне", |tx| plan(tx, "П1")).unwrap();
    window.undo_step().unwrap();
    // The undone entry is dropped by the next change, whose entry may take its id.
    command_line.change("В командной строке", |tx| plan(tx, "П2")).unwrap();
    let undone = window.undo_step().unwrap().unwrap();
    assert_eq!((undone.label.as_str(), undone.elsewhere), ("В командной строке", true));
}

#[test]
fn a_notes_undo_takes_back_its_own_change_or_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("район.sqlite3");
    let mut store = Store::create(&file).unwrap();
    store.change("Первая", |tx| plan(tx, "П1")).unwrap();
    store.change("Удалена пара", |tx| plan(tx, "П2")).unwrap();
    let noted = store.history_state().unwrap().next_undo_id.unwrap();
    store.undo().unwrap(); // Ctrl+Z brought it back first
    let refused = store.undo_change(noted).unwrap_err();
    assert!(refused.to_string().contains("уже отменено"), "{refused}");
    assert_eq!(store::plan::list(store.read()).unwrap().len(), 1, "«Первая» was not taken back");
    store.redo().unwrap();
    assert_eq!(store.undo_change(noted).unwrap().unwrap().label, "Удалена пара");
}
