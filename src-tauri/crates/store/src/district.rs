//! A district bundle: schools, people, pairings, a plan with its sections and events, webinar
//! series, a working group and an order, written as JSON with keys instead of ids. The demo
//! district (assets/demo/) is one; [`load`] writes a bundle in one transaction.

use std::collections::HashMap;

use chrono::NaiveDate;
use domain::{
    AnnexKind, EventStatus, ExecutorKind, Id, MemberRole, OrderDraft, Orientation, PairingDraft, Period,
    SchoolDraft, TimeOfDay,
};
use serde::Deserialize;

use crate::{event, executor, order, pairing, plan, school, webinar, working_group};
use crate::{Store, StoreError, StoreResult};

/// The demo district: Taganrog, 2022–2023 (from the seed roadmap).
pub const DEMO: &str = include_str!("../../../../assets/demo/taganrog-2022-2023.json");

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct District {
    /// What in the bundle is not from a real document.
    #[serde(default)]
    pub note: String,
    pub schools: Vec<BundleSchool>,
    pub people: Vec<BundlePerson>,
    #[serde(default)]
    pub pairings: Vec<BundlePairing>,
    pub plan: BundlePlan,
    #[serde(default)]
    pub working_group: Option<BundleWorkingGroup>,
    #[serde(default)]
    pub webinar_series: Vec<BundleSeries>,
    #[serde(default)]
    pub order: Option<BundleOrder>,
    /// Schools' results (aggregates: participants and marks).
    #[serde(default)]
    pub results: Vec<BundleResult>,
    /// Who the district is; written when the data file has no profile yet.
    #[serde(default)]
    pub profile: Option<domain::DistrictProfile>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BundleResult {
    pub school: String,
    pub year: i32,
    pub procedure: String,
    #[serde(default)]
    pub grade: i32,
    #[serde(default)]
    pub subject: String,
    pub participants: u32,
    #[serde(default)]
    pub marks: Option<[u32; 4]>,
    #[serde(default)]
    pub below_min: Option<u32>,
    #[serde(default)]
    pub mean_score: Option<f64>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BundleSchool {
    pub key: String,
    #[serde(flatten)]
    pub draft: SchoolDraft,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BundlePerson {
    pub key: String,
    #[serde(default = "person")]
    pub kind: ExecutorKind,
    pub name: String,
    #[serde(default)]
    pub position: String,
    #[serde(default)]
    pub organisation: String,
}

fn person() -> ExecutorKind {
    ExecutorKind::Person
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BundlePairing {
    pub supported: String,
    pub mentor: String,
    pub start: NaiveDate,
    pub end: NaiveDate,
    #[serde(default)]
    pub basis_order: String,
    #[serde(default)]
    pub basis_agreement: String,
    #[serde(default)]
    pub note: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BundlePlan {
    pub title: String,
    pub period: Period,
    #[serde(default)]
    pub issuer: String,
    #[serde(default)]
    pub coordinator: Option<String>,
    #[serde(default)]
    pub goal: String,
    #[serde(default)]
    pub tasks: Vec<String>,
    pub sections: Vec<BundleSection>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BundleSection {
    #[serde(default)]
    pub number: String,
    pub title: String,
    #[serde(default)]
    pub goal: String,
    #[serde(default)]
    pub schools: Vec<String>,
    pub events: Vec<BundleEvent>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BundleEvent {
    #[serde(default)]
    pub key: Option<String>,
    pub number: String,
    pub content: String,
    #[serde(default)]
    pub timeframe: String,
    #[serde(default)]
    pub place: String,
    #[serde(default)]
    pub executors: Vec<String>,
    #[serde(default)]
    pub result: String,
    #[serde(default)]
    pub evidence: String,
    #[serde(default = "planned")]
    pub status: EventStatus,
    #[serde(default)]
    pub completion_mark: String,
    #[serde(default)]
    pub children: Vec<BundleEvent>,
}

fn planned() -> EventStatus {
    EventStatus::Planned
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BundleWorkingGroup {
    pub title: String,
    pub members: Vec<(String, MemberRole)>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BundleSeries {
    pub title: String,
    #[serde(default)]
    pub audience: String,
    #[serde(default)]
    pub organiser: String,
    /// The key of the plan event that organises the series.
    #[serde(default)]
    pub event: Option<String>,
    pub webinars: Vec<BundleWebinar>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BundleWebinar {
    pub date: NaiveDate,
    #[serde(default)]
    pub start_time: Option<TimeOfDay>,
    #[serde(default = "moscow")]
    pub time_zone: String,
    #[serde(default)]
    pub duration_minutes: Option<u32>,
    pub topic: String,
    #[serde(default)]
    pub host: Option<String>,
    #[serde(default)]
    pub link: String,
    #[serde(default)]
    pub speakers: Vec<String>,
}

fn moscow() -> String {
    "Europe/Moscow".into()
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BundleOrder {
    #[serde(flatten)]
    pub draft: OrderDraft,
    /// In annex order: `roadmap` (the plan), `pairings`, `working_group`, `schools`, `webinars`.
    pub annexes: Vec<(AnnexKind, Orientation)>,
}

/// What a load wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Loaded {
    pub plan_id: Id,
    pub schools: usize,
    pub events: usize,
}

pub fn parse(json: &str) -> StoreResult<District> {
    serde_json::from_str(json).map_err(|e| StoreError::refused(format!("Файл района не прочитан: {e}")))
}

/// Writes the bundle in one transaction: all of it, or nothing.
pub fn load(store: &mut Store, d: &District) -> StoreResult<Loaded> {
    store.change("Загружен демонстрационный район", |tx| {
        let mut schools = HashMap::new();
        for s in &d.schools {
            schools.insert(s.key.as_str(), school::insert(tx, &s.draft)?);
        }
        let mut people = HashMap::new();
        for p in &d.people {
            people.insert(
                p.key.as_str(),
                executor::find_or_create(tx, p.kind, &p.name, &p.position, &p.organisation)?,
            );
        }
        let school = |k: &str| lookup(&schools, k, "школа");
        let who = |k: &str| lookup(&people, k, "исполнитель");
        for p in &d.pairings {
            pairing::insert(
                tx,
                &PairingDraft {
                    supported_school_id: school(&p.supported)?,
                    mentor_school_id: school(&p.mentor)?,
                    start: p.start,
                    end: p.end,
                    basis_order: p.basis_order.clone(),
                    basis_agreement: p.basis_agreement.clone(),
                    note: p.note.clone(),
                },
            )?;
        }
        // The plan as the domain's draft of a whole roadmap, through the store's one writer;
        // people by key become their drafts (the writer finds the same executor rows).
        let person = |k: &str| -> StoreResult<domain::ExecutorDraft> {
            let p = d
                .people
                .iter()
                .find(|p| p.key == k)
                .ok_or_else(|| StoreError::refused(format!("неизвестный исполнитель «{k}»")))?;
            Ok(domain::ExecutorDraft {
                kind: p.kind,
                name: p.name.clone(),
                position: p.position.clone(),
                organisation: p.organisation.clone(),
            })
        };
        let speaker = |k: &str| -> StoreResult<domain::SpeakerDraft> {
            let p = person(k)?;
            Ok(domain::SpeakerDraft { name: p.name, position: p.position, organisation: p.organisation })
        };
        let mut draft = domain::RoadmapDraft {
            plan: domain::PlanDraft {
                title: d.plan.title.clone(),
                period: d.plan.period,
                issuer: d.plan.issuer.clone(),
                coordinator: d.plan.coordinator.as_deref().map(person).transpose()?,
                goal: d.plan.goal.clone(),
                tasks: d.plan.tasks.clone(),
            },
            sections: Vec::new(),
            events: Vec::new(),
        };
        let mut keys: Vec<Option<&str>> = Vec::new();
        for (i, s) in d.plan.sections.iter().enumerate() {
            draft.sections.push(domain::SectionDraft {
                number: s.number.clone(),
                title: s.title.clone(),
                goal: s.goal.clone(),
                school_ids: s.schools.iter().map(|k| school(k)).collect::<StoreResult<_>>()?,
            });
            // The tree in print order: each event, then its sub-events.
            let mut stack: Vec<(Option<usize>, &BundleEvent)> =
                s.events.iter().rev().map(|e| (None, e)).collect();
            while let Some((parent, e)) = stack.pop() {
                let at = draft.events.len();
                // A column the demo does not fill stays empty: a new one needs no line here.
                #[allow(clippy::needless_update)]
                let row = domain::EventDraft {
                    content: e.content.clone(),
                    timeframe_text: e.timeframe.clone(),
                    place: e.place.clone(),
                    executors: e.executors.iter().map(|k| person(k)).collect::<StoreResult<_>>()?,
                    result: e.result.clone(),
                    evidence: e.evidence.clone(),
                    status: e.status,
                    completion_mark: e.completion_mark.clone(),
                    ..domain::EventDraft::default()
                };
                draft.events.push(domain::OutlineEvent {
                    section: Some(i),
                    parent,
                    number: e.number.clone(),
                    row,
                });
                keys.push(e.key.as_deref());
                stack.extend(e.children.iter().rev().map(|c| (Some(at), c)));
            }
        }
        let plan_id = crate::roadmap::write(tx, &draft, None, &domain::Work::default())?;
        let count = draft.events.len();
        // Written in order: the plan's events are the draft's, one for one.
        let ids = event::list(tx, plan_id)?;
        let events: HashMap<&str, Id> =
            keys.iter().zip(&ids).filter_map(|(k, e)| k.map(|k| (k, e.id))).collect();
        let group_id = match &d.working_group {
            Some(g) => {
                let members =
                    g.members.iter().map(|(k, r)| Ok((who(k)?, *r))).collect::<StoreResult<Vec<_>>>()?;
                Some(working_group::insert(tx, Some(plan_id), &g.title, &members)?)
            }
            None => None,
        };
        for s in &d.webinar_series {
            let series_id = webinar::insert_series(
                tx,
                &domain::SeriesDraft {
                    plan_id: Some(plan_id),
                    event_id: s.event.as_deref().map(|k| lookup(&events, k, "мероприятие")).transpose()?,
                    title: s.title.clone(),
                    audience: s.audience.clone(),
                    organiser: s.organiser.clone(),
                },
            )?;
            for w in &s.webinars {
                webinar::insert_webinar(
                    tx,
                    series_id,
                    &domain::WebinarDraft {
                        date: w.date,
                        start_time: w.start_time,
                        duration_minutes: w.duration_minutes,
                        topic: w.topic.clone(),
                        host_school_id: w.host.as_deref().map(school).transpose()?,
                        link: w.link.clone(),
                        speakers: w.speakers.iter().map(|k| speaker(k)).collect::<StoreResult<_>>()?,
                    },
                    &w.time_zone,
                )?;
            }
        }
        if let Some(o) = &d.order {
            let annexes: Vec<domain::AnnexDraft> = o
                .annexes
                .iter()
                .map(|&(kind, orientation)| domain::AnnexDraft {
                    kind,
                    title: String::new(),
                    orientation,
                    plan_id: matches!(kind, AnnexKind::Roadmap | AnnexKind::Webinars).then_some(plan_id),
                    working_group_id: (kind == AnnexKind::WorkingGroup).then_some(group_id).flatten(),
                })
                .collect();
            let order_id = order::insert(tx, &o.draft, &annexes)?;
            plan::set_approving_order(tx, plan_id, Some(order_id))?;
        }
        let results = d
            .results
            .iter()
            .map(|r| {
                Ok(domain::ResultRecord {
                    school_id: school(&r.school)?,
                    year: r.year,
                    procedure: r.procedure.clone(),
                    grade: r.grade,
                    subject: r.subject.clone(),
                    participants: r.participants,
                    marks: r.marks,
                    below_min: r.below_min,
                    mean_score: r.mean_score,
                })
            })
            .collect::<StoreResult<Vec<_>>>()?;
        crate::results::write(tx, &results, false)?;
        if let Some(p) = &d.profile {
            if crate::setting::profile(tx)?.issuer.trim().is_empty() {
                crate::setting::set_profile(tx, p)?;
            }
        }
        Ok(Loaded { plan_id, schools: schools.len(), events: count })
    })
}

fn lookup(map: &HashMap<&str, Id>, key: &str, what: &str) -> StoreResult<Id> {
    map.get(key)
        .copied()
        .ok_or_else(|| StoreError::refused(format!("В файле района нет записи «{key}» ({what})")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use domain::Category;

    fn demo() -> (Store, Loaded) {
        let mut store = Store::open_in_memory().unwrap();
        let loaded = load(&mut store, &parse(DEMO).unwrap()).unwrap();
        (store, loaded)
    }

    #[test]
    fn the_demo_district_has_seven_supported_and_five_mentor_schools() {
        let (store, loaded) = demo();
        let schools = school::list(store.read(), Some(2022)).unwrap();
        // Twelve from the roadmap and six without a category, the comparison for the results.
        assert_eq!((loaded.schools, schools.len()), (18, 12));
        assert_eq!(crate::results::list(store.read()).unwrap().len(), 108);
        let count = |c| schools.iter().filter(|s| s.draft.categories_in(2022).any(|x| x == c)).count();
        assert_eq!((count(Category::LowResults), count(Category::Mentor)), (7, 5));
    }

    #[test]
    fn the_demo_plan_is_the_seed_table() {
        let (store, loaded) = demo();
        let r = crate::roadmap::read(store.read(), loaded.plan_id).unwrap();
        assert_eq!(r.sections.len(), 3);
        assert_eq!(r.events.len(), 16);
        assert!(r.events[0].content.starts_with("Издание приказа Управления образования г. Таганрога"));
        assert_eq!(r.events[0].timeframe.start.unwrap().to_string(), "2023-02-16");
        // Every seed timeframe is placed: none left for review.
        let unclear: Vec<_> =
            r.events.iter().filter(|e| e.timeframe.needs_review()).map(|e| &e.timeframe).collect();
        assert!(unclear.is_empty(), "{unclear:#?}");
        assert_eq!(r.plan.coordinator.unwrap().name, "Баркалова Е.В.");
    }

    #[test]
    fn the_demo_has_a_series_of_five_webinars_pairings_and_an_order() {
        let (store, loaded) = demo();
        let series = webinar::list(store.read()).unwrap();
        assert_eq!(series.len(), 1);
        assert_eq!(series[0].webinars.len(), 5);
        assert!(series[0].webinars.iter().all(|w| !w.speakers.is_empty()));
        assert_eq!(pairing::list(store.read(), Some(&domain::SchoolYear::new(2022))).unwrap().len(), 7);
        let p = plan::get(store.read(), loaded.plan_id).unwrap();
        let o = order::get(store.read(), p.approving_order_id.unwrap()).unwrap();
        assert_eq!((o.draft.number.as_str(), o.annexes.len()), ("206", 3));
        assert_eq!(working_group::list(store.read()).unwrap()[0].members.len(), 5);
    }

    #[test]
    fn loading_twice_fails_whole_and_changes_nothing() {
        let (mut store, _) = demo();
        let err = load(&mut store, &parse(DEMO).unwrap()).unwrap_err();
        assert!(matches!(err, StoreError::Taken { .. }), "{err}");
        assert_eq!(plan::list(store.read()).unwrap().len(), 1);
    }

    #[test]
    fn an_unknown_key_is_a_clear_error() {
        let mut d = parse(DEMO).unwrap();
        d.pairings[0].mentor = "нет такой".into();
        let mut store = Store::open_in_memory().unwrap();
        let err = load(&mut store, &d).unwrap_err();
        assert!(err.to_string().contains("«нет такой»"), "{err}");
        assert!(store.is_empty().unwrap());
    }
}
