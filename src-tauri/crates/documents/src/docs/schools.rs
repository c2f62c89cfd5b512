//! The list of supported schools with their mentor schools, and the working group's membership.

use domain::{Category, MemberRole};

use super::common::{cell, centred, ru_date, table, title, AnnexMark, District};
use crate::layout::{Block, Margins, Orientation, PageSetup, Part, Row};
use crate::{build, DocumentError, Meta, Rendered};

/// Supported schools (ШНОР, ШНСУ, зона риска, «500+») of the plan's year, each with its mentor.
pub fn pairings_part(d: &District, setup: PageSetup, mark: Option<&AnnexMark>) -> Part {
    let mut blocks = Vec::new();
    if let Some(m) = mark {
        blocks.push(m.block(setup.area().2 - setup.area().0));
    }
    let year = d.year();
    blocks.push(title(format!(
        "Закрепление школ-наставников за курируемыми школами\n(межшкольное партнерство, {}–{} гг.)",
        d.roadmap.plan.period.start.format("%Y"),
        d.roadmap.plan.period.end.format("%Y")
    )));
    let supported =
        [Category::LowResults, Category::AdverseConditions, Category::RiskZone, Category::Project500];
    let mut rows = Vec::new();
    for s in d.schools.iter().filter(|s| s.draft.categories_in(year).any(|c| supported.contains(&c))) {
        let categories: Vec<&str> = s.draft.categories_in(year).map(|c| c.label()).collect();
        let mentors: Vec<String> = d
            .pairings
            .iter()
            .filter(|p| p.draft.supported_school_id == s.id)
            .filter_map(|p| {
                let m = d.school(p.draft.mentor_school_id)?;
                Some(format!(
                    "{} (директор {}), {} — {}",
                    m.draft.short_name,
                    m.draft.director,
                    ru_date(p.draft.start),
                    ru_date(p.draft.end)
                ))
            })
            .collect();
        rows.push(Row::Cells(vec![
            centred(format!("{}.", rows.len() + 1)),
            cell(s.draft.short_name.clone()),
            cell(s.draft.director.clone()),
            cell(categories.join(", ")),
            cell(if mentors.is_empty() {
                "не закреплена".to_owned()
            } else {
                mentors.join("\n")
            }),
        ]));
    }
    blocks.push(Block::Table(table(
        vec![6.0, 24.0, 18.0, 14.0, 38.0],
        &["№ п/п", "Курируемая школа", "Директор", "Категория", "Школа-наставник, период"],
        rows,
    )));
    let basis: Vec<String> =
        d.pairings.iter().map(|p| p.draft.basis_order.clone()).filter(|b| !b.is_empty()).collect();
    if let Some(b) = basis.first() {
        blocks.push(Block::Space(crate::layout::mm(4.0)));
        blocks.push(super::common::body(format!("Основание: {b}.")));
    }
    Part { setup, blocks }
}

/// The working group of the plan with each member's role.
pub fn working_group_part(
    d: &District,
    group_id: Option<i64>,
    setup: PageSetup,
    mark: Option<&AnnexMark>,
) -> Part {
    let mut blocks = Vec::new();
    if let Some(m) = mark {
        blocks.push(m.block(setup.area().2 - setup.area().0));
    }
    let group = d
        .groups
        .iter()
        .find(|g| Some(g.id) == group_id)
        .or_else(|| d.groups.iter().find(|g| g.plan_id == Some(d.roadmap.plan.id)));
    match group {
        Some(g) => {
            let of_group = match g.title.strip_prefix("Рабочая группа") {
                Some(rest) => format!("рабочей группы{rest}"),
                None => domain::text::lower_first(&g.title),
            };
            blocks.push(title(format!("Состав\n{of_group}")));
            let rows = g
                .members
                .iter()
                .enumerate()
                .map(|(i, m)| {
                    let role = match m.role {
                        MemberRole::Chair => "председатель",
                        MemberRole::Deputy => "заместитель председателя",
                        MemberRole::Secretary => "секретарь",
                        MemberRole::Member => "член рабочей группы",
                    };
                    Row::Cells(vec![
                        centred(format!("{}.", i + 1)),
                        cell(m.executor.name.clone()),
                        cell(m.executor.position.clone()),
                        cell(role),
                    ])
                })
                .collect();
            blocks.push(Block::Table(table(
                vec![6.0, 22.0, 48.0, 24.0],
                &["№ п/п", "Фамилия, инициалы", "Должность", "Роль в рабочей группе"],
                rows,
            )));
        }
        None => blocks.push(title("Состав рабочей группы не определён")),
    }
    Part { setup, blocks }
}

/// The schools and mentor pairings list as a document of its own.
pub fn schools_list(
    d: &District,
    margins: Margins,
    orientation: Orientation,
    meta: &Meta,
) -> Result<Rendered, DocumentError> {
    build(&[pairings_part(d, PageSetup::a4(orientation, margins), None)], meta)
}
