use thiserror::Error;

/// What can go wrong in the store. Messages are Russian: they reach the user as they are.
#[derive(Debug, Error)]
pub enum StoreError {
    /// `what` in the genitive: «Нет дорожной карты № 99».
    #[error("Нет {what} № {id}")]
    NotFound { what: &'static str, id: i64 },
    /// A value the user gave is refused; `field` names the form field it belongs to.
    #[error("{message}")]
    Invalid { field: &'static str, message: String },
    /// The value collides with an existing record (a duplicate school).
    #[error("{0}")]
    Conflict(String),
    #[error("не удалось открыть файл данных «{path}»: {reason}")]
    Open { path: String, reason: String },
    #[error("данные повреждены: {0}")]
    Corrupt(String),
    #[error("ошибка базы данных: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("не удалось обновить структуру базы данных: {0}")]
    Migration(#[from] rusqlite_migration::Error),
}

pub type StoreResult<T> = Result<T, StoreError>;

impl StoreError {
    pub fn invalid(field: &'static str, message: impl Into<String>) -> StoreError {
        StoreError::Invalid { field, message: message.into() }
    }
}
