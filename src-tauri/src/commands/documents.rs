use std::path::PathBuf;

use domain::WorkStep;
use serde::Serialize;
use tauri::ipc::Channel;
use tauri::State;
use tauri_plugin_opener::OpenerExt;

use super::AppStore;
use crate::error::{CommandError, CommandResult, ErrorCode};
use crate::export::{self, ExportRequest, Exported};

/// Saves the document to `path` (chosen in the native save dialog): PDF, DOCX or XLSX by its
/// extension.
#[tauri::command]
pub async fn export_document<R: tauri::Runtime>(
    app: tauri::AppHandle<R>,
    request: ExportRequest,
    path: PathBuf,
    progress: Channel<WorkStep>,
) -> CommandResult<Exported> {
    super::blocking(app, move |state| {
        let path = state.check_chosen(&path)?;
        let now = chrono::Local::now();
        let work = state.work(progress);
        let saved = export::export_to_file(
            &*state.lock()?,
            &request,
            &path,
            now.date_naive(),
            now.timestamp(),
            &work,
        )?;
        state.remember_export(&path);
        Ok(saved)
    })
    .await
}

/// The document's pages, for the preview and the system print dialog: nothing is saved.
#[tauri::command]
pub async fn preview_document<R: tauri::Runtime>(
    app: tauri::AppHandle<R>,
    request: ExportRequest,
    progress: Channel<WorkStep>,
) -> CommandResult<export::DocumentPreview> {
    super::blocking(app, move |state| {
        let now = chrono::Local::now();
        export::preview(&*state.lock()?, &request, now.date_naive(), now.timestamp(), &state.work(progress))
    })
    .await
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

/// A column of the roadmap table, as the Документы view offers it.
#[derive(Debug, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct ColumnChoice {
    pub column: documents::Column,
    pub title: String,
    /// Ticked unless the user unticks it.
    pub usual: bool,
    /// Ticked for the completion report.
    pub in_report: bool,
}

/// A block above the roadmap's table, as the Документы view offers it (all ticked at first).
#[derive(Debug, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct BlockChoice {
    pub block: domain::RoadmapBlock,
    pub title: String,
}

/// The roadmap's columns and blocks, as the Документы view offers them.
#[derive(Debug, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct ExportChoices {
    pub columns: Vec<ColumnChoice>,
    pub blocks: Vec<BlockChoice>,
}

/// `usual`: the columns the plan fills (none of its events has a value in the others).
#[tauri::command]
pub async fn export_choices(
    state: State<'_, AppStore>,
    plan_id: Option<domain::Id>,
) -> CommandResult<ExportChoices> {
    let usual = match plan_id {
        Some(id) => documents::Column::filled_in(&store::roadmap::read(state.lock()?.read(), id)?),
        None => vec![documents::Column::Number, documents::Column::Content],
    };
    let columns = documents::Column::ALL
        .iter()
        .map(|&c| ColumnChoice {
            column: c,
            title: c.title().into(),
            usual: usual.contains(&c),
            in_report: documents::REPORT_COLUMNS.contains(&c),
        })
        .collect();
    let blocks = domain::RoadmapBlock::ALL
        .iter()
        .map(|&b| BlockChoice { block: b, title: b.title().into() })
        .collect();
    Ok(ExportChoices { columns, blocks })
}
