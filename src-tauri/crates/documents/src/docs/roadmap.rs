//! The roadmap annex: the mark, the title, the optional blocks, then the table with its
//! section rows; the user picks the columns and the orientation.

use domain::{Category, Event};

use super::common::{cell, centred, span, table, title, AnnexMark, District, BODY, TABLE};
use crate::fonts::Style;
use crate::layout::{mm, Align, Block, Margins, Orientation, PageSetup, Paragraph, Part, Row};
use crate::{build, DocumentError, Meta, Rendered};

pub use domain::Column;

/// A column's share of the table's width.
pub(super) fn weight(c: Column) -> f32 {
    c.widths().0
}

/// What a column prints of an event: its value, the number with its dot («2.3.»).
pub(super) fn value(c: Column, e: &Event) -> String {
    match c {
        Column::Number => format!("{}.", e.number.trim_end_matches('.')),
        c => c.value(e),
    }
}

#[derive(Debug, Clone)]
pub struct RoadmapOptions {
    /// Empty: the columns the plan fills ([`Column::filled_in`]).
    pub columns: Vec<Column>,
    pub orientation: Orientation,
    pub margins: Margins,
    pub goal: bool,
    pub tasks: bool,
    pub coordinator: bool,
    /// The lists of supported and mentor schools with their directors.
    pub schools: bool,
}

impl Default for RoadmapOptions {
    fn default() -> Self {
        RoadmapOptions {
            columns: Vec::new(),
            orientation: Orientation::Landscape,
            margins: Margins::STANDARD,
            goal: true,
            tasks: true,
            coordinator: true,
            schools: true,
        }
    }
}

/// The roadmap as a part of a document (an annex of an order, or on its own).
pub fn roadmap_part(d: &District, opts: &RoadmapOptions, mark: Option<&AnnexMark>) -> Part {
    let setup = PageSetup::a4(opts.orientation, opts.margins);
    let mut blocks = Vec::new();
    if let Some(mark) = mark {
        blocks.push(mark.block(setup.area().2 - setup.area().0));
    }
    let plan = &d.roadmap.plan;
    blocks.push(title(plan.title.clone()));
    let labelled = |label: &str, text: String| {
        Block::Paragraph(
            Paragraph::new(format!("{label}: {text}"), BODY).align(Align::Justify).space(0.0, mm(1.0)),
        )
    };
    // Lists of names flush left: justified, their non-breaking «МОБУ СОШ № 6» leave wide gaps.
    let listed = |label: &str, items: Vec<String>| {
        Block::Paragraph(Paragraph::new(format!("{label}: {}", items.join(", ")), BODY).space(0.0, mm(1.0)))
    };
    if opts.goal && !plan.goal.is_empty() {
        blocks.push(labelled("Цель", plan.goal.clone()));
    }
    if opts.tasks && !plan.tasks.is_empty() {
        let tasks: Vec<String> = plan.tasks.iter().map(|t| format!("- {t}")).collect();
        blocks.push(labelled("Задачи", format!("\n{}", tasks.join("\n"))));
    }
    if opts.coordinator {
        if let Some(c) = &plan.coordinator {
            blocks.push(labelled("Муниципальный координатор", c.printed()));
        }
    }
    if opts.schools {
        let year = d.year();
        let list = |cats: &[Category]| {
            d.schools
                .iter()
                .filter(|s| s.draft.categories_in(year).any(|c| cats.contains(&c)))
                .map(|s| format!("{} (директор {})", s.draft.short_name, s.draft.director))
                .collect::<Vec<_>>()
        };
        let supported = list(&[
            Category::LowResults,
            Category::AdverseConditions,
            Category::RiskZone,
            Category::Project500,
        ]);
        let mentors = list(&[Category::Mentor]);
        if !supported.is_empty() {
            blocks.push(listed("Курируемые школы", supported));
        }
        if !mentors.is_empty() {
            blocks.push(listed("Школы-наставники", mentors));
        }
    }
    blocks.push(Block::Space(mm(3.0)));
    let columns = if opts.columns.is_empty() { Column::filled_in(d.roadmap) } else { opts.columns.clone() };
    let titles: Vec<&str> = columns.iter().map(|c| c.title()).collect();
    let mut rows = Vec::new();
    let mut section = None;
    for e in &d.roadmap.events {
        if e.section_id != section {
            section = e.section_id;
            if let Some(s) = d.roadmap.sections.iter().find(|s| Some(s.id) == section) {
                let head = [s.number.as_str(), s.title.as_str()]
                    .iter()
                    .filter(|x| !x.is_empty())
                    .copied()
                    .collect::<Vec<_>>()
                    .join(". ");
                rows.push(section_row(&head));
            }
        }
        rows.push(Row::Cells(
            columns
                .iter()
                .map(|c| if *c == Column::Number { centred(value(*c, e)) } else { cell(value(*c, e)) })
                .collect(),
        ));
    }
    blocks.push(Block::Table(table(columns.iter().map(|c| weight(*c)).collect(), &titles, rows)));
    Part { setup, blocks }
}

/// A section row: its first line bold and centred, a list under it («в реализации: - …») as it is.
fn section_row(text: &str) -> Row {
    match text.split_once('\n') {
        None => span(text),
        Some((head, rest)) => Row::Span(crate::layout::Cell {
            paragraphs: vec![
                Paragraph::new(head, TABLE).style(Style::Bold).align(Align::Center),
                Paragraph::new(rest, TABLE).style(Style::Bold),
            ],
            fills: Vec::new(),
        }),
    }
}

/// The roadmap annex as a document of its own.
pub fn roadmap_annex(
    d: &District,
    opts: &RoadmapOptions,
    mark: Option<&AnnexMark>,
    meta: &Meta,
) -> Result<Rendered, DocumentError> {
    build(&[roadmap_part(d, opts, mark)], meta)
}
