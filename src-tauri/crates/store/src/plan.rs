//! The `plan` table: a plan's passport (title, period, issuer, coordinator, goal, tasks). The
//! plan with its sections and events is [`crate::roadmap`]'s.

use domain::{ExecutorKind, Id, Period, Plan, PlanDraft};
use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};

use crate::{executor, StoreError, StoreResult};

/// The table's columns, read by name in [`from_row`].
const COLUMNS: &str =
    "id, title, period_start, period_end, issuer, coordinator_id, goal, tasks, approving_order_id";

pub fn list(conn: &Connection) -> StoreResult<Vec<Plan>> {
    crate::snapshot(conn, |conn| {
        let ids: Vec<Id> = conn
            .prepare("SELECT id FROM plan ORDER BY period_start DESC, id")?
            .query_map([], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        ids.into_iter().map(|id| get(conn, id)).collect()
    })
}

/// A plan's row with its coordinator still an id.
struct PlanRow {
    plan: Plan,
    coordinator_id: Option<Id>,
    tasks: String,
}

fn from_row(r: &Row) -> rusqlite::Result<PlanRow> {
    Ok(PlanRow {
        plan: Plan {
            id: r.get("id")?,
            title: r.get("title")?,
            period: Period { start: r.get("period_start")?, end: r.get("period_end")? },
            issuer: r.get("issuer")?,
            coordinator: None,
            goal: r.get("goal")?,
            tasks: Vec::new(),
            approving_order_id: r.get("approving_order_id")?,
        },
        coordinator_id: r.get("coordinator_id")?,
        tasks: r.get("tasks")?,
    })
}

pub fn get(conn: &Connection, id: Id) -> StoreResult<Plan> {
    let PlanRow { mut plan, coordinator_id, tasks } = conn
        .query_row(&format!("SELECT {COLUMNS} FROM plan WHERE id = ?1"), [id], from_row)
        .optional()?
        .ok_or(StoreError::NotFound { what: "дорожной карты", id })?;
    plan.tasks =
        serde_json::from_str(&tasks).map_err(|e| StoreError::Corrupt(format!("задачи плана № {id}: {e}")))?;
    plan.coordinator = coordinator_id.map(|c| executor::get(conn, c)).transpose()?;
    Ok(plan)
}

pub fn period(conn: &Connection, id: Id) -> StoreResult<Period> {
    conn.prepare_cached("SELECT period_start, period_end FROM plan WHERE id = ?1")?
        .query_row([id], |r| Ok(Period { start: r.get(0)?, end: r.get(1)? }))
        .optional()?
        .ok_or(StoreError::NotFound { what: "дорожной карты", id })
}

pub fn set_approving_order(tx: &Transaction, plan_id: Id, order_id: Option<Id>) -> StoreResult<()> {
    tx.execute("UPDATE plan SET approving_order_id = ?2 WHERE id = ?1", params![plan_id, order_id])?;
    Ok(())
}

/// Writes the plan's period alone; its events are placed again by [`crate::roadmap::set_period`].
pub(crate) fn set_period(tx: &Transaction, plan_id: Id, period: Period) -> StoreResult<()> {
    let n = tx.execute(
        "UPDATE plan SET period_start = ?2, period_end = ?3 WHERE id = ?1",
        params![plan_id, period.start, period.end],
    )?;
    if n == 0 {
        return Err(StoreError::NotFound { what: "дорожной карты", id: plan_id });
    }
    Ok(())
}

/// Creates (`id` = None) or rewrites a plan's row from its form, checked here and nowhere else.
/// The coordinator is found or added among the district's people. The period is written for a
/// new plan only: a changed period places the events again ([`crate::roadmap::save_plan`]).
pub(crate) fn save(tx: &Transaction, id: Option<Id>, d: &PlanDraft) -> StoreResult<Id> {
    if d.title.trim().is_empty() {
        return Err(StoreError::invalid(domain::ErrorField::Title, "Укажите название дорожной карты"));
    }
    if let Err(e) = domain::Period::new(d.period.start, d.period.end) {
        return Err(StoreError::invalid(domain::ErrorField::Period, e.to_string()));
    }
    let coordinator_id = match d.coordinator.as_ref().filter(|c| !c.name.trim().is_empty()) {
        Some(c) => {
            Some(executor::find_or_create(tx, ExecutorKind::Person, &c.name, &c.position, &c.organisation)?)
        }
        None => None,
    };
    let tasks: Vec<&str> = d.tasks.iter().map(|t| t.trim()).filter(|t| !t.is_empty()).collect();
    let tasks = serde_json::to_string(&tasks).map_err(|e| StoreError::Corrupt(e.to_string()))?;
    // A title is one line wherever it is shown (fields, order points, document heads).
    let title = domain::text::one_line(&d.title);
    let (issuer, goal) = (d.issuer.trim(), d.goal.trim());
    match id {
        None => {
            tx.execute(
                "INSERT INTO plan (title, period_start, period_end, issuer, coordinator_id, goal, tasks)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![title, d.period.start, d.period.end, issuer, coordinator_id, goal, tasks],
            )?;
            Ok(tx.last_insert_rowid())
        }
        Some(id) => {
            let n = tx.execute(
                "UPDATE plan SET title = ?2, issuer = ?3, coordinator_id = ?4, goal = ?5, tasks = ?6 WHERE id = ?1",
                params![id, title, issuer, coordinator_id, goal, tasks],
            )?;
            if n == 0 {
                return Err(StoreError::NotFound { what: "дорожной карты", id });
            }
            Ok(id)
        }
    }
}

/// Deletes a plan with its sections and events.
pub fn delete(tx: &Transaction, id: Id) -> StoreResult<()> {
    if tx.execute("DELETE FROM plan WHERE id = ?1", [id])? == 0 {
        return Err(StoreError::NotFound { what: "дорожной карты", id });
    }
    Ok(())
}
