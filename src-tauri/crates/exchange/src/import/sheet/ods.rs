//! LibreOffice workbooks (.ods): `content.xml` streamed with quick-xml. Repeated rows and
//! columns (`number-rows-repeated="1048000"`, how LibreOffice writes the empty rest of a sheet)
//! only move the position unless the cell holds text; repeated filled cells are expanded one
//! by one against the limits, so a 1 KB file never asks for 11 GB.

use std::io::{BufReader, Cursor};

use quick_xml::events::Event as Xml;
use quick_xml::Reader;

use super::super::grid::MAX_ROWS;
use super::super::limits::{self, Capped, Deadline, MAX_COLUMNS, MAX_SHEETS, MAX_XML};
use super::sparse::{Merge, Sparse};
use super::xlsx::{attr, push_ref};

fn broken() -> String {
    "Файл таблицы LibreOffice (.ods) повреждён. Ничего не импортировано.".to_owned()
}

/// Every sheet of the book, in its order.
pub fn read(bytes: &[u8], deadline: Deadline) -> Result<Vec<Sparse>, String> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|_| broken())?;
    let entry = zip.by_name("content.xml").map_err(|_| broken())?;
    let mut reader = Reader::from_reader(BufReader::new(Capped::new(entry, MAX_XML)));
    let mut sheets: Vec<Sparse> = Vec::new();
    let (mut row, mut col) = (0u32, 0u32);
    let mut rows_repeated = 1u32;
    // The open cell: its text, repeats and spans.
    let mut cell: Option<Cell> = None;
    let mut paragraph_open = false;
    let mut buf = Vec::new();
    let mut n = 0usize;
    loop {
        buf.clear();
        let event = reader.read_event_into(&mut buf).map_err(|e| match e {
            quick_xml::Error::Io(io) if io.to_string().contains("ZIP-бомба") => limits::too_big_xml(),
            _ => broken(),
        })?;
        n += 1;
        if n.is_multiple_of(4096) {
            deadline.check()?;
        }
        match event {
            Xml::Eof => break,
            Xml::Start(ref e) | Xml::Empty(ref e) => {
                let empty = matches!(event, Xml::Empty(_));
                let number =
                    |name: &str| attr(e, name).and_then(|v| v.parse::<u32>().ok()).unwrap_or(1).max(1);
                match e.local_name().as_ref() {
                    "table" => {
                        if sheets.len() >= MAX_SHEETS {
                            return Err(format!(
                                "В книге больше {MAX_SHEETS} листов — это не дорожная карта. Сохраните нужный лист отдельным файлом."
                            ));
                        }
                        sheets.push(Sparse::new(&attr(e, "name").unwrap_or_default()));
                        row = 0;
                    }
                    "table-row" => {
                        col = 0;
                        rows_repeated = number("number-rows-repeated");
                        if empty {
                            row = row.saturating_add(rows_repeated);
                        }
                    }
                    "table-cell" | "covered-table-cell" => {
                        let c = Cell {
                            text: String::new(),
                            repeated: number("number-columns-repeated"),
                            across: number("number-columns-spanned"),
                            down: number("number-rows-spanned"),
                            covered: e.local_name().as_ref() == "covered-table-cell",
                            value: attr(e, "date-value")
                                .map(|d| iso_date(&d))
                                .or_else(|| attr(e, "value"))
                                .or_else(|| attr(e, "string-value")),
                        };
                        if empty {
                            place(&mut sheets, row, rows_repeated, &mut col, c)?;
                        } else {
                            cell = Some(c);
                        }
                    }
                    "p" | "h" if cell.is_some() => {
                        if let Some(c) = cell.as_mut() {
                            if paragraph_open || !c.text.is_empty() {
                                c.text.push('\n');
                            }
                        }
                        paragraph_open = !empty;
                    }
                    "s" => {
                        if let Some(c) = cell.as_mut() {
                            let spaces = number("c").min(100) as usize;
                            c.text.extend(std::iter::repeat_n(' ', spaces));
                        }
                    }
                    "tab" => cell.iter_mut().for_each(|c| c.text.push(' ')),
                    "line-break" => cell.iter_mut().for_each(|c| c.text.push('\n')),
                    _ => {}
                }
            }
            Xml::Text(t) => {
                if let Some(c) = cell.as_mut().filter(|_| paragraph_open) {
                    c.text.push_str(&t.xml10_content());
                    if c.text.len() > MAX_XML as usize {
                        return Err(limits::too_big_xml());
                    }
                }
            }
            Xml::GeneralRef(r) => {
                if let Some(c) = cell.as_mut().filter(|_| paragraph_open) {
                    push_ref(&mut c.text, &r);
                }
            }
            Xml::End(ref e) => match e.local_name().as_ref() {
                "p" | "h" => paragraph_open = false,
                "table-cell" | "covered-table-cell" => {
                    if let Some(c) = cell.take() {
                        place(&mut sheets, row, rows_repeated, &mut col, c)?;
                    }
                }
                "table-row" => row = row.saturating_add(rows_repeated),
                _ => {}
            },
            _ => {}
        }
    }
    Ok(sheets)
}

struct Cell {
    text: String,
    repeated: u32,
    across: u32,
    down: u32,
    covered: bool,
    /// The typed value, for a cell whose text is missing.
    value: Option<String>,
}

/// Puts a cell (and its repeats, in a row that may itself repeat) on the last sheet.
fn place(sheets: &mut [Sparse], row: u32, rows_repeated: u32, col: &mut u32, c: Cell) -> Result<(), String> {
    let Some(sheet) = sheets.last_mut() else { return Ok(()) };
    let text = match c.text.trim() {
        "" if c.covered => String::new(),
        "" => c.value.unwrap_or_default(),
        _ => c.text,
    };
    let first_col = *col;
    *col = col.saturating_add(c.repeated);
    if text.trim().is_empty() {
        return Ok(()); // empty cells, however many, only move the position
    }
    // Refused before expanding: the last row or column the repeats would reach.
    let last_row = row.saturating_add(rows_repeated - 1);
    let last_col = first_col.saturating_add(c.repeated - 1);
    if last_col as usize >= MAX_COLUMNS {
        return Err(limits::too_many_columns(&sheet.name, row, last_col));
    }
    if rows_repeated as usize > MAX_ROWS {
        return Err(limits::too_many_rows(&sheet.name, last_row, first_col));
    }
    for r in row..=last_row {
        for k in first_col..=last_col {
            sheet.push(r, k, text.clone())?;
            if c.across > 1 || c.down > 1 {
                let last = (r.saturating_add(c.down - 1), k.saturating_add(c.across - 1));
                sheet.merge(Merge { first: (r, k), last })?;
            }
        }
    }
    Ok(())
}

/// «2023-02-16» or «2023-02-16T00:00:00» → «16.02.2023»; anything else as it is.
fn iso_date(v: &str) -> String {
    chrono::NaiveDate::parse_from_str(v.get(..10).unwrap_or(v), "%Y-%m-%d")
        .map(|d| d.format("%d.%m.%Y").to_string())
        .unwrap_or_else(|_| v.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    pub fn ods(body: &str) -> Vec<u8> {
        let mut out = Cursor::new(Vec::new());
        let mut zip = zip::ZipWriter::new(&mut out);
        let opt =
            zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
        zip.start_file("mimetype", opt).unwrap();
        zip.write_all(b"application/vnd.oasis.opendocument.spreadsheet").unwrap();
        zip.start_file("content.xml", opt).unwrap();
        write!(zip, "<office:document-content><office:body><office:spreadsheet>{body}</office:spreadsheet></office:body></office:document-content>").unwrap();
        zip.finish().unwrap();
        out.into_inner()
    }

    #[test]
    fn repeats_move_the_position_and_text_is_read_as_shown() {
        let body = r#"<table:table table:name="План"><table:table-row><table:table-cell><text:p>№</text:p></table:table-cell><table:table-cell table:number-columns-repeated="3"/><table:table-cell office:value-type="date" office:date-value="2023-02-16"/></table:table-row>
<table:table-row table:number-rows-repeated="2"><table:table-cell table:number-columns-spanned="2"><text:p>Раздел<text:s text:c="2"/>1</text:p><text:p>&amp; ещё</text:p></table:table-cell><table:covered-table-cell/></table:table-row>
<table:table-row table:number-rows-repeated="1048000"><table:table-cell table:number-columns-repeated="16384"/></table:table-row></table:table><table:table table:name="Пустой"/>"#;
        let sheets = read(&ods(body), Deadline::start()).unwrap();
        assert_eq!(sheets.len(), 2);
        assert_eq!(sheets[1].name, "Пустой");
        let grid = sheets.into_iter().next().unwrap().grid().unwrap();
        let rows: Vec<Vec<&str>> =
            grid.rows.iter().map(|r| r.cells.iter().map(String::as_str).collect()).collect();
        assert_eq!(rows[0], ["№", "", "", "", "16.02.2023"]);
        assert_eq!(rows[1][0], "Раздел 1\n& ещё");
        assert_eq!(rows.len(), 3);
    }

    #[test]
    fn repeated_filled_cells_are_refused_before_they_are_expanded() {
        let body = r#"<table:table table:name="Лист1"><table:table-row table:number-rows-repeated="45000"><table:table-cell table:number-columns-repeated="2000"><text:p>x</text:p></table:table-cell></table:table-row></table:table>"#;
        let err = read(&ods(body), Deadline::start()).unwrap_err();
        assert!(err.contains("столбцов"), "{err}");
        let body = r#"<table:table table:name="Лист1"><table:table-row table:number-rows-repeated="45000"><table:table-cell table:number-columns-repeated="200"><text:p>x</text:p></table:table-cell></table:table-row></table:table>"#;
        let err = read(&ods(body), Deadline::start()).unwrap_err();
        assert!(err.contains("ячеек"), "{err}");
    }
}
