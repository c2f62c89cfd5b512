//! The glossary of DOMAIN.md as types: one name per concept, shared by the store, the CLI and
//! the window. Every type here is exported to TypeScript (ts-rs) into `ui/src/api/bindings`,
//! so the UI never writes them twice. Ids are SQLite rowids, numbers in TypeScript.

mod column;
mod conflicts;
mod coverage;
pub mod declension;
mod district;
pub mod effectiveness;
mod executor;
mod field;
/// Test values built in one place (for other crates' tests: the `fixture` feature).
#[cfg(any(test, feature = "fixture"))]
pub mod fixture;
pub mod history;
pub mod labels;
mod order;
pub mod outline;
pub mod overview;
mod pairings;
mod plan;
mod profile;
pub mod region;
pub mod results;
mod rule;
mod school;
mod school_year;
pub mod text;
pub mod timeline;
mod webinar;
mod work;
mod working_group;

pub use column::{Column, RoadmapBlock};
pub use conflicts::*;
pub use coverage::{coverage, CoverageCell};
pub use district::District;
pub use effectiveness::{analyse, Analysis, AnalysisSettings};
pub use executor::*;
pub use field::ErrorField;
pub use history::{step_message, Backup, BackupKind, Change, FieldEdit, HistoryState, HistoryStep, RowCount};
pub use order::{
    compose, new_order, order_title, order_title_for, plan_title_in, points_of, ready_points, Annex,
    AnnexDraft, AnnexKind, Order, OrderDraft, Orientation, PointDraft, ReadyPoint,
};
pub use outline::Move;
pub use overview::{overview, Overview, OverviewInput};
pub use pairings::{
    pairing_choices, pairing_conflicts, MentorGroup, PairingChoices, PairingConflict, SUPPORTED,
};
pub use plan::*;
pub use profile::DistrictProfile;
pub use results::{Indicator, Metric, ResultFilter, ResultRecord, ResultRow};
pub use rule::*;
pub use school::*;
pub use school_year::{school_year_of, school_years, SchoolYear};
pub use timeframe::{Kind as TimeframeKind, Part, Period, Recurrence, Span, TimeOfDay, TimeSpan, Timeframe};
pub use timeline::{timeline, Timeline};
pub use webinar::{SeriesDraft, SpeakerDraft, Webinar, WebinarDraft, WebinarSeries};
pub use work::{Cancelled, Work, WorkStep};
pub use working_group::{MemberRole, WorkingGroup, WorkingGroupMember};

/// A row id.
pub type Id = i64;
