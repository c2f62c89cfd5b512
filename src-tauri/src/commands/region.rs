//! The region file's commands (issue 27) and a district's «Отправить в регион».

use std::path::PathBuf;

use domain::region::{Manifest, RegionTable};
use domain::{Category, WorkStep};
use tauri::ipc::Channel;
use tauri::State;

use super::{blocking, AppStore, Progress};
use crate::error::CommandResult;
use crate::region::Told;

#[tauri::command]
pub async fn region_table(
    state: State<'_, AppStore>,
    year: Option<i32>,
    category: Option<Category>,
) -> CommandResult<RegionTable> {
    app::commands::region::region_table(&*state.lock()?, year, category)
}

#[tauri::command]
pub async fn accept_packages<R: tauri::Runtime>(
    app: tauri::AppHandle<R>,
    paths: Vec<PathBuf>,
    progress: Channel<WorkStep>,
) -> CommandResult<Vec<Told>> {
    blocking(app, move |s| app::commands::region::accept_packages(s, paths, s.work_to(progress))).await
}

#[tauri::command]
pub async fn package_name(state: State<'_, AppStore>) -> CommandResult<String> {
    app::commands::region::package_name(&*state.lock()?)
}

#[tauri::command]
pub async fn make_package<R: tauri::Runtime>(
    app: tauri::AppHandle<R>,
    path: PathBuf,
) -> CommandResult<Manifest> {
    blocking(app, move |s| app::commands::region::make_package(s, path)).await
}

#[tauri::command]
pub async fn become_region(state: State<'_, AppStore>) -> CommandResult<()> {
    app::commands::region::become_region(&mut *state.lock()?)
}

#[tauri::command]
pub async fn open_district<R: tauri::Runtime>(app: tauri::AppHandle<R>, code: String) -> CommandResult<()> {
    blocking(app, move |s| app::commands::region::open_district(s, code)).await
}
