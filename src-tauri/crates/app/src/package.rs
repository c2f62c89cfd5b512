//! District packages (issue 27): the whole district as of now, in one file for the region.
//!
//! Format (version [`Manifest::VERSION`]): a zip archive of two entries — `manifest.json` (a
//! [`Manifest`]: the district's ОКТМО and name, when and by which version it was made, the data
//! file's schema version, the SHA-256 of the content) and `district.sqlite3` (the district's
//! data file as of one moment, made by `VACUUM INTO`, without its history of changes). The
//! checksum finds a damaged or edited package; it is no signature (anyone who edits the content
//! can write a new sum), which a region exchanging files by e-mail does not need.

use std::io::{Cursor, Read, Write};
use std::path::Path;

use chrono::NaiveDateTime;
use domain::region::Manifest;
use sha2::{Digest, Sha256};
use store::Store;

use crate::error::{CommandError, CommandResult, ErrorCode};

/// The package file's extension.
pub const EXTENSION: &str = "koord";
const MANIFEST: &str = "manifest.json";
const CONTENT: &str = "district.sqlite3";
/// Limits met while reading, so that a hostile file cannot exhaust memory.
/// A district of 1 000 schools and ten years of everything is tens of megabytes.
const MAX_FILE: u64 = 256 << 20;
const MAX_MANIFEST: u64 = 64 << 10;
const MAX_CONTENT: u64 = 256 << 20;

/// «Район_Неклиновский_район_04.12.2026.koord»: the name the save dialog offers.
pub fn default_name(store: &Store, now: NaiveDateTime) -> CommandResult<String> {
    let p = store::setting::profile(store.read())?;
    let name = if p.district.trim().is_empty() { p.issuer.clone() } else { p.district.clone() };
    let safe: String = name
        .chars()
        .map(|c| if c.is_alphanumeric() || c == '-' || c == '.' { c } else { '_' })
        .collect::<String>()
        .split('_')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join("_");
    let prefix =
        if safe.to_lowercase().starts_with("район") { String::new() } else { "Район_".into() };
    Ok(format!("{prefix}{safe}_{}.{EXTENSION}", now.format("%d.%m.%Y")))
}

/// Makes the package of the district in `store` at `out`; its manifest. Refused, with the
/// reason in Russian, when the district has no code (ОКТМО) or the file is a region's.
pub fn make(store: &Store, out: &Path, now: NaiveDateTime) -> CommandResult<Manifest> {
    let conn = store.read();
    if store::region::is_region(conn)? {
        return Err(CommandError::new(
            ErrorCode::Invalid,
            "Это файл региона: пакеты делают файлы районов, а регион их принимает.",
        ));
    }
    let p = store::setting::profile(conn)?;
    if p.oktmo.trim().is_empty() {
        return Err(CommandError::new(
            ErrorCode::Invalid,
            "Пакет для региона не сделан: в сведениях о районе нет кода ОКТМО, а регион узнаёт район \
             только по нему. Укажите код (8 или 11 цифр) в разделе «Файл данных» → «Сведения о районе».",
        ));
    }
    let dir = tempfile::tempdir().map_err(|e| io_error("временную папку", &e))?;
    let copy = dir.path().join(CONTENT);
    store::region::snapshot(store, &copy)?;
    let content = std::fs::read(&copy).map_err(|e| io_error("снимок района", &e))?;
    let manifest = Manifest {
        format: Manifest::FORMAT.into(),
        format_version: Manifest::VERSION,
        district_code: p.oktmo.clone(),
        district_name: if p.district.is_empty() { p.issuer.clone() } else { p.district.clone() },
        issuer: p.issuer.clone(),
        file_id: store::region::file_id(conn)?,
        made_at: now,
        program_version: env!("CARGO_PKG_VERSION").into(),
        schema_version: store::SCHEMA_VERSION,
        sha256: sha256(&content),
    };
    let bytes = pack(&manifest, &content)?;
    crate::files::write_export(store, out, &bytes)?;
    Ok(manifest)
}

/// The zip of a manifest and its content.
pub fn pack(manifest: &Manifest, content: &[u8]) -> CommandResult<Vec<u8>> {
    let failed = |e: &dyn std::fmt::Display| {
        CommandError::new(ErrorCode::Storage, format!("Не удалось собрать пакет района: {e}"))
    };
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let deflated = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .large_file(content.len() as u64 >= u32::MAX as u64);
    let json = serde_json::to_vec_pretty(manifest).map_err(|e| failed(&e))?;
    zip.start_file(MANIFEST, deflated).map_err(|e| failed(&e))?;
    zip.write_all(&json).map_err(|e| failed(&e))?;
    zip.start_file(CONTENT, deflated).map_err(|e| failed(&e))?;
    zip.write_all(content).map_err(|e| failed(&e))?;
    Ok(zip.finish().map_err(|e| failed(&e))?.into_inner())
}

/// A package read and checked: its manifest and the district's data file.
pub struct Opened {
    pub manifest: Manifest,
    pub content: Vec<u8>,
}

/// Why a package is refused, in Russian, to follow «Пакет «…» не принят: ».
pub type Refusal = String;

/// Reads a package file: refused whole when it is not a package, is damaged or edited (the
/// checksum), or was made by a newer version of the program.
pub fn read(path: &Path) -> Result<Opened, Refusal> {
    let meta = std::fs::metadata(path).map_err(|e| format!("файл не прочитан: {}", store::io_message(&e)))?;
    if !meta.is_file() {
        return Err("это не файл".into());
    }
    if meta.len() > MAX_FILE {
        return Err(format!("файл больше {} МБ — это не пакет района", MAX_FILE >> 20));
    }
    let bytes = std::fs::read(path).map_err(|e| format!("файл не прочитан: {}", store::io_message(&e)))?;
    open(&bytes)
}

/// [`read`] from the bytes of the file.
pub fn open(bytes: &[u8]) -> Result<Opened, Refusal> {
    const NOT_OURS: &str = "это не пакет района «Координатора»";
    let mut zip =
        zip::ZipArchive::new(Cursor::new(bytes)).map_err(|_| format!("{NOT_OURS} (файл не архив)"))?;
    let manifest_json =
        entry(&mut zip, MANIFEST, MAX_MANIFEST).map_err(|e| e.unwrap_or_else(|| NOT_OURS.into()))?;
    let manifest: Manifest = serde_json::from_slice(&manifest_json)
        .ok()
        .filter(|m: &Manifest| m.format == Manifest::FORMAT)
        .ok_or_else(|| format!("{NOT_OURS} (нет описания пакета)"))?;
    if manifest.format_version > Manifest::VERSION || manifest.schema_version > store::SCHEMA_VERSION {
        return Err(format!(
            "пакет сделан более новой версией программы ({}), чем эта ({}); обновите «Координатор»",
            manifest.program_version,
            env!("CARGO_PKG_VERSION")
        ));
    }
    let code = &manifest.district_code;
    if !(matches!(code.len(), 8 | 11) && code.chars().all(|c| c.is_ascii_digit())) {
        return Err(format!("в пакете неверный код района «{code}» (ОКТМО — 8 или 11 цифр)"));
    }
    let content = entry(&mut zip, CONTENT, MAX_CONTENT).map_err(|e| e.unwrap_or_else(|| NOT_OURS.into()))?;
    if sha256(&content) != manifest.sha256.to_lowercase() {
        return Err(
            "пакет повреждён или изменён после того, как его сделали: контрольная сумма не совпадает".into(),
        );
    }
    Ok(Opened { manifest, content })
}

/// An entry's bytes, read no further than `limit`; Err(None) when it is missing.
fn entry(
    zip: &mut zip::ZipArchive<Cursor<&[u8]>>,
    name: &str,
    limit: u64,
) -> Result<Vec<u8>, Option<Refusal>> {
    let file = zip.by_name(name).map_err(|_| None)?;
    if file.size() > limit {
        return Err(Some(format!("в пакете слишком большая часть «{name}»")));
    }
    let mut out = Vec::with_capacity(file.size() as usize);
    file.take(limit + 1)
        .read_to_end(&mut out)
        .map_err(|_| Some("пакет повреждён: архив не распаковывается".to_owned()))?;
    if out.len() as u64 > limit {
        return Err(Some(format!("в пакете слишком большая часть «{name}»")));
    }
    Ok(out)
}

pub fn sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

fn io_error(what: &str, e: &std::io::Error) -> CommandError {
    CommandError::new(ErrorCode::Io, format!("Не удалось записать {what}: {}", store::io_message(e)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn district(dir: &Path, oktmo: &str) -> Store {
        let mut store = Store::create(&dir.join("район.sqlite3")).unwrap();
        crate::district::load_demo(&mut store).unwrap();
        let mut p = store::setting::profile(store.read()).unwrap();
        p.oktmo = oktmo.into();
        store.change("Сведения о районе", |tx| store::setting::set_profile(tx, &p)).unwrap();
        store
    }

    fn now() -> NaiveDateTime {
        NaiveDateTime::parse_from_str("2026-12-04T10:00:00", "%Y-%m-%dT%H:%M:%S").unwrap()
    }

    #[test]
    fn a_package_holds_the_district_without_its_history_and_checks_its_sum() {
        let dir = tempfile::tempdir().unwrap();
        let store = district(dir.path(), "60737000");
        let out = dir.path().join(default_name(&store, now()).unwrap());
        assert!(out.to_string_lossy().ends_with("Район_г._Таганрог_04.12.2026.koord"), "{out:?}");
        let m = make(&store, &out, now()).unwrap();
        assert_eq!((m.district_code.as_str(), m.schema_version), ("60737000", store::SCHEMA_VERSION));
        let opened = read(&out).unwrap();
        assert_eq!(opened.manifest, m);
        let copy = dir.path().join("copy.sqlite3");
        std::fs::write(&copy, &opened.content).unwrap();
        let c = rusqlite::Connection::open(&copy).unwrap();
        let n = |sql: &str| c.query_row(sql, [], |r| r.get::<_, i64>(0)).unwrap();
        assert_eq!(n("SELECT count(*) FROM change_log"), 0);
        let events: i64 = store.read().query_row("SELECT count(*) FROM event", [], |r| r.get(0)).unwrap();
        assert_eq!(n("SELECT count(*) FROM event"), events);
        assert!(events > 0);

        // One byte changed inside the content: refused whole.
        let mut content = opened.content.clone();
        let last = content.len() - 100;
        content[last] ^= 0xff;
        let tampered = pack(&m, &content).unwrap();
        assert!(open(&tampered).err().unwrap().contains("контрольная сумма не совпадает"));
        // Newer format, not a zip, a zip of something else.
        let newer = Manifest { format_version: Manifest::VERSION + 1, ..m.clone() };
        assert!(open(&pack(&newer, &opened.content).unwrap()).err().unwrap().contains("более новой версией"));
        assert!(open(b"PK\x03\x04 not really").err().unwrap().starts_with("это не пакет района"));
        let mut other = zip::ZipWriter::new(Cursor::new(Vec::new()));
        other.start_file("word/document.xml", zip::write::SimpleFileOptions::default()).unwrap();
        let other = other.finish().unwrap().into_inner();
        assert!(open(&other).err().unwrap().starts_with("это не пакет района"));
    }

    #[test]
    fn no_package_without_the_district_code() {
        let dir = tempfile::tempdir().unwrap();
        let store = district(dir.path(), "");
        let out = dir.path().join("p.koord");
        let err = make(&store, &out, now()).unwrap_err();
        assert!(err.message.contains("нет кода ОКТМО"), "{}", err.message);
        assert!(!out.exists());
    }
}
