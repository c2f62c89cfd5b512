//! Long work followed and stopped: an import of 5 000 events and the order of a long plan report
//! their steps, and stopped midway they leave the data file and the target folder as they were.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use app::error::ErrorCode;
use app::export::{export_to_file, DocumentKind, ExportRequest};
use app::generate::plan_bundle;
use app::import::{write_bundle, Duplicate};
use domain::{Work, WorkStep};
use store::Store;

/// A Work that records every step and asks to stop once `stop_at` items are done.
fn stopping_at(stop_at: usize) -> (Work, Arc<Mutex<Vec<WorkStep>>>) {
    let steps = Arc::new(Mutex::new(Vec::new()));
    let cancel = Arc::new(AtomicBool::new(false));
    let (log, flag) = (steps.clone(), cancel.clone());
    let work = Work::new(
        move |s: WorkStep| {
            if s.done >= stop_at {
                flag.store(true, Ordering::Relaxed);
            }
            log.lock().unwrap().push(s);
        },
        cancel,
    );
    (work, steps)
}

fn tables(store: &Store) -> (i64, i64, i64) {
    let count = |sql: &str| store.read().query_row(sql, [], |r| r.get::<_, i64>(0)).unwrap();
    (
        count("SELECT count(*) FROM plan"),
        count("SELECT count(*) FROM event"),
        count("SELECT count(*) FROM change_log"),
    )
}

#[test]
fn a_stopped_import_writes_nothing_and_a_finished_one_reported_its_steps() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::create(&dir.path().join("район.sqlite3")).unwrap();
    let bundle = plan_bundle(2024, 5_000, &["МОБУ СОШ № 1".to_owned()]);
    let before = tables(&store);

    let (work, steps) = stopping_at(2_000);
    let e = write_bundle(&mut store, &bundle, Duplicate::Keep, &work).unwrap_err();
    assert_eq!(e.code, ErrorCode::Cancelled);
    assert_eq!(e.message, "Остановлено по вашей просьбе: ничего не записано.");
    assert_eq!(tables(&store), before, "a stopped import left rows or a history entry");
    let last = steps.lock().unwrap().last().cloned().unwrap();
    assert_eq!((last.label.as_str(), last.done, last.total), ("Запись мероприятий", 2_000, 5_000));

    let (work, steps) = stopping_at(usize::MAX);
    let written = write_bundle(&mut store, &bundle, Duplicate::Keep, &work).unwrap();
    assert_eq!(written.events, 5_000);
    let done: Vec<usize> = steps.lock().unwrap().iter().map(|s| s.done).collect();
    assert_eq!(done.len(), 21, "every 250th event and the last: {done:?}");
    assert_eq!(done.last(), Some(&4_999));
}

#[test]
fn a_stopped_export_leaves_no_file() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::create(&dir.path().join("район.sqlite3")).unwrap();
    let bundle = plan_bundle(2024, 600, &["МОБУ СОШ № 1".to_owned()]);
    let plan_id = write_bundle(&mut store, &bundle, Duplicate::Keep, &Work::default()).unwrap().plan;
    let request = ExportRequest {
        plan_id,
        document: DocumentKind::Annex,
        landscape: true,
        columns: Vec::new(),
        blocks: None,
        as_of: None,
        long_kept: false,
        a3: false,
        analysis: None,
        order_id: None,
        year: None,
        category: None,
    };
    let today = chrono::NaiveDate::from_ymd_opt(2024, 3, 1).unwrap();
    let out = dir.path().join("Дорожная карта.pdf");

    let (work, steps) = stopping_at(20);
    let e = export_to_file(&store, &request, &out, today, 0, &work).unwrap_err();
    assert_eq!(e.code, ErrorCode::Cancelled);
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(!out.exists() && !names.iter().any(|n| n.ends_with(".part")), "{names:?}");
    let last = steps.lock().unwrap().last().cloned().unwrap();
    assert_eq!((last.label.as_str(), last.done), ("Печать страниц", 20));

    let (work, steps) = stopping_at(usize::MAX);
    let saved = export_to_file(&store, &request, &out, today, 0, &work).unwrap();
    assert!(out.exists() && saved.pages > 20, "{} pages", saved.pages);
    let labels: Vec<String> = steps.lock().unwrap().iter().map(|s| s.label.clone()).collect();
    assert_eq!(labels.first().map(String::as_str), Some("Вёрстка документа"));
    assert_eq!(labels.last().map(String::as_str), Some("Запись файла"));
}
