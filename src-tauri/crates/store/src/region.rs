//! A region file's districts (issue 27): each district's newest package and its summary, keyed
//! by the district's code. A region file is an ordinary data file marked as the region's: it has
//! the same history of changes (accepting a package is one change, undone like any other) and
//! the same backups.

use chrono::NaiveDateTime;
use domain::region::{Changes, DistrictRow, DistrictSummary, Manifest};
use rusqlite::{params, Connection, OptionalExtension, Transaction};

use crate::{json_column, StoreResult};

const KIND: &str = "file_kind";
const REGION: &str = "region";
const FILE_ID: &str = "file_id";
const AT: &str = "%Y-%m-%dT%H:%M:%S";

/// Whether the file is a region's (it gathers districts' packages) rather than a district's.
pub fn is_region(conn: &Connection) -> StoreResult<bool> {
    let kind: Option<String> =
        conn.query_row("SELECT value FROM setting WHERE key = ?1", [KIND], |r| r.get(0)).optional()?;
    Ok(kind.as_deref() == Some(REGION))
}

/// Marks the file as a region's.
pub fn mark_region(tx: &Transaction) -> StoreResult<()> {
    crate::setting::set(tx, KIND, REGION)
}

/// The id this data file was given when it was made (packages carry it).
pub fn file_id(conn: &Connection) -> StoreResult<String> {
    let id: Option<String> =
        conn.query_row("SELECT value FROM setting WHERE key = ?1", [FILE_ID], |r| r.get(0)).optional()?;
    Ok(id.unwrap_or_default())
}

/// The whole data file as of one moment, into the new file `to` (`VACUUM INTO`, consistent
/// under WAL and while others write), without its history of changes: what a package carries.
pub fn snapshot(store: &crate::Store, to: &std::path::Path) -> StoreResult<()> {
    store.copy_into(to)?;
    let copy = Connection::open(to)?;
    copy.execute_batch("DELETE FROM change_log; PRAGMA journal_mode = DELETE; VACUUM;")?;
    Ok(())
}

/// Whether SQLite finds the file whole (`PRAGMA quick_check`).
pub fn intact(conn: &Connection) -> StoreResult<bool> {
    let first: String = conn.query_row("PRAGMA quick_check", [], |r| r.get(0))?;
    Ok(first == "ok")
}

/// A district's package as the region keeps it.
pub struct Stored<'a> {
    pub manifest: &'a Manifest,
    pub received_at: NaiveDateTime,
    pub source: &'a str,
    pub summary: &'a DistrictSummary,
    pub changes: &'a Changes,
    pub bytes: &'a [u8],
}

/// Puts a district's package in place of its previous one (rows replaced whole).
pub fn put(tx: &Transaction, p: &Stored) -> StoreResult<()> {
    let m = p.manifest;
    tx.execute(
        "INSERT INTO region_district (code, name, issuer, file_id, made_at, received_at, source, program_version, \
         schema_version, sha256, summary, changes) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12) \
         ON CONFLICT (code) DO UPDATE SET name = excluded.name, issuer = excluded.issuer, file_id = excluded.file_id, \
         made_at = excluded.made_at, received_at = excluded.received_at, source = excluded.source, \
         program_version = excluded.program_version, schema_version = excluded.schema_version, \
         sha256 = excluded.sha256, summary = excluded.summary, changes = excluded.changes",
        params![
            m.district_code,
            m.district_name,
            m.issuer,
            m.file_id,
            m.made_at.format(AT).to_string(),
            p.received_at.format(AT).to_string(),
            p.source,
            m.program_version,
            m.schema_version,
            m.sha256,
            to_json(p.summary)?,
            to_json(p.changes)?,
        ],
    )?;
    tx.execute(
        "INSERT INTO region_package (code, bytes) VALUES (?1, ?2) \
         ON CONFLICT (code) DO UPDATE SET bytes = excluded.bytes",
        params![m.district_code, p.bytes],
    )?;
    Ok(())
}

/// What the region holds of a district before a new package of it: to compare with.
#[derive(Debug, Clone)]
pub struct Previous {
    pub file_id: String,
    pub made_at: NaiveDateTime,
    pub sha256: String,
    pub summary: DistrictSummary,
}

pub fn previous(conn: &Connection, code: &str) -> StoreResult<Option<Previous>> {
    Ok(conn
        .query_row(
            "SELECT file_id, made_at, sha256, summary FROM region_district WHERE code = ?1",
            [code],
            |r| {
                Ok(Previous {
                    file_id: r.get("file_id")?,
                    made_at: at_column(r, r.as_ref().column_index("made_at")?)?,
                    sha256: r.get("sha256")?,
                    summary: json_column(r, r.as_ref().column_index("summary")?)?,
                })
            },
        )
        .optional()?)
}

/// Every district, by name.
pub fn list(conn: &Connection) -> StoreResult<Vec<DistrictRow>> {
    let mut stmt = conn.prepare_cached(
        "SELECT code, name, issuer, made_at, received_at, source, program_version, summary, changes \
         FROM region_district ORDER BY name COLLATE NOCASE, code",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok(DistrictRow {
            code: r.get("code")?,
            name: r.get("name")?,
            issuer: r.get("issuer")?,
            made_at: at_column(r, r.as_ref().column_index("made_at")?)?,
            received_at: at_column(r, r.as_ref().column_index("received_at")?)?,
            source: r.get("source")?,
            program_version: r.get("program_version")?,
            summary: json_column(r, r.as_ref().column_index("summary")?)?,
            changes: json_column(r, r.as_ref().column_index("changes")?)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// The package file of a district as it was received.
pub fn package(conn: &Connection, code: &str) -> StoreResult<Option<Vec<u8>>> {
    Ok(conn.query_row("SELECT bytes FROM region_package WHERE code = ?1", [code], |r| r.get(0)).optional()?)
}

fn at_column(r: &rusqlite::Row, i: usize) -> rusqlite::Result<NaiveDateTime> {
    let text: String = r.get(i)?;
    NaiveDateTime::parse_from_str(&text, AT).map_err(|e| crate::corrupt_column(i, e.to_string()))
}

fn to_json<T: serde::Serialize>(v: &T) -> StoreResult<String> {
    serde_json::to_string(v).map_err(|e| crate::StoreError::Corrupt(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Store;

    fn manifest(code: &str, made: &str) -> Manifest {
        Manifest {
            format: Manifest::FORMAT.into(),
            format_version: 1,
            district_code: code.into(),
            district_name: "Неклиновский район".into(),
            issuer: "Управление образования".into(),
            file_id: "f1".into(),
            made_at: NaiveDateTime::parse_from_str(made, AT).unwrap(),
            program_version: "0.2.0".into(),
            schema_version: 10,
            sha256: made.into(),
        }
    }

    #[test]
    fn a_newer_package_replaces_the_district_whole_and_can_be_undone() {
        let mut store = Store::open_in_memory().unwrap();
        assert!(!is_region(store.read()).unwrap());
        assert_eq!(file_id(store.read()).unwrap().len(), 32, "every file gets an id when it is made");
        let summary = DistrictSummary::default();
        let put_one = |store: &mut Store, made: &str, bytes: &[u8]| {
            let m = manifest("60636000", made);
            store
                .change("Принят пакет", |tx| {
                    mark_region(tx)?;
                    put(
                        tx,
                        &Stored {
                            manifest: &m,
                            received_at: m.made_at,
                            source: "p.koord",
                            summary: &summary,
                            changes: &Changes::default(),
                            bytes,
                        },
                    )
                })
                .unwrap();
        };
        put_one(&mut store, "2026-11-01T10:00:00", b"old");
        put_one(&mut store, "2026-12-01T10:00:00", b"new");
        assert!(is_region(store.read()).unwrap());
        let rows = list(store.read()).unwrap();
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].made_at.to_string(), "2026-12-01 10:00:00");
        assert_eq!(package(store.read(), "60636000").unwrap().unwrap(), b"new");
        store.undo().unwrap();
        assert_eq!(package(store.read(), "60636000").unwrap().unwrap(), b"old");
        assert_eq!(previous(store.read(), "60636000").unwrap().unwrap().sha256, "2026-11-01T10:00:00");
    }
}
