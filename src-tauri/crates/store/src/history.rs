//! The history of changes, kept in the data file (`change_log`).
//!
//! Every change is recorded by SQLite's session extension as a changeset: the rows it inserted,
//! updated and deleted, with their old values. Undo applies the inverse of the newest change,
//! redo applies the oldest undone one again; any conflict (a row no longer as the change left
//! it) refuses the whole undo, so nothing is ever applied halfway. No database copies: an entry
//! costs about the size of the rows it touched.

use domain::{Change, HistoryState, RowCount};
use rusqlite::session::{ChangesetIter, ConflictAction, ConflictType, Session};
use rusqlite::{params, Connection, OptionalExtension, Transaction};

use crate::{StoreError, StoreResult};

/// How many changes the data file keeps (older ones cannot be undone any more).
pub const HISTORY_LIMIT: i64 = 500;

const LOG: &str = "change_log";

/// Starts recording every table but the log itself.
pub(crate) fn record<'c>(tx: &'c Transaction<'_>) -> StoreResult<Session<'c>> {
    let mut session = Session::new(tx)?;
    session.table_filter(Some(|table: &str| table != LOG));
    session.attach(None::<&str>)?;
    Ok(session)
}

/// Writes what `session` recorded as a new entry and drops the redo list; nothing when the
/// change changed nothing.
/// A change as this connection knows it: its id and a hash of what it did (ids are reused once
/// undone entries are dropped, so the id alone could name another process's later change).
pub(crate) type Mark = (i64, u64);

fn mark(id: i64, changeset: &[u8]) -> Mark {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    changeset.hash(&mut h);
    (id, h.finish())
}

pub(crate) fn append(tx: &Transaction, session: &mut Session, label: &str) -> StoreResult<Option<Mark>> {
    if session.is_empty() {
        return Ok(None);
    }
    let mut changeset = Vec::new();
    session.changeset_strm(&mut changeset)?;
    if changeset.is_empty() {
        return Ok(None);
    }
    tx.execute(&format!("DELETE FROM {LOG} WHERE undone = 1"), [])?;
    tx.execute(
        &format!(
            "INSERT INTO {LOG} (label, at, changeset) VALUES (?1, strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime'), ?2)"
        ),
        params![label, changeset],
    )?;
    let newest = tx.last_insert_rowid();
    tx.execute(&format!("DELETE FROM {LOG} WHERE id <= ?1"), [newest - HISTORY_LIMIT])?;
    Ok(Some(mark(newest, &changeset)))
}

/// Which way a step through the history goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Step {
    Undo,
    Redo,
}

/// The entry the next undo (newest done) or redo (oldest undone) would take.
fn next(conn: &Connection, step: Step) -> StoreResult<Option<(i64, String, Vec<u8>)>> {
    let sql = match step {
        Step::Undo => {
            format!("SELECT id, label, changeset FROM {LOG} WHERE undone = 0 ORDER BY id DESC LIMIT 1")
        }
        Step::Redo => format!("SELECT id, label, changeset FROM {LOG} WHERE undone = 1 ORDER BY id LIMIT 1"),
    };
    Ok(conn.query_row(&sql, [], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?))).optional()?)
}

/// Undoes or redoes one change inside `tx`; returns its mark and label, or None when there is none.
///
/// The caller runs this with foreign keys off (SQLite cannot switch them inside a transaction):
/// the changeset already holds every row a cascade touched, so cascading again would delete
/// rows twice. The foreign keys are checked here before the step is kept.
pub(crate) fn step(tx: &Transaction, step: Step, only: Option<i64>) -> StoreResult<Option<(Mark, String)>> {
    let Some((id, label, changeset)) = next(tx, step)? else { return Ok(None) };
    if only.is_some_and(|only| only != id) {
        return Err(StoreError::Conflict(
            "Это изменение уже отменено или после него сделаны другие; отменить его можно в «Журнале»."
                .into(),
        ));
    }
    let done = mark(id, &changeset);
    let changeset = match step {
        Step::Undo => {
            let mut inverse = Vec::new();
            rusqlite::session::invert_strm(&mut changeset.as_slice(), &mut inverse)?;
            inverse
        }
        Step::Redo => changeset,
    };
    let applied = tx.apply_strm(&mut changeset.as_slice(), None::<fn(&str) -> bool>, |_: ConflictType, _| {
        ConflictAction::SQLITE_CHANGESET_ABORT
    });
    let refused = || {
        StoreError::Conflict(format!(
            "Нельзя {} «{label}»: эти записи с тех пор изменены. Ничего не изменено.",
            if step == Step::Undo { "отменить" } else { "повторить" }
        ))
    };
    if let Err(e) = applied {
        return Err(match e.sqlite_error_code() {
            Some(rusqlite::ErrorCode::OperationAborted) | Some(rusqlite::ErrorCode::ConstraintViolation) => {
                refused()
            }
            _ => e.into(),
        });
    }
    let broken: i64 = tx.query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| r.get(0))?;
    if broken > 0 {
        return Err(refused());
    }
    tx.execute(&format!("UPDATE {LOG} SET undone = ?2 WHERE id = ?1"), params![id, step == Step::Undo])?;
    Ok(Some((done, label)))
}

/// The newest `limit` changes, newest first, with what each did.
pub fn list(conn: &Connection, limit: u32) -> StoreResult<Vec<Change>> {
    let mut stmt = conn
        .prepare(&format!("SELECT id, label, at, undone, changeset FROM {LOG} ORDER BY id DESC LIMIT ?1"))?;
    let rows = stmt.query_map([limit], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get(3)?,
            r.get::<_, Vec<u8>>(4)?,
        ))
    })?;
    let mut changes = Vec::new();
    for row in rows {
        let (id, label, at, undone, changeset) = row?;
        changes.push(Change { id, label, at, undone, rows: counts(&changeset)? });
    }
    Ok(changes)
}

/// How deep undo and redo go, and the labels of the next step each way.
pub fn state(conn: &Connection) -> StoreResult<HistoryState> {
    let (undo, redo): (u32, u32) = conn.query_row(
        &format!("SELECT count(*) FILTER (WHERE undone = 0), count(*) FILTER (WHERE undone = 1) FROM {LOG}"),
        [],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    let label = |s| next(conn, s).map(|n| n.map(|(_, label, _)| label));
    let next_undo_id = next(conn, Step::Undo)?.map(|(id, _, _)| id);
    Ok(HistoryState {
        undo,
        redo,
        next_undo: label(Step::Undo)?,
        next_redo: label(Step::Redo)?,
        next_undo_id,
    })
}

/// Counts a changeset's rows by table, in the order the tables were first changed.
fn counts(changeset: &[u8]) -> StoreResult<Vec<RowCount>> {
    use rusqlite::fallible_streaming_iterator::FallibleStreamingIterator;
    let mut input: &[u8] = changeset;
    let reader: &mut dyn std::io::Read = &mut input;
    let mut iter = ChangesetIter::start_strm(&reader)?;
    let mut out: Vec<(String, RowCount)> = Vec::new();
    while let Some(item) = iter.next()? {
        let op = item.op()?;
        let table = op.table_name().to_owned();
        let i = match out.iter().position(|(t, _)| *t == table) {
            Some(i) => i,
            None => {
                let what = table_label(&table).to_owned();
                out.push((table, RowCount { what, added: 0, changed: 0, removed: 0 }));
                out.len() - 1
            }
        };
        let count = &mut out[i].1;
        match op.code() {
            rusqlite::hooks::Action::SQLITE_INSERT => count.added += 1,
            rusqlite::hooks::Action::SQLITE_DELETE => count.removed += 1,
            _ => count.changed += 1,
        }
    }
    Ok(out.into_iter().map(|(_, c)| c).collect())
}

/// A table's records in Russian, for «Журнал изменений».
fn table_label(table: &str) -> &str {
    match table {
        "school" => "школы",
        "school_status" => "категории школ",
        "risk_factor" => "факторы риска",
        "risk_profile" => "профили рисков",
        "executor" => "исполнители",
        "pairing" => "пары наставничества",
        "order" => "приказы",
        "order_point" => "пункты приказов",
        "plan" => "дорожные карты",
        "section" => "разделы",
        "section_school" => "школы разделов",
        "event" => "мероприятия",
        "event_executor" => "исполнители мероприятий",
        "webinar_series" => "циклы вебинаров",
        "webinar" => "вебинары",
        "webinar_speaker" => "выступающие",
        "working_group" => "рабочие группы",
        "working_group_member" => "члены рабочих групп",
        "annex" => "приложения",
        "holiday" => "праздничные дни",
        "setting" => "настройки",
        "event_risk" => "риски мероприятий",
        "result" => "результаты",
        "indicator" => "показатели района",
        "indicator_value" => "значения показателей",
        "school_alias" => "сопоставления названий школ",
        other => other,
    }
}
