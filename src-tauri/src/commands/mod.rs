//! Tauri commands: short wrappers over the crates, one file per area. Every command is async, so
//! it runs off the window's main thread: a long import or export never freezes the window. The
//! store sits behind a mutex (one SQLite connection); a command takes it once, for its own
//! duration only (taking it twice in one command would deadlock).

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
    /// Documents saved in this session: the only files the window may ask to open.
    pub exported: Mutex<std::collections::HashSet<std::path::PathBuf>>,
}

impl AppStore {
    pub fn new(store: Store, path: std::path::PathBuf) -> AppStore {
        AppStore { store: Mutex::new(store), path, exported: Mutex::default() }
    }

    pub fn remember_export(&self, path: &std::path::Path) {
        if let (Ok(real), Ok(mut set)) = (std::fs::canonicalize(path), self.exported.lock()) {
            set.insert(real);
        }
    }

    pub fn was_exported(&self, path: &std::path::Path) -> bool {
        let Ok(real) = std::fs::canonicalize(path) else { return false };
        self.exported.lock().is_ok_and(|set| set.contains(&real))
    }

    pub fn lock(&self) -> CommandResult<MutexGuard<'_, Store>> {
        self.store.lock().map_err(|_| {
            CommandError::new(
                ErrorCode::Storage,
                "Хранилище недоступно после внутренней ошибки; перезапустите программу",
            )
        })
    }
}
