//! The file dialogs, opened by the backend: a path the window reads or writes must be one the
//! person chose in a dialog of this session — the page cannot name any other (a compromised
//! or buggy page could otherwise read or overwrite any file the user can).

use serde::Deserialize;
use tauri::Manager;
use tauri_plugin_dialog::DialogExt;

use super::AppStore;
use crate::error::{CommandError, CommandResult, ErrorCode};

/// A filter of the dialog: «PDF» with «pdf».
#[derive(Debug, Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct FileFilter {
    pub name: String,
    pub extensions: Vec<String>,
}

/// What the page asks for: a file to open, or a place to save.
#[derive(Debug, Deserialize, ts_rs::TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[ts(export)]
pub enum FileDialog {
    Open {
        title: String,
        filters: Vec<FileFilter>,
    },
    /// A folder (district packages gathered in one).
    Folder {
        title: String,
    },
    Save {
        title: String,
        file_name: String,
        filters: Vec<FileFilter>,
    },
}

/// Shows the system's dialog over the window; the chosen path (None if cancelled), remembered
/// as chosen.
#[tauri::command]
pub async fn choose_file<R: tauri::Runtime>(
    app: tauri::AppHandle<R>,
    dialog: FileDialog,
) -> CommandResult<Option<String>> {
    let shown = app.clone();
    let chosen = tauri::async_runtime::spawn_blocking(move || {
        let mut builder = shown.dialog().file();
        if let Some(window) = shown.get_webview_window("main") {
            builder = builder.set_parent(&window);
        }
        let (title, filters) = match &dialog {
            FileDialog::Open { title, filters } | FileDialog::Save { title, filters, .. } => {
                (title, filters.as_slice())
            }
            FileDialog::Folder { title } => (title, &[][..]),
        };
        builder = builder.set_title(title);
        for f in filters {
            let extensions: Vec<&str> = f.extensions.iter().map(String::as_str).collect();
            builder = builder.add_filter(&f.name, &extensions);
        }
        match &dialog {
            FileDialog::Open { .. } => builder.blocking_pick_file(),
            FileDialog::Folder { .. } => builder.blocking_pick_folder(),
            FileDialog::Save { file_name, .. } => builder.set_file_name(file_name).blocking_save_file(),
        }
    })
    .await
    .map_err(|e| CommandError::new(ErrorCode::Storage, format!("Внутренняя ошибка программы: {e}")))?;
    let Some(path) = chosen.and_then(|p| p.into_path().ok()) else { return Ok(None) };
    app.state::<AppStore>().remember_chosen(&path);
    Ok(Some(path.display().to_string()))
}
