use chrono::NaiveDate;
use domain::{EventStatus, Id, TimeOfDay};
use exchange::calendar::CalendarEntry;
use tauri::State;

use super::AppStore;
use crate::error::CommandResult;

#[tauri::command]
pub async fn calendar_entries(state: State<'_, AppStore>) -> CommandResult<Vec<CalendarEntry>> {
    app::commands::calendar::calendar_entries(&*state.lock()?)
}

#[tauri::command]
pub async fn reschedule_webinar(
    state: State<'_, AppStore>,
    webinar_id: Id,
    date: NaiveDate,
    start_time: Option<TimeOfDay>,
) -> CommandResult<()> {
    app::commands::calendar::reschedule_webinar(&mut *state.lock()?, webinar_id, date, start_time)
}

#[tauri::command]
pub async fn set_event_status(
    state: State<'_, AppStore>,
    event_id: Id,
    status: EventStatus,
    completion_mark: String,
    evidence: String,
) -> CommandResult<()> {
    app::commands::calendar::set_event_status(
        &mut *state.lock()?,
        event_id,
        status,
        completion_mark,
        evidence,
    )
}

#[tauri::command]
pub async fn export_calendar(
    state: State<'_, AppStore>,
    plan_id: Id,
    path: std::path::PathBuf,
) -> CommandResult<()> {
    app::commands::calendar::export_calendar(&state, plan_id, path)
}
