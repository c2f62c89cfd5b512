//! Tauri commands: short wrappers over the crates, one file per area. The store sits behind a
//! mutex (one SQLite connection); every command takes it for its own duration only.

pub mod calendar;
pub mod district;
pub mod documents;
pub mod editor;
pub mod exchange;
pub mod plans;
pub mod risks;
pub mod schools;
pub mod timeframes;
pub mod webinars;

use std::sync::{Mutex, MutexGuard};

use store::Store;

use crate::error::{CommandError, CommandResult, ErrorCode};

pub struct AppStore {
    pub store: Mutex<Store>,
    pub path: std::path::PathBuf,
}

impl AppStore {
    pub fn lock(&self) -> CommandResult<MutexGuard<'_, Store>> {
        self.store.lock().map_err(|_| {
            CommandError::new(
                ErrorCode::Storage,
                "Хранилище недоступно после внутренней ошибки; перезапустите программу",
            )
        })
    }
}
