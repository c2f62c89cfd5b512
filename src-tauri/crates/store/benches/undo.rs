//! What the history costs: one change of the demo district's data file through `Store::change`
//! (recorded by the session extension into `change_log`) against the same write — the same
//! `event::set_status` — in a plain transaction on a second connection to the same file, in the
//! same run.

use criterion::{criterion_group, criterion_main, Criterion};
use domain::EventStatus;
use store::{district, event, Store};

fn bench(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("district.sqlite3");
    let mut store = Store::create(&file).unwrap();
    let loaded = district::load(&mut store, &district::parse(district::DEMO).unwrap()).unwrap();
    let id = store::roadmap::read(store.read(), loaded.plan_id).unwrap().events[0].id;
    let mut plain = rusqlite::Connection::open(&file).unwrap();
    plain.pragma_update(None, "synchronous", "NORMAL").unwrap();
    let mut group = c.benchmark_group("undo");
    let mut n = 0u64;
    group.bench_function("plain_write_reference", |b| {
        b.iter(|| {
            n += 1;
            let tx = plain.transaction().unwrap();
            event::set_status(&tx, id, EventStatus::InProgress, &n.to_string(), "").unwrap();
            tx.commit().unwrap();
        })
    });
    group.bench_function("undoable_change", |b| {
        b.iter(|| {
            n += 1;
            store
                .change("Отметка мероприятия 1", |tx| {
                    event::set_status(tx, id, EventStatus::InProgress, &n.to_string(), "")
                })
                .unwrap()
        })
    });
    group.finish();
    let size: i64 = store
        .read()
        .query_row(
            "SELECT coalesce(sum(length(changeset) + length(label) + 40), 0) FROM change_log",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let count: i64 = store.read().query_row("SELECT count(*) FROM change_log", [], |r| r.get(0)).unwrap();
    println!("history: {count} changes kept, {size} bytes ({} bytes a change)", size / count.max(1));
}

criterion_group!(benches, bench);
criterion_main!(benches);
