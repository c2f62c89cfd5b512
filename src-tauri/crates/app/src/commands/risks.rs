//! The «500+» risk factors, the schools' risk profiles and the coverage grid.

use domain::{CoverageCell, Id, RiskFactor, RiskLevel, RiskProfileEntry};
use store::Store;

use crate::error::CommandResult;

pub fn list_risk_factors(store: &Store) -> CommandResult<Vec<RiskFactor>> {
    Ok(store::risk::factors(store.read())?)
}

pub fn add_risk_factor(store: &mut Store, name: String) -> CommandResult<Id> {
    Ok(store
        .change(format!("Добавлен фактор риска «{}»", store::short(&name)), |tx| {
            store::risk::add_factor(tx, &name)
        })?)
}

pub fn rename_risk_factor(store: &mut Store, id: Id, name: String) -> CommandResult<()> {
    Ok(store.change(
        format!("Фактор риска переименован: «{}»", store::short(&name)),
        |tx| store::risk::rename_factor(tx, id, &name),
    )?)
}

pub fn remove_risk_factor(store: &mut Store, id: Id) -> CommandResult<()> {
    Ok(store.change("Удалён фактор риска", |tx| store::risk::remove_factor(tx, id))?)
}

pub fn risk_profile(store: &Store, year: i32) -> CommandResult<Vec<RiskProfileEntry>> {
    Ok(store::risk::profile(store.read(), year)?)
}

pub fn set_risk_level(
    store: &mut Store,
    school_id: Id,
    risk_factor_id: Id,
    year: i32,
    level: Option<RiskLevel>,
) -> CommandResult<()> {
    Ok(store
        .change(format!("Профиль рисков школы на {year} год изменён"), |tx| {
            store::risk::set_level(tx, school_id, risk_factor_id, year, level)
        })?)
}

/// School × factor × the plan's events that address it, for `year`'s profile.
pub fn coverage(store: &Store, plan_id: Id, year: i32) -> CommandResult<Vec<CoverageCell>> {
    let conn = store.read();
    let roadmap = store::roadmap::read(conn, plan_id)?;
    Ok(domain::coverage(
        &store::risk::profile(conn, year)?,
        &roadmap,
        &store::risk::event_links(conn, plan_id)?,
    ))
}

/// Says that an event addresses a risk factor, or no longer does.
pub fn link_event_risk(
    store: &mut Store,
    event_id: Id,
    risk_factor_id: Id,
    addresses: bool,
) -> CommandResult<()> {
    Ok(store.change_labelled(|tx| {
        store::risk::link_event(tx, event_id, risk_factor_id, addresses)?;
        let verb = if addresses {
            "закрывает риск"
        } else {
            "больше не закрывает риск"
        };
        Ok((
            (),
            format!(
                "Мероприятие {} {verb}",
                store::event::label(tx, event_id).trim_start_matches("мероприятия ")
            ),
        ))
    })?)
}
