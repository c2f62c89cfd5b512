use thiserror::Error;

/// What can go wrong in the store. Messages are Russian from start to end: they reach the user
/// as they are, so SQLite's and the migrator's English never shows through.
#[derive(Debug, Error)]
pub enum StoreError {
    /// `what` in the genitive: «Нет дорожной карты № 99».
    #[error("Нет {what} № {id}")]
    NotFound { what: &'static str, id: i64 },
    /// A value the user gave is refused; `field` names the form field it belongs to, if any (a
    /// move the outline cannot make, a broken bundle belong to none).
    #[error("{message}")]
    Invalid { field: Option<domain::ErrorField>, message: String },
    /// A form's value another record has already (a school's short name, login or ИНН).
    #[error("{message}")]
    Taken { field: domain::ErrorField, message: String },
    /// A change collides with what is there: an undo with later changes, a second indicator of
    /// the same name.
    #[error("{0}")]
    Conflict(String),
    #[error("Файл данных не найден: {path}")]
    Missing { path: String },
    #[error("Файл «{path}» не является файлом данных Координатора ({reason}). Файл не изменён.")]
    Foreign { path: String, reason: String },
    #[error(
        "Файл данных «{path}» создан более новой версией Координатора. Обновите программу; файл не изменён."
    )]
    Newer { path: String },
    /// The data file is where it cannot be written: it was opened for reading only.
    #[error("Файл данных «{path}» открыт только для чтения: нет прав на запись в него или в его папку (или диск только для чтения). Изменения не сохраняются; скопируйте файл в свою папку, чтобы работать с ним.")]
    ReadOnly { path: String },
    /// Opened to be viewed only (a district as its package brought it to the region).
    #[error("Файл данных «{path}» открыт только для просмотра: изменения в нём не сохраняются.")]
    Viewing { path: String },
    /// A backup that must not replace the data file, and why.
    #[error("Копию «{path}» нельзя восстановить: {reason}. Данные не изменены.")]
    BadBackup { path: String, reason: String },
    #[error("не удалось открыть файл данных «{path}»: {reason}")]
    Open { path: String, reason: String },
    #[error("данные повреждены: {0}")]
    Corrupt(String),
    /// The person stopped a long change: it is rolled back whole.
    #[error("{0}")]
    Cancelled(#[from] domain::Cancelled),
    #[error("{}", sqlite_message(.0))]
    Sqlite(#[from] rusqlite::Error),
    #[error("не удалось обновить структуру файла данных: {}", migration_message(.0))]
    Migration(#[from] rusqlite_migration::Error),
}

pub type StoreResult<T> = Result<T, StoreError>;

impl StoreError {
    /// A value of the form's `field` refused.
    pub fn invalid(field: domain::ErrorField, message: impl Into<String>) -> StoreError {
        StoreError::Invalid { field: Some(field), message: message.into() }
    }

    /// Something asked for that cannot be done, belonging to no form field.
    pub fn refused(message: impl Into<String>) -> StoreError {
        StoreError::Invalid { field: None, message: message.into() }
    }
}

/// SQLite's failures in words that say what the person should do.
pub(crate) fn sqlite_message(e: &rusqlite::Error) -> String {
    use rusqlite::ErrorCode as C;
    let advice = match e.sqlite_error_code() {
        Some(C::DatabaseBusy | C::DatabaseLocked) => {
            "файл данных занят другой программой или другим окном Координатора; закройте их и повторите"
        }
        Some(C::NotADatabase) => {
            "файл не является базой данных или повреждён; восстановите его из резервной копии"
        }
        Some(C::DatabaseCorrupt) => "файл данных повреждён; восстановите его из резервной копии",
        Some(C::ReadOnly) => "файл данных открыт только для чтения; проверьте права на файл и папку",
        Some(C::DiskFull) => "на диске не осталось места; освободите место и повторите",
        Some(C::CannotOpen) => "файл данных не открывается; проверьте, что папка существует и доступна",
        Some(C::PermissionDenied) => "нет прав на файл данных; проверьте права на файл и папку",
        Some(C::SystemIoFailure) => "ошибка чтения или записи диска; проверьте диск и повторите",
        Some(C::ConstraintViolation) => "изменение нарушает целостность данных и не сохранено",
        Some(C::TooBig) => "слишком большое значение",
        _ => match e {
            rusqlite::Error::SqliteFailure(f, _) => {
                return format!("внутренняя ошибка базы данных (код {})", f.extended_code)
            }
            rusqlite::Error::QueryReturnedNoRows => "запись не найдена",
            rusqlite::Error::FromSqlConversionFailure(..) | rusqlite::Error::InvalidColumnType(..) => {
                "данные в файле не читаются; восстановите файл из резервной копии"
            }
            _ => "внутренняя ошибка базы данных",
        },
    };
    advice.to_owned()
}

/// An operating-system error in Russian: what happened to the file, not the library's English.
pub fn io_message(e: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    match e.kind() {
        K::NotFound => "файл или папка не найдены",
        K::PermissionDenied => "нет прав на запись; выберите другую папку или проверьте права",
        K::AlreadyExists => "файл уже существует",
        K::StorageFull => "на диске не осталось места",
        K::ReadOnlyFilesystem => "диск доступен только для чтения",
        K::IsADirectory => "это папка, а не файл",
        K::NotADirectory => "в пути есть файл там, где должна быть папка",
        K::InvalidFilename => "недопустимое имя файла",
        K::Interrupted | K::TimedOut | K::WouldBlock => "операция прервана; повторите",
        _ => "ошибка ввода-вывода; проверьте диск и права на папку",
    }
    .to_owned()
}

fn migration_message(e: &rusqlite_migration::Error) -> String {
    match e {
        rusqlite_migration::Error::RusqliteError { err, .. } => sqlite_message(err),
        _ => "структура файла не совпадает с известной программе; восстановите файл из резервной копии"
            .to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sqlite_errors_read_in_russian() {
        let busy =
            rusqlite::Error::SqliteFailure(rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_BUSY), None);
        let text = StoreError::from(busy).to_string();
        assert!(text.starts_with("файл данных занят"), "{text}");
        let odd = rusqlite::Error::InvalidQuery;
        let text = StoreError::from(odd).to_string();
        assert!(!text.chars().any(|c| c.is_ascii_alphabetic()), "{text}");
    }
}
