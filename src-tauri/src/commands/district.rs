use app::commands::district::AppInfo;
use tauri::State;

use super::AppStore;
use crate::error::CommandResult;

#[tauri::command]
pub async fn app_info(state: State<'_, AppStore>) -> CommandResult<AppInfo> {
    app::commands::district::app_info(&state)
}

#[tauri::command]
pub async fn load_demo(state: State<'_, AppStore>) -> CommandResult<i64> {
    app::commands::district::load_demo(&mut *state.lock()?)
}

#[tauri::command]
pub async fn list_backups(state: State<'_, AppStore>) -> CommandResult<Vec<domain::Backup>> {
    app::commands::district::list_backups(&state)
}

#[tauri::command]
pub async fn make_backup(state: State<'_, AppStore>) -> CommandResult<domain::Backup> {
    app::commands::district::make_backup(&mut *state.lock()?)
}

#[tauri::command]
pub async fn restore_backup(state: State<'_, AppStore>, path: String) -> CommandResult<domain::Backup> {
    app::commands::district::restore_backup(&state, path)
}

#[tauri::command]
pub async fn data_version(state: State<'_, AppStore>) -> CommandResult<i64> {
    app::commands::district::data_version(&*state.try_lock()?)
}

#[tauri::command]
pub async fn district_profile(state: State<'_, AppStore>) -> CommandResult<domain::DistrictProfile> {
    app::commands::district::district_profile(&*state.lock()?)
}

#[tauri::command]
pub async fn save_district_profile(
    state: State<'_, AppStore>,
    profile: domain::DistrictProfile,
) -> CommandResult<()> {
    app::commands::district::save_district_profile(&mut *state.lock()?, profile)
}
