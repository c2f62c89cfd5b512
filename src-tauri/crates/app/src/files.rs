//! Writing exported files safely: never over the open data file (or its `-wal`, `-shm`,
//! `-journal`), never over a folder; written to a temporary file in the same folder, synced,
//! then renamed, so a failed write leaves neither half a file nor a `.part` behind.

use std::io::Write;
use std::path::{Path, PathBuf};

use store::Store;

use crate::error::{CommandError, CommandResult, ErrorCode};

/// Writes `bytes` to `out`, refusing the data file of `store` however it is reached: by
/// another spelling, a link, a hard link, a bind mount or a case-insensitive disk (the files'
/// identity — device and inode, or Windows' file index — is compared, not their names).
pub fn write_export(store: &Store, out: &Path, bytes: &[u8]) -> CommandResult<()> {
    let target = real_path(out)?;
    if let Some(data) = store.path() {
        let data = std::fs::canonicalize(data).unwrap_or_else(|_| data.to_path_buf());
        for suffix in ["", "-wal", "-shm", "-journal"] {
            let mut protected = data.clone().into_os_string();
            protected.push(suffix);
            let same = same_file::is_same_file(&target, &protected).unwrap_or(false);
            if target.as_os_str() == protected || same {
                return Err(CommandError::new(
                    ErrorCode::Invalid,
                    format!(
                        "Нельзя сохранить документ в «{}»: это файл данных Координатора. Выберите другое имя файла.",
                        out.display()
                    ),
                ));
            }
        }
    }
    write_atomically(&target, bytes).map_err(|e| {
        CommandError::new(
            ErrorCode::Io,
            format!("Не удалось записать «{}»: {}", out.display(), store::io_message(&e)),
        )
    })
}

/// The real path `out` names: links and «..» resolved, for a file that may not exist yet.
fn real_path(out: &Path) -> CommandResult<PathBuf> {
    let refuse = |why: &str| {
        CommandError::new(ErrorCode::Invalid, format!("Нельзя сохранить в «{}»: {why}.", out.display()))
    };
    if out.is_dir() {
        return Err(refuse("это папка, укажите имя файла"));
    }
    if let Ok(real) = std::fs::canonicalize(out) {
        return Ok(real);
    }
    let name = out.file_name().ok_or_else(|| refuse("не указано имя файла"))?;
    let parent = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let dir = std::fs::canonicalize(parent).map_err(|_| refuse("такой папки нет"))?;
    Ok(dir.join(name))
}

/// Written beside the target under a unique temporary name, synced, then renamed over it: a
/// failed or interrupted write leaves the old file as it was and no stray file behind.
fn write_atomically(target: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut file = tempfile::Builder::new().prefix(".koordinator-").suffix(".part").tempfile_in(dir)?;
    file.write_all(bytes)?;
    #[cfg(unix)]
    {
        // A temporary file is private (0600); a document is as readable as any other.
        use std::os::unix::fs::PermissionsExt;
        file.as_file().set_permissions(std::fs::Permissions::from_mode(0o644))?;
    }
    file.as_file().sync_all()?;
    file.persist(target).map_err(|e| e.error)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_data_file_is_refused_however_it_is_spelt() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("k.sqlite3");
        let store = Store::create(&file).unwrap();
        store.checkpoint().unwrap();
        let before = std::fs::read(&file).unwrap();
        let sub = dir.path().join("sub");
        std::fs::create_dir(&sub).unwrap();
        for spelt in [
            file.clone(),
            sub.join("..").join("k.sqlite3"),
            dir.path().join(".").join("k.sqlite3-wal"),
            dir.path().join("k.sqlite3-shm"),
        ] {
            let err = write_export(&store, &spelt, b"%PDF").unwrap_err();
            assert!(err.message.contains("это файл данных Координатора"), "{spelt:?}: {}", err.message);
        }
        assert_eq!(std::fs::read(&file).unwrap(), before);
        assert!(write_export(&store, &sub, b"%PDF").unwrap_err().message.contains("это папка"));
        assert!(write_export(&store, &dir.path().join("нет").join("a.pdf"), b"%PDF").is_err());
        write_export(&store, &sub.join("a.pdf"), b"%PDF").unwrap();
        assert_eq!(std::fs::read(sub.join("a.pdf")).unwrap(), b"%PDF");
        let names: Vec<_> = std::fs::read_dir(&sub).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(names.len(), 1, "no .part left: {names:?}");
    }
}
