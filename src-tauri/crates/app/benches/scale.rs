//! `cargo bench -p app --bench scale`: how writes and imports grow with the plan.
//! Each figure is the median of several runs in this process, and each big case is reported as
//! a ratio against the 2 500-event bundle import measured in the same run (linear growth is 8×
//! for 8× the events). Whole-process figures (the command line's start) are in the README.

use std::path::Path;
use std::time::{Duration, Instant};

use app::export::{export_to_file, DocumentKind, ExportRequest};
use app::generate::{self, plan_bundle, Size};
use app::import::{self, Duplicate, PlanChoice};
use store::Store;

const RUNS: usize = 3;

fn median(mut runs: Vec<Duration>) -> Duration {
    runs.sort();
    runs[runs.len() / 2]
}

/// The median time of `f` over fresh data files made by `setup`.
fn measure<S>(dir: &Path, setup: impl Fn(&mut Store) -> S, f: impl Fn(&mut Store, S)) -> Duration {
    median(
        (0..RUNS)
            .map(|i| {
                let path = dir.join(format!("run-{}-{i}.sqlite3", rand_suffix()));
                let mut store = Store::create(&path).expect("a new data file");
                let state = setup(&mut store);
                let start = Instant::now();
                f(&mut store, state);
                start.elapsed()
            })
            .collect(),
    )
}

fn rand_suffix() -> u128 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default().as_nanos()
}

fn names(n: usize) -> Vec<String> {
    (1..=n).map(|i| format!("МОБУ СОШ № {i}")).collect()
}

fn report(what: &str, d: Duration, reference: Duration) {
    println!(
        "{what:<58} {:>9.1} мс  {:>6.1}× опорного",
        d.as_secs_f64() * 1000.0,
        d.as_secs_f64() / reference.as_secs_f64()
    );
}

fn main() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let dir = dir.path();
    let bundle = |n| plan_bundle(2024, n, &names(12));
    let write_bundle = |store: &mut Store, b: exchange::bundle::Bundle| {
        import::write_bundle(store, &b, Duplicate::Keep, &Default::default()).expect("the bundle is written");
    };
    let reference = measure(dir, |_| bundle(2_500), write_bundle);
    println!("Опорное: импорт пакета на 2 500 мероприятий — {:.1} мс\n", reference.as_secs_f64() * 1000.0);
    report("Импорт пакета, 20 000 мероприятий", measure(dir, |_| bundle(20_000), write_bundle), reference);

    // The same 20 000-event plan as a Word table, a workbook and a pasted text table.
    let source_db = dir.join("source.sqlite3");
    let mut source = Store::create(&source_db).expect("a data file");
    import::write_bundle(&mut source, &bundle(20_000), Duplicate::Keep, &Default::default())
        .expect("written");
    let plan_id = store::plan::list(source.read()).expect("plans")[0].id;
    let today = chrono::NaiveDate::from_ymd_opt(2025, 1, 15).expect("a date");
    let req = ExportRequest {
        plan_id,
        document: DocumentKind::Annex,
        landscape: true,
        columns: Vec::new(),
        blocks: Some(Vec::new()),
        as_of: None,
        long_kept: false,
        a3: false,
        analysis: None,
        order_id: None,
        year: None,
        category: None,
    };
    let files: Vec<_> = ["docx", "xlsx"]
        .iter()
        .map(|ext| {
            let path = dir.join(format!("plan.{ext}"));
            export_to_file(&source, &req, &path, today, 0, &Default::default()).expect("exported");
            path
        })
        .collect();
    let roadmap = store::roadmap::read(source.read(), plan_id).expect("the plan");
    let text: String = std::iter::once("№\tМероприятие\tСрок\tОтветственный\n".to_owned())
        .chain(roadmap.events.iter().map(|e| {
            let who = e.executors.iter().map(|x| x.name.as_str()).collect::<Vec<_>>().join(", ");
            format!("{}\t{}\t{}\t{}\n", e.number, e.content, e.timeframe.text, who)
        }))
        .collect();
    let text_path = dir.join("plan.txt");
    std::fs::write(&text_path, text).expect("written");
    for (what, path) in [
        ("Импорт таблицы Word (.docx), 20 000 мероприятий", &files[0]),
        ("Импорт книги Excel (.xlsx), 20 000 мероприятий", &files[1]),
        ("Импорт текста (таблица через табуляцию), 20 000 мероприятий", &text_path),
    ] {
        let d = measure(
            dir,
            |_| (),
            |store, ()| {
                let source = import::read_file(path, None).expect("read");
                let choice = PlanChoice {
                    title: Some("План"),
                    issuer: None,
                    period: Some(roadmap.plan.period),
                    roles: None,
                    duplicate: Duplicate::Keep,
                    work: Default::default(),
                };
                let w = import::write(store, &source, &choice, "План").expect("imported");
                assert_eq!(w.events, 20_000, "{what}");
            },
        );
        report(what, d, reference);
    }
    report(
        "Копия на следующий год, 20 000 мероприятий",
        measure(
            dir,
            |store| {
                import::write_bundle(store, &bundle(20_000), Duplicate::Keep, &Default::default())
                    .expect("written");
                store::plan::list(store.read()).expect("plans")[0].id
            },
            |store, id| {
                import::copy_plan(store, id, 1).expect("copied");
            },
        ),
        reference,
    );
    let small = Size { years: 1, ..Size::default() };
    report(
        "Район для замеров: 1 год × 60 школ × 600 мероприятий",
        measure(
            dir,
            |_| (),
            |store, ()| {
                generate::big_district(store, small).expect("generated");
            },
        ),
        reference,
    );
}
