//! Stores a recognised plan: the plan, its sections, its events with their executors (people
//! new to the district are added), all in the caller's transaction — all or nothing.

use domain::{EventStatus, Id};
use rusqlite::Transaction;
use serde::Serialize;
use store::{event, executor, plan, section, StoreResult};
use ts_rs::TS;

use super::Recognised;

/// What an import wrote: the CLI prints it as JSON.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Written {
    #[ts(type = "number")]
    pub plan: Id,
    pub sections: usize,
    pub events: usize,
    pub warnings: Vec<String>,
}

/// Writes `r` as a new plan. The plan's goal and tasks, when left empty, come from the text
/// above the table.
pub fn write(tx: &Transaction, new: &plan::NewPlan, r: &Recognised) -> StoreResult<Written> {
    let mut new = new.clone();
    if new.goal.trim().is_empty() {
        new.goal = r.goal.clone();
    }
    if new.tasks.is_empty() {
        new.tasks = r.tasks.clone();
    }
    let plan_id = plan::insert(tx, &new)?;
    let mut section_ids = Vec::with_capacity(r.sections.len());
    for s in &r.sections {
        let mut school_ids: Vec<Id> = Vec::new();
        for e in r.events.iter().filter(|e| e.section == Some(section_ids.len())) {
            school_ids.extend(e.school_ids.iter().filter(|id| !school_ids.contains(id)).collect::<Vec<_>>());
        }
        let new = section::NewSection {
            number: s.number.clone(),
            title: s.title.clone(),
            goal: String::new(),
            school_ids,
        };
        section_ids.push(section::insert(tx, plan_id, &new)?);
    }
    let mut event_ids: Vec<Id> = Vec::with_capacity(r.events.len());
    for e in &r.events {
        let mut executor_ids = Vec::new();
        for x in &e.executors {
            executor_ids.push(executor::find_or_create(tx, x.kind, &x.name, &x.position, &x.organisation)?);
        }
        let new = event::NewEvent {
            section_id: e.section.map(|s| section_ids[s]),
            parent_id: e.parent.map(|p| event_ids[p]),
            number: e.number.clone(),
            content: e.content.clone(),
            timeframe_text: e.timeframe.text.clone(),
            executor_ids,
            result: e.result.clone(),
            evidence: e.evidence.clone(),
            status: if e.completion_mark.is_empty() { EventStatus::Planned } else { EventStatus::Done },
            completion_mark: e.completion_mark.clone(),
        };
        event_ids.push(event::insert(tx, plan_id, &new)?);
    }
    Ok(Written {
        plan: plan_id,
        sections: section_ids.len(),
        events: event_ids.len(),
        warnings: r.warnings.clone(),
    })
}
