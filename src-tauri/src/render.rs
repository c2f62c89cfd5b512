//! How WebKitGTK draws the window. Its accelerated compositing, on by default, paints through
//! OpenGL; on machines without a usable GPU — virtual machines, remote desktops, older office
//! PCs, Xvfb — that is Mesa's software renderer, and every keystroke in the roadmap editor then
//! costs a frame of 80–200 ms (window bench, 16-row demo). Drawn without compositing, the same
//! keystroke reaches the screen in one or two frames. Koordinator is forms and tables, with no
//! animation that compositing would help, so it is off unless the user has chosen otherwise
//! (WEBKIT_DISABLE_COMPOSITING_MODE=0 turns it back on).

/// Call first thing, before any thread or the webview exists: WebKit reads the variable when
/// its web process starts, and that process inherits our environment.
pub fn choose() {
    #[cfg(target_os = "linux")]
    if std::env::var_os("WEBKIT_DISABLE_COMPOSITING_MODE").is_none() {
        std::env::set_var("WEBKIT_DISABLE_COMPOSITING_MODE", "1");
    }
}
