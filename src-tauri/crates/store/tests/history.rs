//! The history of changes on a whole district: every kind of change, undone, gives back the
//! database exactly as it was before it (every table, every row), and redone, exactly as it
//! was after; undo takes back only the newest change, whatever kind the others were.

use domain::{EventStatus, Move, PairingDraft, SchoolDraft};
use store::{district, event, holiday, pairing, plan, risk, roadmap, school, section, webinar, Store};

/// Every row of every table but the history itself, as text, in a stable order.
fn dump(store: &Store) -> Vec<String> {
    let conn = store.read();
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite%' AND name <> 'change_log' ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let mut out = Vec::new();
    for t in tables {
        let mut stmt = conn.prepare(&format!("SELECT * FROM \"{t}\"")).unwrap();
        let n = stmt.column_count();
        let mut rows: Vec<String> = stmt
            .query_map([], |r| {
                let cells: Vec<String> = (0..n).map(|i| format!("{:?}", r.get_ref(i).unwrap())).collect();
                Ok(format!("{t}: {}", cells.join(" | ")))
            })
            .unwrap()
            .map(Result::unwrap)
            .collect();
        rows.sort();
        out.extend(rows);
    }
    out
}

fn demo() -> Store {
    let mut store = Store::open_in_memory().unwrap();
    let d = district::parse(include_str!("../../../../assets/demo/taganrog-2022-2023.json")).unwrap();
    district::load(&mut store, &d).unwrap();
    store
}

type Change = Box<dyn Fn(&mut Store)>;

fn changes() -> Vec<(&'static str, Change)> {
    let d = |s: &str| s.parse::<chrono::NaiveDate>().unwrap();
    vec![
        (
            "срок",
            Box::new(|s: &mut Store| {
                s.change("Срок", |tx| event::set_timeframe(tx, 3, "до 20 мая 2023 г.")).unwrap();
            }),
        ),
        (
            "отметка",
            Box::new(|s: &mut Store| {
                s.change("Отметка", |tx| {
                    event::set_status(tx, 2, EventStatus::Done, "выполнено", "Протокол № 1")
                })
                .unwrap();
            }),
        ),
        (
            "строка",
            Box::new(|s: &mut Store| {
                s.change("Строка", |tx| roadmap::add_event(tx, 1, None, Some(4))).unwrap();
            }),
        ),
        (
            "сдвиг",
            Box::new(|s: &mut Store| {
                s.change("Сдвиг", |tx| roadmap::shift_event(tx, 5, Move::Up)).unwrap();
            }),
        ),
        (
            "удаление строки",
            Box::new(|s: &mut Store| {
                s.change("Удаление", |tx| roadmap::remove_event(tx, 1)).unwrap();
            }),
        ),
        (
            "раздел вверх",
            Box::new(|s: &mut Store| {
                let second = section::list(s.read(), 1).unwrap()[1].id;
                s.change("Раздел", |tx| roadmap::shift_section(tx, second, true)).unwrap();
            }),
        ),
        (
            "школа",
            Box::new(|s: &mut Store| {
                let draft = SchoolDraft {
                    name: "Новая школа".into(),
                    short_name: "СОШ № 99".into(),
                    ..Default::default()
                };
                s.change("Школа", |tx| school::insert(tx, &draft)).unwrap();
            }),
        ),
        (
            "пара",
            Box::new(move |s: &mut Store| {
                let p = PairingDraft {
                    supported_school_id: 1,
                    mentor_school_id: 12,
                    start: d("2023-09-01"),
                    end: d("2024-08-31"),
                    basis_order: String::new(),
                    basis_agreement: String::new(),
                    note: String::new(),
                };
                s.change("Пара", |tx| pairing::insert(tx, &p)).unwrap();
            }),
        ),
        (
            "вебинар",
            Box::new(move |s: &mut Store| {
                let w = webinar::list(s.read()).unwrap()[0].webinars[0].id;
                s.change("Вебинар", |tx| webinar::reschedule(tx, w, d("2023-03-24"), None)).unwrap();
            }),
        ),
        (
            "праздник",
            Box::new(move |s: &mut Store| {
                s.change("Праздник", |tx| holiday::set(tx, d("2023-03-30"), "Региональный праздник"))
                    .unwrap();
            }),
        ),
        (
            "риск",
            Box::new(|s: &mut Store| {
                s.change("Риск", |tx| risk::set_level(tx, 1, 1, 2023, Some(domain::RiskLevel::High)))
                    .unwrap();
                s.change("Связь", |tx| risk::link_event(tx, 2, 1, true)).unwrap();
            }),
        ),
        (
            "фактор удалён",
            Box::new(|s: &mut Store| {
                s.change("Фактор", |tx| risk::remove_factor(tx, 1)).unwrap();
            }),
        ),
        (
            "школа удалена каскадом",
            Box::new(|s: &mut Store| {
                s.change("Удалена школа", |tx| {
                    Ok(tx.execute("DELETE FROM school WHERE id = 12", [])?)
                })
                .unwrap();
            }),
        ),
        (
            "дорожная карта удалена",
            Box::new(|s: &mut Store| {
                s.change("Удалена карта", |tx| plan::delete(tx, 1)).unwrap();
            }),
        ),
    ]
}

#[test]
fn every_kind_of_change_undoes_and_redoes_exactly() {
    for (name, change) in changes() {
        let mut store = demo();
        let before = dump(&store);
        change(&mut store);
        let after = dump(&store);
        assert_ne!(before, after, "{name}: the change changed something");
        while store.history_state().unwrap().undo > 1 {
            store.undo().unwrap();
        }
        assert_eq!(dump(&store), before, "{name}: undone");
        store.redo().unwrap();
        while store.history_state().unwrap().redo > 0 {
            store.redo().unwrap();
        }
        assert_eq!(dump(&store), after, "{name}: redone");
        let fk: i64 = store
            .read()
            .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| r.get(0))
            .unwrap();
        assert_eq!(fk, 0, "{name}: foreign keys hold");
    }
}

#[test]
fn undo_takes_back_only_the_newest_change_of_any_kind() {
    let mut store = demo();
    let all = changes();
    // An editor change, then a change of every other kind, then undo once: only the last goes.
    for (_, change) in &all[..4] {
        change(&mut store);
    }
    let before_last = dump(&store);
    (all[9].1)(&mut store);
    let last = dump(&store);
    assert_eq!(store.undo().unwrap().as_deref(), Some("Праздник"));
    assert_eq!(dump(&store), before_last);
    store.redo().unwrap();
    assert_eq!(dump(&store), last);
}
