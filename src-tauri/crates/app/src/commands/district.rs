//! The data file: what the window needs at start, the demo, backups and the district's profile.

use serde::Serialize;
use store::Store;

use crate::error::{CommandError, CommandResult, ErrorCode};
use crate::state::AppStore;

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

pub fn load_demo(store: &mut Store) -> CommandResult<i64> {
    Ok(crate::district::load_demo(store)?.plan_id)
}

pub fn make_backup(store: &mut Store) -> CommandResult<domain::Backup> {
    Ok(store.backup()?)
}

/// SQLite's data_version: it moves when another connection (the command line) commits, so the
/// window knows to read again.
pub fn data_version(store: &Store) -> CommandResult<i64> {
    Ok(store.data_version()?)
}

/// The district's profile, asked at the first start.
pub fn district_profile(store: &Store) -> CommandResult<domain::DistrictProfile> {
    Ok(store::setting::profile(store.read())?)
}

pub fn save_district_profile(store: &mut Store, profile: domain::DistrictProfile) -> CommandResult<()> {
    Ok(store.change("Сведения о районе", |tx| store::setting::set_profile(tx, &profile))?)
}

/// Where the data lives and whether this is a first start.
pub fn app_info(state: &AppStore) -> CommandResult<AppInfo> {
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

/// «Резервные копии», newest first.
pub fn list_backups(state: &AppStore) -> CommandResult<Vec<domain::Backup>> {
    Ok(store::backup::list(&state.path)?)
}

/// Restores one of the listed backups (after backing up the current state); returns that copy.
pub fn restore_backup(state: &AppStore, path: String) -> CommandResult<domain::Backup> {
    let listed = store::backup::list(&state.path)?;
    if !listed.iter().any(|b| b.path == path) {
        return Err(CommandError::new(ErrorCode::NotFound, "Такой резервной копии нет в списке."));
    }
    Ok(state.lock()?.restore(std::path::Path::new(&path))?)
}
