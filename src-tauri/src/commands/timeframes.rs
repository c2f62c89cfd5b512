use domain::{Id, TimeframeReading};
use tauri::State;

use super::AppStore;
use crate::error::CommandResult;

#[tauri::command]
pub async fn read_timeframe(
    state: State<'_, AppStore>,
    plan_id: Id,
    text: String,
) -> CommandResult<TimeframeReading> {
    app::commands::timeframes::read_timeframe(&*state.lock()?, plan_id, text)
}

#[tauri::command]
pub async fn set_event_timeframe(
    state: State<'_, AppStore>,
    event_id: Id,
    text: String,
) -> CommandResult<TimeframeReading> {
    app::commands::timeframes::set_event_timeframe(&mut *state.lock()?, event_id, text)
}

#[tauri::command]
pub async fn list_timeframe_review(
    state: State<'_, AppStore>,
    plan_id: Id,
) -> CommandResult<Vec<domain::Event>> {
    app::commands::timeframes::list_timeframe_review(&*state.lock()?, plan_id)
}

#[tauri::command]
pub async fn accept_event_timeframe(state: State<'_, AppStore>, event_id: Id) -> CommandResult<()> {
    app::commands::timeframes::accept_event_timeframe(&mut *state.lock()?, event_id)
}

/// The words for a span of days («Март – апрель 2023 г.», «с 10.03.2023 по 15.04.2023»): what
/// the timeline offers when a bar is dragged; nothing is saved until the person accepts it.
#[tauri::command]
pub async fn timeframe_wording(text: String, start: chrono::NaiveDate, end: chrono::NaiveDate) -> String {
    timeframe::reworded(&text, start, end)
}
