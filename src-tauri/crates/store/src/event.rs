//! The `event` table (мероприятия) and its executors. Each event keeps the timeframe text as
//! typed and the value derived from it in the plan's period.

use std::sync::LazyLock;

use domain::{Event, EventDraft, EventStatus, Id, Period, Timeframe};
use rusqlite::{params, params_from_iter, Connection, ToSql, Transaction};

use crate::{corrupt_column, executor, json_column, StoreError, StoreResult};

/// The plan's events in print order (by position).
pub fn list(conn: &Connection, plan_id: Id) -> StoreResult<Vec<Event>> {
    // Read by name: a column added to the table cannot shift the others.
    let mut stmt = conn.prepare(&format!(
        "SELECT id, plan_id, section_id, parent_id, position, number, timeframe, {}
         FROM event WHERE plan_id = ?1 ORDER BY position, id",
        ROW.join(", ")
    ))?;
    let rows = stmt.query_map([plan_id], |r| {
        let status: String = r.get("status")?;
        Ok(Event {
            id: r.get("id")?,
            plan_id: r.get("plan_id")?,
            section_id: r.get("section_id")?,
            parent_id: r.get("parent_id")?,
            position: r.get("position")?,
            number: r.get("number")?,
            content: r.get("content")?,
            timeframe: json_column(r, r.as_ref().column_index("timeframe")?)?,
            place: r.get("place")?,
            executors: Vec::new(),
            result: r.get("result")?,
            evidence: r.get("evidence")?,
            status: EventStatus::from_code(&status).ok_or_else(|| {
                corrupt_column(r.as_ref().column_index("status").unwrap_or(0), format!("статус «{status}»"))
            })?,
            completion_mark: r.get("completion_mark")?,
        })
    })?;
    let mut events: Vec<Event> = rows.collect::<Result<_, _>>()?;
    let mut executors = conn.prepare(&format!(
        "SELECT {} FROM event_executor JOIN executor ON executor.id = event_executor.executor_id
         WHERE event_executor.event_id = ?1 ORDER BY event_executor.position",
        executor::COLUMNS
    ))?;
    for e in &mut events {
        e.executors = executors.query_map([e.id], |r| executor::from_row(r, 0))?.collect::<Result<_, _>>()?;
    }
    Ok(events)
}

/// The columns of an event's row as a person edits them (beside its place in the outline, its
/// timeframe and its executors), in one order for INSERT and UPDATE: [`row_values`].
const ROW: [&str; 6] = ["content", "result", "evidence", "status", "completion_mark", "place"];

/// The draft's values for [`ROW`], as stored: trimmed (the content keeps its leading spaces: an
/// indented first line is as typed).
fn row_values(d: &EventDraft) -> [String; 6] {
    [
        d.content.trim_end().to_owned(),
        d.result.trim().to_owned(),
        d.evidence.trim().to_owned(),
        d.status.code().to_owned(),
        d.completion_mark.trim().to_owned(),
        d.place.trim().to_owned(),
    ]
}

/// Appends an event at the end of the plan at a place in its outline, with its timeframe
/// already read in the plan's period (an import has read it for the preview: no second parse
/// of thousands of texts). Executors new to the district are added.
pub(crate) fn insert(
    tx: &Transaction,
    plan_id: Id,
    (section_id, parent_id): (Option<Id>, Option<Id>),
    number: &str,
    d: &EventDraft,
    tf: &Timeframe,
) -> StoreResult<Id> {
    // Cached statements: an import writes thousands of events through here.
    static SQL: LazyLock<String> = LazyLock::new(|| {
        let values: Vec<String> = (0..ROW.len()).map(|i| format!("?{}", i + 10)).collect();
        format!(
            "INSERT INTO event (plan_id, section_id, parent_id, position, number, timeframe_text, timeframe,
                                timeframe_kind, timeframe_start, timeframe_end, {})
             VALUES (?1, ?2, ?3, (SELECT coalesce(max(position), 0) + 1 FROM event WHERE plan_id = ?1),
                     ?4, ?5, ?6, ?7, ?8, ?9, {})",
            ROW.join(", "),
            values.join(", ")
        )
    });
    let (number, json, kind, row) = (number.trim(), to_json(tf)?, tf.kind.as_str(), row_values(d));
    let mut values: Vec<&dyn ToSql> =
        vec![&plan_id, &section_id, &parent_id, &number, &d.timeframe_text, &json, &kind, &tf.start, &tf.end];
    values.extend(row.iter().map(|v| v as &dyn ToSql));
    tx.prepare_cached(&SQL)?.execute(params_from_iter(values))?;
    let id = tx.last_insert_rowid();
    write_executors(tx, id, &d.executors)?;
    Ok(id)
}

/// The event's executors in their order; people and bodies new to the district are added.
fn write_executors(tx: &Transaction, event_id: Id, executors: &[domain::ExecutorDraft]) -> StoreResult<()> {
    let mut stmt = tx.prepare_cached(
        "INSERT OR IGNORE INTO event_executor (event_id, executor_id, position) VALUES (?1, ?2, ?3)",
    )?;
    for (i, x) in executors.iter().filter(|x| !x.name.trim().is_empty()).enumerate() {
        let id = executor::find_or_create(tx, x.kind, &x.name, &x.position, &x.organisation)?;
        stmt.execute(params![event_id, id, i as i64])?;
    }
    Ok(())
}

/// Rewrites an event from its row: text, timeframe (read in the plan's period), executors
/// (people new to the district are added), place, result, evidence, status and mark.
pub fn update(tx: &Transaction, event_id: Id, d: &EventDraft) -> StoreResult<Timeframe> {
    let tf = set_timeframe(tx, event_id, &d.timeframe_text)?;
    static SQL: LazyLock<String> = LazyLock::new(|| {
        let set: Vec<String> = ROW.iter().enumerate().map(|(i, c)| format!("{c} = ?{}", i + 2)).collect();
        format!("UPDATE event SET {} WHERE id = ?1", set.join(", "))
    });
    let row = row_values(d);
    let mut values: Vec<&dyn ToSql> = vec![&event_id];
    values.extend(row.iter().map(|v| v as &dyn ToSql));
    tx.prepare_cached(&SQL)?.execute(params_from_iter(values))?;
    tx.prepare_cached("DELETE FROM event_executor WHERE event_id = ?1")?.execute([event_id])?;
    write_executors(tx, event_id, &d.executors)?;
    Ok(tf)
}

/// The plan's events whose timeframe is free or carries a warning: the review list.
/// Events whose timeframe is unclear, but for those the coordinator accepted with this text.
pub fn needing_review(conn: &Connection, plan_id: Id) -> StoreResult<Vec<Event>> {
    let accepted: Vec<(Id, String)> = conn
        .prepare("SELECT a.event_id, a.text FROM timeframe_accepted a JOIN event e ON e.id = a.event_id WHERE e.plan_id = ?1")?
        .query_map([plan_id], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<Result<_, _>>()?;
    Ok(list(conn, plan_id)?
        .into_iter()
        .filter(|e| {
            e.timeframe.needs_review()
                && !accepted.iter().any(|(id, t)| *id == e.id && *t == e.timeframe.text)
        })
        .collect())
}

/// Accepts an event's timeframe as it is written («по мере необходимости»): it leaves the review
/// list until its text changes.
pub fn accept_timeframe(tx: &Transaction, event_id: Id) -> StoreResult<()> {
    let text: String = tx
        .query_row("SELECT timeframe_text FROM event WHERE id = ?1", [event_id], |r| r.get(0))
        .map_err(|_| StoreError::NotFound { what: "мероприятия", id: event_id })?;
    tx.execute(
        "INSERT INTO timeframe_accepted (event_id, text) VALUES (?1, ?2) ON CONFLICT (event_id) DO UPDATE SET text = excluded.text",
        rusqlite::params![event_id, text],
    )?;
    Ok(())
}

/// Marks where an event stands: its status, the completion mark (отметка о выполнении) and the
/// document that shows the result.
pub fn set_status(
    tx: &Transaction,
    event_id: Id,
    status: EventStatus,
    completion_mark: &str,
    evidence: &str,
) -> StoreResult<()> {
    let n = tx.execute(
        "UPDATE event SET status = ?2, completion_mark = ?3, evidence = ?4 WHERE id = ?1",
        params![event_id, status.code(), completion_mark.trim(), evidence.trim()],
    )?;
    if n == 0 {
        return Err(StoreError::NotFound { what: "мероприятия", id: event_id });
    }
    Ok(())
}

/// Stores a new timeframe text for an event and what it means in the plan's period.
pub fn set_timeframe(tx: &Transaction, event_id: Id, text: &str) -> StoreResult<Timeframe> {
    // The plan's period, read here rather than through `plan`: the table modules do not call
    // each other (the roadmap module ties them together).
    let period = tx
        .prepare_cached(
            "SELECT p.period_start, p.period_end FROM event e JOIN plan p ON p.id = e.plan_id WHERE e.id = ?1",
        )?
        .query_row([event_id], |r| Ok(Period { start: r.get(0)?, end: r.get(1)? }))
        .map_err(|_| StoreError::NotFound { what: "мероприятия", id: event_id })?;
    let tf = timeframe::parse(text, &period);
    write_timeframe(tx, event_id, &tf)?;
    Ok(tf)
}

/// Places every event of the plan again (after its period changed).
pub(crate) fn reresolve(tx: &Transaction, plan_id: Id, period: &Period) -> StoreResult<()> {
    let texts: Vec<(Id, String)> = tx
        .prepare("SELECT id, timeframe_text FROM event WHERE plan_id = ?1")?
        .query_map([plan_id], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<Result<_, _>>()?;
    for (id, text) in texts {
        write_timeframe(tx, id, &timeframe::parse(&text, period))?;
    }
    Ok(())
}

fn write_timeframe(tx: &Transaction, id: Id, tf: &Timeframe) -> StoreResult<()> {
    tx.prepare_cached(
        "UPDATE event SET timeframe_text = ?2, timeframe = ?3, timeframe_kind = ?4, timeframe_start = ?5, timeframe_end = ?6
         WHERE id = ?1",
    )?
    .execute(params![id, tf.text, to_json(tf)?, tf.kind.as_str(), tf.start, tf.end])?;
    Ok(())
}

fn to_json(tf: &Timeframe) -> StoreResult<String> {
    serde_json::to_string(tf).map_err(|e| StoreError::Corrupt(e.to_string()))
}

/// How an event is named in the history of changes: «мероприятия 2.3», or by the start of
/// its content when it has no number.
pub fn label(conn: &Connection, event_id: Id) -> String {
    let row: Option<(String, String)> = conn
        .query_row("SELECT number, content FROM event WHERE id = ?1", [event_id], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .ok();
    match row {
        Some((number, _)) if !number.trim().is_empty() => format!("мероприятия {}", number.trim()),
        Some((_, content)) if !content.trim().is_empty() => {
            format!("мероприятия «{}»", crate::short(&content))
        }
        _ => "мероприятия".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{roadmap, Store};

    fn plan(store: &mut Store) -> Id {
        let draft = domain::PlanDraft {
            title: "Дорожная карта".into(),
            period: "2022-09-01..2023-08-31".parse().unwrap(),
            issuer: String::new(),
            coordinator: None,
            goal: String::new(),
            tasks: vec!["Первая задача".into()],
        };
        store.change("Изменение", |tx| roadmap::save_plan(tx, None, &draft)).unwrap()
    }

    fn new_event(text: &str) -> EventDraft {
        EventDraft {
            content: "Заседание рабочей группы".into(),
            timeframe_text: text.into(),
            evidence: "Протокол".into(),
            ..EventDraft::default()
        }
    }

    /// Appends `e` numbered «1.» at the end of the plan, read in its period.
    fn add(tx: &Transaction, plan_id: Id, e: &EventDraft) -> StoreResult<Id> {
        let tf = timeframe::parse(&e.timeframe_text, &crate::plan::period(tx, plan_id)?);
        insert(tx, plan_id, (None, None), "1.", e, &tf)
    }

    #[test]
    fn the_place_is_kept_and_edited() {
        let mut store = Store::open_in_memory().unwrap();
        let p = plan(&mut store);
        let id = store
            .change("Изменение", |tx| {
                add(
                    tx,
                    p,
                    &EventDraft {
                        place: " МБОУ СОШ № 5, актовый зал ".into(), ..new_event("март 2023")
                    },
                )
            })
            .unwrap();
        let e = list(store.read(), p).unwrap().remove(0);
        assert_eq!(e.place, "МБОУ СОШ № 5, актовый зал");
        let draft = EventDraft { place: "онлайн".into(), ..e.draft() };
        store.change("Изменение", |tx| update(tx, id, &draft)).unwrap();
        assert_eq!(list(store.read(), p).unwrap()[0].place, "онлайн");
    }

    #[test]
    fn keeps_the_text_and_its_value() {
        let mut store = Store::open_in_memory().unwrap();
        let p = plan(&mut store);
        store.change("Изменение", |tx| add(tx, p, &new_event("до 10 марта 2023 г."))).unwrap();
        let e = &list(store.read(), p).unwrap()[0];
        assert_eq!(e.timeframe.text, "до 10 марта 2023 г.");
        assert_eq!(e.timeframe.end.unwrap().to_string(), "2023-03-10");
        let end: String =
            store.read().query_row("SELECT timeframe_end FROM event", [], |r| r.get(0)).unwrap();
        assert_eq!(end, "2023-03-10");
    }

    #[test]
    fn changing_the_period_places_events_again() {
        let mut store = Store::open_in_memory().unwrap();
        let p = plan(&mut store);
        store.change("Изменение", |tx| add(tx, p, &new_event("март"))).unwrap();
        assert_eq!(list(store.read(), p).unwrap()[0].timeframe.start.unwrap().to_string(), "2023-03-01");
        store
            .change("Изменение", |tx| {
                roadmap::set_period(tx, p, "2023-09-01..2024-08-31".parse().unwrap())
            })
            .unwrap();
        let e = &list(store.read(), p).unwrap()[0];
        assert_eq!(e.timeframe.start.unwrap().to_string(), "2024-03-01");
        assert_eq!(e.timeframe.text, "март");
    }

    #[test]
    fn an_unreadable_timeframe_is_kept_as_free() {
        let mut store = Store::open_in_memory().unwrap();
        let p = plan(&mut store);
        let id = store.change("Изменение", |tx| add(tx, p, &new_event("по мере необходимости"))).unwrap();
        // Accepted as it is: out of the review list until its text changes.
        assert_eq!(needing_review(store.read(), p).unwrap().len(), 1);
        store.change("Принят", |tx| accept_timeframe(tx, id)).unwrap();
        assert!(needing_review(store.read(), p).unwrap().is_empty());
        let tf = store.change("Изменение", |tx| set_timeframe(tx, id, "до 15 апреля марта 2023 г.")).unwrap();
        assert!(tf.needs_review());
        let e = &list(store.read(), p).unwrap()[0];
        assert_eq!(e.timeframe.text, "до 15 апреля марта 2023 г.");
        assert_eq!(e.timeframe.kind, domain::TimeframeKind::Free);
        // A new text needs review again.
        assert_eq!(needing_review(store.read(), p).unwrap().len(), 1);
    }

    #[test]
    fn marking_an_event_done_keeps_the_mark() {
        let mut store = Store::open_in_memory().unwrap();
        let p = plan(&mut store);
        let id = store.change("Изменение", |tx| add(tx, p, &new_event("март"))).unwrap();
        store
            .change("Изменение", |tx| {
                set_status(tx, id, EventStatus::Done, " выполнено ", " Протокол № 1 от 15.03.2023 ")
            })
            .unwrap();
        let e = &list(store.read(), p).unwrap()[0];
        assert_eq!((e.status, e.completion_mark.as_str()), (EventStatus::Done, "выполнено"));
        assert_eq!(e.evidence, "Протокол № 1 от 15.03.2023");
    }

    #[test]
    fn deleting_a_plan_deletes_its_events_and_links() {
        let mut store = Store::open_in_memory().unwrap();
        let p = plan(&mut store);
        let mut e = new_event("март");
        e.executors = vec![domain::ExecutorDraft {
            kind: domain::ExecutorKind::Person,
            name: "Баркалова Е.В.".into(),
            position: "муниципальный координатор".into(),
            organisation: String::new(),
        }];
        store.change("Изменение", |tx| add(tx, p, &e)).unwrap();
        store.change("Изменение", |tx| Ok(tx.execute("DELETE FROM plan WHERE id = ?1", [p])?)).unwrap();
        let n: i64 = store
            .read()
            .query_row(
                "SELECT (SELECT count(*) FROM event) + (SELECT count(*) FROM event_executor)",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(n, 0);
    }
}
