//! The editor's commands: every change is saved at once in its own transaction and can be
//! undone (`Store::change`).

use app::commands::editor::OrderWordings;
use domain::{Change, EventDraft, HistoryState, Id, Move, PlanDraft, SectionDraft, Timeframe};
use tauri::State;

use super::AppStore;
use crate::error::CommandResult;

#[tauri::command]
pub async fn save_plan(state: State<'_, AppStore>, id: Option<Id>, draft: PlanDraft) -> CommandResult<Id> {
    app::commands::editor::save_plan(&mut *state.lock()?, id, draft)
}

#[tauri::command]
pub async fn delete_plan(state: State<'_, AppStore>, id: Id) -> CommandResult<()> {
    app::commands::editor::delete_plan(&mut *state.lock()?, id)
}

#[tauri::command]
pub async fn create_section(
    state: State<'_, AppStore>,
    plan_id: Id,
    draft: SectionDraft,
) -> CommandResult<Id> {
    app::commands::editor::create_section(&mut *state.lock()?, plan_id, draft)
}

#[tauri::command]
pub async fn update_section(state: State<'_, AppStore>, id: Id, draft: SectionDraft) -> CommandResult<()> {
    app::commands::editor::update_section(&mut *state.lock()?, id, draft)
}

#[tauri::command]
pub async fn delete_section(state: State<'_, AppStore>, id: Id) -> CommandResult<()> {
    app::commands::editor::delete_section(&mut *state.lock()?, id)
}

#[tauri::command]
pub async fn add_event(
    state: State<'_, AppStore>,
    plan_id: Id,
    section_id: Option<Id>,
    after: Option<Id>,
) -> CommandResult<Id> {
    app::commands::editor::add_event(&mut *state.lock()?, plan_id, section_id, after)
}

#[tauri::command]
pub async fn update_event(
    state: State<'_, AppStore>,
    id: Id,
    draft: EventDraft,
    executors_text: Option<String>,
) -> CommandResult<Timeframe> {
    app::commands::editor::update_event(&mut *state.lock()?, id, draft, executors_text)
}

#[tauri::command]
pub async fn delete_event(state: State<'_, AppStore>, id: Id) -> CommandResult<()> {
    app::commands::editor::delete_event(&mut *state.lock()?, id)
}

#[tauri::command]
pub async fn shift_event(state: State<'_, AppStore>, id: Id, to: Move) -> CommandResult<()> {
    app::commands::editor::shift_event(&mut *state.lock()?, id, to)
}

#[tauri::command]
pub async fn move_event_before(state: State<'_, AppStore>, id: Id, target: Id) -> CommandResult<()> {
    app::commands::editor::move_event_before(&mut *state.lock()?, id, target)
}

#[tauri::command]
pub async fn history(state: State<'_, AppStore>) -> CommandResult<HistoryState> {
    app::commands::editor::history(&*state.try_lock()?)
}

#[tauri::command]
pub async fn undo(state: State<'_, AppStore>) -> CommandResult<domain::HistoryStep> {
    app::commands::editor::undo(&mut *state.lock()?)
}

#[tauri::command]
pub async fn redo(state: State<'_, AppStore>) -> CommandResult<domain::HistoryStep> {
    app::commands::editor::redo(&mut *state.lock()?)
}

#[tauri::command]
pub async fn undo_change(state: State<'_, AppStore>, id: Id) -> CommandResult<domain::HistoryStep> {
    app::commands::editor::undo_change(&mut *state.lock()?, id)
}

#[tauri::command]
pub async fn list_changes(state: State<'_, AppStore>) -> CommandResult<Vec<Change>> {
    app::commands::editor::list_changes(&*state.lock()?)
}

#[tauri::command]
pub async fn undo_to(state: State<'_, AppStore>, id: Id) -> CommandResult<HistoryState> {
    app::commands::editor::undo_to(&mut *state.lock()?, id)
}

#[tauri::command]
pub async fn save_order(
    state: State<'_, AppStore>,
    id: Option<Id>,
    draft: domain::OrderDraft,
    points: Vec<domain::PointDraft>,
) -> CommandResult<Id> {
    app::commands::editor::save_order(&mut *state.lock()?, id, draft, points)
}

#[tauri::command]
pub async fn order_points(state: State<'_, AppStore>, id: Id) -> CommandResult<Vec<domain::PointDraft>> {
    app::commands::editor::order_points(&*state.lock()?, id)
}

#[tauri::command]
pub async fn order_wordings(state: State<'_, AppStore>, plan_id: Option<Id>) -> CommandResult<OrderWordings> {
    app::commands::editor::order_wordings(&*state.lock()?, plan_id)
}

#[tauri::command]
pub async fn order_title_for(
    state: State<'_, AppStore>,
    plan_id: Id,
    points: Vec<domain::PointDraft>,
) -> CommandResult<Option<String>> {
    app::commands::editor::order_title_for(&*state.lock()?, plan_id, points)
}

#[tauri::command]
pub async fn list_working_groups(state: State<'_, AppStore>) -> CommandResult<Vec<domain::WorkingGroup>> {
    app::commands::editor::list_working_groups(&*state.lock()?)
}

#[tauri::command]
pub async fn shift_section(state: State<'_, AppStore>, id: Id, up: bool) -> CommandResult<()> {
    app::commands::editor::shift_section(&mut *state.lock()?, id, up)
}
