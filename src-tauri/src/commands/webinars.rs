use chrono::NaiveDate;
use domain::{Holiday, Id, RuleDates, SessionRule, WebinarDraft, WebinarSeries};
use serde::Deserialize;
use tauri::State;

use super::AppStore;
use crate::error::CommandResult;

#[tauri::command]
pub async fn list_webinar_series(state: State<'_, AppStore>) -> CommandResult<Vec<WebinarSeries>> {
    Ok(store::webinar::list(state.lock()?.read())?)
}

/// What the window gives for a new series.
#[derive(Debug, Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct SeriesInput {
    pub plan_id: Option<Id>,
    pub title: String,
    pub audience: String,
    pub organiser: String,
}

/// Creates a series and its sessions by rule; returns the days and the holidays skipped.
#[tauri::command]
pub async fn create_series_by_rule(
    state: State<'_, AppStore>,
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
    Ok(state
        .lock()?
        .change(format!("Создан цикл вебинаров «{}»", store::short(&new.title)), |tx| {
            store::webinar::insert_series_by_rule(tx, &new, &rule, "Europe/Moscow")
        })?
        .1)
}

/// Sessions that need a second look: overlaps, double-booked speakers, holidays, outside the plan.
#[tauri::command]
pub async fn list_webinar_conflicts(state: State<'_, AppStore>) -> CommandResult<Vec<domain::Conflict>> {
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

/// Saves a session edited in the form: day, time, topic, speakers, host school, link.
#[tauri::command]
pub async fn update_webinar(
    state: State<'_, AppStore>,
    webinar_id: Id,
    draft: WebinarDraft,
) -> CommandResult<()> {
    Ok(state
        .lock()?
        .change(format!("Вебинар «{}» изменён", store::short(&draft.topic)), |tx| {
            store::webinar::update(tx, webinar_id, &draft)
        })?)
}

/// The non-working holidays of a calendar year, as series by rule skip them.
#[tauri::command]
pub async fn list_holidays(state: State<'_, AppStore>, year: i32) -> CommandResult<Vec<Holiday>> {
    let (from, to) = (NaiveDate::from_ymd_opt(year, 1, 1), NaiveDate::from_ymd_opt(year, 12, 31));
    let (Some(from), Some(to)) = (from, to) else { return Ok(Vec::new()) };
    Ok(store::holiday::between(state.lock()?.read(), from, to)?
        .into_iter()
        .map(|(date, name)| Holiday { date, name })
        .collect())
}

/// Adds or renames a holiday (a transferred day off, a regional holiday).
#[tauri::command]
pub async fn set_holiday(state: State<'_, AppStore>, holiday: Holiday) -> CommandResult<()> {
    Ok(state
        .lock()?
        .change(format!("Праздничный день {}", holiday.date.format("%d.%m.%Y")), |tx| {
            store::holiday::set(tx, holiday.date, &holiday.name)
        })?)
}

/// Makes a day a working one.
#[tauri::command]
pub async fn remove_holiday(state: State<'_, AppStore>, date: NaiveDate) -> CommandResult<()> {
    Ok(state.lock()?.change(format!("{} — рабочий день", date.format("%d.%m.%Y")), |tx| {
        store::holiday::remove(tx, date)
    })?)
}
