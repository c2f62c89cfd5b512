//! Plans (roadmaps) with sections and events, executors, webinar series, orders and annexes,
//! working groups.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use timeframe::{Period, TimeOfDay, Timeframe};
use ts_rs::TS;

use crate::Id;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ExecutorKind {
    /// A person: «Баркалова Е.В.», with position and organisation.
    Person,
    /// A body: «ИМЦ УО», «рабочая группа».
    Body,
}

/// Ответственный исполнитель.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Executor {
    pub id: Id,
    pub kind: ExecutorKind,
    /// «Баркалова Е.В.» or the body's name.
    pub name: String,
    /// As printed after the name, in the case the sentence needs: «начальник Управления образования г. Таганрога».
    pub position: String,
    /// The organisation in the nominative, for filtering: «МОБУ лицей № 7».
    pub organisation: String,
}

/// One entry of an executor filter: a person (or body) however many positions they were written
/// with («Баркалова Е.В.» and «Баркалова Е.В., муниципальный координатор» are one person).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ExecutorChoice {
    pub label: String,
    /// Every executor row of that person: an event of any of them passes the filter.
    pub ids: Vec<Id>,
}

/// The filter's entries for these executors (those in use): one per person, by name — case,
/// spaces and dots between initials do not make another person — in the order given.
pub fn executor_choices(executors: &[Executor]) -> Vec<ExecutorChoice> {
    let key = |x: &Executor| -> String {
        let kind = matches!(x.kind, ExecutorKind::Body);
        format!("{kind}{}", x.name.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_lowercase())
    };
    let mut out: Vec<(String, ExecutorChoice)> = Vec::new();
    for x in executors {
        let k = key(x);
        match out.iter_mut().find(|(known, _)| *known == k) {
            Some((_, c)) => c.ids.push(x.id),
            None => out.push((k, ExecutorChoice { label: x.name.clone(), ids: vec![x.id] })),
        }
    }
    out.into_iter().map(|(_, c)| c).collect()
}

impl Executor {
    /// «Баркалова Е.В., муниципальный координатор» — as the roadmap prints it.
    pub fn printed(&self) -> String {
        if self.position.is_empty() {
            self.name.clone()
        } else {
            format!("{}, {}", self.name, self.position)
        }
    }
}

/// An executor as the user types or the import reads it, before it is found or created in the
/// district: «Баркалова Е.В.», «муниципальный координатор».
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ExecutorDraft {
    pub kind: ExecutorKind,
    pub name: String,
    pub position: String,
    pub organisation: String,
}

impl Executor {
    pub fn draft(&self) -> ExecutorDraft {
        ExecutorDraft {
            kind: self.kind,
            name: self.name.clone(),
            position: self.position.clone(),
            organisation: self.organisation.clone(),
        }
    }
}

/// What the plan form edits.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PlanDraft {
    pub title: String,
    pub period: Period,
    pub issuer: String,
    pub coordinator: Option<ExecutorDraft>,
    pub goal: String,
    pub tasks: Vec<String>,
}

/// What a section row edits.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SectionDraft {
    pub number: String,
    pub title: String,
    pub goal: String,
    pub school_ids: Vec<Id>,
}

/// What an event row edits; its position and number are the outline's.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct EventDraft {
    pub content: String,
    pub timeframe_text: String,
    /// Место проведения, as typed (absent from bundles made before it existed).
    #[serde(default)]
    pub place: String,
    pub executors: Vec<ExecutorDraft>,
    pub result: String,
    pub evidence: String,
    pub status: EventStatus,
    pub completion_mark: String,
}

/// A whole new roadmap as drafts: what a table import, a bundle and the copy to next year hand
/// to the store's one writer of a roadmap (`store::roadmap::write`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoadmapDraft {
    pub plan: PlanDraft,
    pub sections: Vec<SectionDraft>,
    /// In print order; a parent comes before its sub-events.
    pub events: Vec<OutlineEvent>,
}

/// An event of a [`RoadmapDraft`]: its place in the outline (indexes), its number and its row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutlineEvent {
    /// Index into the sections.
    pub section: Option<usize>,
    /// Index into the events.
    pub parent: Option<usize>,
    pub number: String,
    #[serde(flatten)]
    pub row: EventDraft,
}

/// Дорожная карта.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Plan {
    pub id: Id,
    pub title: String,
    pub period: Period,
    /// «Управление образования г. Таганрога».
    pub issuer: String,
    pub coordinator: Option<Executor>,
    pub goal: String,
    pub tasks: Vec<String>,
    pub approving_order_id: Option<Id>,
}

/// Этап, трек, раздел: a row that spans the roadmap's table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Section {
    pub id: Id,
    pub plan_id: Id,
    pub position: i32,
    /// As printed, may be empty: «1», «Трек 2».
    pub number: String,
    pub title: String,
    pub goal: String,
    pub school_ids: Vec<Id>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum EventStatus {
    Planned,
    InProgress,
    Done,
    Cancelled,
}

impl EventStatus {
    pub const ALL: [EventStatus; 4] =
        [EventStatus::Planned, EventStatus::InProgress, EventStatus::Done, EventStatus::Cancelled];

    pub fn code(self) -> &'static str {
        match self {
            EventStatus::Planned => "planned",
            EventStatus::InProgress => "in_progress",
            EventStatus::Done => "done",
            EventStatus::Cancelled => "cancelled",
        }
    }

    pub fn from_code(code: &str) -> Option<EventStatus> {
        EventStatus::ALL.into_iter().find(|s| s.code() == code)
    }
}

/// Мероприятие.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Event {
    pub id: Id,
    pub plan_id: Id,
    pub section_id: Option<Id>,
    pub parent_id: Option<Id>,
    pub position: i32,
    /// As printed: «2.3».
    pub number: String,
    pub content: String,
    pub timeframe: Timeframe,
    /// Место проведения: «МБОУ СОШ № 5», «онлайн», «ГБУ ДПО РО РИПК и ППРО».
    pub place: String,
    pub executors: Vec<Executor>,
    /// Планируемый результат, целевые показатели.
    pub result: String,
    /// Документы, фиксирующие результат.
    pub evidence: String,
    pub status: EventStatus,
    /// Отметка о выполнении.
    pub completion_mark: String,
}

/// A plan with everything the roadmap table shows, in print order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Roadmap {
    pub plan: Plan,
    pub sections: Vec<Section>,
    /// Ordered by section, then position (children right after their parent).
    pub events: Vec<Event>,
}

/// Цикл вебинаров.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct WebinarSeries {
    pub id: Id,
    pub plan_id: Option<Id>,
    /// The roadmap event that organises the series, if any.
    pub event_id: Option<Id>,
    pub title: String,
    pub audience: String,
    pub organiser: String,
    pub webinars: Vec<Webinar>,
}

/// Вебинар: one session of a series.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Webinar {
    pub id: Id,
    pub date: NaiveDate,
    /// `None` while the time is not fixed yet.
    pub start_time: Option<TimeOfDay>,
    /// IANA zone of `start_time`: «Europe/Moscow».
    pub time_zone: String,
    pub duration_minutes: Option<u32>,
    pub topic: String,
    pub host_school_id: Option<Id>,
    pub link: String,
    pub speakers: Vec<Executor>,
}

/// A speaker as the user types them: a person, their position and school.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SpeakerDraft {
    pub name: String,
    pub position: String,
    pub organisation: String,
}

/// What the session form edits; the series stays.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct WebinarDraft {
    pub date: NaiveDate,
    pub start_time: Option<TimeOfDay>,
    pub duration_minutes: Option<u32>,
    pub topic: String,
    pub host_school_id: Option<Id>,
    pub link: String,
    pub speakers: Vec<SpeakerDraft>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum AnnexKind {
    Roadmap,
    Pairings,
    WorkingGroup,
    Schools,
    Webinars,
    /// «Ход реализации дорожной карты на <дата приказа>».
    Overview,
    /// «Аналитическая справка о результатах и эффективности мер поддержки…».
    Effectiveness,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Orientation {
    Portrait,
    Landscape,
}

/// Приложение к приказу.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Annex {
    pub id: Id,
    pub number: i32,
    #[serde(flatten)]
    pub draft: crate::AnnexDraft,
}

/// Приказ.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Order {
    pub id: Id,
    #[serde(flatten)]
    pub draft: OrderDraft,
    pub annexes: Vec<Annex>,
}

/// What the user writes for an order: its requisites, text and signature.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct OrderDraft {
    pub issuer: String,
    pub date: NaiveDate,
    pub number: String,
    pub place: String,
    pub title: String,
    pub preamble: String,
    pub points: Vec<String>,
    pub signatory_position: String,
    pub signatory_name: String,
    pub executor_name: String,
    pub executor_phone: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum MemberRole {
    Chair,
    Deputy,
    Secretary,
    Member,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct WorkingGroupMember {
    pub executor: Executor,
    pub role: MemberRole,
}

/// Рабочая группа.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct WorkingGroup {
    pub id: Id,
    pub plan_id: Option<Id>,
    pub title: String,
    pub members: Vec<WorkingGroupMember>,
}

/// A date as Russian documents print it: «16.02.2023».
pub fn ru_date(d: NaiveDate) -> String {
    d.format("%d.%m.%Y").to_string()
}

/// A timeframe with the Russian reading shown beside the field: «до 10.03.2023».
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct TimeframeReading {
    pub timeframe: Timeframe,
    pub reading: String,
    /// True when the review list «Сроки требуют проверки» shows it.
    pub needs_review: bool,
}

impl From<Timeframe> for TimeframeReading {
    fn from(timeframe: Timeframe) -> Self {
        TimeframeReading { reading: timeframe.describe(), needs_review: timeframe.needs_review(), timeframe }
    }
}

impl Plan {
    /// What the plan form shows.
    pub fn draft(&self) -> PlanDraft {
        PlanDraft {
            title: self.title.clone(),
            period: self.period,
            issuer: self.issuer.clone(),
            coordinator: self.coordinator.as_ref().map(Executor::draft),
            goal: self.goal.clone(),
            tasks: self.tasks.clone(),
        }
    }
}

impl Event {
    /// What an event row shows.
    pub fn draft(&self) -> EventDraft {
        EventDraft {
            content: self.content.clone(),
            timeframe_text: self.timeframe.text.clone(),
            place: self.place.clone(),
            executors: self.executors.iter().map(Executor::draft).collect(),
            result: self.result.clone(),
            evidence: self.evidence.clone(),
            status: self.status,
            completion_mark: self.completion_mark.clone(),
        }
    }
}

/// Where an event stands on a given day, for the completion report and overdue marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Progress {
    Done,
    Cancelled,
    /// Not done and its timeframe ended before the day.
    Overdue,
    /// Marked in progress, or its timeframe has begun.
    InProgress,
    Planned,
}

impl Event {
    pub fn progress(&self, as_of: NaiveDate) -> Progress {
        match self.status {
            EventStatus::Done => Progress::Done,
            EventStatus::Cancelled => Progress::Cancelled,
            _ if self.timeframe.end.is_some_and(|end| end < as_of) => Progress::Overdue,
            EventStatus::InProgress => Progress::InProgress,
            EventStatus::Planned if self.timeframe.start.is_some_and(|s| s <= as_of) => Progress::InProgress,
            EventStatus::Planned => Progress::Planned,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_person_is_one_filter_entry_however_written() {
        let x = |id, name: &str, position: &str| Executor {
            id,
            kind: ExecutorKind::Person,
            name: name.into(),
            position: position.into(),
            organisation: String::new(),
        };
        let body = Executor { kind: ExecutorKind::Body, ..x(5, "Баркалова Е.В.", "") };
        let choices = executor_choices(&[
            x(1, "Баркалова Е.В.", ""),
            x(2, "Баркалова Е.В.", "муниципальный координатор"),
            x(3, "Баркалова Е. В.", "главный специалист"),
            x(4, "Морозова О.Л.", "начальник"),
            body,
        ]);
        let got: Vec<(&str, &[Id])> = choices.iter().map(|c| (c.label.as_str(), c.ids.as_slice())).collect();
        assert_eq!(
            got,
            [("Баркалова Е.В.", &[1, 2, 3][..]), ("Морозова О.Л.", &[4][..]), ("Баркалова Е.В.", &[5][..])]
        );
    }
}
