use std::collections::HashMap;

use domain::{School, SchoolDraft};

use super::*;
use crate::import::Grid;

fn source(rows: &[&[&str]], preamble: &[&str], sheet: Option<&str>) -> Source {
    let mut grid = Grid::default();
    for r in rows {
        grid.push(r.iter().map(|c| c.to_string()).collect(), false);
    }
    Source {
        grid,
        preamble: preamble.iter().map(|s| s.to_string()).collect(),
        sheet: sheet.map(str::to_owned),
        ..Source::default()
    }
}

fn district() -> Vec<School> {
    let school = |id, short: &str, code: &str| School {
        id,
        draft: SchoolDraft { short_name: short.into(), code: code.into(), ..Default::default() },
    };
    vec![
        school(1, "МОБУ СОШ № 2", "sch613024"),
        school(2, "МОБУ лицей № 7", ""),
        school(3, "МОБУ СОШ № 5", ""),
    ]
}

fn run(sources: Vec<Source>, hints: Context) -> ResultsPreview {
    let index = SchoolIndex::new(&district(), HashMap::new());
    let named: Vec<(Source, String)> = sources.into_iter().map(|s| (s, "отчёт.xlsx".to_owned())).collect();
    recognise(&named, &hints, &index)
}

/// ФИС ОКО «Статистика по отметкам»: title lines, totals, logins, marks in percent.
#[test]
fn fis_oko_percentages_become_counts() {
    let p = run(
        vec![source(
            &[
                &["ВПР 2023. Математика 5 класс", "", "", "", "", "", ""],
                &[
                    "Группы участников",
                    "Кол-во ОО",
                    "Кол-во участников",
                    "Распределение отметок участников (%)",
                    "",
                    "",
                    "",
                ],
                &["", "", "", "2", "3", "4", "5"],
                &["Вся выборка", "35000", "1400000", "17,2", "40,1", "31,5", "11,2"],
                &["Ростовская обл.", "900", "40000", "15,0", "41,0", "32,0", "12,0"],
                &["Таганрог", "35", "2100", "14", "40", "33", "13"],
                &["(sch613024) МБОУ СОШ № 2", "1", "48", "12,5", "41,67", "35,42", "10,42"],
                &["(sch613999) МБОУ СОШ № 9", "1", "30", "10", "40", "40", "10"],
                &["МАОУ «Лицей № 7»", "1", "7", "28,57", "42,86", "28,57", "0"],
            ],
            &[],
            Some("Статистика"),
        )],
        Context::default(),
    );
    assert!(p.errors.is_empty(), "{:?}", p.errors);
    assert!(p.percent);
    assert_eq!(p.context.describe(), "ВПР 2023, 5 класс, математика");
    assert_eq!(p.results.len(), 3, "totals left out");
    let r = &p.results[0].record;
    assert_eq!((r.school_id, r.year, r.grade, r.participants), (1, 2023, 5, 48));
    assert_eq!(r.subject, "Математика");
    // 12,5 % of 48 = 6; 41,67 % = 20; 35,42 % = 17; 10,42 % = 5.
    assert_eq!(r.marks, Some([6, 20, 17, 5]));
    assert_eq!(p.results[2].record.marks, Some([2, 3, 2, 0]));
    let unmatched: Vec<&str> = p.unmatched().map(|n| n.name.as_str()).collect();
    assert_eq!(unmatched, ["МБОУ СОШ № 9"]);
    assert_eq!(p.names[1].code, "sch613999");
    assert_eq!(p.names[0].how, MatchKind::Code);
    assert_eq!(p.names[2].how, MatchKind::Name);
}

/// Counts, columns in another order, the year and procedure given by the user.
#[test]
fn counts_in_any_column_order_with_hints() {
    let p = run(
        vec![source(
            &[
                &["«5»", "«4»", "Образовательная организация", "«3»", "Писали работу", "«2»"],
                &["3", "10", "МОБУ СОШ №5", "12", "30", "5"],
                &["1", "4", "МОБУ лицей №7", "5", "12", "2"],
            ],
            &[],
            None,
        )],
        Context {
            year: Some(2022),
            procedure: Some("ВПР".into()),
            grade: Some(6),
            subject: Some("Русский язык".into()),
        },
    );
    assert!(p.errors.is_empty(), "{:?}", p.errors);
    assert!(!p.percent);
    let r = &p.results[0].record;
    assert_eq!((r.school_id, r.participants, r.marks), (3, 30, Some([5, 12, 10, 3])));
    assert_eq!((r.year, r.grade, r.subject.as_str()), (2022, 6, "Русский язык"));
}

/// A district's summary: years as column groups under a two-level header.
#[test]
fn years_as_column_groups() {
    let p = run(
        vec![source(
            &[
                &["Результаты ВПР по математике, 5 класс"],
                &["Школа", "2021", "", "", "", "", "2022", "", "", "", ""],
                &["", "Участников", "«2»", "«3»", "«4»", "«5»", "Участников", "«2»", "«3»", "«4»", "«5»"],
                &["МОБУ СОШ № 2", "50", "10", "20", "15", "5", "52", "8", "22", "16", "6"],
                &["МОБУ СОШ № 5", "40", "4", "16", "15", "5", "41", "5", "16", "15", "5"],
            ],
            &[],
            None,
        )],
        Context::default(),
    );
    assert!(p.errors.is_empty(), "{:?}", p.errors);
    let mut got: Vec<(i64, i32, u32)> =
        p.results.iter().map(|r| (r.record.school_id, r.record.year, r.record.participants)).collect();
    got.sort_unstable();
    assert_eq!(got, vec![(1, 2021, 50), (1, 2022, 52), (3, 2021, 40), (3, 2022, 41)]);
    assert!(p.results.iter().all(|r| r.record.grade == 5 && r.record.subject == "Математика"));
}

/// РЦОИ's ЕГЭ table: mean score and the share below the minimum.
#[test]
fn rcoi_mean_score_and_share_below_minimum() {
    let p = run(
        vec![source(
            &[
                &[
                    "Наименование ОО",
                    "Количество участников",
                    "Средний тестовый балл",
                    "Доля не преодолевших минимальный порог, %",
                ],
                &["МОБУ СОШ № 2", "25", "61,4", "4"],
                &["МОБУ СОШ № 5", "18", "48,2", "16,67"],
            ],
            &["Результаты ЕГЭ 2023 года по математике (профильный уровень)"],
            None,
        )],
        Context::default(),
    );
    assert!(p.errors.is_empty(), "{:?}", p.errors);
    let r = &p.results[1].record;
    assert_eq!((r.procedure.as_str(), r.subject.as_str()), ("ЕГЭ", "Математика (профильная)"));
    assert_eq!((r.participants, r.below_min, r.mean_score, r.marks), (18, Some(3), Some(48.2), None));
}

#[test]
fn percentages_that_do_not_add_up_are_flagged() {
    let p = run(
        vec![source(
            &[
                &["ОО", "Участники", "% 2", "% 3", "% 4", "% 5"],
                &["МОБУ СОШ № 2", "20", "10", "40", "40", "5"],
            ],
            &["ВПР 2023 Математика 4 класс"],
            None,
        )],
        Context::default(),
    );
    assert!(p.errors.is_empty(), "{:?}", p.errors);
    assert!(p.warnings.iter().any(|w| w.contains("не дают 100") && w.contains("95 %")), "{:?}", p.warnings);
    assert_eq!(p.results[0].record.marks, Some([2, 8, 8, 1]));
}

#[test]
fn bad_tables_are_refused_in_russian() {
    let table = |row: &[&str]| {
        source(&[&["ОО", "Участники", "2", "3", "4", "5"], row], &["ВПР 2023 Математика 5 класс"], None)
    };
    let over = run(
        vec![source(
            &[
                &["ОО", "Участники", "% 2", "% 3", "% 4", "% 5"],
                &["МОБУ СОШ № 2", "20", "120", "0", "0", "0"],
            ],
            &["ВПР 2023 Математика 5 класс"],
            None,
        )],
        Context::default(),
    );
    assert!(over.errors[0].contains("больше 100"), "{:?}", over.errors);
    let counts = run(vec![table(&["МОБУ СОШ № 2", "10", "5", "5", "5", "0"])], Context::default());
    assert!(counts.errors[0].contains("больше, чем участников"), "{:?}", counts.errors);
    let year = run(
        vec![source(
            &[&["ОО", "Участники", "2", "3", "4", "5"], &["МОБУ СОШ № 2", "10", "1", "5", "4", "0"]],
            &["ВПР 2150"],
            None,
        )],
        Context::default(),
    );
    assert!(year.errors[0].contains("вне 1990–2100"), "{:?}", year.errors);
    let no_year = run(
        vec![source(
            &[&["ОО", "Участники", "2", "3", "4", "5"], &["МОБУ СОШ № 2", "10", "1", "5", "4", "0"]],
            &[],
            None,
        )],
        Context::default(),
    );
    assert!(no_year.errors[0].contains("--year"), "{:?}", no_year.errors);
    let empty = run(vec![source(&[], &[], Some("Лист1"))], Context::default());
    assert!(empty.errors[0].contains("не найдено строк с результатами"), "{:?}", empty.errors);
    assert!(empty.results.is_empty());
}

#[test]
fn shares_become_counts_that_add_up() {
    assert_eq!(shares_to_counts([33.33, 33.33, 33.33, 0.0], 3), [1, 1, 1, 0]);
    assert_eq!(shares_to_counts([12.5, 41.67, 35.42, 10.42], 48), [6, 20, 17, 5]);
    assert_eq!(parse_number(" 23,5 % "), Some(23.5));
    assert_eq!(parse_number("—"), None);
}
