//! The command line as a console program without the window's libraries: it starts in
//! milliseconds and runs where GTK and WebKit are absent; on Windows, where `koordinator.exe` is
//! a window program whose output cmd never shows, scripts call `koordinator-cli.exe`. The same
//! subcommands as `koordinator`; with none it prints the help instead of opening the window.

use std::process::ExitCode;

fn main() -> ExitCode {
    app::cli::main(std::env::args(), |_| {
        print!("{}", app::cli::help());
        Ok(())
    })
}
