//! The roadmap as one whole — the plan with its sections and events. Whatever touches more than
//! one of those tables lives here: reading the whole, a plan saved with a new period (every
//! timeframe placed again), the outline's moves (events renumbered across the plan) and the one
//! writer of a new plan — a table import, a bundle, a copy to next year and the generated
//! district all come through [`write`], each as a domain [`RoadmapDraft`]. The table modules
//! (`plan`, `section`, `event`) do not call each other.

use domain::outline::{self, Node, SectionNumber};
use domain::{EventDraft, Id, Move, Period, PlanDraft, Roadmap, RoadmapDraft};
use rusqlite::{params, Connection, Transaction};

use crate::{event, plan, section, StoreError, StoreResult};

/// The plan with its sections and events, in print order, from one read.
pub fn read(conn: &Connection, id: Id) -> StoreResult<Roadmap> {
    crate::snapshot(conn, |conn| {
        Ok(Roadmap {
            plan: plan::get(conn, id)?,
            sections: section::list(conn, id)?,
            events: event::list(conn, id)?,
        })
    })
}

/// Creates (`id` = None) or rewrites a plan from its form; a new period places every event's
/// timeframe again.
pub fn save_plan(tx: &Transaction, id: Option<Id>, d: &PlanDraft) -> StoreResult<Id> {
    let old = id.map(|id| plan::period(tx, id)).transpose()?;
    let id = plan::save(tx, id, d)?;
    if old.is_some_and(|old| old != d.period) {
        set_period(tx, id, d.period)?;
    }
    Ok(id)
}

/// Changes the plan's period and places every event's timeframe in the new one.
pub fn set_period(tx: &Transaction, plan_id: Id, period: Period) -> StoreResult<()> {
    plan::set_period(tx, plan_id, period)?;
    event::reresolve(tx, plan_id, &period)
}

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
        let bad =
            |what: &str| StoreError::refused(format!("мероприятие {}: неверная ссылка на {what}", i + 1));
        let section_id =
            e.section.map(|s| section_ids.get(s).copied().ok_or_else(|| bad("раздел"))).transpose()?;
        let parent_id =
            e.parent.map(|p| event_ids.get(p).copied().ok_or_else(|| bad("родителя"))).transpose()?;
        let read_here;
        let tf = match parsed.and_then(|p| p.get(i)) {
            Some(tf) => tf,
            None => {
                read_here = timeframe::parse(&e.row.timeframe_text, &d.plan.period);
                &read_here
            }
        };
        event_ids.push(event::insert(tx, plan_id, (section_id, parent_id), &e.number, &e.row, tf)?);
    }
    Ok(plan_id)
}

/// The plan's events as an outline, and its sections' numbers in order.
fn outline_of(conn: &Connection, plan_id: Id) -> StoreResult<(Vec<Node>, Vec<SectionNumber>)> {
    let nodes = conn
        .prepare(
            "SELECT id, section_id, parent_id, number FROM event WHERE plan_id = ?1 ORDER BY position, id",
        )?
        .query_map([plan_id], |r| {
            Ok(Node {
                id: r.get("id")?,
                section_id: r.get("section_id")?,
                parent_id: r.get("parent_id")?,
                number: r.get("number")?,
            })
        })?
        .collect::<Result<_, _>>()?;
    let sections = conn
        .prepare("SELECT id, number FROM section WHERE plan_id = ?1 ORDER BY position")?
        .query_map([plan_id], |r| Ok((r.get("id")?, r.get("number")?)))?
        .collect::<Result<_, _>>()?;
    Ok((nodes, sections))
}

/// Writes the outline's order, levels, sections and numbers back.
fn write_outline(tx: &Transaction, nodes: &[Node]) -> StoreResult<()> {
    let mut stmt = tx.prepare(
        "UPDATE event SET position = ?2, section_id = ?3, parent_id = ?4, number = ?5 WHERE id = ?1",
    )?;
    for (i, n) in nodes.iter().enumerate() {
        stmt.execute(params![n.id, i as i64 + 1, n.section_id, n.parent_id, n.number])?;
    }
    Ok(())
}

fn plan_of(tx: &Transaction, event_id: Id) -> StoreResult<Id> {
    tx.query_row("SELECT plan_id FROM event WHERE id = ?1", [event_id], |r| r.get(0))
        .map_err(|_| StoreError::NotFound { what: "мероприятия", id: event_id })
}

/// A new empty event after `after` (at its level) or at the end of `section_id`, numbered by its
/// place; everything after it is renumbered.
pub fn add_event(
    tx: &Transaction,
    plan_id: Id,
    section_id: Option<Id>,
    after: Option<Id>,
) -> StoreResult<Id> {
    let empty = EventDraft::default();
    let tf = timeframe::parse("", &plan::period(tx, plan_id)?);
    let id = event::insert(tx, plan_id, (section_id, None), "", &empty, &tf)?;
    let (mut nodes, sections) = outline_of(tx, plan_id)?;
    let node = nodes
        .pop()
        .filter(|n| n.id == id)
        .ok_or(StoreError::NotFound { what: "мероприятия", id })?;
    outline::insert(&mut nodes, node, after, &sections).map_err(StoreError::refused)?;
    write_outline(tx, &nodes)?;
    Ok(id)
}

/// Moves an event up, down, right (under the one above) or left; its sub-events go with it.
pub fn shift_event(tx: &Transaction, event_id: Id, m: Move) -> StoreResult<()> {
    let (mut nodes, sections) = outline_of(tx, plan_of(tx, event_id)?)?;
    outline::apply(&mut nodes, event_id, m, &sections).map_err(StoreError::refused)?;
    write_outline(tx, &nodes)
}

/// Puts an event (and its sub-events) just before `target`, at the target's level.
pub fn move_event_before(tx: &Transaction, event_id: Id, target: Id) -> StoreResult<()> {
    let (mut nodes, sections) = outline_of(tx, plan_of(tx, event_id)?)?;
    outline::move_before(&mut nodes, event_id, target, &sections).map_err(StoreError::refused)?;
    write_outline(tx, &nodes)
}

/// Deletes an event and its sub-events; the rest are renumbered.
pub fn remove_event(tx: &Transaction, event_id: Id) -> StoreResult<()> {
    let (mut nodes, sections) = outline_of(tx, plan_of(tx, event_id)?)?;
    outline::remove(&mut nodes, event_id, &sections).map_err(StoreError::refused)?;
    tx.execute("DELETE FROM event WHERE id = ?1", [event_id])?;
    write_outline(tx, &nodes)
}

/// Moves a section one place up or down; its events follow it, renumbered.
pub fn shift_section(tx: &Transaction, id: Id, up: bool) -> StoreResult<()> {
    let plan_id = section::shift(tx, id, up)?;
    let (mut nodes, sections) = outline_of(tx, plan_id)?;
    outline::regroup(&mut nodes, &sections);
    write_outline(tx, &nodes)
}

#[cfg(test)]
mod tests {
    /// The table modules stay leaves under this one: none of them names another (outside its
    /// tests), so the plan, its sections and its events cannot call each other in a cycle.
    #[test]
    fn the_table_modules_do_not_call_each_other() {
        let modules = [
            ("plan", include_str!("plan.rs")),
            ("section", include_str!("section.rs")),
            ("event", include_str!("event.rs")),
        ];
        for (name, source) in modules {
            let code = source.split("#[cfg(test)]").next().unwrap_or_default();
            for other in ["plan", "section", "event", "roadmap"].into_iter().filter(|o| *o != name) {
                for used in [format!("crate::{other}::"), format!("{other}::"), format!("crate::{{{other}")] {
                    let found = code.lines().find(|l| {
                        let l = l.trim_start();
                        !l.starts_with("//") && l.contains(&used) && !l.contains(&format!("domain::{other}"))
                    });
                    assert!(found.is_none(), "{name}.rs names {other}: {found:?}");
                }
            }
        }
    }
}
