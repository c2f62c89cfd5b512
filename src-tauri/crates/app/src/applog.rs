//! The program's log file: every error a person saw, and panics, with the time; rotated at
//! 1 MB (three files kept). In the local (not roaming) app-data folder, beside the default data
//! file: `~/.local/share/koordinator/logs/koordinator.log`, `%LOCALAPPDATA%\koordinator\logs`.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

static FILE: OnceLock<PathBuf> = OnceLock::new();
const MAX: u64 = 1024 * 1024;

/// The log file's folder.
pub fn folder() -> PathBuf {
    dirs::data_local_dir().unwrap_or_else(|| PathBuf::from(".")).join("koordinator").join("logs")
}

/// Starts logging into `dir` (made if missing); rotates a full log.
pub fn init(dir: &Path) {
    if std::fs::create_dir_all(dir).is_err() {
        return;
    }
    let file = dir.join("koordinator.log");
    if std::fs::metadata(&file).is_ok_and(|m| m.len() > MAX) {
        let _ = std::fs::rename(dir.join("koordinator.2.log"), dir.join("koordinator.3.log"));
        let _ = std::fs::rename(dir.join("koordinator.1.log"), dir.join("koordinator.2.log"));
        let _ = std::fs::rename(&file, dir.join("koordinator.1.log"));
    }
    let _ = FILE.set(file);
}

/// The log file, once logging has started.
pub fn path() -> Option<&'static Path> {
    FILE.get().map(PathBuf::as_path)
}

/// Appends one line; a log that cannot be written never stops the program.
pub fn write(level: &str, message: &str) {
    let Some(file) = FILE.get() else { return };
    let stamp = chrono::Local::now().format("%Y-%m-%d %H:%M:%S");
    if let Ok(mut f) = std::fs::OpenOptions::new().create(true).append(true).open(file) {
        let _ = writeln!(f, "{stamp} {level} {}", message.replace('\n', " / "));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_appended_with_the_time() {
        let dir = tempfile::tempdir().unwrap();
        init(dir.path());
        write("ОШИБКА", "Файл данных не найден: /нет\nвторая строка");
        let text = std::fs::read_to_string(path().unwrap()).unwrap();
        assert!(text.trim_end().ends_with("ОШИБКА Файл данных не найден: /нет / вторая строка"), "{text}");
    }
}
