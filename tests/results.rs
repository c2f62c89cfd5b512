//! Results on the command line: a ФИС ОКО table imported into the demo district (matched by
//! login and name, unmatched schools refused until the person says), a repeated import, bad
//! tables refused with nothing written, and the analysis.

use std::path::{Path, PathBuf};
use std::process::Output;

use rust_xlsxwriter::Workbook;
use serde_json::Value;

use crate::support::cli;
use cli::{ok, run};

fn err(o: &Output) -> String {
    cli::failed(o).1
}

fn demo(dir: &Path) -> PathBuf {
    let db = dir.join("район.sqlite3");
    ok(&run(&db, &["demo"]));
    db
}

/// `results indicator-set` of one school and year.
fn set_value(db: &Path, indicator: &str, school: &str, year: &str, value: &str) -> Output {
    run(
        db,
        &[
            "results",
            "indicator-set",
            "--indicator",
            indicator,
            "--school",
            school,
            "--year",
            year,
            "--value",
            value,
        ],
    )
}

fn count(db: &Path) -> usize {
    serde_json::from_str::<Value>(&ok(&run(db, &["results", "--json"]))).unwrap().as_array().unwrap().len()
}

/// A workbook: each sheet a name and rows of cells (numbers where they parse).
fn xlsx(path: &Path, sheets: &[(&str, Vec<Vec<&str>>)]) {
    let mut book = Workbook::new();
    for (name, rows) in sheets {
        let sheet = book.add_worksheet();
        sheet.set_name(*name).unwrap();
        for (r, row) in rows.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                match cell.replace(',', ".").parse::<f64>() {
                    Ok(v) => sheet.write_number(r as u32, c as u16, v).map(|_| ()),
                    Err(_) if cell.is_empty() => Ok(()),
                    Err(_) => sheet.write_string(r as u32, c as u16, *cell).map(|_| ()),
                }
                .unwrap();
            }
        }
    }
    book.save(path).unwrap();
}

/// ФИС ОКО «Статистика по отметкам» for ВПР 2024, percentages, with the totals above the schools.
fn fis_oko(schools: &[(&str, &str, [&str; 4])]) -> Vec<Vec<&'static str>> {
    let leak = |s: String| -> &'static str { Box::leak(s.into_boxed_str()) };
    let mut rows: Vec<Vec<&str>> = vec![
        vec!["Статистика по отметкам"],
        vec!["ВПР 2024. Математика 5 класс"],
        vec![
            "Группы участников",
            "Кол-во ОО",
            "Кол-во участников",
            "Распределение групп баллов в %",
            "",
            "",
            "",
        ],
        vec!["", "", "", "2", "3", "4", "5"],
        vec!["Вся выборка", "36000", "1400000", "16,9", "41,2", "30,1", "11,8"],
        vec!["Ростовская обл.", "950", "41000", "15,1", "42", "31", "11,9"],
        vec!["Таганрог", "40", "2300", "14,2", "40,3", "32,5", "13"],
    ];
    for (name, n, marks) in schools {
        let mut row = vec![leak(name.to_string()), "1", leak(n.to_string())];
        row.extend(marks.iter().map(|m| leak(m.to_string())));
        rows.push(row);
    }
    rows
}

#[test]
fn a_fis_oko_table_comes_in_matched_refused_until_decided_and_replaced_on_request() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path());
    let before = count(&db);
    let file = dir.path().join("ВПР-2024.xlsx");
    xlsx(
        &file,
        &[(
            "Статистика",
            fis_oko(&[
                ("(sch613006) МБОУ СОШ № 6", "50", ["10", "40", "40", "10"]),
                (
                    "(sch613012) МАОУ «Средняя общеобразовательная школа № 12»",
                    "40",
                    ["12,5", "45", "32,5", "10"],
                ),
                ("(sch613777) МБОУ СОШ № 77", "30", ["10", "50", "30", "10"]),
            ]),
        )],
    );
    let f = file.to_str().unwrap();
    let p: Value =
        serde_json::from_str(&ok(&run(&db, &["results", "import", f, "--preview", "--json"]))).unwrap();
    assert_eq!(p["context"]["year"], 2024);
    assert_eq!(p["context"]["procedure"], "ВПР");
    assert_eq!(p["percent"], true);
    let names = p["names"].as_array().unwrap();
    assert_eq!(names.len(), 3, "the totals are not schools: {names:?}");
    assert_eq!(names[1]["how"], "name");
    assert_eq!(names[2]["school_id"], Value::Null);
    // 12,5 % of 40 = 5; 45 % = 18; 32,5 % = 13; 10 % = 4.
    assert_eq!(p["results"][1]["record"]["marks"], serde_json::json!([5, 18, 13, 4]));
    assert_eq!(count(&db), before, "a preview writes nothing");

    let refused = err(&run(&db, &["results", "import", f]));
    assert!(refused.contains("«МБОУ СОШ № 77»") && refused.contains("--unmatched add"), "{refused}");
    assert_eq!(count(&db), before);

    let out = ok(&run(&db, &["results", "import", f, "--unmatched", "add"]));
    assert!(
        out.contains("Загружено результатов: 3 (ВПР 2024)") && out.contains("добавлено школ: 1"),
        "{out}"
    );
    assert_eq!(count(&db), before + 3);
    // The new school keeps its login, and schools matched by name learn theirs: the next table
    // finds them by code.
    let schools: Value = serde_json::from_str(&ok(&run(&db, &["schools", "--json"]))).unwrap();
    let code_of = |short: &str| {
        schools.as_array().unwrap().iter().find(|s| s["short_name"] == short).map(|s| s["code"].clone())
    };
    assert_eq!(code_of("МБОУ СОШ № 77"), Some(Value::from("sch613777")));
    assert_eq!(code_of("МАОУ СОШ № 12"), Some(Value::from("sch613012")));
    let again: Value =
        serde_json::from_str(&ok(&run(&db, &["results", "import", f, "--preview", "--json"]))).unwrap();
    assert!(again["names"].as_array().unwrap().iter().all(|n| n["how"] == "code"), "{again}");

    let again = err(&run(&db, &["results", "import", f]));
    assert!(again.contains("ВПР 2024 уже загружены") && again.contains("--duplicate replace"), "{again}");
    // The region corrected its table: the same schools, new figures.
    xlsx(
        &file,
        &[(
            "Статистика",
            fis_oko(&[
                ("(sch613006) МБОУ СОШ № 6", "50", ["8", "42", "40", "10"]),
                (
                    "(sch613012) МАОУ «Средняя общеобразовательная школа № 12»",
                    "40",
                    ["10", "47,5", "32,5", "10"],
                ),
                ("(sch613777) МБОУ СОШ № 77", "30", ["10", "50", "30", "10"]),
            ]),
        )],
    );
    let replaced = ok(&run(&db, &["results", "import", f, "--duplicate", "replace", "--json"]));
    let w: Value = serde_json::from_str(&replaced).unwrap();
    assert_eq!((w["added"].as_u64(), w["replaced"].as_u64()), (Some(0), Some(3)));
    assert_eq!(count(&db), before + 3, "replaced, not doubled");
    // One change each: undoing the replacement and the import leaves the demo as it was.
    ok(&run(&db, &["undo"]));
    ok(&run(&db, &["undo"]));
    assert_eq!(count(&db), before);
}

#[test]
fn sheets_years_as_groups_and_a_csv_of_counts() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path());
    let before = count(&db);
    let file = dir.path().join("свод.xlsx");
    let sheet = |subject: &'static str| {
        (
            subject,
            vec![
                vec!["Результаты ВПР, 6 класс"],
                vec!["Школа", "2023", "", "", "", "", "2024", "", "", "", ""],
                vec!["", "Участники", "«2»", "«3»", "«4»", "«5»", "Участники", "«2»", "«3»", "«4»", "«5»"],
                vec!["МОБУ СОШ № 6", "50", "10", "20", "15", "5", "52", "8", "22", "16", "6"],
                vec!["МОБУ СОШ № 36", "60", "3", "20", "27", "10", "61", "2", "20", "28", "11"],
            ],
        )
    };
    xlsx(&file, &[sheet("Математика"), sheet("Русский язык")]);
    let p: Value = serde_json::from_str(&ok(&run(
        &db,
        &["results", "import", file.to_str().unwrap(), "--preview", "--json"],
    )))
    .unwrap();
    let results = p["results"].as_array().unwrap();
    assert_eq!(results.len(), 8, "{p}");
    let subjects: std::collections::BTreeSet<&str> =
        results.iter().map(|r| r["record"]["subject"].as_str().unwrap()).collect();
    assert_eq!(subjects.into_iter().collect::<Vec<_>>(), ["Математика", "Русский язык"]);
    assert!(results.iter().all(|r| r["record"]["grade"] == 6));

    let csv = dir.path().join("огэ.csv");
    std::fs::write(
        &csv,
        "Наименование ОО;Количество участников;Средний балл;Не преодолели минимальный порог, чел.\n\
         МОБУ СОШ № 6;25;3,4;2\nМОБУ СОШ № 31;18;3,1;3\n",
    )
    .unwrap();
    let out = ok(&run(
        &db,
        &[
            "results",
            "import",
            csv.to_str().unwrap(),
            "--year",
            "2024",
            "--procedure",
            "огэ",
            "--subject",
            "математика",
        ],
    ));
    assert!(out.contains("Загружено результатов: 2 (ОГЭ 2024)"), "{out}");
    assert_eq!(count(&db), before + 2);
}

#[test]
fn bad_tables_are_refused_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path());
    let before = count(&db);
    let cases: [(&str, Vec<Vec<&str>>, &str); 4] = [
        (
            "проценты.xlsx",
            vec![
                vec!["ВПР 2024 Математика 5 класс"],
                vec!["ОО", "Участники", "% «2»", "% «3»", "% «4»", "% «5»"],
                vec!["МОБУ СОШ № 6", "20", "120", "0", "0", "0"],
            ],
            "больше 100",
        ),
        (
            "счёт.xlsx",
            vec![
                vec!["ВПР 2024 Математика 5 класс"],
                vec!["ОО", "Участники", "«2»", "«3»", "«4»", "«5»"],
                vec!["МОБУ СОШ № 6", "10", "5", "5", "5", "0"],
            ],
            "больше, чем участников",
        ),
        (
            "год.xlsx",
            vec![
                vec!["ВПР 1985 Математика 5 класс"],
                vec!["ОО", "Участники", "«2»", "«3»", "«4»", "«5»"],
                vec!["МОБУ СОШ № 6", "10", "1", "5", "4", "0"],
            ],
            "вне 1990–2100",
        ),
        ("пусто.xlsx", vec![vec![]], "не найдено строк с результатами"),
    ];
    for (name, rows, says) in cases {
        let file = dir.path().join(name);
        xlsx(&file, &[("Лист1", rows)]);
        let e = err(&run(&db, &["results", "import", file.to_str().unwrap(), "--unmatched", "add"]));
        assert!(e.contains(says), "{name}: {e}");
        assert_eq!(count(&db), before, "{name}");
    }
    let only_unknown = dir.path().join("чужие.xlsx");
    xlsx(
        &only_unknown,
        &[("Лист1", fis_oko(&[("(sch999001) МБОУ СОШ № 501", "30", ["10", "50", "30", "10"])]))],
    );
    let e = err(&run(&db, &["results", "import", only_unknown.to_str().unwrap(), "--unmatched", "skip"]));
    assert!(e.contains("Ни одна строка не сопоставлена"), "{e}");
    assert_eq!(count(&db), before);
}

#[test]
fn the_analysis_of_the_demo_compares_and_claims_no_cause() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path());
    let a: Value = serde_json::from_str(&ok(&run(&db, &["analysis", "--json"]))).unwrap();
    assert_eq!(a["years"], serde_json::json!([2021, 2022, 2023]));
    let overall = &a["overall"];
    assert_eq!(overall["schools"], 7);
    assert!(overall["comparison_schools"].as_u64().unwrap() >= 3);
    assert!(overall["low"].as_f64().unwrap() <= overall["value"].as_f64().unwrap());
    assert!(overall["pupils"].as_u64().unwrap() > 0);
    let text = ok(&run(&db, &["analysis"]));
    assert!(
        text.contains("на фоне мер поддержки") || text.contains("в пределах случайных колебаний"),
        "{text}"
    );
    assert!(!text.contains("благодаря"));
    let math = ok(&run(&db, &["analysis", "--subject", "Математика", "--metric", "share_of_good"]));
    assert!(math.starts_with("Доля отметок «4» и «5», % — ВПР, математика"), "{math}");
    // In one subject the small school has fewer than 20 pupils: flagged.
    assert!(math.contains("Мало участников (меньше 20), вывод ненадёжен: МАОУ СОШ № 39"), "{math}");
}

#[test]
fn the_districts_own_indicators_are_kept_by_school_and_year() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path());
    let out = ok(&run(
        &db,
        &["results", "indicator-add", "Доля выпускников, поступивших в колледжи", "--unit", "%"],
    ));
    assert!(out.contains("Показатель добавлен: № 1"), "{out}");
    ok(&set_value(&db, "1", "1", "2023", "41,5"));
    let list: Value = serde_json::from_str(&ok(&run(&db, &["results", "indicators", "--json"]))).unwrap();
    assert_eq!(list[0]["indicator"]["unit"], "%");
    assert_eq!(list[0]["indicator"]["higher_is_better"], true);
    assert_eq!(list[0]["values"][0]["value"], 41.5);
    assert!(err(&set_value(&db, "1", "1", "2023", "сорок")).contains("не число"));
    assert!(err(&set_value(&db, "9", "1", "2023", "1")).contains("показателя"));
    assert!(err(&set_value(&db, "1", "1", "1900", "1")).contains("1990–2100"));
    assert!(err(&run(&db, &["results", "indicator-add", "Доля выпускников,  поступивших в колледжи"]))
        .contains("уже есть"));
    ok(&run(&db, &["undo"]));
    let list: Value = serde_json::from_str(&ok(&run(&db, &["results", "indicators", "--json"]))).unwrap();
    assert!(list[0]["values"].as_array().unwrap().is_empty(), "the value's change undone");
}

#[test]
fn a_districts_indicator_is_analysed_and_printed_like_results() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path());
    let name = "Доля выпускников, поступивших в колледжи";
    ok(&run(&db, &["results", "indicator-add", name, "--unit", "%"]));
    let schools: Value = serde_json::from_str(&ok(&run(&db, &["schools", "--json"]))).unwrap();
    // Every school 40 % in 2022; schools supported from 2022/23 +6 a year, the others (mentors
    // too) +2.
    for s in schools.as_array().unwrap() {
        let id = s["id"].as_i64().unwrap().to_string();
        let supported = s["statuses"].as_array().unwrap().iter().any(|st| st["category"] != "mentor");
        for (k, year) in ["2022", "2023", "2024"].iter().enumerate() {
            let value = (40 + k * if supported { 6 } else { 2 }).to_string();
            ok(&set_value(&db, "1", &id, year, &value));
        }
    }
    let a: Value = serde_json::from_str(&ok(&run(
        &db,
        &["analysis", "--indicator", "доля выпускников, поступивших в колледжи", "--json"],
    )))
    .unwrap();
    assert_eq!(a["metric_label"], "Доля выпускников, поступивших в колледжи, %");
    assert_eq!(a["change_unit"], "п. п.");
    assert_eq!(a["filter_label"], "показатель района");
    assert!(a["district"].as_array().unwrap().iter().all(|p| p["pupils"] == 0 && p["few"] == false));
    let findings = a["findings"][0].as_str().unwrap();
    assert!(!findings.contains("уч."), "{findings}");
    assert!(!findings.contains("благодаря"), "{findings}");
    // Each supported school gained 4 points a year more than every comparison school.
    let supported: Vec<&Value> =
        a["schools"].as_array().unwrap().iter().filter(|s| !s["effect"].is_null()).collect();
    assert!(!supported.is_empty());
    for s in &supported {
        let e = &s["effect"];
        let years = (s["last_year"].as_i64().unwrap() - s["base_year"].as_i64().unwrap()) as f64;
        assert!((e["value"].as_f64().unwrap() - 4.0 * years).abs() < 1e-9, "{e}");
    }

    let pdf = dir.path().join("справка.pdf");
    let out = ok(&run(
        &db,
        &["export", "--document", "effectiveness", "--indicator", name, "--out", pdf.to_str().unwrap()],
    ));
    assert!(out.contains("Сохранено"), "{out}");
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF"));

    let e = err(&run(&db, &["analysis", "--indicator", "Доля медалистов"]));
    assert!(e.contains("Показателя района «Доля медалистов» нет. Есть: «Доля выпускников"), "{e}");
    let e = err(&run(&db, &["analysis", "--indicator", name, "--metric", "mean_mark"]));
    assert!(e.contains("несовместимы") && e.contains("--indicator"), "{e}");
}
