use domain::{Id, TimeframeReading};
use tauri::State;

use super::AppStore;
use crate::error::CommandResult;

/// What a timeframe text means in the plan's period, for the field while the user types.
#[tauri::command]
pub async fn read_timeframe(
    state: State<'_, AppStore>,
    plan_id: Id,
    text: String,
) -> CommandResult<TimeframeReading> {
    let period = store::plan::period(state.lock()?.read(), plan_id)?;
    Ok(timeframe::parse(&text, &period).into())
}

/// Stores the event's new timeframe text (kept verbatim) and its value.
#[tauri::command]
pub async fn set_event_timeframe(
    state: State<'_, AppStore>,
    event_id: Id,
    text: String,
) -> CommandResult<TimeframeReading> {
    Ok(state
        .lock()?
        .change_labelled(|tx| {
            let tf = store::event::set_timeframe(tx, event_id, &text)?;
            Ok((tf, format!("Срок {} изменён", store::event::label(tx, event_id))))
        })?
        .into())
}

/// «Сроки требуют проверки»: events whose timeframe is free or has a warning.
#[tauri::command]
pub async fn list_timeframe_review(
    state: State<'_, AppStore>,
    plan_id: Id,
) -> CommandResult<Vec<domain::Event>> {
    Ok(store::event::needing_review(state.lock()?.read(), plan_id)?)
}

/// Accepts a conditional timeframe as it is written: it leaves «Сроки требуют проверки».
#[tauri::command]
pub async fn accept_event_timeframe(state: State<'_, AppStore>, event_id: Id) -> CommandResult<()> {
    Ok(state.lock()?.change_labelled(|tx| {
        store::event::accept_timeframe(tx, event_id)?;
        Ok(((), format!("Срок {} принят как есть", store::event::label(tx, event_id))))
    })?)
}

/// The words for a span of days («Март – апрель 2023 г.», «с 10.03.2023 по 15.04.2023»): what
/// the timeline offers when a bar is dragged; nothing is saved until the person accepts it.
#[tauri::command]
pub async fn timeframe_wording(text: String, start: chrono::NaiveDate, end: chrono::NaiveDate) -> String {
    timeframe::reworded(&text, start, end)
}
