//! Import of plans (tables and bundles), export of bundles and the copy to next year.

use std::path::PathBuf;

use domain::{Id, Period, Work};
use exchange::import::{Recognised, Role, Written};
use serde::Deserialize;
use store::Store;

use crate::error::{CommandError, CommandResult, ErrorCode};
use crate::import;
use crate::state::AppStore;

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

/// Next year's plan from this one.
pub fn copy_plan(store: &mut Store, plan_id: Id, years: i32) -> CommandResult<Written> {
    import::copy_plan(store, plan_id, years)
}

/// The program itself: it reads import files in a child process.
pub fn program() -> CommandResult<PathBuf> {
    std::env::current_exe().map_err(|e| CommandError::new(ErrorCode::Io, store::io_message(&e)))
}

/// The table `source` holds: a file chosen in this session's open dialog, read in a child
/// process (a reader that fails hard takes only that process down), or a pasted table.
fn read(state: &AppStore, source: &ImportSource, work: &Work) -> CommandResult<exchange::import::Source> {
    match source {
        ImportSource::File { path, sheet } => crate::contained::read_file(
            &program()?,
            &state.check_chosen(path.as_ref())?,
            sheet.as_deref(),
            work,
        ),
        ImportSource::Pasted { text, html } => import::read_pasted(text, html.as_deref()),
    }
}

/// Events a preview shows (and as many more that need a look).
const PREVIEW_ROWS: usize = 300;

/// What the import would write, with the columns as recognised or as the person mapped them.
/// Step by step and stoppable: a 20 000-row workbook is read in a child process the stop kills,
/// and only the preview's rows travel to the window (the import reads the table again, whole).
pub fn preview_import(
    state: &AppStore,
    source: ImportSource,
    period: Option<Period>,
    roles: Option<Vec<Role>>,
    work: Work,
) -> CommandResult<Recognised> {
    work.step("Чтение файла", 0, 2)?;
    let table = read(state, &source, &work)?;
    work.step("Распознавание таблицы", 1, 2)?;
    let r = import::preview(&*state.lock()?, &table, period.as_ref(), roles.as_deref())?;
    Ok(r.shortened(PREVIEW_ROWS))
}

/// Writes the plan in one transaction (a .json is a plan bundle and keeps its own period); a big
/// file reports its steps to `work` and can be stopped.
#[allow(clippy::too_many_arguments)] // the window's form, field by field
pub fn import_plan(
    state: &AppStore,
    source: ImportSource,
    period: Option<Period>,
    title: String,
    issuer: String,
    roles: Option<Vec<Role>>,
    duplicate: Option<import::Duplicate>,
    work: Work,
) -> CommandResult<Written> {
    let duplicate = duplicate.unwrap_or_default();
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
}

/// Saves a plan as a bundle another Koordinator imports, at a path chosen in the save dialog.
pub fn export_bundle(state: &AppStore, plan_id: Id, path: PathBuf) -> CommandResult<()> {
    let path = state.check_chosen(&path)?;
    import::save_bundle(&*state.lock()?, plan_id, &path)
}
