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
    /// The same plan or results are there already: the person chooses to replace, keep both or
    /// stop ([`CommandError::duplicate`] says what is there).
    Duplicate,
}

/// `{code, message, field, duplicate}`: the message is Russian and meant for the person; `field`
/// names the form field a refused value belongs to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct CommandError {
    pub code: ErrorCode,
    pub message: String,
    pub field: Option<domain::ErrorField>,
    /// For [`ErrorCode::Duplicate`]: what is there already and the question, as the window asks
    /// it; the message adds how the command line answers.
    pub duplicate: Option<String>,
}

impl CommandError {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> CommandError {
        let e = CommandError { code, message: message.into(), field: None, duplicate: None };
        e.log();
        e
    }

    /// The same thing is there already: `question` for the window, and for the command line
    /// the same with its answers.
    pub fn duplicate(question: String) -> CommandError {
        CommandError {
            code: ErrorCode::Duplicate,
            message: format!("{question} В командной строке: --duplicate replace или --duplicate keep."),
            field: None,
            duplicate: Some(question),
        }
    }

    /// Whether this is a failure of the program or the computer (a file, the disk, the data)
    /// rather than an answer the person can act on: a value refused, a stop they asked for,
    /// something not found or taken by another command.
    pub fn is_failure(&self) -> bool {
        matches!(self.code, ErrorCode::Storage | ErrorCode::Io)
    }

    /// Into the program's log: failures as errors; answers are not logged (a log full of «Укажите
    /// название» hides the one line that matters).
    fn log(&self) {
        if self.is_failure() {
            crate::applog::write("ОШИБКА", &self.message);
        }
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
            StoreError::Conflict(_) | StoreError::Taken { .. } => ErrorCode::Conflict,
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
            StoreError::Invalid { field, .. } => *field,
            StoreError::Taken { field, .. } => Some(*field),
            _ => None,
        };
        let e = CommandError { code, message: e.to_string(), field, duplicate: None };
        e.log();
        e
    }
}

impl From<domain::Cancelled> for CommandError {
    fn from(e: domain::Cancelled) -> CommandError {
        CommandError::new(ErrorCode::Cancelled, e.to_string())
    }
}

pub type CommandResult<T> = Result<T, CommandError>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_failures_are_failures() {
        assert!(!CommandError::new(ErrorCode::Invalid, "Укажите название").is_failure());
        assert!(!CommandError::from(domain::Cancelled).is_failure());
        assert!(CommandError::new(ErrorCode::Io, "Не удалось записать").is_failure());
        let e: CommandError = store::StoreError::Corrupt("x".into()).into();
        assert!(e.is_failure());
    }

    /// A value another school has is a conflict on the field that collides; a conflict of an
    /// undo with later changes is no form's field.
    #[test]
    fn conflicts_name_a_field_only_when_a_form_value_collides() {
        let taken = store::StoreError::Taken {
            field: domain::ErrorField::Inn,
            message: "ИНН уже есть".into(),
        };
        let e = CommandError::from(taken);
        assert_eq!((e.code, e.field), (ErrorCode::Conflict, Some(domain::ErrorField::Inn)));
        let e = CommandError::from(store::StoreError::Conflict("позже изменено".into()));
        assert_eq!((e.code, e.field), (ErrorCode::Conflict, None));
        let e = CommandError::from(store::StoreError::refused("выше перемещать некуда"));
        assert_eq!((e.code, e.field), (ErrorCode::Invalid, None));
    }
}
