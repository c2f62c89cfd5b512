//! The completion report: per-section counts (done, in progress, overdue) as of a day, then
//! every event with the chosen roadmap columns and its state as of that day.

use chrono::NaiveDate;
use domain::{Column, Event, Progress};

use super::common::{cell, centred, ru_date, span, table, title, District, BODY};
use crate::layout::{mm, Block, Margins, Orientation, PageSetup, Paragraph, Part, Row};
use crate::{build, DocumentError, Meta, Rendered};

#[derive(Default)]
struct Counts {
    total: usize,
    done: usize,
    in_progress: usize,
    overdue: usize,
    planned: usize,
}

impl Counts {
    fn add(&mut self, p: Progress) {
        self.total += 1;
        match p {
            Progress::Done => self.done += 1,
            Progress::InProgress => self.in_progress += 1,
            Progress::Overdue => self.overdue += 1,
            Progress::Planned | Progress::Cancelled => self.planned += 1,
        }
    }

    fn row(&self, name: String) -> Row {
        Row::Cells(vec![
            cell(name),
            centred(self.total.to_string()),
            centred(self.done.to_string()),
            centred(self.in_progress.to_string()),
            centred(self.overdue.to_string()),
            centred(self.planned.to_string()),
        ])
    }
}

/// The report's event columns when the person chose none: who did it and what proves it are
/// what a report is read for.
pub const REPORT_COLUMNS: [Column; 6] = [
    Column::Number,
    Column::Content,
    Column::Timeframe,
    Column::Executors,
    Column::Evidence,
    Column::Completion,
];

/// `columns`: the roadmap columns to print (empty: [`REPORT_COLUMNS`]); the state as of the day
/// follows the timeframe (or the content, or comes last).
pub fn completion_report(
    d: &District,
    as_of: NaiveDate,
    columns: &[Column],
    margins: Margins,
    orientation: Orientation,
    meta: &Meta,
) -> Result<Rendered, DocumentError> {
    let setup = PageSetup::a4(orientation, margins);
    let r = d.roadmap;
    let mut blocks = vec![
        title(format!(
            "Отчёт о выполнении дорожной карты\n«{}»\nпо состоянию на {}",
            r.plan.title,
            ru_date(as_of)
        )),
        Block::Paragraph(Paragraph::new("Сводка по разделам", BODY).space(mm(2.0), mm(2.0))),
    ];
    let section_of = |e: &Event| e.section_id.and_then(|id| r.sections.iter().find(|s| s.id == id));
    let mut summary = Vec::new();
    let mut all = Counts::default();
    for s in &r.sections {
        let mut c = Counts::default();
        for e in r.events.iter().filter(|e| e.section_id == Some(s.id)) {
            c.add(e.progress(as_of));
            all.add(e.progress(as_of));
        }
        let name = s.title.lines().next().unwrap_or_default().trim_end_matches(':').to_owned();
        summary.push(c.row(name));
    }
    let mut loose = Counts::default();
    for e in r.events.iter().filter(|e| section_of(e).is_none()) {
        loose.add(e.progress(as_of));
        all.add(e.progress(as_of));
    }
    if loose.total > 0 {
        summary.push(loose.row("Вне разделов".into()));
    }
    summary.push(all.row("Всего".into()));
    blocks.push(Block::Table(table(
        vec![40.0, 10.0, 12.0, 12.0, 12.0, 14.0],
        &["Раздел", "Всего", "Выполнено", "Выполняется", "Просрочено", "Запланировано"],
        summary,
    )));
    blocks.push(Block::Paragraph(Paragraph::new("Мероприятия", BODY).space(mm(6.0), mm(2.0))));
    let columns = if columns.is_empty() { &REPORT_COLUMNS[..] } else { columns };
    let state_at = columns
        .iter()
        .position(|c| *c == Column::Timeframe)
        .or_else(|| columns.iter().position(|c| *c == Column::Content))
        .map_or(columns.len(), |i| i + 1);
    // The state's words («запланировано», «просрочено») fit unbroken even in portrait, and the
    // evidence header («Документы, фиксирующие результат») keeps its words whole in landscape:
    // the content gives up some width for them.
    let weight = |c: Column| match c {
        Column::Content => 34.0,
        Column::Evidence => 18.0,
        c => super::roadmap::weight(c),
    };
    let mut widths: Vec<f32> = columns.iter().map(|c| weight(*c)).collect();
    widths.insert(state_at, 20.0);
    let mut titles: Vec<&str> = columns.iter().map(|c| c.title()).collect();
    titles.insert(state_at, "Состояние");
    let mut rows = Vec::new();
    let mut section = None;
    for e in &r.events {
        if e.section_id != section {
            section = e.section_id;
            if let Some(s) = section_of(e) {
                rows.push(span(s.title.lines().next().unwrap_or_default().to_owned()));
            }
        }
        let mut cells: Vec<_> = columns
            .iter()
            .map(|c| {
                let text = super::roadmap::value(*c, e);
                if *c == Column::Number {
                    centred(text)
                } else {
                    cell(text)
                }
            })
            .collect();
        cells.insert(state_at, cell(e.progress(as_of).label()));
        rows.push(Row::Cells(cells));
    }
    blocks.push(Block::Table(table(widths, &titles, rows)));
    build(&[Part { setup, blocks }], meta)
}
