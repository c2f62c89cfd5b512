//! The bodies of the window's commands, one module per area: each takes the store (the shell
//! holds it behind its lock) and plain, typed arguments; the Tauri commands in `src-tauri/src/commands`
//! only take the lock and call these, and the command line calls the same.

pub mod calendar;
pub mod district;
pub mod documents;
pub mod editor;
pub mod exchange;
pub mod plans;
pub mod region;
pub mod results;
pub mod risks;
pub mod schools;
pub mod timeframes;
pub mod webinars;
