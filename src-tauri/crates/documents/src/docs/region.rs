//! «Сводная информация о ходе реализации муниципальных дорожных карт …»: the region's table of
//! districts for a school year (supported schools by category, schools without a mentor, the
//! roadmaps' events done and overdue on each package's day, the package's date), the districts
//! whose packages are old, and — when districts have results — each district's own estimate of
//! its support's effect, side by side and never added up.

use domain::region::{DistrictRow, RegionRow, RegionTable};
use domain::SUPPORTED;

use super::common::{body, cell, centred, ru_date, table, title, TABLE};
use crate::fonts::Style;
use crate::layout::{mm, Block, Margins, Orientation, PageSetup, Paragraph, Part, Row};
use crate::{build, DocumentError, Meta, Rendered};

/// What the summary is made of.
pub struct RegionInput<'a> {
    pub table: &'a RegionTable,
    /// Every district (for the effect estimates), as the table's rows name them.
    pub districts: &'a [DistrictRow],
    /// The regional body, above the title; may be empty.
    pub issuer: &'a str,
}

pub fn region_summary_title(t: &RegionTable) -> String {
    let year = domain::SchoolYear::new(t.year);
    let category = t.category.map(|c| format!(" ({})", c.label())).unwrap_or_default();
    format!(
        "Сводная информация о ходе реализации муниципальных дорожных карт по сопровождению школ с низкими \
         образовательными результатами{category}, {}",
        year.label
    )
}

fn heading(text: impl Into<String>) -> Block {
    Block::Paragraph(Paragraph::new(text, 14.0).style(Style::Bold).space(mm(4.0), mm(2.0)))
}

pub fn region_summary(input: &RegionInput, margins: Margins, meta: &Meta) -> Result<Rendered, DocumentError> {
    let t = input.table;
    let setup = PageSetup::a4(Orientation::Landscape, margins);
    let mut blocks = Vec::new();
    if !input.issuer.trim().is_empty() {
        blocks.push(Block::Paragraph(
            Paragraph::new(input.issuer, TABLE).align(crate::layout::Align::Center).space(0.0, mm(4.0)),
        ));
    }
    blocks.push(title(format!("{}\nна {}", region_summary_title(t), ru_date(t.today))));
    let mut titles: Vec<&str> = vec!["№ п/п", "Район (ОКТМО)"];
    let labels: Vec<&str> = SUPPORTED.iter().map(|c| c.label()).collect();
    titles.extend(&labels);
    titles.extend([
        "Без школы-наставника",
        "Дорожных карт",
        "Мероприятий",
        "Выполнено, %",
        "Просрочено",
        "Пакет от",
    ]);
    let mut rows: Vec<Row> = t
        .rows
        .iter()
        .enumerate()
        .map(|(i, r)| {
            district_row(centred(format!("{}.", i + 1)), cell(format!("{}\n({})", r.name, r.code)), r)
        })
        .collect();
    rows.push(district_row(centred(""), bold_cell(&t.total.name), &t.total));
    let mut widths = vec![5.0, 19.0];
    widths.extend(std::iter::repeat_n(7.0, labels.len()));
    widths.extend([10.0, 8.0, 9.0, 9.0, 9.0, 10.0]);
    blocks.push(Block::Table(table(widths, &titles, rows)));
    blocks.push(Block::Space(mm(3.0)));
    blocks.push(body(
        "Школы — по категориям, присвоенным на учебный год; школа с двумя категориями учтена в каждой. \
         Мероприятия выполненные и просроченные — на дату пакета района (у каждого района своя); отменённые \
         мероприятия в процент не входят.",
    ));
    let stale: Vec<String> = t
        .rows
        .iter()
        .filter(|r| r.stale)
        .map(|r| {
            format!("{} (пакет от {})", r.name, r.made_at.map(|a| ru_date(a.date())).unwrap_or_default())
        })
        .collect();
    if !stale.is_empty() {
        blocks.push(body(format!(
            "Сведения устарели (пакет старше {} дней): {}. Запросите у этих районов новые пакеты.",
            domain::region::STALE_DAYS,
            stale.join("; ")
        )));
    }
    let with_effect: Vec<&DistrictRow> = t
        .rows
        .iter()
        .filter_map(|r| input.districts.iter().find(|d| d.code == r.code))
        .filter(|d| d.summary.effect.is_some())
        .collect();
    if !with_effect.is_empty() {
        blocks.push(heading("Результаты и эффективность мер поддержки по оценкам районов"));
        let rows = with_effect
            .iter()
            .enumerate()
            .filter_map(|(i, d)| {
                let e = d.summary.effect.as_ref()?;
                Some(Row::Cells(vec![
                    centred(format!("{}.", i + 1)),
                    cell(d.name.clone()),
                    cell(e.metric.clone()),
                    cell(if e.few {
                        format!("{}\nмало участников, вывод ненадёжен", e.text)
                    } else {
                        e.text.clone()
                    }),
                    centred(format!("{} / {}", e.schools, e.comparison_schools)),
                    centred(domain::text::thousands(u64::from(e.pupils))),
                ]))
            })
            .collect();
        blocks.push(Block::Table(table(
            vec![5.0, 17.0, 22.0, 30.0, 13.0, 13.0],
            &[
                "№ п/п",
                "Район",
                "Показатель",
                "Изменение у курируемых школ относительно сопоставимых школ района",
                "Курируемых / сопоставимых школ",
                "Участников",
            ],
            rows,
        )));
        blocks.push(Block::Space(mm(3.0)));
        blocks.push(body(
            "Каждый район оценил свои курируемые школы относительно сопоставимых школ своего района по своим \
             данным; показатели и процедуры районов могут различаться, поэтому оценки приведены рядом и не \
             складываются. Интервал показывает, насколько оценка может отличаться от истинной из-за случайных \
             колебаний; если он включает ноль, нельзя сказать, что поддержка изменила результаты.",
        ));
    }
    build(&[Part { setup, blocks }], meta)
}

/// A district's line of the table (or the region's total), after its number and name.
fn district_row(number: crate::layout::Cell, name: crate::layout::Cell, r: &RegionRow) -> Row {
    let mut cells = vec![number, name];
    cells.extend(r.by_category.iter().map(|n| centred(n.schools.to_string())));
    cells.extend([
        centred(r.without_mentor.to_string()),
        centred(r.plans.to_string()),
        centred(r.events.to_string()),
        centred(r.percent_done.map_or("—".into(), |p| p.to_string())),
        centred(r.overdue.to_string()),
        centred(match r.made_at {
            Some(at) if r.stale => format!("{}\n(устарел)", ru_date(at.date())),
            Some(at) => ru_date(at.date()),
            None => String::new(),
        }),
    ]);
    Row::Cells(cells)
}

fn bold_cell(text: &str) -> crate::layout::Cell {
    crate::layout::Cell::of(Paragraph::new(text, TABLE).style(Style::Bold))
}
