//! The region file's commands (issue 27) and a district's «Отправить в регион».

use std::path::PathBuf;

use domain::region::{Manifest, RegionTable};
use domain::{Category, WorkStep};
use tauri::ipc::Channel;
use tauri::State;

use super::AppStore;
use crate::error::{CommandError, CommandResult, ErrorCode};
use crate::region::{self, Told};

/// The districts' table for a school year (the newest when None) and a category.
#[tauri::command]
pub async fn region_table(
    state: State<'_, AppStore>,
    year: Option<i32>,
    category: Option<Category>,
) -> CommandResult<RegionTable> {
    region::table(&*state.lock()?, year, category)
}

/// Accepts the package files and folders chosen in the dialogs, each a change of its own.
#[tauri::command]
pub async fn accept_packages<R: tauri::Runtime>(
    app: tauri::AppHandle<R>,
    paths: Vec<PathBuf>,
    progress: Channel<WorkStep>,
) -> CommandResult<Vec<Told>> {
    super::blocking(app, move |state| {
        let paths = paths.iter().map(|p| state.check_chosen(p)).collect::<CommandResult<Vec<_>>>()?;
        let work = state.work(progress);
        Ok(region::accept(&mut *state.lock()?, &paths, &work)?.into_iter().map(Told::from).collect())
    })
    .await
}

/// The name the save dialog offers for the district's package.
#[tauri::command]
pub async fn package_name(state: State<'_, AppStore>) -> CommandResult<String> {
    crate::package::default_name(&*state.lock()?, chrono::Local::now().naive_local())
}

/// «Отправить в регион»: the district's package at the path chosen in the save dialog.
#[tauri::command]
pub async fn make_package<R: tauri::Runtime>(
    app: tauri::AppHandle<R>,
    path: PathBuf,
) -> CommandResult<Manifest> {
    super::blocking(app, move |state| {
        let path = state.check_chosen(&path)?;
        crate::package::make(&*state.lock()?, &path, chrono::Local::now().naive_local())
    })
    .await
}

/// A new or empty data file becomes the region's (the first start's choice).
#[tauri::command]
pub async fn become_region(state: State<'_, AppStore>) -> CommandResult<()> {
    region::make_region(&mut *state.lock()?)
}

/// Opens the district `code` as its last package brought it, read-only, in a window of its own
/// (the same views the district sees; nothing in it can be changed).
#[tauri::command]
pub async fn open_district<R: tauri::Runtime>(app: tauri::AppHandle<R>, code: String) -> CommandResult<()> {
    super::blocking(app, move |state| {
        let folder = std::env::temp_dir().join("koordinator-districts");
        std::fs::create_dir_all(&folder).map_err(|e| io(&folder, &e))?;
        // A name of its own each time: a district opened twice is two windows on two files.
        let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S%.3f");
        let file = folder.join(format!("{code}-{stamp}.sqlite3"));
        region::extract(&*state.lock()?, &code, &file)?;
        let exe = std::env::current_exe().map_err(|e| io(&file, &e))?;
        std::process::Command::new(exe)
            .arg("--read-only")
            .arg("--db")
            .arg(&file)
            .spawn()
            .map_err(|e| io(&file, &e))?;
        Ok(())
    })
    .await
}

fn io(path: &std::path::Path, e: &std::io::Error) -> CommandError {
    CommandError::new(
        ErrorCode::Io,
        format!("Не удалось открыть район «{}»: {}", path.display(), store::io_message(e)),
    )
}
