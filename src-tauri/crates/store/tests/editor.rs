//! The editor's writes: a plan from nothing, its sections and events moved, indented, edited,
//! deleted and the deletion undone — every step one undoable transaction.

use domain::{EventDraft, ExecutorDraft, ExecutorKind, Move, Period, PlanDraft, SectionDraft};
use store::{event, plan, roadmap, section, Store, StoreError};

fn period() -> Period {
    "2023-09-01..2024-08-31".parse().unwrap()
}

fn draft(title: &str) -> PlanDraft {
    PlanDraft {
        title: title.into(),
        period: period(),
        issuer: "Управление образования г. Таганрога".into(),
        coordinator: Some(ExecutorDraft {
            kind: ExecutorKind::Person,
            name: "Баркалова Е.В.".into(),
            position: "муниципальный координатор".into(),
            organisation: String::new(),
        }),
        goal: "Цель".into(),
        tasks: vec!["первая".into(), " ".into(), "вторая".into()],
    }
}

fn numbers(store: &Store, plan_id: i64) -> Vec<String> {
    roadmap::read(store.read(), plan_id)
        .unwrap()
        .events
        .iter()
        .map(|e| format!("{} {}", e.number, e.content))
        .collect()
}

#[test]
fn a_plan_written_from_nothing() {
    let mut store = Store::open_in_memory().unwrap();
    let p = store
        .change("Изменение", |tx| roadmap::save_plan(tx, None, &draft("Дорожная карта 2023–2024")))
        .unwrap();
    let s = |n: &str, t: &str| SectionDraft { number: n.into(), title: t.into(), ..Default::default() };
    let s1 = store
        .change("Изменение", |tx| {
            section::insert(
                tx,
                p,
                &domain::SectionDraft { number: "1".into(), title: "Этап".into(), ..Default::default() },
            )
        })
        .unwrap();
    let s2 = store
        .change("Изменение", |tx| {
            section::insert(
                tx,
                p,
                &domain::SectionDraft {
                    number: "2".into(), title: "Итоги".into(), ..Default::default()
                },
            )
        })
        .unwrap();
    store.change("Изменение", |tx| section::update(tx, s2, &s("2", "Итоговый этап"))).unwrap();

    let mut ids = Vec::new();
    for (i, (sec, text)) in
        [(s1, "Приказ"), (s1, "Совещание"), (s1, "Семинар"), (s2, "Отчёт"), (s2, "Конференция")]
            .into_iter()
            .enumerate()
    {
        let id = store.change("Изменение", |tx| roadmap::add_event(tx, p, Some(sec), None)).unwrap();
        let d = EventDraft {
            content: text.into(),
            timeframe_text: if i == 0 { "до 10 октября 2023 г.".into() } else { "март".into() },
            ..EventDraft::default()
        };
        store.change("Изменение", |tx| event::update(tx, id, &d)).unwrap();
        ids.push(id);
    }
    assert_eq!(
        numbers(&store, p),
        ["1.1 Приказ", "1.2 Совещание", "1.3 Семинар", "2.1 Отчёт", "2.2 Конференция"]
    );

    store.change("Изменение", |tx| roadmap::shift_event(tx, ids[2], Move::Indent)).unwrap();
    assert_eq!(
        numbers(&store, p),
        ["1.1 Приказ", "1.2 Совещание", "1.2.1 Семинар", "2.1 Отчёт", "2.2 Конференция"]
    );
    // «Совещание» moves up with its sub-event; an event added after «Приказ» goes between.
    store.change("Изменение", |tx| roadmap::shift_event(tx, ids[1], Move::Up)).unwrap();
    let added = store.change("Изменение", |tx| roadmap::add_event(tx, p, None, Some(ids[0]))).unwrap();
    assert_eq!(
        numbers(&store, p),
        ["1.1 Совещание", "1.1.1 Семинар", "1.2 Приказ", "1.3 ", "2.1 Отчёт", "2.2 Конференция"]
    );
    assert!(matches!(
        store.change("Изменение", |tx| roadmap::shift_event(tx, ids[1], Move::Outdent)),
        Err(StoreError::Invalid { .. })
    ));

    // Deleted, then undone: everything is back with its numbers.
    store.change("Изменение", |tx| roadmap::remove_event(tx, ids[1])).unwrap();
    assert_eq!(numbers(&store, p), ["1.1 Приказ", "1.2 ", "2.1 Отчёт", "2.2 Конференция"]);
    assert!(store.undo().unwrap().is_some());
    assert_eq!(
        numbers(&store, p),
        ["1.1 Совещание", "1.1.1 Семинар", "1.2 Приказ", "1.3 ", "2.1 Отчёт", "2.2 Конференция"]
    );
    assert!(store.redo().unwrap().is_some());
    store.change("Изменение", |tx| roadmap::move_event_before(tx, ids[4], ids[0])).unwrap();
    assert_eq!(numbers(&store, p), ["1.1 Конференция", "1.2 Приказ", "1.3 ", "2.1 Отчёт"]);
    let _ = added;

    // The second section moved up: it takes number 1, its event 1.1; the others follow.
    store.change("Изменение", |tx| roadmap::shift_section(tx, s2, true)).unwrap();
    assert_eq!(numbers(&store, p), ["1.1 Отчёт", "2.1 Конференция", "2.2 Приказ", "2.3 "]);
    assert!(store.change("Изменение", |tx| roadmap::shift_section(tx, s2, true)).is_err());

    let r = roadmap::read(store.read(), p).unwrap();
    assert_eq!(r.plan.tasks, ["первая", "вторая"]);
    assert_eq!(r.plan.coordinator.unwrap().name, "Баркалова Е.В.");
    let order = r.events.iter().find(|e| e.content == "Приказ").unwrap();
    assert_eq!(order.timeframe.end.unwrap().to_string(), "2023-10-10");
}

#[test]
fn bad_values_are_refused_and_change_nothing() {
    let mut store = Store::open_in_memory().unwrap();
    let err = store.change("Изменение", |tx| roadmap::save_plan(tx, None, &draft("  "))).unwrap_err();
    assert!(matches!(err, StoreError::Invalid { field: Some(domain::ErrorField::Title), .. }));
    let mut d = draft("План");
    d.period = Period { start: period().end, end: period().start };
    let err = store.change("Изменение", |tx| roadmap::save_plan(tx, None, &d)).unwrap_err();
    assert!(matches!(err, StoreError::Invalid { field: Some(domain::ErrorField::Period), .. }), "{err}");
    assert_eq!(store.history_state().unwrap().undo, 0);
    assert!(plan::list(store.read()).unwrap().is_empty());
    // A new period places the events again.
    let p = store.change("Изменение", |tx| roadmap::save_plan(tx, None, &draft("План"))).unwrap();
    let e = store.change("Изменение", |tx| roadmap::add_event(tx, p, None, None)).unwrap();
    let ev =
        EventDraft {
            content: "Совещание".into(), timeframe_text: "март".into(), ..EventDraft::default()
        };
    store.change("Изменение", |tx| event::update(tx, e, &ev)).unwrap();
    let mut d = draft("План");
    d.period = "2024-01-01..2024-12-31".parse().unwrap();
    store.change("Изменение", |tx| roadmap::save_plan(tx, Some(p), &d)).unwrap();
    let r = roadmap::read(store.read(), p).unwrap();
    assert_eq!(r.events[0].timeframe.start.unwrap().to_string(), "2024-03-01");
}

#[test]
fn an_order_composed_for_the_plan_approves_it_and_is_rewritten_in_place() {
    use domain::{AnnexDraft, AnnexKind, OrderDraft, Orientation, PointDraft};
    let mut store = Store::open_in_memory().unwrap();
    let p = store.change("Изменение", |tx| roadmap::save_plan(tx, None, &draft("План"))).unwrap();
    let order = OrderDraft {
        issuer: "Управление образования г. Таганрога".into(),
        date: chrono::NaiveDate::from_ymd_opt(2023, 9, 1).unwrap(),
        number: "301".into(),
        place: "г. Таганрог".into(),
        title: "Об утверждении дорожной карты".into(),
        preamble: String::new(),
        points: vec![],
        signatory_position: "Начальник Управления образования".into(),
        signatory_name: "О.Л. Морозова".into(),
        executor_name: String::new(),
        executor_phone: String::new(),
    };
    let roadmap = AnnexDraft {
        kind: AnnexKind::Roadmap,
        title: String::new(),
        orientation: Orientation::Landscape,
        plan_id: Some(p),
        working_group_id: None,
    };
    let points = vec![
        PointDraft {
            text: "Утвердить дорожную карту".into(), annex: Some(roadmap.clone())
        },
        PointDraft {
            text: "Контроль исполнения приказа оставляю за собой".into(), annex: None
        },
    ];
    let id = store.change("Изменение", |tx| store::order::save(tx, None, &order, &points)).unwrap();
    assert_eq!(plan::get(store.read(), p).unwrap().approving_order_id, Some(id));
    let o = store::order::get(store.read(), id).unwrap();
    assert_eq!(
        o.draft.points,
        ["Утвердить дорожную карту (приложение).", "Контроль исполнения приказа оставляю за собой."]
    );
    assert_eq!(o.annexes[0].draft.plan_id, Some(p));

    let mut more = points.clone();
    more.insert(
        0,
        PointDraft {
            text: "Закрепить школы-наставники".into(),
            annex: Some(AnnexDraft { kind: AnnexKind::Pairings, plan_id: None, ..roadmap }),
        },
    );
    let same = store.change("Изменение", |tx| store::order::save(tx, Some(id), &order, &more)).unwrap();
    assert_eq!(same, id);
    let o = store::order::get(store.read(), id).unwrap();
    assert_eq!(o.draft.points[1], "Утвердить дорожную карту (приложение 2).");
    assert_eq!(
        o.annexes.iter().map(|a| a.draft.kind).collect::<Vec<_>>(),
        [AnnexKind::Pairings, AnnexKind::Roadmap]
    );
    assert_eq!(
        domain::points_of(&o),
        more.iter().map(|p| PointDraft { text: p.text.clone(), annex: p.annex.clone() }).collect::<Vec<_>>()
    );
    // A rewrite needs what a new order needs (the title was checked for new orders only).
    let no_title = OrderDraft { title: "  ".into(), ..order.clone() };
    assert!(matches!(
        store.change("Изменение", |tx| store::order::save(tx, Some(id), &no_title, &more)),
        Err(StoreError::Invalid { field: Some(domain::ErrorField::Title), .. })
    ));
    let no_number = OrderDraft { number: " ".into(), ..order };
    assert!(matches!(
        store.change("Изменение", |tx| store::order::save(tx, Some(id), &no_number, &more)),
        Err(StoreError::Invalid { field: Some(domain::ErrorField::Number), .. })
    ));
}
