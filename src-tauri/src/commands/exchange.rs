//! Import of plans and export of bundles: the bodies are `app::commands::exchange`'s.

use std::path::PathBuf;

use app::commands::exchange::ImportSource;
use domain::{Id, Period, WorkStep};
use exchange::import::{Recognised, Role, Written};
use tauri::ipc::Channel;
use tauri::State;

use super::{blocking, AppStore, Progress};
use crate::error::CommandResult;
use crate::import;

#[tauri::command]
pub async fn preview_import<R: tauri::Runtime>(
    app: tauri::AppHandle<R>,
    source: ImportSource,
    period: Option<Period>,
    roles: Option<Vec<Role>>,
    progress: Channel<WorkStep>,
) -> CommandResult<Recognised> {
    blocking(app, move |s| {
        app::commands::exchange::preview_import(s, source, period, roles, s.work_to(progress))
    })
    .await
}

#[tauri::command]
#[allow(clippy::too_many_arguments)] // the window's form, field by field
pub async fn import_plan<R: tauri::Runtime>(
    app: tauri::AppHandle<R>,
    source: ImportSource,
    period: Option<Period>,
    title: String,
    issuer: String,
    roles: Option<Vec<Role>>,
    duplicate: Option<import::Duplicate>,
    progress: Channel<WorkStep>,
) -> CommandResult<Written> {
    blocking(app, move |s| {
        app::commands::exchange::import_plan(
            s,
            source,
            period,
            title,
            issuer,
            roles,
            duplicate,
            s.work_to(progress),
        )
    })
    .await
}

/// Stops the running import or export at its next step; what it wrote is rolled back.
#[tauri::command]
pub async fn cancel_work(state: State<'_, AppStore>) -> CommandResult<()> {
    state.cancel_work();
    Ok(())
}

#[tauri::command]
pub async fn export_bundle(state: State<'_, AppStore>, plan_id: Id, path: PathBuf) -> CommandResult<()> {
    app::commands::exchange::export_bundle(&state, plan_id, path)
}

#[tauri::command]
pub async fn copy_plan(state: State<'_, AppStore>, plan_id: Id, years: i32) -> CommandResult<Written> {
    app::commands::exchange::copy_plan(&mut *state.lock()?, plan_id, years)
}
