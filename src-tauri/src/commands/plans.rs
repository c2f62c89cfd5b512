use domain::{Id, Plan, Roadmap};
use tauri::State;

use super::AppStore;
use crate::error::CommandResult;

#[tauri::command]
pub async fn list_plans(state: State<'_, AppStore>) -> CommandResult<Vec<Plan>> {
    app::commands::plans::list_plans(&*state.lock()?)
}

#[tauri::command]
pub async fn get_roadmap(state: State<'_, AppStore>, plan_id: Id) -> CommandResult<Roadmap> {
    app::commands::plans::get_roadmap(&*state.lock()?, plan_id)
}

#[tauri::command]
pub async fn list_orders(state: State<'_, AppStore>) -> CommandResult<Vec<domain::Order>> {
    app::commands::plans::list_orders(&*state.lock()?)
}

#[tauri::command]
pub async fn list_executors(state: State<'_, AppStore>) -> CommandResult<Vec<domain::ExecutorChoice>> {
    app::commands::plans::list_executors(&*state.lock()?)
}

#[tauri::command]
pub async fn plan_timeline(
    state: State<'_, AppStore>,
    plan_id: Id,
    as_of: Option<chrono::NaiveDate>,
) -> CommandResult<domain::Timeline> {
    app::commands::plans::plan_timeline(&*state.lock()?, plan_id, as_of)
}

#[tauri::command]
pub async fn plan_overview(
    state: State<'_, AppStore>,
    plan_id: Id,
    as_of: Option<chrono::NaiveDate>,
) -> CommandResult<domain::Overview> {
    app::commands::plans::plan_overview(&*state.lock()?, plan_id, as_of)
}
