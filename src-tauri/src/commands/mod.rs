//! Tauri commands: wrappers of one to three lines over the application layer (`app::commands`),
//! one file per area; what stays here is Tauri's own (dialogs, the opener, printing, channels). Every command is async, so
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

pub use app::state::AppStore;
use domain::WorkStep;
use tauri::ipc::Channel;

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

/// The steps of long work, sent to the page on its progress channel.
pub trait Progress {
    fn work_to(&self, channel: Channel<WorkStep>) -> domain::Work;
}

impl Progress for AppStore {
    fn work_to(&self, channel: Channel<WorkStep>) -> domain::Work {
        self.work(move |p| drop(channel.send(p)))
    }
}
