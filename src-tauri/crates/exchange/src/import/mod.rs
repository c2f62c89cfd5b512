//! Roadmaps coordinators already have: a Word table (.docx), a table pasted from Word or Excel
//! (clipboard HTML or tab-separated text), or text files like the seeds. Reading gives a grid;
//! recognising gives a plan to preview; writing stores it in one transaction.

mod columns;
mod docx;
mod grid;
mod html;
mod number;
mod people;
mod recognise;
mod text;
mod write;

pub use columns::Role;
pub use grid::{Grid, MAX_ROWS};
pub use people::ExecutorDraft;
pub use recognise::{recognise, ImportedEvent, ImportedSection, Recognised};
pub use write::{write, Written};

/// A table read from a source, with the lines above it.
#[derive(Debug, Clone, Default)]
pub struct Source {
    pub grid: Grid,
    pub preamble: Vec<String>,
}

/// Reads a file: a Word document (by its extension or its contents), HTML, or text.
pub fn read_bytes(bytes: &[u8], file_name: &str) -> Result<Source, String> {
    let ext = file_name.rsplit_once('.').map(|(_, e)| e.to_lowercase()).unwrap_or_default();
    let word = matches!(ext.as_str(), "docx" | "docm" | "doc" | "dotx")
        || bytes.starts_with(b"PK")
        || bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]);
    let source = if word {
        let (grid, preamble) = docx::read(bytes)?;
        Source { grid, preamble }
    } else if bytes.starts_with(b"%PDF") {
        return Err(
            "Это PDF: из него таблицу не извлечь. Откройте исходный документ Word и сохраните как .docx."
                .into(),
        );
    } else {
        let text = std::str::from_utf8(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)).map_err(|_| {
            "Файл не в кодировке UTF-8 и не документ Word (.docx). Сохраните таблицу в Word как .docx или как текст в UTF-8."
                .to_owned()
        })?;
        parse_text(text, None)
    };
    checked(source)
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
    Source { grid, preamble }
}

fn checked(source: Source) -> Result<Source, String> {
    source.grid.check_size()?;
    if source.grid.rows.is_empty() {
        return Err("Не найдено таблицы с мероприятиями.".into());
    }
    Ok(source)
}
