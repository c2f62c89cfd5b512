use chrono::NaiveDate;
use domain::{Holiday, Id, RuleDates, SessionRule, WebinarDraft, WebinarSeries};
use tauri::State;

use super::AppStore;
use crate::error::CommandResult;

#[tauri::command]
pub async fn list_webinar_series(state: State<'_, AppStore>) -> CommandResult<Vec<WebinarSeries>> {
    app::commands::webinars::list_webinar_series(&*state.lock()?)
}

#[tauri::command]
pub async fn create_series_by_rule(
    state: State<'_, AppStore>,
    series: domain::SeriesDraft,
    rule: SessionRule,
) -> CommandResult<RuleDates> {
    app::commands::webinars::create_series_by_rule(&mut *state.lock()?, series, rule)
}

#[tauri::command]
pub async fn list_webinar_conflicts(state: State<'_, AppStore>) -> CommandResult<Vec<domain::Conflict>> {
    app::commands::webinars::list_webinar_conflicts(&*state.lock()?)
}

#[tauri::command]
pub async fn update_webinar(
    state: State<'_, AppStore>,
    webinar_id: Id,
    draft: WebinarDraft,
) -> CommandResult<()> {
    app::commands::webinars::update_webinar(&mut *state.lock()?, webinar_id, draft)
}

#[tauri::command]
pub async fn list_holidays(state: State<'_, AppStore>, year: i32) -> CommandResult<Vec<Holiday>> {
    app::commands::webinars::list_holidays(&*state.lock()?, year)
}

#[tauri::command]
pub async fn set_holiday(state: State<'_, AppStore>, holiday: Holiday) -> CommandResult<()> {
    app::commands::webinars::set_holiday(&mut *state.lock()?, holiday)
}

#[tauri::command]
pub async fn remove_holiday(state: State<'_, AppStore>, date: NaiveDate) -> CommandResult<()> {
    app::commands::webinars::remove_holiday(&mut *state.lock()?, date)
}
