use serde::Serialize;
use tauri::State;

use super::AppStore;
use crate::error::CommandResult;

/// What the window needs at start: where the data lives and whether it is a first start.
#[derive(Debug, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct AppInfo {
    pub data_file: String,
    pub empty: bool,
}

#[tauri::command]
pub fn app_info(state: State<AppStore>) -> CommandResult<AppInfo> {
    Ok(AppInfo { data_file: state.path.display().to_string(), empty: state.lock()?.is_empty()? })
}

#[tauri::command]
pub fn load_demo(state: State<AppStore>) -> CommandResult<i64> {
    Ok(crate::district::load_demo(&mut *state.lock()?)?.plan_id)
}
