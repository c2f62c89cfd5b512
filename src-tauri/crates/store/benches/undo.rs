//! What undo costs: one edit of the demo district's data file through `Store::edit` (a copy of
//! the database kept for undo) against the same edit through `Store::write`, in the same run.

use criterion::{criterion_group, criterion_main, Criterion};
use domain::EventStatus;
use store::{district, event, Store};

fn bench(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("district.sqlite3")).unwrap();
    let loaded = district::load(&mut store, &district::parse(district::DEMO).unwrap()).unwrap();
    let id = store::plan::roadmap(store.read(), loaded.plan_id).unwrap().events[0].id;
    let mut group = c.benchmark_group("undo");
    let mut n = 0u64;
    group.bench_function("write_reference", |b| {
        b.iter(|| {
            n += 1;
            store.write(|tx| event::set_status(tx, id, EventStatus::InProgress, &n.to_string(), "")).unwrap()
        })
    });
    group.bench_function("edit_with_undo_copy", |b| {
        b.iter(|| {
            n += 1;
            store.edit(|tx| event::set_status(tx, id, EventStatus::InProgress, &n.to_string(), "")).unwrap()
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
