//! An empty Tauri 2 window: what the stack itself costs in start time and memory, so the window
//! bench can give Koordinator's figures as a ratio to it. Drawn as Koordinator draws (without
//! WebKitGTK's compositing, see src-tauri/src/render.rs), so the two differ only by the program.

fn main() {
    if std::env::var_os("WEBKIT_DISABLE_COMPOSITING_MODE").is_none() {
        std::env::set_var("WEBKIT_DISABLE_COMPOSITING_MODE", "1");
    }
    tauri::Builder::default().run(tauri::generate_context!()).expect("the minimal window did not start");
}
