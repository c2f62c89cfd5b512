//! The calendar commands: what the window's commands and the command line call.

use chrono::NaiveDate;
use domain::{EventStatus, Id, TimeOfDay};
use exchange::calendar::CalendarEntry;
use store::Store;

use crate::error::CommandResult;
use crate::state::AppStore;

/// Every plan's events and every webinar session as dated entries, their state as of today.
pub fn calendar_entries(store: &Store) -> CommandResult<Vec<CalendarEntry>> {
    let conn = store.read();
    let roadmaps = store::plan::list(conn)?
        .iter()
        .map(|p| store::roadmap::read(conn, p.id))
        .collect::<Result<Vec<_>, _>>()?;
    let series = store::webinar::list(conn)?;
    Ok(exchange::calendar::entries(&roadmaps, &series, chrono::Local::now().date_naive()))
}

/// Moves a webinar session to another day (dragged in the calendar), keeping its time unless given.
pub fn reschedule_webinar(
    store: &mut Store,
    webinar_id: Id,
    date: NaiveDate,
    start_time: Option<TimeOfDay>,
) -> CommandResult<()> {
    Ok(store.change(format!("Вебинар перенесён на {}", date.format("%d.%m.%Y")), |tx| {
        store::webinar::reschedule(tx, webinar_id, date, start_time)
    })?)
}

/// Marks an event: its status, completion mark and the document that shows the result.
pub fn set_event_status(
    store: &mut Store,
    event_id: Id,
    status: EventStatus,
    completion_mark: String,
    evidence: String,
) -> CommandResult<()> {
    Ok(store.change_labelled(|tx| {
        store::event::set_status(tx, event_id, status, &completion_mark, &evidence)?;
        Ok(((), format!("Отметка {}: «{}»", store::event::label(tx, event_id), status.label())))
    })?)
}

/// Writes the plan's calendar (its events and webinar series) as ICS to `path`, chosen in the
/// save dialog.
pub fn export_calendar(state: &AppStore, plan_id: Id, path: std::path::PathBuf) -> CommandResult<()> {
    let path = state.check_chosen(&path)?;
    let store = state.lock()?;
    let text =
        crate::export::calendar(&store, plan_id, None, "Europe/Moscow", chrono::Utc::now().naive_utc())?;
    crate::files::write_export(&store, &path, text.as_bytes())
}
