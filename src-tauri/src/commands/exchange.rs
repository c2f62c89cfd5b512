use std::path::PathBuf;

use domain::WorkStep;
use domain::{Id, Period};
use exchange::import::{Recognised, Role, Written};
use serde::Deserialize;
use tauri::ipc::Channel;
use tauri::State;

use super::AppStore;
use crate::error::CommandResult;
use crate::import;

/// Where the table comes from: a file chosen in the open dialog, or the clipboard.
#[derive(Debug, Deserialize, ts_rs::TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[ts(export)]
pub enum ImportSource {
    /// `sheet`: the workbook's sheet the person chose (else the fullest).
    File {
        path: String,
        sheet: Option<String>,
    },
    Pasted {
        text: String,
        html: Option<String>,
    },
}

fn read(
    state: &AppStore,
    source: &ImportSource,
    work: &domain::Work,
) -> CommandResult<exchange::import::Source> {
    match source {
        ImportSource::File { path, sheet } => {
            // In a child process: a reader that fails hard takes only that process down.
            let exe = std::env::current_exe().map_err(|e| {
                crate::error::CommandError::new(crate::error::ErrorCode::Io, store::io_message(&e))
            })?;
            crate::contained::read_file(&exe, &state.check_chosen(path.as_ref())?, sheet.as_deref(), work)
        }
        ImportSource::Pasted { text, html } => import::read_pasted(text, html.as_deref()),
    }
}

/// What the import would write, with the columns as recognised or as the user mapped them.
#[tauri::command]
pub async fn preview_import<R: tauri::Runtime>(
    app: tauri::AppHandle<R>,
    source: ImportSource,
    period: Option<Period>,
    roles: Option<Vec<Role>>,
    progress: Channel<WorkStep>,
) -> CommandResult<Recognised> {
    // Off the async runtime, step by step, stoppable: a 20 000-row workbook is read in a child
    // process the stop kills, and only the preview's rows travel to the window (the import
    // reads the table again, whole).
    super::blocking(app, move |state| {
        let work = state.work(progress);
        work.step("Чтение файла", 0, 2)?;
        let table = read(state, &source, &work)?;
        work.step("Распознавание таблицы", 1, 2)?;
        let r = import::preview(&*state.lock()?, &table, period.as_ref(), roles.as_deref())?;
        Ok(r.shortened(PREVIEW_ROWS))
    })
    .await
}

/// Events a preview shows (and as many more that need a look).
const PREVIEW_ROWS: usize = 300;

/// Writes the plan in one transaction (a .json is a plan bundle and keeps its own period), on a
/// blocking thread: a big file reports its steps on `progress` and can be stopped.
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
    super::blocking(app, move |state| {
        let duplicate = duplicate.unwrap_or_default();
        let work = state.work(progress);
        if let ImportSource::File { path, .. } = &source {
            work.step("Чтение файла", 0, 1)?;
            if let Some(bundle) = import::read_bundle(&state.check_chosen(path.as_ref())?)? {
                return import::write_bundle(&mut *state.lock()?, &bundle, duplicate, &work);
            }
        }
        let table = read(state, &source, &work)?;
        let choice = import::PlanChoice {
            title: Some(title.as_str()).filter(|t| !t.trim().is_empty()),
            issuer: Some(issuer.as_str()),
            period,
            roles: roles.as_deref(),
            duplicate,
            work,
        };
        import::write(&mut *state.lock()?, &table, &choice, "Импортированная дорожная карта")
    })
    .await
}

/// Stops the running import or export at its next step; what it wrote is rolled back.
#[tauri::command]
pub async fn cancel_work(state: State<'_, AppStore>) -> CommandResult<()> {
    state.cancel_work();
    Ok(())
}

/// Saves a plan as a bundle another Koordinator imports.
#[tauri::command]
pub async fn export_bundle(state: State<'_, AppStore>, plan_id: Id, path: PathBuf) -> CommandResult<()> {
    let path = state.check_chosen(&path)?;
    import::save_bundle(&*state.lock()?, plan_id, &path)
}

/// Next year's plan from this one.
#[tauri::command]
pub async fn copy_plan(state: State<'_, AppStore>, plan_id: Id, years: i32) -> CommandResult<Written> {
    import::copy_plan(&mut *state.lock()?, plan_id, years)
}
