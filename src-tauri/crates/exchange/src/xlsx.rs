//! A plan's events as an Excel workbook: one row per event, Russian headers, dates as real
//! dates shown «16.02.2023», filters on, the header frozen — what the region asks for.

use chrono::{Datelike, NaiveDate};
use domain::Roadmap;
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook, XlsxError};

const HEADERS: [(&str, f64); 12] = [
    ("№", 7.0),
    ("Раздел", 28.0),
    ("Содержание деятельности", 60.0),
    ("Сроки реализации", 22.0),
    ("Начало", 12.0),
    ("Окончание", 12.0),
    ("Ответственные исполнители", 36.0),
    ("Планируемый результат", 36.0),
    ("Документы, фиксирующие результат", 30.0),
    ("Состояние", 14.0),
    ("Отметка о выполнении", 30.0),
    ("Требует проверки срока", 12.0),
];

/// The workbook's bytes; `today` decides which events are overdue.
pub fn events(r: &Roadmap, today: NaiveDate) -> Result<Vec<u8>, String> {
    build(r, today).map_err(|e| format!("не удалось собрать книгу Excel: {e}"))
}

fn build(r: &Roadmap, today: NaiveDate) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    book.set_properties(&DocProperties::new().set_title(&r.plan.title).set_author("Координатор"));
    let sheet = book.add_worksheet();
    sheet.set_name("Мероприятия")?;
    let head =
        Format::new().set_bold().set_text_wrap().set_align(FormatAlign::Top).set_border(FormatBorder::Thin);
    let cell = Format::new().set_text_wrap().set_align(FormatAlign::Top).set_border(FormatBorder::Thin);
    let date = cell.clone().set_num_format("dd.mm.yyyy");
    for (col, (title, width)) in HEADERS.iter().enumerate() {
        sheet.write_string_with_format(0, col as u16, *title, &head)?;
        sheet.set_column_width(col as u16, *width)?;
    }
    for (i, e) in r.events.iter().enumerate() {
        let row = i as u32 + 1;
        let section = r.sections.iter().find(|s| Some(s.id) == e.section_id);
        let section = section.map(|s| [s.number.as_str(), s.title.as_str()].join(" ").trim().to_owned());
        let executors: Vec<String> = e.executors.iter().map(|x| x.printed()).collect();
        let texts = [
            (0, e.number.clone()),
            (1, section.unwrap_or_default()),
            (2, e.content.clone()),
            (3, e.timeframe.text.clone()),
            (6, executors.join("\n")),
            (7, e.result.clone()),
            (8, e.evidence.clone()),
            (9, e.progress(today).label().to_owned()),
            (10, e.completion_mark.clone()),
            (11, if e.timeframe.needs_review() { "да" } else { "" }.to_owned()),
        ];
        for (col, text) in texts {
            sheet.write_string_with_format(row, col, text, &cell)?;
        }
        for (col, day) in [(4, e.timeframe.start), (5, e.timeframe.end)] {
            match day {
                Some(d) => {
                    let d = ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8)?;
                    sheet.write_datetime_with_format(row, col, &d, &date)?;
                }
                None => {
                    sheet.write_blank(row, col, &cell)?;
                }
            }
        }
    }
    let last = r.events.len() as u32;
    sheet.autofilter(0, 0, last, HEADERS.len() as u16 - 1)?;
    sheet.set_freeze_panes(1, 0)?;
    book.save_to_buffer()
}
