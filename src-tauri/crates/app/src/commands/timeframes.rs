//! The timeframes commands: what the window's commands and the command line call.

use domain::{Id, TimeframeReading};
use store::Store;

use crate::error::CommandResult;

/// What a timeframe text means in the plan's period, for the field while the user types.
pub fn read_timeframe(store: &Store, plan_id: Id, text: String) -> CommandResult<TimeframeReading> {
    let period = store::plan::period(store.read(), plan_id)?;
    Ok(timeframe::parse(&text, &period).into())
}

/// Stores the event's new timeframe text (kept verbatim) and its value.
pub fn set_event_timeframe(store: &mut Store, event_id: Id, text: String) -> CommandResult<TimeframeReading> {
    Ok(store
        .change_labelled(|tx| {
            let tf = store::event::set_timeframe(tx, event_id, &text)?;
            Ok((tf, format!("Срок {} изменён", store::event::label(tx, event_id))))
        })?
        .into())
}

/// «Сроки требуют проверки»: events whose timeframe is free or has a warning.
pub fn list_timeframe_review(store: &Store, plan_id: Id) -> CommandResult<Vec<domain::Event>> {
    Ok(store::event::needing_review(store.read(), plan_id)?)
}

/// Accepts a conditional timeframe as it is written: it leaves «Сроки требуют проверки».
pub fn accept_event_timeframe(store: &mut Store, event_id: Id) -> CommandResult<()> {
    Ok(store.change_labelled(|tx| {
        store::event::accept_timeframe(tx, event_id)?;
        Ok(((), format!("Срок {} принят как есть", store::event::label(tx, event_id))))
    })?)
}
