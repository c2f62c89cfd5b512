//! The `holiday` table: non-working public holidays, editable each year.

use chrono::NaiveDate;
use rusqlite::{params, Connection, Transaction};

use crate::{StoreError, StoreResult};

/// The holidays between two days, both included, as (date, name).
pub fn between(conn: &Connection, from: NaiveDate, to: NaiveDate) -> StoreResult<Vec<(NaiveDate, String)>> {
    let mut stmt =
        conn.prepare("SELECT date, name FROM holiday WHERE date BETWEEN ?1 AND ?2 ORDER BY date")?;
    let rows = stmt.query_map(params![from, to], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Adds or renames a holiday (a transferred day off, a regional one).
pub fn set(tx: &Transaction, date: NaiveDate, name: &str) -> StoreResult<()> {
    if name.trim().is_empty() {
        return Err(StoreError::invalid(domain::ErrorField::Name, "Укажите название праздника"));
    }
    tx.execute(
        "INSERT INTO holiday (date, name) VALUES (?1, ?2) ON CONFLICT (date) DO UPDATE SET name = excluded.name",
        params![date, name.trim()],
    )?;
    Ok(())
}

/// Makes a day a working one again (a transfer).
pub fn remove(tx: &Transaction, date: NaiveDate) -> StoreResult<()> {
    tx.execute("DELETE FROM holiday WHERE date = ?1", params![date])?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Store;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn the_fixed_holidays_are_seeded_and_editable() {
        let mut store = Store::open_in_memory().unwrap();
        let may = between(store.read(), d("2023-05-01"), d("2023-05-31")).unwrap();
        assert_eq!(may.iter().map(|h| h.0).collect::<Vec<_>>(), [d("2023-05-01"), d("2023-05-09")]);
        store.change("Изменение", |tx| set(tx, d("2023-05-08"), "Перенесённый выходной")).unwrap();
        store.change("Изменение", |tx| remove(tx, d("2023-05-01"))).unwrap();
        let may = between(store.read(), d("2023-05-01"), d("2023-05-31")).unwrap();
        assert_eq!(may.iter().map(|h| h.0).collect::<Vec<_>>(), [d("2023-05-08"), d("2023-05-09")]);
        assert!(store.change("Изменение", |tx| set(tx, d("2023-05-10"), " ")).is_err());
    }
}
