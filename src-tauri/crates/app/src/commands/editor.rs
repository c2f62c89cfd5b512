//! The editor's commands: every change is saved at once in its own transaction and can be
//! undone (`Store::change`).

use domain::{Change, EventDraft, HistoryState, Id, Move, PlanDraft, SectionDraft, Timeframe};
use store::Store;

use crate::error::{CommandError, CommandResult, ErrorCode};

pub fn save_plan(store: &mut Store, id: Option<Id>, draft: PlanDraft) -> CommandResult<Id> {
    Ok(store.change(
        match id {
            Some(_) => format!("Паспорт дорожной карты «{}» изменён", store::short(&draft.title)),
            None => format!("Создана дорожная карта «{}»", store::short(&draft.title)),
        },
        |tx| store::roadmap::save_plan(tx, id, &draft),
    )?)
}

pub fn delete_plan(store: &mut Store, id: Id) -> CommandResult<()> {
    Ok(store.change_labelled(|tx| {
        let title = store::plan::get(tx, id)?.title;
        store::plan::delete(tx, id)?;
        Ok(((), format!("Удалена дорожная карта «{}»", store::short(&title))))
    })?)
}

pub fn create_section(store: &mut Store, plan_id: Id, draft: SectionDraft) -> CommandResult<Id> {
    Ok(store.change(format!("Добавлен раздел «{}»", store::short(&draft.title)), |tx| {
        store::section::insert(tx, plan_id, &draft)
    })?)
}

pub fn update_section(store: &mut Store, id: Id, draft: SectionDraft) -> CommandResult<()> {
    Ok(store.change(format!("Изменён раздел «{}»", store::short(&draft.title)), |tx| {
        store::section::update(tx, id, &draft)
    })?)
}

pub fn delete_section(store: &mut Store, id: Id) -> CommandResult<()> {
    Ok(store.change("Удалён раздел", |tx| store::section::delete(tx, id))?)
}

/// A new empty event after `after`, or at the end of the section; returns its id.
pub fn add_event(
    store: &mut Store,
    plan_id: Id,
    section_id: Option<Id>,
    after: Option<Id>,
) -> CommandResult<Id> {
    Ok(store.change_labelled(|tx| {
        let id = store::roadmap::add_event(tx, plan_id, section_id, after)?;
        Ok((id, format!("Добавлена строка {}", store::event::label(tx, id))))
    })?)
}

/// Saves an event's row; returns what its timeframe came to. The executors typed as text are
/// read by the importer's rules (one home for «Фамилия И.О., должность; …»).
pub fn update_event(
    store: &mut Store,
    id: Id,
    mut draft: EventDraft,
    executors_text: Option<String>,
) -> CommandResult<Timeframe> {
    if let Some(text) = executors_text {
        draft.executors = exchange::import::executors(&text);
    }
    Ok(store.change_labelled(|tx| {
        let tf = store::event::update(tx, id, &draft)?;
        Ok((tf, format!("Изменена строка {}", store::event::label(tx, id))))
    })?)
}

pub fn delete_event(store: &mut Store, id: Id) -> CommandResult<()> {
    Ok(store.change_labelled(|tx| {
        let label = format!("Удалена строка {}", store::event::label(tx, id));
        store::roadmap::remove_event(tx, id)?;
        Ok(((), label))
    })?)
}

/// Up, down, indent (under the one above), outdent.
pub fn shift_event(store: &mut Store, id: Id, to: Move) -> CommandResult<()> {
    Ok(store.change_labelled(|tx| {
        store::roadmap::shift_event(tx, id, to)?;
        Ok(((), format!("Перемещена строка {}", store::event::label(tx, id))))
    })?)
}

/// A drag: the event goes just before `target`.
pub fn move_event_before(store: &mut Store, id: Id, target: Id) -> CommandResult<()> {
    Ok(store.change_labelled(|tx| {
        store::roadmap::move_event_before(tx, id, target)?;
        Ok(((), format!("Перемещена строка {}", store::event::label(tx, id))))
    })?)
}

/// How deep undo and redo go, and what they would take back or make again.
pub fn history(store: &Store) -> CommandResult<HistoryState> {
    Ok(store.history_state()?)
}

/// Takes back the newest change, whichever view made it.
pub fn undo(store: &mut Store) -> CommandResult<domain::HistoryStep> {
    let done = store.undo_step()?.ok_or_else(|| CommandError::new(ErrorCode::Invalid, "Нечего отменять."))?;
    Ok(domain::HistoryStep {
        state: store.history_state()?,
        message: domain::step_message(true, &done.label, done.elsewhere),
    })
}

pub fn redo(store: &mut Store) -> CommandResult<domain::HistoryStep> {
    let done =
        store.redo_step()?.ok_or_else(|| CommandError::new(ErrorCode::Invalid, "Нечего повторять."))?;
    Ok(domain::HistoryStep {
        state: store.history_state()?,
        message: domain::step_message(false, &done.label, done.elsewhere),
    })
}

/// Undoes the change `id` if it is still the newest: a delete note's «Отменить».
pub fn undo_change(store: &mut Store, id: Id) -> CommandResult<domain::HistoryStep> {
    let done =
        store.undo_change(id)?.ok_or_else(|| CommandError::new(ErrorCode::Invalid, "Нечего отменять."))?;
    Ok(domain::HistoryStep {
        state: store.history_state()?,
        message: domain::step_message(true, &done.label, done.elsewhere),
    })
}

/// «Журнал изменений»: the newest changes, newest first.
pub fn list_changes(store: &Store) -> CommandResult<Vec<Change>> {
    Ok(store::history::list(store.read(), 200)?)
}

/// Undoes changes, newest first, until the change `id` is undone too.
pub fn undo_to(store: &mut Store, id: Id) -> CommandResult<HistoryState> {
    store.undo_to(id)?;
    Ok(store.history_state()?)
}

/// Saves an order from the composer; returns its id.
pub fn save_order(
    store: &mut Store,
    id: Option<Id>,
    draft: domain::OrderDraft,
    points: Vec<domain::PointDraft>,
) -> CommandResult<Id> {
    Ok(store.change(
        if id.is_some() { "Приказ изменён" } else { "Составлен приказ" },
        |tx| store::order::save(tx, id, &draft, &points),
    )?)
}

/// An order's points with the annexes they cite, for the composer.
pub fn order_points(store: &Store, id: Id) -> CommandResult<Vec<domain::PointDraft>> {
    Ok(domain::points_of(&store::order::get(store.read(), id)?))
}

/// What the composer offers for an order about plan `plan_id`: its usual title and the ready
/// points, people and positions declined («Назначить … Смирнову О.П., главного специалиста»).
#[derive(Debug, serde::Serialize, ts_rs::TS)]
#[ts(export)]
pub struct OrderWordings {
    pub title: String,
    pub points: Vec<domain::ReadyPoint>,
    /// What a new order for this plan starts from (domain::new_order).
    pub draft: domain::OrderDraft,
}

pub fn order_wordings(store: &Store, plan_id: Option<Id>) -> CommandResult<OrderWordings> {
    let plan = plan_id.map(|id| store::plan::get(store.read(), id)).transpose()?;
    let groups = store::working_group::list(store.read())?;
    let group = groups.iter().find(|g| plan_id.is_some() && g.plan_id == plan_id).or(groups.first());
    let profile = store::setting::profile(store.read())?;
    let previous = store::order::list(store.read())?.into_iter().next();
    let today = chrono::Local::now().date_naive();
    Ok(OrderWordings {
        title: plan.as_ref().map(domain::order_title).unwrap_or_default(),
        points: domain::ready_points(plan.as_ref(), group),
        draft: domain::new_order(&profile, plan.as_ref(), previous.as_ref().map(|o| &o.draft), today),
    })
}

/// The title the order's points call for (None: they say nothing either way).
pub fn order_title_for(
    store: &Store,
    plan_id: Id,
    points: Vec<domain::PointDraft>,
) -> CommandResult<Option<String>> {
    let plan = store::plan::get(store.read(), plan_id)?;
    Ok(domain::order_title_for(&plan, &points))
}

pub fn list_working_groups(store: &Store) -> CommandResult<Vec<domain::WorkingGroup>> {
    Ok(store::working_group::list(store.read())?)
}

/// Moves a section one place up or down; its events follow.
pub fn shift_section(store: &mut Store, id: Id, up: bool) -> CommandResult<()> {
    Ok(store.change(
        if up {
            "Раздел перемещён выше"
        } else {
            "Раздел перемещён ниже"
        },
        |tx| store::roadmap::shift_section(tx, id, up),
    )?)
}
