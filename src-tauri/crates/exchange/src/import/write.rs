//! A recognised table as a new roadmap's drafts: the store's one writer writes them.

use domain::{Id, OutlineEvent, PlanDraft, RoadmapDraft};
use serde::Serialize;
use ts_rs::TS;

use super::Recognised;

/// What an import wrote: the CLI prints it as JSON.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Written {
    pub plan: Id,
    pub sections: usize,
    pub events: usize,
    pub warnings: Vec<String>,
}

/// `r` as a new roadmap under `new` (the plan's goal and tasks, when left empty, from the text
/// above the table; a section targets the known schools its events name), with the timeframes
/// already read for the preview when the period is the one they were read in.
pub fn draft(new: &PlanDraft, r: &Recognised) -> (RoadmapDraft, Option<Vec<timeframe::Timeframe>>) {
    let mut new = new.clone();
    if new.goal.trim().is_empty() {
        new.goal = r.goal.clone();
    }
    if new.tasks.is_empty() {
        new.tasks = r.tasks.clone();
    }
    let sections: Vec<domain::SectionDraft> = r
        .sections
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let mut school_ids: Vec<Id> = Vec::new();
            for id in r.events.iter().filter(|e| e.section == Some(i)).flat_map(|e| &e.school_ids) {
                if !school_ids.contains(id) {
                    school_ids.push(*id);
                }
            }
            domain::SectionDraft {
                number: s.number.clone(),
                title: s.title.clone(),
                goal: String::new(),
                school_ids,
            }
        })
        .collect();
    let events: Vec<OutlineEvent> = r
        .events
        .iter()
        .map(|e| OutlineEvent {
            section: e.section,
            parent: e.parent,
            number: e.number.clone(),
            row: e.row.clone(),
        })
        .collect();
    // Read in the recognised period: written as read, unless the caller chose another period.
    let parsed = (new.period == r.period).then(|| r.events.iter().map(|e| e.timeframe.clone()).collect());
    (RoadmapDraft { plan: new, sections, events }, parsed)
}
