//! Hostile and broken files through the real console program: each is made here, small, and
//! given to `koordinator-cli import FILE --preview`. Every one must be read or refused with a
//! Russian message — never a crash, a panic, an abort or a hang — within 10 seconds and 500 MB
//! (an address-space limit of 2 GB stops a runaway before it hurts the machine; the peak
//! resident memory of the children is measured with getrusage).

use std::io::{Cursor, Write};
use std::path::{Path, PathBuf};
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_koordinator-cli");

/// A ZIP archive of the given parts (deflated).
fn zip_of(parts: &[(&str, Vec<u8>)]) -> Vec<u8> {
    let mut out = Cursor::new(Vec::new());
    let mut zip = zip::ZipWriter::new(&mut out);
    let opt = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for (name, bytes) in parts {
        zip.start_file(*name, opt).unwrap();
        zip.write_all(bytes).unwrap();
    }
    zip.finish().unwrap();
    out.into_inner()
}

/// A ZIP bomb: `small` parts as they are, then `part` made of `head` and `mb` megabytes of
/// spaces, streamed into the archive (the test never holds the unpacked bytes).
fn bomb(small: &[(&str, Vec<u8>)], part: &str, head: &[u8], mb: usize) -> Vec<u8> {
    let mut out = Cursor::new(Vec::new());
    let mut zip = zip::ZipWriter::new(&mut out);
    let opt = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for (name, bytes) in small {
        zip.start_file(*name, opt).unwrap();
        zip.write_all(bytes).unwrap();
    }
    zip.start_file(part, opt).unwrap();
    zip.write_all(head).unwrap();
    let spaces = vec![b' '; 1 << 20];
    for _ in 0..mb {
        zip.write_all(&spaces).unwrap();
    }
    zip.finish().unwrap();
    out.into_inner()
}

/// An .xlsx with one sheet (or several) and optional shared strings.
fn xlsx(sheets: &[Vec<u8>], shared: Option<Vec<u8>>) -> Vec<u8> {
    let mut book = String::from("<workbook><sheets>");
    let mut rels = String::from("<Relationships>");
    let mut parts = Vec::new();
    for (i, sheet) in sheets.iter().enumerate() {
        book += &format!(r#"<sheet name="Лист{i}" sheetId="{i}" r:id="r{i}"/>"#);
        rels += &format!(r#"<Relationship Id="r{i}" Target="worksheets/sheet{i}.xml"/>"#);
        parts.push((format!("xl/worksheets/sheet{i}.xml"), sheet.clone()));
    }
    book += "</sheets></workbook>";
    rels += "</Relationships>";
    parts.push(("xl/workbook.xml".into(), book.into_bytes()));
    parts.push(("xl/_rels/workbook.xml.rels".into(), rels.into_bytes()));
    if let Some(s) = shared {
        parts.push(("xl/sharedStrings.xml".into(), s));
    }
    let refs: Vec<(&str, Vec<u8>)> = parts.iter().map(|(n, b)| (n.as_str(), b.clone())).collect();
    zip_of(&refs)
}

/// The parts of a one-sheet book but the sheet itself.
fn xlsx_parts() -> Vec<(&'static str, Vec<u8>)> {
    vec![
        ("xl/workbook.xml", br#"<workbook><sheets><sheet name="a" r:id="r0"/></sheets></workbook>"#.to_vec()),
        (
            "xl/_rels/workbook.xml.rels",
            br#"<Relationships><Relationship Id="r0" Target="worksheets/sheet0.xml"/></Relationships>"#
                .to_vec(),
        ),
    ]
}

fn sheet(cells: &str) -> Vec<u8> {
    format!("<worksheet><sheetData>{cells}</sheetData></worksheet>").into_bytes()
}

const HEADER: &str = r#"<row r="1"><c r="A1" t="inlineStr"><is><t>№</t></is></c><c r="B1" t="inlineStr"><is><t>Содержание</t></is></c><c r="C1" t="inlineStr"><is><t>Срок</t></is></c></row>"#;

fn ods(body: &str) -> Vec<u8> {
    zip_of(&[
        ("mimetype", b"application/vnd.oasis.opendocument.spreadsheet".to_vec()),
        (
            "content.xml",
            format!("<office:document-content><office:body><office:spreadsheet>{body}</office:spreadsheet></office:body></office:document-content>").into_bytes(),
        ),
    ])
}

fn docx(document: Vec<u8>) -> Vec<u8> {
    zip_of(&[("[Content_Types].xml", b"<Types/>".to_vec()), ("word/document.xml", document)])
}

/// The XML entity bomb («billion laughs»): a parser that expands entities explodes.
fn laughs(inner: &str) -> String {
    let mut dtd = String::from(r#"<!DOCTYPE lolz [<!ENTITY lol0 "lol">"#);
    for i in 1..10 {
        let prev = format!("&lol{};", i - 1);
        dtd += &format!(r#"<!ENTITY lol{i} "{}">"#, prev.repeat(10));
    }
    dtd += "]>";
    format!("{dtd}{}", inner.replace("LAUGH", "&lol9;"))
}

/// An .xls (BIFF8 in an OLE container) whose sheet spans A1:IV65536.
fn xls_wide() -> Vec<u8> {
    let mut stream = Vec::new();
    let mut record = |kind: u16, body: &[u8]| {
        stream.extend(kind.to_le_bytes());
        stream.extend((body.len() as u16).to_le_bytes());
        stream.extend(body);
    };
    record(0x0809, &[0, 6, 5, 0, 0, 0, 0, 0]); // the workbook globals
    record(0x000A, &[]);
    record(0x0809, &[0, 6, 0x10, 0, 0, 0, 0, 0]);
    for (r, c) in [(0u16, 0u16), (65535, 255)] {
        let mut body = Vec::new();
        body.extend(r.to_le_bytes());
        body.extend(c.to_le_bytes());
        body.extend([0u8; 2]);
        body.extend(1.0f64.to_le_bytes());
        record(0x0203, &body);
    }
    record(0x000A, &[]);
    let mut file = cfb::CompoundFile::create(Cursor::new(Vec::new())).unwrap();
    file.create_stream("/Workbook").unwrap().write_all(&stream).unwrap();
    file.into_inner().into_inner()
}

struct Case {
    name: &'static str,
    /// Made when its turn comes and dropped before the program runs: a child forked from a
    /// big test process would start with the test's memory counted as its own.
    make: Box<dyn Fn() -> Vec<u8>>,
    /// Words the refusal must hold; None when the file may also be read.
    refused_with: Option<&'static str>,
}

fn cases() -> Vec<Case> {
    fn case(
        name: &'static str,
        make: impl Fn() -> Vec<u8> + 'static,
        refused_with: Option<&'static str>,
    ) -> Case {
        Case { name, make: Box::new(make), refused_with }
    }
    let rows_without_r = || -> String { (0..1_048_575).map(|_| "<row><c><v>1</v></c></row>").collect() };
    let many_merges = || -> String {
        (0..200_000).map(|i| format!(r#"<mergeCell ref="A{}:C{}"/>"#, i + 2, i + 2)).collect()
    };
    let wide_docx_cells = || -> String {
        (0..3_000).map(|_| r#"<w:tc><w:tcPr><w:gridSpan w:val="1000"/></w:tcPr><w:p><w:r><w:t>x</w:t></w:r></w:p></w:tc>"#).collect()
    };
    let ten_thousand = || -> Vec<Vec<u8>> { (0..10_000).map(|_| sheet(HEADER)).collect() };
    let ods_sheets =
        || -> String { (0..10_000).map(|i| format!(r#"<table:table table:name="Л{i}"/>"#)).collect() };
    vec![
        case(
            "unique-count-4e9.xlsx",
            move || {
                xlsx(
                    &[sheet(r#"<row><c t="s"><v>0</v></c><c t="s"><v>1</v></c></row>"#)],
                    Some(
                        r#"<sst uniqueCount="4000000000"><si><t>№</t></si><si><t>Содержание</t></si></sst>"#
                            .as_bytes()
                            .to_vec(),
                    ),
                )
            },
            None,
        ),
        case(
            "unique-count-max.xlsx",
            move || {
                xlsx(&[sheet(r#"<row><c t="s"><v>0</v></c></row>"#)], Some(r#"<sst uniqueCount="18446744073709551615" count="18446744073709551615"><si><t>№</t></si></sst>"#.as_bytes().to_vec()))
            },
            None,
        ),
        case(
            "a1-and-xfd1048576.xlsx",
            move || {
                xlsx(
                    &[sheet(&format!(r#"{HEADER}<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>"#))],
                    None,
                )
            },
            Some("XFD1048576"),
        ),
        case(
            "a1-and-zz200000.xlsx",
            move || {
                xlsx(
                    &[sheet(&format!(r#"{HEADER}<row r="200000"><c r="ZZ200000"><v>1</v></c></row>"#))],
                    None,
                )
            },
            None,
        ),
        case(
            "million-rows-without-r.xlsx",
            move || xlsx(&[sheet(&rows_without_r())], None),
            Some("50\u{a0}000 строк"),
        ),
        case(
            "merge-whole-sheet.xlsx",
            move || {
                xlsx(&[format!(r#"<worksheet><sheetData>{HEADER}</sheetData><mergeCells><mergeCell ref="A1:XFD1048576"/></mergeCells></worksheet>"#).into_bytes()], None)
            },
            Some("строк"),
        ),
        case(
            "200000-merges.xlsx",
            move || {
                xlsx(&[format!(r#"<worksheet><sheetData>{HEADER}</sheetData><mergeCells>{}</mergeCells></worksheet>"#, many_merges()).into_bytes()], None)
            },
            None,
        ),
        case("ten-thousand-sheets.xlsx", move || xlsx(&ten_thousand(), None), Some("листов")),
        case(
            "zip-bomb.xlsx",
            move || {
                bomb(
                    &xlsx_parts(),
                    "xl/worksheets/sheet0.xml",
                    b"<worksheet><sheetData><row><c t=\"inlineStr\"><is><t>",
                    200,
                )
            },
            Some("ZIP-бомба"),
        ),
        case(
            "megabyte-cell.xlsx",
            move || {
                xlsx(
                    &[sheet(&format!(
                        r#"{HEADER}<row><c t="inlineStr"><is><t>{}</t></is></c></row>"#,
                        "Совещание ".repeat(100_000)
                    ))],
                    None,
                )
            },
            None,
        ),
        case(
            "entity-bomb.xlsx",
            move || xlsx(&[sheet(HEADER)], Some(laughs("<sst><si><t>LAUGH</t></si></sst>").into_bytes())),
            None,
        ),
        case("deep-nesting.xlsx", move || xlsx(&[sheet(&"<x>".repeat(1_000_000))], None), None),
        case("truncated.xlsx", move || xlsx(&[sheet(HEADER)], None)[..300].to_vec(), Some("повреждён")),
        case(
            "repeated-45000x2000.ods",
            move || {
                ods(
                    r#"<table:table table:name="Лист1"><table:table-row table:number-rows-repeated="45000"><table:table-cell table:number-columns-repeated="2000"><text:p>1</text:p></table:table-cell></table:table-row></table:table>"#,
                )
            },
            Some("столбцов"),
        ),
        case(
            "repeated-45000x200.ods",
            move || {
                ods(
                    r#"<table:table table:name="Лист1"><table:table-row table:number-rows-repeated="45000"><table:table-cell table:number-columns-repeated="200"><text:p>1</text:p></table:table-cell></table:table-row></table:table>"#,
                )
            },
            Some("ячеек"),
        ),
        case("ten-thousand-sheets.ods", move || ods(&ods_sheets()), Some("листов")),
        case(
            "zip-bomb.ods",
            move || {
                bomb(
                    &[("mimetype", b"application/vnd.oasis.opendocument.spreadsheet".to_vec())],
                    "content.xml",
                    b"",
                    200,
                )
            },
            Some("ZIP-бомба"),
        ),
        case("a1-and-iv65536.xls", xls_wide, Some("ячеек")),
        case("zip-bomb.docx", move || bomb(&[], "word/document.xml", b"", 100), Some("ZIP-бомба")),
        case(
            "entity-bomb.docx",
            move || {
                docx(laughs(r#"<w:document><w:body><w:tbl><w:tr><w:tc><w:p><w:r><w:t>LAUGH</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:body></w:document>"#).into_bytes())
            },
            None,
        ),
        case(
            "deep-nesting.docx",
            move || docx("<w:document><w:body>".bytes().chain("<w:tbl>".repeat(500_000).bytes()).collect()),
            None,
        ),
        case(
            "grid-span-1000.docx",
            move || {
                docx(
                    format!(
                        r#"<w:document><w:body><w:tbl>{}</w:tbl></w:body></w:document>"#,
                        format!("<w:tr>{}</w:tr>", wide_docx_cells()).repeat(5)
                    )
                    .into_bytes(),
                )
            },
            Some("ячеек"),
        ),
        // Found by the fuzzer: a sector chain that loops made calamine's own container reader
        // grow a buffer without end (2 GB and more); the file is kept as it was found.
        case(
            "cfb-cycle.xls",
            || {
                std::fs::read(concat!(
                    env!("CARGO_MANIFEST_DIR"),
                    "/../../../tests/fixtures/hostile/cfb-cycle.xls"
                ))
                .unwrap()
            },
            Some("повреждён"),
        ),
        case("not-a-zip.xlsx", move || b"PK\x03\x04 this is not a workbook".to_vec(), Some("повреждён")),
        case("deep-nesting.html", move || format!("<table>{}", "<div>".repeat(1_000_000)).into_bytes(), None),
        case(
            "sixty-thousand-lines.txt",
            move || "1\tСовещание\tмарт 2023\n".repeat(60_000).into_bytes(),
            Some("50\u{a0}000 строк"),
        ),
        case(
            "deep-nesting.json",
            move || {
                format!(r#"{{"format":"koordinator-plan","version":1,"plan":{}}}"#, "[".repeat(1_000_000))
                    .into_bytes()
            },
            Some("пакет"),
        ),
        case(
            "invalid-utf8.json",
            move || b"{\"format\":\"koordinator-plan\",\xff\xfe}".to_vec(),
            Some("UTF-8"),
        ),
    ]
}

/// With KOORDINATOR_HOSTILE_CORPUS=DIR, each file is also written there as a seed of the
/// importer's fuzz target (its first byte picks the reader, as in fuzz_targets/import.rs).
fn corpus(name: &str, bytes: &[u8]) {
    let Some(dir) = std::env::var_os("KOORDINATOR_HOSTILE_CORPUS") else { return };
    let ext = name.rsplit('.').next().unwrap_or_default();
    let pick =
        ["docx", "xlsx", "ods", "xls", "html", "txt", "json"].iter().position(|e| *e == ext).unwrap_or(5);
    let mut seed = vec![pick as u8];
    seed.extend_from_slice(&bytes[..bytes.len().min(1 << 20)]);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(Path::new(&dir).join(format!("hostile-{name}")), seed).unwrap();
}

/// The largest resident memory of any child waited for so far, in bytes.
#[cfg(target_os = "linux")]
fn children_peak() -> u64 {
    let usage = nix::sys::resource::getrusage(nix::sys::resource::UsageWho::RUSAGE_CHILDREN).unwrap();
    usage.max_rss() as u64 * 1024
}

fn run(db: &Path, file: &Path) -> std::process::Output {
    // timeout: 10 s, then killed (exit 124); prlimit: 2 GB of address space at most.
    Command::new("timeout")
        .args(["10", "prlimit", "--as=2000000000", "--"])
        .arg(BIN)
        .arg("--db")
        .arg(db)
        .arg("import")
        .arg(file)
        .arg("--preview")
        .env_remove("KOORDINATOR_DB")
        .output()
        .unwrap()
}

#[test]
#[cfg(target_os = "linux")]
fn hostile_files_are_read_or_refused_in_russian_within_bounds() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("район.sqlite3");
    let mut failures = Vec::new();
    let cases = cases();
    assert!(cases.len() >= 20, "the suite holds {} files", cases.len());
    for case in cases {
        let file: PathBuf = dir.path().join(case.name);
        let size = {
            let bytes = (case.make)();
            std::fs::write(&file, &bytes).unwrap();
            corpus(case.name, &bytes);
            bytes.len()
        };
        let before = children_peak();
        let out = run(&db, &file);
        let peak = children_peak();
        let stderr = String::from_utf8_lossy(&out.stderr);
        let code = out.status.code();
        let ok_code = matches!(code, Some(0) | Some(1));
        let russian = code == Some(0) || (stderr.starts_with("Ошибка: ") && !stderr.contains("panicked"));
        let words = case.refused_with.is_none_or(|w| code == Some(1) && stderr.contains(w));
        // getrusage keeps the largest child: a new peak is this file's.
        let memory_ok = peak <= before.max(500 << 20);
        if !(ok_code && russian && words && memory_ok) {
            failures.push(format!(
                "{} ({} байт): код {code:?}, пик {} МБ, stderr: {}",
                case.name,
                size,
                peak >> 20,
                stderr.chars().take(300).collect::<String>()
            ));
        }
        std::fs::remove_file(&file).unwrap();
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
    assert!(!db.exists(), "a preview creates no data file");
}

#[test]
#[cfg(unix)]
fn devices_and_pipes_are_not_read() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("район.sqlite3");
    let fifo = dir.path().join("канал.json");
    assert!(Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    for file in [Path::new("/dev/zero"), Path::new("/dev/null"), fifo.as_path()] {
        let out = run(&db, file);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{}: {stderr}", file.display());
        assert!(stderr.contains("не обычный файл"), "{}: {stderr}", file.display());
    }
}

/// The window reads files in a child process (app::contained): a table of 20 000
/// rows — more than a pipe holds — comes back whole, a refusal comes back in its own words.
#[test]
fn the_contained_reader_brings_back_tables_and_refusals() {
    let exe = Path::new(BIN);
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("план.txt");
    let text: String = (1..=20_000).map(|i| format!("{i}\tСовещание {i}\tмарт 2023\n")).collect();
    std::fs::write(&file, text).unwrap();
    let source = app::contained::read_file(exe, &file, None, &Default::default()).unwrap();
    assert_eq!(source.grid.rows.len(), 20_000);
    assert_eq!(source.grid.rows[19_999].cells[1], "Совещание 20000");
    let far = dir.path().join("далеко.xlsx");
    std::fs::write(
        &far,
        xlsx(&[sheet(&format!(r#"{HEADER}<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>"#))], None),
    )
    .unwrap();
    let e = app::contained::read_file(exe, &far, None, &Default::default()).unwrap_err();
    assert!(e.message.starts_with("На листе «Лист0» заполнена ячейка XFD1048576"), "{}", e.message);
}
