//! The three seed roadmaps, as text and as Word tables, import exactly as the hand-checked
//! expectations in tests/fixtures/expected say: sections, numbers, timeframes, executors and
//! results.

use std::path::PathBuf;

use domain::Period;
use exchange::import::{self, Recognised};

fn fixture(path: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../tests/fixtures").join(path)
}

fn period(text: &str) -> Period {
    text.parse().unwrap()
}

const SEEDS: [(&str, &str); 3] = [
    ("taganrog-2022-2023", "2022-09-01..2023-08-31"),
    ("surgut-2021-2022", "2021-07-01..2022-06-30"),
    ("dubna-2017", "2017-01-01..2017-12-31"),
];

/// The import in the expectations' format, one line per section and event.
fn lines(r: &Recognised) -> Vec<String> {
    let short = |t: &str, n: usize| t.replace('\n', " / ").chars().take(n).collect::<String>();
    let mut out = Vec::new();
    let mut section = None;
    for e in &r.events {
        if e.section != section {
            section = e.section;
            if let Some(s) = section.map(|i| &r.sections[i]) {
                out.push(format!("§ {} | {}", s.number, short(&s.title, 60)));
            }
        }
        let executors: Vec<String> =
            e.row
                .executors
                .iter()
                .map(|x| {
                    if x.position.is_empty() {
                        x.name.clone()
                    } else {
                        format!("{}, {}", x.name, x.position)
                    }
                })
                .collect();
        out.push(format!(
            "{} | {} | {} | {} | {}",
            e.number,
            short(&e.row.content, 48),
            e.timeframe.text.replace('\n', " / "),
            executors.join("; "),
            short(&e.row.result, 40)
        ));
    }
    out
}

fn expected(seed: &str) -> Vec<String> {
    std::fs::read_to_string(fixture(&format!("expected/roadmap-{seed}.txt")))
        .unwrap()
        .lines()
        .filter(|l| !l.starts_with('#'))
        .map(str::to_owned)
        .collect()
}

fn import(path: PathBuf, p: &str) -> Recognised {
    let source = import::read_bytes(&std::fs::read(&path).unwrap(), path.to_str().unwrap(), None).unwrap();
    import::recognise(&source.grid, &source.preamble, &period(p), &[], None)
}

#[test]
fn each_seed_as_text_imports_as_expected() {
    for (seed, p) in SEEDS {
        let r = import(fixture(&format!("seeds/roadmap-{seed}.txt")), p);
        assert_eq!(lines(&r), expected(seed), "{seed}");
    }
}

#[test]
fn each_seed_as_a_word_table_imports_as_expected() {
    for (seed, p) in SEEDS {
        let r = import(fixture(&format!("docx/roadmap-{seed}.docx")), p);
        assert_eq!(lines(&r), expected(seed), "{seed}");
    }
}

#[test]
fn what_the_expectations_do_not_show() {
    let taganrog = import(fixture("seeds/roadmap-taganrog-2022-2023.txt"), SEEDS[0].1);
    assert!(taganrog.goal.starts_with("создание условий для перевода школ"));
    assert_eq!(taganrog.tasks.len(), 2);
    // Event 6: five webinar dates, five people (the last cell names three).
    let six = &taganrog.events[5];
    assert_eq!(six.timeframe.kind, domain::TimeframeKind::Multiple);
    assert_eq!(six.row.executors.len(), 7);
    assert!(six.row.content.contains("\n- «Система восполнения профессиональных дефицитов"));

    let surgut = import(fixture("seeds/roadmap-surgut-2021-2022.txt"), SEEDS[1].1);
    let n = |r: &Recognised, number: &str| r.events.iter().find(|e| e.number == number).unwrap().clone();
    // 4.1 went on after the page break: its content and result are whole.
    let four_one = n(&surgut, "4.1");
    assert!(four_one.row.content.ends_with("мониторинга результативности реализации институциональных инновационных проектов для школьных команд;"));
    assert!(four_one.row.result.ends_with("в режим эффективного развития"));
    // 3.5 was broken across two lines; 3.6.2 hid in the results of 3.6.1.
    assert!(n(&surgut, "3.5").row.content.contains("консультации для проектных команд"));
    assert!(n(&surgut, "3.6.1").row.result.is_empty());
    // Hierarchy: 1.1.1 under 1.1.
    let parent = n(&surgut, "1.1.1").parent.unwrap();
    assert_eq!(surgut.events[parent].number, "1.1");

    let dubna = import(fixture("seeds/roadmap-dubna-2017.txt"), SEEDS[2].1);
    assert_eq!(
        dubna.sections.iter().map(|s| s.number.as_str()).collect::<Vec<_>>(),
        ["1", "1.1", "1.2", "2", "3"]
    );
    assert!(dubna.warnings[0].contains("нет столбца сроков"));
}

#[test]
fn a_table_pasted_from_excel_and_from_word() {
    let tsv = "Мероприятия\tСроки\tОтветственные\n\"Совещание\nдиректоров\"\tдо 10 марта 2023 г.\tИванова А.А., методист\n";
    let source = import::read_pasted(tsv, None).unwrap();
    let r = import::recognise(&source.grid, &source.preamble, &period(SEEDS[0].1), &[], None);
    assert_eq!(r.events.len(), 1);
    assert_eq!(r.events[0].row.content, "Совещание\nдиректоров");
    assert_eq!(r.events[0].timeframe.end.unwrap().to_string(), "2023-03-10");
    assert_eq!(r.events[0].row.executors[0].name, "Иванова А.А.");

    let html = "<table><tr><td>№</td><td>Содержание деятельности</td><td>Сроки реализации</td></tr>\
                <tr><td colspan=3>Трек 1. Методический</td></tr>\
                <tr><td>1.</td><td>Семинар</td><td>апрель 2023</td></tr></table>";
    let source = import::read_pasted("Семинар\tапрель 2023", Some(html)).unwrap();
    let r = import::recognise(&source.grid, &source.preamble, &period(SEEDS[0].1), &[], None);
    assert_eq!(r.sections[0].title, "Трек 1. Методический");
    assert_eq!((r.events[0].number.as_str(), r.events[0].section), ("1", Some(0)));
}

#[test]
fn a_user_mapping_overrides_the_header() {
    use domain::Column;
    let text = "Мероприятия\tСроки\tОтветственные\nСовещание\tмарт 2023\tИванова А.А.\n";
    let source = import::read_pasted(text, None).unwrap();
    let roles = [Some(Column::Content), None, Some(Column::Result)];
    let r = import::recognise(&source.grid, &source.preamble, &period(SEEDS[0].1), &[], Some(&roles));
    assert_eq!(r.events[0].timeframe.text, "");
    assert_eq!(r.events[0].row.result, "Иванова А.А.");
    assert!(r.events[0].row.executors.is_empty());
}
