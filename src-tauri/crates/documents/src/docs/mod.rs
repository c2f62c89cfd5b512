//! The five documents of DOMAIN.md, each a list of parts for the layout engine.

mod common;
mod order;
mod report;
mod roadmap;
mod schools;
mod webinars;

pub use common::{AnnexMark, District};
pub use order::order_with_annexes;
pub use report::completion_report;
pub use roadmap::{roadmap_annex, Column, RoadmapOptions};
pub use schools::schools_list;
pub use webinars::webinar_schedule;
