//! Where the data file lives: `--db PATH`, else `KOORDINATOR_DB`, else the OS app-data folder.

use std::path::PathBuf;

pub const DB_ENV: &str = "KOORDINATOR_DB";

pub fn data_file(flag: Option<PathBuf>) -> PathBuf {
    flag.or_else(|| std::env::var_os(DB_ENV).filter(|v| !v.is_empty()).map(PathBuf::from)).unwrap_or_else(
        || {
            dirs::data_dir()
                .unwrap_or_else(|| PathBuf::from("."))
                .join("koordinator")
                .join("koordinator.sqlite3")
        },
    )
}
