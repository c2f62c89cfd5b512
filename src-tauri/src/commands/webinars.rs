use domain::{Id, RuleDates, SessionRule, WebinarSeries};
use serde::Deserialize;
use tauri::State;

use super::AppStore;
use crate::error::CommandResult;

#[tauri::command]
pub fn list_webinar_series(state: State<AppStore>) -> CommandResult<Vec<WebinarSeries>> {
    Ok(store::webinar::list(state.lock()?.read())?)
}

/// What the window gives for a new series.
#[derive(Debug, Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct SeriesInput {
    #[ts(type = "number | null")]
    pub plan_id: Option<Id>,
    pub title: String,
    pub audience: String,
    pub organiser: String,
}

/// Creates a series and its sessions by rule; returns the days and the holidays skipped.
#[tauri::command]
pub fn create_series_by_rule(
    state: State<AppStore>,
    series: SeriesInput,
    rule: SessionRule,
) -> CommandResult<RuleDates> {
    let new = store::webinar::NewSeries {
        plan_id: series.plan_id,
        event_id: None,
        title: series.title,
        audience: series.audience,
        organiser: series.organiser,
    };
    Ok(state.lock()?.write(|tx| store::webinar::insert_series_by_rule(tx, &new, &rule, "Europe/Moscow"))?.1)
}

/// Sessions that need a second look: overlaps, double-booked speakers, holidays, outside the plan.
#[tauri::command]
pub fn list_webinar_conflicts(state: State<AppStore>) -> CommandResult<Vec<domain::Conflict>> {
    let store = state.lock()?;
    let conn = store.read();
    let series = store::webinar::list(conn)?;
    let plans = store::plan::list(conn)?;
    let dates: Vec<chrono::NaiveDate> =
        series.iter().flat_map(|s| s.webinars.iter().map(|w| w.date)).collect();
    let holidays = match (dates.iter().min(), dates.iter().max()) {
        (Some(&from), Some(&to)) => store::holiday::between(conn, from, to)?
            .into_iter()
            .map(|(date, name)| domain::Holiday { date, name })
            .collect(),
        _ => Vec::new(),
    };
    Ok(domain::webinar_conflicts(&series, &plans, &holidays))
}
