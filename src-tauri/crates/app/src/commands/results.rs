//! «Результаты»: the results registry, its import (read in a child process, previewed, written
//! in one change), corrections in the grid, and the analysis with what each school got.

use std::collections::HashMap;

use domain::effectiveness::SchoolSupport;
use domain::{Analysis, AnalysisSettings, Id, Metric, ResultRecord, ResultRow};
use exchange::results::{Context, NameChoice, ResultsPreview};
use serde::Serialize;
use store::Store;

use super::exchange::{program, ImportSource};
use crate::error::{CommandError, CommandResult, ErrorCode};
use crate::import::Duplicate;
use crate::results::{self, Unmatched, Written};
use crate::state::AppStore;

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
pub fn list_results(store: &Store, year: Option<i32>) -> CommandResult<Vec<ResultRow>> {
    Ok(store::results::list_in(store.read(), year)?)
}

/// The view in one round trip: the choices, and the analysis with the person's settings or at
/// first (None) with the defaults.
pub fn results_view(store: &Store, settings: Option<AnalysisSettings>) -> CommandResult<ResultsView> {
    let (kinds, settings, analysis) = results::view(store, settings)?;
    let indicators = store::results::indicators(store.read())?;
    // The view shows the measures of supported schools only.
    let supported: std::collections::HashSet<Id> =
        analysis.schools.iter().filter(|s| s.cohort.is_some()).map(|s| s.school_id).collect();
    let mut support = crate::export::school_support(store, chrono::Local::now().date_naive())?;
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

/// Corrects one result in the grid (one change, undone with Ctrl+Z).
pub fn update_result(store: &mut Store, id: Id, record: ResultRecord) -> CommandResult<()> {
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

pub fn list_indicators(store: &Store) -> CommandResult<Vec<IndicatorValues>> {
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

pub fn add_indicator(
    store: &mut Store,
    name: String,
    unit: String,
    higher_is_better: bool,
) -> CommandResult<Id> {
    let label = format!("Показатель района: {}", domain::text::one_line(&name));
    Ok(store.change(label, |tx| store::results::add_indicator(tx, &name, &unit, higher_is_better))?)
}

/// Sets (or with None clears) a value; one change each.
pub fn set_indicator_value(
    store: &mut Store,
    indicator_id: Id,
    school_id: Id,
    year: i32,
    value: Option<f64>,
) -> CommandResult<()> {
    let label = format!("Значение показателя за {year} год");
    Ok(store.change(label, |tx| {
        store::school::get(tx, school_id)?;
        store::results::set_indicator_value(tx, indicator_id, school_id, year, value)
    })?)
}

/// A file chosen in the open dialog (every sheet, read in a child process), or a table pasted
/// from Excel, Word or a browser.
fn read(state: &AppStore, source: &ImportSource) -> CommandResult<Vec<(exchange::import::Source, String)>> {
    match source {
        ImportSource::File { path, .. } => crate::contained::read_results(
            &program()?,
            &state.check_chosen(path.as_ref())?,
            &Default::default(),
        ),
        ImportSource::Pasted { text, html } => {
            let table = exchange::import::read_pasted(text, html.as_deref())
                .map_err(|e| CommandError::new(ErrorCode::Invalid, e))?;
            Ok(vec![(table, "вставленная таблица".to_owned())])
        }
    }
}

/// What a results table would write: the results, the schools matched and not.
pub fn preview_results(
    state: &AppStore,
    source: ImportSource,
    hints: Context,
) -> CommandResult<ResultsPreview> {
    let sources = read(state, &source)?;
    results::preview(&*state.lock()?, &sources, &hints)
}

/// Writes the table as previewed, the unmatched names as the person chose, in one change.
pub fn import_results(
    state: &AppStore,
    source: ImportSource,
    hints: Context,
    choices: HashMap<String, NameChoice>,
    duplicate: Option<Duplicate>,
) -> CommandResult<Written> {
    let sources = read(state, &source)?;
    let mut store = state.lock()?;
    let preview = results::preview(&store, &sources, &hints)?;
    results::write(&mut store, &preview, &choices, Unmatched::Ask, duplicate.unwrap_or_default())
}
