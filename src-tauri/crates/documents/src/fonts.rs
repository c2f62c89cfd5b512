//! The four faces of Liberation Serif (SIL OFL, assets/fonts), measured with their own
//! advances. A character a face lacks is replaced by a visible sign and reported.

use std::collections::HashMap;

use printpdf::ParsedFont;

use crate::DocumentError;

const REGULAR: &[u8] = include_bytes!("../../../../assets/fonts/LiberationSerif-Regular.ttf");
const BOLD: &[u8] = include_bytes!("../../../../assets/fonts/LiberationSerif-Bold.ttf");
const ITALIC: &[u8] = include_bytes!("../../../../assets/fonts/LiberationSerif-Italic.ttf");
const BOLD_ITALIC: &[u8] = include_bytes!("../../../../assets/fonts/LiberationSerif-BoldItalic.ttf");

/// What stands in for a character no face has: the white square «□».
pub const REPLACEMENT: char = '\u{25A1}';

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Style {
    Regular,
    Bold,
    Italic,
    BoldItalic,
}

impl Style {
    pub(crate) fn index(self) -> usize {
        self as usize
    }
}

pub struct Face {
    pub(crate) parsed: ParsedFont,
    units_per_em: f32,
    /// Advances of the first 0x500 code points (Latin, Cyrillic), in em; the rest are looked up.
    fast: Vec<f32>,
    ascent: f32,
    descent: f32,
}

impl Face {
    fn load(bytes: &[u8], name: &str) -> Result<Face, DocumentError> {
        let parsed = ParsedFont::from_bytes(bytes, 0, &mut Vec::new())
            .ok_or_else(|| DocumentError::Font(format!("шрифт {name} не прочитан")))?;
        let metrics = parsed.font_metrics;
        let units_per_em = f32::from(metrics.units_per_em.max(1));
        let mut face = Face {
            parsed,
            units_per_em,
            fast: Vec::new(),
            ascent: metrics.ascent / units_per_em,
            descent: metrics.descent.abs() / units_per_em,
        };
        face.fast = (0u32..0x500).map(|cp| face.lookup(cp).unwrap_or(0.0)).collect();
        Ok(face)
    }

    fn lookup(&self, cp: u32) -> Option<f32> {
        let gid = self.parsed.lookup_glyph_index(cp)?;
        Some(f32::from(self.parsed.get_horizontal_advance(gid)) / self.units_per_em)
    }

    pub fn has(&self, c: char) -> bool {
        c == ' ' || self.parsed.lookup_glyph_index(c as u32).is_some()
    }

    /// Advance of `c` in em.
    pub fn advance(&self, c: char) -> f32 {
        let cp = c as u32;
        match self.fast.get(cp as usize) {
            Some(&w) => w,
            None => self.lookup(cp).unwrap_or(0.0),
        }
    }

    /// Width of `text` at `size` pt, in pt.
    pub fn width(&self, text: &str, size: f32) -> f32 {
        text.chars().map(|c| self.advance(c)).sum::<f32>() * size
    }

    /// Ascent and descent in em.
    pub fn vertical(&self) -> (f32, f32) {
        (self.ascent, self.descent)
    }
}

pub struct Fonts {
    pub(crate) faces: [Face; 4],
}

impl Fonts {
    pub fn load() -> Result<Fonts, DocumentError> {
        Ok(Fonts {
            faces: [
                Face::load(REGULAR, "Liberation Serif")?,
                Face::load(BOLD, "Liberation Serif Bold")?,
                Face::load(ITALIC, "Liberation Serif Italic")?,
                Face::load(BOLD_ITALIC, "Liberation Serif Bold Italic")?,
            ],
        })
    }

    pub fn face(&self, style: Style) -> &Face {
        &self.faces[style.index()]
    }

    /// The text with every character some face lacks replaced by [`REPLACEMENT`] (tabs and
    /// other controls become spaces), and a Russian warning per distinct character.
    pub fn printable(&self, text: &str, warnings: &mut Warnings) -> String {
        let regular = self.face(Style::Regular);
        text.chars()
            .filter_map(|c| match c {
                '\n' => Some('\n'),
                // Soft hyphens and zero-width marks: the layout finds its own break points.
                '\u{AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{FEFF}' => None,
                c if c.is_control() || c.is_whitespace() => Some(' '),
                c if self.faces.iter().all(|f| f.has(c)) => Some(c),
                c => {
                    warnings.missing(c);
                    Some(if regular.has(REPLACEMENT) { REPLACEMENT } else { '?' })
                }
            })
            .collect()
    }
}

/// Warnings gathered while a document is laid out, each said once.
#[derive(Debug, Default)]
pub struct Warnings {
    missing: HashMap<char, usize>,
    order: Vec<char>,
}

impl Warnings {
    fn missing(&mut self, c: char) {
        let n = self.missing.entry(c).or_insert(0);
        if *n == 0 {
            self.order.push(c);
        }
        *n += 1;
    }

    pub fn into_messages(self) -> Vec<String> {
        self.order
            .iter()
            .map(|c| {
                format!(
                    "символа «{c}» (U+{:04X}) нет в шрифте: напечатан знак «{REPLACEMENT}» ({} раз)",
                    *c as u32, self.missing[c]
                )
            })
            .collect()
    }
}
