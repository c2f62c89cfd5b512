//! Windows: the window is drawn by Microsoft's WebView2 runtime. Windows 10 and 11 ship the
//! Evergreen runtime, but an office image may lack it; then the program says so in Russian
//! instead of failing inside wry. Found the way Microsoft documents it: the runtime's version
//! («pv») under the EdgeUpdate client key, per machine or per user.

use windows_sys::Win32::System::Registry::{
    RegGetValueW, HKEY, HKEY_CURRENT_USER, HKEY_LOCAL_MACHINE, RRF_RT_REG_SZ,
};

const CLIENT: &str = r"Microsoft\EdgeUpdate\Clients\{F3017226-FE2A-4295-8BDF-00C3A9A7E4C5}";

/// What the person reads when the runtime is missing.
pub const MISSING: &str =
    "Для окна «Координатора» нужен компонент Microsoft Edge WebView2 Runtime, а на этом \
     компьютере он не установлен. В Windows 10 и 11 он обычно уже есть; установить его можно с сайта \
     Microsoft или, без интернета, автономным установщиком «Evergreen Standalone Installer» (x64) — см. \
     раздел «Установка» в README. Команды работают и без окна: koordinator-cli --help";

pub fn installed() -> bool {
    [
        (HKEY_LOCAL_MACHINE, format!(r"SOFTWARE\WOW6432Node\{CLIENT}")),
        (HKEY_LOCAL_MACHINE, format!(r"SOFTWARE\{CLIENT}")),
        (HKEY_CURRENT_USER, format!(r"Software\{CLIENT}")),
    ]
    .iter()
    .any(|(root, key)| version(*root, key).is_some_and(|v| !v.is_empty() && v != "0.0.0.0"))
}

#[allow(unsafe_code)]
fn version(root: HKEY, key: &str) -> Option<String> {
    let wide = |s: &str| s.encode_utf16().chain(Some(0)).collect::<Vec<u16>>();
    let (key, name) = (wide(key), wide("pv"));
    let mut buf = [0u16; 64];
    let mut size = std::mem::size_of_val(&buf) as u32;
    // SAFETY: NUL-terminated UTF-16 key and value names; the buffer's size in bytes is passed and
    // the call writes no more than that.
    let status = unsafe {
        RegGetValueW(
            root,
            key.as_ptr(),
            name.as_ptr(),
            RRF_RT_REG_SZ,
            std::ptr::null_mut(),
            buf.as_mut_ptr().cast(),
            &mut size,
        )
    };
    if status != 0 {
        return None;
    }
    let len = (size as usize / 2).min(buf.len());
    Some(String::from_utf16_lossy(&buf[..len]).trim_end_matches('\0').to_owned())
}
