//! Where the data file lives: `--db PATH`, else `KOORDINATOR_DB`, else the OS app-data folder.

use std::path::PathBuf;

pub const DB_ENV: &str = "KOORDINATOR_DB";

pub fn data_file(flag: Option<PathBuf>) -> PathBuf {
    chosen(flag).unwrap_or_else(default_data_file)
}

/// The file the user named (`--db` or `KOORDINATOR_DB`), if any.
fn chosen(flag: Option<PathBuf>) -> Option<PathBuf> {
    flag.or_else(|| std::env::var_os(DB_ENV).filter(|v| !v.is_empty()).map(PathBuf::from))
}

/// The program's own data file: on Windows in the local (not roaming) app-data folder, since a
/// roaming profile may live on a network share, where SQLite's locking is unsafe.
pub fn default_data_file() -> PathBuf {
    dirs::data_local_dir()
        .unwrap_or_else(|| PathBuf::from("."))
        .join("koordinator")
        .join("koordinator.sqlite3")
}

/// Opens the data file for a command that may make it (the window's first start, `demo`,
/// `import`). The program's own folder is made when missing; a folder the user named must
/// exist, so that a typo in a path is an error, not a new empty district.
pub fn create_store(flag: Option<PathBuf>) -> Result<store::Store, store::StoreError> {
    let path = data_file(flag.clone());
    if chosen(flag).is_none() {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| store::StoreError::Open {
                path: dir.display().to_string(),
                reason: store::io_message(&e),
            })?;
        }
    }
    store::Store::create(&path)
}
