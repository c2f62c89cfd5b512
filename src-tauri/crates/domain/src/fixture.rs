//! Test values built in one place: an event and a roadmap with nothing but what a test sets.

use crate::{Event, Id, Period, Plan, Roadmap, Section};

/// The plan period the fixtures use: the 2022/23 school year.
pub fn period() -> Period {
    "2022-09-01..2023-08-31".parse().expect("a period")
}

/// Event `id` numbered `id`, of section `id`'s plan 1, with empty texts and no timeframe.
pub fn event(id: Id) -> Event {
    Event {
        id,
        plan_id: 1,
        position: id as i32,
        number: id.to_string(),
        timeframe: timeframe::parse("", &period()),
        ..Event::default()
    }
}

/// Plan 1 «План» over [`period`] with these events and no sections.
pub fn roadmap(events: Vec<Event>) -> Roadmap {
    Roadmap {
        plan: Plan {
            id: 1,
            title: "План".into(),
            period: period(),
            issuer: String::new(),
            coordinator: None,
            goal: String::new(),
            tasks: Vec::new(),
            approving_order_id: None,
        },
        sections: Vec::new(),
        events,
    }
}

/// Section `id` «Раздел id» of plan 1, numbered `id`, in place `id`, without schools.
pub fn section(id: Id) -> Section {
    Section {
        id,
        plan_id: 1,
        position: id as i32,
        number: id.to_string(),
        title: format!("Раздел {id}"),
        goal: String::new(),
        school_ids: Vec::new(),
    }
}
