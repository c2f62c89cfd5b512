//! The `plan` table, and the roadmap read as a whole (plan, sections, events).

use domain::{ExecutorKind, Id, Period, Plan, PlanDraft, Roadmap};
use rusqlite::{params, Connection, OptionalExtension, Transaction};

use crate::{event, executor, section, StoreError, StoreResult};

/// What the user gives for a plan.
#[derive(Debug, Clone)]
pub struct NewPlan {
    pub title: String,
    pub period: Period,
    pub issuer: String,
    pub coordinator_id: Option<Id>,
    pub goal: String,
    pub tasks: Vec<String>,
}

pub fn list(conn: &Connection) -> StoreResult<Vec<Plan>> {
    crate::snapshot(conn, |conn| {
        let ids: Vec<Id> = conn
            .prepare("SELECT id FROM plan ORDER BY period_start DESC, id")?
            .query_map([], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        ids.into_iter().map(|id| get(conn, id)).collect()
    })
}

pub fn get(conn: &Connection, id: Id) -> StoreResult<Plan> {
    let row = conn
        .query_row(
            "SELECT title, period_start, period_end, issuer, coordinator_id, goal, tasks, approving_order_id
             FROM plan WHERE id = ?1",
            [id],
            |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get::<_, String>(3)?,
                    r.get::<_, Option<Id>>(4)?,
                    r.get::<_, String>(5)?,
                    r.get::<_, String>(6)?,
                    r.get::<_, Option<Id>>(7)?,
                ))
            },
        )
        .optional()?
        .ok_or(StoreError::NotFound { what: "дорожной карты", id })?;
    let (title, start, end, issuer, coordinator_id, goal, tasks, approving_order_id) = row;
    let tasks: Vec<String> =
        serde_json::from_str(&tasks).map_err(|e| StoreError::Corrupt(format!("задачи плана № {id}: {e}")))?;
    let coordinator = coordinator_id.map(|c| executor::get(conn, c)).transpose()?;
    Ok(Plan {
        id,
        title,
        period: Period { start, end },
        issuer,
        coordinator,
        goal,
        tasks,
        approving_order_id,
    })
}

pub fn period(conn: &Connection, id: Id) -> StoreResult<Period> {
    conn.prepare_cached("SELECT period_start, period_end FROM plan WHERE id = ?1")?
        .query_row([id], |r| Ok(Period { start: r.get(0)?, end: r.get(1)? }))
        .optional()?
        .ok_or(StoreError::NotFound { what: "дорожной карты", id })
}

/// The row of a plan [`save`] has checked.
pub(crate) fn insert(tx: &Transaction, p: &NewPlan) -> StoreResult<Id> {
    let title = p.title.trim();
    let tasks = serde_json::to_string(&p.tasks).map_err(|e| StoreError::Corrupt(e.to_string()))?;
    tx.execute(
        "INSERT INTO plan (title, period_start, period_end, issuer, coordinator_id, goal, tasks) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![title, p.period.start, p.period.end, p.issuer, p.coordinator_id, p.goal, tasks],
    )?;
    Ok(tx.last_insert_rowid())
}

pub fn set_approving_order(tx: &Transaction, plan_id: Id, order_id: Option<Id>) -> StoreResult<()> {
    tx.execute("UPDATE plan SET approving_order_id = ?2 WHERE id = ?1", params![plan_id, order_id])?;
    Ok(())
}

/// Changes the plan's period and places every event's timeframe in the new one.
pub fn set_period(tx: &Transaction, plan_id: Id, period: Period) -> StoreResult<()> {
    let n = tx.execute(
        "UPDATE plan SET period_start = ?2, period_end = ?3 WHERE id = ?1",
        params![plan_id, period.start, period.end],
    )?;
    if n == 0 {
        return Err(StoreError::NotFound { what: "дорожной карты", id: plan_id });
    }
    event::reresolve_plan(tx, plan_id, &period)
}

/// Creates (`id` = None) or rewrites a plan from its form. The coordinator is found or added
/// among the district's people; a new period places every event's timeframe again.
pub fn save(tx: &Transaction, id: Option<Id>, d: &PlanDraft) -> StoreResult<Id> {
    if d.title.trim().is_empty() {
        return Err(StoreError::invalid("title", "Укажите название дорожной карты"));
    }
    if let Err(e) = domain::Period::new(d.period.start, d.period.end) {
        return Err(StoreError::invalid("period", e.to_string()));
    }
    let coordinator_id = match d.coordinator.as_ref().filter(|c| !c.name.trim().is_empty()) {
        Some(c) => {
            Some(executor::find_or_create(tx, ExecutorKind::Person, &c.name, &c.position, &c.organisation)?)
        }
        None => None,
    };
    let tasks: Vec<String> = d.tasks.iter().map(|t| t.trim().to_owned()).filter(|t| !t.is_empty()).collect();
    let new = NewPlan {
        // A title is one line wherever it is shown (fields, order points, document heads).
        title: domain::text::one_line(&d.title),
        period: d.period,
        issuer: d.issuer.trim().to_owned(),
        coordinator_id,
        goal: d.goal.trim().to_owned(),
        tasks,
    };
    let Some(id) = id else { return insert(tx, &new) };
    let old = period(tx, id)?;
    let tasks = serde_json::to_string(&new.tasks).map_err(|e| StoreError::Corrupt(e.to_string()))?;
    tx.execute(
        "UPDATE plan SET title = ?2, issuer = ?3, coordinator_id = ?4, goal = ?5, tasks = ?6 WHERE id = ?1",
        params![id, new.title, new.issuer, new.coordinator_id, new.goal, tasks],
    )?;
    if old != d.period {
        set_period(tx, id, d.period)?;
    }
    Ok(id)
}

/// Deletes a plan with its sections and events.
pub fn delete(tx: &Transaction, id: Id) -> StoreResult<()> {
    if tx.execute("DELETE FROM plan WHERE id = ?1", [id])? == 0 {
        return Err(StoreError::NotFound { what: "дорожной карты", id });
    }
    Ok(())
}

/// The plan with its sections and events, in print order.
pub fn roadmap(conn: &Connection, id: Id) -> StoreResult<Roadmap> {
    crate::snapshot(conn, |conn| {
        Ok(Roadmap {
            plan: get(conn, id)?,
            sections: section::list(conn, id)?,
            events: event::list(conn, id)?,
        })
    })
}
