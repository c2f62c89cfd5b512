//! A plan on a time axis («Шкала времени»): each event's marks drawn from what its timeframe
//! means — a bar over a range, month or quarter, a point for a date, a deadline with a faint
//! lead-in from the plan's start for «до …», one mark per occurrence of a recurring event, a thin
//! bar over the period for a continuous one; free ones listed apart as «без срока». The window
//! and the PDF draw the same rows, so they never disagree.

use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;

use crate::{Event, Id, Period, Progress, Roadmap, TimeframeKind, WebinarSeries};

/// How a mark is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum MarkKind {
    /// A range, month, quarter or half-year: a bar over its days.
    Bar,
    /// A single day.
    Point,
    /// «до …»: a marker on the day, with a faint lead-in from `lead_from`.
    Deadline,
    /// «в течение года», «постоянно»: a thin bar over the span.
    Continuous,
}

/// One mark on an event's row; both days included.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Mark {
    pub kind: MarkKind,
    pub start: NaiveDate,
    pub end: NaiveDate,
    /// Where a deadline's lead-in starts (the plan's start).
    pub lead_from: Option<NaiveDate>,
}

/// An event's row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct TimelineRow {
    pub event_id: Id,
    pub number: String,
    pub content: String,
    /// 0 for an event, 1 for a sub-event…
    pub depth: u32,
    pub timeframe: String,
    pub progress: Progress,
    /// Empty for an event without a timeframe the program can place («без срока»).
    pub marks: Vec<Mark>,
}

/// A section and its rows, in the plan's order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct TimelineSection {
    pub section_id: Option<Id>,
    pub number: String,
    pub title: String,
    pub rows: Vec<TimelineRow>,
}

/// A webinar series on its own row: one point per session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct SeriesRow {
    pub series_id: Id,
    pub title: String,
    pub sessions: Vec<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Timeline {
    /// The axis: the plan's period, widened to every mark.
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub as_of: NaiveDate,
    pub sections: Vec<TimelineSection>,
    /// Events whose timeframe cannot be placed: listed apart, never guessed.
    pub unplaced: Vec<TimelineRow>,
    pub series: Vec<SeriesRow>,
}

/// The marks of one event in the plan's period.
pub fn marks(e: &Event, period: &Period) -> Vec<Mark> {
    let tf = &e.timeframe;
    let mut out = Vec::new();
    for part in &tf.parts {
        let Some(end) = part.end else { continue };
        if part.kind == TimeframeKind::Until {
            out.push(Mark {
                kind: MarkKind::Deadline,
                start: end,
                end,
                lead_from: Some(period.start.min(end)),
            });
            continue;
        }
        let Some(start) = part.start else { continue };
        if part.recurrence.is_some() {
            // One mark per occurrence, cut to the part's span.
            let one = timeframe::Timeframe::new(
                String::new(),
                part.kind,
                (part.start, part.end),
                vec![part.clone()],
                None,
                part.recurrence,
                Vec::new(),
            );
            out.extend(one.occurrences().into_iter().map(|s| Mark {
                kind: if s.start == s.end { MarkKind::Point } else { MarkKind::Bar },
                start: s.start,
                end: s.end,
                lead_from: None,
            }));
            continue;
        }
        let kind = match part.kind {
            TimeframeKind::Continuous => MarkKind::Continuous,
            _ if start == end => MarkKind::Point,
            _ => MarkKind::Bar,
        };
        out.push(Mark { kind, start, end, lead_from: None });
    }
    out
}

/// The timeline of a plan as of a day, with the series that belong to it.
pub fn timeline(r: &Roadmap, series: &[WebinarSeries], as_of: NaiveDate) -> Timeline {
    let period = r.plan.period;
    let depth_of = depths(r);
    let row = |e: &Event| TimelineRow {
        event_id: e.id,
        number: e.number.clone(),
        content: e.content.clone(),
        depth: depth_of(e),
        timeframe: e.timeframe.text.clone(),
        progress: e.progress(as_of),
        marks: marks(e, &period),
    };
    let mut sections: Vec<TimelineSection> = Vec::new();
    let mut unplaced = Vec::new();
    for e in &r.events {
        let row = row(e);
        if row.marks.is_empty() {
            unplaced.push(row.clone());
        }
        let starts_section = sections.last().is_none_or(|s| s.section_id != e.section_id);
        if starts_section {
            let section = e.section_id.and_then(|id| r.sections.iter().find(|s| s.id == id));
            sections.push(TimelineSection {
                section_id: e.section_id,
                number: section.map(|s| s.number.clone()).unwrap_or_default(),
                title: section.map_or_else(|| "Вне разделов".to_owned(), |s| first_line(&s.title)),
                rows: Vec::new(),
            });
        }
        if let Some(s) = sections.last_mut() {
            s.rows.push(row);
        }
    }
    let series: Vec<SeriesRow> = series
        .iter()
        .filter(|s| s.plan_id == Some(r.plan.id))
        .map(|s| SeriesRow {
            series_id: s.id,
            title: s.title.clone(),
            sessions: s.webinars.iter().map(|w| w.date).collect(),
        })
        .collect();
    let days = sections
        .iter()
        .flat_map(|s| s.rows.iter())
        .flat_map(|r| r.marks.iter().flat_map(|m| [m.start, m.end]))
        .chain(series.iter().flat_map(|s| s.sessions.iter().copied()));
    let (start, end) = days.fold((period.start, period.end), |(a, b), d| (a.min(d), b.max(d)));
    Timeline { start, end, as_of, sections, unplaced, series }
}

/// Each event's depth under its parents, looked up once per event.
fn depths(r: &Roadmap) -> impl Fn(&Event) -> u32 + '_ {
    let parents: std::collections::HashMap<Id, Option<Id>> =
        r.events.iter().map(|e| (e.id, e.parent_id)).collect();
    move |e: &Event| {
        let (mut depth, mut at) = (0, e.parent_id);
        while let Some(p) = at {
            depth += 1;
            at = parents.get(&p).copied().flatten();
            if depth > 16 {
                break;
            }
        }
        depth
    }
}

/// An event's text shortened for a line of a chart or a list: its first line, without the
/// colon that introduces a list, cut at a word within `max` characters with «…».
pub fn headline(text: &str, max: usize) -> String {
    let line = first_line(text);
    if line.chars().count() <= max {
        return line;
    }
    let cut: String = line.chars().take(max).collect();
    let at = cut.rfind(' ').filter(|&i| i > max / 2).unwrap_or(cut.len());
    format!("{}…", cut[..at].trim_end_matches([',', ';', ' ', '-', '—']))
}

pub(crate) fn first_line(text: &str) -> String {
    text.lines().next().unwrap_or_default().trim().trim_end_matches(':').to_owned()
}

/// The months of the axis as (first day, last day), for the grid of the window and the print.
pub fn months(start: NaiveDate, end: NaiveDate) -> Vec<(NaiveDate, NaiveDate)> {
    use chrono::{Datelike, Months};
    let mut out = Vec::new();
    let Some(mut m) = start.with_day(1) else { return out };
    while m <= end && out.len() < 240 {
        let Some(next) = m.checked_add_months(Months::new(1)) else { break };
        out.push((m, next.pred_opt().unwrap_or(m)));
        m = next;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Section;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn event(id: Id, number: &str, text: &str, parent: Option<Id>, period: &Period) -> Event {
        Event {
            section_id: Some(1),
            parent_id: parent,
            number: number.into(),
            content: format!("Мероприятие {number}"),
            timeframe: timeframe::parse(text, period),
            ..crate::fixture::event(id)
        }
    }

    fn roadmap(texts: &[&str]) -> Roadmap {
        let period = Period { start: d(2022, 9, 1), end: d(2023, 8, 31) };
        Roadmap {
            sections: vec![Section {
                number: "1".into(),
                title: "Организационные мероприятия:\nвторая строка".into(),
                ..crate::fixture::section(1)
            }],
            events: texts
                .iter()
                .enumerate()
                .map(|(i, t)| event(i as Id + 1, &format!("1.{}", i + 1), t, None, &period))
                .collect(),
            ..crate::fixture::roadmap(Vec::new())
        }
    }

    #[test]
    fn each_kind_of_timeframe_has_its_mark() {
        let r = roadmap(&[
            "01.10.2022 – 15.11.2022",
            "16.02.2023",
            "до 10 марта 2023 г.",
            "в течение года",
            "I квартал 2023 г.",
            "ежемесячно",
            "по мере необходимости",
        ]);
        let t = timeline(&r, &[], d(2023, 1, 10));
        let rows = &t.sections[0].rows;
        assert_eq!(t.sections[0].title, "Организационные мероприятия");
        assert_eq!(
            rows[0].marks,
            vec![Mark { kind: MarkKind::Bar, start: d(2022, 10, 1), end: d(2022, 11, 15), lead_from: None }]
        );
        assert_eq!(
            rows[1].marks,
            vec![Mark { kind: MarkKind::Point, start: d(2023, 2, 16), end: d(2023, 2, 16), lead_from: None }]
        );
        assert_eq!(
            rows[2].marks,
            vec![Mark {
                kind: MarkKind::Deadline,
                start: d(2023, 3, 10),
                end: d(2023, 3, 10),
                lead_from: Some(d(2022, 9, 1))
            }]
        );
        assert_eq!(rows[3].marks[0].kind, MarkKind::Continuous);
        assert_eq!((rows[3].marks[0].start, rows[3].marks[0].end), (d(2022, 9, 1), d(2023, 8, 31)));
        assert_eq!((rows[4].marks[0].start, rows[4].marks[0].end), (d(2023, 1, 1), d(2023, 3, 31)));
        // Monthly: one bar per month of the period.
        assert_eq!(rows[5].marks.len(), 12);
        assert_eq!((rows[5].marks[1].start, rows[5].marks[1].end), (d(2022, 10, 1), d(2022, 10, 31)));
        // The conditional one is listed apart, not guessed.
        assert!(rows[6].marks.is_empty());
        assert_eq!(t.unplaced.len(), 1);
        assert_eq!(t.unplaced[0].number, "1.7");
        // As of 10 January: the first is overdue, the continuous one under way.
        assert_eq!(rows[0].progress, Progress::Overdue);
        assert_eq!(rows[3].progress, Progress::InProgress);
        assert_eq!((t.start, t.end), (d(2022, 9, 1), d(2023, 8, 31)));
    }

    #[test]
    fn sub_events_are_deeper_and_the_axis_widens_to_every_mark() {
        let mut r = roadmap(&["сентябрь 2022", "октябрь 2023"]);
        r.events[1].parent_id = Some(1);
        let t = timeline(&r, &[], d(2022, 9, 1));
        assert_eq!(t.sections[0].rows[1].depth, 1);
        assert_eq!(t.end, d(2023, 10, 31));
        assert_eq!(months(d(2022, 9, 15), d(2022, 11, 1)).len(), 3);
        assert_eq!(headline("Заседание рабочей группы:\n- знакомство", 80), "Заседание рабочей группы");
        assert_eq!(
            headline("Издание приказа Управления образования г. Таганрога", 30),
            "Издание приказа Управления…"
        );
    }
}
