//! The year as dated entries: every placed occurrence of a roadmap event and every webinar
//! session. The window's calendar and the ICS export both read these.

use chrono::NaiveDate;
use domain::{Id, Progress, Roadmap, TimeOfDay, TimeframeKind, WebinarSeries};
use serde::Serialize;
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum EntryKind {
    Event,
    Webinar,
}

/// One thing on the calendar.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct CalendarEntry {
    /// Stable across exports: «event-12-1», «webinar-3».
    pub uid: String,
    pub kind: EntryKind,
    /// The event's or the webinar's id.
    #[ts(type = "number")]
    pub source_id: Id,
    #[ts(type = "number | null")]
    pub plan_id: Option<Id>,
    #[ts(type = "number | null")]
    pub section_id: Option<Id>,
    pub title: String,
    pub description: String,
    /// First and last day, both included.
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub time: Option<TimeOfDay>,
    pub duration_minutes: Option<u32>,
    pub time_zone: Option<String>,
    /// A «до …» timeframe: shown on its last day.
    pub deadline: bool,
    /// Events only: where the event stands on the given day.
    pub progress: Option<Progress>,
    pub link: String,
}

/// Entries of the roadmaps' events (each placed occurrence) and of the webinar sessions.
pub fn entries(roadmaps: &[Roadmap], series: &[WebinarSeries], today: NaiveDate) -> Vec<CalendarEntry> {
    let mut out = Vec::new();
    for r in roadmaps {
        for e in &r.events {
            let first = e.content.lines().next().unwrap_or_default();
            let deadline = e.timeframe.kind == TimeframeKind::Until;
            for (i, span) in e.timeframe.occurrences().iter().enumerate() {
                out.push(CalendarEntry {
                    uid: format!("event-{}-{}", e.id, i + 1),
                    kind: EntryKind::Event,
                    source_id: e.id,
                    plan_id: Some(e.plan_id),
                    section_id: e.section_id,
                    title: format!("{}{}. {first}", if deadline { "Срок: " } else { "" }, e.number),
                    description: format!("{}\nСроки: {}", e.content, e.timeframe.text),
                    start: span.start,
                    end: span.end,
                    time: e.timeframe.time.map(|t| t.start),
                    duration_minutes: None,
                    time_zone: None,
                    deadline,
                    progress: Some(e.progress(today)),
                    link: String::new(),
                });
            }
        }
    }
    for s in series {
        for w in &s.webinars {
            let speakers: Vec<String> = w.speakers.iter().map(|x| x.printed()).collect();
            let mut description = format!("Цикл: {}", s.title);
            if !speakers.is_empty() {
                description += &format!("\nВыступающие: {}", speakers.join("; "));
            }
            out.push(CalendarEntry {
                uid: format!("webinar-{}", w.id),
                kind: EntryKind::Webinar,
                source_id: w.id,
                plan_id: s.plan_id,
                section_id: None,
                title: format!("Вебинар: {}", if w.topic.is_empty() { &s.title } else { &w.topic }),
                description,
                start: w.date,
                end: w.date,
                time: w.start_time,
                duration_minutes: w.duration_minutes,
                time_zone: Some(w.time_zone.clone()),
                deadline: false,
                progress: None,
                link: w.link.clone(),
            });
        }
    }
    out.sort_by_key(|e| (e.start, e.time));
    out
}
