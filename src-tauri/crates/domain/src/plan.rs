//! Plans (roadmaps) with their sections and events.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use timeframe::{Period, Timeframe};
use ts_rs::TS;

use crate::{Executor, ExecutorDraft, Id};

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

/// What an event row edits; its position and number are the outline's. The default is the
/// editor's new empty row.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
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

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum EventStatus {
    #[default]
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

/// Мероприятие. The default is an empty event (tests start from it: `domain::fixture`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
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
