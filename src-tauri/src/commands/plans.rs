use domain::{Id, Plan, Roadmap};
use tauri::State;

use super::AppStore;
use crate::error::CommandResult;

#[tauri::command]
pub async fn list_plans(state: State<'_, AppStore>) -> CommandResult<Vec<Plan>> {
    Ok(store::plan::list(state.lock()?.read())?)
}

#[tauri::command]
pub async fn get_roadmap(state: State<'_, AppStore>, plan_id: Id) -> CommandResult<Roadmap> {
    Ok(store::roadmap::read(state.lock()?.read(), plan_id)?)
}

#[tauri::command]
pub async fn list_orders(state: State<'_, AppStore>) -> CommandResult<Vec<domain::Order>> {
    Ok(store::order::list(state.lock()?.read())?)
}

/// The executor filters' entries: each person or body some event or webinar names, once.
#[tauri::command]
pub async fn list_executors(state: State<'_, AppStore>) -> CommandResult<Vec<domain::ExecutorChoice>> {
    Ok(domain::executor_choices(&store::executor::in_use(state.lock()?.read())?))
}

/// «Шкала времени»: the plan's events as marks on a time axis, as of a day (today by default).
#[tauri::command]
pub async fn plan_timeline(
    state: State<'_, AppStore>,
    plan_id: Id,
    as_of: Option<chrono::NaiveDate>,
) -> CommandResult<domain::Timeline> {
    let as_of = as_of.unwrap_or_else(|| chrono::Local::now().date_naive());
    crate::export::plan_timeline(&*state.lock()?, plan_id, as_of)
}

/// «Обзор»: how far along the plan is on a day (today by default).
#[tauri::command]
pub async fn plan_overview(
    state: State<'_, AppStore>,
    plan_id: Id,
    as_of: Option<chrono::NaiveDate>,
) -> CommandResult<domain::Overview> {
    let as_of = as_of.unwrap_or_else(|| chrono::Local::now().date_naive());
    crate::export::plan_overview(&*state.lock()?, plan_id, as_of)
}
