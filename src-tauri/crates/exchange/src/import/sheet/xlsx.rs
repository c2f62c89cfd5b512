//! Excel workbooks (.xlsx, .xlsm): the parts read as streams with quick-xml, by the cells they
//! hold. Counts the file declares (sharedStrings' uniqueCount, a sheet's dimension) are never
//! trusted for allocation: the readers of other libraries allocate by them, and a 2 KB file
//! then asks for 96 GB.

use std::collections::HashMap;
use std::io::{BufReader, Cursor};

use quick_xml::events::{BytesStart, Event as Xml};
use quick_xml::Reader;

use super::super::limits::{self, Capped, Deadline, MAX_CELLS, MAX_XML};
use super::sparse::{cell_ref, Merge, Sparse};
use super::{excel_date, excel_time, number_text};

type Zip<'a> = zip::ZipArchive<Cursor<&'a [u8]>>;

pub struct Book<'a> {
    zip: Zip<'a>,
    /// Sheet names and their parts, in the book's order.
    pub sheets: Vec<(String, String)>,
    shared: Vec<String>,
    /// Per cell style (`s`): how a number in it reads.
    styles: Vec<NumberKind>,
    deadline: Deadline,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum NumberKind {
    Plain,
    Date,
    Time,
}

fn broken() -> String {
    "Файл таблицы повреждён или это не таблица Excel/LibreOffice. Ничего не импортировано.".to_owned()
}

impl<'a> Book<'a> {
    pub fn open(bytes: &'a [u8], deadline: Deadline) -> Result<Book<'a>, String> {
        let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|_| broken())?;
        let mut sheets = Vec::new();
        each_element(&mut zip, "xl/workbook.xml", deadline, true, |e, _| {
            if e.local_name().as_ref() == "sheet" {
                if sheets.len() >= limits::MAX_SHEETS {
                    return Err(format!(
                        "В книге больше {} листов — это не дорожная карта. Сохраните нужный лист отдельным файлом.",
                        limits::MAX_SHEETS
                    ));
                }
                sheets.push((attr(e, "name").unwrap_or_default(), attr(e, "id").unwrap_or_default()));
            }
            Ok(())
        })?;
        let rels = relationships(&mut zip, "xl/_rels/workbook.xml.rels", deadline)?;
        for (_, id) in sheets.iter_mut() {
            *id = rels.get(id.as_str()).map(|t| part_path(t)).unwrap_or_default();
        }
        let shared = shared_strings(&mut zip, deadline)?;
        let styles = number_styles(&mut zip, deadline)?;
        Ok(Book { zip, sheets, shared, styles, deadline })
    }

    /// The filled cells and merged ranges of sheet `i`.
    pub fn sheet(&mut self, i: usize) -> Result<Sparse, String> {
        let (name, part) = self.sheets[i].clone();
        let mut sheet = Sparse::new(&name);
        if part.is_empty() || self.zip.by_name(&part).is_err() {
            return Ok(sheet);
        }
        let (shared, styles) = (&self.shared, &self.styles);
        // Rows and cells may come without `r`: each then follows the previous one.
        let mut row: u32 = 0;
        let mut next_row: u32 = 0;
        let mut col: u32 = 0;
        let mut kind = String::new();
        let mut style = 0usize;
        let mut value: Option<String> = None;
        let mut in_value = false;
        let mut in_inline = false;
        let mut in_phonetic = false;
        let mut in_cell = false;
        stream(&mut self.zip, &part, self.deadline, |event| {
            match event {
                Xml::Start(ref e) | Xml::Empty(ref e) => {
                    let empty = matches!(event, Xml::Empty(_));
                    match e.local_name().as_ref() {
                        "row" => {
                            row = attr(e, "r")
                                .and_then(|r| r.parse::<u32>().ok())
                                .map_or(next_row, |r| r.max(1) - 1);
                            next_row = row.saturating_add(1);
                            col = 0;
                        }
                        "c" => {
                            if let Some((r, c)) = attr(e, "r").as_deref().and_then(cell_ref) {
                                row = r;
                                col = c;
                            }
                            kind = attr(e, "t").unwrap_or_default();
                            style = attr(e, "s").and_then(|s| s.parse().ok()).unwrap_or(0);
                            value = None;
                            in_cell = !empty;
                            if empty {
                                col = col.saturating_add(1);
                            }
                        }
                        "v" if in_cell && !empty => {
                            in_value = true;
                            value.get_or_insert_with(String::new);
                        }
                        "is" if in_cell && !empty => {
                            in_inline = true;
                            value.get_or_insert_with(String::new);
                        }
                        "rPh" if !empty => in_phonetic = true,
                        "mergeCell" => {
                            if let Some(m) = attr(e, "ref").as_deref().and_then(Merge::parse) {
                                sheet.merge(m)?;
                            }
                        }
                        _ => {}
                    }
                }
                Xml::Text(t) if in_value || (in_inline && !in_phonetic) => {
                    if let Some(v) = value.as_mut() {
                        v.push_str(&t.xml10_content());
                    }
                }
                Xml::GeneralRef(r) if in_value || (in_inline && !in_phonetic) => {
                    if let Some(v) = value.as_mut() {
                        push_ref(v, &r);
                    }
                }
                Xml::End(e) => match e.local_name().as_ref() {
                    "v" => in_value = false,
                    "is" => in_inline = false,
                    "rPh" => in_phonetic = false,
                    "c" if in_cell => {
                        in_cell = false;
                        let text =
                            value.take().map(|v| cell_text(&kind, v, styles.get(style).copied(), shared));
                        sheet.push(row, col, text.unwrap_or_default())?;
                        col = col.saturating_add(1);
                    }
                    _ => {}
                },
                _ => {}
            }
            Ok(())
        })?;
        Ok(sheet)
    }
}

/// A cell's text as the person sees it: shared strings looked up, dates as «16.02.2023».
fn cell_text(kind: &str, v: String, style: Option<NumberKind>, shared: &[String]) -> String {
    match kind {
        "s" => v.trim().parse::<usize>().ok().and_then(|i| shared.get(i)).cloned().unwrap_or_default(),
        "str" | "inlineStr" | "d" => v,
        "b" => if v.trim() == "1" { "да" } else { "нет" }.to_owned(),
        "e" => String::new(),
        _ => match v.trim().parse::<f64>() {
            Ok(f) => match style {
                Some(NumberKind::Date) => excel_date(f),
                Some(NumberKind::Time) if f < 1.0 => excel_time(f),
                Some(NumberKind::Time) => excel_date(f),
                _ => number_text(f),
            },
            Err(_) => v,
        },
    }
}

/// The shared strings, each `<si>` as one text (rich runs joined, phonetic hints left out).
fn shared_strings(zip: &mut Zip, deadline: Deadline) -> Result<Vec<String>, String> {
    let mut out = Vec::new();
    if zip.by_name("xl/sharedStrings.xml").is_err() {
        return Ok(out);
    }
    let mut current: Option<String> = None;
    let (mut in_t, mut in_phonetic) = (false, false);
    stream(zip, "xl/sharedStrings.xml", deadline, |event| {
        match event {
            Xml::Start(ref e) | Xml::Empty(ref e) => {
                let empty = matches!(event, Xml::Empty(_));
                match e.local_name().as_ref() {
                    "si" if empty => {
                        if out.len() >= MAX_CELLS {
                            return Err(limits::too_many_cells());
                        }
                        out.push(String::new());
                    }
                    "si" => current = Some(String::new()),
                    "t" if !empty => in_t = true,
                    "rPh" if !empty => in_phonetic = true,
                    _ => {}
                }
            }
            Xml::Text(t) if in_t && !in_phonetic => {
                if let Some(s) = current.as_mut() {
                    s.push_str(&t.xml10_content());
                }
            }
            Xml::GeneralRef(r) if in_t && !in_phonetic => {
                if let Some(s) = current.as_mut() {
                    push_ref(s, &r);
                }
            }
            Xml::End(e) => match e.local_name().as_ref() {
                "t" => in_t = false,
                "rPh" => in_phonetic = false,
                "si" => {
                    if out.len() >= MAX_CELLS {
                        return Err(limits::too_many_cells());
                    }
                    out.push(current.take().unwrap_or_default());
                }
                _ => {}
            },
            _ => {}
        }
        Ok(())
    })?;
    Ok(out)
}

/// Which cell styles show numbers as dates or times (built-in formats 14–22, 45–47, or a
/// format code with day, month, year, hour or second letters outside quotes and brackets).
fn number_styles(zip: &mut Zip, deadline: Deadline) -> Result<Vec<NumberKind>, String> {
    let mut out = Vec::new();
    if zip.by_name("xl/styles.xml").is_err() {
        return Ok(out);
    }
    let mut formats: HashMap<u32, NumberKind> = HashMap::new();
    let mut in_xfs = false;
    each_element(zip, "xl/styles.xml", deadline, false, |e, end| {
        match (e.local_name().as_ref(), end) {
            ("numFmt", false) => {
                if let (Some(id), Some(code)) = (attr(e, "numFmtId"), attr(e, "formatCode")) {
                    if let Ok(id) = id.parse() {
                        formats.insert(id, kind_of_format(&code));
                    }
                }
            }
            ("cellXfs", end) => in_xfs = !end,
            ("xf", false) if in_xfs => {
                if out.len() >= MAX_CELLS {
                    return Err(limits::too_many_cells());
                }
                let id: u32 = attr(e, "numFmtId").and_then(|v| v.parse().ok()).unwrap_or(0);
                let kind = formats.get(&id).copied().unwrap_or(match id {
                    14..=17 | 22 | 27..=36 | 50..=58 => NumberKind::Date,
                    18..=21 | 45..=47 => NumberKind::Time,
                    _ => NumberKind::Plain,
                });
                out.push(kind);
            }
            _ => {}
        }
        Ok(())
    })?;
    Ok(out)
}

fn kind_of_format(code: &str) -> NumberKind {
    let mut bare = String::new();
    let (mut quoted, mut bracket) = (false, false);
    let mut escaped = false;
    for c in code.chars() {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '"' => quoted = !quoted,
            '[' if !quoted => bracket = true,
            ']' if !quoted => bracket = false,
            _ if !quoted && !bracket => bare.push(c.to_ascii_lowercase()),
            _ => {}
        }
    }
    if bare.contains("general") {
        return NumberKind::Plain;
    }
    let date = bare.contains('d') || bare.contains('y');
    let time = bare.contains('h') || bare.contains('s');
    match (date, time) {
        (true, _) => NumberKind::Date,
        (false, true) => NumberKind::Time,
        _ if bare.contains('m') && !bare.contains('0') && !bare.contains('#') => NumberKind::Date,
        _ => NumberKind::Plain,
    }
}

/// Relationship id → target of a `.rels` part.
fn relationships(zip: &mut Zip, part: &str, deadline: Deadline) -> Result<HashMap<String, String>, String> {
    let mut out = HashMap::new();
    if zip.by_name(part).is_err() {
        return Ok(out);
    }
    each_element(zip, part, deadline, true, |e, _| {
        if e.local_name().as_ref() == "Relationship" {
            if out.len() >= limits::MAX_SHEETS * 64 {
                return Err(broken());
            }
            if let (Some(id), Some(target)) = (attr(e, "Id"), attr(e, "Target")) {
                out.insert(id, target);
            }
        }
        Ok(())
    })?;
    Ok(out)
}

/// «worksheets/sheet1.xml» or «/xl/worksheets/sheet1.xml» → the part's name in the archive.
fn part_path(target: &str) -> String {
    match target.strip_prefix('/') {
        Some(abs) => abs.to_owned(),
        None => format!("xl/{target}"),
    }
}

/// Calls `f` for each element's start (and, unless `starts_only`, its end) of `part`.
fn each_element(
    zip: &mut Zip,
    part: &str,
    deadline: Deadline,
    starts_only: bool,
    mut f: impl FnMut(&BytesStart, bool) -> Result<(), String>,
) -> Result<(), String> {
    stream(zip, part, deadline, |event| match event {
        Xml::Start(e) => f(&e, false),
        Xml::Empty(e) => {
            f(&e, false)?;
            if starts_only {
                Ok(())
            } else {
                f(&e, true)
            }
        }
        Xml::End(e) if !starts_only => f(&BytesStart::new(e.name().as_ref().to_owned()), true),
        _ => Ok(()),
    })
}

/// Streams the XML of `part` (unpacked at most [`MAX_XML`]) through `f`, event by event.
pub(super) fn stream(
    zip: &mut Zip,
    part: &str,
    deadline: Deadline,
    mut f: impl FnMut(Xml) -> Result<(), String>,
) -> Result<(), String> {
    let entry = zip.by_name(part).map_err(|_| broken())?;
    let mut reader = Reader::from_reader(BufReader::new(Capped::new(entry, MAX_XML)));
    let mut buf = Vec::new();
    let mut n = 0usize;
    loop {
        buf.clear();
        let event = reader.read_event_into(&mut buf).map_err(|e| xml_error(&e))?;
        if matches!(event, Xml::Eof) {
            return Ok(());
        }
        n += 1;
        if n.is_multiple_of(4096) {
            deadline.check()?;
        }
        f(event)?;
    }
}

fn xml_error(e: &quick_xml::Error) -> String {
    match e {
        quick_xml::Error::Io(io) if io.to_string().contains("ZIP-бомба") => limits::too_big_xml(),
        _ => broken(),
    }
}

pub(super) fn attr(e: &BytesStart, name: &str) -> Option<String> {
    e.attributes().flatten().find(|a| a.key.local_name().as_ref() == name).map(|a| {
        a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
            .map(|v| v.into_owned())
            .unwrap_or_else(|_| a.value.clone().into_owned())
    })
}

/// An entity or character reference in text: the five XML entities and `&#…;`; anything
/// else (an entity a DTD would define) is dropped, never expanded.
pub(super) fn push_ref(out: &mut String, r: &quick_xml::events::BytesRef) {
    if let Ok(Some(c)) = r.resolve_char_ref() {
        out.push(c);
        return;
    }
    out.push_str(match r.xml10_content().as_ref() {
        "amp" => "&",
        "lt" => "<",
        "gt" => ">",
        "quot" => "\"",
        "apos" => "'",
        _ => "",
    });
}

/// Reads a whole small part (for tests of the stream's limits).
#[cfg(test)]
fn read_part(zip: &mut Zip, part: &str) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    let mut out = Vec::new();
    Capped::new(zip.by_name(part)?, MAX_XML).read_to_end(&mut out)?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    /// A workbook by hand: the parts given, the rest minimal.
    pub fn book(sheet: &str, shared: Option<&str>, styles: Option<&str>) -> Vec<u8> {
        let mut out = Cursor::new(Vec::new());
        let mut zip = zip::ZipWriter::new(&mut out);
        let opt = zip::write::SimpleFileOptions::default();
        let mut part = |name: &str, text: &str| {
            zip.start_file(name, opt).unwrap();
            zip.write_all(text.as_bytes()).unwrap();
        };
        part(
            "xl/workbook.xml",
            r#"<workbook><sheets><sheet name="План" sheetId="1" r:id="rId1"/></sheets></workbook>"#,
        );
        part(
            "xl/_rels/workbook.xml.rels",
            r#"<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>"#,
        );
        part("xl/worksheets/sheet1.xml", sheet);
        if let Some(s) = shared {
            part("xl/sharedStrings.xml", s);
        }
        if let Some(s) = styles {
            part("xl/styles.xml", s);
        }
        zip.finish().unwrap();
        out.into_inner()
    }

    #[test]
    fn declared_counts_are_not_trusted() {
        let shared = r#"<sst uniqueCount="18446744073709551615" count="4000000000"><si><t>№</t></si><si><r><t>Содер</t></r><r><t>жание</t></r><rPh><t>x</t></rPh></si><si/></sst>"#;
        let sheet = r#"<worksheet><dimension ref="A1:XFD1048576"/><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c t="s"><v>2</v></c></row></sheetData></worksheet>"#;
        let bytes = book(sheet, Some(shared), None);
        let mut b = Book::open(&bytes, Deadline::start()).unwrap();
        assert_eq!(b.shared, ["№", "Содержание", ""]);
        let grid = b.sheet(0).unwrap().grid().unwrap();
        assert_eq!(grid.rows[0].cells, ["№", "Содержание"]);
    }

    #[test]
    fn cells_without_addresses_follow_each_other_and_dates_read_as_dates() {
        let styles = r#"<styleSheet><numFmts><numFmt numFmtId="164" formatCode="dd/mm/yyyy;@"/><numFmt numFmtId="165" formatCode="&quot;д&quot;0.00"/></numFmts>
<cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="20"/><xf numFmtId="165"/></cellXfs></styleSheet>"#;
        let sheet = r#"<worksheet><sheetData><row><c t="inlineStr"><is><t>Совет &amp; приказ</t></is></c><c s="1"><v>44973</v></c><c s="2"><v>0.625</v></c><c s="3"><v>2.5</v></c><c t="b"><v>1</v></c><c t="e"><v>#N/A</v></c><c><v>7</v></c></row>
<row><c t="str"><v>&#1057;рок</v></c></row><row r="5"><c r="C5"><v>1</v></c></row><mergeCells><mergeCell ref="C5:D5"/></mergeCells></sheetData></worksheet>"#;
        let bytes = book(sheet, None, Some(styles));
        let mut b = Book::open(&bytes, Deadline::start()).unwrap();
        let grid = b.sheet(0).unwrap().grid().unwrap();
        assert_eq!(grid.rows[0].cells, ["Совет & приказ", "16.02.2023", "15:00", "2.5", "да", "", "7"]);
        assert_eq!(grid.rows[1].cells[0], "Срок");
        assert_eq!(grid.rows[2].cells[2..4], ["1", ""]);
    }

    #[test]
    fn a_zip_bomb_stops_at_the_limit() {
        // 300 MB of spaces inside a cell: refused at 128 MB unpacked, never held whole.
        let mut out = Cursor::new(Vec::new());
        let mut zip = zip::ZipWriter::new(&mut out);
        let opt =
            zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
        zip.start_file("xl/worksheets/sheet1.xml", opt).unwrap();
        zip.write_all(b"<worksheet><sheetData><row><c t=\"inlineStr\"><is><t>").unwrap();
        let spaces = vec![b' '; 1 << 20];
        for _ in 0..300 {
            zip.write_all(&spaces).unwrap();
        }
        zip.start_file("xl/workbook.xml", opt).unwrap();
        zip.write_all(br#"<workbook><sheets><sheet name="a" r:id="r1"/></sheets></workbook>"#).unwrap();
        zip.start_file("xl/_rels/workbook.xml.rels", opt).unwrap();
        zip.write_all(
            br#"<Relationships><Relationship Id="r1" Target="worksheets/sheet1.xml"/></Relationships>"#,
        )
        .unwrap();
        zip.finish().unwrap();
        let bytes = out.into_inner();
        assert!(bytes.len() < 2_000_000, "{}", bytes.len());
        let mut b = Book::open(&bytes, Deadline::start()).unwrap();
        let err = b.sheet(0).unwrap_err();
        assert!(err.contains("ZIP-бомба"), "{err}");
        assert!(read_part(&mut b.zip, "xl/workbook.xml").is_ok());
    }
}
