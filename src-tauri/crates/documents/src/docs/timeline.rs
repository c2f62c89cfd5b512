//! «Шкала времени» in print: the plan's events as bars over a month grid (landscape, A4 or A3),
//! section rows across the table, the header repeated on every page, webinar sessions on their
//! own rows, events without a placeable timeframe listed apart.

use chrono::{Datelike, NaiveDate};
use domain::timeline::{headline, months, Mark, MarkKind, Timeline};
use domain::Progress;

use super::common::{cell, ru_date, span, title, TABLE};
use crate::fonts::Style;
use crate::layout::{
    mm, Align, Block, Cell, CellFill, Margins, Orientation, PageSetup, Paper, Paragraph, Part, Row, Table,
};
use crate::{build, DocumentError, Meta, Rendered};

/// The grid's type: small enough for twelve months or more across a landscape page.
const GRID: f32 = 9.0;

/// Short Russian month names for the grid's header.
const MONTHS: [&str; 12] =
    ["янв.", "февр.", "март", "апр.", "май", "июнь", "июль", "авг.", "сент.", "окт.", "нояб.", "дек."];

/// The grey of a bar by where the event stands: darker is further along, black is overdue.
fn tone(p: Progress) -> f32 {
    match p {
        Progress::Overdue => 0.0,
        Progress::Done => 0.35,
        Progress::InProgress => 0.55,
        Progress::Planned => 0.72,
        Progress::Cancelled => 0.88,
    }
}

/// The part of `(first, last)` a span of days covers, as fractions of the month's width.
fn fraction(start: NaiveDate, end: NaiveDate, (first, last): (NaiveDate, NaiveDate)) -> Option<(f32, f32)> {
    if end < first || start > last {
        return None;
    }
    let days = (last - first).num_days() as f32 + 1.0;
    let from = (start.max(first) - first).num_days() as f32 / days;
    let to = ((end.min(last) - first).num_days() as f32 + 1.0) / days;
    Some((from, to))
}

/// The cells of one row of the grid: each mark cut into the months it covers, and the day of
/// the report as a narrow dark band.
fn grid_cells(marks: &[Mark], p: Progress, grid: &[(NaiveDate, NaiveDate)], as_of: NaiveDate) -> Vec<Cell> {
    grid.iter()
        .map(|&month| {
            let mut fills = Vec::new();
            for m in marks {
                if let (MarkKind::Deadline, Some(lead)) = (m.kind, m.lead_from) {
                    if let Some((from, to)) = fraction(lead, m.end, month) {
                        fills.push(CellFill { from, to, tone: 0.8, thin: true });
                    }
                }
                let (start, thin) = match m.kind {
                    MarkKind::Continuous => (m.start, true),
                    _ => (m.start, false),
                };
                if let Some((from, to)) = fraction(start, m.end, month) {
                    fills.push(CellFill { from, to, tone: tone(p), thin });
                }
            }
            if let Some((from, _)) = fraction(as_of, as_of, month) {
                fills.push(CellFill { from, to: from, tone: 0.45, thin: false });
            }
            Cell { paragraphs: Vec::new(), fills }
        })
        .collect()
}

fn head(text: impl Into<String>) -> Cell {
    Cell::of(Paragraph::new(text, GRID).style(Style::Bold).align(Align::Center))
}

pub fn timeline_document(
    t: &Timeline,
    plan_title: &str,
    paper: Paper,
    margins: Margins,
    meta: &Meta,
) -> Result<Rendered, DocumentError> {
    let setup = PageSetup { orientation: Orientation::Landscape, margins, paper };
    let grid = months(t.start, t.end);
    // The number and the title take as much as the months; the months share the rest.
    let text_share = if paper == Paper::A3 { 0.35 } else { 0.42 };
    let month_width = (1.0 - text_share) / grid.len().max(1) as f32;
    let mut widths = vec![0.06, text_share - 0.06];
    widths.extend(std::iter::repeat_n(month_width, grid.len()));
    // A narrow month (a long plan on A4) is labelled «03 / 22» in smaller type, so that no
    // label is broken letter by letter.
    let (left, _, right, _) = setup.area();
    let narrow = (right - left) * month_width < mm(11.5);
    let header = Row::Cells(
        [head("№"), head("Мероприятие")]
            .into_iter()
            .chain(grid.iter().map(|(first, _)| {
                if narrow {
                    let label = format!("{:02}\n{:02}", first.month(), first.year() % 100);
                    Cell::of(Paragraph::new(label, 7.0).style(Style::Bold).align(Align::Center))
                } else {
                    head(format!("{}\n{}", MONTHS[first.month0() as usize], first.year()))
                }
            }))
            .collect(),
    );
    let mut rows = Vec::new();
    for s in &t.sections {
        let name = if s.number.is_empty() { s.title.clone() } else { format!("{}. {}", s.number, s.title) };
        rows.push(span(name));
        for r in &s.rows {
            let content =
                Paragraph::new(headline(&r.content, 110), GRID).indent(0.0, mm(3.0) * r.depth as f32);
            let mut cells = vec![
                Cell::of(Paragraph::new(r.number.clone(), GRID).align(Align::Center)),
                Cell::of(content),
            ];
            cells.extend(grid_cells(&r.marks, r.progress, &grid, t.as_of));
            rows.push(Row::Cells(cells));
        }
    }
    if !t.series.is_empty() {
        rows.push(span("Вебинары"));
        for s in &t.series {
            let marks: Vec<Mark> = s
                .sessions
                .iter()
                .map(|&d| Mark { kind: MarkKind::Point, start: d, end: d, lead_from: None })
                .collect();
            let mut cells = vec![Cell::default(), Cell::of(Paragraph::new(s.title.clone(), GRID))];
            cells.extend(grid_cells(&marks, Progress::Planned, &grid, t.as_of));
            rows.push(Row::Cells(cells));
        }
    }
    let mut blocks = vec![
        title(format!(
            "Шкала времени дорожной карты\n{}\nпо состоянию на {}",
            domain::text::quoted(plan_title),
            ru_date(t.as_of)
        )),
        Block::Table(Table {
            widths,
            header: vec![header.clone()],
            continued: vec![header],
            rows,
            borders: true,
            shade: true,
        }),
        Block::Paragraph(
            Paragraph::new(
                format!(
                    "Обозначения: чёрная полоса — просрочено, тёмно-серая — выполнено, серая — выполняется, \
                     светло-серая — запланировано, бледная — отменено; тонкая линия — в течение всего срока или \
                     подготовка к сроку «до …»; короткая отметка — дата; вертикальные отметки — {}.",
                    ru_date(t.as_of)
                ),
                GRID,
            )
            .space(mm(3.0), 0.0),
        ),
    ];
    if !t.unplaced.is_empty() {
        blocks.push(Block::Paragraph(
            Paragraph::new("Без срока (срок не удалось поставить на шкалу)", TABLE)
                .style(Style::Bold)
                .space(mm(4.0), mm(2.0)),
        ));
        let rows = t
            .unplaced
            .iter()
            .map(|r| {
                Row::Cells(vec![
                    cell(r.number.clone()),
                    cell(headline(&r.content, 200)),
                    cell(r.timeframe.clone()),
                ])
            })
            .collect();
        let head = |t: &str| Cell::of(Paragraph::new(t, TABLE).style(Style::Bold).align(Align::Center));
        let header = Row::Cells(vec![head("№"), head("Мероприятие"), head("Срок, как написан")]);
        blocks.push(Block::Table(Table {
            widths: vec![8.0, 62.0, 30.0],
            header: vec![header.clone()],
            continued: vec![header],
            rows,
            borders: true,
            shade: true,
        }));
    }
    build(&[Part { setup, blocks }], meta)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_month_is_cut_by_its_days() {
        let d = |m, day| NaiveDate::from_ymd_opt(2023, m, day).unwrap();
        let march = (d(3, 1), d(3, 31));
        assert_eq!(fraction(d(3, 1), d(3, 31), march), Some((0.0, 1.0)));
        assert_eq!(fraction(d(2, 1), d(2, 28), march), None);
        let (from, to) = fraction(d(3, 16), d(4, 20), march).unwrap();
        assert!((from - 15.0 / 31.0).abs() < 1e-6 && (to - 1.0).abs() < 1e-6);
    }
}
