//! The region from districts' packages (issue 27), through the command line: a package made in a
//! district file and accepted by a region file brings back the same counts and texts; a newer
//! package replaces the district whole (never doubled); the same package again changes nothing;
//! older, newer-program, damaged and tampered packages are refused whole with the reason; two
//! computers of one district — the newer wins, the other is refused naming both dates.

use std::path::{Path, PathBuf};

use app::package;
use chrono::NaiveDateTime;
use domain::region::Manifest;
use serde_json::Value;
use store::Store;

use crate::support::cli;
use cli::{failed as err, ok, run};

fn at(text: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M").unwrap()
}

/// A demo district in its own file (its own file id), with the given code.
fn district(dir: &Path, name: &str) -> PathBuf {
    let db = dir.join(name);
    ok(&run(&db, &["demo"]));
    db
}

fn make(db: &Path, out: &Path, when: &str) -> Manifest {
    let store = Store::open(db).unwrap();
    package::make(&store, out, at(when)).unwrap()
}

fn districts(region: &Path) -> Value {
    serde_json::from_str(&ok(&run(region, &["region", "districts", "--json"]))).unwrap()
}

fn region_rows(region: &Path) -> usize {
    let conn = rusqlite::Connection::open(region).unwrap();
    conn.query_row(
        "SELECT (SELECT count(*) FROM region_district) + (SELECT count(*) FROM region_package)",
        [],
        |r| r.get::<_, i64>(0),
    )
    .unwrap() as usize
}

#[test]
fn a_package_comes_back_with_the_same_counts_and_texts() {
    let dir = tempfile::tempdir().unwrap();
    let db = district(dir.path(), "район.sqlite3");
    let pkg = dir.path().join("пакет.koord");
    let printed = ok(&run(&db, &["package", "--out", pkg.to_str().unwrap()]));
    assert!(printed.starts_with("Пакет района «г. Таганрог» (ОКТМО 60737000) сохранён"), "{printed}");
    let region = dir.path().join("регион.sqlite3");
    let accepted = ok(&run(&region, &["region", "import", pkg.to_str().unwrap()]));
    assert!(
        accepted.contains("Принят пакет района «г. Таганрог»") && accepted.contains("первый пакет района"),
        "{accepted}"
    );

    let t = districts(&region);
    assert_eq!(t["year"], 2022);
    let row = &t["rows"][0];
    assert_eq!((row["code"].as_str(), row["name"].as_str()), (Some("60737000"), Some("г. Таганрог")));
    // The district's own counts: supported schools of 2022, its plans and events.
    let schools: Value =
        serde_json::from_str(&ok(&run(&db, &["schools", "--json", "--year", "2022"]))).unwrap();
    let supported = schools
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| {
            s["statuses"].as_array().unwrap().iter().any(|st| {
                st["year"] == 2022
                    && ["low_results", "adverse_conditions", "risk_zone", "project_500"]
                        .contains(&st["category"].as_str().unwrap())
            })
        })
        .count();
    assert_eq!(row["supported"].as_u64().unwrap() as usize, supported);
    let events: Value = serde_json::from_str(&ok(&run(&db, &["events", "--plan", "1", "--json"]))).unwrap();
    assert_eq!(row["events"].as_u64().unwrap() as usize, events.as_array().unwrap().len());
    assert_eq!(row["plans"], 1);

    // The district as it was sent: every event's text the same.
    let copy = dir.path().join("как прислан.sqlite3");
    ok(&run(&region, &["region", "open", "60737000", "--out", copy.to_str().unwrap()]));
    assert_eq!(
        ok(&run(&copy, &["events", "--plan", "1", "--json"])),
        ok(&run(&db, &["events", "--plan", "1", "--json"]))
    );
    // The region's documents from it.
    for ext in ["pdf", "docx", "xlsx"] {
        let out = dir.path().join(format!("сводная.{ext}"));
        ok(&run(&region, &["export", "--document", "region-summary", "--out", out.to_str().unwrap()]));
        assert!(std::fs::metadata(&out).unwrap().len() > 1000);
    }
}

#[test]
fn a_newer_package_replaces_the_district_and_an_older_one_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let db = district(dir.path(), "район.sqlite3");
    let region = dir.path().join("регион.sqlite3");
    let first = dir.path().join("1.koord");
    make(&db, &first, "2026-11-01 10:00");
    ok(&run(&region, &["region", "import", first.to_str().unwrap()]));
    let rows = region_rows(&region);

    // Two events done in the district since, then a new package.
    let mut store = Store::open(&db).unwrap();
    store
        .change("Выполнено", |tx| {
            for id in [1, 2] {
                store::event::set_status(tx, id, domain::EventStatus::Done, "", "")?;
            }
            Ok(())
        })
        .unwrap();
    drop(store);
    let second = dir.path().join("2.koord");
    make(&db, &second, "2026-12-01 10:00");
    let accepted = ok(&run(&region, &["region", "import", second.to_str().unwrap()]));
    assert!(accepted.contains("(вместо пакета от 01.11.2026 10:00)"), "{accepted}");
    assert!(accepted.contains("с прошлого пакета выполнено 2 мероприятия"), "{accepted}");
    assert_eq!(region_rows(&region), rows, "replaced, not doubled");
    let t = districts(&region);
    assert_eq!((t["rows"].as_array().unwrap().len(), t["rows"][0]["done"].as_u64()), (1, Some(2)));

    // The same package again: nothing changes; the older one: refused naming both dates.
    let again = ok(&run(&region, &["region", "import", second.to_str().unwrap()]));
    assert!(again.contains("уже принят: ничего не изменилось"), "{again}");
    let (out, e) = err(&run(&region, &["region", "import", first.to_str().unwrap()]));
    assert!(out.contains("не принят: у региона уже есть более новый пакет района «г. Таганрог» от 01.12.2026 10:00, а этот — от 01.11.2026 10:00"), "{out}");
    assert!(e.contains("не принято пакетов: 1 из 1"), "{e}");
    assert_eq!(districts(&region)["rows"][0]["done"], 2);

    // Undo takes the newer package back: the district as of the first one.
    ok(&run(&region, &["undo"]));
    assert_eq!(districts(&region)["rows"][0]["done"], 0);
}

#[test]
fn damaged_tampered_and_newer_packages_are_refused_whole() {
    let dir = tempfile::tempdir().unwrap();
    let db = district(dir.path(), "район.sqlite3");
    let good = dir.path().join("good.koord");
    let m = make(&db, &good, "2026-12-01 10:00");
    let region = dir.path().join("регион.sqlite3");

    let opened = package::read(&good).unwrap();
    let mut content = opened.content.clone();
    let i = content.len() / 2;
    content[i] ^= 0x55;
    let tampered = dir.path().join("tampered.koord");
    std::fs::write(&tampered, package::pack(&m, &content).unwrap()).unwrap();
    let mut bytes = std::fs::read(&good).unwrap();
    let j = bytes.len() / 2;
    bytes[j] ^= 0xff;
    let damaged = dir.path().join("damaged.koord");
    std::fs::write(&damaged, bytes).unwrap();
    let newer = dir.path().join("newer.koord");
    let newer_manifest =
        Manifest { schema_version: store::SCHEMA_VERSION + 1, program_version: "9.0.0".into(), ..m.clone() };
    std::fs::write(&newer, package::pack(&newer_manifest, &opened.content).unwrap()).unwrap();
    // A zip bomb: 300 MB of zeros that say they are the district's data file.
    let bomb = dir.path().join("bomb.koord");
    {
        use std::io::Write;
        let mut zip = zip::ZipWriter::new(std::fs::File::create(&bomb).unwrap());
        let deflated =
            zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
        zip.start_file("manifest.json", deflated).unwrap();
        zip.write_all(&serde_json::to_vec(&m).unwrap()).unwrap();
        zip.start_file("district.sqlite3", deflated.large_file(true)).unwrap();
        let zeros = vec![0u8; 1 << 20];
        for _ in 0..300 {
            zip.write_all(&zeros).unwrap();
        }
        zip.finish().unwrap();
    }
    let not_ours = dir.path().join("notes.koord");
    std::fs::write(&not_ours, "просто текст").unwrap();

    for (file, reason) in [
        (&tampered, "контрольная сумма не совпадает"),
        (&damaged, "пакет"),
        (&newer, "более новой версией программы (9.0.0)"),
        (&not_ours, "это не пакет района"),
        (&bomb, "слишком большая часть «district.sqlite3»"),
    ] {
        let (out, _) = err(&run(&region, &["region", "import", file.to_str().unwrap()]));
        assert!(out.contains("не принят: ") && out.contains(reason), "{file:?}: {out}");
    }
    assert_eq!(districts(&region)["rows"].as_array().unwrap().len(), 0, "nothing of them taken");
    // A folder: the good one taken, the others refused, each on its line.
    let (out, _) = err(&run(&region, &["region", "import", dir.path().to_str().unwrap()]));
    assert_eq!(out.lines().count(), 6, "{out}");
    assert_eq!(out.lines().filter(|l| l.starts_with("Принят пакет")).count(), 1, "{out}");
}

#[test]
fn two_computers_of_one_district_the_newer_package_wins() {
    let dir = tempfile::tempdir().unwrap();
    let office = district(dir.path(), "работа.sqlite3");
    let home = district(dir.path(), "дом.sqlite3");
    let region = dir.path().join("регион.sqlite3");
    let (a, b) = (dir.path().join("a.koord"), dir.path().join("b.koord"));
    make(&office, &a, "2026-12-02 09:00");
    make(&home, &b, "2026-12-03 18:30");
    ok(&run(&region, &["region", "import", b.to_str().unwrap()]));
    let (out, _) = err(&run(&region, &["region", "import", a.to_str().unwrap()]));
    assert!(
        out.contains("от 03.12.2026 18:30, а этот — от 02.12.2026 09:00 (он сделан в другом файле района"),
        "{out}"
    );
    // The other way round: the newer from another file replaces and says so.
    let region2 = dir.path().join("регион2.sqlite3");
    ok(&run(&region2, &["region", "import", a.to_str().unwrap()]));
    let out = ok(&run(&region2, &["region", "import", b.to_str().unwrap()]));
    assert!(out.contains("вместо пакета от 02.12.2026 09:00, сделанного в другом файле района"), "{out}");
}

#[test]
fn packages_need_a_district_code_and_a_region_file() {
    let dir = tempfile::tempdir().unwrap();
    let db = district(dir.path(), "район.sqlite3");
    let mut store = Store::open(&db).unwrap();
    let mut p = store::setting::profile(store.read()).unwrap();
    p.oktmo.clear();
    store.change("Без кода", |tx| store::setting::set_profile(tx, &p)).unwrap();
    drop(store);
    let out = dir.path().join("p.koord");
    let (_, e) = err(&run(&db, &["package", "--out", out.to_str().unwrap()]));
    assert!(e.contains("нет кода ОКТМО"), "{e}");
    assert!(!out.exists());
    // A district's own file does not take packages; a region's file makes none.
    let other = district(dir.path(), "другой.sqlite3");
    let pkg = dir.path().join("other.koord");
    make(&other, &pkg, "2026-12-01 10:00");
    let (_, e) = err(&run(&db, &["region", "import", pkg.to_str().unwrap()]));
    assert!(e.contains("Пакеты районов принимает файл региона"), "{e}");
    let region = dir.path().join("регион.sqlite3");
    ok(&run(&region, &["region", "import", pkg.to_str().unwrap()]));
    let (_, e) = err(&run(&region, &["package", "--out", out.to_str().unwrap()]));
    assert!(e.contains("Это файл региона"), "{e}");
}
