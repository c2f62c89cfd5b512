//! What one window holds for its session: the store behind its lock, the data file's path, the
//! paths the person chose in this session's file dialogs (the only ones the window may read or
//! write) and the documents it saved (the only ones it may open), and the stop of long work.
//! The window's commands take it; nothing here knows of Tauri.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};

use domain::{Work, WorkStep};
use store::Store;

use crate::error::{CommandError, CommandResult, ErrorCode};

pub struct AppStore {
    pub store: Mutex<Store>,
    pub path: PathBuf,
    /// Documents saved in this session: the only files the window may ask to open.
    pub exported: Mutex<std::collections::HashSet<PathBuf>>,
    /// Paths the person chose in this session's file dialogs: the only ones the window may
    /// read from or write to.
    pub chosen: Mutex<std::collections::HashSet<PathBuf>>,
    /// Set by «Остановить»: the running import or export stops at its next step.
    cancel: Arc<AtomicBool>,
}

impl AppStore {
    pub fn new(store: Store, path: PathBuf) -> AppStore {
        AppStore {
            store: Mutex::new(store),
            path,
            exported: Mutex::default(),
            chosen: Mutex::default(),
            cancel: Arc::default(),
        }
    }

    pub fn remember_export(&self, path: &Path) {
        if let (Ok(real), Ok(mut set)) = (std::fs::canonicalize(path), self.exported.lock()) {
            set.insert(real);
        }
    }

    pub fn was_exported(&self, path: &Path) -> bool {
        let Ok(real) = std::fs::canonicalize(path) else { return false };
        self.exported.lock().is_ok_and(|set| set.contains(&real))
    }

    /// A long piece of work that tells `report` of its steps (the window's progress channel)
    /// and can be stopped by [`AppStore::cancel_work`].
    pub fn work(&self, report: impl Fn(WorkStep) + Send + Sync + 'static) -> Work {
        self.cancel.store(false, Ordering::Relaxed);
        Work::new(report, self.cancel.clone())
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

    pub fn remember_chosen(&self, path: &Path) {
        if let Ok(mut set) = self.chosen.lock() {
            set.insert(path.to_path_buf());
        }
    }

    /// Refuses a path no dialog of this session gave.
    pub fn check_chosen(&self, path: &Path) -> CommandResult<PathBuf> {
        let known = self.chosen.lock().is_ok_and(|set| set.contains(path));
        if !known {
            return Err(CommandError::new(
                ErrorCode::Invalid,
                format!(
                    "Файл «{}» не был выбран в окне: выберите его через «Открыть» или «Сохранить».",
                    path.display()
                ),
            ));
        }
        Ok(path.to_path_buf())
    }
}
