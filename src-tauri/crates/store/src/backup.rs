//! Backups of the data file: consistent dated copies (`VACUUM INTO`, safe under WAL and while
//! other connections write) in the folder «Резервные копии» beside the data file, rotated so
//! that every backup of the last day, the newest of each of the last 14 days and the newest of
//! each of the last 12 months are kept.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use rusqlite::Connection;

pub use domain::{Backup, BackupKind};

use crate::{Store, StoreError, StoreResult};

pub const FOLDER: &str = "Резервные копии";
/// The start of the name of a backup's checked copy, made beside the backups during a restore.
const CHECKED_COPY: &str = ".проверка-копии-";
const DAYS_KEPT: usize = 14;
const MONTHS_KEPT: usize = 12;

/// The folder with the backups of `data_file`.
pub fn folder(data_file: &Path) -> PathBuf {
    data_file.parent().unwrap_or(Path::new(".")).join(FOLDER)
}

/// The start of the names of `data_file`'s backups: its stem for the usual «.sqlite3» (as
/// before), else its whole name — «k.db» and «k.sqlite3» in one folder keep apart.
fn stem(data_file: &Path) -> String {
    let name = |p: Option<&std::ffi::OsStr>| p.map(|s| s.to_string_lossy().into_owned());
    let usual = data_file.extension().is_some_and(|e| e == "sqlite3");
    let stem = if usual { name(data_file.file_stem()) } else { name(data_file.file_name()) };
    stem.unwrap_or_else(|| "koordinator".into())
}

/// The backups of `data_file`, newest first.
pub fn list(data_file: &Path) -> StoreResult<Vec<Backup>> {
    let dir = folder(data_file);
    let prefix = format!("{}-", stem(data_file));
    let Ok(entries) = std::fs::read_dir(&dir) else { return Ok(Vec::new()) };
    let mut out: Vec<(Option<std::time::SystemTime>, Backup)> = entries
        .filter_map(Result::ok)
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            let stamp = name.strip_prefix(&prefix)?.strip_suffix(".sqlite3")?;
            let at = at_of(stamp)?;
            let meta = e.metadata().ok()?;
            if !meta.is_file() {
                return None;
            }
            let kind = kind_of(stamp);
            let made = meta.modified().ok();
            Some((
                made,
                Backup {
                    path: e.path().display().to_string(),
                    at,
                    size: meta.len(),
                    kind,
                    label: kind.label().into(),
                },
            ))
        })
        .collect::<Vec<_>>()
        .into_iter()
        .collect();
    // Newest first; two of the same second by when the file was written.
    out.sort_by(|(ma, a), (mb, b)| b.at.cmp(&a.at).then(mb.cmp(ma)).then(b.path.cmp(&a.path)));
    Ok(out.into_iter().map(|(_, b)| b).collect())
}

/// The kind a backup's name says (names without one are manual ones of earlier versions).
fn kind_of(stamp: &str) -> BackupKind {
    let rest = stamp.get(19..).unwrap_or_default();
    BackupKind::ALL
        .into_iter()
        .find(|k| !k.suffix().is_empty() && rest.contains(k.suffix()))
        .unwrap_or(BackupKind::Manual)
}

/// «2026-12-01_14-05-09» → «2026-12-01T14:05:09».
fn at_of(stamp: &str) -> Option<String> {
    let (date, time) = stamp.get(..19)?.split_once('_')?;
    let ok = date.len() == 10
        && time.len() == 8
        && stamp[..19].chars().all(|c| c.is_ascii_digit() || "-_".contains(c));
    ok.then(|| format!("{date}T{}", time.replace('-', ":")))
}

impl Store {
    /// Makes a backup now and rotates the old ones; returns the new one.
    pub fn backup(&mut self) -> StoreResult<Backup> {
        self.backup_as(BackupKind::Manual)
    }

    fn backup_as(&mut self, kind: BackupKind) -> StoreResult<Backup> {
        let data_file =
            self.path().ok_or_else(|| StoreError::Corrupt("нет файла данных".into()))?.to_path_buf();
        let dir = folder(&data_file);
        std::fs::create_dir_all(&dir).map_err(|e| io("папку резервных копий", &dir, e))?;
        remove_stale_parts(&dir);
        let stamp: String =
            self.read()
                .query_row("SELECT strftime('%Y-%m-%d_%H-%M-%S', 'now', 'localtime')", [], |r| r.get(0))?;
        let stem = stem(&data_file);
        let suffix = kind.suffix();
        let mut path = dir.join(format!("{stem}-{stamp}{suffix}.sqlite3"));
        let mut n = 1;
        while path.exists() {
            n += 1;
            path = dir.join(format!("{stem}-{stamp}{suffix}-{n}.sqlite3"));
        }
        // A name of its own per process: two programs backing up at once never share it.
        let part = dir.join(format!("{stem}-{stamp}-{}-{n}.part", std::process::id()));
        let _ = std::fs::remove_file(&part);
        let made = self.writable(|conn| Ok(conn.execute("VACUUM INTO ?1", [part.to_string_lossy()])?));
        if let Err(e) =
            made.and_then(|_| std::fs::rename(&part, &path).map_err(|e| io("резервную копию", &path, e)))
        {
            let _ = std::fs::remove_file(&part);
            return Err(e);
        }
        rotate(&data_file)?;
        let size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
        Ok(Backup {
            path: path.display().to_string(),
            at: at_of(&stamp).unwrap_or(stamp),
            size,
            kind,
            label: kind.label().into(),
        })
    }

    /// The day's first backup, if today has none yet (called at start); a new empty data file
    /// has nothing to keep.
    pub fn daily_backup(&mut self) -> StoreResult<Option<Backup>> {
        let Some(data_file) = self.path().map(Path::to_path_buf) else { return Ok(None) };
        let today: String = self.read().query_row("SELECT date('now', 'localtime')", [], |r| r.get(0))?;
        if self.is_empty()? || list(&data_file)?.iter().any(|b| b.at.starts_with(&today)) {
            return Ok(None);
        }
        self.backup_as(BackupKind::Daily).map(Some)
    }

    /// Replaces the whole district with the backup `from`, after backing up the current state
    /// (returned: restoring it takes this restore back). The backup is checked first, on a
    /// copy: a file that is not a whole, readable data file of Koordinator with a district in
    /// it changes nothing and is refused, saying what is wrong with it.
    pub fn restore(&mut self, from: &Path) -> StoreResult<Backup> {
        let data_file =
            self.path().ok_or_else(|| StoreError::Corrupt("нет файла данных".into()))?.to_path_buf();
        let dir = folder(&data_file);
        std::fs::create_dir_all(&dir).map_err(|e| io("папку резервных копий", &dir, e))?;
        let checked = verified_copy(from, &dir)?;
        let source = Connection::open_with_flags(checked.path(), rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)?;
        let before = self.backup_as(BackupKind::BeforeRestore)?;
        // One step copies every page in one write transaction: all of the copy or none of it.
        self.writable(|conn| {
            let backup = rusqlite::backup::Backup::new(&source, conn)?;
            match backup.step(-1)? {
                rusqlite::backup::StepResult::Done => Ok(()),
                _ => Err(rusqlite::Error::SqliteFailure(
                    rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_BUSY),
                    None,
                )
                .into()),
            }
        })?;
        Ok(before)
    }
}

/// Checks a backup before it may replace the data file, on a migrated copy in `dir` (deleted
/// when dropped): a regular, non-empty SQLite file of Koordinator (its id, or from before the
/// id its exact schema), of a version this program knows, whole (integrity_check), its links
/// intact (foreign_key_check), holding at least one school or plan.
fn verified_copy(from: &Path, dir: &Path) -> StoreResult<tempfile::NamedTempFile> {
    let shown = from.display().to_string();
    let refuse = |reason: &str| StoreError::BadBackup { path: shown.clone(), reason: reason.to_owned() };
    let meta = std::fs::metadata(from).map_err(|_| StoreError::Missing { path: shown.clone() })?;
    if !meta.is_file() {
        return Err(refuse("это не файл резервной копии"));
    }
    if meta.len() == 0 {
        return Err(refuse("файл пуст — это не резервная копия"));
    }
    crate::check_ours(from).map_err(|e| match e {
        StoreError::Foreign { reason, .. } => refuse(&reason),
        StoreError::Newer { .. } => {
            refuse("она сделана более новой версией Координатора; обновите программу")
        }
        StoreError::Open { .. } | StoreError::Sqlite(_) => refuse("копия повреждена: её данные не читаются"),
        other => other,
    })?;
    let damaged = |_| refuse("копия повреждена: её данные не читаются целиком");
    let source =
        Connection::open_with_flags(from, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY).map_err(damaged)?;
    let problems: Vec<String> = source
        .prepare("PRAGMA integrity_check(5)")
        .and_then(|mut s| s.query_map([], |r| r.get(0))?.collect())
        .map_err(damaged)?;
    if problems != ["ok"] {
        return Err(refuse("копия повреждена: проверка целостности SQLite нашла ошибки"));
    }
    let copy = tempfile::Builder::new()
        .prefix(CHECKED_COPY)
        .suffix(".sqlite3")
        .tempfile_in(dir)
        .map_err(|e| io("проверочную копию", dir, e))?;
    let mut conn = Connection::open(copy.path())?;
    rusqlite::backup::Backup::new(&source, &mut conn)?
        .run_to_completion(1000, std::time::Duration::ZERO, None)
        .map_err(damaged)?;
    drop(source);
    // An older copy predates migrations: brought to this version here, never in the data file.
    crate::MIGRATIONS
        .to_latest(&mut conn)
        .map_err(|_| refuse("копию не удалось привести к этой версии программы"))?;
    let problems: Vec<String> = conn
        .prepare("PRAGMA integrity_check(5)")
        .and_then(|mut s| s.query_map([], |r| r.get(0))?.collect())
        .map_err(damaged)?;
    if problems != ["ok"] {
        return Err(refuse("копия повреждена: проверка целостности SQLite нашла ошибки"));
    }
    let broken: i64 =
        conn.query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| r.get(0)).map_err(damaged)?;
    if broken > 0 {
        return Err(refuse("копия повреждена: в ней есть ссылки на несуществующие записи"));
    }
    let held: i64 = conn.query_row(crate::HELD, [], |r| r.get(0)).map_err(damaged)?;
    if held == 0 {
        return Err(refuse("в копии нет ни одной школы, дорожной карты или района — восстанавливать нечего"));
    }
    conn.pragma_update(None, "application_id", crate::APPLICATION_ID)?;
    Ok(copy)
}

/// Deletes `.part` files and checked copies left by backups and restores that were interrupted
/// (a killed process) more than an hour ago; one running now in another process is younger.
fn remove_stale_parts(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for e in entries.flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        let is_part = name.ends_with(".part") || name.starts_with(CHECKED_COPY);
        let old = e
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age > std::time::Duration::from_secs(3600));
        if is_part && old {
            let _ = std::fs::remove_file(e.path());
        }
    }
}

fn io(what: &str, path: &Path, e: std::io::Error) -> StoreError {
    StoreError::Open {
        path: path.display().to_string(),
        reason: format!("не удалось записать {what}: {}", crate::io_message(&e)),
    }
}

/// Deletes the backups the rotation no longer keeps.
fn rotate(data_file: &Path) -> StoreResult<()> {
    let all = list(data_file)?;
    let Some(newest) = all.first().map(|b| b.at.clone()) else { return Ok(()) };
    let keep = kept(&all.iter().map(|b| b.at.as_str()).collect::<Vec<_>>(), &newest);
    for (b, keep) in all.iter().zip(keep) {
        if !keep {
            let _ = std::fs::remove_file(&b.path);
        }
    }
    Ok(())
}

/// Which of the backups made at `ats` (newest first) are kept: those of the newest backup's
/// day, the newest of each of the last 14 days and of each of the last 12 months.
fn kept(ats: &[&str], newest: &str) -> Vec<bool> {
    let mut days = BTreeSet::new();
    let mut months = BTreeSet::new();
    ats.iter()
        .map(|at| {
            let (day, month) = (&at[..10], &at[..7]);
            let same_day = day == &newest[..10];
            let new_day = days.len() < DAYS_KEPT && days.insert(day.to_owned());
            let new_month = months.len() < MONTHS_KEPT && months.insert(month.to_owned());
            same_day || new_day || new_month
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rotation_keeps_the_day_fourteen_days_and_twelve_months() {
        let mut ats = Vec::new();
        for m in (1..=12).rev() {
            for d in (1..=28).rev() {
                ats.push(format!("2025-{m:02}-{d:02}T10:00:00"));
                ats.push(format!("2025-{m:02}-{d:02}T09:00:00"));
            }
        }
        ats.insert(0, "2025-12-28T11:00:00".into());
        ats.extend((1..=12).rev().map(|m| format!("2024-{m:02}-28T10:00:00")));
        let refs: Vec<&str> = ats.iter().map(String::as_str).collect();
        let keep = kept(&refs, refs[0]);
        let kept: Vec<&str> = refs.iter().zip(&keep).filter(|(_, k)| **k).map(|(a, _)| *a).collect();
        // Today's three, then one per day for 13 more days, then one per month back to January.
        assert_eq!(&kept[..3], ["2025-12-28T11:00:00", "2025-12-28T10:00:00", "2025-12-28T09:00:00"]);
        assert_eq!(kept[3], "2025-12-27T10:00:00");
        assert_eq!(kept[15], "2025-12-15T10:00:00");
        assert!(kept.contains(&"2025-01-28T10:00:00"));
        assert!(!kept.iter().any(|a| a.starts_with("2024")), "12 months only: {kept:?}");
        assert_eq!(kept.len(), 3 + 13 + 11);
    }

    #[test]
    fn a_backup_is_a_whole_data_file_and_restore_brings_it_back() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("район.sqlite3");
        let mut store = Store::create(&file).unwrap();
        store
            .change("Создана дорожная карта", |tx| {
                tx.execute("INSERT INTO plan (title, period_start, period_end) VALUES ('П', '2023-01-01', '2023-12-31')", [])?;
                Ok(())
            })
            .unwrap();
        let first = store.backup().unwrap();
        assert!(first.path.contains(FOLDER) && first.size > 0, "{first:?}");
        assert!(store.daily_backup().unwrap().is_none(), "today has one already");
        let plans = |s: &Store| crate::plan::list(s.read()).unwrap().len();
        store.change("Удалена дорожная карта", |tx| crate::plan::delete(tx, 1)).unwrap();
        assert_eq!(plans(&store), 0);
        let before = store.restore(Path::new(&first.path)).unwrap();
        assert_eq!(plans(&store), 1);
        assert_eq!(list(&file).unwrap().len(), 2, "the state before the restore is kept");
        // The copy made before the restore holds the deletion.
        let copy = Store::open(Path::new(&before.path)).unwrap();
        assert_eq!(plans(&copy), 0);
    }
}
