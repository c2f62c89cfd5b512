//! The five documents on the demo district, from the store to the PDF, read back with
//! pdftotext, pdffonts and pdfinfo as a person's tools would.

#[path = "support/pdf.rs"]
mod pdf;

use std::path::PathBuf;

use app::export::{export, DocumentKind, ExportRequest};
use app::files::write_export;
use chrono::NaiveDate;
use documents::{Column, Format};
use store::Store;

fn demo() -> Store {
    let mut store = Store::open_in_memory().unwrap();
    store::district::load(&mut store, &store::district::parse(store::district::DEMO).unwrap()).unwrap();
    store
}

fn print(
    store: &Store,
    document: DocumentKind,
    landscape: bool,
    dir: &tempfile::TempDir,
) -> (PathBuf, String) {
    let req = ExportRequest {
        plan_id: 1,
        document,
        landscape,
        columns: vec![],
        blocks: None,
        as_of: NaiveDate::from_ymd_opt(2023, 5, 15),
        long_kept: false,
        a3: false,
        analysis: None,
        order_id: None,
        year: None,
        category: None,
    };
    let doc = export(
        store,
        &req,
        NaiveDate::from_ymd_opt(2023, 5, 15).unwrap(),
        1_684_108_800,
        Format::Pdf,
        &Default::default(),
    )
    .unwrap();
    assert!(doc.warnings.is_empty(), "{:?}", doc.warnings);
    let path = dir.path().join(format!("{document:?}.pdf"));
    write_export(store, &path, &doc.bytes).unwrap();
    let text = pdf::text(&path);
    for (name, embedded, subset) in pdf::fonts(&path) {
        assert!(embedded && subset, "{document:?}: font {name} must be embedded and subset");
    }
    (path, text)
}

fn every_event_word(store: &Store, text: &str, what: &str) {
    let roadmap = store::roadmap::read(store.read(), 1).unwrap();
    for e in &roadmap.events {
        let missing = pdf::missing_words(&e.content, text);
        assert!(missing.is_empty(), "{what}: event {} lost words {missing:?}", e.number);
    }
}

#[test]
fn the_roadmap_annex_gives_back_every_event_and_the_mark() {
    let (store, dir) = (demo(), tempfile::tempdir().unwrap());
    let (path, text) = print(&store, DocumentKind::Annex, true, &dir);
    every_event_word(&store, &text, "annex");
    for must in [
        "Приложение 3",
        "к приказу Управления образования г. Таганрога",
        "от 16.02.2023 № 206",
        "Проектно-деятельностный этап",
        "Итоговый этап",
        "до 10 марта 2023 г.",
        "МОБУ СОШ № 6 (директор Муразян О.В.)",
    ] {
        assert!(text.contains(must), "annex lacks «{must}»");
    }
    // Table cells wrap where their width says: checked word by word.
    assert!(pdf::missing_words("Баркалова Е.В., муниципальный координатор", &text).is_empty());
    let sizes = pdf::page_sizes(&path);
    assert!(sizes.len() >= 3);
    assert!(sizes.iter().all(|(w, h)| w > h), "landscape pages");
}

#[test]
fn the_order_has_its_requisites_and_each_annex_on_its_own_pages() {
    let (store, dir) = (demo(), tempfile::tempdir().unwrap());
    let (path, text) = print(&store, DocumentKind::Order, false, &dir);
    for must in [
        "УПРАВЛЕНИЕ ОБРАЗОВАНИЯ Г. ТАГАНРОГА",
        "ПРИКАЗ",
        "16.02.2023",
        "№ 206",
        "г. Таганрог",
        "ПРИКАЗЫВАЮ:",
        "1. Утвердить состав рабочей группы",
        "5. Контроль исполнения приказа оставляю за собой.",
        "Начальник Управления образования г. Таганрога",
        "О.Л. Морозова",
        "8 (8634) 00-00-00",
        "Приложение 1",
        "Приложение 2",
        "Приложение 3",
        "Состав рабочей группы",
        "Закрепление школ-наставников за курируемыми школами",
    ] {
        assert!(text.contains(must), "order lacks «{must}»");
    }
    every_event_word(&store, &text, "order");
    // The order and annexes 1–2 are portrait, the roadmap (annex 3) landscape.
    let sizes = pdf::page_sizes(&path);
    assert!(sizes[0].0 < sizes[0].1);
    assert!(sizes.last().unwrap().0 > sizes.last().unwrap().1);
    // The executor mark stands at the bottom left of the order's page.
    let boxes = pdf::word_boxes(&path);
    let phone = boxes.iter().find(|b| b.word == "(8634)").expect("the phone is printed");
    assert_eq!(phone.page, 1);
    assert!(phone.y1 > phone.page_h * 0.85 && phone.x0 < phone.page_w * 0.3, "{phone:?}");
}

/// «Ход реализации» as an order's annex: a point cites it, the page follows the order with its
/// annex mark, as of the order's date (16.02.2023: nothing is due yet, nothing overdue).
#[test]
fn the_overview_can_be_an_orders_annex() {
    let (mut store, dir) = (demo(), tempfile::tempdir().unwrap());
    let order = store::order::get(store.read(), 1).unwrap();
    let mut points = domain::points_of(&order);
    points.insert(
        points.len() - 1,
        domain::PointDraft {
            text: "Принять к сведению ход реализации дорожной карты".into(),
            annex: Some(domain::AnnexDraft {
                kind: domain::AnnexKind::Overview,
                title: String::new(),
                orientation: domain::Orientation::Portrait,
                plan_id: Some(1),
                working_group_id: None,
            }),
        },
    );
    store.change("Приказ", |tx| store::order::save(tx, Some(1), &order.draft, &points)).unwrap();
    let stored = store::order::get(store.read(), 1).unwrap();
    assert_eq!(stored.annexes.last().map(|a| a.draft.kind), Some(domain::AnnexKind::Overview));

    let (_, text) = print(&store, DocumentKind::Order, false, &dir);
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains("Принять к сведению ход реализации дорожной карты (приложение 4)."), "{flat}");
    assert!(flat.contains("Приложение 4"), "the annex mark");
    assert!(flat.contains("Ход реализации дорожной карты на 16.02.2023"), "as of the order's date");
    assert!(flat.contains("Просрочено: 0"), "{flat}");
}

#[test]
fn the_webinar_schedule_lists_the_five_sessions() {
    let (store, dir) = (demo(), tempfile::tempdir().unwrap());
    let (_, text) = print(&store, DocumentKind::Webinars, true, &dir);
    for must in ["27.04.2023", "04.05.2023", "11.05.2023", "18.05.2023", "25.05.2023", "Земляненко Н.В."]
    {
        assert!(text.contains(must), "webinars lack «{must}»");
    }
    let series = store::webinar::list(store.read()).unwrap();
    for w in &series[0].webinars {
        let missing = pdf::missing_words(&w.topic, &text);
        assert!(missing.is_empty(), "the topic of {} lost {missing:?}", w.date);
    }
}

#[test]
fn the_schools_list_pairs_every_supported_school() {
    let (store, dir) = (demo(), tempfile::tempdir().unwrap());
    let (_, text) = print(&store, DocumentKind::Schools, false, &dir);
    for school in store::school::list(store.read(), Some(2022)).unwrap() {
        let missing = pdf::missing_words(&school.draft.short_name, &text);
        assert!(missing.is_empty(), "«{}» is missing", school.draft.short_name);
    }
    assert!(!text.contains("не закреплена"), "every demo school has a mentor");
}

#[test]
fn the_report_counts_by_section_as_of_a_day() {
    let (store, dir) = (demo(), tempfile::tempdir().unwrap());
    let (_, text) = print(&store, DocumentKind::Report, true, &dir);
    assert!(text.contains("по состоянию на 15.05.2023"));
    // By 15 May 2023 nothing is marked done: the past events are overdue.
    assert!(text.contains("просрочено"));
    assert!(text.contains("Всего 16 0"), "{text}");
    every_event_word(&store, &text, "report");
    // Who did it and what proves it: the report's usual columns, with the state after the dates
    // (header cells wrap, so their words are looked for one by one).
    // A narrow header cell may break a word («Ответствен-ный»): heads are looked for.
    let words: Vec<&str> = text.split_whitespace().collect();
    for word in ["Ответствен", "фиксирующие", "Отметка", "Состояние", "Баркалова"]
    {
        assert!(words.iter().any(|w| w.starts_with(word)), "no «{word}» in the report");
    }
}

#[test]
fn the_report_prints_the_chosen_columns() {
    let (store, dir) = (demo(), tempfile::tempdir().unwrap());
    let req = ExportRequest {
        plan_id: 1,
        document: DocumentKind::Report,
        landscape: true,
        columns: vec![Column::Number, Column::Content, Column::Result],
        blocks: None,
        as_of: NaiveDate::from_ymd_opt(2023, 5, 15),
        long_kept: false,
        a3: false,
        analysis: None,
        order_id: None,
        year: None,
        category: None,
    };
    let today = NaiveDate::from_ymd_opt(2023, 5, 15).unwrap();
    let doc = export(&store, &req, today, 0, Format::Pdf, &Default::default()).unwrap();
    let path = dir.path().join("report-columns.pdf");
    write_export(&store, &path, &doc.bytes).unwrap();
    let text = pdf::text(&path);
    let words: Vec<&str> = text.split_whitespace().collect();
    assert!(words.contains(&"Планируемый") && words.contains(&"Состояние"), "{text}");
    assert!(!words.contains(&"Ответственный") && !words.contains(&"Сроки"), "{text}");
}

#[test]
fn numbered_from_the_second_page_at_the_top_centre() {
    let (store, dir) = (demo(), tempfile::tempdir().unwrap());
    let (path, _) = print(&store, DocumentKind::Annex, false, &dir);
    let boxes = pdf::word_boxes(&path);
    let top_word =
        |page: usize| boxes.iter().filter(|b| b.page == page).min_by(|a, b| a.y0.total_cmp(&b.y0)).cloned();
    let second = top_word(2).unwrap();
    assert_eq!(second.word, "2");
    assert!(
        (second.x0 + second.x1) / 2.0 > second.page_w * 0.4
            && (second.x0 + second.x1) / 2.0 < second.page_w * 0.6
    );
    assert_ne!(top_word(1).unwrap().word, "1", "the first page is not numbered");
}

#[test]
fn the_roadmap_prints_only_the_chosen_blocks_and_columns() {
    let (store, dir) = (demo(), tempfile::tempdir().unwrap());
    let req = ExportRequest {
        plan_id: 1,
        document: DocumentKind::Annex,
        landscape: false,
        columns: vec![Column::Number, Column::Content, Column::Timeframe],
        blocks: Some(vec![domain::RoadmapBlock::Goal]),
        as_of: None,
        long_kept: true,
        a3: false,
        analysis: None,
        order_id: None,
        year: None,
        category: None,
    };
    let doc = export(
        &store,
        &req,
        NaiveDate::from_ymd_opt(2023, 5, 15).unwrap(),
        0,
        Format::Pdf,
        &Default::default(),
    )
    .unwrap();
    let path = dir.path().join("blocks.pdf");
    write_export(&store, &path, &doc.bytes).unwrap();
    let text = pdf::text(&path);
    assert!(text.contains("Цель:"));
    assert!(
        !text.contains("Задачи:")
            && !text.contains("Муниципальный координатор:")
            && !text.contains("Курируемые школы:")
    );
    assert!(text.contains("Сроки реализации") && !text.contains("Ответственный исполнитель"));
    // A 30 mm left margin: no word starts left of it.
    let boxes = pdf::word_boxes(&path);
    assert!(boxes.iter().all(|b| b.x0 >= 30.0 * 72.0 / 25.4 - 0.5));
}

/// The timeline: every event's headline on the left, landscape pages, words inside the
/// printable area, A3 when asked; an event with no placeable timeframe is listed apart.
#[test]
fn the_timeline_gives_back_every_event_inside_the_margins() {
    let (store, dir) = (demo(), tempfile::tempdir().unwrap());
    let (path, text) = print(&store, DocumentKind::Timeline, true, &dir);
    let roadmap = store::roadmap::read(store.read(), 1).unwrap();
    for e in &roadmap.events {
        let headline = domain::timeline::headline(&e.content, 110).replace('…', "");
        let missing = pdf::missing_words(&headline, &text);
        assert!(missing.is_empty(), "timeline: event {} lost {missing:?}", e.number);
    }
    for must in ["Шкала времени дорожной карты", "по состоянию на 15.05.2023", "сент.", "авг.", "Вебинары"]
    {
        assert!(text.contains(must), "timeline lacks «{must}»");
    }
    let sizes = pdf::page_sizes(&path);
    assert!(sizes.iter().all(|(w, h)| w > h && (*w - 841.9).abs() < 1.0), "A4 landscape: {sizes:?}");
    for b in pdf::word_boxes(&path) {
        // 20 mm left, 10 mm right, 20 mm top and bottom (the page number stands above).
        assert!(b.x0 >= 56.0 && b.x1 <= b.page_w - 28.0 && b.y1 <= b.page_h - 56.0, "{b:?}");
    }
    let req = ExportRequest {
        plan_id: 1,
        document: DocumentKind::Timeline,
        landscape: true,
        columns: vec![],
        blocks: None,
        as_of: NaiveDate::from_ymd_opt(2023, 5, 15),
        long_kept: false,
        a3: true,
        analysis: None,
        order_id: None,
        year: None,
        category: None,
    };
    let doc = export(
        &store,
        &req,
        NaiveDate::from_ymd_opt(2023, 5, 15).unwrap(),
        0,
        Format::Pdf,
        &Default::default(),
    )
    .unwrap();
    let a3 = dir.path().join("a3.pdf");
    write_export(&store, &a3, &doc.bytes).unwrap();
    let sizes = pdf::page_sizes(&a3);
    assert!(sizes.iter().all(|(w, _)| (*w - 1190.6).abs() < 1.0), "A3 landscape: {sizes:?}");
}

/// The overview: one page with the counts by section, the overdue and the series.
#[test]
fn the_overview_is_one_page_with_the_counts() {
    let (store, dir) = (demo(), tempfile::tempdir().unwrap());
    let (path, text) = print(&store, DocumentKind::Overview, false, &dir);
    assert_eq!(pdf::page_sizes(&path).len(), 1, "{text}");
    for must in [
        "Ход реализации дорожной карты на 15.05.2023",
        "Проектно-деятельностный этап",
        "Всего",
        "Просрочено:",
        "Цикл вебинаров по профилактике учебной неуспешности: проведено 3, осталось 2",
        "ШНОР — 7",
    ] {
        assert!(text.replace('\n', " ").contains(must), "overview lacks «{must}»:\n{text}");
    }
}

/// The справка as an order's annex: the ready point cites it, its pages carry the annex mark.
#[test]
fn the_effectiveness_report_can_be_an_orders_annex() {
    let (mut store, dir) = (demo(), tempfile::tempdir().unwrap());
    let order = store::order::get(store.read(), 1).unwrap();
    let ready = domain::ready_points(None, None);
    let point = ready.iter().find(|r| r.label == "Принять к сведению аналитическую справку").unwrap();
    let mut points = domain::points_of(&order);
    points.insert(points.len() - 1, point.point.clone());
    store.change("Приказ", |tx| store::order::save(tx, Some(1), &order.draft, &points)).unwrap();
    let (_, text) = print(&store, DocumentKind::Order, false, &dir);
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains("Принять к сведению аналитическую справку о результатах и эффективности мер поддержки школ с низкими образовательными результатами (приложение 4)."),
        "{flat}"
    );
    assert!(flat.contains("Приложение 4"), "the annex mark");
    assert!(
        flat.contains("Аналитическая справка о результатах и эффективности мер поддержки школ"),
        "{flat}"
    );
}

/// The справка: the findings, both charts' words, every supported school with its measures,
/// the method; the wording claims no cause.
#[test]
fn the_effectiveness_report_states_its_figures_and_method() {
    let (store, dir) = (demo(), tempfile::tempdir().unwrap());
    let (path, text) = print(&store, DocumentKind::Effectiveness, false, &dir);
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for must in [
        "Аналитическая справка о результатах и эффективности мер поддержки школ с низкими образовательными результатами за 2021–2023 годы",
        "Основные выводы",
        "у школ под поддержкой (7 шк.",
        "95 % интервал",
        "школы, получавшие поддержку",
        "Разница с сопоставимыми школами",
        "Все школы под поддержкой",
        "Школы под поддержкой: результаты и меры",
        "наставник: МОБУ лицей № 7",
        "Как получены цифры",
        "возврат к среднему",
    ] {
        assert!(flat.contains(must), "справка lacks «{must}»:\n{text}");
    }
    assert!(!flat.contains("благодаря"));
    for name in [
        "МОБУ СОШ № 6",
        "МАОУ СОШ № 12",
        "МОБУ СОШ № 31",
        "МОБУ СОШ № 16",
        "МОБУ СОШ № 20",
        "МОБУ СОШ № 34",
        "МАОУ СОШ № 39",
    ] {
        assert!(flat.contains(name), "{name}");
    }
    for (w, h) in pdf::page_sizes(&path) {
        assert!((w - 595.0).abs() < 2.0 && (h - 842.0).abs() < 2.0, "A4: {w}×{h}");
    }
}

/// Every document's .docx, opened by LibreOffice (the office suite coordinators on Astra and
/// «Р7» machines have), lays out like the PDF: no page without words (the order once had a
/// blank third page there) and about as many pages, and every event's words are in it.
#[test]
fn every_docx_opens_in_libreoffice_without_blank_pages() {
    let store = demo();
    let dir = tempfile::tempdir().unwrap();
    let kinds = [
        DocumentKind::Order,
        DocumentKind::Annex,
        DocumentKind::Webinars,
        DocumentKind::Schools,
        DocumentKind::Report,
        DocumentKind::Overview,
        DocumentKind::Effectiveness,
    ];
    let mut docx = Vec::new();
    let mut ours = Vec::new();
    for kind in kinds {
        let (pdf, _) = print(&store, kind, false, &dir);
        ours.push(pdf::info(&pdf).lines().find_map(|l| l.strip_prefix("Pages:")).unwrap().trim().to_owned());
        let req = ExportRequest {
            plan_id: 1,
            document: kind,
            landscape: false,
            columns: vec![],
            blocks: None,
            as_of: NaiveDate::from_ymd_opt(2023, 5, 15),
            long_kept: false,
            a3: false,
            analysis: None,
            order_id: None,
            year: None,
            category: None,
        };
        let day = NaiveDate::from_ymd_opt(2023, 5, 15).unwrap();
        let doc = export(&store, &req, day, 1_684_108_800, Format::Docx, &Default::default()).unwrap();
        let path = dir.path().join(format!("{kind:?}.docx"));
        write_export(&store, &path, &doc.bytes).unwrap();
        docx.push(path);
    }
    let out = dir.path().join("lo");
    let status = std::process::Command::new("soffice")
        .args(["--headless", "--norestore", "--convert-to", "pdf", "--outdir"])
        .arg(&out)
        .args(&docx)
        .env("HOME", dir.path())
        .stdout(std::process::Stdio::null())
        .status()
        .expect("LibreOffice (soffice) is needed: bash .ci/setup installs libreoffice-writer-nogui");
    assert!(status.success());
    for (kind, ours) in kinds.iter().zip(&ours) {
        let lo = out.join(format!("{kind:?}.pdf"));
        let pages: usize =
            pdf::info(&lo).lines().find_map(|l| l.strip_prefix("Pages:")).unwrap().trim().parse().unwrap();
        let ours: usize = ours.parse().unwrap();
        assert!(pages.abs_diff(ours) <= 1, "{kind:?}: LibreOffice {pages} pages, the PDF {ours}");
        for page in 1..=pages {
            let text = pdf::page_text(&lo, page);
            assert!(
                text.split_whitespace().count() > 0,
                "{kind:?}: page {page} of {pages} is blank in LibreOffice"
            );
        }
        if matches!(kind, DocumentKind::Annex | DocumentKind::Order) {
            every_event_word(&store, &pdf::text(&lo), &format!("{kind:?} in LibreOffice"));
        }
    }
}

/// Issue 25, point 14: any of the district's orders can be printed, not only the plan's
/// approving one; its roadmap annex is the plan the order names.
#[test]
fn another_order_is_printed_when_chosen() {
    let (mut store, dir) = (demo(), tempfile::tempdir().unwrap());
    let first = store::order::get(store.read(), 1).unwrap();
    let draft = domain::OrderDraft {
        number: "391".into(),
        title: "О ходе реализации дорожной карты".into(),
        points: vec!["Принять к сведению ход реализации дорожной карты.".into()],
        ..first.draft.clone()
    };
    let id = store.change("Приказ", |tx| store::order::insert(tx, &draft, &[])).unwrap();
    let req = ExportRequest {
        plan_id: 1,
        document: DocumentKind::Order,
        landscape: false,
        columns: vec![],
        blocks: None,
        as_of: None,
        long_kept: false,
        a3: false,
        analysis: None,
        order_id: Some(id),
        year: None,
        category: None,
    };
    let day = NaiveDate::from_ymd_opt(2023, 5, 15).unwrap();
    let doc = export(&store, &req, day, 0, Format::Pdf, &Default::default()).unwrap();
    let path = dir.path().join("второй.pdf");
    write_export(&store, &path, &doc.bytes).unwrap();
    let text = pdf::text(&path);
    assert!(text.contains("О ходе реализации дорожной карты") && text.contains("№ 391"), "{text}");
    assert!(!text.contains("№ 206"), "the approving order is not the one printed");
    // Without a choice, the plan's approving order as before.
    let usual =
        export(&store, &ExportRequest { order_id: None, ..req }, day, 0, Format::Pdf, &Default::default())
            .unwrap();
    write_export(&store, &path, &usual.bytes).unwrap();
    assert!(pdf::text(&path).contains("№ 206"));
}
