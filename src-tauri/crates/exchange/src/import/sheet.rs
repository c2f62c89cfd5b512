//! Spreadsheets (.xlsx, .xls, .ods) read with calamine: the sheet that holds the table, its
//! cells as text (dates «16.02.2023»), merged ranges filled down as Word's merged cells are.

use std::io::Cursor;

use calamine::{open_workbook_auto_from_rs, Data, Dimensions, Reader, Sheets};

use domain::Column;

use super::grid::{tidy, Grid, TableBuilder};

/// A workbook's table: the sheet asked for by name, else the sheet with the most filled rows.
pub struct Workbook {
    pub grid: Grid,
    /// Every sheet of the book, in its order.
    pub sheets: Vec<String>,
    /// The sheet the table was taken from.
    pub sheet: String,
    pub notes: Vec<String>,
}

/// Reads the sheet `wanted` (by name), or the fullest one; a name the book lacks is refused
/// with the names it has.
pub fn read(bytes: &[u8], wanted: Option<&str>) -> Result<Workbook, String> {
    let mut book = open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(|_| {
        "Файл таблицы повреждён или это не таблица Excel/LibreOffice. Ничего не импортировано.".to_owned()
    })?;
    let names = book.sheet_names().to_vec();
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
    for name in names.iter().filter(|n| wanted.is_none_or(|w| w == n.as_str())) {
        let Ok(range) = book.worksheet_range(name) else { continue };
        let merged = merged_cells(&mut book, name);
        let grid = grid_of(&range, &merged)?;
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

/// Rows with more than one filled cell.
fn filled_rows(grid: &Grid) -> usize {
    grid.rows.iter().filter(|r| r.cells.iter().filter(|c| !c.is_empty()).count() > 1).count()
}

/// The sheet's columns, as recognised, hold the events' content and their timeframes.
fn looks_like_plan(grid: &Grid) -> bool {
    let roles: Vec<_> = super::layout::detect(grid).slots.iter().map(|s| s.role()).collect();
    roles.contains(&Some(Column::Content)) && roles.contains(&Some(Column::Timeframe))
}

/// The merged ranges of a sheet, where the format keeps them (.xlsx and .xls).
fn merged_cells(book: &mut Sheets<Cursor<&[u8]>>, name: &str) -> Vec<Dimensions> {
    match book {
        Sheets::Xlsx(x) => x.merge_cells_by_sheet_name(name).unwrap_or_default(),
        Sheets::Xls(x) => x.merge_cells_by_sheet_name(name).unwrap_or_default(),
        _ => Vec::new(),
    }
}

fn grid_of(range: &calamine::Range<Data>, merged: &[Dimensions]) -> Result<Grid, String> {
    let (row0, col0) = range.start().unwrap_or((0, 0));
    let (height, width) = range.get_size();
    // The merged range starting at (row, col), and cells covered by a merge (not its start).
    let start_of = |r: u32, c: u32| merged.iter().find(|m| m.start == (r, c));
    let covered = |r: u32, c: u32| {
        merged.iter().any(|m| {
            (m.start.0..=m.end.0).contains(&r) && (m.start.1..=m.end.1).contains(&c) && m.start != (r, c)
        })
    };
    let mut table = TableBuilder::default();
    for i in 0..height {
        let r = row0 + i as u32;
        table.start_row();
        let mut j = 0usize;
        while j < width {
            let c = col0 + j as u32;
            if covered(r, c) {
                // Covered from the left: part of a wider cell (already placed); from above: the
                // value merged down.
                let from_above = merged
                    .iter()
                    .any(|m| m.start.1 == c && m.start.0 < r && (m.start.0..=m.end.0).contains(&r));
                if from_above {
                    let cols = merged
                        .iter()
                        .find(|m| m.start.1 == c && m.start.0 < r && m.end.0 >= r)
                        .map_or(1, |m| m.end.1 - m.start.1 + 1);
                    table.continued(cols);
                    j += cols as usize;
                } else {
                    j += 1;
                }
                continue;
            }
            let text = range.get((i, j)).map(text_of).unwrap_or_default();
            let cols = start_of(r, c).map_or(1, |m| m.end.1 - m.start.1 + 1);
            table.cell(tidy(&text), cols, 1);
            j += cols as usize;
        }
        table.end_row()?;
    }
    Ok(table.grid)
}

/// A cell as the person sees it: dates as «16.02.2023», whole numbers without «.0».
fn text_of(d: &Data) -> String {
    match d {
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::Float(f) => f.to_string(),
        Data::Bool(b) => if *b { "да" } else { "нет" }.to_owned(),
        Data::DateTime(dt) => excel_date(dt.as_f64()),
        Data::Error(_) | Data::Empty => String::new(),
    }
}

/// Excel's day number (1900 system) as «16.02.2023».
fn excel_date(serial: f64) -> String {
    let base = chrono::NaiveDate::from_ymd_opt(1899, 12, 30).unwrap_or_default();
    match base.checked_add_days(chrono::Days::new(serial.max(0.0) as u64)) {
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
