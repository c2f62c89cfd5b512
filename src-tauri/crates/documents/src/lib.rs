//! Print-ready PDF documents of Koordinator, laid out by the rules of ГОСТ Р 7.0.97: A4,
//! margins from settings, Liberation Serif embedded and subset, 14 pt text and 12 pt tables,
//! page numbers at the top centre from the second page, nothing cut or outside the margins.
//!
//! Contract: every document function takes domain values (no store, no clock) and returns the
//! PDF bytes with the warnings met on the way (a character the font lacks). Layout is done by
//! the engine in [`layout`]; [`render`] only draws its display list.

pub mod docs;
mod docx;
mod fonts;
mod hyphenate;
pub mod layout;
mod render;
mod svg;

use std::sync::OnceLock;

pub use docs::*;
pub use fonts::{Fonts, Style, Warnings};
pub use layout::{Margins, Orientation, Paper};
pub use render::{Format, Meta};

#[derive(Debug, thiserror::Error)]
pub enum DocumentError {
    #[error("ошибка шрифта: {0}")]
    Font(String),
    #[error("{0}")]
    Invalid(String),
    /// The person stopped the printing.
    #[error("{0}")]
    Cancelled(#[from] domain::Cancelled),
}

/// A finished document, PDF or DOCX as its [`Meta`] asked.
#[derive(Debug)]
pub struct Rendered {
    pub bytes: Vec<u8>,
    /// PDF pages; for DOCX, Word paginates (the PDF's count is given for reference).
    pub pages: usize,
    /// Russian sentences for the user: what was printed differently from the data.
    pub warnings: Vec<String>,
    /// For [`Format::Preview`], the pages as SVG (`bytes` is then empty).
    pub preview: Vec<String>,
}

/// The fonts, parsed once per process.
pub fn fonts() -> Result<&'static Fonts, DocumentError> {
    static FONTS: OnceLock<Result<Fonts, String>> = OnceLock::new();
    FONTS
        .get_or_init(|| Fonts::load().map_err(|e| e.to_string()))
        .as_ref()
        .map_err(|e| DocumentError::Font(e.clone()))
}

/// Lays out and renders the parts of a document as a PDF, or writes them as a DOCX.
pub fn build(parts: &[layout::Part], meta: &Meta) -> Result<Rendered, DocumentError> {
    let fonts = fonts()?;
    let mut warnings = Warnings::default();
    meta.work.step("Вёрстка документа", 0, 1)?;
    let pages = layout::flow(parts, fonts, &mut warnings);
    let (bytes, preview) = match meta.format {
        Format::Pdf => (render::render(&pages, fonts, meta)?, Vec::new()),
        Format::Docx => (docx::write(parts, meta)?, Vec::new()),
        Format::Preview => (Vec::new(), svg::pages(&pages)),
    };
    Ok(Rendered { bytes, pages: pages.len(), warnings: warnings.into_messages(), preview })
}
