//! The webinar schedule: each series with its sessions' date, time, topic, speakers, host, link.

use domain::WebinarSeries;

use super::common::{cell, centred, ru_date, table, title, AnnexMark, District, BODY};
use crate::layout::{mm, Block, Margins, Orientation, PageSetup, Paragraph, Part, Row};
use crate::{build, DocumentError, Meta, Rendered};

pub fn webinars_part(d: &District, setup: PageSetup, mark: Option<&AnnexMark>) -> Part {
    let mut blocks = Vec::new();
    if let Some(m) = mark {
        blocks.push(m.block(setup.area().2 - setup.area().0));
    }
    let plan_series: Vec<&WebinarSeries> =
        d.series.iter().filter(|s| s.plan_id.is_none() || s.plan_id == Some(d.roadmap.plan.id)).collect();
    if plan_series.is_empty() {
        blocks.push(title("График вебинаров"));
        blocks.push(Block::Paragraph(Paragraph::new("Вебинары не запланированы.", BODY)));
    }
    for s in plan_series {
        blocks.push(title(format!("График проведения вебинаров\n{}", domain::text::quoted(&s.title))));
        let about: Vec<String> = [("Организатор", &s.organiser), ("Участники", &s.audience)]
            .iter()
            .filter(|(_, v)| !v.is_empty())
            .map(|(k, v)| format!("{k}: {v}"))
            .collect();
        if !about.is_empty() {
            blocks.push(Block::Paragraph(Paragraph::new(about.join("\n"), BODY).space(0.0, mm(3.0))));
        }
        let rows = s
            .webinars
            .iter()
            .enumerate()
            .map(|(i, w)| {
                let time = match (w.start_time, w.duration_minutes) {
                    (Some(t), Some(m)) => format!("{t}\n({m} мин)"),
                    (Some(t), None) => t.to_string(),
                    (None, _) => "уточняется".to_owned(),
                };
                let speakers = w.speakers.iter().map(|x| x.printed()).collect::<Vec<_>>().join("\n");
                let host = w.host_school_id.and_then(|id| d.school(id)).map(|s| s.draft.short_name.clone());
                Row::Cells(vec![
                    centred(format!("{}.", i + 1)),
                    centred(ru_date(w.date)),
                    centred(time),
                    cell(w.topic.clone()),
                    cell(speakers),
                    cell(host.unwrap_or_default()),
                    cell(w.link.clone()),
                ])
            })
            .collect();
        blocks.push(Block::Table(table(
            vec![5.0, 11.0, 9.0, 34.0, 26.0, 14.0, 14.0],
            &["№ п/п", "Дата", "Время", "Тема", "Выступающие", "Площадка", "Ссылка"],
            rows,
        )));
        blocks.push(Block::Space(mm(6.0)));
    }
    Part { setup, blocks }
}

pub fn webinar_schedule(
    d: &District,
    margins: Margins,
    orientation: Orientation,
    meta: &Meta,
) -> Result<Rendered, DocumentError> {
    build(&[webinars_part(d, PageSetup::a4(orientation, margins), None)], meta)
}
