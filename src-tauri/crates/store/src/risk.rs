//! The «500+» risk factors (an editable list), the schools' risk profiles by year, and which
//! events address which factor.

use domain::{Id, RiskFactor, RiskLevel, RiskProfileEntry};
use rusqlite::{params, Connection, Transaction};

use crate::{StoreError, StoreResult};

/// The factors of the latest edition, in their order.
pub fn factors(conn: &Connection) -> StoreResult<Vec<RiskFactor>> {
    let mut stmt = conn.prepare(
        "SELECT id, edition_year, position, name FROM risk_factor
         WHERE edition_year = (SELECT max(edition_year) FROM risk_factor) ORDER BY position",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok(RiskFactor {
            id: r.get("id")?,
            edition_year: r.get("edition_year")?,
            position: r.get("position")?,
            name: r.get("name")?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

fn checked(name: &str) -> StoreResult<&str> {
    let name = name.trim();
    if name.is_empty() {
        return Err(StoreError::invalid(domain::ErrorField::Name, "Укажите название фактора риска"));
    }
    Ok(name)
}

/// Adds a factor at the end of the latest edition.
pub fn add_factor(tx: &Transaction, name: &str) -> StoreResult<Id> {
    tx.execute(
        "INSERT INTO risk_factor (edition_year, position, name)
         SELECT coalesce(max(edition_year), 2021),
                coalesce((SELECT max(position) FROM risk_factor WHERE edition_year = (SELECT max(edition_year) FROM risk_factor)), 0) + 1,
                ?1
         FROM risk_factor",
        [checked(name)?],
    )?;
    Ok(tx.last_insert_rowid())
}

pub fn rename_factor(tx: &Transaction, id: Id, name: &str) -> StoreResult<()> {
    if tx.execute("UPDATE risk_factor SET name = ?2 WHERE id = ?1", params![id, checked(name)?])? == 0 {
        return Err(StoreError::NotFound { what: "фактора риска", id });
    }
    Ok(())
}

/// Removes a factor with its profile entries and links.
pub fn remove_factor(tx: &Transaction, id: Id) -> StoreResult<()> {
    tx.execute("DELETE FROM risk_factor WHERE id = ?1", [id])?;
    Ok(())
}

/// Every school's risk levels for `year`.
pub fn profile(conn: &Connection, year: i32) -> StoreResult<Vec<RiskProfileEntry>> {
    let mut stmt = conn.prepare(
        "SELECT school_id, risk_factor_id, year, level FROM risk_profile WHERE year = ?1 ORDER BY school_id, risk_factor_id",
    )?;
    let rows = stmt.query_map([year], |r| {
        let level: String = r.get("level")?;
        Ok(RiskProfileEntry {
            school_id: r.get("school_id")?,
            risk_factor_id: r.get("risk_factor_id")?,
            year: r.get("year")?,
            level: match level.as_str() {
                "high" => RiskLevel::High,
                "medium" => RiskLevel::Medium,
                _ => RiskLevel::Low,
            },
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Sets (or, with `None`, clears) a school's level on a factor for a year.
pub fn set_level(
    tx: &Transaction,
    school_id: Id,
    factor_id: Id,
    year: i32,
    level: Option<RiskLevel>,
) -> StoreResult<()> {
    match level {
        None => {
            tx.execute(
                "DELETE FROM risk_profile WHERE school_id = ?1 AND risk_factor_id = ?2 AND year = ?3",
                params![school_id, factor_id, year],
            )?;
        }
        Some(level) => {
            let code = match level {
                RiskLevel::Low => "low",
                RiskLevel::Medium => "medium",
                RiskLevel::High => "high",
            };
            tx.execute(
                "INSERT INTO risk_profile (school_id, risk_factor_id, year, level) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (school_id, risk_factor_id, year) DO UPDATE SET level = excluded.level",
                params![school_id, factor_id, year, code],
            )?;
        }
    }
    Ok(())
}

/// (event, factor) links of a plan's events.
pub fn event_links(conn: &Connection, plan_id: Id) -> StoreResult<Vec<(Id, Id)>> {
    let mut stmt = conn.prepare(
        "SELECT event_risk.event_id, event_risk.risk_factor_id FROM event_risk
         JOIN event ON event.id = event_risk.event_id WHERE event.plan_id = ?1",
    )?;
    let rows = stmt.query_map([plan_id], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Says that an event addresses a factor (or no longer does).
pub fn link_event(tx: &Transaction, event_id: Id, factor_id: Id, addresses: bool) -> StoreResult<()> {
    if addresses {
        tx.execute(
            "INSERT OR IGNORE INTO event_risk (event_id, risk_factor_id) VALUES (?1, ?2)",
            params![event_id, factor_id],
        )?;
    } else {
        tx.execute(
            "DELETE FROM event_risk WHERE event_id = ?1 AND risk_factor_id = ?2",
            params![event_id, factor_id],
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{district, Store};

    #[test]
    fn factors_are_edited_and_profiles_set_and_cleared() {
        let mut store = Store::open_in_memory().unwrap();
        let loaded = district::load(&mut store, &district::parse(district::DEMO).unwrap()).unwrap();
        assert_eq!(factors(store.read()).unwrap().len(), 10);
        let id = store
            .change("Изменение", |tx| {
                add_factor(tx, " Низкая доля выпускников, поступивших в вузы ")
            })
            .unwrap();
        let list = factors(store.read()).unwrap();
        assert_eq!((list.len(), list[10].position, list[10].id), (11, 11, id));
        assert!(store.change("Изменение", |tx| rename_factor(tx, id, " ")).is_err());
        store.change("Изменение", |tx| rename_factor(tx, id, "Другое")).unwrap();
        let school = crate::school::list(store.read(), None).unwrap()[0].id;
        store.change("Изменение", |tx| set_level(tx, school, id, 2023, Some(RiskLevel::High))).unwrap();
        store.change("Изменение", |tx| set_level(tx, school, id, 2023, Some(RiskLevel::Medium))).unwrap();
        assert_eq!(profile(store.read(), 2023).unwrap()[0].level, RiskLevel::Medium);
        let event = crate::roadmap::read(store.read(), loaded.plan_id).unwrap().events[0].id;
        store.change("Изменение", |tx| link_event(tx, event, id, true)).unwrap();
        assert_eq!(event_links(store.read(), loaded.plan_id).unwrap(), [(event, id)]);
        store.change("Изменение", |tx| remove_factor(tx, id)).unwrap();
        assert!(profile(store.read(), 2023).unwrap().is_empty());
        assert!(event_links(store.read(), loaded.plan_id).unwrap().is_empty());
        store.change("Изменение", |tx| set_level(tx, school, list[0].id, 2023, None)).unwrap();
    }
}
