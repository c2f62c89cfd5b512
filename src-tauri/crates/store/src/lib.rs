//! The SQLite store of Koordinator.
//!
//! Contract: [`Store::open`] opens an existing data file and [`Store::create`] may make a new
//! one; both refuse a file that is not Koordinator's (another program's database, or one made
//! by a newer version) before touching it, then migrate to the latest schema (embedded
//! migrations, rusqlite_migration) and set WAL, foreign keys and a busy timeout. Reads take
//! `&Connection` ([`Store::read`]), which is read-only: the one way to write is
//! [`Store::change`], one transaction and one entry in the history of changes, so every
//! change can be undone ([`Store::undo`]) and nothing can be changed behind the history's back.
//! One module per table (or per aggregate: a plan with its sections and events).

pub mod backup;
pub mod district;
mod error;
pub mod event;
pub mod executor;
pub mod history;
pub mod holiday;
pub mod order;
pub mod pairing;
pub mod plan;
pub mod region;
pub mod results;
pub mod risk;
pub mod roadmap;
pub mod school;
pub mod section;
pub mod setting;
pub mod webinar;
pub mod working_group;

use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::Duration;

use rusqlite::{Connection, OpenFlags, Transaction, TransactionBehavior};
use rusqlite_migration::{Migrations, M};

pub use error::{io_message, StoreError, StoreResult};

const MIGRATION_LIST: &[M<'static>] = &[
    M::up(include_str!("../migrations/0001_initial.sql")),
    M::up(include_str!("../migrations/0002_holidays.sql")),
    M::up(include_str!("../migrations/0003_editor.sql")),
    M::up(include_str!("../migrations/0004_history.sql")),
    M::up(include_str!("../migrations/0005_accepted_timeframes.sql")),
    M::up(include_str!("../migrations/0006_event_order.sql")),
    M::up(include_str!("../migrations/0007_overview_annex.sql")),
    M::up(include_str!("../migrations/0008_results.sql")),
    M::up(include_str!("../migrations/0009_effectiveness_annex.sql")),
    M::up(include_str!("../migrations/0010_region.sql")),
    M::up(include_str!("../migrations/0011_event_place.sql")),
];
/// The schema version this program makes and reads (its newest migration).
pub const SCHEMA_VERSION: u32 = MIGRATION_LIST.len() as u32;
const MIGRATIONS: Migrations<'static> = Migrations::from_slice(MIGRATION_LIST);

/// Written into the file's header (`PRAGMA application_id`): «KOOR». A file with another id is
/// not ours and is never migrated.
pub const APPLICATION_ID: i32 = 0x4B4F_4F52;

/// How many things a data file holds: schools, plans and (in a region file) districts.
const HELD: &str =
    "SELECT (SELECT count(*) FROM school) + (SELECT count(*) FROM plan) + (SELECT count(*) FROM region_district)";

pub struct Store {
    conn: Connection,
    path: Option<PathBuf>,
    /// The changes this connection made: an undo of any other was made elsewhere (another
    /// window, the command line) and says so.
    own: std::collections::HashSet<history::Mark>,
    /// Opened where it cannot be written, or to be only read: reads only.
    read_only: bool,
    /// Opened read-only by choice ([`Store::open_read_only`]): viewed, not edited.
    viewing: bool,
}

/// An undo or redo as made: what it took back or made again, and whether that change was made
/// through this store or elsewhere.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stepped {
    pub label: String,
    pub elsewhere: bool,
}

impl Store {
    /// Opens an existing data file; a missing one is an error and nothing is created.
    pub fn open(path: &Path) -> StoreResult<Store> {
        if !path.exists() {
            return Err(StoreError::Missing { path: path.display().to_string() });
        }
        Store::open_file(path)
    }

    /// Opens the data file, making an empty district if there is none. The folder must exist.
    pub fn create(path: &Path) -> StoreResult<Store> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            if !dir.is_dir() {
                return Err(StoreError::Missing { path: dir.display().to_string() });
            }
        }
        Store::open_file(path)
    }

    fn open_file(path: &Path) -> StoreResult<Store> {
        let shown = || path.display().to_string();
        let foreign = |reason: &str| StoreError::Foreign { path: shown(), reason: reason.into() };
        // «район.sqlite3/» names a folder, however the file system answers for it.
        if path.is_dir() || path.as_os_str().to_string_lossy().ends_with(['/', std::path::MAIN_SEPARATOR]) {
            return Err(foreign("это папка, а не файл"));
        }
        match std::fs::metadata(path) {
            Ok(m) if !m.is_file() => {
                return Err(foreign(
                    "это не обычный файл (устройство или канал), а файл данных должен быть файлом",
                ))
            }
            Ok(_) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(StoreError::Open { path: shown(), reason: io_message(&e) }),
        }
        check_ours(path)?;
        if path.exists() && !writable(path) {
            return Store::open_immutable(path);
        }
        let conn = Connection::open(path)
            .map_err(|e| StoreError::Open { path: shown(), reason: error::sqlite_message(&e) })?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        let mut store = Store::prepare(conn)?;
        store.path = Some(path.to_path_buf());
        Ok(store)
    }

    /// A data file that cannot be written (a read-only file, folder or disk), or one to be only
    /// read (a district opened from a region file): opened as it is, immutable — no -wal or -shm
    /// is made beside it, nothing is migrated; every change is refused with [`StoreError::ReadOnly`].
    pub fn open_read_only(path: &Path) -> StoreResult<Store> {
        if !path.exists() {
            return Err(StoreError::Missing { path: path.display().to_string() });
        }
        check_ours(path)?;
        let mut store = Store::open_immutable(path)?;
        store.viewing = true;
        Ok(store)
    }

    fn open_immutable(path: &Path) -> StoreResult<Store> {
        let shown = || path.display().to_string();
        let conn = open_reading(path, true)
            .map_err(|e| StoreError::Open { path: shown(), reason: error::sqlite_message(&e) })?;
        let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        if version != MIGRATION_LIST.len() as i64 {
            return Err(StoreError::ReadOnly { path: shown() });
        }
        conn.pragma_update(None, "foreign_keys", "ON")?;
        Ok(Store {
            conn,
            path: Some(path.to_path_buf()),
            own: Default::default(),
            read_only: true,
            viewing: false,
        })
    }

    /// True when the data file was opened read-only (see [`Store::open`]).
    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    /// Why nothing can be changed, when it cannot: the error every change meets.
    pub fn read_only_reason(&self) -> Option<StoreError> {
        let path = self.path.as_deref().unwrap_or(Path::new("")).display().to_string();
        match (self.read_only, self.viewing) {
            (false, _) => None,
            (true, true) => Some(StoreError::Viewing { path }),
            (true, false) => Some(StoreError::ReadOnly { path }),
        }
    }

    /// A fresh database in memory, for tests.
    pub fn open_in_memory() -> StoreResult<Store> {
        Store::prepare(Connection::open_in_memory()?)
    }

    fn prepare(mut conn: Connection) -> StoreResult<Store> {
        conn.pragma_update(None, "foreign_keys", "ON")?;
        conn.busy_timeout(Duration::from_secs(5))?;
        // Room for every statement a bulk write repeats (events, executors, timeframes).
        conn.set_prepared_statement_cache_capacity(64);
        MIGRATIONS.to_latest(&mut conn)?;
        let id: i32 = conn.query_row("PRAGMA application_id", [], |r| r.get(0))?;
        if id != APPLICATION_ID {
            conn.pragma_update(None, "application_id", APPLICATION_ID)?;
        }
        conn.pragma_update(None, "query_only", true)?;
        Ok(Store { conn, path: None, own: Default::default(), read_only: false, viewing: false })
    }

    /// The data file, None in memory.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Read access; a write through it fails (the data file is changed only by [`Store::change`]).
    pub fn read(&self) -> &Connection {
        &self.conn
    }

    /// Several reads as of one moment: `f` runs in one read transaction, so a change another
    /// process commits meanwhile is seen by all of them or by none (a plan listed, then
    /// «нет дорожной карты» when it is read, never happens).
    pub fn snapshot<T>(&self, f: impl FnOnce(&Connection) -> StoreResult<T>) -> StoreResult<T> {
        snapshot(&self.conn, f)
    }

    /// A change: `f` runs in one transaction, committed if it returns `Ok`, rolled back
    /// otherwise, and what it changed becomes one entry in the history, labelled `label`
    /// («Срок мероприятия 2.3 изменён»). A failed change leaves neither data nor an entry.
    pub fn change<T>(
        &mut self,
        label: impl Into<String>,
        f: impl FnOnce(&Transaction) -> StoreResult<T>,
    ) -> StoreResult<T> {
        let label = label.into();
        self.change_labelled(|tx| f(tx).map(|v| (v, label)))
    }

    /// Like [`Store::change`], for a change whose label is known only once it is made («Импорт:
    /// «Дорожная карта…» (24 мероприятия)»).
    pub fn change_labelled<T>(
        &mut self,
        f: impl FnOnce(&Transaction) -> StoreResult<(T, String)>,
    ) -> StoreResult<T> {
        let (value, id) = self.writable(|conn| {
            // The write lock first: a change that reads then writes waits for another
            // process's change instead of failing on a snapshot that went stale.
            let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
            let value = {
                let mut session = history::record(&tx)?;
                let (value, label) = f(&tx)?;
                let id = history::append(&tx, &mut session, &label)?;
                (value, id)
            };
            tx.commit()?;
            Ok(value)
        })?;
        self.own.extend(id);
        Ok(value)
    }

    /// Takes back the newest change; its label, or None when there is nothing to undo.
    pub fn undo(&mut self) -> StoreResult<Option<String>> {
        Ok(self.step(history::Step::Undo)?.map(|s| s.label))
    }

    /// Like [`Store::undo`], saying whether the change was made elsewhere.
    pub fn undo_step(&mut self) -> StoreResult<Option<Stepped>> {
        self.step(history::Step::Undo)
    }

    /// Like [`Store::redo`], saying whether the change was made elsewhere.
    pub fn redo_step(&mut self) -> StoreResult<Option<Stepped>> {
        self.step(history::Step::Redo)
    }

    /// Makes the newest undone change again; its label, or None when there is none.
    pub fn redo(&mut self) -> StoreResult<Option<String>> {
        Ok(self.step(history::Step::Redo)?.map(|s| s.label))
    }

    /// Undoes changes, newest first, until the change `id` is undone too; stops at the first
    /// refusal (the changes undone before it stay undone, each a whole change).
    pub fn undo_to(&mut self, id: i64) -> StoreResult<()> {
        loop {
            let newest: Option<i64> =
                self.conn.query_row("SELECT max(id) FROM change_log WHERE undone = 0", [], |r| r.get(0))?;
            match newest {
                Some(n) if n >= id => {
                    self.undo()?;
                }
                _ => return Ok(()),
            }
        }
    }

    /// Undoes the change `id` if it is the newest one; refuses otherwise (a note's «Отменить»
    /// seen after other changes must not take back one of those).
    pub fn undo_change(&mut self, id: i64) -> StoreResult<Option<Stepped>> {
        self.step_only(history::Step::Undo, Some(id))
    }

    fn step(&mut self, step: history::Step) -> StoreResult<Option<Stepped>> {
        self.step_only(step, None)
    }

    fn step_only(&mut self, step: history::Step, only: Option<i64>) -> StoreResult<Option<Stepped>> {
        let stepped = self.writable(|conn| {
            conn.pragma_update(None, "foreign_keys", false)?;
            let result = (|| {
                let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
                let label = history::step(&tx, step, only)?;
                tx.commit()?;
                Ok(label)
            })();
            conn.pragma_update(None, "foreign_keys", true)?;
            if result.is_ok() {
                compact(conn);
            }
            result
        })?;
        Ok(stepped.map(|(id, label)| Stepped { label, elsewhere: !self.own.contains(&id) }))
    }

    /// Runs `f` with writes allowed on the connection.
    fn writable<T>(&mut self, f: impl FnOnce(&mut Connection) -> StoreResult<T>) -> StoreResult<T> {
        if let Some(e) = self.read_only_reason() {
            return Err(e);
        }
        self.conn.pragma_update(None, "query_only", false)?;
        let result = f(&mut self.conn);
        self.conn.pragma_update(None, "query_only", true)?;
        result
    }

    /// A consistent copy of the whole file into the new file `to`, as of one moment.
    pub fn copy_into(&self, to: &Path) -> StoreResult<()> {
        // VACUUM INTO writes only the new file, but `query_only` refuses it all the same.
        self.conn.pragma_update(None, "query_only", false)?;
        let copied = self.conn.execute("VACUUM INTO ?1", [to.to_string_lossy()]);
        self.conn.pragma_update(None, "query_only", true)?;
        copied?;
        Ok(())
    }

    /// How deep undo and redo go now.
    pub fn history_state(&self) -> StoreResult<domain::HistoryState> {
        history::state(&self.conn)
    }

    /// Moves every committed change from the `-wal` file into the data file, so that the file
    /// alone holds them (a copy of it is a whole backup). Called on exit and on drop.
    pub fn checkpoint(&self) -> StoreResult<()> {
        if self.path.is_some() && !self.read_only {
            // The pragma answers (busy, frames in the log, frames moved); busy means another
            // connection still reads an older state and the -wal could not be emptied.
            let busy: i64 = self.conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| r.get(0))?;
            if busy != 0 {
                return Err(StoreError::Sqlite(rusqlite::Error::SqliteFailure(
                    rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_BUSY),
                    Some("checkpoint".into()),
                )));
            }
        }
        Ok(())
    }

    /// Moves when another connection commits a change to the file (`PRAGMA data_version`).
    pub fn data_version(&self) -> StoreResult<i64> {
        Ok(self.conn.query_row("PRAGMA data_version", [], |r| r.get(0))?)
    }

    /// True when the data file holds no school, no plan and no district's package yet (a first start).
    pub fn is_empty(&self) -> StoreResult<bool> {
        let n: i64 = self.conn.query_row(HELD, [], |r| r.get(0))?;
        Ok(n == 0)
    }
}

/// Gives the file's free pages back to the disk when an undo left many (a 20 000-row import
/// taken back left a 30 MB file holding nothing): `VACUUM` when more than a quarter of the file
/// and at least 10 MB are free. Not a change of data, so no history entry; if another connection
/// keeps it from running, the file stays as it is until the next time.
fn compact(conn: &Connection) {
    let pages =
        |pragma: &str| conn.query_row(&format!("PRAGMA {pragma}"), [], |r| r.get::<_, i64>(0)).unwrap_or(0);
    let (free, total, size) = (pages("freelist_count"), pages("page_count"), pages("page_size"));
    if free * size >= 10 << 20 && free * 4 > total {
        let _ = conn.execute_batch("VACUUM");
    }
}

/// A read-only connection; `immutable` for a file that cannot be written (a WAL file on a
/// read-only disk cannot otherwise be opened: SQLite would make its -shm beside it).
fn open_reading(path: &Path, immutable: bool) -> rusqlite::Result<Connection> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    if !immutable {
        return Connection::open_with_flags(path, flags);
    }
    // A URI, for `immutable`: the path as it is but for the three characters URIs reserve.
    let mut uri = String::from("file:");
    for c in path.to_string_lossy().chars() {
        match c {
            '%' | '?' | '#' => uri.push_str(&format!("%{:02X}", c as u32)),
            c => uri.push(c),
        }
    }
    Connection::open_with_flags(format!("{uri}?immutable=1"), flags | OpenFlags::SQLITE_OPEN_URI)
}

/// Whether the data file and its folder can be written (the -wal and -shm files live beside it):
/// tried, not guessed from permission bits (which root, ACLs and read-only mounts make lie).
fn writable(path: &Path) -> bool {
    let file_ok = std::fs::OpenOptions::new().append(true).open(path).is_ok();
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    file_ok && tempfile_in(dir)
}

fn tempfile_in(dir: &Path) -> bool {
    let probe = dir.join(format!(".koordinator-probe-{}", std::process::id()));
    let made = std::fs::OpenOptions::new().write(true).create_new(true).open(&probe).is_ok();
    if made {
        let _ = std::fs::remove_file(&probe);
    }
    made
}

/// Runs `f`'s reads in one read transaction (or in the transaction already open): what it
/// reads in several statements is one moment of the file, whatever other processes commit.
pub fn snapshot<T>(conn: &Connection, f: impl FnOnce(&Connection) -> StoreResult<T>) -> StoreResult<T> {
    if !conn.is_autocommit() {
        return f(conn);
    }
    let tx = conn.unchecked_transaction()?;
    let value = f(&tx)?;
    tx.commit()?;
    Ok(value)
}

impl Drop for Store {
    fn drop(&mut self) {
        // Errors cannot be reported from a drop; closing the connection checkpoints anyway.
        let _ = self.checkpoint();
    }
}

/// Refuses, without changing a byte of it, a file that is not Koordinator's data file: not a
/// SQLite database, another program's database, or one from a newer version of Koordinator.
fn check_ours(path: &Path) -> StoreResult<()> {
    let shown = || path.display().to_string();
    let len = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
    if len == 0 {
        return Ok(());
    }
    let foreign = |reason: &str| StoreError::Foreign { path: shown(), reason: reason.to_owned() };
    let conn = open_reading(path, !writable(path))
        .map_err(|e| StoreError::Open { path: shown(), reason: error::sqlite_message(&e) })?;
    let header = conn.query_row("SELECT * FROM pragma_application_id, pragma_user_version", [], |r| {
        Ok((r.get::<_, i32>(0)?, r.get::<_, i64>(1)?))
    });
    let (app_id, version) = match header {
        Ok(h) => h,
        Err(e) if e.sqlite_error_code() == Some(rusqlite::ErrorCode::NotADatabase) => {
            return Err(foreign("это не база данных SQLite или файл повреждён"));
        }
        Err(e) => return Err(StoreError::Open { path: shown(), reason: error::sqlite_message(&e) }),
    };
    if app_id != 0 && app_id != APPLICATION_ID {
        return Err(foreign("это база данных другой программы"));
    }
    if version > MIGRATION_LIST.len() as i64 {
        return Err(StoreError::Newer { path: shown() });
    }
    if app_id == 0 && schema_of(&conn)? != schema_at(version) {
        // Files from before the id was written are ours only if their schema is exactly one
        // the migrations made: names alike are not enough.
        return Err(foreign(if version == 0 {
            "в файле есть таблицы, которых у Координатора нет"
        } else {
            "таблицы в файле устроены не так, как у Координатора"
        }));
    }
    Ok(())
}

/// A file's schema: every table, index and trigger with its SQL, in order.
fn schema_of(conn: &Connection) -> StoreResult<Vec<(String, String, String)>> {
    let mut stmt = conn.prepare(
        "SELECT type, name, coalesce(sql, '') FROM sqlite_schema WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY type, name",
    )?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// The schema the migrations make up to `version` (the empty schema for 0).
fn schema_at(version: i64) -> Vec<(String, String, String)> {
    static SCHEMAS: OnceLock<Vec<Vec<(String, String, String)>>> = OnceLock::new();
    let all = SCHEMAS.get_or_init(|| {
        (0..=MIGRATION_LIST.len())
            .map(|v| {
                let mut conn = Connection::open_in_memory().expect("SQLite in memory");
                if v > 0 {
                    MIGRATIONS.to_version(&mut conn, v).expect("embedded migrations");
                }
                schema_of(&conn).expect("schema")
            })
            .collect()
    });
    all.get(version.max(0) as usize).cloned().unwrap_or_default()
}

/// The start of a long text for a label: «Организация методической поддержки…».
pub fn short(text: &str) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    match text.char_indices().nth(40) {
        Some((i, _)) => format!("{}…", text[..i].trim_end()),
        None => text,
    }
}

/// «24 мероприятия»: a number with the noun in the form Russian needs (one, few, many).
pub fn count(n: usize, one: &str, few: &str, many: &str) -> String {
    domain::text::count(n, one, few, many)
}

/// «24 мероприятия».
pub fn events_count(n: usize) -> String {
    count(n, "мероприятие", "мероприятия", "мероприятий")
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

    fn titles(s: &Store) -> Vec<String> {
        s.read()
            .prepare("SELECT title FROM plan ORDER BY id")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect()
    }

    fn add(s: &mut Store, t: &str) {
        s.change(format!("Создана «{t}»"), |tx| {
            tx.execute(
                "INSERT INTO plan (title, period_start, period_end) VALUES (?1, '2023-01-01', '2023-12-31')",
                [t],
            )?;
            Ok(())
        })
        .unwrap()
    }

    #[test]
    fn changes_undo_and_redo_in_order_and_a_new_change_drops_the_redo() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::create(&dir.path().join("k.sqlite3")).unwrap();
        add(&mut store, "А");
        add(&mut store, "Б");
        assert_eq!(store.undo().unwrap().as_deref(), Some("Создана «Б»"));
        assert_eq!(titles(&store), ["А"]);
        assert_eq!(store.redo().unwrap().as_deref(), Some("Создана «Б»"));
        assert_eq!(titles(&store), ["А", "Б"]);
        assert!(store.undo().unwrap().is_some() && store.undo().unwrap().is_some());
        assert!(titles(&store).is_empty());
        assert_eq!(store.undo().unwrap(), None, "nothing more to undo");
        assert!(store.redo().unwrap().is_some());
        add(&mut store, "В");
        assert_eq!(store.redo().unwrap(), None, "a new change drops what was undone");
        assert_eq!(titles(&store), ["А", "В"]);
        // A failed change is no history entry.
        assert!(store
            .change("Сломано", |tx| {
                tx.execute("INSERT INTO plan (title) VALUES ('x')", [])?;
                Ok(())
            })
            .is_err());
        let state = store.history_state().unwrap();
        assert_eq!((state.undo, state.redo, state.next_undo.as_deref()), (2, 0, Some("Создана «В»")));
        // The history is in the file: a restart and a second connection see and undo it.
        drop(store);
        let mut store = Store::open(&dir.path().join("k.sqlite3")).unwrap();
        let other = Store::open(&dir.path().join("k.sqlite3")).unwrap();
        assert_eq!(store.undo().unwrap().as_deref(), Some("Создана «В»"));
        assert_eq!(titles(&other), ["А"]);
    }

    #[test]
    fn a_large_undo_gives_the_space_back() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("k.sqlite3");
        let mut store = Store::create(&file).unwrap();
        store.checkpoint().unwrap();
        let empty = std::fs::metadata(&file).unwrap().len();
        store
            .change("Много", |tx| {
                let text = "мероприятие ".repeat(40);
                for i in 0..25_000 {
                    tx.execute("INSERT INTO plan (title, period_start, period_end) VALUES (?1, '2023-01-01', '2023-12-31')", [format!("{text}{i}")])?;
                }
                Ok(())
            })
            .unwrap();
        store.checkpoint().unwrap();
        let full = std::fs::metadata(&file).unwrap().len();
        assert!(full > empty + (10 << 20), "{full}");
        store.undo().unwrap();
        store.checkpoint().unwrap();
        let after = std::fs::metadata(&file).unwrap().len();
        // The history keeps the undone change (it can be redone): about the size of its rows.
        assert!(after < full * 2 / 3, "{empty} → {full} → {after}");
        assert!(store.redo().unwrap().is_some());
        assert_eq!(titles(&store).len(), 25_000);
    }

    #[test]
    fn nothing_writes_outside_a_change() {
        let store = Store::open_in_memory().unwrap();
        assert!(store.read().execute("DELETE FROM risk_factor", []).is_err());
    }

    #[test]
    fn an_undo_that_meets_a_changed_row_is_refused_whole() {
        let mut store = Store::open_in_memory().unwrap();
        add(&mut store, "А");
        // A change made behind the history's back (another program) to the same row.
        store.writable(|c| Ok(c.execute("UPDATE plan SET title = 'Чужое'", [])?)).unwrap();
        let err = store.undo().unwrap_err().to_string();
        assert!(err.starts_with("Нельзя отменить «Создана «А»»"), "{err}");
        assert_eq!(titles(&store), ["Чужое"]);
        assert_eq!(store.history_state().unwrap().undo, 1);
    }

    #[test]
    fn undo_to_takes_back_every_newer_change() {
        let mut store = Store::open_in_memory().unwrap();
        for t in ["А", "Б", "В", "Г"] {
            add(&mut store, t);
        }
        let b =
            history::list(store.read(), 10).unwrap().into_iter().find(|c| c.label == "Создана «Б»").unwrap();
        store.undo_to(b.id).unwrap();
        assert_eq!(titles(&store), ["А"]);
        let listed = history::list(store.read(), 10).unwrap();
        assert_eq!(listed.iter().filter(|c| c.undone).count(), 3);
        assert_eq!(listed[3].rows[0].what, "дорожные карты");
        assert_eq!(listed[3].rows[0].added, 1);
    }

    #[test]
    fn the_history_keeps_a_bounded_number_of_changes() {
        let mut store = Store::open_in_memory().unwrap();
        for i in 0..(history::HISTORY_LIMIT + 20) {
            add(&mut store, &format!("П{i}"));
        }
        assert_eq!(store.history_state().unwrap().undo as i64, history::HISTORY_LIMIT);
    }

    #[test]
    fn files_that_are_not_ours_are_refused_and_left_byte_identical() {
        let dir = tempfile::tempdir().unwrap();
        let other = dir.path().join("other.db");
        {
            let c = Connection::open(&other).unwrap();
            c.execute_batch(
                "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT); PRAGMA user_version = 7;",
            )
            .unwrap();
        }
        let text = dir.path().join("notes.txt");
        std::fs::write(&text, "просто текст, не база данных").unwrap();
        for path in [&other, &text] {
            let before = std::fs::read(path).unwrap();
            let err = Store::open(path).err().expect("refused").to_string();
            assert!(err.contains("не является файлом данных Координатора"), "{err}");
            assert_eq!(std::fs::read(path).unwrap(), before);
        }
        // A file of a newer version.
        let newer = dir.path().join("newer.sqlite3");
        drop(Store::create(&newer).unwrap());
        Connection::open(&newer).unwrap().pragma_update(None, "user_version", 99).unwrap();
        let err = Store::open(&newer).err().expect("refused").to_string();
        assert!(err.contains("более новой версией"), "{err}");
        // Missing files and folders are not created.
        let missing = dir.path().join("нет").join("k.sqlite3");
        assert!(Store::open(&missing).err().unwrap().to_string().starts_with("Файл данных не найден: "));
        assert!(Store::create(&missing).is_err());
        assert!(!dir.path().join("нет").exists());
    }

    #[test]
    fn a_closed_store_leaves_every_change_in_the_data_file_alone() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("k.sqlite3");
        let mut store = Store::create(&file).unwrap();
        add(&mut store, "А");
        store.checkpoint().unwrap();
        // Copy the data file alone while the store is still open: the copy has the change.
        let copy = dir.path().join("copy.sqlite3");
        std::fs::copy(&file, &copy).unwrap();
        assert_eq!(titles(&Store::open(&copy).unwrap()), ["А"]);
    }

    #[test]
    fn migrations_are_valid() {
        MIGRATIONS.validate().unwrap();
    }

    #[test]
    fn pragmas_are_set_on_every_connection() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::create(&dir.path().join("k.sqlite3")).unwrap();
        let fk: i64 = store.read().query_row("PRAGMA foreign_keys", [], |r| r.get(0)).unwrap();
        let mode: String = store.read().query_row("PRAGMA journal_mode", [], |r| r.get(0)).unwrap();
        let timeout: i64 = store.read().query_row("PRAGMA busy_timeout", [], |r| r.get(0)).unwrap();
        assert_eq!((fk, mode.as_str(), timeout), (1, "wal", 5000));
    }

    #[test]
    fn a_failed_write_leaves_nothing() {
        let mut store = Store::open_in_memory().unwrap();
        let err = store.change("Изменение", |tx| {
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
