//! Word documents (.docx): the tables of `word/document.xml`, read with limits so that a
//! hostile file gives a clear error and never exhausts memory.

use std::io::{Cursor, Read};

use quick_xml::events::Event as Xml;
use quick_xml::Reader;

use super::grid::{tidy, Grid, TableBuilder};

/// `document.xml` larger than this is refused (a real roadmap is well under a megabyte).
const MAX_XML: u64 = 64 * 1024 * 1024;

/// The tables of a .docx as one grid (Word splits long tables at page breaks; they continue
/// each other), and the paragraphs outside tables.
pub fn read(bytes: &[u8]) -> Result<(Grid, Vec<String>), String> {
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        let utf16: Vec<u8> = "EncryptionInfo".encode_utf16().flat_map(u16::to_le_bytes).collect();
        return Err(if bytes.windows(utf16.len()).any(|w| w == utf16.as_slice()) {
            "Файл защищён паролем. Снимите пароль в Word (Файл → Сведения → Защита документа) и повторите."
        } else {
            "Это документ старого формата Word 97–2003 (.doc). Сохраните его в Word как .docx и повторите."
        }
        .into());
    }
    if !bytes.starts_with(b"PK") {
        return Err("Файл не похож на документ Word (.docx): это не ZIP-архив.".into());
    }
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|_| {
        "Файл .docx повреждён или обрезан: архив не читается. Ничего не импортировано.".to_owned()
    })?;
    let mut entry = zip.by_name("word/document.xml").map_err(|_| {
        "В файле .docx нет основного текста (word/document.xml): это не документ Word.".to_owned()
    })?;
    let mut xml = Vec::new();
    (&mut entry).take(MAX_XML + 1).read_to_end(&mut xml).map_err(|_| {
        "Файл .docx повреждён: текст документа не распаковывается. Ничего не импортировано.".to_owned()
    })?;
    if xml.len() as u64 > MAX_XML {
        return Err(format!(
            "Текст документа больше {} МБ после распаковки — это не дорожная карта (возможно, «ZIP-бомба»).",
            MAX_XML / 1024 / 1024
        ));
    }
    parse(&xml)
}

fn parse(xml: &[u8]) -> Result<(Grid, Vec<String>), String> {
    let mut reader = Reader::from_reader(xml);
    let mut table = TableBuilder::default();
    let mut preamble = Vec::new();
    let mut paragraph = String::new();
    let mut cell: Option<String> = None;
    let mut span = 1u32;
    let mut continues = false;
    let mut finished = false;
    let mut depth = 0usize;
    let mut in_text = false;
    let mut buf = Vec::new();
    loop {
        let event = reader.read_event_into(&mut buf).map_err(|e| {
            let _ = e;
            format!(
                "Файл .docx повреждён: ошибка в тексте документа (позиция {}). Ничего не импортировано.",
                reader.buffer_position()
            )
        })?;
        match event {
            Xml::Start(ref e) | Xml::Empty(ref e) => {
                let empty = matches!(event, Xml::Empty(_));
                match e.local_name().as_ref() {
                    "tbl" if !empty => depth += 1,
                    "tr" if depth == 1 => table.start_row(),
                    "tc" if depth == 1 => {
                        cell = Some(String::new());
                        span = 1;
                        continues = false;
                    }
                    // A cell merged down from the one above: `<w:vMerge/>` continues it,
                    // `w:val="restart"` starts a new merge.
                    "vMerge" if depth == 1 => {
                        continues = attr(e, "val").is_none_or(|v| v == "continue");
                    }
                    "gridSpan" if depth == 1 => {
                        span = attr(e, "val").and_then(|v| v.parse().ok()).unwrap_or(1);
                    }
                    "numPr" => paragraph.insert_str(0, "- "),
                    "t" if !empty => in_text = true,
                    "tab" => paragraph.push(' '),
                    "br" | "cr" => paragraph.push('\n'),
                    _ => {}
                }
            }
            Xml::Text(t) if in_text => {
                paragraph.push_str(&t.xml10_content());
            }
            Xml::GeneralRef(r) if in_text => {
                if let Ok(Some(c)) = r.resolve_char_ref() {
                    paragraph.push(c);
                } else {
                    let name = r.xml10_content();
                    paragraph.push_str(match name.as_ref() {
                        "amp" => "&",
                        "lt" => "<",
                        "gt" => ">",
                        "quot" => "\"",
                        "apos" => "'",
                        _ => "",
                    });
                }
            }
            Xml::End(ref e) => match e.local_name().as_ref() {
                "t" => in_text = false,
                "p" => {
                    let p = std::mem::take(&mut paragraph);
                    match cell.as_mut() {
                        Some(c) if depth >= 1 => {
                            if !c.is_empty() {
                                c.push('\n');
                            }
                            c.push_str(&p);
                        }
                        _ if depth == 0 && !p.trim().is_empty() => preamble.push(tidy(&p)),
                        _ => {}
                    }
                }
                "tc" if depth == 1 => {
                    if let Some(c) = cell.take() {
                        if continues {
                            table.continued(span);
                        } else {
                            table.cell(tidy(&c), span, 1);
                        }
                    }
                }
                "tr" if depth == 1 => table.end_row()?,
                "tbl" => depth = depth.saturating_sub(1),
                "document" => finished = true,
                _ => {}
            },
            Xml::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    if !finished {
        return Err("Файл .docx повреждён: текст документа обрывается. Ничего не импортировано.".into());
    }
    Ok((table.grid, preamble))
}

fn attr(e: &quick_xml::events::BytesStart, name: &str) -> Option<String> {
    e.attributes().flatten().find(|a| a.key.local_name().as_ref() == name).map(|a| a.value.into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn not_a_zip_old_word_and_encrypted_files_are_named() {
        assert!(read(b"hello").unwrap_err().contains("не ZIP"));
        let mut cfb = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
        assert!(read(&cfb).unwrap_err().contains("Word 97–2003"));
        cfb.extend("EncryptionInfo".encode_utf16().flat_map(u16::to_le_bytes));
        assert!(read(&cfb).unwrap_err().contains("защищён паролем"));
        assert!(read(b"PK\x03\x04garbage").unwrap_err().contains("повреждён"));
    }

    #[test]
    fn a_table_with_a_merged_row_and_a_list() {
        let xml = r#"<w:document xmlns:w="w"><w:body><w:p><w:r><w:t>Цель: условия</w:t></w:r></w:p>
<w:tbl><w:tr><w:tc><w:p><w:r><w:t>№</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Мероприятия</w:t></w:r></w:p></w:tc></w:tr>
<w:tr><w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr><w:p><w:r><w:t>Этап 1</w:t></w:r></w:p></w:tc></w:tr>
<w:tr><w:tc><w:p><w:r><w:t>1.</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t xml:space="preserve">Совет &amp; </w:t></w:r><w:r><w:t>приказ:</w:t></w:r></w:p>
<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/></w:numPr></w:pPr><w:r><w:t>первое</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:body></w:document>"#;
        let (grid, preamble) = parse(xml.as_bytes()).unwrap();
        assert_eq!(preamble, ["Цель: условия"]);
        assert_eq!(grid.rows.len(), 3);
        assert!(grid.rows[1].spans && !grid.rows[2].spans);
        assert_eq!(grid.rows[2].cells, ["1.", "Совет & приказ:\n- первое"]);
        // Cut short, the same document is refused whole.
        let cut = &xml[..xml.len() - 40];
        assert!(parse(cut.as_bytes()).unwrap_err().contains("повреждён"));
        let cut = &xml[..xml.find("</w:tbl>").unwrap()];
        assert!(parse(cut.as_bytes()).unwrap_err().contains("обрывается"));
    }

    #[test]
    fn a_timeframe_merged_down_belongs_to_each_row() {
        let cell = |t: &str| format!("<w:tc><w:p><w:r><w:t>{t}</w:t></w:r></w:p></w:tc>");
        let merged = |t: &str, restart: bool| {
            let v = if restart { r#"<w:vMerge w:val="restart"/>"# } else { "<w:vMerge/>" };
            format!("<w:tc><w:tcPr>{v}</w:tcPr><w:p><w:r><w:t>{t}</w:t></w:r></w:p></w:tc>")
        };
        let xml = format!(
            r#"<w:document xmlns:w="w"><w:body><w:tbl><w:tr>{}{}{}</w:tr><w:tr>{}{}{}</w:tr><w:tr>{}{}{}</w:tr></w:tbl></w:body></w:document>"#,
            cell("1"),
            cell("Совещание"),
            merged("март", true),
            cell("2"),
            cell("Семинар"),
            merged("", false),
            cell("3"),
            cell("Отчёт"),
            cell("май"),
        );
        let (grid, _) = parse(xml.as_bytes()).unwrap();
        let col: Vec<&str> = grid.rows.iter().map(|r| r.cells[2].as_str()).collect();
        assert_eq!(col, ["март", "март", "май"]);
    }
}
