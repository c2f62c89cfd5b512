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
    pub source_id: Id,
    pub plan_id: Option<Id>,
    pub section_id: Option<Id>,
    /// For the calendar's filters: who carries it out (executors, speakers) and which schools
    /// it concerns (the section's target schools, the host school).
    pub executor_ids: Vec<Id>,
    pub school_ids: Vec<Id>,
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
            let school_ids = r
                .sections
                .iter()
                .find(|s| Some(s.id) == e.section_id)
                .map(|s| s.school_ids.clone())
                .unwrap_or_default();
            for (i, span) in e.timeframe.occurrences().iter().enumerate() {
                out.push(CalendarEntry {
                    uid: format!("event-{}-{}", e.id, i + 1),
                    kind: EntryKind::Event,
                    source_id: e.id,
                    plan_id: Some(e.plan_id),
                    section_id: e.section_id,
                    executor_ids: e.executors.iter().map(|x| x.id).collect(),
                    school_ids: school_ids.clone(),
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
                executor_ids: w.speakers.iter().map(|x| x.id).collect(),
                school_ids: w.host_school_id.into_iter().collect(),
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

#[cfg(test)]
mod tests {
    use super::*;
    use store::{district, webinar, Store};

    #[test]
    fn entries_carry_what_the_calendar_filters_by() {
        let mut store = Store::open_in_memory().unwrap();
        let loaded = district::load(&mut store, &district::parse(district::DEMO).unwrap()).unwrap();
        let roadmap = store::roadmap::read(store.read(), loaded.plan_id).unwrap();
        let series = webinar::list(store.read()).unwrap();
        let today = NaiveDate::from_ymd_opt(2023, 5, 1).unwrap();
        let all = entries(std::slice::from_ref(&roadmap), &series, today);

        let webinars: Vec<_> = all.iter().filter(|e| e.kind == EntryKind::Webinar).collect();
        assert_eq!(webinars.len(), 5);
        assert!(webinars.iter().all(|w| !w.executor_ids.is_empty() && w.progress.is_none()));

        // Every event appears at least once, with its executors and its section's schools.
        for e in &roadmap.events {
            let placed: Vec<_> =
                all.iter().filter(|x| x.kind == EntryKind::Event && x.source_id == e.id).collect();
            assert!(!placed.is_empty(), "{} не в календаре", e.number);
            let ids: Vec<Id> = e.executors.iter().map(|x| x.id).collect();
            assert!(placed.iter().all(|x| x.executor_ids == ids && x.section_id == e.section_id));
        }
        assert!(all.iter().any(|e| !e.school_ids.is_empty()), "target schools of a section");
        assert!(all.windows(2).all(|w| (w[0].start, w[0].time) <= (w[1].start, w[1].time)));
    }
}
