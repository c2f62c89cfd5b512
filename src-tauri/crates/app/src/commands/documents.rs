//! «Документы»: what can be printed for a plan, a document saved or shown before printing.

use std::path::PathBuf;

use domain::Work;
use serde::Serialize;
use store::Store;

use crate::error::CommandResult;
use crate::export::{self, DocumentPreview, ExportRequest, Exported};
use crate::state::AppStore;

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
pub fn export_choices(store: &Store, plan_id: Option<domain::Id>) -> CommandResult<ExportChoices> {
    let usual = match plan_id {
        Some(id) => documents::Column::filled_in(&store::roadmap::read(store.read(), id)?),
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

/// Saves the document to `path` (chosen in the save dialog): PDF, DOCX or XLSX by its
/// extension; the window may then open it.
pub fn export_document(
    state: &AppStore,
    request: ExportRequest,
    path: PathBuf,
    work: Work,
) -> CommandResult<Exported> {
    let path = state.check_chosen(&path)?;
    let now = chrono::Local::now();
    let saved =
        export::export_to_file(&*state.lock()?, &request, &path, now.date_naive(), now.timestamp(), &work)?;
    state.remember_export(&path);
    Ok(saved)
}

/// The document's pages, for the preview and the system print dialog: nothing is saved.
pub fn preview_document(
    state: &AppStore,
    request: ExportRequest,
    work: Work,
) -> CommandResult<DocumentPreview> {
    let now = chrono::Local::now();
    export::preview(&*state.lock()?, &request, now.date_naive(), now.timestamp(), &work)
}
