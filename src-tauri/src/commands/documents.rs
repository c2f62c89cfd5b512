use std::path::PathBuf;

use app::commands::documents::ExportChoices;
use domain::WorkStep;
use tauri::ipc::Channel;
use tauri::State;
use tauri_plugin_opener::OpenerExt;

use super::{blocking, AppStore, Progress};
use crate::error::{CommandError, CommandResult, ErrorCode};
use crate::export::{DocumentPreview, ExportRequest, Exported};

#[tauri::command]
pub async fn export_document<R: tauri::Runtime>(
    app: tauri::AppHandle<R>,
    request: ExportRequest,
    path: PathBuf,
    progress: Channel<WorkStep>,
) -> CommandResult<Exported> {
    blocking(app, move |s| app::commands::documents::export_document(s, request, path, s.work_to(progress)))
        .await
}

#[tauri::command]
pub async fn preview_document<R: tauri::Runtime>(
    app: tauri::AppHandle<R>,
    request: ExportRequest,
    progress: Channel<WorkStep>,
) -> CommandResult<DocumentPreview> {
    blocking(app, move |s| app::commands::documents::preview_document(s, request, s.work_to(progress))).await
}

/// The system's print dialog for the window's page: while a preview is printed, the page's
/// print styles leave only the document's sheets. (WebKitGTK does not answer the page's own
/// `window.print()`; wry's print operation does, and WebView2 the same call.)
#[tauri::command]
pub fn print_page<R: tauri::Runtime>(webview: tauri::Webview<R>) -> CommandResult<()> {
    webview.print().map_err(|_| CommandError::new(ErrorCode::Io, "Не удалось открыть окно печати."))
}

/// Opens a document this window saved in this session in the system's viewer; any other path
/// the page might send is refused.
#[tauri::command]
pub async fn open_document<R: tauri::Runtime>(
    app: tauri::AppHandle<R>,
    state: State<'_, AppStore>,
    path: PathBuf,
) -> CommandResult<()> {
    if !state.was_exported(&path) {
        return Err(CommandError::new(
            ErrorCode::Invalid,
            "Открыть можно только документ, сохранённый в этом окне в этом сеансе.",
        ));
    }
    app.opener().open_path(path.display().to_string(), None::<&str>).map_err(|_| {
        CommandError::new(
            ErrorCode::Io,
            format!("Не удалось открыть «{}»: нет программы для просмотра этого файла.", path.display()),
        )
    })
}

#[tauri::command]
pub async fn export_choices(
    state: State<'_, AppStore>,
    plan_id: Option<domain::Id>,
) -> CommandResult<ExportChoices> {
    app::commands::documents::export_choices(&*state.lock()?, plan_id)
}
