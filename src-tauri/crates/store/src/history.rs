//! The history of changes, kept in the data file (`change_log`).
//!
//! Every change is recorded by SQLite's session extension as a changeset: the rows it inserted,
//! updated and deleted, with their old values. Undo applies the inverse of the newest change,
//! redo applies the oldest undone one again; any conflict (a row no longer as the change left
//! it) refuses the whole undo, so nothing is ever applied halfway. No database copies: an entry
//! costs about the size of the rows it touched.

use domain::{Change, FieldEdit, HistoryState, RowCount};
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
        let edits = edits(conn, &changeset)?;
        changes.push(Change { id, label, at, undone, rows: counts(&changeset)?, edits });
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

/// How many values a change's entry in the journal shows.
const EDITS_SHOWN: usize = 6;

/// The values a changeset's updates changed, old → new, as the journal shows them: only the
/// columns a person types (texts, dates, states), never ids, positions or computed ones.
fn edits(conn: &Connection, changeset: &[u8]) -> StoreResult<Vec<FieldEdit>> {
    use rusqlite::fallible_streaming_iterator::FallibleStreamingIterator;
    let mut input: &[u8] = changeset;
    let reader: &mut dyn std::io::Read = &mut input;
    let mut iter = ChangesetIter::start_strm(&reader)?;
    let mut columns: std::collections::HashMap<String, Vec<String>> = std::collections::HashMap::new();
    let mut out = Vec::new();
    while let Some(item) = iter.next()? {
        let op = item.op()?;
        if op.code() != rusqlite::hooks::Action::SQLITE_UPDATE {
            continue;
        }
        let table = op.table_name().to_owned();
        if !columns.contains_key(&table) {
            let names = conn
                .prepare("SELECT name FROM pragma_table_info(?1) ORDER BY cid")?
                .query_map([&table], |r| r.get::<_, String>(0))?
                .collect::<Result<Vec<_>, _>>()?;
            columns.insert(table.clone(), names);
        }
        let names = &columns[&table];
        for i in 0..op.number_of_columns() as usize {
            let Some(what) = names.get(i).and_then(|c| field_label(&table, c)) else { continue };
            let (Ok(new), Ok(old)) = (item.new_value(i), item.old_value(i)) else { continue };
            if matches!(new, rusqlite::types::ValueRef::Null)
                && matches!(old, rusqlite::types::ValueRef::Null)
            {
                continue; // unchanged: a changeset gives no new value for it
            }
            let shown = |v: rusqlite::types::ValueRef| shown_value(&names[i], v);
            let edit = FieldEdit::new(what, shown(old), shown(new));
            if edit.old != edit.new {
                out.push(edit);
            }
            if out.len() == EDITS_SHOWN {
                return Ok(out);
            }
        }
    }
    Ok(out)
}

/// A value as the journal shows it: a status by its Russian name, long text cut short.
fn shown_value(column: &str, v: rusqlite::types::ValueRef) -> String {
    use rusqlite::types::ValueRef;
    let text = match v {
        ValueRef::Null => return domain::history::EMPTY.to_owned(),
        ValueRef::Integer(n) => n.to_string(),
        ValueRef::Real(x) => x.to_string(),
        ValueRef::Text(t) => String::from_utf8_lossy(t).into_owned(),
        ValueRef::Blob(_) => return "…".to_owned(),
    };
    if column == "status" {
        if let Some(s) = domain::EventStatus::from_code(&text) {
            return s.label().to_owned();
        }
    }
    if text.trim().is_empty() {
        return domain::history::EMPTY.to_owned();
    }
    crate::short(&text)
}

/// The Russian name of a column a person types, by table; None for the rest.
fn field_label(table: &str, column: &str) -> Option<&'static str> {
    if table == "event" {
        // The roadmap's columns by their row field's name; the state is not a column.
        if let Some(c) = domain::Column::ALL.into_iter().find(|c| c.field() == Some(column)) {
            return Some(c.journal());
        }
    }
    Some(match (table, column) {
        ("event", "status") => "состояние мероприятия",
        ("school", "name") => "полное название школы",
        ("school", "short_name") => "краткое название школы",
        ("school", "director") => "директор",
        ("school", "address") => "адрес",
        ("school", "phone") => "телефон",
        ("school", "email") => "электронная почта",
        ("school", "code") => "логин ФИС ОКО",
        ("school", "inn") => "ИНН",
        ("plan", "title") => "название дорожной карты",
        ("plan", "period_start") => "начало периода",
        ("plan", "period_end") => "конец периода",
        ("plan", "issuer") => "кто утверждает",
        ("plan", "goal") => "цель",
        ("section", "title") => "название раздела",
        ("section", "goal") => "цель раздела",
        ("webinar", "date") => "дата вебинара",
        ("webinar", "start_time") => "время вебинара",
        ("webinar", "topic") => "тема вебинара",
        ("webinar", "link") => "ссылка на вебинар",
        ("order", "date") => "дата приказа",
        ("order", "number") => "номер приказа",
        ("order", "title") => "заголовок приказа",
        ("order", "issuer") => "кто издаёт",
        ("order", "signatory_name") => "подпись",
        ("order", "signatory_position") => "должность подписывающего",
        ("pairing", "start_date") => "начало наставничества",
        ("pairing", "end_date") => "конец наставничества",
        ("pairing", "basis_order") => "основание (приказ)",
        ("pairing", "note") => "примечание",
        ("region_district", "made_at") => "пакет района от",
        _ => return None,
    })
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
        "region_district" => "районы",
        "region_package" => "пакеты районов",
        other => other,
    }
}

#[cfg(test)]
mod edit_tests {
    use crate::Store;

    /// Every column of an event a person edits has its Russian name in the journal: a column
    /// added without one would change silently there (the place of the outline and the
    /// timeframe's derived values are not typed, so not named).
    #[test]
    fn every_typed_event_column_has_a_name_in_the_journal() {
        let store = Store::open_in_memory().unwrap();
        let columns: Vec<String> = store
            .read()
            .prepare("SELECT name FROM pragma_table_info('event')")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        const NOT_TYPED: [&str; 10] = [
            "id",
            "plan_id",
            "section_id",
            "parent_id",
            "position",
            "number",
            "timeframe",
            "timeframe_kind",
            "timeframe_start",
            "timeframe_end",
        ];
        for c in columns.iter().filter(|c| !NOT_TYPED.contains(&c.as_str())) {
            assert!(super::field_label("event", c).is_some(), "event.{c} has no name in the journal");
        }
    }

    #[test]
    fn the_journal_says_what_a_change_changed_from_and_to() {
        let mut store = Store::open_in_memory().unwrap();
        let event = store
            .change("План", |tx| {
                tx.execute("INSERT INTO plan (title, period_start, period_end) VALUES ('П', '2023-01-01', '2023-12-31')", [])?;
                let id = crate::roadmap::add_event(tx, 1, None, None)?;
                crate::event::set_timeframe(tx, id, "Февраль 2023 г.")?;
                Ok(id)
            })
            .unwrap();
        store
            .change("Срок и отметка", |tx| {
                crate::event::set_timeframe(tx, event, "Март 2023 г.")?;
                crate::event::set_status(tx, event, domain::EventStatus::Done, "Проведено", "")
            })
            .unwrap();
        let newest = &super::list(store.read(), 1).unwrap()[0];
        let edits: Vec<(&str, &str, &str)> =
            newest.edits.iter().map(|e| (e.what.as_str(), e.old.as_str(), e.new.as_str())).collect();
        assert_eq!(
            edits,
            [
                ("срок мероприятия", "Февраль 2023 г.", "Март 2023 г."),
                ("состояние мероприятия", "запланировано", "выполнено"),
                ("отметка о выполнении", "пусто", "Проведено"),
            ]
        );
        assert_eq!(newest.edits[0].text, "срок мероприятия: «Февраль 2023 г.» → «Март 2023 г.»");
        assert_eq!(newest.edits[2].text, "отметка о выполнении: пусто → «Проведено»");
        // An insert says what it added, not old → new.
        assert!(super::list(store.read(), 2).unwrap()[1].edits.is_empty());
    }
}
