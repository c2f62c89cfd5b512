use domain::{Id, Pairing, School, SchoolDraft};
use tauri::State;

use super::AppStore;
use crate::error::CommandResult;

#[tauri::command]
pub async fn list_schools(state: State<'_, AppStore>, year: Option<i32>) -> CommandResult<Vec<School>> {
    Ok(store::school::list(state.lock()?.read(), year)?)
}

#[tauri::command]
pub async fn create_school(state: State<'_, AppStore>, draft: SchoolDraft) -> CommandResult<School> {
    let mut store = state.lock()?;
    let id = store.change(format!("Добавлена школа «{}»", draft.short_name.trim()), |tx| {
        store::school::insert(tx, &draft)
    })?;
    Ok(store::school::get(store.read(), id)?)
}

#[tauri::command]
pub async fn update_school(state: State<'_, AppStore>, id: Id, draft: SchoolDraft) -> CommandResult<School> {
    let mut store = state.lock()?;
    store.change(format!("Изменена школа «{}»", draft.short_name.trim()), |tx| {
        store::school::update(tx, id, &draft)
    })?;
    Ok(store::school::get(store.read(), id)?)
}

#[tauri::command]
pub async fn list_pairings(state: State<'_, AppStore>, year: Option<i32>) -> CommandResult<Vec<Pairing>> {
    Ok(store::pairing::list(state.lock()?.read(), year)?)
}

/// Creates (`id` = None) or rewrites a pairing.
#[tauri::command]
pub async fn save_pairing(
    state: State<'_, AppStore>,
    id: Option<Id>,
    draft: domain::PairingDraft,
) -> CommandResult<Id> {
    Ok(state.lock()?.change(
        if id.is_some() {
            "Изменена пара наставничества"
        } else {
            "Добавлена пара наставничества"
        },
        |tx| match id {
            None => store::pairing::insert(tx, &draft),
            Some(id) => store::pairing::update(tx, id, &draft).map(|()| id),
        },
    )?)
}

#[tauri::command]
pub async fn delete_pairing(state: State<'_, AppStore>, id: Id) -> CommandResult<()> {
    Ok(state.lock()?.change("Удалена пара наставничества", |tx| {
        store::pairing::delete(tx, id)
    })?)
}

/// The pairings of `year` that need a second look, and the mentor limit they were checked against.
#[derive(Debug, serde::Serialize, ts_rs::TS)]
#[ts(export)]
pub struct PairingCheck {
    pub limit: u32,
    pub conflicts: Vec<domain::PairingConflict>,
}

#[tauri::command]
pub async fn check_pairings(state: State<'_, AppStore>, year: i32) -> CommandResult<PairingCheck> {
    let store = state.lock()?;
    let conn = store.read();
    let limit = store::setting::number(conn, store::setting::MENTOR_LIMIT, 3)?.max(0) as usize;
    let pairings = store::pairing::list(conn, Some(year))?;
    let schools = store::school::list(conn, None)?;
    Ok(PairingCheck {
        limit: limit as u32,
        conflicts: domain::pairing_conflicts(&pairings, &schools, year, limit),
    })
}

#[tauri::command]
pub async fn set_mentor_limit(state: State<'_, AppStore>, limit: u32) -> CommandResult<()> {
    Ok(state.lock()?.change(format!("Предел школ на наставника: {limit}"), |tx| {
        store::setting::set(tx, store::setting::MENTOR_LIMIT, &limit.to_string())
    })?)
}
