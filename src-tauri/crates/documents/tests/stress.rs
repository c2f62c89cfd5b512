//! A hostile roadmap: 300 events, a 3 000-character cell, a 60-letter word, a 40-item list,
//! Latin, Kazakh and Tatar letters, an emoji. Nothing panics, no word is lost, no word lies
//! outside the printable area, and a character the font lacks is replaced and reported.

#[path = "../../../../tests/support/pdf.rs"]
mod pdf;

use chrono::NaiveDate;
use documents::{roadmap_annex, Column, District, Margins, Meta, Orientation, RoadmapOptions};
use domain::{fixture, Event, Executor, ExecutorKind, Period, Plan, Roadmap, Section};

fn event(id: i64, section: i64, number: String, content: String, timeframe: &str, period: &Period) -> Event {
    Event {
        section_id: Some(section),
        number,
        content,
        timeframe: timeframe::parse(timeframe, period),
        executors: vec![Executor {
            id: 1,
            kind: ExecutorKind::Person,
            name: "Баркалова Е.В.".into(),
            position: "муниципальный координатор".into(),
            organisation: String::new(),
        }],
        result: "не менее 25% школ".into(),
        evidence: "Протокол".into(),
        ..fixture::event(id)
    }
}

fn stress_plan() -> Roadmap {
    let period: Period = "2022-09-01..2023-08-31".parse().unwrap();
    let sections = (1..=3)
        .map(|i| Section {
            title: format!("Раздел {i}: сопровождение школ с низкими образовательными результатами"),
            ..fixture::section(i)
        })
        .collect();
    let mut events = Vec::new();
    for i in 1..=300i64 {
        let content = match i {
            7 => "Большой текст ячейки. ".repeat(140), // ≈ 3 000 characters
            8 => format!("Слово без пробелов {}", "абвгдежзиклмнопрстуфхцчшщэюя".repeat(3).chars().take(60).collect::<String>()),
            9 => (1..=40).map(|k| format!("- пункт списка номер {k} о работе со школами")).collect::<Vec<_>>().join("\n"),
            10 => "Latin text: quarterly monitoring of school results; Kazakh: әғқңөұүһі Әлеуметтік; Tatar: җәүһөң Җәмгыять".into(),
            11 => "Смайлик в тексте 😀 и значок ☃ снеговика".into(),
            _ => format!("Мероприятие {i}: заседание рабочей группы по вопросам межшкольного партнерства и профилактики учебной неуспешности"),
        };
        let section = 1 + (i - 1) / 100;
        events.push(event(i, section, format!("{section}.{i}"), content, "до 10 марта 2023 г.", &period));
    }
    let mut r = Roadmap { sections, ..fixture::roadmap(events) };
    r.plan = Plan {
        title: "Дорожная карта: стресс-проверка вёрстки".into(),
        issuer: "Управление образования".into(),
        goal: "проверить, что ничего не теряется".into(),
        tasks: vec!["первая задача".into(), "вторая задача".into()],
        ..r.plan
    };
    r
}

#[test]
fn a_hostile_plan_loses_nothing_and_stays_inside_the_margins() {
    let roadmap = stress_plan();
    let d = District { roadmap: &roadmap, schools: &[], pairings: &[], series: &[], groups: &[] };
    for orientation in [Orientation::Portrait, Orientation::Landscape] {
        let opts = RoadmapOptions {
            columns: Column::ALL.to_vec(),
            orientation,
            margins: Margins::STANDARD,
            ..Default::default()
        };
        let meta = Meta {
            title: "стресс".into(),
            format: Default::default(),
            created_unix: 1_700_000_000,
            work: Default::default(),
        };
        let doc = roadmap_annex(&d, &opts, None, &meta).unwrap();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("stress.pdf");
        std::fs::write(&path, &doc.bytes).unwrap();
        if let Some(dir) = std::env::var_os("KOORDINATOR_KEEP_PDF") {
            std::fs::write(
                std::path::Path::new(&dir).join(format!("stress-{orientation:?}.pdf")),
                &doc.bytes,
            )
            .unwrap();
        }

        // A character the font lacks is replaced visibly and reported.
        assert!(doc.warnings.iter().any(|w| w.contains("😀") && w.contains("□")), "{:?}", doc.warnings);
        let reported: Vec<char> =
            doc.warnings.iter().filter_map(|w| w.split('«').nth(1)?.chars().next()).collect();

        let boxes = pdf::word_boxes(&path);
        let text = boxes.iter().map(|b| b.word.as_str()).collect::<Vec<_>>().join(" ");
        assert!(text.contains('□'));
        let source: String = roadmap.events.iter().map(|e| e.content.as_str()).collect::<Vec<_>>().join(" ");
        let lost: Vec<String> = pdf::missing_words(&source, &text)
            .into_iter()
            .filter(|w| !w.chars().any(|c| reported.contains(&c)))
            .collect();
        assert!(lost.is_empty(), "{orientation:?}: lost words {lost:?}");

        let (left, top, right, bottom) = (20.0, 20.0, 10.0, 20.0);
        let mm = |v: f32| v * 72.0 / 25.4;
        for b in &boxes {
            let inside = b.x0 >= mm(left) - 0.5
                && b.x1 <= b.page_w - mm(right) + 0.5
                && b.y0 >= mm(top) - 0.5
                && b.y1 <= b.page_h - mm(bottom) + 0.5;
            assert!(
                inside,
                "{orientation:?}: «{}» on page {} lies outside the margins: {b:?}",
                b.word, b.page
            );
        }
        assert!(doc.pages > 20, "300 events take many pages ({})", doc.pages);
    }
}

#[test]
fn the_dates_of_a_document_are_the_callers() {
    let roadmap = stress_plan();
    let d = District { roadmap: &roadmap, schools: &[], pairings: &[], series: &[], groups: &[] };
    let created =
        NaiveDate::from_ymd_opt(2023, 2, 16).unwrap().and_hms_opt(9, 0, 0).unwrap().and_utc().timestamp();
    let doc = roadmap_annex(
        &d,
        &RoadmapOptions::default(),
        None,
        &Meta {
            title: "t".into(),
            format: Default::default(),
            created_unix: created,
            work: Default::default(),
        },
    )
    .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("dated.pdf");
    std::fs::write(&path, &doc.bytes).unwrap();
    let info = pdf::info(&path);
    let created = info.lines().find(|l| l.starts_with("CreationDate:")).unwrap_or_default();
    assert!(
        created.contains("Feb 16") && created.contains("2023"),
        "the creation date is set, not 1970: {created}"
    );
}
