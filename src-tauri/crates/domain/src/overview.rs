//! «Обзор»: how far along a plan is on a day — completion by section, what is overdue and
//! what is due in the next two weeks, the webinar series' sessions held and left, the schools
//! by category with their mentors, and the «500+» risks with no measure. Every figure keeps the
//! ids of the rows behind it, so the window can open them.

use chrono::{Days, NaiveDate};
use serde::Serialize;
use ts_rs::TS;

use crate::timeline::first_line;
use crate::{Category, CoverageCell, Event, Id, Progress, RiskFactor, TimeframeKind};

/// How many days ahead «скоро» looks.
pub const DUE_SOON_DAYS: u64 = 14;

/// Events of a section (or of the whole plan) by where they stand.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct SectionProgress {
    pub section_id: Option<Id>,
    pub number: String,
    pub title: String,
    pub done: usize,
    pub in_progress: usize,
    pub overdue: usize,
    pub planned: usize,
    pub cancelled: usize,
    /// The events behind the counts, each with where it stands (empty for the plan's total:
    /// its rows are the sections' rows).
    pub rows: Vec<ProgressRef>,
}

/// An event and where it stands on the overview's day: what a count opens.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ProgressRef {
    pub progress: Progress,
    pub event: EventRef,
}

impl SectionProgress {
    fn add(&mut self, p: Progress) {
        match p {
            Progress::Done => self.done += 1,
            Progress::InProgress => self.in_progress += 1,
            Progress::Overdue => self.overdue += 1,
            Progress::Planned => self.planned += 1,
            Progress::Cancelled => self.cancelled += 1,
        }
    }

    pub fn total(&self) -> usize {
        self.done + self.in_progress + self.overdue + self.planned + self.cancelled
    }

    /// Done, in per cent of what was not cancelled.
    pub fn percent_done(&self) -> u32 {
        let base = self.total() - self.cancelled;
        (self.done * 100).checked_div(base).unwrap_or(0) as u32
    }
}

/// An event named in a list of the overview.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct EventRef {
    pub event_id: Id,
    pub number: String,
    pub content: String,
    pub timeframe: String,
    pub end: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct SeriesProgress {
    pub series_id: Id,
    pub title: String,
    pub held: usize,
    pub left: usize,
    pub next: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct SchoolMentors {
    pub school_id: Id,
    pub name: String,
    /// Mentor schools' short names, for the pairings in force on the day.
    pub mentors: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct CategorySchools {
    pub category: Category,
    pub label: String,
    pub schools: Vec<SchoolMentors>,
}

/// A medium or high «500+» risk that no event of the plan addresses.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct UncoveredRisk {
    pub school_id: Id,
    pub school: String,
    pub risk_factor_id: Id,
    pub factor: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Overview {
    pub as_of: NaiveDate,
    pub sections: Vec<SectionProgress>,
    pub total: SectionProgress,
    pub overdue: Vec<EventRef>,
    /// Not done, with a day inside the next [`DUE_SOON_DAYS`] days.
    pub due_soon: Vec<EventRef>,
    pub series: Vec<SeriesProgress>,
    pub categories: Vec<CategorySchools>,
    pub uncovered: Vec<UncoveredRisk>,
}

/// What the overview is made of, gathered by the caller.
#[derive(Debug, Clone, Copy)]
pub struct OverviewInput<'a> {
    /// The plan, its schools, pairings and webinar series.
    pub district: crate::District<'a>,
    pub factors: &'a [RiskFactor],
    pub coverage: &'a [CoverageCell],
}

fn event_ref(e: &Event) -> EventRef {
    EventRef {
        event_id: e.id,
        number: e.number.clone(),
        content: e.content.clone(),
        timeframe: e.timeframe.text.clone(),
        end: e.timeframe.end,
    }
}

pub fn overview(input: OverviewInput, as_of: NaiveDate) -> Overview {
    let r = input.district.roadmap;
    let mut sections: Vec<SectionProgress> = Vec::new();
    let mut total = SectionProgress { title: "Всего".into(), ..Default::default() };
    let soon_end = as_of.checked_add_days(Days::new(DUE_SOON_DAYS)).unwrap_or(as_of);
    let (mut overdue, mut due_soon) = (Vec::new(), Vec::new());
    for e in &r.events {
        let p = e.progress(as_of);
        if sections.last().is_none_or(|s| s.section_id != e.section_id) {
            let s = e.section_id.and_then(|id| r.sections.iter().find(|s| s.id == id));
            sections.push(SectionProgress {
                section_id: e.section_id,
                number: s.map(|s| s.number.clone()).unwrap_or_default(),
                title: s.map_or_else(|| "Вне разделов".to_owned(), |s| first_line(&s.title)),
                ..Default::default()
            });
        }
        if let Some(s) = sections.last_mut() {
            s.add(p);
            s.rows.push(ProgressRef { progress: p, event: event_ref(e) });
        }
        total.add(p);
        match p {
            Progress::Overdue => overdue.push(event_ref(e)),
            // Due soon: a day, a start or an end within the next two weeks; a continuous or
            // recurring event is always under way and would crowd out the rest.
            Progress::Planned | Progress::InProgress
                if !matches!(e.timeframe.kind, TimeframeKind::Continuous | TimeframeKind::Recurring) =>
            {
                let near = |d: Option<NaiveDate>| d.is_some_and(|d| as_of <= d && d <= soon_end);
                if near(e.timeframe.start) || near(e.timeframe.end) {
                    due_soon.push(event_ref(e));
                }
            }
            Progress::Planned | Progress::InProgress => {}
            Progress::Done | Progress::Cancelled => {}
        }
    }
    let series = input
        .district
        .series
        .iter()
        .filter(|s| s.plan_id == Some(r.plan.id))
        .map(|s| {
            let held = s.webinars.iter().filter(|w| w.date < as_of).count();
            SeriesProgress {
                series_id: s.id,
                title: s.title.clone(),
                held,
                left: s.webinars.len() - held,
                next: s.webinars.iter().map(|w| w.date).filter(|d| *d >= as_of).min(),
            }
        })
        .collect();
    let short =
        |id: Id| input.district.schools.iter().find(|s| s.id == id).map(|s| s.draft.short_name.clone());
    let year = crate::school_year_of(r.plan.period.start);
    let categories =
        [Category::LowResults, Category::AdverseConditions, Category::RiskZone, Category::Project500]
            .into_iter()
            .map(|category| CategorySchools {
                category,
                label: category.label().to_owned(),
                schools: input
                    .district
                    .schools
                    .iter()
                    .filter(|s| s.draft.categories_in(year).any(|c| c == category))
                    .map(|s| SchoolMentors {
                        school_id: s.id,
                        name: s.draft.short_name.clone(),
                        mentors: input
                            .district
                            .pairings
                            .iter()
                            .filter(|p| {
                                p.draft.supported_school_id == s.id
                                    && p.draft.start <= as_of
                                    && as_of <= p.draft.end
                            })
                            .filter_map(|p| short(p.draft.mentor_school_id))
                            .collect(),
                    })
                    .collect(),
            })
            .filter(|c| !c.schools.is_empty())
            .collect();
    let uncovered = input
        .coverage
        .iter()
        .filter(|c| c.uncovered)
        .map(|c| UncoveredRisk {
            school_id: c.school_id,
            school: short(c.school_id).unwrap_or_default(),
            risk_factor_id: c.risk_factor_id,
            factor: input
                .factors
                .iter()
                .find(|f| f.id == c.risk_factor_id)
                .map(|f| f.name.clone())
                .unwrap_or_default(),
        })
        .collect();
    Overview { as_of, sections, total, overdue, due_soon, series, categories, uncovered }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{EventStatus, Period, Roadmap, Webinar, WebinarSeries};

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn counts_lists_series_and_percent() {
        let period = Period { start: d(2022, 9, 1), end: d(2023, 8, 31) };
        let ev = |id: Id, section: Id, text: &str, status: EventStatus| Event {
            section_id: Some(section),
            number: format!("{section}.{id}"),
            content: format!("Мероприятие {id}"),
            timeframe: timeframe::parse(text, &period),
            status,
            ..crate::fixture::event(id)
        };
        let r = Roadmap {
            sections: vec![crate::fixture::section(1), crate::fixture::section(2)],
            ..crate::fixture::roadmap(vec![
                ev(1, 1, "октябрь 2022", EventStatus::Done),
                ev(2, 1, "до 1 декабря 2022 г.", EventStatus::Planned),
                ev(3, 2, "20.01.2023", EventStatus::Planned),
                ev(4, 2, "март 2023", EventStatus::Cancelled),
                ev(5, 2, "май 2023", EventStatus::Planned),
            ])
        };
        let webinar = |id: Id, date| Webinar {
            id,
            date,
            start_time: None,
            time_zone: "Europe/Moscow".into(),
            duration_minutes: None,
            topic: String::new(),
            host_school_id: None,
            link: String::new(),
            speakers: Vec::new(),
        };
        let series = vec![WebinarSeries {
            id: 7,
            plan_id: Some(1),
            event_id: None,
            title: "Вебинары".into(),
            audience: String::new(),
            organiser: String::new(),
            webinars: vec![webinar(1, d(2022, 12, 1)), webinar(2, d(2023, 2, 1)), webinar(3, d(2023, 4, 1))],
        }];
        let district =
            crate::District { roadmap: &r, series: &series, schools: &[], pairings: &[], groups: &[] };
        let input = OverviewInput { district, factors: &[], coverage: &[] };
        let o = overview(input, d(2023, 1, 10));
        assert_eq!(o.sections.len(), 2);
        assert_eq!((o.sections[0].done, o.sections[0].overdue), (1, 1));
        assert_eq!((o.sections[1].planned, o.sections[1].cancelled), (2, 1));
        assert_eq!(o.total.total(), 5);
        assert_eq!(o.total.percent_done(), 25);
        assert_eq!(o.overdue.iter().map(|e| e.event_id).collect::<Vec<_>>(), vec![2]);
        assert_eq!(o.due_soon.iter().map(|e| e.event_id).collect::<Vec<_>>(), vec![3]);
        assert_eq!((o.series[0].held, o.series[0].left, o.series[0].next), (1, 2, Some(d(2023, 2, 1))));
    }
}
