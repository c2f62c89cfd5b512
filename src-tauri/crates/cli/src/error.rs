//! What crosses to the window and the command line when something goes wrong.

use serde::Serialize;
use store::StoreError;

/// A closed list, so the UI can branch on it; never on the message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ErrorCode {
    NotFound,
    Invalid,
    Conflict,
    Storage,
    Io,
    /// The person stopped a long piece of work; nothing was written.
    Cancelled,
    /// Another command holds the data for a long piece of work; ask again later.
    Busy,
}

/// `{code, message, field}`: the message is Russian and meant for the person; `field` names the
/// form field a refused value belongs to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct CommandError {
    pub code: ErrorCode,
    pub message: String,
    pub field: Option<String>,
}

impl CommandError {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> CommandError {
        let e = CommandError { code, message: message.into(), field: None };
        crate::applog::write("ОШИБКА", &e.message);
        e
    }
}

impl std::fmt::Display for CommandError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for CommandError {}

impl From<StoreError> for CommandError {
    fn from(e: StoreError) -> CommandError {
        let code = match &e {
            StoreError::NotFound { .. } => ErrorCode::NotFound,
            StoreError::Invalid { .. } => ErrorCode::Invalid,
            StoreError::Conflict(_) => ErrorCode::Conflict,
            StoreError::Open { .. }
            | StoreError::Missing { .. }
            | StoreError::ReadOnly { .. }
            | StoreError::Viewing { .. } => ErrorCode::Io,
            StoreError::Foreign { .. } | StoreError::Newer { .. } | StoreError::BadBackup { .. } => {
                ErrorCode::Storage
            }
            StoreError::Corrupt(_) | StoreError::Sqlite(_) | StoreError::Migration(_) => ErrorCode::Storage,
            StoreError::Cancelled(_) => ErrorCode::Cancelled,
        };
        let field = match &e {
            StoreError::Invalid { field, .. } => Some((*field).to_owned()),
            StoreError::Conflict(_) => Some("short_name".to_owned()),
            _ => None,
        };
        let message = e.to_string();
        crate::applog::write("ОШИБКА", &message);
        CommandError { code, message, field }
    }
}

impl From<domain::Cancelled> for CommandError {
    fn from(e: domain::Cancelled) -> CommandError {
        CommandError::new(ErrorCode::Cancelled, e.to_string())
    }
}

pub type CommandResult<T> = Result<T, CommandError>;
