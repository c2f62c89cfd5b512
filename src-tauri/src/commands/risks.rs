//! The «500+» risk factors, the schools' risk profiles and the coverage grid.

use domain::{CoverageCell, Id, RiskFactor, RiskLevel, RiskProfileEntry};
use tauri::State;

use super::AppStore;
use crate::error::CommandResult;

#[tauri::command]
pub async fn list_risk_factors(state: State<'_, AppStore>) -> CommandResult<Vec<RiskFactor>> {
    app::commands::risks::list_risk_factors(&*state.lock()?)
}

#[tauri::command]
pub async fn add_risk_factor(state: State<'_, AppStore>, name: String) -> CommandResult<Id> {
    app::commands::risks::add_risk_factor(&mut *state.lock()?, name)
}

#[tauri::command]
pub async fn rename_risk_factor(state: State<'_, AppStore>, id: Id, name: String) -> CommandResult<()> {
    app::commands::risks::rename_risk_factor(&mut *state.lock()?, id, name)
}

#[tauri::command]
pub async fn remove_risk_factor(state: State<'_, AppStore>, id: Id) -> CommandResult<()> {
    app::commands::risks::remove_risk_factor(&mut *state.lock()?, id)
}

#[tauri::command]
pub async fn risk_profile(state: State<'_, AppStore>, year: i32) -> CommandResult<Vec<RiskProfileEntry>> {
    app::commands::risks::risk_profile(&*state.lock()?, year)
}

#[tauri::command]
pub async fn set_risk_level(
    state: State<'_, AppStore>,
    school_id: Id,
    risk_factor_id: Id,
    year: i32,
    level: Option<RiskLevel>,
) -> CommandResult<()> {
    app::commands::risks::set_risk_level(&mut *state.lock()?, school_id, risk_factor_id, year, level)
}

#[tauri::command]
pub async fn coverage(
    state: State<'_, AppStore>,
    plan_id: Id,
    year: i32,
) -> CommandResult<Vec<CoverageCell>> {
    app::commands::risks::coverage(&*state.lock()?, plan_id, year)
}

#[tauri::command]
pub async fn link_event_risk(
    state: State<'_, AppStore>,
    event_id: Id,
    risk_factor_id: Id,
    addresses: bool,
) -> CommandResult<()> {
    app::commands::risks::link_event_risk(&mut *state.lock()?, event_id, risk_factor_id, addresses)
}
