//! The «500+» risk factors, the schools' risk profiles and the coverage grid.

use domain::{CoverageCell, Id, RiskFactor, RiskLevel, RiskProfileEntry};
use tauri::State;

use super::AppStore;
use crate::error::CommandResult;

#[tauri::command]
pub async fn list_risk_factors(state: State<'_, AppStore>) -> CommandResult<Vec<RiskFactor>> {
    Ok(store::risk::factors(state.lock()?.read())?)
}

#[tauri::command]
pub async fn add_risk_factor(state: State<'_, AppStore>, name: String) -> CommandResult<Id> {
    Ok(state
        .lock()?
        .change(format!("Добавлен фактор риска «{}»", store::short(&name)), |tx| {
            store::risk::add_factor(tx, &name)
        })?)
}

#[tauri::command]
pub async fn rename_risk_factor(state: State<'_, AppStore>, id: Id, name: String) -> CommandResult<()> {
    Ok(state.lock()?.change(
        format!("Фактор риска переименован: «{}»", store::short(&name)),
        |tx| store::risk::rename_factor(tx, id, &name),
    )?)
}

#[tauri::command]
pub async fn remove_risk_factor(state: State<'_, AppStore>, id: Id) -> CommandResult<()> {
    Ok(state
        .lock()?
        .change("Удалён фактор риска", |tx| store::risk::remove_factor(tx, id))?)
}

#[tauri::command]
pub async fn risk_profile(state: State<'_, AppStore>, year: i32) -> CommandResult<Vec<RiskProfileEntry>> {
    Ok(store::risk::profile(state.lock()?.read(), year)?)
}

#[tauri::command]
pub async fn set_risk_level(
    state: State<'_, AppStore>,
    school_id: Id,
    risk_factor_id: Id,
    year: i32,
    level: Option<RiskLevel>,
) -> CommandResult<()> {
    Ok(state
        .lock()?
        .change(format!("Профиль рисков школы на {year} год изменён"), |tx| {
            store::risk::set_level(tx, school_id, risk_factor_id, year, level)
        })?)
}

/// School × factor × the plan's events that address it, for `year`'s profile.
#[tauri::command]
pub async fn coverage(
    state: State<'_, AppStore>,
    plan_id: Id,
    year: i32,
) -> CommandResult<Vec<CoverageCell>> {
    let store = state.lock()?;
    let conn = store.read();
    let roadmap = store::roadmap::read(conn, plan_id)?;
    Ok(domain::coverage(
        &store::risk::profile(conn, year)?,
        &roadmap,
        &store::risk::event_links(conn, plan_id)?,
    ))
}

/// Says that an event addresses a risk factor, or no longer does.
#[tauri::command]
pub async fn link_event_risk(
    state: State<'_, AppStore>,
    event_id: Id,
    risk_factor_id: Id,
    addresses: bool,
) -> CommandResult<()> {
    Ok(state.lock()?.change_labelled(|tx| {
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
