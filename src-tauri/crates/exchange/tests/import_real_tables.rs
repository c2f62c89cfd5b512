//! Real plan tables of other education bodies (tests/fixtures/external, see SOURCES.md), with
//! hand-written expectations; and a metamorphic suite: the Taganrog seed's table changed in
//! what must not matter — header synonyms, column order, no header, a column-number row, an
//! extra «Место проведения» column, merged cells, encodings, HTML/.xlsx/text forms, a row
//! broken by a page — gives the same events.

use std::path::PathBuf;

use chrono::NaiveDate;
use domain::{Column, TimeframeKind};
use exchange::import::{self, Recognised};

fn fixture(path: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../tests/fixtures").join(path)
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 1).unwrap()
}

fn recognise_bytes(bytes: &[u8], name: &str) -> Recognised {
    let source = import::read_bytes(bytes, name).unwrap_or_else(|e| panic!("{name}: {e}"));
    import::recognise_source(&source, None, today(), &[], None)
}

fn external(name: &str) -> Recognised {
    let path = fixture(&format!("external/{name}"));
    recognise_bytes(&std::fs::read(&path).unwrap(), name)
}

fn names(e: &import::ImportedEvent) -> Vec<String> {
    e.executors.iter().map(|x| x.name.clone()).collect()
}

#[test]
fn krasnodar_header_words_roman_section_and_initials_first() {
    let r = external("roadmap-krasnodar-2016.txt");
    assert_eq!(
        r.roles,
        [Some(Column::Number), Some(Column::Content), Some(Column::Timeframe), Some(Column::Executors)]
    );
    assert_eq!(r.period, "2016-01-01..2016-12-31".parse().unwrap(), "{}", r.period_reason);
    assert!(r
        .title
        .starts_with("Дорожная карта организации и проведения государственной итоговой аттестации"));
    assert_eq!(r.sections.len(), 1);
    assert_eq!(
        (r.sections[0].number.as_str(), r.sections[0].title.as_str()),
        ("I", "Анализ работы по подготовке и проведению ГИА-11 в 2015 году")
    );
    assert_eq!(r.events.len(), 2);
    assert_eq!(r.events[0].number, "1");
    assert_eq!(r.events[0].timeframe.kind, TimeframeKind::Range);
    assert_eq!(r.events[0].timeframe.start, NaiveDate::from_ymd_opt(2015, 7, 1));
    assert_eq!(names(&r.events[0])[..2], ["Байрачный Н.Е.", "Федоренко К.А."]);
    assert!(r.events[1].content.ends_with("(в срок до 10 августа 2015 года)"));
}

#[test]
fn arkhangelsk_gantt_quarters_become_the_marked_span() {
    let r = external("roadmap-arkhangelsk-2013.txt");
    assert_eq!(r.period, "2013-01-01..2013-12-31".parse().unwrap(), "{}", r.period_reason);
    assert_eq!(r.roles[0], Some(Column::Content));
    assert_eq!(r.roles[1..5], [Some(Column::Timeframe); 4]);
    assert_eq!(r.roles[5], Some(Column::Executors));
    assert_eq!(r.events.len(), 2, "header, its second level and the column numbers are no events");
    let all_year = &r.events[0].timeframe;
    assert_eq!(
        (all_year.kind, all_year.start, all_year.end),
        (TimeframeKind::Range, NaiveDate::from_ymd_opt(2013, 1, 1), NaiveDate::from_ymd_opt(2013, 12, 31))
    );
    assert_eq!(r.events[0].number, "1");
    assert_eq!(r.events[1].timeframe.kind, TimeframeKind::Quarter);
    assert_eq!(names(&r.events[0]), ["министерство образования и науки Архангельской области"]);
}

#[test]
fn livny_two_level_header_start_and_end_columns() {
    let r = external("roadmap-livny-2021.txt");
    assert_eq!(r.period, "2021-01-01..2025-12-31".parse().unwrap());
    assert_eq!(r.events.len(), 1);
    let e = &r.events[0];
    assert_eq!((e.number.as_str(), e.timeframe.text.as_str()), ("3", "2021 - 2025"));
    assert_eq!(names(e), ["Управление образования администрации Ливенского района"]);
    assert!(e.result.is_empty(), "the excerpt's last cell is empty: {}", e.result);
}

#[test]
fn murmansk_numbered_section_heads_its_events() {
    let r = external("roadmap-murmansk-2006.txt");
    assert_eq!(r.sections.len(), 1);
    assert_eq!(r.sections[0].number, "1");
    assert_eq!(r.events.len(), 1);
    assert_eq!((r.events[0].number.as_str(), r.events[0].section), ("1.1", Some(0)));
    assert_eq!(r.events[0].timeframe.kind, TimeframeKind::Quarter);
    assert_eq!(r.roles[3], Some(Column::Result));
}

#[test]
fn ozersk_box_drawn_and_tab_separated_read_alike() {
    let raw = external("roadmap-ozersk-2011-raw.txt");
    let tsv = external("roadmap-ozersk-2011.txt");
    assert_eq!(raw.roles, tsv.roles);
    assert_eq!(raw.headers, tsv.headers);
    assert_eq!(raw.period, "2011-01-01..2013-12-31".parse().unwrap());
    assert_eq!(raw.roles[1], Some(Column::Content));
    assert_eq!(raw.roles[3..7], [Some(Column::Timeframe); 4]);
    assert!(raw.events.is_empty() && tsv.events.is_empty(), "a header alone has no events");
}

#[test]
fn sverdlovsk_levels_as_columns_and_a_year_section() {
    let r = external("roadmap-sverdlovsk-2019.txt");
    assert_eq!(r.sections.len(), 1);
    assert_eq!(r.sections[0].title, "2019 год");
    assert_eq!(r.period, "2019-01-01..2019-12-31".parse().unwrap());
    assert_eq!(r.events.len(), 1);
    assert!(r.events[0].content.contains("Определение системы региональных мероприятий"));
}

#[test]
fn tambov_unnamed_number_column_and_a_footnote_in_the_date() {
    let r = external("roadmap-tambov-2020.txt");
    assert_eq!(r.roles[0], Some(Column::Number));
    assert!(r.reasons[0].starts_with("по содержимому"), "{:?}", r.reasons);
    assert_eq!(r.events.len(), 1);
    assert_eq!(r.events[0].timeframe.kind, TimeframeKind::Date);
    assert_eq!(r.events[0].timeframe.start, NaiveDate::from_ymd_opt(2020, 11, 10));
    assert_eq!(names(&r.events[0]), ["Управление образования и науки области"]);
}

// ---- The metamorphic suite ----

/// The seed's table as rows of cells (a section row: its text alone).
fn seed_rows() -> Vec<Vec<String>> {
    let bytes = std::fs::read(fixture("docx/roadmap-taganrog-2022-2023.docx")).unwrap();
    let source = import::read_bytes(&bytes, "seed.docx").unwrap();
    source
        .grid
        .rows
        .iter()
        .map(|r| if r.spans { vec![r.cells[0].clone()] } else { r.cells.clone() })
        .collect()
}

/// What must come out the same: number, content, timeframe text, executors, result.
fn events(r: &Recognised) -> Vec<String> {
    r.events
        .iter()
        .map(|e| {
            format!(
                "{} | {} | {} | {} | {}",
                e.number,
                e.content.split_whitespace().collect::<Vec<_>>().join(" "),
                e.timeframe.text.split_whitespace().collect::<Vec<_>>().join(" "),
                names(e).join("; "),
                e.result
            )
        })
        .collect()
}

fn tsv(rows: &[Vec<String>], width: usize) -> String {
    rows.iter()
        .map(|r| {
            let mut cells: Vec<String> = r
                .iter()
                .map(|c| {
                    if c.contains(['\n', '\t', '"']) {
                        format!("\"{}\"", c.replace('"', "\"\""))
                    } else {
                        c.clone()
                    }
                })
                .collect();
            cells.resize(width, String::new());
            cells.join("\t")
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn html(rows: &[Vec<String>], width: usize) -> String {
    let mut out = String::from("<html><body><table>");
    for r in rows {
        out.push_str("<tr>");
        if r.len() == 1 {
            out.push_str(&format!("<td colspan=\"{width}\">{}</td>", r[0].replace('\n', "<br>")));
        } else {
            for c in r {
                out.push_str(&format!("<td>{}</td>", c.replace('\n', "<br>")));
            }
        }
        out.push_str("</tr>");
    }
    out.push_str("</table></body></html>");
    out
}

/// Each variant of the seed and what it changes.
fn variants() -> Vec<(&'static str, Vec<u8>, &'static str)> {
    let rows = seed_rows();
    let width = rows.iter().map(Vec::len).max().unwrap();
    let period_line = ["Дорожная карта на 2022-2023 учебный год".to_owned()];
    let mut out = Vec::new();
    let with_title = |body: String| format!("{}\n{body}", period_line[0]);

    out.push(("как есть (TSV)", with_title(tsv(&rows, width)).into_bytes(), "t.txt"));

    let mut synonyms = rows.clone();
    synonyms[0] = ["N п/п", "Мероприятия", "Дата проведения", "Исполнители", "Отметка о выполнении"]
        .map(String::from)
        .to_vec();
    out.push(("синонимы заголовков", with_title(tsv(&synonyms, width)).into_bytes(), "t.txt"));

    // The date column first: content, number and the rest follow.
    let order = [2usize, 0, 1, 3, 4];
    // The column-number row stays as it is (a section row's one cell moves with its column).
    let keep = |r: &Vec<String>| {
        r.len() == 1 || r.first().is_some_and(|c| c == "1") && r.get(1).is_some_and(|c| c == "2")
    };
    let reordered: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            if keep(r) {
                r.clone()
            } else {
                order.iter().map(|&i| r.get(i).cloned().unwrap_or_default()).collect()
            }
        })
        .collect();
    out.push(("другой порядок столбцов", with_title(tsv(&reordered, width)).into_bytes(), "t.txt"));

    let mut numbered = rows.clone();
    numbered.insert(1, (1..=width).map(|i| i.to_string()).collect());
    out.push(("строка номеров столбцов", with_title(tsv(&numbered, width)).into_bytes(), "t.txt"));

    let with_place: Vec<Vec<String>> = rows
        .iter()
        .enumerate()
        .map(|(i, r)| {
            if r.len() == 1 {
                return r.clone();
            }
            if r[0] == "1" && r[1] == "2" {
                return (1..=width + 1).map(|n| n.to_string()).collect();
            }
            let mut r = r.clone();
            r.insert(
                3,
                if i == 0 {
                    "Место проведения".into()
                } else {
                    "МОБУ лицей № 7, ул. Ленина, 1".into()
                },
            );
            r
        })
        .collect();
    out.push((
        "лишний столбец «Место проведения»",
        with_title(tsv(&with_place, width + 1)).into_bytes(),
        "t.txt",
    ));

    let text = with_title(tsv(&rows, width));
    let (cp1251, _, _) = encoding_rs::WINDOWS_1251.encode(&text);
    out.push(("windows-1251", cp1251.into_owned(), "t.txt"));
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    out.push(("UTF-16 с BOM", utf16, "t.txt"));
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend(text.as_bytes());
    out.push(("UTF-8 с BOM", bom, "t.txt"));

    out.push(("HTML", format!("<p>{}</p>{}", period_line[0], html(&rows, width)).into_bytes(), "t.html"));

    // Rowspan: an executor merged down over the rows that share it in the seed (events 9–13).
    let mut merged = format!("<p>{}</p><table>", period_line[0]);
    let mut i = 0;
    while i < rows.len() {
        let r = &rows[i];
        if r.len() == 1 {
            merged.push_str(&format!("<tr><td colspan=\"{width}\">{}</td></tr>", r[0].replace('\n', "<br>")));
            i += 1;
            continue;
        }
        let run = rows[i..].iter().take_while(|x| x.len() > 1 && x.get(3) == r.get(3)).count().max(1);
        merged.push_str("<tr>");
        for (j, c) in r.iter().enumerate() {
            if j == 3 && run > 1 {
                merged.push_str(&format!("<td rowspan=\"{run}\">{c}</td>"));
            } else {
                merged.push_str(&format!("<td>{}</td>", c.replace('\n', "<br>")));
            }
        }
        merged.push_str("</tr>");
        for x in &rows[i + 1..i + run] {
            merged.push_str("<tr>");
            for (j, c) in x.iter().enumerate() {
                if j != 3 {
                    merged.push_str(&format!("<td>{}</td>", c.replace('\n', "<br>")));
                }
            }
            merged.push_str("</tr>");
        }
        i += run;
    }
    merged.push_str("</table>");
    out.push(("объединённые ячейки (rowspan)", merged.into_bytes(), "t.html"));

    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    sheet.write(0, 0, period_line[0].as_str()).unwrap();
    let fmt = rust_xlsxwriter::Format::new();
    for (i, r) in rows.iter().enumerate() {
        let row = i as u32 + 1;
        if r.len() == 1 {
            sheet.merge_range(row, 0, row, width as u16 - 1, r[0].as_str(), &fmt).unwrap();
        } else {
            for (j, c) in r.iter().enumerate() {
                sheet.write(row, j as u16, c.as_str()).unwrap();
            }
        }
    }
    out.push(("Excel (.xlsx)", book.save_to_buffer().unwrap(), "t.xlsx"));

    // A row broken by a page: its content goes on in a row of its own, lower case, no number.
    let mut broken = rows.clone();
    let at = broken.iter().position(|r| r.len() > 1 && r[0].trim_end_matches('.') == "7").unwrap();
    let content = broken[at][1].clone();
    let cut = content.char_indices().filter(|(_, c)| *c == ' ').nth(3).unwrap().0;
    broken[at][1] = content[..cut].to_owned();
    let rest = content[cut + 1..].to_owned();
    assert!(rest.starts_with(|c: char| c.is_lowercase()), "{rest}");
    broken.insert(at + 1, vec![String::new(), rest, String::new(), String::new(), String::new()]);
    out.push(("строка разорвана страницей", with_title(tsv(&broken, width)).into_bytes(), "t.txt"));
    out
}

#[test]
fn what_must_not_matter_does_not_change_the_events() {
    let variants = variants();
    let base = recognise_bytes(&variants[0].1, variants[0].2);
    assert_eq!(base.events.len(), 16);
    assert_eq!(base.period, "2022-09-01..2023-08-31".parse().unwrap(), "{}", base.period_reason);
    let want = events(&base);
    for (what, bytes, name) in &variants[1..] {
        let r = recognise_bytes(bytes, name);
        assert_eq!(events(&r), want, "{what}");
        assert_eq!(r.sections, base.sections, "{what}");
        assert_eq!(r.period, base.period, "{what}: {}", r.period_reason);
    }
}

#[test]
fn without_a_header_the_columns_are_guessed_and_said_so() {
    let rows = seed_rows();
    let width = rows.iter().map(Vec::len).max().unwrap();
    let body = format!("Дорожная карта на 2022-2023 учебный год\n{}", tsv(&rows[1..], width));
    let r = recognise_bytes(body.as_bytes(), "t.txt");
    assert_eq!(
        r.roles[..4],
        [Some(Column::Number), Some(Column::Content), Some(Column::Timeframe), Some(Column::Executors)],
        "{:?}",
        r.reasons
    );
    assert!(r.warnings.iter().any(|w| w.contains("Строка заголовка не найдена")));
    assert!(r.reasons[2].starts_with("по содержимому: "), "{:?}", r.reasons);
    let base = recognise_bytes(
        format!("Дорожная карта на 2022-2023 учебный год\n{}", tsv(&rows, width)).as_bytes(),
        "t.txt",
    );
    assert_eq!(events(&r), events(&base));
}
