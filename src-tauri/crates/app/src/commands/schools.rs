//! The schools commands: what the window's commands and the command line call.

use domain::{Id, Pairing, School, SchoolDraft, SchoolYear};
use store::Store;

use crate::error::CommandResult;

pub fn list_schools(store: &Store, year: Option<i32>) -> CommandResult<Vec<School>> {
    Ok(store::school::list(store.read(), year)?)
}

pub fn create_school(store: &mut Store, draft: SchoolDraft) -> CommandResult<School> {
    let id = store.change(format!("Добавлена школа «{}»", draft.short_name.trim()), |tx| {
        store::school::insert(tx, &draft)
    })?;
    Ok(store::school::get(store.read(), id)?)
}

pub fn update_school(store: &mut Store, id: Id, draft: SchoolDraft) -> CommandResult<School> {
    store.change(format!("Изменена школа «{}»", draft.short_name.trim()), |tx| {
        store::school::update(tx, id, &draft)
    })?;
    Ok(store::school::get(store.read(), id)?)
}

/// Creates (`id` = None) or rewrites a pairing.
pub fn save_pairing(store: &mut Store, id: Option<Id>, draft: domain::PairingDraft) -> CommandResult<Id> {
    Ok(store.change(
        if id.is_some() {
            "Изменена пара наставничества"
        } else {
            "Добавлена пара наставничества"
        },
        |tx| match id {
            None => store::pairing::insert(tx, &draft),
            Some(id) => store::pairing::update(tx, id, &draft).map(|()| id),
        },
    )?)
}

pub fn delete_pairing(store: &mut Store, id: Id) -> CommandResult<()> {
    Ok(store.change("Удалена пара наставничества", |tx| {
        store::pairing::delete(tx, id)
    })?)
}

/// «Наставничество» for one school year: its pairings, what needs a second look (checked
/// against the mentor limit), the schools to offer in a new pairing, and the years to choose.
#[derive(Debug, serde::Serialize, ts_rs::TS)]
#[ts(export)]
pub struct PairingYear {
    pub year: SchoolYear,
    pub years: Vec<SchoolYear>,
    pub pairings: Vec<Pairing>,
    pub limit: u32,
    pub conflicts: Vec<domain::PairingConflict>,
    pub choices: domain::PairingChoices,
}

/// `year` None: the latest school year that has pairings, not after the current one.
pub fn pairing_year(store: &Store, year: Option<i32>) -> CommandResult<PairingYear> {
    let conn = store.read();
    let limit = store::setting::number(conn, store::setting::MENTOR_LIMIT, 3)?.max(0) as usize;
    let all = store::pairing::list(conn, None)?;
    let schools = store::school::list(conn, None)?;
    let today = chrono::Local::now().date_naive();
    let current = domain::school_year_of(today);
    let year = SchoolYear::new(year.unwrap_or_else(|| {
        all.iter()
            .map(|p| domain::school_year_of(p.draft.end))
            .filter(|&y| y <= current)
            .max()
            .unwrap_or(current)
    }));
    let known = all
        .iter()
        .flat_map(|p| [domain::school_year_of(p.draft.start), domain::school_year_of(p.draft.end)])
        .chain(schools.iter().flat_map(|s| s.draft.statuses.iter().map(|st| st.year)))
        .chain([year.year]);
    let years = domain::school_years(known, today);
    let pairings: Vec<Pairing> =
        all.into_iter().filter(|p| year.touches(p.draft.start, p.draft.end)).collect();
    Ok(PairingYear {
        limit: limit as u32,
        conflicts: domain::pairing_conflicts(&pairings, &schools, &year, limit),
        choices: domain::pairing_choices(&pairings, &schools, &year),
        pairings,
        year,
        years,
    })
}

pub fn set_mentor_limit(store: &mut Store, limit: u32) -> CommandResult<()> {
    Ok(store.change(format!("Предел школ на наставника: {limit}"), |tx| {
        store::setting::set(tx, store::setting::MENTOR_LIMIT, &limit.to_string())
    })?)
}
