use domain::WebinarSeries;
use tauri::State;

use super::AppStore;
use crate::error::CommandResult;

#[tauri::command]
pub fn list_webinar_series(state: State<AppStore>) -> CommandResult<Vec<WebinarSeries>> {
    Ok(store::webinar::list(state.lock()?.read())?)
}
