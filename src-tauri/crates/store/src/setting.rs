//! The `setting` table: values the user sets once (the most schools one mentor may take).

use rusqlite::{params, Connection, OptionalExtension, Transaction};

use crate::StoreResult;

pub const MENTOR_LIMIT: &str = "mentor_limit";

/// A number setting, or `default` when unset or not a number.
pub fn number(conn: &Connection, key: &str, default: i64) -> StoreResult<i64> {
    let value: Option<String> =
        conn.query_row("SELECT value FROM setting WHERE key = ?1", [key], |r| r.get(0)).optional()?;
    Ok(value.and_then(|v| v.parse().ok()).unwrap_or(default))
}

pub fn set(tx: &Transaction, key: &str, value: &str) -> StoreResult<()> {
    tx.execute(
        "INSERT INTO setting (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        params![key, value],
    )?;
    Ok(())
}
