//! The display list of laid-out pages → one SVG per page: the preview the window shows, and
//! prints through the system's print dialog, before (or instead of) saving a PDF. The same
//! pages as the PDF, word for word at the same places; the text is drawn by the system's
//! Liberation Serif (Times New Roman on Windows), which has the embedded font's metrics.

use std::fmt::Write;

use crate::fonts::Style;
use crate::layout::{Item, Page};

/// Every page as a standalone SVG document sized in points.
pub fn pages(pages: &[Page]) -> Vec<String> {
    pages.iter().map(page).collect()
}

fn page(p: &Page) -> String {
    let (w, h) = p.setup.size();
    let mut out = String::with_capacity(p.items.len() * 80 + 400);
    // Writing into a String cannot fail.
    let _ = write!(
        out,
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="{w:.2}pt" height="{h:.2}pt" viewBox="0 0 {w:.2} {h:.2}" font-family="'Liberation Serif', 'Times New Roman', serif" text-rendering="geometricPrecision"><rect width="100%" height="100%" fill="#fff"/>"##
    );
    for item in &p.items {
        if let Item::Fill { x, y, w, h, tone } = *item {
            let _ = write!(
                out,
                r#"<rect x="{x:.2}" y="{y:.2}" width="{w:.2}" height="{h:.2}" fill="{}"/>"#,
                grey(tone)
            );
        }
    }
    for item in &p.items {
        if let Item::Line { x1, y1, x2, y2, width, tone } = *item {
            let _ = write!(
                out,
                r#"<line x1="{x1:.2}" y1="{y1:.2}" x2="{x2:.2}" y2="{y2:.2}" stroke="{}" stroke-width="{width:.2}"/>"#,
                grey(tone)
            );
        }
    }
    for item in &p.items {
        let Item::Text { y, style, size, runs } = item else { continue };
        let face = match style {
            Style::Regular => "",
            Style::Bold => r#" font-weight="bold""#,
            Style::Italic => r#" font-style="italic""#,
            Style::BoldItalic => r#" font-weight="bold" font-style="italic""#,
        };
        let _ = write!(out, r#"<text y="{y:.2}" font-size="{size:.2}"{face}>"#);
        // A space ends each word but the last: placed by x it moves nothing, and text copied
        // or printed from the page keeps its spaces.
        for (i, (x, run)) in runs.iter().enumerate() {
            let space = if i + 1 < runs.len() { " " } else { "" };
            let _ = write!(out, r#"<tspan x="{x:.2}">{}{space}</tspan>"#, escape(run));
        }
        out.push_str("</text>");
    }
    out.push_str("</svg>");
    out
}

/// A grey level (0 black, 1 white) as an SVG colour.
fn grey(tone: f32) -> String {
    let v = (tone.clamp(0.0, 1.0) * 255.0).round() as u8;
    format!("#{v:02x}{v:02x}{v:02x}")
}

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            // Control characters are not allowed in XML: a stray one must not break the page.
            c if (c as u32) < 0x20 => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::{Margins, Orientation, PageSetup};

    #[test]
    fn a_page_draws_its_fills_rules_and_words_where_the_layout_put_them() {
        let page = Page {
            setup: PageSetup::a4(Orientation::Landscape, Margins::STANDARD),
            items: vec![
                Item::Fill { x: 10.0, y: 20.0, w: 30.0, h: 5.0, tone: 0.9 },
                Item::Line { x1: 1.0, y1: 2.0, x2: 3.0, y2: 4.0, width: 0.5, tone: 0.0 },
                Item::Text {
                    y: 100.0,
                    style: Style::Bold,
                    size: 14.0,
                    runs: vec![(56.69, "ПРИКАЗ".into()), (120.0, "«Школа & <дом>»\u{7}".into())],
                },
            ],
        };
        let svg = &pages(&[page])[0];
        // A4 landscape: 841.89 × 595.28 pt.
        assert!(
            svg.starts_with(r#"<svg xmlns="http://www.w3.org/2000/svg" width="841.89pt" height="595.28pt""#),
            "{svg}"
        );
        assert!(
            svg.contains(r##"<rect x="10.00" y="20.00" width="30.00" height="5.00" fill="#e6e6e6"/>"##),
            "{svg}"
        );
        assert!(svg.contains(
            r##"<line x1="1.00" y1="2.00" x2="3.00" y2="4.00" stroke="#000000" stroke-width="0.50"/>"##
        ));
        assert!(svg.contains(
            r#"<text y="100.00" font-size="14.00" font-weight="bold"><tspan x="56.69">ПРИКАЗ </tspan><tspan x="120.00">«Школа &amp; &lt;дом&gt;» </tspan></text>"#
        ), "{svg}");
        assert!(svg.ends_with("</svg>"));
    }
}
