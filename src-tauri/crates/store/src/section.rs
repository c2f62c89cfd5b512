//! The `section` table (этап, трек, раздел) and its target schools.

use domain::{Id, Section, SectionDraft};
use rusqlite::{params, Connection, OptionalExtension, Transaction};

use crate::StoreResult;

pub fn list(conn: &Connection, plan_id: Id) -> StoreResult<Vec<Section>> {
    let mut stmt = conn.prepare(
        "SELECT id, plan_id, position, number, title, goal FROM section WHERE plan_id = ?1 ORDER BY position",
    )?;
    let mut sections: Vec<Section> = stmt
        .query_map([plan_id], |r| {
            Ok(Section {
                id: r.get("id")?,
                plan_id: r.get("plan_id")?,
                position: r.get("position")?,
                number: r.get("number")?,
                title: r.get("title")?,
                goal: r.get("goal")?,
                school_ids: Vec::new(),
            })
        })?
        .collect::<Result<_, _>>()?;
    let mut stmt =
        conn.prepare("SELECT school_id FROM section_school WHERE section_id = ?1 ORDER BY school_id")?;
    for s in &mut sections {
        s.school_ids = stmt.query_map([s.id], |r| r.get(0))?.collect::<Result<_, _>>()?;
    }
    Ok(sections)
}

/// Appends a section at the end of the plan.
pub fn insert(tx: &Transaction, plan_id: Id, s: &SectionDraft) -> StoreResult<Id> {
    tx.execute(
        "INSERT INTO section (plan_id, position, number, title, goal)
         VALUES (?1, (SELECT coalesce(max(position), 0) + 1 FROM section WHERE plan_id = ?1), ?2, ?3, ?4)",
        params![plan_id, s.number.trim(), s.title.trim(), s.goal.trim()],
    )?;
    let id = tx.last_insert_rowid();
    let mut stmt =
        tx.prepare("INSERT OR IGNORE INTO section_school (section_id, school_id) VALUES (?1, ?2)")?;
    for school in &s.school_ids {
        stmt.execute(params![id, school])?;
    }
    Ok(id)
}

/// Rewrites a section from its row: number, title, goal and target schools.
pub fn update(tx: &Transaction, id: Id, d: &SectionDraft) -> StoreResult<()> {
    let n = tx.execute(
        "UPDATE section SET number = ?2, title = ?3, goal = ?4 WHERE id = ?1",
        params![id, d.number.trim(), d.title.trim(), d.goal.trim()],
    )?;
    if n == 0 {
        return Err(crate::StoreError::NotFound { what: "раздела", id });
    }
    tx.execute("DELETE FROM section_school WHERE section_id = ?1", [id])?;
    let mut stmt =
        tx.prepare("INSERT OR IGNORE INTO section_school (section_id, school_id) VALUES (?1, ?2)")?;
    for school in &d.school_ids {
        stmt.execute(params![id, school])?;
    }
    Ok(())
}

/// Deletes a section and its events.
pub fn delete(tx: &Transaction, id: Id) -> StoreResult<()> {
    if tx.execute("DELETE FROM section WHERE id = ?1", [id])? == 0 {
        return Err(crate::StoreError::NotFound { what: "раздела", id });
    }
    Ok(())
}

/// Moves a section one place up or down; numbered sections («1», «2») swap their numbers too.
/// Gives the plan, whose events then follow their sections ([`crate::roadmap::shift_section`]).
pub(crate) fn shift(tx: &Transaction, id: Id, up: bool) -> StoreResult<Id> {
    let (plan_id, position, number): (Id, i64, String) = tx
        .query_row("SELECT plan_id, position, number FROM section WHERE id = ?1", [id], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })
        .map_err(|_| crate::StoreError::NotFound { what: "раздела", id })?;
    let sql = if up {
        "SELECT id, position, number FROM section WHERE plan_id = ?1 AND position < ?2 ORDER BY position DESC LIMIT 1"
    } else {
        "SELECT id, position, number FROM section WHERE plan_id = ?1 AND position > ?2 ORDER BY position LIMIT 1"
    };
    let other: Option<(Id, i64, String)> = tx
        .query_row(sql, params![plan_id, position], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .optional()?;
    let Some((other_id, other_position, other_number)) = other else {
        return Err(crate::StoreError::refused(if up {
            "выше перемещать некуда"
        } else {
            "ниже перемещать некуда"
        }));
    };
    // Through a free position: (plan_id, position) is unique.
    tx.execute("UPDATE section SET position = -1 WHERE id = ?1", [id])?;
    tx.execute("UPDATE section SET position = ?2 WHERE id = ?1", params![other_id, position])?;
    tx.execute("UPDATE section SET position = ?2 WHERE id = ?1", params![id, other_position])?;
    if number.parse::<u32>().is_ok() && other_number.parse::<u32>().is_ok() {
        tx.execute("UPDATE section SET number = ?2 WHERE id = ?1", params![id, other_number])?;
        tx.execute("UPDATE section SET number = ?2 WHERE id = ?1", params![other_id, number])?;
    }
    Ok(plan_id)
}
