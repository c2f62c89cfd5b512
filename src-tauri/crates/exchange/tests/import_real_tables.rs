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
    let source = import::read_bytes(bytes, name, None).unwrap_or_else(|e| panic!("{name}: {e}"));
    import::recognise_source(&source, None, today(), &[], None)
}

fn external(name: &str) -> Recognised {
    let path = fixture(&format!("external/{name}"));
    recognise_bytes(&std::fs::read(&path).unwrap(), name)
}

fn names(e: &import::ImportedEvent) -> Vec<String> {
    e.row.executors.iter().map(|x| x.name.clone()).collect()
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
    assert!(r.events[1].row.content.ends_with("(в срок до 10 августа 2015 года)"));
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
    assert!(e.row.result.is_empty(), "the excerpt's last cell is empty: {}", e.row.result);
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
    assert!(r.events[0].row.content.contains("Определение системы региональных мероприятий"));
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
    let source = import::read_bytes(&bytes, "seed.docx", None).unwrap();
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
                e.row.content.split_whitespace().collect::<Vec<_>>().join(" "),
                e.timeframe.text.split_whitespace().collect::<Vec<_>>().join(" "),
                names(e).join("; "),
                e.row.result
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

fn xml_escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

/// A ZIP of `(name, text)` entries, the first stored as is (an ODF `mimetype` must be).
fn zipped(entries: &[(&str, String)]) -> Vec<u8> {
    use std::io::Write;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (i, (name, text)) in entries.iter().enumerate() {
        let method = if i == 0 { zip::CompressionMethod::Stored } else { zip::CompressionMethod::Deflated };
        zip.start_file(*name, zip::write::SimpleFileOptions::default().compression_method(method)).unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

/// A Word document: the period line, then the table; section rows span the table
/// (`w:gridSpan`), lines of a cell are paragraphs, and with `merge_down` a column's equal
/// values in a run of rows are one cell merged down (`w:vMerge`).
fn docx(title: &str, rows: &[Vec<String>], width: usize, merge_down: Option<usize>) -> Vec<u8> {
    let para = |text: &str| {
        text.split('\n')
            .map(|l| format!("<w:p><w:r><w:t xml:space=\"preserve\">{}</w:t></w:r></w:p>", xml_escape(l)))
            .collect::<String>()
    };
    let mut body = format!("{}<w:tbl>", para(title));
    for (i, r) in rows.iter().enumerate() {
        body.push_str("<w:tr>");
        if r.len() == 1 {
            body.push_str(&format!(
                "<w:tc><w:tcPr><w:gridSpan w:val=\"{width}\"/></w:tcPr>{}</w:tc>",
                para(&r[0])
            ));
        } else {
            for (j, c) in r.iter().enumerate() {
                let same = |k: usize| rows.get(k).is_some_and(|x| x.len() > 1 && x.get(j) == Some(c));
                let merge = match merge_down {
                    Some(m) if m == j && i > 0 && !c.is_empty() => {
                        if same(i - 1) {
                            Some("<w:vMerge/>")
                        } else if same(i + 1) {
                            Some("<w:vMerge w:val=\"restart\"/>")
                        } else {
                            None
                        }
                    }
                    _ => None,
                };
                match merge {
                    Some("<w:vMerge/>") => body.push_str("<w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc>"),
                    Some(m) => body.push_str(&format!("<w:tc><w:tcPr>{m}</w:tcPr>{}</w:tc>", para(c))),
                    None => body.push_str(&format!("<w:tc>{}</w:tc>", para(c))),
                }
            }
        }
        body.push_str("</w:tr>");
    }
    body.push_str("</w:tbl>");
    let document = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>{body}</w:body></w:document>"
    );
    zipped(&[
        ("[Content_Types].xml", r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#.to_owned()),
        ("_rels/.rels", r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#.to_owned()),
        ("word/document.xml", document),
    ])
}

/// A LibreOffice spreadsheet (.ods): the period line in the first row, section rows one cell
/// spanning the table, lines of a cell as paragraphs.
fn ods(title: &str, rows: &[Vec<String>], width: usize) -> Vec<u8> {
    let cell = |text: &str, span: usize| {
        let spanned =
            if span > 1 { format!(" table:number-columns-spanned=\"{span}\"") } else { String::new() };
        let paras: String = text.split('\n').map(|l| format!("<text:p>{}</text:p>", xml_escape(l))).collect();
        let covered = "<table:covered-table-cell/>".repeat(span.saturating_sub(1));
        if text.is_empty() {
            "<table:table-cell/>".to_owned()
        } else {
            format!(
                "<table:table-cell office:value-type=\"string\"{spanned}>{paras}</table:table-cell>{covered}"
            )
        }
    };
    let mut table = format!("<table:table-row>{}</table:table-row>", cell(title, 1));
    for r in rows {
        table.push_str("<table:table-row>");
        if r.len() == 1 {
            table.push_str(&cell(&r[0], width));
        } else {
            r.iter().for_each(|c| table.push_str(&cell(c, 1)));
        }
        table.push_str("</table:table-row>");
    }
    let content = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" office:version=\"1.2\"><office:body><office:spreadsheet><table:table table:name=\"План\">{table}</table:table></office:spreadsheet></office:body></office:document-content>"
    );
    zipped(&[
        ("mimetype", "application/vnd.oasis.opendocument.spreadsheet".to_owned()),
        ("META-INF/manifest.xml", r#"<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#.to_owned()),
        ("content.xml", content),
    ])
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

    // A summary sheet before the plan, longer than it: the plan's sheet is still the one read.
    let mut book = rust_xlsxwriter::Workbook::new();
    let summary = book.add_worksheet().set_name("Свод").unwrap();
    summary.write(0, 0, "Школа").unwrap();
    summary.write(0, 1, "Средний балл").unwrap();
    for i in 1..=40u32 {
        summary.write(i, 0, format!("МБОУ СОШ № {i}")).unwrap();
        summary.write(i, 1, 3.5 + f64::from(i % 10) / 10.0).unwrap();
    }
    let sheet = book.add_worksheet().set_name("Дорожная карта").unwrap();
    sheet.write(0, 0, period_line[0].as_str()).unwrap();
    for (i, r) in rows.iter().enumerate() {
        for (j, c) in r.iter().enumerate() {
            sheet.write(i as u32 + 1, j as u16, c.as_str()).unwrap();
        }
    }
    out.push(("Excel, лист плана не первый и не самый длинный", book.save_to_buffer().unwrap(), "t.xlsx"));

    out.push(("LibreOffice (.ods)", ods(&period_line[0], &rows, width), "t.ods"));
    out.push(("Word (.docx)", docx(&period_line[0], &rows, width, None), "t.docx"));
    out.push((
        "Word, ответственные объединены по вертикали (vMerge)",
        docx(&period_line[0], &rows, width, Some(3)),
        "t.docx",
    ));

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

/// tests/fixtures/sheets/plans.xlsx: a summary sheet, a year's roadmap and a short plan for
/// the next year. Written by `cargo test -p exchange --test import_real_tables -- --ignored`.
fn workbook() -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let summary = book.add_worksheet().set_name("Свод").unwrap();
    summary.write(0, 0, "Школа").unwrap();
    summary.write(0, 1, "Средний балл ОГЭ").unwrap();
    for i in 1..=30u32 {
        summary.write(i, 0, format!("МБОУ СОШ № {i}")).unwrap();
        summary.write(i, 1, 3.2 + f64::from(i % 7) / 10.0).unwrap();
    }
    let header = ["№ п/п", "Мероприятие", "Срок проведения", "Ответственные"];
    let plans: [(&str, &str, &[[&str; 4]]); 2] = [
        (
            "Дорожная карта",
            "План мероприятий на 2023-2024 учебный год",
            &[
                [
                    "1",
                    "Совещание с директорами школ с низкими результатами",
                    "сентябрь 2023 г.",
                    "Смирнова О.П.",
                ],
                ["2", "Анализ результатов ОГЭ и ЕГЭ", "до 15.10.2023", "Иванов И.И."],
                ["3", "Семинар для заместителей директоров", "ноябрь 2023 г.", "Смирнова О.П."],
                ["4", "Взаимные посещения уроков", "в течение года", "руководители ШМО"],
                ["5", "Итоговое совещание", "май 2024 г.", "Смирнова О.П."],
            ],
        ),
        (
            "План на 2024",
            "План мероприятий на 2024 год",
            &[
                ["1", "Стратегическая сессия", "февраль 2024 г.", "Иванов И.И."],
                ["2", "Педагогический марафон", "апрель 2024 г.", "Смирнова О.П."],
                ["3", "Отчёт о реализации", "до 20.12.2024", "Иванов И.И."],
            ],
        ),
    ];
    for (name, title, rows) in plans {
        let sheet = book.add_worksheet().set_name(name).unwrap();
        sheet.write(0, 0, title).unwrap();
        for (j, h) in header.iter().enumerate() {
            sheet.write(1, j as u16, *h).unwrap();
        }
        for (i, r) in rows.iter().enumerate() {
            for (j, c) in r.iter().enumerate() {
                sheet.write(i as u32 + 2, j as u16, *c).unwrap();
            }
        }
    }
    book.save_to_buffer().unwrap()
}

#[test]
#[ignore = "writes the fixture"]
fn write_workbook_fixture() {
    let path = fixture("sheets/plans.xlsx");
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, workbook()).unwrap();
}

#[test]
fn a_workbook_offers_its_sheets_and_reads_the_one_chosen() {
    let bytes = std::fs::read(fixture("sheets/plans.xlsx")).unwrap();
    let first = recognise_bytes(&bytes, "plans.xlsx");
    assert_eq!(first.sheets, ["Свод", "Дорожная карта", "План на 2024"]);
    assert_eq!(first.sheet.as_deref(), Some("Дорожная карта"));
    assert_eq!(first.events.len(), 5);
    assert_eq!(first.period, "2023-09-01..2024-08-31".parse().unwrap(), "{}", first.period_reason);
    assert!(first.warnings[0].contains("на нём больше всего строк"), "{:?}", first.warnings);

    let source = import::read_bytes(&bytes, "plans.xlsx", Some("План на 2024")).unwrap();
    let chosen = import::recognise_source(&source, None, today(), &[], None);
    assert_eq!(chosen.sheet.as_deref(), Some("План на 2024"));
    let contents: Vec<&str> = chosen.events.iter().map(|e| e.row.content.as_str()).collect();
    assert_eq!(contents, ["Стратегическая сессия", "Педагогический марафон", "Отчёт о реализации"]);
    assert_eq!(chosen.period, "2024-01-01..2024-12-31".parse().unwrap(), "{}", chosen.period_reason);
    assert!(chosen.warnings[0].contains("(выбран)"), "{:?}", chosen.warnings);

    let error = import::read_bytes(&bytes, "plans.xlsx", Some("Лист1")).err().unwrap();
    assert_eq!(error, "В книге нет листа «Лист1». Листы книги: «Свод», «Дорожная карта», «План на 2024».");
}

/// A title above the table broken over lines in Word (a line break inside one paragraph) is
/// one line in the plan (issue 25, point 2): the breaks become spaces, never glued words.
#[test]
fn a_multi_line_title_becomes_one_line() {
    use std::io::Write;
    let p = |t: &str| format!("<w:p><w:r><w:t>{t}</w:t></w:r></w:p>");
    let cell = |t: &str| format!("<w:tc>{}</w:tc>", p(t));
    let xml = format!(
        r#"<w:document xmlns:w="w"><w:body><w:p><w:r><w:t>Дорожная карта («дорожная карта»)</w:t><w:br/><w:t>по работе со школами, показавшими низкие результаты</w:t><w:br/><w:t>на территории города</w:t></w:r></w:p><w:tbl><w:tr>{}{}{}</w:tr><w:tr>{}{}{}</w:tr></w:tbl></w:body></w:document>"#,
        cell("№"),
        cell("Мероприятие"),
        cell("Срок"),
        cell("1"),
        cell("Совещание"),
        cell("март 2023")
    );
    let mut out = std::io::Cursor::new(Vec::new());
    let mut zip = zip::ZipWriter::new(&mut out);
    zip.start_file("word/document.xml", zip::write::SimpleFileOptions::default()).unwrap();
    zip.write_all(xml.as_bytes()).unwrap();
    zip.finish().unwrap();
    let source = exchange::import::read_bytes(&out.into_inner(), "план.docx", None).unwrap();
    let today = chrono::NaiveDate::from_ymd_opt(2023, 1, 10).unwrap();
    let r = exchange::import::recognise_source(&source, None, today, &[], None);
    assert_eq!(
        r.title,
        "Дорожная карта («дорожная карта») по работе со школами, показавшими низкие результаты на территории города"
    );
}
