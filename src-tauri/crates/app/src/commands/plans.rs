//! The plans commands: what the window's commands and the command line call.

use domain::{Id, Plan, Roadmap};
use store::Store;

use crate::error::CommandResult;

pub fn list_plans(store: &Store) -> CommandResult<Vec<Plan>> {
    Ok(store::plan::list(store.read())?)
}

pub fn get_roadmap(store: &Store, plan_id: Id) -> CommandResult<Roadmap> {
    Ok(store::roadmap::read(store.read(), plan_id)?)
}

pub fn list_orders(store: &Store) -> CommandResult<Vec<domain::Order>> {
    Ok(store::order::list(store.read())?)
}

/// The executor filters' entries: each person or body some event or webinar names, once.
pub fn list_executors(store: &Store) -> CommandResult<Vec<domain::ExecutorChoice>> {
    Ok(domain::executor_choices(&store::executor::in_use(store.read())?))
}

/// «Шкала времени»: the plan's events as marks on a time axis, as of a day (today by default).
pub fn plan_timeline(
    store: &Store,
    plan_id: Id,
    as_of: Option<chrono::NaiveDate>,
) -> CommandResult<domain::Timeline> {
    let as_of = as_of.unwrap_or_else(|| chrono::Local::now().date_naive());
    crate::export::plan_timeline(store, plan_id, as_of)
}

/// «Обзор»: how far along the plan is on a day (today by default).
pub fn plan_overview(
    store: &Store,
    plan_id: Id,
    as_of: Option<chrono::NaiveDate>,
) -> CommandResult<domain::Overview> {
    let as_of = as_of.unwrap_or_else(|| chrono::Local::now().date_naive());
    crate::export::plan_overview(store, plan_id, as_of)
}
