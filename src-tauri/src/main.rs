// No console window on Windows for the desktop program (`koordinator-cli.exe` is the console one).
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

use std::process::ExitCode;

fn main() -> ExitCode {
    koordinator::cli::main(std::env::args(), koordinator::run)
}
