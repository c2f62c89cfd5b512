//! Koordinator without the window: the command line, document export, import, the files it
//! writes and where they live. Nothing here links tauri, GTK or WebKit, so `koordinator-cli`
//! starts in milliseconds; the window's crate (`koordinator`) re-exports these modules and adds
//! the Tauri commands over the same functions.

pub mod applog;
pub mod cli;
pub mod commands;
pub mod contained;
pub mod district;
pub mod error;
pub mod export;
pub mod files;
pub mod generate;
pub mod import;
pub mod package;
pub mod paths;
pub mod region;
pub mod results;
pub mod state;
