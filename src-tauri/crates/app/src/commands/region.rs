//! The region file's commands (issue 27) and a district's «Отправить в регион».

use std::path::{Path, PathBuf};

use domain::region::{Manifest, RegionTable};
use domain::{Category, Work};
use store::Store;

use crate::error::{CommandError, CommandResult, ErrorCode};
use crate::region::{self, Told};
use crate::state::AppStore;

/// The districts' table for a school year (the newest when None) and a category.
pub fn region_table(
    store: &Store,
    year: Option<i32>,
    category: Option<Category>,
) -> CommandResult<RegionTable> {
    region::table(store, year, category)
}

/// The name the save dialog offers for the district's package.
pub fn package_name(store: &Store) -> CommandResult<String> {
    crate::package::default_name(store, chrono::Local::now().naive_local())
}

/// A new or empty data file becomes the region's (the first start's choice).
pub fn become_region(store: &mut Store) -> CommandResult<()> {
    region::make_region(store)
}

/// Accepts the package files and folders chosen in the dialogs, each a change of its own.
pub fn accept_packages(state: &AppStore, paths: Vec<PathBuf>, work: Work) -> CommandResult<Vec<Told>> {
    let paths = paths.iter().map(|p| state.check_chosen(p)).collect::<CommandResult<Vec<_>>>()?;
    Ok(region::accept(&mut *state.lock()?, &paths, &work)?.into_iter().map(Told::from).collect())
}

/// «Отправить в регион»: the district's package at the path chosen in the save dialog.
pub fn make_package(state: &AppStore, path: PathBuf) -> CommandResult<Manifest> {
    let path = state.check_chosen(&path)?;
    crate::package::make(&*state.lock()?, &path, chrono::Local::now().naive_local())
}

/// Opens the district `code` as its last package brought it, read-only, in a window of its own
/// (the same views the district sees; nothing in it can be changed).
pub fn open_district(state: &AppStore, code: String) -> CommandResult<()> {
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
}

fn io(path: &Path, e: &std::io::Error) -> CommandError {
    CommandError::new(
        ErrorCode::Io,
        format!("Не удалось открыть район «{}»: {}", path.display(), store::io_message(e)),
    )
}
