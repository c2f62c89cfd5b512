//! «Результаты»: the results registry, its import (read in a child process, previewed, written
//! in one change), corrections in the grid, and the analysis with what each school got.

use std::collections::HashMap;

use app::commands::exchange::ImportSource;
use app::commands::results::{IndicatorValues, ResultsView};
use domain::{AnalysisSettings, Id, ResultRecord, ResultRow};
use exchange::results::{Context, NameChoice, ResultsPreview};
use tauri::State;

use super::AppStore;
use crate::error::CommandResult;
use crate::import::Duplicate;
use crate::results::Written;

#[tauri::command]
pub async fn list_results(state: State<'_, AppStore>, year: Option<i32>) -> CommandResult<Vec<ResultRow>> {
    app::commands::results::list_results(&*state.lock()?, year)
}

#[tauri::command]
pub async fn results_view(
    state: State<'_, AppStore>,
    settings: Option<AnalysisSettings>,
) -> CommandResult<ResultsView> {
    app::commands::results::results_view(&*state.lock()?, settings)
}

#[tauri::command]
pub async fn preview_results(
    state: State<'_, AppStore>,
    source: ImportSource,
    hints: Context,
) -> CommandResult<ResultsPreview> {
    app::commands::results::preview_results(&state, source, hints)
}

#[tauri::command]
pub async fn import_results(
    state: State<'_, AppStore>,
    source: ImportSource,
    hints: Context,
    choices: HashMap<String, NameChoice>,
    duplicate: Option<Duplicate>,
) -> CommandResult<Written> {
    app::commands::results::import_results(&state, source, hints, choices, duplicate)
}

#[tauri::command]
pub async fn update_result(state: State<'_, AppStore>, id: Id, record: ResultRecord) -> CommandResult<()> {
    app::commands::results::update_result(&mut *state.lock()?, id, record)
}

#[tauri::command]
pub async fn list_indicators(state: State<'_, AppStore>) -> CommandResult<Vec<IndicatorValues>> {
    app::commands::results::list_indicators(&*state.lock()?)
}

#[tauri::command]
pub async fn add_indicator(
    state: State<'_, AppStore>,
    name: String,
    unit: String,
    higher_is_better: bool,
) -> CommandResult<Id> {
    app::commands::results::add_indicator(&mut *state.lock()?, name, unit, higher_is_better)
}

#[tauri::command]
pub async fn set_indicator_value(
    state: State<'_, AppStore>,
    indicator_id: Id,
    school_id: Id,
    year: i32,
    value: Option<f64>,
) -> CommandResult<()> {
    app::commands::results::set_indicator_value(&mut *state.lock()?, indicator_id, school_id, year, value)
}
