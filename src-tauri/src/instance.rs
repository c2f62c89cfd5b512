//! One window per data file: a second start on the same file brings the first window forward
//! and exits (tauri-plugin-single-instance; on Linux its D-Bus name is made per data file, on
//! Windows the app's identifier its mutex is named after, so two different files still open side
//! by side).

use std::path::Path;

use tauri::{Emitter, Manager, Runtime};

/// What the page is told when a second start was turned into this window coming forward.
pub const RAISED: &str = "instance-raised";

/// The plugin, keyed by the data file's real path.
pub fn plugin<R: Runtime>(identifier: &str, data_file: &Path) -> tauri::plugin::TauriPlugin<R> {
    tauri_plugin_single_instance::Builder::new()
        .dbus_id(bus_name(identifier, data_file))
        .callback(|app, _args, _cwd| {
            if let Some(window) = app.get_webview_window("main") {
                let _ = window.unminimize();
                let _ = window.show();
                let _ = window.set_focus();
            }
            let _ = app.emit(RAISED, ());
        })
        .build()
}

/// A D-Bus well-known name for the file: the app's identifier and a hash of the file's real
/// path (`./k.sqlite3` and `/home/…/k.sqlite3` are one file). Elements may not start with a
/// digit, hence the «f».
pub fn bus_name(identifier: &str, data_file: &Path) -> String {
    let real = std::fs::canonicalize(data_file).unwrap_or_else(|_| data_file.to_path_buf());
    format!("{identifier}.f{:016x}", fnv1a(real.as_os_str().as_encoded_bytes()))
}

/// FNV-1a: stable across builds and Rust versions (std's hasher is not promised to be), so two
/// versions of the program agree on a file's name.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_name_per_real_file() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("район.sqlite3");
        std::fs::write(&file, b"").unwrap();
        let other = dir.path().join("другой.sqlite3");
        std::fs::write(&other, b"").unwrap();
        let name = bus_name("ru.koordinator.desktop", &file);
        assert!(
            name.starts_with("ru.koordinator.desktop.f")
                && name.len() == "ru.koordinator.desktop.f".len() + 16
        );
        assert_eq!(name, bus_name("ru.koordinator.desktop", &dir.path().join(".").join("район.sqlite3")));
        assert_ne!(name, bus_name("ru.koordinator.desktop", &other));
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c, "FNV-1a of «a»");
    }
}
