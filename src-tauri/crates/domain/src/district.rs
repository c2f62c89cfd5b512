//! What a document or the overview of one plan draws on: the plan and the district around it,
//! gathered once by the caller from the store and lent to whoever draws.

use crate::{Pairing, Roadmap, School, WebinarSeries, WorkingGroup};

#[derive(Debug, Clone, Copy)]
pub struct District<'a> {
    pub roadmap: &'a Roadmap,
    pub schools: &'a [School],
    pub pairings: &'a [Pairing],
    pub series: &'a [WebinarSeries],
    pub groups: &'a [WorkingGroup],
}

impl District<'_> {
    pub fn school(&self, id: i64) -> Option<&School> {
        self.schools.iter().find(|s| s.id == id)
    }

    /// The year whose categories the plan works with: the school year its period starts in.
    pub fn year(&self) -> i32 {
        crate::school_year_of(self.roadmap.plan.period.start)
    }
}
