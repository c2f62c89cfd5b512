//! The same parts the PDF is laid out from, written as an editable Word document (.docx):
//! paragraphs with their alignment, indents and spacing, real Word tables with their column
//! widths, spanning section rows and header rows repeated on every page, each part a section
//! with its own orientation, page numbers at the top centre from a part's second page.

use std::io::Write;

use crate::fonts::Style;
use crate::layout::{mm, Align, Block, Cell, Orientation, Paragraph, Part, Row, Table};
use crate::{DocumentError, Meta};

/// Points to twentieths of a point (Word's unit).
fn tw(pt: f32) -> i32 {
    (pt * 20.0).round() as i32
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// The document's bytes (a ZIP of WordprocessingML parts).
pub fn write(parts: &[Part], meta: &Meta) -> Result<Vec<u8>, DocumentError> {
    let mut body = String::new();
    for (i, part) in parts.iter().enumerate() {
        let (width, _) = part.setup.size();
        let (left, _, right, _) = part.setup.area();
        let text_width = right - left;
        for block in &part.blocks {
            block_xml(&mut body, block, text_width, width);
        }
        let section = section_xml(part);
        if i + 1 < parts.len() {
            body.push_str(&format!("<w:p><w:pPr>{section}</w:pPr></w:p>"));
        } else {
            body.push_str(&section);
        }
    }
    let document = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>{body}</w:body></w:document>"#
    );
    let created = chrono::DateTime::from_timestamp(meta.created_unix, 0)
        .unwrap_or_default()
        .format("%Y-%m-%dT%H:%M:%SZ")
        .to_string();
    let files: [(&str, String); 7] = [
        ("[Content_Types].xml", CONTENT_TYPES.to_owned()),
        ("_rels/.rels", ROOT_RELS.to_owned()),
        ("word/_rels/document.xml.rels", DOCUMENT_RELS.to_owned()),
        ("word/document.xml", document),
        ("word/styles.xml", STYLES.to_owned()),
        ("word/header1.xml", HEADER.to_owned()),
        (
            "docProps/core.xml",
            format!(
                r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>{}</dc:title><dc:language>ru-RU</dc:language><dc:creator>Координатор</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">{created}</dcterms:created></cp:coreProperties>"#,
                escape(&meta.title)
            ),
        ),
    ];
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    let fail = |e: &dyn std::fmt::Display| DocumentError::Invalid(format!("не удалось собрать .docx: {e}"));
    for (name, text) in files {
        zip.start_file(name, options).map_err(|e| fail(&e))?;
        zip.write_all(text.as_bytes()).map_err(|e| fail(&e))?;
    }
    Ok(zip.finish().map_err(|e| fail(&e))?.into_inner())
}

/// A section's page: A4 in its orientation, its margins, page numbers from its second page.
fn section_xml(part: &Part) -> String {
    let (w, h) = part.setup.size();
    let m = part.setup.margins;
    let orient =
        if part.setup.orientation == Orientation::Landscape { r#" w:orient="landscape""# } else { "" };
    format!(
        r#"<w:sectPr><w:headerReference w:type="default" r:id="rIdHeader"/><w:pgSz w:w="{}" w:h="{}"{orient}/><w:pgMar w:top="{}" w:right="{}" w:bottom="{}" w:left="{}" w:header="567" w:footer="567" w:gutter="0"/><w:pgNumType w:start="1"/><w:titlePg/></w:sectPr>"#,
        tw(w),
        tw(h),
        tw(mm(m.top)),
        tw(mm(m.right)),
        tw(mm(m.bottom)),
        tw(mm(m.left))
    )
}

fn block_xml(out: &mut String, block: &Block, text_width: f32, page_width: f32) {
    match block {
        Block::Paragraph(p) => paragraph_xml(out, p, ""),
        Block::Table(t) => table_xml(out, t, text_width),
        Block::Space(pt) => out.push_str(&format!(
            r#"<w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="{}" w:lineRule="exact"/></w:pPr></w:p>"#,
            tw(pt.max(1.0))
        )),
        // A frame at the bottom of the page's text area: the executor mark of an order.
        Block::AtBottom(p) => paragraph_xml(
            out,
            p,
            &format!(
                r#"<w:framePr w:w="{}" w:hAnchor="margin" w:vAnchor="margin" w:xAlign="left" w:yAlign="bottom" w:wrap="around"/>"#,
                tw(text_width.min(page_width))
            ),
        ),
        Block::PageBreak => out.push_str(r#"<w:p><w:r><w:br w:type="page"/></w:r></w:p>"#),
        // Word gets the chart's figures as a table.
        Block::Chart(c) => table_xml(out, &c.table, text_width),
    }
}

/// One Word paragraph per line of the text; «- » lines hang under their own text, as the PDF
/// wraps them.
fn paragraph_xml(out: &mut String, p: &Paragraph, frame: &str) {
    let jc = match p.align {
        Align::Left => "left",
        Align::Center => "center",
        Align::Right => "right",
        Align::Justify => "both",
    };
    let lines: Vec<&str> = p.text.split('\n').collect();
    for (i, line) in lines.iter().enumerate() {
        let list = line.starts_with("- ") || line.starts_with("• ");
        let ind = if list {
            format!(r#"<w:ind w:left="{}" w:hanging="{}"/>"#, tw(p.left_indent + 10.0), tw(10.0))
        } else {
            format!(
                r#"<w:ind w:left="{}" w:firstLine="{}"/>"#,
                tw(p.left_indent),
                tw(if i == 0 { p.first_indent } else { 0.0 })
            )
        };
        let before = if i == 0 { p.space_before } else { 0.0 };
        let after = if i + 1 == lines.len() { p.space_after } else { 0.0 };
        let (b, it) = match p.style {
            Style::Regular => ("", ""),
            Style::Bold => ("<w:b/>", ""),
            Style::Italic => ("", "<w:i/>"),
            Style::BoldItalic => ("<w:b/>", "<w:i/>"),
        };
        let size = (p.size * 2.0).round() as i32;
        out.push_str(&format!(
            r#"<w:p><w:pPr>{frame}<w:spacing w:before="{}" w:after="{}" w:line="240" w:lineRule="auto"/>{ind}<w:jc w:val="{jc}"/></w:pPr><w:r><w:rPr>{b}{it}<w:sz w:val="{size}"/><w:szCs w:val="{size}"/></w:rPr><w:t xml:space="preserve">{}</w:t></w:r></w:p>"#,
            tw(before),
            tw(after),
            escape(line)
        ));
    }
}

fn table_xml(out: &mut String, t: &Table, text_width: f32) {
    let total: f32 = t.widths.iter().sum::<f32>().max(f32::EPSILON);
    let cols: Vec<i32> = t.widths.iter().map(|w| tw(text_width * w / total)).collect();
    let border = if t.borders { "single" } else { "nil" };
    let borders: String = ["top", "left", "bottom", "right", "insideH", "insideV"]
        .iter()
        .map(|side| format!(r#"<w:{side} w:val="{border}" w:sz="4" w:space="0" w:color="000000"/>"#))
        .collect();
    out.push_str(&format!(
        r#"<w:tbl><w:tblPr><w:tblW w:w="{}" w:type="dxa"/><w:tblBorders>{borders}</w:tblBorders><w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="85" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar></w:tblPr><w:tblGrid>"#,
        cols.iter().sum::<i32>()
    ));
    for c in &cols {
        out.push_str(&format!(r#"<w:gridCol w:w="{c}"/>"#));
    }
    out.push_str("</w:tblGrid>");
    // Word repeats the header rows on every page the table runs onto.
    for row in &t.header {
        row_xml(out, row, &cols, true, t.shade);
    }
    for row in &t.rows {
        row_xml(out, row, &cols, false, t.shade);
    }
    out.push_str("</w:tbl>");
    // Word needs a paragraph between a table and what follows.
    out.push_str(r#"<w:p><w:pPr><w:spacing w:before="0" w:after="0"/></w:pPr></w:p>"#);
}

fn row_xml(out: &mut String, row: &Row, cols: &[i32], header: bool, shade: bool) {
    out.push_str("<w:tr>");
    if header {
        out.push_str("<w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>");
    }
    let fill = |on: bool| if on { r#"<w:shd w:val="clear" w:color="auto" w:fill="EDEDED"/>"# } else { "" };
    match row {
        Row::Cells(cells) => {
            for (cell, width) in cells.iter().zip(cols) {
                cell_xml(
                    out,
                    cell,
                    &format!(r#"<w:tcW w:w="{width}" w:type="dxa"/>{}"#, fill(header && shade)),
                );
            }
        }
        Row::Span(cell) => {
            let width: i32 = cols.iter().sum();
            let props = format!(
                r#"<w:tcW w:w="{width}" w:type="dxa"/><w:gridSpan w:val="{}"/>{}"#,
                cols.len(),
                fill(shade)
            );
            cell_xml(out, cell, &props);
        }
    }
    out.push_str("</w:tr>");
}

fn cell_xml(out: &mut String, cell: &Cell, props: &str) {
    out.push_str(&format!("<w:tc><w:tcPr>{props}</w:tcPr>"));
    if cell.paragraphs.is_empty() {
        out.push_str("<w:p/>");
    }
    for p in &cell.paragraphs {
        paragraph_xml(out, p, "");
    }
    out.push_str("</w:tc>");
}

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>"#;

const ROOT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>"#;

const DOCUMENT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rIdHeader" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/></Relationships>"#;

/// Times New Roman (Liberation Serif has its metrics), Russian, single spacing.
const STYLES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="Times New Roman" w:cs="Times New Roman"/><w:sz w:val="28"/><w:szCs w:val="28"/><w:lang w:val="ru-RU" w:eastAsia="ru-RU" w:bidi="ar-SA"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style><w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblCellMar><w:left w:w="85" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style></w:styles>"#;

/// The page number, top centre (the first page of each section has none: titlePg).
const HEADER: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:hdr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>2</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p></w:hdr>"#;
