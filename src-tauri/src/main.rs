// No console window on Windows for the desktop program.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = match koordinator::cli::parse(std::env::args()) {
        Ok(cli) => cli,
        Err((text, code)) => {
            if code == 0 {
                print!("{text}");
            } else {
                eprint!("{text}");
            }
            return ExitCode::from(code as u8);
        }
    };
    let result = match cli.command {
        None => koordinator::run(cli.db),
        Some(command) => koordinator::cli::run(cli.db, command, &mut std::io::stdout().lock()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("Ошибка: {}", e.message);
            ExitCode::FAILURE
        }
    }
}
