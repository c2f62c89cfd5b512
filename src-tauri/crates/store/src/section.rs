//! The `section` table (этап, трек, раздел) and its target schools.

use domain::{Id, Section, SectionDraft};
use rusqlite::{params, Connection, Transaction};

use crate::StoreResult;

#[derive(Debug, Clone, Default)]
pub struct NewSection {
    pub number: String,
    pub title: String,
    pub goal: String,
    pub school_ids: Vec<Id>,
}

pub fn list(conn: &Connection, plan_id: Id) -> StoreResult<Vec<Section>> {
    let mut stmt = conn.prepare(
        "SELECT id, plan_id, position, number, title, goal FROM section WHERE plan_id = ?1 ORDER BY position",
    )?;
    let mut sections: Vec<Section> = stmt
        .query_map([plan_id], |r| {
            Ok(Section {
                id: r.get(0)?,
                plan_id: r.get(1)?,
                position: r.get(2)?,
                number: r.get(3)?,
                title: r.get(4)?,
                goal: r.get(5)?,
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
pub fn insert(tx: &Transaction, plan_id: Id, s: &NewSection) -> StoreResult<Id> {
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
