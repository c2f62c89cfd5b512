//! Roadmaps coordinators already have: a Word table (.docx), a table pasted from Word or Excel
//! (clipboard HTML or tab-separated text), or text files like the seeds. Reading gives a grid;
//! recognising gives a plan to preview; writing stores it in one transaction.

mod boxed;
mod columns;
mod docx;
mod grid;
mod html;
mod layout;
mod limits;
mod number;
mod people;
mod period;
mod recognise;
mod sheet;
mod text;
mod write;

pub use columns::Role;
pub use grid::{group_thousands, tidy, Grid, GridRow, MAX_ROWS};
pub use people::school_mentions;
pub use people::{executors, ExecutorDraft};
pub use recognise::{recognise, recognise_source, ImportedEvent, ImportedSection, Recognised};
pub use write::{draft, Written};

/// A table read from a source, with the lines above it. Serialized when a file is read in a
/// separate process (the window's contained reader).
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
pub struct Source {
    pub grid: Grid,
    pub preamble: Vec<String>,
    /// What the reader wants the person to know (which sheet of a workbook was taken).
    pub notes: Vec<String>,
    /// A workbook's sheets, to choose from, and the one read; empty for other files.
    pub sheets: Vec<String>,
    pub sheet: Option<String>,
}

/// Reads a file, whatever it is by its contents (the extension only breaks ties): a Word
/// document, a spreadsheet (.xlsx, .xls, .ods), HTML, or text in UTF-8, UTF-16 or
/// windows-1251. Formats that cannot be read get a message that says what to do. `sheet` names
/// the workbook's sheet to read (else the fullest); other files ignore it.
pub fn read_bytes(bytes: &[u8], file_name: &str, sheet: Option<&str>) -> Result<Source, String> {
    checked(read_table(bytes, file_name, sheet)?)
}

/// Every table of a file: each sheet of a workbook (read in one pass), or the one table of
/// another file; empty ones are no error.
pub fn read_tables(bytes: &[u8], file_name: &str) -> Result<Vec<Source>, String> {
    let ext = file_name.rsplit_once('.').map(|(_, e)| e.to_lowercase()).unwrap_or_default();
    if !matches!(kind_of(bytes, &ext), FileKind::Sheet) {
        return Ok(vec![read_table(bytes, file_name, None)?]);
    }
    let sheets = sheet::read_every(bytes)?;
    let names: Vec<String> = sheets.iter().map(|(n, _)| n.clone()).collect();
    sheets
        .into_iter()
        .map(|(name, grid)| {
            grid.check_size()?;
            Ok(Source { grid, sheets: names.clone(), sheet: Some(name), ..Source::default() })
        })
        .collect()
}

/// Like [`read_bytes`], for any table (results as well as roadmaps): an empty one is no error.
pub fn read_table(bytes: &[u8], file_name: &str, sheet: Option<&str>) -> Result<Source, String> {
    let ext = file_name.rsplit_once('.').map(|(_, e)| e.to_lowercase()).unwrap_or_default();
    let source = match kind_of(bytes, &ext) {
        FileKind::Word => {
            let (grid, preamble) = docx::read(bytes)?;
            Source { grid, preamble, ..Source::default() }
        }
        FileKind::Sheet => {
            let book = sheet::read(bytes, sheet)?;
            Source {
                grid: book.grid,
                preamble: Vec::new(),
                notes: book.notes,
                sheets: book.sheets,
                sheet: Some(book.sheet),
            }
        }
        FileKind::Refused(why) => return Err(why.into()),
        FileKind::Text => parse_text(&decode(bytes)?, None),
    };
    source.grid.check_size()?;
    Ok(source)
}

enum FileKind {
    Word,
    Sheet,
    Text,
    Refused(&'static str),
}

/// What a file is, by its first bytes and, inside a ZIP or an OLE file, by what it holds.
fn kind_of(bytes: &[u8], ext: &str) -> FileKind {
    let has_utf16 = |name: &str| {
        let needle: Vec<u8> = name.encode_utf16().flat_map(u16::to_le_bytes).collect();
        bytes.windows(needle.len()).any(|w| w == needle.as_slice())
    };
    let has = |needle: &[u8]| bytes.windows(needle.len()).any(|w| w == needle);
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        // An OLE file: Word 97–2003, Excel 97–2003, or a password-protected Office file.
        if has_utf16("EncryptionInfo") {
            return FileKind::Word; // the Word reader names the password
        }
        if has_utf16("Workbook") || has_utf16("Book") || matches!(ext, "xls") {
            return FileKind::Sheet;
        }
        return FileKind::Word;
    }
    if bytes.starts_with(b"{\\rtf") {
        return FileKind::Refused(
            "Это документ RTF: откройте его в Word или LibreOffice и сохраните как .docx, затем повторите импорт.",
        );
    }
    if bytes.starts_with(b"%PDF") {
        return FileKind::Refused(
            "Это PDF: из него таблицу не извлечь. Откройте исходный документ Word и сохраните как .docx.",
        );
    }
    if bytes.starts_with(b"PK") {
        if has(b"xl/workbook") || has(b"opendocument.spreadsheet") {
            return FileKind::Sheet;
        }
        if has(b"opendocument.text") {
            return FileKind::Refused(
                "Это документ LibreOffice (.odt): сохраните его как .docx (Файл → Сохранить как → Word) и повторите.",
            );
        }
        // An .ods whose «mimetype» was packed: its part names are plain in the archive's index.
        if has(b"content.xml") && !has(b"word/document.xml") {
            return FileKind::Sheet;
        }
        return FileKind::Word;
    }
    match ext {
        "docx" | "docm" | "dotx" | "doc" => FileKind::Word,
        "xlsx" | "xlsm" | "xls" | "ods" | "xlsb" => FileKind::Sheet,
        _ => FileKind::Text,
    }
}

/// Text in the encodings Word and Windows save in: UTF-8 (with or without BOM), UTF-16 (with
/// BOM, «Юникод»), else windows-1251 (Russian Windows' «Кириллица»).
fn decode(bytes: &[u8]) -> Result<String, String> {
    if let Some((enc, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, had_errors) = enc.decode_without_bom_handling(&bytes[bom..]);
        if had_errors {
            return Err("Текст файла повреждён: часть символов не читается. Ничего не импортировано.".into());
        }
        return Ok(text.into_owned());
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(text.to_owned());
    }
    // UTF-16 without a BOM: every other byte of Russian text is 0x04, of Latin text 0x00.
    let odd_zeros = bytes.iter().skip(1).step_by(2).filter(|b| **b == 0x04 || **b == 0).count();
    if bytes.len() >= 4 && odd_zeros * 10 > bytes.len() / 2 * 9 {
        let (text, _) = encoding_rs::UTF_16LE.decode_without_bom_handling(bytes);
        return Ok(text.into_owned());
    }
    let (text, _) = encoding_rs::WINDOWS_1251.decode_without_bom_handling(bytes);
    Ok(text.into_owned())
}

/// A pasted table: the clipboard's HTML if there is one (Word, Excel, browsers), else its text.
pub fn read_pasted(text: &str, html: Option<&str>) -> Result<Source, String> {
    checked(parse_text(text, html))
}

fn parse_text(text: &str, html: Option<&str>) -> Source {
    let is_table = |h: &str| h.to_ascii_lowercase().contains("<table");
    let (grid, preamble) = match html.filter(|h| is_table(h)) {
        Some(h) => html::read(h),
        None if text.trim_start().starts_with('<') && is_table(text) => html::read(text),
        None => text::read(text),
    };
    Source { grid, preamble, ..Source::default() }
}

fn checked(source: Source) -> Result<Source, String> {
    source.grid.check_size()?;
    if source.grid.rows.is_empty() {
        return Err("Не найдено таблицы с мероприятиями.".into());
    }
    Ok(source)
}
