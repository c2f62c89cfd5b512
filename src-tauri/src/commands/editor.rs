//! The editor's commands: every change is saved at once in its own transaction and can be
//! undone (`Store::edit`).

use domain::{EventDraft, Id, Move, PlanDraft, SectionDraft, Timeframe};
use serde::Serialize;
use tauri::State;

use super::AppStore;
use crate::error::CommandResult;

#[tauri::command]
pub fn save_plan(state: State<AppStore>, id: Option<Id>, draft: PlanDraft) -> CommandResult<Id> {
    Ok(state.lock()?.edit(|tx| store::plan::save(tx, id, &draft))?)
}

#[tauri::command]
pub fn delete_plan(state: State<AppStore>, id: Id) -> CommandResult<()> {
    Ok(state.lock()?.edit(|tx| store::plan::delete(tx, id))?)
}

#[tauri::command]
pub fn create_section(state: State<AppStore>, plan_id: Id, draft: SectionDraft) -> CommandResult<Id> {
    let new = store::section::NewSection {
        number: draft.number,
        title: draft.title,
        goal: draft.goal,
        school_ids: draft.school_ids,
    };
    Ok(state.lock()?.edit(|tx| store::section::insert(tx, plan_id, &new))?)
}

#[tauri::command]
pub fn update_section(state: State<AppStore>, id: Id, draft: SectionDraft) -> CommandResult<()> {
    Ok(state.lock()?.edit(|tx| store::section::update(tx, id, &draft))?)
}

#[tauri::command]
pub fn delete_section(state: State<AppStore>, id: Id) -> CommandResult<()> {
    Ok(state.lock()?.edit(|tx| store::section::delete(tx, id))?)
}

/// A new empty event after `after`, or at the end of the section; returns its id.
#[tauri::command]
pub fn add_event(
    state: State<AppStore>,
    plan_id: Id,
    section_id: Option<Id>,
    after: Option<Id>,
) -> CommandResult<Id> {
    Ok(state.lock()?.edit(|tx| store::event::add(tx, plan_id, section_id, after))?)
}

/// Saves an event's row; returns what its timeframe came to.
#[tauri::command]
pub fn update_event(state: State<AppStore>, id: Id, draft: EventDraft) -> CommandResult<Timeframe> {
    Ok(state.lock()?.edit(|tx| store::event::update(tx, id, &draft))?)
}

#[tauri::command]
pub fn delete_event(state: State<AppStore>, id: Id) -> CommandResult<()> {
    Ok(state.lock()?.edit(|tx| store::event::remove(tx, id))?)
}

/// Up, down, indent (under the one above), outdent.
#[tauri::command]
pub fn shift_event(state: State<AppStore>, id: Id, to: Move) -> CommandResult<()> {
    Ok(state.lock()?.edit(|tx| store::event::shift(tx, id, to))?)
}

/// A drag: the event goes just before `target`.
#[tauri::command]
pub fn move_event_before(state: State<AppStore>, id: Id, target: Id) -> CommandResult<()> {
    Ok(state.lock()?.edit(|tx| store::event::move_before(tx, id, target))?)
}

/// How many changes can be undone and redone.
#[derive(Debug, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct History {
    pub undo: u32,
    pub redo: u32,
}

fn history_of(store: &store::Store) -> History {
    let (undo, redo) = store.history_depth();
    History { undo: undo as u32, redo: redo as u32 }
}

#[tauri::command]
pub fn history(state: State<AppStore>) -> CommandResult<History> {
    Ok(history_of(&*state.lock()?))
}

#[tauri::command]
pub fn undo(state: State<AppStore>) -> CommandResult<History> {
    let mut store = state.lock()?;
    store.undo()?;
    Ok(history_of(&store))
}

#[tauri::command]
pub fn redo(state: State<AppStore>) -> CommandResult<History> {
    let mut store = state.lock()?;
    store.redo()?;
    Ok(history_of(&store))
}

/// Saves an order from the composer; returns its id.
#[tauri::command]
pub fn save_order(
    state: State<AppStore>,
    id: Option<Id>,
    draft: domain::OrderDraft,
    points: Vec<domain::PointDraft>,
) -> CommandResult<Id> {
    Ok(state.lock()?.edit(|tx| store::order::save(tx, id, &draft, &points))?)
}

/// An order's points with the annexes they cite, for the composer.
#[tauri::command]
pub fn order_points(state: State<AppStore>, id: Id) -> CommandResult<Vec<domain::PointDraft>> {
    Ok(domain::points_of(&store::order::get(state.lock()?.read(), id)?))
}

#[tauri::command]
pub fn list_working_groups(state: State<AppStore>) -> CommandResult<Vec<domain::WorkingGroup>> {
    Ok(store::working_group::list(state.lock()?.read())?)
}

/// Moves a section one place up or down; its events follow.
#[tauri::command]
pub fn shift_section(state: State<AppStore>, id: Id, up: bool) -> CommandResult<()> {
    Ok(state.lock()?.edit(|tx| store::section::shift(tx, id, up))?)
}
