//! `cargo bench -p app --bench region`: a region at full size (issue 27) — 60
//! district packages, each of 30 schools, 3 roadmaps × 300 events and 10 years of results —
//! accepted into a new region file; the same 60 again (nothing doubled, nothing changed); 60
//! newer packages replacing them; the districts table. Each figure is the median of three runs,
//! also given as a ratio against making the 60 packages in the same run (the reference).

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use app::generate::{self, Size};
use app::{package, region};
use chrono::NaiveDateTime;
use store::Store;

const RUNS: usize = 3;
const DISTRICTS: usize = 60;

fn median(mut runs: Vec<Duration>) -> Duration {
    runs.sort();
    runs[runs.len() / 2]
}

fn report(what: &str, d: Duration, reference: Duration) {
    println!(
        "{what:<62} {:>9.1} мс  {:>6.2}× опорного",
        d.as_secs_f64() * 1000.0,
        d.as_secs_f64() / reference.as_secs_f64()
    );
}

/// One district of the size: 30 schools, ten school years of results, the last three years'
/// roadmaps of 300 events each.
fn district(dir: &Path) -> Store {
    let mut store = Store::create(&dir.join("район.sqlite3")).expect("a data file");
    generate::big_district(&mut store, Size { first_year: 2016, years: 10, schools: 30, events: 300 })
        .expect("generated");
    store
        .change("Три последние дорожные карты", |tx| {
            let plans = store::plan::list(tx)?;
            for p in &plans[..plans.len() - 3] {
                store::plan::delete(tx, p.id)?;
            }
            Ok(())
        })
        .expect("trimmed");
    store
}

/// The district's packages under 60 codes, made at `made`.
fn packages(store: &mut Store, folder: &Path, made: &str) -> Vec<PathBuf> {
    std::fs::create_dir_all(folder).expect("a folder");
    let made = NaiveDateTime::parse_from_str(made, "%Y-%m-%d %H:%M").expect("a time");
    (0..DISTRICTS)
        .map(|i| {
            let profile = domain::DistrictProfile {
                issuer: format!("Управление образования района № {}", i + 1),
                district: format!("Район № {}", i + 1),
                oktmo: format!("{}", 60_601_000 + i * 1000),
                ..Default::default()
            };
            store.change("Район", |tx| store::setting::set_profile(tx, &profile)).expect("profile");
            let out = folder.join(format!("{}.koord", profile.oktmo));
            package::make(store, &out, made).expect("a package");
            out
        })
        .collect()
}

fn main() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let dir = dir.path();
    let mut store = district(dir);
    let (plans, events) = store
        .snapshot(|c| {
            let plans = store::plan::list(c)?;
            let events: usize =
                plans.iter().map(|p| store::event::list(c, p.id).map(|e| e.len())).sum::<Result<_, _>>()?;
            Ok((plans.len(), events))
        })
        .expect("counts");
    let results: i64 =
        store.read().query_row("SELECT count(*) FROM result", [], |r| r.get(0)).expect("results");
    println!("Район: 30 школ, {plans} дорожные карты, {events} мероприятий, {results} записей результатов");

    let mut made = Vec::new();
    let mut first = Vec::new();
    for run in 0..RUNS {
        let start = Instant::now();
        first = packages(&mut store, &dir.join(format!("пакеты-{run}")), "2026-11-01 10:00");
        made.push(start.elapsed());
    }
    let reference = median(made);
    let size = std::fs::metadata(&first[0]).map(|m| m.len()).unwrap_or(0);
    println!(
        "Опорное: 60 пакетов районов сделаны — {:.1} мс (пакет {} КБ)\n",
        reference.as_secs_f64() * 1000.0,
        size.div_ceil(1024)
    );
    // A month later: ten more events done in every district.
    store
        .change("Выполнено", |tx| {
            for id in 1..=10 {
                store::event::set_status(tx, id, domain::EventStatus::Done, "", "")?;
            }
            Ok(())
        })
        .expect("marked");
    let newer = packages(&mut store, &dir.join("пакеты-новые"), "2026-12-01 10:00");
    let folder = first[0].parent().expect("a folder").to_path_buf();

    let (mut accept, mut again, mut replace, mut table) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for run in 0..RUNS {
        let mut region_file =
            Store::create(&dir.join(format!("регион-{run}.sqlite3"))).expect("a region file");
        let start = Instant::now();
        let out = region::accept(&mut region_file, std::slice::from_ref(&folder), &Default::default())
            .expect("accepted");
        accept.push(start.elapsed());
        assert!(out.iter().all(|o| matches!(o, region::Outcome::Accepted { .. })), "{:?}", out.first());
        let start = Instant::now();
        let out = region::accept(&mut region_file, std::slice::from_ref(&folder), &Default::default())
            .expect("again");
        again.push(start.elapsed());
        assert!(out.iter().all(|o| matches!(o, region::Outcome::Unchanged { .. })));
        let start = Instant::now();
        let out = region::accept(&mut region_file, &newer, &Default::default()).expect("replaced");
        replace.push(start.elapsed());
        assert!(out.iter().all(|o| matches!(o, region::Outcome::Accepted { replaced: Some(_), .. })));
        let n: i64 = region_file
            .read()
            .query_row("SELECT count(*) FROM region_district", [], |r| r.get(0))
            .expect("count");
        assert_eq!(n as usize, DISTRICTS, "nothing doubled");
        let start = Instant::now();
        let t = region::table(&region_file, None, None).expect("the table");
        table.push(start.elapsed());
        assert_eq!(t.rows.len(), DISTRICTS);
    }
    report("Приём 60 пакетов районов в новый файл региона", median(accept), reference);
    report("Повторный приём тех же 60 пакетов (ничего не меняется)", median(again), reference);
    report("Приём 60 более новых пакетов (каждый заменяет прежний)", median(replace), reference);
    report("Таблица районов (чтение и подсчёт)", median(table), reference);
}
