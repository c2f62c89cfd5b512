use app::commands::schools::PairingYear;
use domain::{Id, School, SchoolDraft};
use tauri::State;

use super::AppStore;
use crate::error::CommandResult;

#[tauri::command]
pub async fn list_schools(state: State<'_, AppStore>, year: Option<i32>) -> CommandResult<Vec<School>> {
    app::commands::schools::list_schools(&*state.lock()?, year)
}

#[tauri::command]
pub async fn create_school(state: State<'_, AppStore>, draft: SchoolDraft) -> CommandResult<School> {
    app::commands::schools::create_school(&mut *state.lock()?, draft)
}

#[tauri::command]
pub async fn update_school(state: State<'_, AppStore>, id: Id, draft: SchoolDraft) -> CommandResult<School> {
    app::commands::schools::update_school(&mut *state.lock()?, id, draft)
}

#[tauri::command]
pub async fn save_pairing(
    state: State<'_, AppStore>,
    id: Option<Id>,
    draft: domain::PairingDraft,
) -> CommandResult<Id> {
    app::commands::schools::save_pairing(&mut *state.lock()?, id, draft)
}

#[tauri::command]
pub async fn delete_pairing(state: State<'_, AppStore>, id: Id) -> CommandResult<()> {
    app::commands::schools::delete_pairing(&mut *state.lock()?, id)
}

#[tauri::command]
pub async fn pairing_year(state: State<'_, AppStore>, year: Option<i32>) -> CommandResult<PairingYear> {
    app::commands::schools::pairing_year(&*state.lock()?, year)
}

#[tauri::command]
pub async fn set_mentor_limit(state: State<'_, AppStore>, limit: u32) -> CommandResult<()> {
    app::commands::schools::set_mentor_limit(&mut *state.lock()?, limit)
}
