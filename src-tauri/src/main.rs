// No console window on Windows for the desktop program (`koordinator-cli.exe` is the console one).
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

use std::process::ExitCode;

fn main() -> ExitCode {
    #[cfg(windows)]
    attach_console();
    koordinator::cli::main(std::env::args(), koordinator::run)
}

/// A Windows program of the GUI subsystem has no console: started from cmd or PowerShell with a
/// subcommand, it writes to the console it was started from (output into a pipe or a file
/// already has its handle and needs nothing).
#[cfg(windows)]
#[allow(unsafe_code)]
fn attach_console() {
    use windows_sys::Win32::System::Console::{
        AttachConsole, GetStdHandle, ATTACH_PARENT_PROCESS, STD_OUTPUT_HANDLE,
    };
    // SAFETY: plain Win32 calls with constant arguments, before any other thread runs.
    unsafe {
        if std::env::args().len() > 1 && GetStdHandle(STD_OUTPUT_HANDLE).is_null() {
            AttachConsole(ATTACH_PARENT_PROCESS);
        }
    }
}
