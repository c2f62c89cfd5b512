//! Every timeframe of the seeds (../shared/seeds) and every example of DOMAIN.md, each with its
//! expected value written by hand.

use chrono::NaiveDate;
use timeframe::{parse, Kind, Period, Recurrence, Timeframe};

fn period(s: &str) -> Period {
    s.parse().unwrap()
}

/// The Taganrog roadmap's academic year.
fn taganrog() -> Period {
    period("2022-09-01..2023-08-31")
}

/// Surgut: «сентябрь 2021 года - май 2022 года».
fn surgut() -> Period {
    period("2021-09-01..2022-05-31")
}

fn d(s: &str) -> Option<NaiveDate> {
    Some(NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap())
}

#[track_caller]
fn check(text: &str, p: Period, kind: Kind, start: Option<&str>, end: Option<&str>) -> Timeframe {
    let tf = parse(text, &p);
    let got = (tf.kind, tf.start, tf.end);
    let want = (kind, start.and_then(d), end.and_then(d));
    assert_eq!(got, want, "\ntext: {text:?}\nwarnings: {:?}", tf.warnings);
    assert_eq!(tf.text, text, "the text must be kept verbatim");
    tf
}

#[track_caller]
fn clean(text: &str, p: Period, kind: Kind, start: Option<&str>, end: Option<&str>) {
    let tf = check(text, p, kind, start, end);
    assert!(tf.warnings.is_empty(), "{text:?}: unexpected warnings {:?}", tf.warnings);
}

#[track_caller]
fn warned(text: &str, p: Period, kind: Kind, start: Option<&str>, end: Option<&str>, about: &str) {
    let tf = check(text, p, kind, start, end);
    assert!(
        tf.warnings.iter().any(|w| w.contains(about)),
        "{text:?}: expected a warning about «{about}», got {:?}",
        tf.warnings
    );
}

use Kind::*;

#[test]
fn taganrog_2022_2023_every_event() {
    let p = taganrog();
    clean("16.02.2023", p, Date, Some("2023-02-16"), Some("2023-02-16"));
    clean("Февраль 2023 г.", p, Month, Some("2023-02-01"), Some("2023-02-28"));
    clean("до 10 марта 2023 г.", p, Until, None, Some("2023-03-10"));
    clean("Март  2023 г.", p, Month, Some("2023-03-01"), Some("2023-03-31"));
    clean("10 марта 2023 г.", p, Date, Some("2023-03-10"), Some("2023-03-10"));
    let series = "27 апреля 2023 г.\n\n\n\n4 мая 2023 г.\n\n\n\n11 мая 2023 г.\n\n\n\n18 мая 2023 г.\n\n\n\n\n\n25 мая 2023 г.";
    clean(series, p, Multiple, Some("2023-04-27"), Some("2023-05-25"));
    let days: Vec<_> = parse(series, &p).parts.iter().map(|x| x.start.unwrap().to_string()).collect();
    assert_eq!(days, ["2023-04-27", "2023-05-04", "2023-05-11", "2023-05-18", "2023-05-25"]);
    clean("30 мая 2023 г.", p, Date, Some("2023-05-30"), Some("2023-05-30"));
    clean("24 мая - 25 мая 2023 г.", p, Range, Some("2023-05-24"), Some("2023-05-25"));
    clean("17 марта 2023 г.", p, Date, Some("2023-03-17"), Some("2023-03-17"));
    clean("31 марта 2023 г.", p, Date, Some("2023-03-31"), Some("2023-03-31"));
    clean("18 апреля 2023 г.", p, Date, Some("2023-04-18"), Some("2023-04-18"));
    clean("12 мая 2023 г.", p, Date, Some("2023-05-12"), Some("2023-05-12"));
    clean("В течение учебного года", p, Continuous, Some("2022-09-01"), Some("2023-08-31"));
    clean(
        "Апрель - май 2023 г.\n(приказ минобразования Ростовской области от 26 апреля 2023 г. № 391)",
        p,
        Range,
        Some("2023-04-01"),
        Some("2023-05-31"),
    );
    clean("Июнь 2023 г.", p, Month, Some("2023-06-01"), Some("2023-06-30"));
    clean("Август 2023 г.", p, Month, Some("2023-08-01"), Some("2023-08-31"));
}

#[test]
fn surgut_2021_2022_every_event() {
    let p = surgut();
    clean("IV квартал 2021", p, Quarter, Some("2021-10-01"), Some("2021-12-31"));
    warned("III квартал 2021", p, Quarter, Some("2021-07-01"), Some("2021-09-30"), "выходит за период");
    clean("Сентябрь 2021", p, Month, Some("2021-09-01"), Some("2021-09-30"));
    clean("Октябрь 2021", p, Month, Some("2021-10-01"), Some("2021-10-31"));
    clean("Ноябрь 2021", p, Month, Some("2021-11-01"), Some("2021-11-30"));
    clean("Декабрь 2021", p, Month, Some("2021-12-01"), Some("2021-12-31"));
    clean("I квартал 2022", p, Quarter, Some("2022-01-01"), Some("2022-03-31"));
    // The plan ends in May, the second quarter in June: placed, and flagged.
    warned("II квартал 2022", p, Quarter, Some("2022-04-01"), Some("2022-06-30"), "выходит за период");
    warned("I - II квартал 2022", p, Range, Some("2022-01-01"), Some("2022-06-30"), "выходит за период");
}

#[test]
fn domain_examples_dates_and_times() {
    let p = taganrog();
    let tf = check("6 апреля в 14:00", p, Datetime, Some("2023-04-06"), Some("2023-04-06"));
    assert_eq!(tf.time.unwrap().start.to_string(), "14:00");
    let tf = check("14.03.2023, 15.00", p, Datetime, Some("2023-03-14"), Some("2023-03-14"));
    assert_eq!(tf.time.unwrap().start.to_string(), "15:00");
    let tf = check("16.02.2023 с 10:00 до 12:00", p, Datetime, Some("2023-02-16"), Some("2023-02-16"));
    assert_eq!(tf.describe(), "16.02.2023 с 10:00 до 12:00");
}

#[test]
fn domain_examples_ranges() {
    let p = taganrog();
    clean("с 3 по 7 апреля", p, Range, Some("2023-04-03"), Some("2023-04-07"));
    clean("Февраль-апрель", p, Range, Some("2023-02-01"), Some("2023-04-30"));
    clean("ноябрь 2021 – январь 2022", surgut(), Range, Some("2021-11-01"), Some("2022-01-31"));
    clean("ноябрь — январь", p, Range, Some("2022-11-01"), Some("2023-01-31"));
    clean("с 28 декабря по 10 января", p, Range, Some("2022-12-28"), Some("2023-01-10"));
    clean("1-2 квартал 2023", p, Range, Some("2023-01-01"), Some("2023-06-30"));
    clean(
        "II квартал - III квартал 2023",
        period("2023-01-01..2023-12-31"),
        Range,
        Some("2023-04-01"),
        Some("2023-09-30"),
    );
}

#[test]
fn domain_examples_months_quarters_halves() {
    let p = taganrog();
    clean("март", p, Month, Some("2023-03-01"), Some("2023-03-31"));
    clean("Сентябрь", p, Month, Some("2022-09-01"), Some("2022-09-30"));
    clean("второй квартал", p, Quarter, Some("2023-04-01"), Some("2023-06-30"));
    clean("I полугодие 2023", p, HalfYear, Some("2023-01-01"), Some("2023-06-30"));
    warned("2 полугодие 2022 г.", p, HalfYear, Some("2022-07-01"), Some("2022-12-31"), "выходит за период");
    // In an academic-year plan the halves without a year are the school's.
    clean("первое полугодие", p, HalfYear, Some("2022-09-01"), Some("2022-12-31"));
    clean("II полугодие", p, HalfYear, Some("2023-01-01"), Some("2023-05-31"));
    clean("I полугодие 2022-2023 учебного года", p, HalfYear, Some("2022-09-01"), Some("2022-12-31"));
    clean(
        "первое полугодие",
        period("2023-01-01..2023-12-31"),
        HalfYear,
        Some("2023-01-01"),
        Some("2023-06-30"),
    );
}

#[test]
fn domain_examples_until() {
    let p = taganrog();
    clean("до 15.04.2023", p, Until, None, Some("2023-04-15"));
    clean("до конца года", p, Until, None, Some("2022-12-31"));
    clean("до конца учебного года", p, Until, None, Some("2023-08-31"));
    clean("до конца I полугодия 2023 г.", p, Until, None, Some("2023-06-30"));
    clean("до 1 декабря", p, Until, None, Some("2022-12-01"));
    clean("не позднее 20.05.2023", p, Until, None, Some("2023-05-20"));
}

#[test]
fn domain_examples_continuous() {
    let p = taganrog();
    for text in [
        "постоянно",
        "в течение года",
        "в течение учебного года",
        "в течение всего срока (по графику)",
        "Постоянно ",
    ] {
        clean(text, p, Continuous, Some("2022-09-01"), Some("2023-08-31"));
    }
    clean("в течение 2022-2023 учебного года", p, Continuous, Some("2022-09-01"), Some("2023-08-31"));
    clean("в течение 2022/2023 уч. года", p, Continuous, Some("2022-09-01"), Some("2023-08-31"));
    warned("в течение 2023 года", p, Continuous, Some("2023-01-01"), Some("2023-12-31"), "выходит за период");
}

#[test]
fn domain_examples_recurring() {
    let p = taganrog();
    let tf = check("ежемесячно", p, Recurring, Some("2022-09-01"), Some("2023-08-31"));
    assert_eq!(tf.recurrence, Some(Recurrence::Monthly));
    assert_eq!(tf.occurrences().len(), 12);
    assert_eq!(tf.describe(), "ежемесячно: 12 раз");
    let tf = check("Ежеквартально", p, Recurring, Some("2022-09-01"), Some("2023-08-31"));
    let q: Vec<_> = tf.occurrences().iter().map(|s| (s.start.to_string(), s.end.to_string())).collect();
    assert_eq!(q[0], ("2022-09-01".into(), "2022-09-30".into()), "cut to the plan's start");
    assert_eq!(q.len(), 5);
    let tf = check("еженедельно", p, Recurring, Some("2022-09-01"), Some("2023-08-31"));
    let weeks = tf.occurrences();
    assert_eq!(weeks.len(), 53);
    assert!(weeks.windows(2).all(|w| w[0].end.succ_opt() == Some(w[1].start)), "weeks are contiguous");
    let tf = check("1 раз в квартал", p, Recurring, Some("2022-09-01"), Some("2023-08-31"));
    assert_eq!(tf.recurrence, Some(Recurrence::Quarterly));
    let tf = check("по четвергам", p, Recurring, Some("2022-09-01"), Some("2023-08-31"));
    assert_eq!(tf.recurrence, Some(Recurrence::Weekly));
}

#[test]
fn domain_examples_multiple() {
    let p = taganrog();
    let tf = clean_tf("Июнь/сентябрь 2023", p);
    assert_eq!(tf.kind, Multiple);
    assert_eq!((tf.start, tf.end), (d("2023-06-01"), d("2023-09-30")));
    let tf = clean_tf("10, 17 и 24 марта 2023 г.", p);
    assert_eq!(tf.parts.len(), 3);
    assert_eq!((tf.start, tf.end), (d("2023-03-10"), d("2023-03-24")));
    let tf = clean_tf("с 1 по 5 ноября 2022; с 10 по 14 апреля 2023", p);
    assert_eq!(tf.parts.iter().map(|x| x.kind).collect::<Vec<_>>(), [Range, Range]);
}

fn clean_tf(text: &str, p: Period) -> Timeframe {
    let tf = parse(text, &p);
    assert!(tf.warnings.iter().all(|w| !w.contains("Не удалось")), "{text:?}: {:?}", tf.warnings);
    tf
}

#[test]
fn free_texts_say_why() {
    let p = taganrog();
    warned("по мере необходимости", p, Free, None, None, "условия");
    warned("при наличии финансирования", p, Free, None, None, "условия");
    warned("до 15 апреля марта 2023 г.", p, Free, None, None, "два месяца");
    warned("31 июня", p, Free, None, None, "31 июня");
    warned("31 июня 2023 г.", p, Free, None, None, "несуществующая дата");
    warned("с 10 по 5 марта 2023 г.", p, Free, None, None, "раньше его начала");
    warned("ноябрь 2022 – январь 2022", p, Free, None, None, "раньше его начала");
    warned("", p, Free, None, None, "не указан");
    warned("уточняется", p, Free, None, None, "не распознаны слова: «уточняется»");
    warned("II четверть", p, Free, None, None, "четвертей");
    warned("V квартал 2023", p, Free, None, None, "срок не распознан");
    warned("5 квартал 2023", p, Free, None, None, "квартала с номером 5 нет");
}

#[test]
fn notes_in_parentheses_do_not_change_the_meaning() {
    clean("Февраль 2023 г. (по графику)", taganrog(), Month, Some("2023-02-01"), Some("2023-02-28"));
    clean("Ежемесячно (по графику)", taganrog(), Recurring, Some("2022-09-01"), Some("2023-08-31"));
}

#[test]
fn dates_outside_the_period_are_allowed_with_a_warning() {
    warned("10.10.2021", taganrog(), Date, Some("2021-10-10"), Some("2021-10-10"), "выходит за период");
    // No year, and the day is in no year of the period: the nearest, with a warning.
    warned("29 февраля", taganrog(), Date, Some("2024-02-29"), Some("2024-02-29"), "год не указан");
}

#[test]
fn describe_says_what_was_understood() {
    let p = period("2022-01-01..2022-12-31");
    assert_eq!(parse("Февраль-апрель", &p).describe(), "с 01.02.2022 по 30.04.2022");
    assert_eq!(parse("до 10 марта 2023 г.", &p).describe(), "до 10.03.2023");
    assert_eq!(parse("ежемесячно", &p).describe(), "ежемесячно: 12 раз");
}

#[test]
fn json_shape() {
    let tf = parse("до 10 марта 2023 г.", &taganrog());
    let v = serde_json::to_value(&tf).unwrap();
    assert_eq!(v["kind"], "until");
    assert_eq!(v["start"], serde_json::Value::Null);
    assert_eq!(v["end"], "2023-03-10");
    let back: Timeframe = serde_json::from_value(v).unwrap();
    assert_eq!(back, tf);
}

#[test]
fn the_benchmark_corpus_is_every_seed_timeframe_and_all_are_placed() {
    let texts: Vec<String> =
        include_str!("data/seed-timeframes.txt").lines().map(|l| l.replace("\\n", "\n")).collect();
    assert_eq!(texts.len(), 25);
    for p in [taganrog(), surgut()] {
        for t in &texts {
            // Placed in either plan's period, if only with a warning for the other year.
            let tf = parse(t, &p);
            assert_ne!(tf.kind, Free, "{t:?}: {:?}", tf.warnings);
        }
    }
}

/// Forms found in real plans of other education bodies (issue 16): each read as it means.
#[test]
fn forms_from_real_plans() {
    let years = period("2023-01-01..2025-12-31");
    let year = period("2023-01-01..2023-12-31");
    clean("Октябрь, 2024", years, Kind::Month, Some("2024-10-01"), Some("2024-10-31"));
    clean("12.10.2023 19.10.2023", year, Kind::Multiple, Some("2023-10-12"), Some("2023-10-19"));
    clean("12.10.2023\n19.10.2023", year, Kind::Multiple, Some("2023-10-12"), Some("2023-10-19"));
    clean("01.09 - 15.10.2023", year, Kind::Range, Some("2023-09-01"), Some("2023-10-15"));
    clean("5 мая 2023* г.", year, Kind::Date, Some("2023-05-05"), Some("2023-05-05"));
    clean("до 15 мая 2023 г. включительно", year, Kind::Until, None, Some("2023-05-15"));
    clean("в течение года по графику", year, Kind::Continuous, Some("2023-01-01"), Some("2023-12-31"));
    clean(
        "постоянно в течение всего срока по плану-графику",
        years,
        Kind::Continuous,
        Some("2023-01-01"),
        Some("2025-12-31"),
    );
    clean(
        "сентябрь - октябрь 2023 декабрь 2023",
        year,
        Kind::Multiple,
        Some("2023-09-01"),
        Some("2023-12-31"),
    );
    clean("01.09 - 15.10.2023 ноябрь 2023", year, Kind::Multiple, Some("2023-09-01"), Some("2023-11-30"));
    // Still one range: the words between the dates join them.
    clean("с 01.09.2023 по 31.12.2023", year, Kind::Range, Some("2023-09-01"), Some("2023-12-31"));
    // A quarter with no year in a plan of three years: placed, but never silently.
    let tf = check("I квартал", years, Kind::Quarter, Some("2023-01-01"), Some("2023-03-31"));
    assert!(tf.warnings.iter().any(|w| w.contains("несколько лет")), "{:?}", tf.warnings);
    clean("I квартал", year, Kind::Quarter, Some("2023-01-01"), Some("2023-03-31"));
    // Rhythms and qualifiers: «не реже», a school quarter's rhythm, «далее».
    let tf = check("1 раз в четверть", year, Kind::Recurring, Some("2023-01-01"), Some("2023-12-31"));
    assert_eq!(tf.recurrence, Some(Recurrence::Quarterly));
    assert!(tf.warnings.is_empty(), "{:?}", tf.warnings);
    let tf = clean_tf("не реже 1 раза в месяц", year);
    assert_eq!((tf.kind, tf.recurrence), (Kind::Recurring, Some(Recurrence::Monthly)));
    assert!(tf.warnings.is_empty(), "{:?}", tf.warnings);
    let tf = clean_tf("декабрь 2023, далее - ежеквартально", year);
    assert_eq!(tf.kind, Kind::Multiple);
    assert!(tf.warnings.is_empty(), "{:?}", tf.warnings);
    // A schedule set elsewhere: no date, said as a condition, no list of «unknown words».
    warned("в сроки, установленные Минпросвещения", year, Free, None, None, "условия");
    let tf = parse("по отдельному графику", &year);
    assert_eq!(tf.kind, Free);
    assert!(tf.warnings.iter().all(|w| !w.contains("не распознаны")), "{:?}", tf.warnings);
    clean(
        "в течение года по отдельному графику",
        year,
        Kind::Continuous,
        Some("2023-01-01"),
        Some("2023-12-31"),
    );
    // A rhythm with its qualifier after a comma is still the rhythm.
    for text in ["ежемесячно, до 25 числа", "до 1 числа месяца, следующего за отчётным"]
    {
        let tf = clean_tf(text, year);
        assert_eq!((tf.kind, tf.recurrence), (Kind::Recurring, Some(Recurrence::Monthly)), "{text}");
        assert!(tf.warnings.is_empty(), "{text}: {:?}", tf.warnings);
    }
    // A rhythm in parentheses is no mere note; a span of years «в течение» is that span.
    let years = period("2024-01-01..2026-12-31");
    let tf = clean_tf("март (ежегодно)", years);
    assert_eq!((tf.kind, tf.recurrence), (Kind::Recurring, Some(Recurrence::Yearly)));
    clean("в течение 2024-2026 гг.", years, Kind::Range, Some("2024-01-01"), Some("2026-12-31"));
    // «с 1 сентября» alone: from that day on, to the end of the plan.
    let academic = period("2023-09-01..2024-08-31");
    clean("с 1 сентября", academic, Kind::Range, Some("2023-09-01"), Some("2024-08-31"));
    clean("с января 2024 г.", academic, Kind::Range, Some("2024-01-01"), Some("2024-08-31"));
    // A dated item beside a rhythm keeps both.
    assert_eq!(clean_tf("декабрь 2023, далее - ежеквартально", year).kind, Kind::Multiple);
}
