//! The completion report: per-section counts (done, in progress, overdue) as of a day, then
//! every event with its status and completion mark.

use chrono::NaiveDate;
use domain::{Event, Progress};

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

pub fn completion_report(
    d: &District,
    as_of: NaiveDate,
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
    let mut rows = Vec::new();
    let mut section = None;
    for e in &r.events {
        if e.section_id != section {
            section = e.section_id;
            if let Some(s) = section_of(e) {
                rows.push(span(s.title.lines().next().unwrap_or_default().to_owned()));
            }
        }
        rows.push(Row::Cells(vec![
            centred(format!("{}.", e.number.trim_end_matches('.'))),
            cell(e.content.clone()),
            cell(e.timeframe.text.clone()),
            cell(e.progress(as_of).label()),
            cell(e.completion_mark.clone()),
        ]));
    }
    blocks.push(Block::Table(table(
        vec![6.0, 40.0, 16.0, 16.0, 22.0],
        &["№ п/п", "Мероприятие", "Сроки реализации", "Состояние", "Отметка о выполнении"],
        rows,
    )));
    build(&[Part { setup, blocks }], meta)
}
