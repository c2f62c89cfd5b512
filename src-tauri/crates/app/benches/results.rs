//! `cargo bench -p app --bench results`: results at a district's full size — 300
//! schools × 10 years × 30 procedure/grade/subject rows (90 000 records) in one workbook of 30
//! sheets (a sheet per grade and subject, the years as column groups): its import (read,
//! recognise, match, write), the analysis, the справка in PDF. Each figure is the median of three
//! runs, also given as a ratio against the 2 500-event bundle import measured in the same run
//! (the reference of the scale bench).

use std::path::Path;
use std::time::{Duration, Instant};

use app::export::{export_to_file, DocumentKind, ExportRequest};
use app::generate::plan_bundle;
use app::import::{self, Duplicate};
use app::results::{self, Unmatched};
use domain::{Category, SchoolDraft, SchoolStatus};
use store::Store;

const RUNS: usize = 3;
const SCHOOLS: usize = 300;
const YEARS: i32 = 10;
const FIRST: i32 = 2015;
const SUBJECTS: [&str; 6] =
    ["Математика", "Русский язык", "Окружающий мир", "История", "Биология", "География"];
const GRADES: [i32; 5] = [4, 5, 6, 7, 8];

fn median(mut runs: Vec<Duration>) -> Duration {
    runs.sort();
    runs[runs.len() / 2]
}

fn time<T>(f: impl FnOnce() -> T) -> (Duration, T) {
    let start = Instant::now();
    let v = f();
    (start.elapsed(), v)
}

fn report(what: &str, d: Duration, reference: Duration) {
    println!(
        "{what:<62} {:>9.1} мс  {:>6.2}× опорного",
        d.as_secs_f64() * 1000.0,
        d.as_secs_f64() / reference.as_secs_f64()
    );
}

/// A small deterministic generator.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> f64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (self.0 >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// The district: 300 schools with logins; the weakest fifth supported, in cohorts of three years.
fn district(store: &mut Store) {
    store
        .change("Школы района", |tx| {
            for i in 0..SCHOOLS {
                let statuses = if i % 5 == 0 {
                    let from = FIRST + 3 + (i as i32 / 5) % 3;
                    (from..FIRST + YEARS)
                        .map(|year| SchoolStatus { year, category: Category::LowResults, cohort_year: None })
                        .collect()
                } else {
                    Vec::new()
                };
                store::school::insert(
                    tx,
                    &SchoolDraft {
                        short_name: format!("МОБУ СОШ № {}", i + 1),
                        code: format!("sch{}", 700_001 + i),
                        statuses,
                        ..Default::default()
                    },
                )?;
            }
            Ok(())
        })
        .expect("schools written");
}

/// The workbook: a sheet per grade and subject, a row per school, five columns per year.
fn workbook(path: &Path) {
    let mut rng = Rng(2026);
    let mut book = rust_xlsxwriter::Workbook::new();
    for grade in GRADES {
        for subject in SUBJECTS {
            let sheet = book.add_worksheet();
            sheet
                .set_name(format!(
                    "{grade} кл {}",
                    &subject[..subject.char_indices().nth(10).map_or(subject.len(), |(i, _)| i)]
                ))
                .unwrap();
            sheet.write_string(0, 0, format!("ВПР, {grade} класс, {subject}")).unwrap();
            sheet.write_string(1, 0, "Образовательная организация").unwrap();
            for y in 0..YEARS {
                let c = 1 + 5 * y as u16;
                sheet.write_number(1, c, f64::from(FIRST + y)).unwrap();
                for (k, h) in ["Участников", "«2»", "«3»", "«4»", "«5»"].iter().enumerate()
                {
                    sheet.write_string(2, c + k as u16, *h).unwrap();
                }
            }
            for i in 0..SCHOOLS {
                let r = 3 + i as u32;
                sheet.write_string(r, 0, format!("(sch{}) МБОУ СОШ № {}", 700_001 + i, i + 1)).unwrap();
                let level = 0.05 + 0.25 * (i % 17) as f64 / 16.0;
                for y in 0..YEARS {
                    let c = 1 + 5 * y as u16;
                    let n = 20 + (rng.next() * 100.0) as u32;
                    let twos = ((level + 0.05 * (rng.next() - 0.5)).clamp(0.0, 0.9) * f64::from(n)) as u32;
                    let good = ((0.45 - level) * f64::from(n)).max(0.0) as u32;
                    let fives = good / 4;
                    let fours = good - fives;
                    let threes = n - twos - good;
                    for (k, v) in [n, twos, threes, fours, fives].into_iter().enumerate() {
                        sheet.write_number(r, c + k as u16, f64::from(v)).unwrap();
                    }
                }
            }
        }
    }
    book.save(path).expect("the workbook is written");
}

fn main() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let dir = dir.path();
    let names: Vec<String> = (1..=12).map(|i| format!("МОБУ СОШ № {i}")).collect();
    let reference = median(
        (0..RUNS)
            .map(|i| {
                let mut store = Store::create(&dir.join(format!("ref-{i}.sqlite3"))).expect("a data file");
                let b = plan_bundle(2024, 2_500, &names);
                time(|| {
                    import::write_bundle(&mut store, &b, Duplicate::Keep, &Default::default())
                        .expect("written")
                })
                .0
            })
            .collect(),
    );
    println!("Опорное: импорт пакета на 2 500 мероприятий — {:.1} мс\n", reference.as_secs_f64() * 1000.0);

    let book = dir.join("результаты.xlsx");
    workbook(&book);
    let (mut imports, mut reads, mut recognised, mut writes) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let mut last = None;
    for i in 0..RUNS {
        let mut store = Store::create(&dir.join(format!("district-{i}.sqlite3"))).expect("a data file");
        district(&mut store);
        let (read, sources) = time(|| results::read_file(&book, None).expect("read"));
        let (recognise, preview) =
            time(|| results::preview(&store, &sources, &Default::default()).expect("recognised"));
        assert!(preview.errors.is_empty(), "{:?}", preview.errors);
        let (write, written) = time(|| {
            results::write(&mut store, &preview, &Default::default(), Unmatched::Ask, Duplicate::Ask)
                .expect("written")
        });
        assert_eq!(written.added as usize, SCHOOLS * YEARS as usize * 30);
        imports.push(read + recognise + write);
        reads.push(read);
        recognised.push(recognise);
        writes.push(write);
        last = Some(store);
    }
    let store = last.expect("a district");
    report("Импорт книги: 30 листов × 300 школ × 10 лет (90 000 записей)", median(imports), reference);
    report("  чтение книги", median(reads), reference);
    report("  распознавание и сопоставление школ", median(recognised), reference);
    report("  запись одной транзакцией с журналом изменений", median(writes), reference);

    let settings = domain::AnalysisSettings {
        filter: domain::ResultFilter { procedure: Some("ВПР".into()), ..Default::default() },
        ..Default::default()
    };
    let loads: Vec<Duration> =
        (0..RUNS).map(|_| time(|| store::results::list(store.read()).expect("read")).0).collect();
    report("Список 90 000 записей (вкладка «Записи», results --json)", median(loads), reference);
    let analyses: Vec<Duration> =
        (0..RUNS).map(|_| time(|| results::analysis(&store, &settings).expect("analysed")).0).collect();
    let a = results::analysis(&store, &settings).expect("analysed");
    assert!(a.overall.is_some());
    report("Анализ: 300 школ × 10 лет, оценки с бутстрепом", median(analyses), reference);

    let req = ExportRequest {
        plan_id: 0,
        document: DocumentKind::Effectiveness,
        landscape: false,
        columns: Vec::new(),
        blocks: None,
        as_of: None,
        long_kept: false,
        a3: false,
        analysis: Some(settings),
        order_id: None,
        year: None,
        category: None,
    };
    let today = chrono::NaiveDate::from_ymd_opt(2025, 6, 1).expect("a date");
    let pdfs: Vec<Duration> = (0..RUNS)
        .map(|i| {
            let out = dir.join(format!("справка-{i}.pdf"));
            time(|| export_to_file(&store, &req, &out, today, 0, &Default::default()).expect("printed")).0
        })
        .collect();
    report("Аналитическая справка в PDF (60 школ под поддержкой)", median(pdfs), reference);
}
