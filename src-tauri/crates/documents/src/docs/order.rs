//! The order (приказ) with its annexes, each annex on a new page in its own orientation.

use domain::{AnnexKind, Order, Orientation as AnnexOrientation};

use super::common::{body, ru_date, AnnexMark, District, BODY, INDENT};
use super::overview::overview_part;
use super::roadmap::{roadmap_part, RoadmapOptions};
use super::schools::{pairings_part, working_group_part};
use super::webinars::webinars_part;
use crate::fonts::Style;
use crate::layout::{mm, Align, Block, Cell, Margins, Orientation, PageSetup, Paragraph, Part, Row, Table};
use crate::{build, DocumentError, Meta, Rendered};

/// The order's own pages: requisites, title, preamble, points, signature, executor mark.
fn order_part(o: &Order, margins: Margins) -> Part {
    let setup = PageSetup::a4(Orientation::Portrait, margins);
    let centred = |text: String, style: Style, size: f32| {
        Block::Paragraph(Paragraph::new(text, size).style(style).align(Align::Center))
    };
    let two = |left: String, right: String, left_style: Style| {
        Block::Table(Table {
            widths: vec![60.0, 40.0],
            header: Vec::new(),
            continued: Vec::new(),
            rows: vec![Row::Cells(vec![
                Cell::of(Paragraph::new(left, BODY).style(left_style)),
                Cell::of(Paragraph::new(right, BODY).align(Align::Right)),
            ])],
            borders: false,
            shade: false,
        })
    };
    let mut blocks = vec![
        centred(o.draft.issuer.to_uppercase(), Style::Bold, BODY),
        Block::Space(mm(6.0)),
        centred("ПРИКАЗ".into(), Style::Bold, 16.0),
        Block::Space(mm(4.0)),
        two(ru_date(o.draft.date), format!("№ {}", o.draft.number), Style::Regular),
        centred(o.draft.place.clone(), Style::Regular, BODY),
        Block::Space(mm(6.0)),
        Block::Paragraph(Paragraph::new(o.draft.title.clone(), BODY).style(Style::Bold).align(Align::Center)),
        Block::Space(mm(6.0)),
    ];
    if !o.draft.preamble.is_empty() {
        blocks.push(body(o.draft.preamble.clone()));
    }
    blocks.push(Block::Paragraph(
        Paragraph::new("ПРИКАЗЫВАЮ:", BODY).style(Style::Bold).space(mm(2.0), mm(2.0)),
    ));
    for (i, point) in o.draft.points.iter().enumerate() {
        blocks.push(Block::Paragraph(
            Paragraph::new(format!("{}. {point}", i + 1), BODY)
                .align(Align::Justify)
                .indent(mm(INDENT), 0.0)
                .space(0.0, mm(1.0)),
        ));
    }
    blocks.push(Block::Space(mm(12.0)));
    blocks.push(two(o.draft.signatory_position.clone(), o.draft.signatory_name.clone(), Style::Regular));
    let mark: Vec<&str> = [o.draft.executor_name.as_str(), o.draft.executor_phone.as_str()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect();
    if !mark.is_empty() {
        blocks.push(Block::AtBottom(Paragraph::new(mark.join("\n"), 10.0)));
    }
    Part { setup, blocks }
}

/// The order and every annex it names, in their numbers' order. `overview`: the plan's
/// progress as of the order's date, for an overview annex.
pub fn order_with_annexes(
    d: &District,
    o: &Order,
    roadmap: &RoadmapOptions,
    overview: Option<&domain::Overview>,
    effectiveness: Option<&super::EffectivenessInput>,
    meta: &Meta,
) -> Result<Rendered, DocumentError> {
    let margins = roadmap.margins;
    let mut parts = vec![order_part(o, margins)];
    let numbered = o.annexes.len() > 1;
    for a in &o.annexes {
        let mark = AnnexMark::of(o, a.number, numbered);
        let orientation = match a.draft.orientation {
            AnnexOrientation::Portrait => Orientation::Portrait,
            AnnexOrientation::Landscape => Orientation::Landscape,
        };
        let setup = PageSetup::a4(orientation, margins);
        parts.push(match a.draft.kind {
            AnnexKind::Roadmap => {
                roadmap_part(d, &RoadmapOptions { orientation, ..roadmap.clone() }, Some(&mark))
            }
            AnnexKind::Pairings | AnnexKind::Schools => pairings_part(d, setup, Some(&mark)),
            AnnexKind::WorkingGroup => working_group_part(d, a.draft.working_group_id, setup, Some(&mark)),
            AnnexKind::Webinars => webinars_part(d, setup, Some(&mark)),
            AnnexKind::Overview => {
                let o = overview.ok_or_else(|| {
                    DocumentError::Invalid("Для приложения «Ход реализации» нет данных обзора".into())
                })?;
                overview_part(o, &d.roadmap.plan.title, setup, Some(&mark))
            }
            AnnexKind::Effectiveness => {
                let e = effectiveness.ok_or_else(|| {
                    DocumentError::Invalid(
                        "Для приложения «Аналитическая справка» нет результатов школ: загрузите их в «Результатах»".into(),
                    )
                })?;
                super::effectiveness_part(e, PageSetup::a4(Orientation::Portrait, margins), Some(&mark))
            }
        });
    }
    build(&parts, meta)
}
