//! The SQLite store of Koordinator.
//!
//! Contract: [`Store::open`] migrates the file to the latest schema (embedded migrations,
//! rusqlite_migration) and sets WAL, foreign keys and a busy timeout on the connection. Reads
//! take `&Connection` ([`Store::read`]); every write runs in one transaction ([`Store::write`]):
//! it is all done or not at all, and the database is never left half-written. One module per
//! table (or per aggregate: a plan with its sections and events).

pub mod district;
mod error;
pub mod event;
pub mod executor;
pub mod holiday;
pub mod order;
pub mod pairing;
pub mod plan;
pub mod risk;
pub mod school;
pub mod section;
pub mod setting;
pub mod webinar;
pub mod working_group;

use std::path::Path;
use std::time::Duration;

use rusqlite::{Connection, Transaction};
use rusqlite_migration::{Migrations, M};

pub use error::{StoreError, StoreResult};

const MIGRATION_LIST: &[M<'static>] = &[
    M::up(include_str!("../migrations/0001_initial.sql")),
    M::up(include_str!("../migrations/0002_holidays.sql")),
    M::up(include_str!("../migrations/0003_editor.sql")),
];
const MIGRATIONS: Migrations<'static> = Migrations::from_slice(MIGRATION_LIST);

pub struct Store {
    conn: Connection,
    history: History,
}

/// Copies of the database before each edit (undo) and before each undo (redo), kept in memory
/// by SQLite's backup API: whole-database copies, so any edit of any table undoes exactly.
#[derive(Default)]
struct History {
    undo: Vec<Connection>,
    redo: Vec<Connection>,
}

/// How many edits can be undone.
pub const UNDO_DEPTH: usize = 60;

impl Store {
    /// Opens (creating if needed) the data file and brings it to the latest schema.
    pub fn open(path: &Path) -> StoreResult<Store> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir)
                .map_err(|e| StoreError::Open { path: path.display().to_string(), reason: e.to_string() })?;
        }
        let conn = Connection::open(path)
            .map_err(|e| StoreError::Open { path: path.display().to_string(), reason: e.to_string() })?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        Store::prepare(conn)
    }

    /// A fresh database in memory, for tests.
    pub fn open_in_memory() -> StoreResult<Store> {
        Store::prepare(Connection::open_in_memory()?)
    }

    fn prepare(mut conn: Connection) -> StoreResult<Store> {
        conn.pragma_update(None, "foreign_keys", "ON")?;
        conn.busy_timeout(Duration::from_secs(5))?;
        MIGRATIONS.to_latest(&mut conn)?;
        Ok(Store { conn, history: History::default() })
    }

    pub fn read(&self) -> &Connection {
        &self.conn
    }

    /// Runs `f` in one transaction: committed if it returns `Ok`, rolled back otherwise.
    pub fn write<T>(&mut self, f: impl FnOnce(&Transaction) -> StoreResult<T>) -> StoreResult<T> {
        let tx = self.conn.transaction()?;
        let value = f(&tx)?;
        tx.commit()?;
        Ok(value)
    }

    /// An edit the user may undo: like [`Store::write`], with a copy of the database kept first.
    /// A failed edit leaves neither a change nor a history entry.
    pub fn edit<T>(&mut self, f: impl FnOnce(&Transaction) -> StoreResult<T>) -> StoreResult<T> {
        let before = self.copy()?;
        let value = self.write(f)?;
        self.history.undo.push(before);
        if self.history.undo.len() > UNDO_DEPTH {
            self.history.undo.remove(0);
        }
        self.history.redo.clear();
        Ok(value)
    }

    /// Takes back the last edit; false when there is none.
    pub fn undo(&mut self) -> StoreResult<bool> {
        let Some(before) = self.history.undo.pop() else { return Ok(false) };
        self.history.redo.push(self.copy()?);
        self.restore(&before)?;
        Ok(true)
    }

    /// Makes the last undone edit again; false when there is none.
    pub fn redo(&mut self) -> StoreResult<bool> {
        let Some(after) = self.history.redo.pop() else { return Ok(false) };
        self.history.undo.push(self.copy()?);
        self.restore(&after)?;
        Ok(true)
    }

    /// How many edits can be undone and redone now.
    pub fn history_depth(&self) -> (usize, usize) {
        (self.history.undo.len(), self.history.redo.len())
    }

    fn copy(&self) -> StoreResult<Connection> {
        let mut copy = Connection::open_in_memory()?;
        rusqlite::backup::Backup::new(&self.conn, &mut copy)?.run_to_completion(
            i32::MAX,
            Duration::ZERO,
            None,
        )?;
        Ok(copy)
    }

    fn restore(&mut self, from: &Connection) -> StoreResult<()> {
        rusqlite::backup::Backup::new(from, &mut self.conn)?.run_to_completion(
            i32::MAX,
            Duration::ZERO,
            None,
        )?;
        Ok(())
    }

    /// True when the data file holds no school and no plan yet (a first start).
    pub fn is_empty(&self) -> StoreResult<bool> {
        let n: i64 = self.conn.query_row(
            "SELECT (SELECT count(*) FROM school) + (SELECT count(*) FROM plan)",
            [],
            |r| r.get(0),
        )?;
        Ok(n == 0)
    }
}

/// Reads a JSON column; a value that does not parse is reported as corrupt data.
pub(crate) fn json_column<T: serde::de::DeserializeOwned>(
    r: &rusqlite::Row,
    i: usize,
) -> rusqlite::Result<T> {
    let text: String = r.get(i)?;
    serde_json::from_str(&text).map_err(|e| corrupt_column(i, e.to_string()))
}

pub(crate) fn corrupt_column(i: usize, what: String) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, what.into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits_undo_and_redo_in_order_and_a_new_edit_drops_the_redo() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("k.sqlite3")).unwrap();
        let titles = |s: &Store| -> Vec<String> {
            s.read()
                .prepare("SELECT title FROM plan ORDER BY id")
                .unwrap()
                .query_map([], |r| r.get(0))
                .unwrap()
                .map(Result::unwrap)
                .collect()
        };
        let add = |s: &mut Store, t: &str| {
            s.edit(|tx| {
                tx.execute(
                    "INSERT INTO plan (title, period_start, period_end) VALUES (?1, '2023-01-01', '2023-12-31')",
                    [t],
                )?;
                Ok(())
            })
            .unwrap()
        };
        add(&mut store, "А");
        add(&mut store, "Б");
        assert!(store.undo().unwrap());
        assert_eq!(titles(&store), ["А"]);
        assert!(store.redo().unwrap());
        assert_eq!(titles(&store), ["А", "Б"]);
        assert!(store.undo().unwrap() && store.undo().unwrap());
        assert!(titles(&store).is_empty());
        assert!(!store.undo().unwrap(), "nothing more to undo");
        assert!(store.redo().unwrap());
        add(&mut store, "В");
        assert!(!store.redo().unwrap(), "a new edit drops what was undone");
        assert_eq!(titles(&store), ["А", "В"]);
        // A failed edit is no history entry.
        assert!(store
            .edit(|tx| {
                tx.execute("INSERT INTO plan (title) VALUES ('x')", [])?;
                Ok(())
            })
            .is_err());
        assert_eq!(store.history_depth(), (2, 0));
        // Undone state is on disk: a second connection sees it.
        store.undo().unwrap();
        let other = Store::open(&dir.path().join("k.sqlite3")).unwrap();
        assert_eq!(titles(&other), ["А"]);
    }

    #[test]
    fn migrations_are_valid() {
        MIGRATIONS.validate().unwrap();
    }

    #[test]
    fn pragmas_are_set_on_every_connection() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("k.sqlite3")).unwrap();
        let fk: i64 = store.read().query_row("PRAGMA foreign_keys", [], |r| r.get(0)).unwrap();
        let mode: String = store.read().query_row("PRAGMA journal_mode", [], |r| r.get(0)).unwrap();
        let timeout: i64 = store.read().query_row("PRAGMA busy_timeout", [], |r| r.get(0)).unwrap();
        assert_eq!((fk, mode.as_str(), timeout), (1, "wal", 5000));
    }

    #[test]
    fn a_failed_write_leaves_nothing() {
        let mut store = Store::open_in_memory().unwrap();
        let err = store.write(|tx| {
            tx.execute("INSERT INTO school (name, short_name) VALUES ('Школа', 'СОШ № 1')", [])?;
            tx.execute("INSERT INTO school (name, short_name) VALUES ('Школа', 'СОШ № 1')", [])?;
            Ok(())
        });
        assert!(err.is_err());
        assert!(store.is_empty().unwrap());
    }

    #[test]
    fn risk_factors_are_seeded() {
        let store = Store::open_in_memory().unwrap();
        let n: i64 = store.read().query_row("SELECT count(*) FROM risk_factor", [], |r| r.get(0)).unwrap();
        assert_eq!(n, 10);
    }
}
