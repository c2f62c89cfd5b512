//! The `executor` table: people and bodies responsible for events.

use domain::{Executor, ExecutorKind, Id};
use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};

use crate::{StoreError, StoreResult};

pub(crate) const COLUMNS: &str =
    "executor.id, executor.kind, executor.name, executor.position, executor.organisation";

/// Reads an executor from the five [`COLUMNS`] starting at `at`.
pub(crate) fn from_row(r: &Row, at: usize) -> rusqlite::Result<Executor> {
    let kind: String = r.get(at + 1)?;
    Ok(Executor {
        id: r.get(at)?,
        kind: if kind == "body" { ExecutorKind::Body } else { ExecutorKind::Person },
        name: r.get(at + 2)?,
        position: r.get(at + 3)?,
        organisation: r.get(at + 4)?,
    })
}

/// The district's people and bodies, by name.
pub fn list(conn: &Connection) -> StoreResult<Vec<Executor>> {
    let mut stmt = conn.prepare(&format!("SELECT {COLUMNS} FROM executor ORDER BY name, position"))?;
    let rows = stmt.query_map([], |r| from_row(r, 0))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// The people and bodies some event or webinar names, by name: what a filter offers (a typo
/// corrected in the editor, or an executor no event names any more, leaves the lists).
pub fn in_use(conn: &Connection) -> StoreResult<Vec<Executor>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {COLUMNS} FROM executor WHERE id IN (SELECT executor_id FROM event_executor \
         UNION SELECT executor_id FROM webinar_speaker) ORDER BY name, position"
    ))?;
    let rows = stmt.query_map([], |r| from_row(r, 0))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

pub fn get(conn: &Connection, id: Id) -> StoreResult<Executor> {
    conn.query_row(&format!("SELECT {COLUMNS} FROM executor WHERE id = ?1"), [id], |r| from_row(r, 0))
        .optional()?
        .ok_or(StoreError::NotFound { what: "исполнителя", id })
}

/// The executor with this kind, name and position; created if the district does not know it yet.
pub fn find_or_create(
    tx: &Transaction,
    kind: ExecutorKind,
    name: &str,
    position: &str,
    organisation: &str,
) -> StoreResult<Id> {
    let (name, position) = (name.trim(), position.trim());
    if name.is_empty() {
        return Err(StoreError::invalid(domain::ErrorField::Executors, "Укажите имя исполнителя"));
    }
    let kind = match kind {
        ExecutorKind::Person => "person",
        ExecutorKind::Body => "body",
    };
    tx.prepare_cached(
        "INSERT INTO executor (kind, name, position, organisation) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (kind, name, position) DO NOTHING",
    )?
    .execute(params![kind, name, position, organisation.trim()])?;
    Ok(tx
        .prepare_cached("SELECT id FROM executor WHERE kind = ?1 AND name = ?2 AND position = ?3")?
        .query_row(params![kind, name, position], |r| r.get(0))?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Store;

    #[test]
    fn the_same_person_is_found_not_created_twice_and_listed_by_name() {
        let mut store = Store::open_in_memory().unwrap();
        let person = |tx: &Transaction, name: &str| {
            find_or_create(tx, ExecutorKind::Person, name, "директор", "МОБУ СОШ № 2")
        };
        let a = store.change("Изменение", |tx| person(tx, " Яковлева О.П. ")).unwrap();
        let b = store.change("Изменение", |tx| person(tx, "Яковлева О.П.")).unwrap();
        store.change("Изменение", |tx| person(tx, "Андреева Т.Н.")).unwrap();
        assert_eq!(a, b);
        let names: Vec<String> = list(store.read()).unwrap().into_iter().map(|e| e.name).collect();
        assert_eq!(names, ["Андреева Т.Н.", "Яковлева О.П."]);
        assert!(matches!(store.change("Изменение", |tx| person(tx, "  ")), Err(StoreError::Invalid { .. })));
    }

    #[test]
    fn only_executors_some_event_names_are_in_use() {
        let mut store = Store::open_in_memory().unwrap();
        store
            .change("Изменение", |tx| {
                tx.execute("INSERT INTO plan (title, period_start, period_end) VALUES ('П', '2023-01-01', '2023-12-31')", [])?;
                let event = crate::roadmap::add_event(tx, 1, None, None)?;
                let named = find_or_create(tx, ExecutorKind::Person, "Баркалова Е.В.", "", "")?;
                find_or_create(tx, ExecutorKind::Person, "Барклова Е.В.", "", "")?; // a typo, corrected since
                tx.execute("INSERT INTO event_executor (event_id, executor_id, position) VALUES (?1, ?2, 0)", [event, named])?;
                Ok(())
            })
            .unwrap();
        let names: Vec<String> = in_use(store.read()).unwrap().into_iter().map(|e| e.name).collect();
        assert_eq!(names, ["Баркалова Е.В."]);
        assert_eq!(list(store.read()).unwrap().len(), 2);
    }
}
