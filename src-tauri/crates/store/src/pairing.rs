//! The `pairing` table: supported school ↔ mentor school.

use domain::{Id, Pairing, PairingDraft, SchoolYear};
use rusqlite::{params, Connection, Transaction};

use crate::{StoreError, StoreResult};

/// Pairings, all or those whose period touches the school year `year`.
pub fn list(conn: &Connection, year: Option<&SchoolYear>) -> StoreResult<Vec<Pairing>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, supported_school_id, mentor_school_id, start_date, end_date, basis_order, basis_agreement, note
         FROM pairing
         WHERE ?1 IS NULL OR (start_date <= ?2 AND end_date >= ?1)
         ORDER BY start_date, id",
    )?;
    let rows = stmt.query_map(params![year.map(|y| y.start), year.map(|y| y.end)], |r| {
        Ok(Pairing {
            id: r.get("id")?,
            draft: PairingDraft {
                supported_school_id: r.get("supported_school_id")?,
                mentor_school_id: r.get("mentor_school_id")?,
                start: r.get("start_date")?,
                end: r.get("end_date")?,
                basis_order: r.get("basis_order")?,
                basis_agreement: r.get("basis_agreement")?,
                note: r.get("note")?,
            },
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

fn check(p: &PairingDraft) -> StoreResult<()> {
    if p.supported_school_id == p.mentor_school_id {
        return Err(StoreError::invalid(
            domain::ErrorField::MentorSchoolId,
            "Школа не может быть наставником самой себе",
        ));
    }
    if p.end < p.start {
        return Err(StoreError::invalid(
            domain::ErrorField::End,
            "Конец периода закрепления раньше его начала",
        ));
    }
    Ok(())
}

pub fn insert(tx: &Transaction, p: &PairingDraft) -> StoreResult<Id> {
    check(p)?;
    tx.execute(
        "INSERT INTO pairing (supported_school_id, mentor_school_id, start_date, end_date, basis_order, basis_agreement, note)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![p.supported_school_id, p.mentor_school_id, p.start, p.end, p.basis_order, p.basis_agreement, p.note],
    )?;
    Ok(tx.last_insert_rowid())
}

pub fn update(tx: &Transaction, id: Id, p: &PairingDraft) -> StoreResult<()> {
    check(p)?;
    let n = tx.execute(
        "UPDATE pairing SET supported_school_id = ?2, mentor_school_id = ?3, start_date = ?4, end_date = ?5,
         basis_order = ?6, basis_agreement = ?7, note = ?8 WHERE id = ?1",
        params![
            id,
            p.supported_school_id,
            p.mentor_school_id,
            p.start,
            p.end,
            p.basis_order,
            p.basis_agreement,
            p.note
        ],
    )?;
    if n == 0 {
        return Err(StoreError::NotFound { what: "закрепления", id });
    }
    Ok(())
}

pub fn delete(tx: &Transaction, id: Id) -> StoreResult<()> {
    tx.execute("DELETE FROM pairing WHERE id = ?1", [id])?;
    Ok(())
}
