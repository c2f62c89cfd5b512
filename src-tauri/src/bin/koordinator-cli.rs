//! The command line as a console program: on Windows `koordinator.exe` is a window program, whose
//! output cmd never shows, so scripts call `koordinator-cli.exe`. The same subcommands; with none
//! it prints the help instead of opening the window.

use std::process::ExitCode;

fn main() -> ExitCode {
    koordinator::cli::main(std::env::args(), |_| {
        print!("{}", koordinator::cli::help());
        Ok(())
    })
}
