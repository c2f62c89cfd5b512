use std::path::PathBuf;

use serde::Serialize;
use tauri::State;
use tauri_plugin_opener::OpenerExt;

use super::AppStore;
use crate::error::{CommandError, CommandResult, ErrorCode};
use crate::export::{self, ExportRequest};

/// What the window says after saving a document.
#[derive(Debug, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct Exported {
    pub path: String,
    pub pages: u32,
    pub kilobytes: u32,
    pub warnings: Vec<String>,
}

/// Prints the document to `path` (chosen in the native save dialog).
#[tauri::command]
pub fn export_document(
    state: State<AppStore>,
    request: ExportRequest,
    path: PathBuf,
) -> CommandResult<Exported> {
    let now = chrono::Local::now();
    let pdf = export::export(&*state.lock()?, &request, now.date_naive(), now.timestamp())?;
    export::write(&pdf, &path)?;
    Ok(Exported {
        path: path.display().to_string(),
        pages: pdf.pages as u32,
        kilobytes: pdf.bytes.len().div_ceil(1024) as u32,
        warnings: pdf.warnings,
    })
}

/// Opens a saved document in the system's viewer.
#[tauri::command]
pub fn open_document<R: tauri::Runtime>(app: tauri::AppHandle<R>, path: PathBuf) -> CommandResult<()> {
    app.opener().open_path(path.display().to_string(), None::<&str>).map_err(|e| {
        CommandError::new(ErrorCode::Io, format!("не удалось открыть «{}»: {e}", path.display()))
    })
}

/// A roadmap column the user may print: its code and its title in the table.
#[derive(Debug, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct ColumnChoice {
    pub code: String,
    pub title: String,
    /// Printed unless the user unticks it.
    pub usual: bool,
}

#[tauri::command]
pub fn roadmap_columns() -> Vec<ColumnChoice> {
    let usual = documents::RoadmapOptions::default().columns;
    documents::Column::ALL
        .iter()
        .map(|c| ColumnChoice { code: c.code().into(), title: c.title().into(), usual: usual.contains(c) })
        .collect()
}
