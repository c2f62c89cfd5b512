//! The webinars commands: what the window's commands and the command line call.

use chrono::NaiveDate;
use domain::{Holiday, Id, RuleDates, SeriesDraft, SessionRule, WebinarDraft, WebinarSeries};
use store::Store;

use crate::error::CommandResult;

pub fn list_webinar_series(store: &Store) -> CommandResult<Vec<WebinarSeries>> {
    Ok(store::webinar::list(store.read())?)
}

/// Creates a series and its sessions by rule; returns the days and the holidays skipped.
pub fn create_series_by_rule(
    store: &mut Store,
    series: SeriesDraft,
    rule: SessionRule,
) -> CommandResult<RuleDates> {
    let new = series;
    Ok(store
        .change(format!("Создан цикл вебинаров «{}»", store::short(&new.title)), |tx| {
            store::webinar::insert_series_by_rule(tx, &new, &rule, "Europe/Moscow")
        })?
        .1)
}

/// Sessions that need a second look: overlaps, double-booked speakers, holidays, outside the plan.
pub fn list_webinar_conflicts(store: &Store) -> CommandResult<Vec<domain::Conflict>> {
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
pub fn update_webinar(store: &mut Store, webinar_id: Id, draft: WebinarDraft) -> CommandResult<()> {
    Ok(store.change(format!("Вебинар «{}» изменён", store::short(&draft.topic)), |tx| {
        store::webinar::update(tx, webinar_id, &draft)
    })?)
}

/// The non-working holidays of a calendar year, as series by rule skip them.
pub fn list_holidays(store: &Store, year: i32) -> CommandResult<Vec<Holiday>> {
    let (from, to) = (NaiveDate::from_ymd_opt(year, 1, 1), NaiveDate::from_ymd_opt(year, 12, 31));
    let (Some(from), Some(to)) = (from, to) else { return Ok(Vec::new()) };
    Ok(store::holiday::between(store.read(), from, to)?
        .into_iter()
        .map(|(date, name)| Holiday { date, name })
        .collect())
}

/// Adds or renames a holiday (a transferred day off, a regional holiday).
pub fn set_holiday(store: &mut Store, holiday: Holiday) -> CommandResult<()> {
    Ok(store.change(format!("Праздничный день {}", holiday.date.format("%d.%m.%Y")), |tx| {
        store::holiday::set(tx, holiday.date, &holiday.name)
    })?)
}

/// Makes a day a working one.
pub fn remove_holiday(store: &mut Store, date: NaiveDate) -> CommandResult<()> {
    Ok(store.change(format!("{} — рабочий день", date.format("%d.%m.%Y")), |tx| {
        store::holiday::remove(tx, date)
    })?)
}
