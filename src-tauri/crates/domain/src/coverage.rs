//! The coverage grid: school × «500+» risk factor × the events that address it. A school at
//! medium or high risk on a factor that no event of a plan aimed at it addresses is flagged.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{Id, RiskLevel, RiskProfileEntry, Roadmap};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CoverageCell {
    pub school_id: Id,
    pub risk_factor_id: Id,
    pub level: RiskLevel,
    /// The plan's events that address the factor and concern the school.
    pub event_ids: Vec<Id>,
    /// A medium or high risk with no measure planned.
    pub uncovered: bool,
}

/// The grid for one year's profile and one plan; `links` are (event, factor). An event
/// concerns a school when its section targets the school, or targets no school in particular.
pub fn coverage(profile: &[RiskProfileEntry], roadmap: &Roadmap, links: &[(Id, Id)]) -> Vec<CoverageCell> {
    profile
        .iter()
        .map(|p| {
            let event_ids: Vec<Id> = roadmap
                .events
                .iter()
                .filter(|e| links.contains(&(e.id, p.risk_factor_id)))
                .filter(|e| {
                    let section = roadmap.sections.iter().find(|s| Some(s.id) == e.section_id);
                    section.is_none_or(|s| s.school_ids.is_empty() || s.school_ids.contains(&p.school_id))
                })
                .map(|e| e.id)
                .collect();
            CoverageCell {
                school_id: p.school_id,
                risk_factor_id: p.risk_factor_id,
                level: p.level,
                uncovered: p.level != RiskLevel::Low && event_ids.is_empty(),
                event_ids,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Event, Section};

    fn event(id: Id, section: Id) -> Event {
        Event { section_id: Some(section), ..crate::fixture::event(id) }
    }

    #[test]
    fn risks_without_a_measure_for_the_school_are_flagged() {
        let section = |id, schools: Vec<Id>| Section { school_ids: schools, ..crate::fixture::section(id) };
        let mut roadmap = Roadmap {
            sections: vec![section(100, vec![5]), section(200, vec![])],
            ..crate::fixture::roadmap(vec![event(1, 100), event(2, 200)])
        };
        roadmap.plan.period = "2023-01-01..2023-12-31".parse().unwrap();
        let entry = |school, factor, level| RiskProfileEntry {
            school_id: school,
            risk_factor_id: factor,
            year: 2023,
            level,
        };
        let profile = [
            entry(5, 1, RiskLevel::High),
            entry(6, 1, RiskLevel::High),
            entry(6, 2, RiskLevel::Medium),
            entry(6, 3, RiskLevel::Low),
        ];
        // Event 1 (section for school 5) and event 2 (for every school) address factor 1.
        let cells = coverage(&profile, &roadmap, &[(1, 1), (2, 1)]);
        let summary: Vec<(Id, Id, Vec<Id>, bool)> =
            cells.into_iter().map(|c| (c.school_id, c.risk_factor_id, c.event_ids, c.uncovered)).collect();
        assert_eq!(
            summary,
            [(5, 1, vec![1, 2], false), (6, 1, vec![2], false), (6, 2, vec![], true), (6, 3, vec![], false)]
        );
    }
}
