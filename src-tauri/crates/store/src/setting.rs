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

const PROFILE: &str = "district_profile";

/// The district's profile (empty until the first start asks for it).
pub fn profile(conn: &Connection) -> StoreResult<domain::DistrictProfile> {
    let value: Option<String> =
        conn.query_row("SELECT value FROM setting WHERE key = ?1", [PROFILE], |r| r.get(0)).optional()?;
    Ok(value.and_then(|v| serde_json::from_str(&v).ok()).unwrap_or_default())
}

/// Saves the profile; the education body's name is required.
pub fn set_profile(tx: &Transaction, p: &domain::DistrictProfile) -> StoreResult<()> {
    if p.issuer.trim().is_empty() {
        return Err(crate::StoreError::invalid(
            domain::ErrorField::Issuer,
            "Укажите орган управления образованием.",
        ));
    }
    let tidy = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let oktmo: String = p.oktmo.split_whitespace().collect();
    let p = domain::DistrictProfile {
        issuer: tidy(&p.issuer),
        issuer_genitive: tidy(&p.issuer_genitive),
        coordinator: tidy(&p.coordinator),
        head: tidy(&p.head),
        oktmo,
        district: tidy(&p.district),
    };
    if !(p.oktmo.is_empty() || matches!(p.oktmo.len(), 8 | 11) && p.oktmo.chars().all(|c| c.is_ascii_digit()))
    {
        return Err(crate::StoreError::invalid(
            domain::ErrorField::Oktmo,
            "Код ОКТМО — 8 или 11 цифр, например 60737000",
        ));
    }
    let json = serde_json::to_string(&p).map_err(|e| crate::StoreError::Corrupt(e.to_string()))?;
    set(tx, PROFILE, &json)
}
