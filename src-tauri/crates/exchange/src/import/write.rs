//! Stores a recognised plan: the plan, its sections, its events with their executors (people
//! new to the district are added), all in the caller's transaction — all or nothing.

use domain::{EventDraft, EventStatus, Id, PlanDraft};
use rusqlite::Transaction;
use serde::Serialize;
use store::{plan, section, StoreResult};
use ts_rs::TS;

use super::Recognised;
use crate::bundle::{write_outline, BundleEvent};

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
/// above the table; a section targets the known schools its events name.
/// `work` hears of every few hundred events and may stop the writing (the caller rolls back).
pub fn write(tx: &Transaction, new: &PlanDraft, r: &Recognised, work: &domain::Work) -> StoreResult<Written> {
    let mut new = new.clone();
    if new.goal.trim().is_empty() {
        new.goal = r.goal.clone();
    }
    if new.tasks.is_empty() {
        new.tasks = r.tasks.clone();
    }
    let plan_id = plan::save(tx, None, &new)?;
    let sections: Vec<section::NewSection> = r
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
            section::NewSection {
                number: s.number.clone(),
                title: s.title.clone(),
                goal: String::new(),
                school_ids,
            }
        })
        .collect();
    let events: Vec<BundleEvent> = r
        .events
        .iter()
        .map(|e| BundleEvent {
            section: e.section,
            parent: e.parent,
            number: e.number.clone(),
            row: EventDraft {
                content: e.content.clone(),
                timeframe_text: e.timeframe.text.clone(),
                place: e.place.clone(),
                executors: e.executors.clone(),
                result: e.result.clone(),
                evidence: e.evidence.clone(),
                status: e.status.unwrap_or(if e.completion_mark.is_empty() {
                    EventStatus::Planned
                } else {
                    EventStatus::Done
                }),
                completion_mark: e.completion_mark.clone(),
            },
        })
        .collect();
    // Read in the recognised period: written as read, unless the caller chose another period.
    let parsed: Vec<timeframe::Timeframe> = if new.period == r.period {
        r.events.iter().map(|e| e.timeframe.clone()).collect()
    } else {
        Vec::new()
    };
    write_outline(tx, plan_id, &sections, &events, (!parsed.is_empty()).then_some(parsed.as_slice()), work)?;
    Ok(Written {
        plan: plan_id,
        sections: sections.len(),
        events: events.len(),
        warnings: r.warnings.clone(),
    })
}
