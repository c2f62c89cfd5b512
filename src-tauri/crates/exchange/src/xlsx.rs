//! A plan's events as an Excel workbook: one row per event, Russian headers, dates as real
//! dates shown «16.02.2023», filters on, the header frozen — what the region asks for.

use chrono::{Datelike, NaiveDate};
use domain::{Column, Event, Roadmap};
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook, XlsxError};

/// A column of the workbook: one of the roadmap's, or one the workbook adds for the region.
#[derive(Clone, Copy)]
enum Col {
    Field(Column),
    Section,
    Start,
    End,
    State,
    Review,
}

/// The workbook's columns in order: the roadmap's ([`Column::ALL`], as documents print them),
/// each with what the region asks for beside it — the section after the number, the dates after
/// the timeframe, the state before the completion mark, the review flag last. Each is named
/// once, its header, width and value below ([`Col::header`], [`Col::width`], [`Col::value`]); a
/// new roadmap column is a column of the workbook with no line here.
fn layout() -> Vec<Col> {
    let mut out = Vec::new();
    for c in Column::ALL {
        if c == Column::Completion {
            out.push(Col::State);
        }
        out.push(Col::Field(c));
        match c {
            Column::Number => out.push(Col::Section),
            Column::Timeframe => out.extend([Col::Start, Col::End]),
            _ => {}
        }
    }
    out.push(Col::Review);
    out
}

enum Value {
    Text(String),
    Day(Option<NaiveDate>),
}

impl Col {
    fn header(self) -> &'static str {
        match self {
            Col::Field(c) => c.title(),
            Col::Section => "Раздел",
            Col::Start => "Начало",
            Col::End => "Окончание",
            Col::State => "Состояние",
            Col::Review => "Требует проверки срока",
        }
    }

    fn width(self) -> f64 {
        match self {
            Col::Field(c) => c.widths().1,
            Col::Section => 28.0,
            Col::Start | Col::End => 12.0,
            Col::State => 14.0,
            Col::Review => 12.0,
        }
    }

    fn value(self, e: &Event, section: &str, today: NaiveDate) -> Value {
        match self {
            Col::Field(c) => Value::Text(c.value(e)),
            Col::Section => Value::Text(section.to_owned()),
            Col::Start => Value::Day(e.timeframe.start),
            Col::End => Value::Day(e.timeframe.end),
            Col::State => {
                Value::Text(domain::EventStatus::state_text(e.status, e.progress(today)).to_owned())
            }
            Col::Review => Value::Text(if e.timeframe.needs_review() { "да" } else { "" }.to_owned()),
        }
    }
}

/// The workbook's bytes; `today` decides which events are overdue.
pub fn events(r: &Roadmap, today: NaiveDate) -> Result<Vec<u8>, String> {
    build(r, today).map_err(|e| format!("не удалось собрать книгу Excel: {e}"))
}

/// The row of the header: the plan's title and period above it, as documents have them, so
/// that the workbook imported back is the same plan of the same period.
const HEAD_ROW: u32 = 3;

/// «Период: 2022/2023 учебный год», «Период: 2023 год», «Период: 2021 - 2025 годы»: words the
/// importer reads the period from; any other span by its dates.
fn period_line(p: &domain::Period) -> String {
    let (s, e) = (p.start, p.end);
    let whole_years = (s.month(), s.day(), e.month(), e.day()) == (1, 1, 12, 31);
    if (s.month(), s.day(), e.month(), e.day()) == (9, 1, 8, 31) && e.year() == s.year() + 1 {
        format!("Период: {}/{} учебный год", s.year(), e.year())
    } else if whole_years && s.year() == e.year() {
        format!("Период: {} год", s.year())
    } else if whole_years {
        format!("Период: {} - {} годы", s.year(), e.year())
    } else {
        format!("Период: с {} по {}", domain::ru_date(s), domain::ru_date(e))
    }
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
    sheet.write_string_with_format(0, 0, &r.plan.title, &Format::new().set_bold())?;
    sheet.write_string(1, 0, period_line(&r.plan.period))?;
    let layout = layout();
    for (col, c) in layout.iter().enumerate() {
        sheet.write_string_with_format(HEAD_ROW, col as u16, c.header(), &head)?;
        sheet.set_column_width(col as u16, c.width())?;
    }
    for (i, e) in r.events.iter().enumerate() {
        let row = HEAD_ROW + i as u32 + 1;
        let section = r.sections.iter().find(|s| Some(s.id) == e.section_id);
        let section = section.map(|s| [s.number.as_str(), s.title.as_str()].join(" ").trim().to_owned());
        for (col, c) in layout.iter().enumerate() {
            let col = col as u16;
            match c.value(e, section.as_deref().unwrap_or(""), today) {
                Value::Text(text) => {
                    sheet.write_string_with_format(row, col, text, &cell)?;
                }
                Value::Day(Some(d)) => {
                    let d = ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8)?;
                    sheet.write_datetime_with_format(row, col, &d, &date)?;
                }
                Value::Day(None) => {
                    sheet.write_blank(row, col, &cell)?;
                }
            }
        }
    }
    let last = HEAD_ROW + r.events.len() as u32;
    sheet.autofilter(HEAD_ROW, 0, last, layout.len() as u16 - 1)?;
    sheet.set_freeze_panes(HEAD_ROW + 1, 0)?;
    book.save_to_buffer()
}

/// The справка's table: each school's measure by year with its pupils, the change against
/// comparison schools with its interval, the trend.
pub fn effectiveness(a: &domain::Analysis) -> Result<Vec<u8>, String> {
    use domain::effectiveness::Trend;
    let err = |e: rust_xlsxwriter::XlsxError| format!("Не удалось записать книгу Excel: {e}");
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("Результаты").map_err(err)?;
    let bold = rust_xlsxwriter::Format::new().set_bold().set_text_wrap();
    sheet
        .write_string_with_format(0, 0, format!("{} — {}", a.metric_label, a.filter_label), &bold)
        .map_err(err)?;
    let mut head: Vec<String> = vec!["Школа".into(), "Под поддержкой с".into()];
    for y in &a.years {
        head.push(format!("{y}"));
        head.push(format!("{y}, участников"));
    }
    head.extend(
        [
            "Изменение",
            "У сопоставимых школ",
            "Разница",
            "95 % интервал: от",
            "до",
            "Динамика",
            "Мало участников",
        ]
        .map(String::from),
    );
    for (c, h) in head.iter().enumerate() {
        sheet.write_string_with_format(2, c as u16, h, &bold).map_err(err)?;
    }
    for (i, s) in a.schools.iter().filter(|s| !s.series.is_empty()).enumerate() {
        let r = 3 + i as u32;
        sheet.write_string(r, 0, &s.name).map_err(err)?;
        if let Some(g) = s.cohort {
            sheet.write_number(r, 1, f64::from(g)).map_err(err)?;
        }
        for (k, y) in a.years.iter().enumerate() {
            if let Some(p) = s.series.iter().find(|p| p.year == *y) {
                let c = 2 + 2 * k as u16;
                sheet.write_number(r, c, (p.value * 10.0).round() / 10.0).map_err(err)?;
                sheet.write_number(r, c + 1, f64::from(p.pupils)).map_err(err)?;
            }
        }
        let c = 2 + 2 * a.years.len() as u16;
        if let Some(e) = &s.effect {
            let round = |x: f64| (x * 10.0).round() / 10.0;
            sheet.write_number(r, c, round(e.naive)).map_err(err)?;
            sheet.write_number(r, c + 1, round(e.naive - e.value)).map_err(err)?;
            sheet.write_number(r, c + 2, round(e.value)).map_err(err)?;
            if let (Some(l), Some(h)) = (e.low, e.high) {
                sheet.write_number(r, c + 3, round(l)).map_err(err)?;
                sheet.write_number(r, c + 4, round(h)).map_err(err)?;
            }
        }
        if s.trend != Trend::TooShort || s.cohort.is_some() {
            sheet.write_string(r, c + 5, s.trend.label()).map_err(err)?;
        }
        if s.series.iter().any(|p| p.few) {
            sheet.write_string(r, c + 6, "да").map_err(err)?;
        }
    }
    sheet.set_column_width(0, 28).map_err(err)?;
    book.save_to_buffer().map_err(err)
}

/// The region's table of districts in the shape regions collect it: a row per district, a
/// column per indicator, the region's total last; each district's effect estimate beside it.
pub fn region(
    t: &domain::region::RegionTable,
    districts: &[domain::region::DistrictRow],
) -> Result<Vec<u8>, String> {
    region_book(t, districts).map_err(|e| format!("Не удалось записать книгу Excel: {e}"))
}

fn region_book(
    t: &domain::region::RegionTable,
    districts: &[domain::region::DistrictRow],
) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    book.set_properties(
        &DocProperties::new().set_title("Сводная информация по районам").set_author("Координатор"),
    );
    let sheet = book.add_worksheet();
    sheet.set_name("Районы")?;
    let head =
        Format::new().set_bold().set_text_wrap().set_align(FormatAlign::Top).set_border(FormatBorder::Thin);
    let cell = Format::new().set_text_wrap().set_align(FormatAlign::Top).set_border(FormatBorder::Thin);
    let date = cell.clone().set_num_format("dd.mm.yyyy");
    let bold = cell.clone().set_bold();
    sheet.write_string(
        0,
        0,
        format!("Сводная информация по районам, {}", domain::SchoolYear::new(t.year).label),
    )?;
    let mut titles: Vec<String> = vec!["Район".into(), "ОКТМО".into()];
    titles.extend(domain::SUPPORTED.iter().map(|c| c.label().to_owned()));
    titles.extend(
        [
            "Без школы-наставника",
            "Дорожных карт",
            "Мероприятий",
            "Выполнено",
            "Выполнено, %",
            "Просрочено",
            "Пакет от",
            "Сведения устарели",
            "Показатель оценки",
            "Изменение относительно сопоставимых школ",
            "95 % интервал: от",
            "до",
            "Курируемых школ",
            "Сопоставимых школ",
            "Участников",
            "Мало участников",
        ]
        .map(String::from),
    );
    for (c, h) in titles.iter().enumerate() {
        sheet.write_string_with_format(2, c as u16, h, &head)?;
        sheet.set_column_width(c as u16, if c == 0 { 28.0 } else { 12.0 })?;
    }
    let rows = t.rows.iter().chain(std::iter::once(&t.total));
    for (i, r) in rows.enumerate() {
        let row = 3 + i as u32;
        let is_total = r.code.is_empty();
        sheet.write_string_with_format(row, 0, &r.name, if is_total { &bold } else { &cell })?;
        sheet.write_string_with_format(row, 1, &r.code, &cell)?;
        let mut c = 2u16;
        for n in &r.by_category {
            sheet.write_number_with_format(row, c, f64::from(n.schools), &cell)?;
            c += 1;
        }
        for n in [r.without_mentor, r.plans, r.events, r.done] {
            sheet.write_number_with_format(row, c, f64::from(n), &cell)?;
            c += 1;
        }
        match r.percent_done {
            Some(p) => sheet.write_number_with_format(row, c, f64::from(p), &cell)?,
            None => sheet.write_blank(row, c, &cell)?,
        };
        sheet.write_number_with_format(row, c + 1, f64::from(r.overdue), &cell)?;
        match r.made_at {
            Some(at) => {
                let d = at.date();
                let d = ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8)?;
                sheet.write_datetime_with_format(row, c + 2, &d, &date)?
            }
            None => sheet.write_blank(row, c + 2, &cell)?,
        };
        sheet.write_string_with_format(row, c + 3, if r.stale { "да" } else { "" }, &cell)?;
        let c = c + 4;
        let effect =
            districts.iter().find(|d| d.code == r.code && !is_total).and_then(|d| d.summary.effect.as_ref());
        if let Some(e) = effect {
            let round = |x: f64| (x * 10.0).round() / 10.0;
            sheet.write_string_with_format(row, c, &e.metric, &cell)?;
            sheet.write_number_with_format(row, c + 1, round(e.value), &cell)?;
            if let (Some(l), Some(h)) = (e.low, e.high) {
                sheet.write_number_with_format(row, c + 2, round(l), &cell)?;
                sheet.write_number_with_format(row, c + 3, round(h), &cell)?;
            }
            for (k, n) in [e.schools, e.comparison_schools, e.pupils].into_iter().enumerate() {
                sheet.write_number_with_format(row, c + 4 + k as u16, f64::from(n), &cell)?;
            }
            sheet.write_string_with_format(row, c + 7, if e.few { "да" } else { "" }, &cell)?;
        }
    }
    sheet.autofilter(2, 0, 2 + t.rows.len() as u32, titles.len() as u16 - 1)?;
    sheet.set_freeze_panes(3, 1)?;
    book.save_to_buffer()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The roadmap's columns in their order, each of the region's beside the column it goes
    /// with: the section after the number, the dates after the timeframe, the state before the
    /// completion mark, the review flag last.
    #[test]
    fn the_workbook_keeps_its_order() {
        let layout = layout();
        let at = |col: Col| layout.iter().position(|c| c.header() == col.header()).unwrap();
        let fields: Vec<Column> =
            layout.iter().filter_map(|c| if let Col::Field(x) = c { Some(*x) } else { None }).collect();
        assert_eq!(fields, Column::ALL);
        assert_eq!(at(Col::Section), at(Col::Field(Column::Number)) + 1);
        assert_eq!(
            (at(Col::Start), at(Col::End)),
            (at(Col::Field(Column::Timeframe)) + 1, at(Col::Field(Column::Timeframe)) + 2)
        );
        assert_eq!(at(Col::State) + 1, at(Col::Field(Column::Completion)));
        assert_eq!(at(Col::Review), layout.len() - 1);
        assert_eq!(layout.len(), Column::ALL.len() + 5);
    }
}
