use domain::{Id, Pairing, School, SchoolDraft};
use tauri::State;

use super::AppStore;
use crate::error::CommandResult;

#[tauri::command]
pub fn list_schools(state: State<AppStore>, year: Option<i32>) -> CommandResult<Vec<School>> {
    Ok(store::school::list(state.lock()?.read(), year)?)
}

#[tauri::command]
pub fn create_school(state: State<AppStore>, draft: SchoolDraft) -> CommandResult<School> {
    let mut store = state.lock()?;
    let id = store.write(|tx| store::school::insert(tx, &draft))?;
    Ok(store::school::get(store.read(), id)?)
}

#[tauri::command]
pub fn update_school(state: State<AppStore>, id: Id, draft: SchoolDraft) -> CommandResult<School> {
    let mut store = state.lock()?;
    store.write(|tx| store::school::update(tx, id, &draft))?;
    Ok(store::school::get(store.read(), id)?)
}

#[tauri::command]
pub fn list_pairings(state: State<AppStore>, year: Option<i32>) -> CommandResult<Vec<Pairing>> {
    Ok(store::pairing::list(state.lock()?.read(), year)?)
}
