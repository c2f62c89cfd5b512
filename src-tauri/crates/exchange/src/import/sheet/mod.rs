//! Spreadsheets (.xlsx, .xls, .ods): the sheet that holds the table, its cells as text (dates
//! «16.02.2023»), merged ranges filled down as Word's merged cells are. Each format is read by
//! the cells it holds, within the limits of [`super::limits`]: .xlsx and .ods by our own
//! streaming readers, .xls by calamine after a measuring pass (see each module).

mod ods;
mod sparse;
mod xls;
mod xlsx;

use domain::Column;

use super::grid::Grid;
use super::limits::Deadline;
use sparse::Sparse;

/// A workbook's table: the sheet asked for by name, else the sheet with the most filled rows.
pub struct Workbook {
    pub grid: Grid,
    /// Every sheet of the book, in its order.
    pub sheets: Vec<String>,
    /// The sheet the table was taken from.
    pub sheet: String,
    pub notes: Vec<String>,
}

/// The sheets of a book, read one at a time (a .xlsx sheet is read only when asked for).
enum Book<'a> {
    Xlsx(xlsx::Book<'a>),
    Read(Vec<Option<Sparse>>),
}

impl Book<'_> {
    fn open(bytes: &[u8], deadline: Deadline) -> Result<Book<'_>, String> {
        let has = |needle: &[u8]| bytes.windows(needle.len()).any(|w| w == needle);
        if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
            return Ok(Book::Read(xls::read(bytes, deadline)?.into_iter().map(Some).collect()));
        }
        if has(b"opendocument.spreadsheet") || (has(b"content.xml") && !has(b"xl/workbook")) {
            return Ok(Book::Read(ods::read(bytes, deadline)?.into_iter().map(Some).collect()));
        }
        if has(b"xl/workbook.bin") {
            return Err(
                "Это двоичная книга Excel (.xlsb): сохраните её в Excel как .xlsx и повторите.".into()
            );
        }
        if !bytes.starts_with(b"PK") {
            return Err(
                "Файл таблицы повреждён или это не таблица Excel/LibreOffice. Ничего не импортировано."
                    .into(),
            );
        }
        Ok(Book::Xlsx(xlsx::Book::open(bytes, deadline)?))
    }

    fn names(&self) -> Vec<String> {
        match self {
            Book::Xlsx(b) => b.sheets.iter().map(|(n, _)| n.clone()).collect(),
            Book::Read(sheets) => sheets.iter().flatten().map(|s| s.name.clone()).collect(),
        }
    }

    fn sheet(&mut self, i: usize) -> Result<Sparse, String> {
        match self {
            Book::Xlsx(b) => b.sheet(i),
            Book::Read(sheets) => Ok(sheets.get_mut(i).and_then(Option::take).unwrap_or_default()),
        }
    }
}

/// Reads the sheet `wanted` (by name), or the fullest one; a name the book lacks is refused
/// with the names it has.
pub fn read(bytes: &[u8], wanted: Option<&str>) -> Result<Workbook, String> {
    let deadline = Deadline::start();
    let mut book = Book::open(bytes, deadline)?;
    let names = book.names();
    let quoted = |names: &mut dyn Iterator<Item = &String>| {
        names.map(|n| format!("«{n}»")).collect::<Vec<_>>().join(", ")
    };
    if let Some(w) = wanted {
        if !names.iter().any(|n| n == w) {
            return Err(format!("В книге нет листа «{w}». Листы книги: {}.", quoted(&mut names.iter())));
        }
    }
    // The best sheet: one whose columns read as a roadmap (content and timeframe), then the
    // one with the most filled rows — a summary sheet before the plan is passed over.
    let mut best: Option<((bool, usize), String, Grid)> = None;
    let mut plans = 0;
    for (i, name) in names.iter().enumerate() {
        if wanted.is_some_and(|w| w != name.as_str()) {
            continue;
        }
        deadline.check()?;
        let grid = book.sheet(i)?.grid()?;
        let score = (looks_like_plan(&grid), filled_rows(&grid));
        plans += usize::from(score.0);
        if best.as_ref().is_none_or(|(b, _, _)| score > *b) {
            best = Some((score, name.clone(), grid));
        }
    }
    let ((plan, _), chosen, grid) = best.ok_or_else(|| match wanted {
        Some(w) => format!("Лист «{w}» не читается. Ничего не импортировано."),
        None => "В файле нет листов с данными.".to_owned(),
    })?;
    let mut notes = Vec::new();
    if names.len() > 1 {
        let others = quoted(&mut names.iter().filter(|n| **n != chosen));
        let why = match (wanted.is_some(), plan && plans == 1) {
            (true, _) => "выбран",
            (false, true) => "на нём таблица мероприятий",
            (false, false) => "на нём больше всего строк",
        };
        notes.push(format!("В книге несколько листов: взят лист «{chosen}» ({why}); остальные: {others}."));
    }
    Ok(Workbook { grid, sheets: names, sheet: chosen, notes })
}

/// Every sheet of the book in one pass, by name (results workbooks keep a grade or a subject
/// per sheet).
pub fn read_every(bytes: &[u8]) -> Result<Vec<(String, Grid)>, String> {
    let deadline = Deadline::start();
    let mut book = Book::open(bytes, deadline)?;
    let names = book.names();
    let mut out = Vec::with_capacity(names.len());
    for (i, name) in names.into_iter().enumerate() {
        deadline.check()?;
        out.push((name, book.sheet(i)?.grid()?));
    }
    Ok(out)
}

/// Rows with more than one filled cell.
fn filled_rows(grid: &Grid) -> usize {
    grid.rows.iter().filter(|r| r.cells.iter().filter(|c| !c.is_empty()).count() > 1).count()
}

/// The sheet's columns, as recognised, hold the events' content and their timeframes.
fn looks_like_plan(grid: &Grid) -> bool {
    let roles: Vec<_> = super::layout::detect(grid).slots.iter().map(|s| s.role()).collect();
    roles.contains(&Some(Column::Content)) && roles.contains(&Some(Column::Timeframe))
}

/// A number as the person sees it: whole numbers without «.0».
fn number_text(f: f64) -> String {
    if f.fract() == 0.0 && f.abs() < 1e15 {
        format!("{}", f as i64)
    } else {
        f.to_string()
    }
}

/// Excel's fraction of a day as «15:00».
fn excel_time(serial: f64) -> String {
    let minutes = (serial.fract() * 24.0 * 60.0).round() as u32 % (24 * 60);
    format!("{:02}:{:02}", minutes / 60, minutes % 60)
}

/// Excel's day number (1900 system) as «16.02.2023».
fn excel_date(serial: f64) -> String {
    let base = chrono::NaiveDate::from_ymd_opt(1899, 12, 30).unwrap_or_default();
    if !serial.is_finite() {
        return String::new();
    }
    match base.checked_add_days(chrono::Days::new(serial.clamp(0.0, 3_000_000.0) as u64)) {
        Some(d) => d.format("%d.%m.%Y").to_string(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_spreadsheet_with_a_merged_timeframe_and_a_date() {
        let mut book = rust_xlsxwriter::Workbook::new();
        let sheet = book.add_worksheet().set_name("Дорожная карта").unwrap();
        let fmt = rust_xlsxwriter::Format::new();
        for (c, h) in ["№", "Мероприятие", "Срок", "Ответственный"].iter().enumerate()
        {
            sheet.write(0, c as u16, *h).unwrap();
        }
        sheet.merge_range(1, 0, 1, 3, "Раздел 1. Организация", &fmt).unwrap();
        sheet.write(2, 0, 1).unwrap();
        sheet.write(2, 1, "Совещание").unwrap();
        sheet.merge_range(2, 2, 3, 2, "март 2023", &fmt).unwrap();
        sheet.write(2, 3, "Иванов И.И.").unwrap();
        sheet.write(3, 0, 2).unwrap();
        sheet.write(3, 1, "Семинар").unwrap();
        let date = rust_xlsxwriter::ExcelDateTime::from_ymd(2023, 2, 16).unwrap();
        sheet
            .write_with_format(3, 3, &date, &rust_xlsxwriter::Format::new().set_num_format("dd.mm.yyyy"))
            .unwrap();
        book.add_worksheet().set_name("Пустой").unwrap();
        let bytes = book.save_to_buffer().unwrap();
        let Workbook { grid, notes, sheets, sheet } = read(&bytes, None).unwrap();
        assert_eq!(sheets, ["Дорожная карта", "Пустой"]);
        assert_eq!(sheet, "Дорожная карта");
        let rows: Vec<Vec<&str>> =
            grid.rows.iter().map(|r| r.cells.iter().map(String::as_str).collect()).collect();
        assert_eq!(rows[0], ["№", "Мероприятие", "Срок", "Ответственный"]);
        assert!(grid.rows[1].spans, "{rows:?}");
        assert_eq!(rows[2], ["1", "Совещание", "март 2023", "Иванов И.И."]);
        assert_eq!(rows[3], ["2", "Семинар", "март 2023", "16.02.2023"]);
        assert!(notes[0].contains("«Пустой»"), "{notes:?}");
        assert!(read(b"PK\x03\x04 not a book", None).is_err());
        // The person's choice wins, even an empty sheet; a name the book lacks is refused.
        let empty = read(&bytes, Some("Пустой")).unwrap();
        assert_eq!(empty.sheet, "Пустой");
        assert!(empty.grid.rows.is_empty(), "{:?}", empty.grid.rows.len());
        assert!(empty.notes[0].contains("(выбран)"), "{:?}", empty.notes);
        let missing = read(&bytes, Some("Лист9")).err().unwrap();
        assert_eq!(missing, "В книге нет листа «Лист9». Листы книги: «Дорожная карта», «Пустой».");
    }
}
