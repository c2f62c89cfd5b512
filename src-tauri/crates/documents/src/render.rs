//! The display list of laid-out pages → PDF bytes, fonts embedded and subset.

use printpdf::{
    Color, FontId, Greyscale, Line as PdfLine, LinePoint, Mm, Op, PaintMode, PdfDocument, PdfFontHandle,
    PdfPage, PdfSaveOptions, Point, Pt, Rect, TextItem,
};

use crate::fonts::Fonts;
use crate::layout::{Item, Page};

/// Document properties written into the PDF.
#[derive(Debug, Clone)]
pub struct Meta {
    pub title: String,
    /// Seconds since 1970 (the caller's clock: this crate reads none).
    pub created_unix: i64,
}

pub fn render(pages: &[Page], fonts: &Fonts, meta: &Meta) -> Vec<u8> {
    let mut doc = PdfDocument::new(&meta.title);
    if let Ok(date) = printpdf::date::OffsetDateTime::from_unix_timestamp(meta.created_unix) {
        doc.metadata.info.creation_date = date;
        doc.metadata.info.modification_date = date;
        doc.metadata.info.metadata_date = date;
    }
    doc.metadata.info.creator = "Координатор".into();
    doc.metadata.info.producer = "Координатор (printpdf)".into();
    let ids: Vec<FontId> = fonts.faces.iter().map(|f| doc.add_font(&f.parsed)).collect();
    let pdf_pages = pages.iter().map(|p| page(p, &ids)).collect();
    doc.with_pages(pdf_pages).save(&PdfSaveOptions::default(), &mut Vec::new())
}

fn page(p: &Page, fonts: &[FontId]) -> PdfPage {
    let (w, h) = p.setup.size();
    let pt = |x: f32, y: f32| Point { x: Pt(x), y: Pt(h - y) };
    let mut ops = vec![Op::SetOutlineThickness { pt: Pt(0.5) }, Op::SetOutlineColor { col: grey(0.0) }];
    // Fills first, so that lines and text stand on top of them.
    for item in &p.items {
        if let Item::Fill { x, y, w: fw, h: fh } = *item {
            ops.push(Op::SetFillColor { col: grey(0.92) });
            ops.push(Op::DrawRectangle {
                rectangle: Rect {
                    x: Pt(x),
                    y: Pt(h - y - fh),
                    width: Pt(fw),
                    height: Pt(fh),
                    mode: Some(PaintMode::Fill),
                    winding_order: None,
                },
            });
        }
    }
    ops.push(Op::SetFillColor { col: grey(0.0) });
    for item in &p.items {
        match item {
            Item::Line { x1, y1, x2, y2 } => ops.push(Op::DrawLine {
                line: PdfLine {
                    points: vec![
                        LinePoint { p: pt(*x1, *y1), bezier: false },
                        LinePoint { p: pt(*x2, *y2), bezier: false },
                    ],
                    is_closed: false,
                },
            }),
            Item::Text { x, y, style, size, text } => {
                ops.push(Op::StartTextSection);
                ops.push(Op::SetFont {
                    font: PdfFontHandle::External(fonts[style.index()].clone()),
                    size: Pt(*size),
                });
                ops.push(Op::SetTextCursor { pos: pt(*x, *y) });
                ops.push(Op::ShowText { items: vec![TextItem::Text(text.clone())] });
                ops.push(Op::EndTextSection);
            }
            Item::Fill { .. } => {}
        }
    }
    PdfPage::new(Mm(w * 25.4 / 72.0), Mm(h * 25.4 / 72.0), ops)
}

fn grey(level: f32) -> Color {
    Color::Greyscale(Greyscale { percent: level, icc_profile: None })
}
