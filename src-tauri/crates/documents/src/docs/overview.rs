//! «Ход реализации дорожной карты на <дату>»: the overview on one portrait page — completion
//! by section with a stacked bar, what is overdue and due within two weeks, the webinar series,
//! the schools by category with their mentors, the «500+» risks with no measure.

use domain::overview::{EventRef, Overview, SectionProgress, DUE_SOON_DAYS};
use domain::timeline::headline;

use super::common::{cell, centred, ru_date, table, title, AnnexMark, TABLE};
use crate::fonts::Style;
use crate::layout::{mm, Block, Cell, CellFill, Margins, Orientation, PageSetup, Paragraph, Part, Row};
use crate::{build, DocumentError, Meta, Rendered};

/// At most this many events in a list; the rest are counted, so the overview stays one page.
const LIST: usize = 5;
/// The lists' type: a little smaller than the tables, for one page.
const LIST_SIZE: f32 = 11.0;

fn heading(text: impl Into<String>) -> Block {
    Block::Paragraph(Paragraph::new(text, TABLE).style(Style::Bold).space(mm(3.0), mm(1.5)))
}

/// Done, in progress, overdue and planned side by side in one cell, as shares of the section.
fn stacked(s: &SectionProgress) -> Cell {
    let total = s.total().max(1) as f32;
    let mut from = 0.0;
    let mut fills = Vec::new();
    for (n, tone) in [(s.done, 0.35), (s.in_progress, 0.55), (s.overdue, 0.0), (s.planned, 0.78)] {
        if n > 0 {
            let to = from + n as f32 / total;
            fills.push(CellFill { from, to, tone, thin: false });
            from = to;
        }
    }
    Cell { paragraphs: vec![Paragraph::new(" ", TABLE)], fills }
}

fn progress_row(s: &SectionProgress, name: String) -> Row {
    Row::Cells(vec![
        cell(name),
        centred(s.total().to_string()),
        centred(s.done.to_string()),
        centred(s.in_progress.to_string()),
        centred(s.overdue.to_string()),
        centred(s.planned.to_string()),
        centred(format!("{} %", s.percent_done())),
        stacked(s),
    ])
}

fn event_list(events: &[EventRef]) -> Block {
    let mut lines: Vec<String> = events
        .iter()
        .take(LIST)
        .map(|e| format!("{} {} — {}", e.number, headline(&e.content, 70), headline(&e.timeframe, 30)))
        .collect();
    if events.len() > LIST {
        lines.push(format!("… и ещё {}", events.len() - LIST));
    }
    Block::Paragraph(Paragraph::new(lines.join("\n"), LIST_SIZE))
}

pub fn overview_document(
    o: &Overview,
    plan_title: &str,
    margins: Margins,
    meta: &Meta,
) -> Result<Rendered, DocumentError> {
    let setup = PageSetup::a4(Orientation::Portrait, margins);
    build(&[overview_part(o, plan_title, setup, None)], meta)
}

/// The overview's page, with an order's annex mark when it is an annex.
pub fn overview_part(o: &Overview, plan_title: &str, setup: PageSetup, mark: Option<&AnnexMark>) -> Part {
    let mut rows: Vec<Row> = o
        .sections
        .iter()
        .map(|s| {
            let name =
                if s.number.is_empty() { s.title.clone() } else { format!("{}. {}", s.number, s.title) };
            progress_row(s, name)
        })
        .collect();
    rows.push(progress_row(&o.total, "Всего".into()));
    let mut blocks: Vec<Block> = mark.map(|m| m.block(setup.area().2 - setup.area().0)).into_iter().collect();
    blocks.extend([
        title(format!(
            "Ход реализации дорожной карты на {}\n{}",
            ru_date(o.as_of),
            domain::text::quoted(plan_title)
        )),
        heading("Выполнение по разделам"),
        Block::Table(table(
            vec![34.0, 8.0, 9.0, 9.0, 9.0, 9.0, 8.0, 14.0],
            &["Раздел", "Всего", "Выполнено", "Выполняется", "Просрочено", "Запланировано", "%", "Ход"],
            rows,
        )),
        heading(format!("Просрочено: {}", o.overdue.len())),
    ]);
    if !o.overdue.is_empty() {
        blocks.push(event_list(&o.overdue));
    }
    blocks.push(heading(format!("В ближайшие {DUE_SOON_DAYS} дней: {}", o.due_soon.len())));
    if !o.due_soon.is_empty() {
        blocks.push(event_list(&o.due_soon));
    }
    if !o.series.is_empty() {
        blocks.push(heading("Вебинары"));
        let lines: Vec<String> = o
            .series
            .iter()
            .map(|s| {
                let next = s.next.map(|d| format!(", следующий — {}", ru_date(d))).unwrap_or_default();
                format!("{}: проведено {}, осталось {}{next}", s.title, s.held, s.left)
            })
            .collect();
        blocks.push(Block::Paragraph(Paragraph::new(lines.join("\n"), LIST_SIZE)));
    }
    if !o.categories.is_empty() {
        blocks.push(heading("Школы и наставники"));
        let lines: Vec<String> = o
            .categories
            .iter()
            .map(|c| {
                let schools: Vec<String> = c
                    .schools
                    .iter()
                    .map(|s| match s.mentors.as_slice() {
                        [] => format!("{} (нет наставника)", s.name),
                        m => format!("{} (наставник: {})", s.name, m.join(", ")),
                    })
                    .collect();
                format!("{} — {}: {}", c.label, c.schools.len(), schools.join("; "))
            })
            .collect();
        blocks.push(Block::Paragraph(Paragraph::new(lines.join("\n"), LIST_SIZE)));
    }
    blocks.push(heading(format!("Риски «500+» без мер: {}", o.uncovered.len())));
    if !o.uncovered.is_empty() {
        let mut lines: Vec<String> =
            o.uncovered.iter().take(LIST).map(|u| format!("{} — {}", u.school, u.factor)).collect();
        if o.uncovered.len() > LIST {
            lines.push(format!("… и ещё {}", o.uncovered.len() - LIST));
        }
        blocks.push(Block::Paragraph(Paragraph::new(lines.join("\n"), LIST_SIZE)));
    }
    Part { setup, blocks }
}
