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
    /// The program's log file.
    pub log_file: String,
    pub empty: bool,
    /// Nothing in the file and no district profile: the window asks who the district is.
    pub first_start: bool,
    /// Why the data file cannot be written (a read-only file, folder or disk), when it cannot:
    /// the window shows it; every change is refused with the same words.
    pub read_only: Option<String>,
    /// A region's file: the window shows its districts instead of a district's own views.
    pub region: bool,
}

#[tauri::command]
pub async fn app_info(state: State<'_, AppStore>) -> CommandResult<AppInfo> {
    let store = state.lock()?;
    let empty = store.is_empty()?;
    let region = store::region::is_region(store.read())?;
    Ok(AppInfo {
        version: env!("CARGO_PKG_VERSION").to_owned(),
        data_file: state.path.display().to_string(),
        backups_folder: store::backup::folder(&state.path).display().to_string(),
        log_file: crate::applog::path().map(|p| p.display().to_string()).unwrap_or_default(),
        empty,
        first_start: empty
            && !region
            && !store.is_read_only()
            && store::setting::profile(store.read())?.issuer.is_empty(),
        read_only: store.read_only_reason().map(|e| e.to_string()),
        region,
    })
}

#[tauri::command]
pub async fn load_demo(state: State<'_, AppStore>) -> CommandResult<i64> {
    Ok(crate::district::load_demo(&mut *state.lock()?)?.plan_id)
}

/// «Резервные копии», newest first.
#[tauri::command]
pub async fn list_backups(state: State<'_, AppStore>) -> CommandResult<Vec<domain::Backup>> {
    Ok(store::backup::list(&state.path)?)
}

#[tauri::command]
pub async fn make_backup(state: State<'_, AppStore>) -> CommandResult<domain::Backup> {
    Ok(state.lock()?.backup()?)
}

/// Restores one of the listed backups (after backing up the current state); returns that copy.
#[tauri::command]
pub async fn restore_backup(state: State<'_, AppStore>, path: String) -> CommandResult<domain::Backup> {
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
pub async fn data_version(state: State<'_, AppStore>) -> CommandResult<i64> {
    Ok(state.try_lock()?.data_version()?)
}

/// The district's profile, asked at the first start.
#[tauri::command]
pub async fn district_profile(state: State<'_, AppStore>) -> CommandResult<domain::DistrictProfile> {
    Ok(store::setting::profile(state.lock()?.read())?)
}

#[tauri::command]
pub async fn save_district_profile(
    state: State<'_, AppStore>,
    profile: domain::DistrictProfile,
) -> CommandResult<()> {
    Ok(state
        .lock()?
        .change("Сведения о районе", |tx| store::setting::set_profile(tx, &profile))?)
}
