//! The roadmap as one whole: the one writer of a new plan with its sections and events — a
//! table import, a bundle, a copy to next year and the generated district all come through
//! here, each as a domain [`RoadmapDraft`].

use domain::{Id, RoadmapDraft};
use rusqlite::Transaction;

use crate::{event, executor, plan, section, StoreError, StoreResult};

/// Writes `d` as a new plan in the caller's transaction and gives its id. Sections and events
/// keep their order and numbers; executors new to the district are added; a broken index is
/// refused. `parsed`: the events' timeframes already read in the plan's period (an import read
/// them for its preview), one per event — else each is read here. `work` hears of every few
/// hundred events and may stop the writing (the caller rolls back).
pub fn write(
    tx: &Transaction,
    d: &RoadmapDraft,
    parsed: Option<&[timeframe::Timeframe]>,
    work: &domain::Work,
) -> StoreResult<Id> {
    let plan_id = plan::save(tx, None, &d.plan)?;
    let section_ids =
        d.sections.iter().map(|s| section::insert(tx, plan_id, s)).collect::<StoreResult<Vec<Id>>>()?;
    let mut event_ids: Vec<Id> = Vec::with_capacity(d.events.len());
    for (i, e) in d.events.iter().enumerate() {
        work.item("Запись мероприятий", i, d.events.len(), 250)?;
        let bad = |what: &str| {
            StoreError::invalid("bundle", format!("мероприятие {}: неверная ссылка на {what}", i + 1))
        };
        let section_id =
            e.section.map(|s| section_ids.get(s).copied().ok_or_else(|| bad("раздел"))).transpose()?;
        let parent_id =
            e.parent.map(|p| event_ids.get(p).copied().ok_or_else(|| bad("родителя"))).transpose()?;
        let row = &e.row;
        let executor_ids = row
            .executors
            .iter()
            .filter(|x| !x.name.trim().is_empty())
            .map(|x| executor::find_or_create(tx, x.kind, &x.name, &x.position, &x.organisation))
            .collect::<StoreResult<Vec<Id>>>()?;
        let new = event::NewEvent {
            section_id,
            parent_id,
            number: e.number.clone(),
            content: row.content.clone(),
            timeframe_text: row.timeframe_text.clone(),
            place: row.place.clone(),
            executor_ids,
            result: row.result.clone(),
            evidence: row.evidence.clone(),
            status: row.status,
            completion_mark: row.completion_mark.clone(),
        };
        let id = match parsed.and_then(|p| p.get(i)) {
            Some(tf) => event::insert_parsed(tx, plan_id, &new, tf)?,
            None => event::insert(tx, plan_id, &new)?,
        };
        event_ids.push(id);
    }
    Ok(plan_id)
}
