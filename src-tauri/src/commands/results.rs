//! «Результаты»: the results registry, its import (read in a child process, previewed, written
//! in one change), corrections in the grid, and the analysis with what each school got.

use std::collections::HashMap;

use domain::effectiveness::SchoolSupport;
use domain::{Analysis, AnalysisSettings, Id, Metric, ResultRecord, ResultRow};
use exchange::results::{Context, NameChoice, ResultsPreview};
use serde::Serialize;
use tauri::State;

use super::exchange::ImportSource;
use super::AppStore;
use crate::error::{CommandError, CommandResult, ErrorCode};
use crate::import::Duplicate;
use crate::results::{self, Unmatched, Written};

/// What the analysis can be asked about: the procedures, grades and subjects the registry has.
#[derive(Debug, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct ResultChoices {
    pub years: Vec<i32>,
    pub procedures: Vec<String>,
    pub grades: Vec<i32>,
    pub subjects: Vec<String>,
    pub metrics: Vec<Metric>,
    /// The district's own indicators, analysed like results.
    pub indicators: Vec<domain::Indicator>,
}

/// The view's data: what can be chosen, the settings it was made with, the analysis and what
/// each supported school got.
#[derive(Debug, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct ResultsView {
    pub choices: ResultChoices,
    pub settings: AnalysisSettings,
    pub analysis: Analysis,
    pub support: Vec<SchoolSupport>,
}

/// The results of one year (the «Записи» grid shows a year at a time).
#[tauri::command]
pub async fn list_results(state: State<'_, AppStore>, year: Option<i32>) -> CommandResult<Vec<ResultRow>> {
    Ok(store::results::list_in(state.lock()?.read(), year)?)
}

/// The view in one round trip: the choices, and the analysis with the person's settings or at
/// first (None) with the defaults.
#[tauri::command]
pub async fn results_view(
    state: State<'_, AppStore>,
    settings: Option<AnalysisSettings>,
) -> CommandResult<ResultsView> {
    let store = state.lock()?;
    let (kinds, settings, analysis) = results::view(&store, settings)?;
    let indicators = store::results::indicators(store.read())?;
    // The view shows the measures of supported schools only.
    let supported: std::collections::HashSet<Id> =
        analysis.schools.iter().filter(|s| s.cohort.is_some()).map(|s| s.school_id).collect();
    let mut support = crate::export::school_support(&store, chrono::Local::now().date_naive())?;
    support.retain(|s| supported.contains(&s.school_id));
    let choices = ResultChoices {
        years: kinds.years,
        procedures: kinds.procedures.into_iter().map(|(p, _)| p).collect(),
        grades: kinds.grades,
        subjects: kinds.subjects,
        metrics: Metric::ALL.to_vec(),
        indicators,
    };
    Ok(ResultsView { choices, settings, analysis, support })
}

/// A file chosen in the open dialog (every sheet, read in a child process), or a table pasted
/// from Excel, Word or a browser.
fn read(state: &AppStore, source: &ImportSource) -> CommandResult<Vec<(exchange::import::Source, String)>> {
    match source {
        ImportSource::File { path, .. } => {
            let exe = std::env::current_exe()
                .map_err(|e| CommandError::new(ErrorCode::Io, store::io_message(&e)))?;
            crate::contained::read_results(&exe, &state.check_chosen(path.as_ref())?, &Default::default())
        }
        ImportSource::Pasted { text, html } => {
            let table = exchange::import::read_pasted(text, html.as_deref())
                .map_err(|e| CommandError::new(ErrorCode::Invalid, e))?;
            Ok(vec![(table, "вставленная таблица".to_owned())])
        }
    }
}

/// What a results table would write: the results, the schools matched and not.
#[tauri::command]
pub async fn preview_results(
    state: State<'_, AppStore>,
    source: ImportSource,
    hints: Context,
) -> CommandResult<ResultsPreview> {
    let sources = read(&state, &source)?;
    results::preview(&*state.lock()?, &sources, &hints)
}

/// Writes the table as previewed, the unmatched names as the person chose, in one change.
#[tauri::command]
pub async fn import_results(
    state: State<'_, AppStore>,
    source: ImportSource,
    hints: Context,
    choices: HashMap<String, NameChoice>,
    duplicate: Option<Duplicate>,
) -> CommandResult<Written> {
    let sources = read(&state, &source)?;
    let mut store = state.lock()?;
    let preview = results::preview(&store, &sources, &hints)?;
    results::write(&mut store, &preview, &choices, Unmatched::Ask, duplicate.unwrap_or_default())
}

/// Corrects one result in the grid (one change, undone with Ctrl+Z).
#[tauri::command]
pub async fn update_result(state: State<'_, AppStore>, id: Id, record: ResultRecord) -> CommandResult<()> {
    let mut store = state.lock()?;
    let label = format!("Результат изменён: {} {}", record.procedure, record.year);
    Ok(store.change(label, |tx| store::results::update(tx, id, &record))?)
}

/// A district indicator with its values (school, year, value).
#[derive(Debug, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct IndicatorValues {
    pub indicator: domain::Indicator,
    pub values: Vec<IndicatorValue>,
}

#[derive(Debug, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct IndicatorValue {
    pub school_id: Id,
    pub year: i32,
    pub value: f64,
}

#[tauri::command]
pub async fn list_indicators(state: State<'_, AppStore>) -> CommandResult<Vec<IndicatorValues>> {
    let store = state.lock()?;
    let conn = store.read();
    let mut out = Vec::new();
    for indicator in store::results::indicators(conn)? {
        let values = store::results::indicator_values(conn, indicator.id)?
            .into_iter()
            .map(|(school_id, year, value)| IndicatorValue { school_id, year, value })
            .collect();
        out.push(IndicatorValues { indicator, values });
    }
    Ok(out)
}

#[tauri::command]
pub async fn add_indicator(
    state: State<'_, AppStore>,
    name: String,
    unit: String,
    higher_is_better: bool,
) -> CommandResult<Id> {
    let label = format!("Показатель района: {}", domain::text::one_line(&name));
    Ok(state.lock()?.change(label, |tx| store::results::add_indicator(tx, &name, &unit, higher_is_better))?)
}

/// Sets (or with None clears) a value; one change each.
#[tauri::command]
pub async fn set_indicator_value(
    state: State<'_, AppStore>,
    indicator_id: Id,
    school_id: Id,
    year: i32,
    value: Option<f64>,
) -> CommandResult<()> {
    let label = format!("Значение показателя за {year} год");
    Ok(state.lock()?.change(label, |tx| {
        store::school::get(tx, school_id)?;
        store::results::set_indicator_value(tx, indicator_id, school_id, year, value)
    })?)
}
