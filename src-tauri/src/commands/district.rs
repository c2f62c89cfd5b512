use serde::Serialize;
use tauri::State;

use super::AppStore;
use crate::error::CommandResult;

/// What the window needs at start: where the data lives and whether it is a first start.
#[derive(Debug, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct AppInfo {
    pub version: String,
    pub data_file: String,
    pub backups_folder: String,
    pub empty: bool,
    /// Nothing in the file and no district profile: the window asks who the district is.
    pub first_start: bool,
}

#[tauri::command]
pub fn app_info(state: State<AppStore>) -> CommandResult<AppInfo> {
    Ok(AppInfo {
        version: env!("CARGO_PKG_VERSION").to_owned(),
        data_file: state.path.display().to_string(),
        backups_folder: store::backup::folder(&state.path).display().to_string(),
        empty: state.lock()?.is_empty()?,
        first_start: {
            let store = state.lock()?;
            store.is_empty()? && store::setting::profile(store.read())?.issuer.is_empty()
        },
    })
}

#[tauri::command]
pub fn load_demo(state: State<AppStore>) -> CommandResult<i64> {
    Ok(crate::district::load_demo(&mut *state.lock()?)?.plan_id)
}

/// «Резервные копии», newest first.
#[tauri::command]
pub fn list_backups(state: State<AppStore>) -> CommandResult<Vec<domain::Backup>> {
    Ok(store::backup::list(&state.path)?)
}

#[tauri::command]
pub fn make_backup(state: State<AppStore>) -> CommandResult<domain::Backup> {
    Ok(state.lock()?.backup()?)
}

/// Restores one of the listed backups (after backing up the current state); returns that copy.
#[tauri::command]
pub fn restore_backup(state: State<AppStore>, path: String) -> CommandResult<domain::Backup> {
    let listed = store::backup::list(&state.path)?;
    if !listed.iter().any(|b| b.path == path) {
        return Err(crate::error::CommandError::new(
            crate::error::ErrorCode::NotFound,
            "Такой резервной копии нет в списке.",
        ));
    }
    Ok(state.lock()?.restore(std::path::Path::new(&path))?)
}

/// SQLite's data_version: it moves when another connection (the command line) commits, so the
/// window knows to read again.
#[tauri::command]
pub fn data_version(state: State<AppStore>) -> CommandResult<i64> {
    Ok(state.lock()?.data_version()?)
}

/// The district's profile, asked at the first start.
#[tauri::command]
pub fn district_profile(state: State<AppStore>) -> CommandResult<domain::DistrictProfile> {
    Ok(store::setting::profile(state.lock()?.read())?)
}

#[tauri::command]
pub fn save_district_profile(state: State<AppStore>, profile: domain::DistrictProfile) -> CommandResult<()> {
    Ok(state.lock()?.change("Сведения о районе", |tx| store::setting::set_profile(tx, &profile))?)
}
