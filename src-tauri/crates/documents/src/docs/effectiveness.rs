//! «Аналитическая справка о результатах и эффективности мер поддержки школ с низкими
//! образовательными результатами за <годы>»: the findings on the first page, the charts (the
//! groups over the years, each school's estimate with its interval), the table of supported
//! schools with what each got, the cohorts, and the method in plain Russian.

use domain::effectiveness::{estimate_text, signed, with_pupils, Analysis, SchoolSupport};

use super::common::{body, cell, centred, table, title, AnnexMark, TABLE};
use crate::fonts::Style;
use crate::layout::{
    mm, Align, Block, Chart, ChartKind, IntervalRow, Margins, Orientation, PageSetup, Paragraph, Part, Row,
    Series,
};
use crate::{build, DocumentError, Meta, Rendered};

/// What the справка needs besides the analysis.
pub struct EffectivenessInput<'a> {
    pub analysis: &'a Analysis,
    pub support: &'a [SchoolSupport],
    /// The education body, above the title.
    pub issuer: &'a str,
    /// «Баркалова Е.В., главный специалист»: who prepared it.
    pub coordinator: &'a str,
    /// «16 февраля 2023 г.».
    pub date: String,
}

/// «за 2021–2023 годы».
pub fn years_label(a: &Analysis) -> String {
    match (a.years.first(), a.years.last()) {
        (Some(f), Some(l)) if f != l => format!("за {f}–{l} годы"),
        (Some(f), _) => format!("за {f} год"),
        _ => String::new(),
    }
}

pub fn effectiveness_title(a: &Analysis) -> String {
    format!(
        "Аналитическая справка о результатах и эффективности мер поддержки школ с низкими образовательными \
         результатами {}",
        years_label(a)
    )
}

pub fn effectiveness_report(
    input: &EffectivenessInput,
    margins: Margins,
    meta: &Meta,
) -> Result<Rendered, DocumentError> {
    let setup = PageSetup::a4(Orientation::Portrait, margins);
    build(&[effectiveness_part(input, setup, None)], meta)
}

fn heading(text: impl Into<String>) -> Block {
    Block::Paragraph(Paragraph::new(text, 14.0).style(Style::Bold).space(mm(4.0), mm(2.0)))
}

fn small(text: impl Into<String>) -> Block {
    Block::Paragraph(Paragraph::new(text, 10.0).space(mm(1.0), mm(2.0)))
}

/// The справка's pages (an order's annex when `mark` is given).
pub fn effectiveness_part(input: &EffectivenessInput, setup: PageSetup, mark: Option<&AnnexMark>) -> Part {
    let a = input.analysis;
    let unit = a.change_unit.as_str();
    let few = a.settings.min_participants;
    // A district's own indicator has no pupils behind it: no small-numbers notes.
    let pupils = a.settings.indicator.is_none();
    let hollow = if pupils {
        format!("Полые точки — меньше {few} участников. ")
    } else {
        String::new()
    };
    let grey = if pupils {
        format!(" Серым — меньше {few} участников.")
    } else {
        String::new()
    };
    let (left, _, right, _) = setup.area();
    let width = right - left;
    let mut blocks: Vec<Block> = mark.map(|m| m.block(width)).into_iter().collect();
    if !input.issuer.trim().is_empty() {
        blocks.push(Block::Paragraph(
            Paragraph::new(input.issuer.trim(), 12.0).align(Align::Center).space(0.0, mm(2.0)),
        ));
    }
    blocks.push(title(effectiveness_title(a)));
    let (values, obtained) = if a.settings.indicator.is_some() {
        ("Значения", "относится значение")
    } else {
        ("Результаты", "получен результат")
    };
    blocks.push(body(format!(
        "Показатель: {} ({}). {values} {} школ района; школы под поддержкой — со статусом ШНОР, ШНСУ, \
         «в зоне риска» или «500+» в учебном году, к концу которого {obtained}.",
        domain::text::lower_first(&a.metric_label),
        a.filter_label,
        a.schools.iter().filter(|s| !s.series.is_empty()).count()
    )));
    blocks.push(heading("Основные выводы"));
    for f in &a.findings {
        blocks.push(body(f.clone()));
    }

    // The groups over the years.
    let series = vec![
        Series {
            label: "школы, получавшие поддержку".into(),
            points: a.ever_supported.iter().map(|p| (p.year, p.value, p.few)).collect(),
            tone: 0.0,
            width: 1.6,
        },
        Series {
            label: "школы без поддержки".into(),
            points: a.never_supported.iter().map(|p| (p.year, p.value, p.few)).collect(),
            tone: 0.55,
            width: 1.2,
        },
        Series {
            label: "район в целом".into(),
            points: a.district.iter().map(|p| (p.year, p.value, p.few)).collect(),
            tone: 0.75,
            width: 0.6,
        },
    ];
    let group_rows: Vec<Row> = a
        .years
        .iter()
        .map(|&y| {
            let at = |pts: &[domain::effectiveness::Point]| {
                pts.iter().find(|p| p.year == y).map_or("—".to_owned(), |p| p.text())
            };
            Row::Cells(vec![
                centred(y.to_string()),
                centred(at(&a.ever_supported)),
                centred(at(&a.never_supported)),
                centred(at(&a.supported_group)),
                centred(at(&a.district)),
            ])
        })
        .collect();
    let group_table = table(
        vec![10.0, 23.0, 23.0, 22.0, 22.0],
        &["Год", "Получавшие поддержку", "Без поддержки", "Под поддержкой в этот год", "Район"],
        group_rows,
    );
    blocks.push(Block::Chart(Chart {
        title: format!("{} по годам", a.metric_label),
        height: 210.0,
        kind: ChartKind::Lines { years: a.years.clone(), series, unit: a.metric_label.clone() },
        table: group_table.clone(),
    }));
    blocks.push(small(format!(
        "{hollow}«Получавшие поддержку» — школы, у которых статус был хотя бы в одном году, за все годы, \
         включая годы до поддержки; «под поддержкой в этот год» — только школы со статусом в том учебном году."
    )));
    blocks.push(Block::Table(group_table));

    // Each supported school against its comparison schools.
    let supported: Vec<&domain::effectiveness::SchoolAnalysis> =
        a.schools.iter().filter(|s| s.cohort.is_some() && !s.series.is_empty()).collect();
    let mut rows: Vec<IntervalRow> = supported
        .iter()
        .filter_map(|s| {
            let e = s.effect.as_ref()?;
            Some(IntervalRow {
                label: s.name.clone(),
                value: e.value,
                low: e.low,
                high: e.high,
                faint: e.few,
            })
        })
        .collect();
    if let Some(e) = &a.overall {
        rows.push(IntervalRow {
            label: "Все школы под поддержкой".into(),
            value: e.value,
            low: e.low,
            high: e.high,
            faint: e.few,
        });
    }
    if !rows.is_empty() {
        let table_rows: Vec<Row> = rows
            .iter()
            .map(|r| {
                let interval = match (r.low, r.high) {
                    (Some(l), Some(h)) => format!("от {} до {}", signed(l), signed(h)),
                    _ => "—".into(),
                };
                Row::Cells(vec![cell(r.label.clone()), centred(signed(r.value)), centred(interval)])
            })
            .collect();
        let better = if a.higher_is_better { "правее нуля" } else { "левее нуля" };
        blocks.push(Block::Chart(Chart {
            title: "Разница с сопоставимыми школами".into(),
            height: (rows.len() as f32 * 16.0 + 80.0).min(420.0),
            kind: ChartKind::Intervals {
                rows,
                unit: if unit.is_empty() {
                    "разница изменений".into()
                } else {
                    format!("разница изменений, {unit}")
                },
            },
            table: table(vec![50.0, 20.0, 30.0], &["Школа", "Разница", "95 % интервал"], table_rows),
        }));
        blocks.push(small(format!(
            "Квадрат — оценка, отрезок — 95 % интервал; лучше, чем у сопоставимых школ, — {better}.{grey} Если \
             отрезок пересекает ноль, отличие не доказано."
        )));
    }

    // The table of supported schools with what each got.
    if !supported.is_empty() {
        blocks.push(heading("Школы под поддержкой: результаты и меры"));
        let rows: Vec<Row> = supported
            .iter()
            .map(|s| {
                let series: Vec<String> = s
                    .series
                    .iter()
                    .map(|p| {
                        let few = if p.few { "*" } else { "" };
                        format!("{}: {}{few}", p.year, p.text())
                    })
                    .collect();
                let effect = s.effect.as_ref().map_or("—".to_owned(), |e| estimate_text(e, unit));
                let support = input.support.iter().find(|x| x.school_id == s.school_id);
                let mut measures = Vec::new();
                if let Some(x) = support {
                    if x.events > 0 {
                        measures.push(format!(
                            "мероприятий {}: выполнено {}, просрочено {}",
                            x.events, x.done, x.overdue
                        ));
                    }
                    if !x.mentors.is_empty() {
                        measures.push(format!("наставник: {}", x.mentors.join("; ")));
                    }
                    measures.extend(x.risks.iter().cloned());
                }
                if measures.is_empty() {
                    measures.push("мер в программе не записано".into());
                }
                Row::Cells(vec![
                    cell(s.name.clone()),
                    cell(series.join("\n")),
                    cell(format!("{effect}\n{}", s.trend.label())),
                    cell(measures.join("\n")),
                ])
            })
            .collect();
        blocks.push(Block::Table(table(
            vec![20.0, 20.0, 30.0, 30.0],
            &[
                "Школа",
                if pupils { "По годам (участники)" } else { "По годам" },
                "Разница с сопоставимыми",
                "Меры поддержки",
            ],
            rows,
        )));
        if pupils {
            blocks.push(small(format!("* меньше {few} участников: вывод ненадёжен.")));
        }
    }

    if !a.cohorts.is_empty() {
        blocks.push(heading("По годам начала поддержки"));
        let rows: Vec<Row> = a
            .cohorts
            .iter()
            .map(|c| {
                let e = &c.estimate;
                Row::Cells(vec![
                    centred(format!("{}/{}", c.cohort - 1, c.cohort % 100)),
                    centred(format!("{}→{}", c.base_year, c.year)),
                    centred(with_pupils(e.schools.to_string(), e.pupils)),
                    centred(e.comparison_schools.to_string()),
                    centred(signed(e.naive)),
                    cell(estimate_text(e, unit)),
                ])
            })
            .collect();
        blocks.push(Block::Table(table(
            vec![14.0, 14.0, 16.0, 14.0, 12.0, 30.0],
            &[
                "Начало поддержки",
                "Годы",
                if pupils { "Школ (участников)" } else { "Школ" },
                "Сопоставимых школ",
                "До/после",
                "Разница",
            ],
            rows,
        )));
    }

    blocks.push(heading("Как получены цифры"));
    for m in &a.method {
        blocks.push(body(m.clone()));
    }
    blocks.push(Block::Space(mm(8.0)));
    let who = if input.coordinator.trim().is_empty() {
        "Справку подготовил(а):"
    } else {
        input.coordinator.trim()
    };
    blocks.push(Block::Paragraph(Paragraph::new(format!("{who}    ____________    {}", input.date), TABLE)));
    Part { setup, blocks }
}
