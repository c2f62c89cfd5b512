//! The display list of laid-out pages → PDF bytes, fonts embedded and subset.

use printpdf::{
    Color, FontId, Greyscale, Line as PdfLine, LinePoint, Mm, Op, PaintMode, PdfDocument, PdfFontHandle,
    PdfPage, PdfSaveOptions, Point, Pt, Rect, TextItem,
};

use crate::fonts::{Face, Fonts};
use crate::layout::{Item, Page};

/// Document properties written into the PDF.
#[derive(Debug, Clone)]
pub struct Meta {
    pub title: String,
    pub format: Format,
    /// Seconds since 1970 (the caller's clock: this crate reads none).
    pub created_unix: i64,
    /// Hears of every few pages and may stop the printing.
    pub work: domain::Work,
}

/// What [`crate::build`] writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    #[default]
    Pdf,
    /// An editable Word document with the same layout.
    Docx,
    /// The PDF's pages as SVG, for the window's preview and the system print dialog.
    Preview,
}

pub fn render(pages: &[Page], fonts: &Fonts, meta: &Meta) -> Result<Vec<u8>, domain::Cancelled> {
    let mut doc = PdfDocument::new(&meta.title);
    if let Ok(date) = printpdf::date::OffsetDateTime::from_unix_timestamp(meta.created_unix) {
        doc.metadata.info.creation_date = date;
        doc.metadata.info.modification_date = date;
        doc.metadata.info.metadata_date = date;
    }
    doc.metadata.info.creator = "Координатор".into();
    doc.metadata.info.producer = "Координатор (printpdf)".into();
    let ids: Vec<FontId> = fonts.faces.iter().map(|f| doc.add_font(&f.parsed)).collect();
    let pdf_pages = pages
        .iter()
        .enumerate()
        .map(|(i, p)| {
            meta.work.item("Печать страниц", i, pages.len(), 10)?;
            Ok(page(p, fonts, &ids))
        })
        .collect::<Result<Vec<_>, domain::Cancelled>>()?;
    let doc = doc.with_pages(pdf_pages);
    let mut lo = printpdf::serialize::to_lopdf_doc(doc, &PdfSaveOptions::default(), &mut Vec::new());
    compress(&mut lo);
    let mut out = Vec::new();
    // Page and resource dictionaries go into compressed object streams (PDF 1.5): a third
    // smaller for long documents. Writing into a Vec cannot fail.
    lo.version = "1.5".into();
    let options = lopdf::SaveOptions::builder()
        .use_object_streams(true)
        .use_xref_streams(true)
        .compression_level(6)
        .build();
    let _ = lo.save_with_options(&mut out, options);
    Ok(out)
}

/// Flate-compresses every stream at zlib's default level, the streams shared among the cores.
fn compress(doc: &mut lopdf::Document) {
    use std::io::Write;
    let mut streams: Vec<&mut lopdf::Stream> = doc
        .objects
        .values_mut()
        .filter_map(|o| match o {
            lopdf::Object::Stream(s) if s.allows_compression && s.dict.get(b"Filter").is_err() => Some(s),
            _ => None,
        })
        .collect();
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(4);
    let chunk = streams.len().div_ceil(threads).max(1);
    std::thread::scope(|scope| {
        for part in streams.chunks_mut(chunk) {
            scope.spawn(move || {
                for stream in part {
                    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
                    if z.write_all(&stream.content).is_ok() {
                        if let Ok(packed) = z.finish() {
                            if packed.len() + 19 < stream.content.len() {
                                stream.dict.set("Filter", "FlateDecode");
                                stream.set_content(packed);
                            }
                        }
                    }
                }
            });
        }
    });
}

/// Two decimals of a point are finer than any printer: shorter numbers, smaller files.
fn r(v: f32) -> f32 {
    (v * 100.0).round() / 100.0
}

fn page(p: &Page, fonts: &Fonts, ids: &[FontId]) -> PdfPage {
    let (w, h) = p.setup.size();
    let pt = |x: f32, y: f32| Point { x: Pt(r(x)), y: Pt(r(h - y)) };
    let mut ops = vec![Op::SetOutlineThickness { pt: Pt(0.5) }, Op::SetOutlineColor { col: grey(0.0) }];
    // Fills first, then the rules, then all the text of the page in one text object.
    for item in &p.items {
        if let Item::Fill { x, y, w: fw, h: fh, tone } = *item {
            ops.push(Op::SetFillColor { col: grey(tone) });
            ops.push(Op::DrawRectangle {
                rectangle: Rect {
                    x: Pt(r(x)),
                    y: Pt(r(h - y - fh)),
                    width: Pt(r(fw)),
                    height: Pt(r(fh)),
                    mode: Some(PaintMode::Fill),
                    winding_order: None,
                },
            });
        }
    }
    ops.push(Op::SetFillColor { col: grey(0.0) });
    let mut pen = (0.5f32, 0.0f32);
    for item in &p.items {
        if let Item::Line { x1, y1, x2, y2, width, tone } = *item {
            if (width, tone) != pen {
                ops.push(Op::SetOutlineThickness { pt: Pt(width) });
                ops.push(Op::SetOutlineColor { col: grey(tone) });
                pen = (width, tone);
            }
            ops.push(Op::DrawLine {
                line: PdfLine {
                    points: vec![
                        LinePoint { p: pt(x1, y1), bezier: false },
                        LinePoint { p: pt(x2, y2), bezier: false },
                    ],
                    is_closed: false,
                },
            });
        }
    }
    ops.push(Op::StartTextSection);
    // Td moves from the start of the previous line; the font is set only when it changes.
    let mut at = (0.0f32, 0.0f32);
    let mut font: Option<(usize, f32)> = None;
    for item in &p.items {
        let Item::Text { y, style, size, runs } = item else { continue };
        let Some(&(x0, _)) = runs.first() else { continue };
        if font != Some((style.index(), *size)) {
            ops.push(Op::SetFont {
                font: PdfFontHandle::External(ids[style.index()].clone()),
                size: Pt(*size),
            });
            font = Some((style.index(), *size));
        }
        let next = (r(x0), r(h - y));
        ops.push(Op::SetTextCursor { pos: Point { x: Pt(r(next.0 - at.0)), y: Pt(r(next.1 - at.1)) } });
        at = next;
        ops.push(Op::ShowText { items: line_items(runs, fonts.face(*style), *size) });
    }
    ops.push(Op::EndTextSection);
    PdfPage::new(Mm(w * 25.4 / 72.0), Mm(h * 25.4 / 72.0), ops)
}

/// A whole line as one text object: the runs joined by real spaces (so that copying and
/// pdftotext give the words back), each space stretched by a TJ offset to where the layout
/// put the next run.
fn line_items(runs: &[(f32, String)], face: &Face, size: f32) -> Vec<TextItem> {
    let space = face.width(" ", size);
    let mut items = Vec::with_capacity(runs.len() * 2);
    let mut text = String::new();
    let mut pen = runs[0].0;
    for (i, (x, run)) in runs.iter().enumerate() {
        if i > 0 {
            text.push(' ');
            let gap = x - pen - space;
            if gap.abs() > 0.01 {
                items.push(TextItem::Text(std::mem::take(&mut text)));
                // TJ offsets are in thousandths of the font size, positive to the left.
                items.push(TextItem::Offset((-gap / size * 1000.0).round()));
            }
            pen = *x;
        }
        text.push_str(run);
        pen += face.width(run, size);
    }
    items.push(TextItem::Text(text));
    items
}

fn grey(level: f32) -> Color {
    Color::Greyscale(Greyscale { percent: level, icc_profile: None })
}
