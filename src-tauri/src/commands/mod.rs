//! Tauri commands: short wrappers over the crates, one file per area. Every command is async, so
//! it runs off the window's main thread: a long import or export never freezes the window. The
//! store sits behind a mutex (one SQLite connection); a command takes it once, for its own
//! duration only (taking it twice in one command would deadlock).

pub mod calendar;
pub mod district;
pub mod documents;
pub mod editor;
pub mod exchange;
pub mod files;
pub mod plans;
pub mod region;
pub mod results;
pub mod risks;
pub mod schools;
pub mod timeframes;
pub mod webinars;

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};

use domain::{Work, WorkStep};
use tauri::ipc::Channel;

use store::Store;

use crate::error::{CommandError, CommandResult, ErrorCode};

/// Runs long work (a big import, a long document) on a blocking thread with the app's store: on
/// the async runtime it would occupy one of its workers (two on a two-core machine), and a click
/// on «Остановить» would wait behind it.
pub async fn blocking<R: tauri::Runtime, T: Send + 'static>(
    app: tauri::AppHandle<R>,
    f: impl FnOnce(&AppStore) -> CommandResult<T> + Send + 'static,
) -> CommandResult<T> {
    use tauri::Manager;
    tauri::async_runtime::spawn_blocking(move || f(&app.state::<AppStore>()))
        .await
        .map_err(|e| CommandError::new(ErrorCode::Storage, format!("Внутренняя ошибка программы: {e}")))?
}

pub struct AppStore {
    pub store: Mutex<Store>,
    pub path: std::path::PathBuf,
    /// Documents saved in this session: the only files the window may ask to open.
    pub exported: Mutex<std::collections::HashSet<std::path::PathBuf>>,
    /// Paths the person chose in this session's file dialogs: the only ones the window may
    /// read from or write to.
    pub chosen: Mutex<std::collections::HashSet<std::path::PathBuf>>,
    /// Set by «Остановить»: the running import or export stops at its next step.
    cancel: Arc<AtomicBool>,
}

impl AppStore {
    pub fn new(store: Store, path: std::path::PathBuf) -> AppStore {
        AppStore {
            store: Mutex::new(store),
            path,
            exported: Mutex::default(),
            chosen: Mutex::default(),
            cancel: Arc::default(),
        }
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

    /// A long piece of work that reports to the page through `channel` and can be stopped.
    pub fn work(&self, channel: Channel<WorkStep>) -> Work {
        self.cancel.store(false, Ordering::Relaxed);
        Work::new(move |p| drop(channel.send(p)), self.cancel.clone())
    }

    pub fn cancel_work(&self) {
        self.cancel.store(true, Ordering::Relaxed);
    }

    /// The store if no other command holds it: the window's polling must not wait behind a long
    /// import (each waiting call would hold one of the async runtime's few workers).
    pub fn try_lock(&self) -> CommandResult<MutexGuard<'_, Store>> {
        self.store.try_lock().map_err(|e| match e {
            std::sync::TryLockError::WouldBlock => CommandError {
                code: ErrorCode::Busy,
                message: "Идёт длинная операция; данные будут прочитаны после неё".to_owned(),
                field: None,
                duplicate: None,
            },
            std::sync::TryLockError::Poisoned(_) => CommandError::new(
                ErrorCode::Storage,
                "Хранилище недоступно после внутренней ошибки; перезапустите программу",
            ),
        })
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
