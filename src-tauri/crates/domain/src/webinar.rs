//! Webinar series (циклы вебинаров) and their sessions.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use timeframe::TimeOfDay;
use ts_rs::TS;

use crate::{Executor, Id};

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

/// What the series form gives for a new series of webinars.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SeriesDraft {
    pub plan_id: Option<Id>,
    /// The roadmap's event the series carries out (the window does not set it yet).
    #[serde(default)]
    #[ts(optional = nullable)]
    pub event_id: Option<Id>,
    pub title: String,
    pub audience: String,
    pub organiser: String,
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
