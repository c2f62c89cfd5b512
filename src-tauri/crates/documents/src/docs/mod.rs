//! The five documents of DOMAIN.md and the timeline and overview, each a list of parts for the
//! layout engine.

mod common;
mod effectiveness;
mod order;
mod overview;
mod region;
mod report;
mod roadmap;
mod schools;
mod timeline;
mod webinars;

pub use common::{AnnexMark, District};
pub use effectiveness::{effectiveness_part, effectiveness_report, effectiveness_title, EffectivenessInput};
pub use order::order_with_annexes;
pub use overview::overview_document;
pub use region::{region_summary, region_summary_title, RegionInput};
pub use report::{completion_report, REPORT_COLUMNS};
pub use roadmap::{roadmap_annex, Column, RoadmapOptions};
pub use schools::schools_list;
pub use timeline::timeline_document;
pub use webinars::webinar_schedule;
