//! Importing and exporting through the command line: the JSON contract of `import`, the seeds
//! written into a district, and hostile files refused with a clear Russian error and nothing
//! written.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_koordinator-cli");

fn fixture(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../tests/fixtures").join(path)
}

fn run(db: &Path, args: &[&str]) -> Output {
    Command::new(BIN).arg("--db").arg(db).args(args).env_remove("KOORDINATOR_DB").output().unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).unwrap()
}

fn json(o: &Output) -> Value {
    assert!(o.status.success(), "{}", text(&o.stderr));
    serde_json::from_str(&text(&o.stdout)).unwrap()
}

fn demo(dir: &Path) -> PathBuf {
    let db = dir.join("district.sqlite3");
    assert!(run(&db, &["demo"]).status.success());
    db
}

fn plans(db: &Path) -> usize {
    json(&run(db, &["plans", "--json"])).as_array().unwrap().len()
}

#[test]
fn import_prints_the_contract_and_the_plan_is_the_seed() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path());
    let seed = fixture("docx/roadmap-taganrog-2022-2023.docx");
    let o = run(&db, &["import", seed.to_str().unwrap(), "--period", "2022-09-01..2023-08-31", "--json"]);
    let v = json(&o);
    let line = text(&o.stdout);
    let at = |key: &str| line.find(&format!("\"{key}\": ")).unwrap_or_else(|| panic!("no {key} in {line}"));
    assert!(
        line.starts_with("{\"plan\": ")
            && at("plan") < at("sections")
            && at("sections") < at("events")
            && at("events") < at("warnings")
    );
    assert_eq!(
        (v["plan"].as_i64(), v["sections"].as_i64(), v["events"].as_i64()),
        (Some(2), Some(3), Some(16))
    );
    // The demo knows лицей № 7 and СОШ № 34 by their short names; the seed names schools the
    // demo does not have, and says so.
    let warnings: Vec<&str> = v["warnings"].as_array().unwrap().iter().map(|w| w.as_str().unwrap()).collect();
    assert!(warnings.iter().any(|w| w.contains("«МОБУ СОШ № 24» не найдена")), "{warnings:?}");
    assert!(!warnings.iter().any(|w| w.contains("лицея № 7")), "{warnings:?}");

    // Imported like the demo plan that was typed from the same seed: same numbers, same timeframes.
    let events = |plan: &str| json(&run(&db, &["events", "--plan", plan, "--json"]));
    let (typed, imported) = (events("1"), events("2"));
    let rows = |v: &Value| -> Vec<(String, String, String)> {
        v.as_array()
            .unwrap()
            .iter()
            .map(|e| {
                (
                    e["number"].as_str().unwrap().to_owned(),
                    e["timeframe"]["text"].as_str().unwrap().replace('\n', " "),
                    e["timeframe"]["kind"].as_str().unwrap().to_owned(),
                )
            })
            .collect()
    };
    let (a, b) = (rows(&typed), rows(&imported));
    assert_eq!(a.len(), b.len());
    for (x, y) in a.iter().zip(&b) {
        assert_eq!((&x.0, &x.2), (&y.0, &y.2), "{x:?} / {y:?}");
    }
    assert_eq!(imported[4]["executors"].as_array().unwrap().len(), 2, "two people in event 5");
}

#[test]
fn the_preview_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path());
    let seed = fixture("seeds/roadmap-surgut-2021-2022.txt");
    let o = run(&db, &["import", seed.to_str().unwrap(), "--period", "2021-07-01..2022-06-30", "--preview"]);
    assert!(o.status.success());
    assert!(text(&o.stdout).contains("3.6.2  Проведение рефлексивно-методического практикума"));
    assert_eq!(plans(&db), 1);
}

#[test]
fn the_lines_above_the_table_fill_the_passport() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path());
    let file = dir.path().join("plan.txt");
    std::fs::write(
        &file,
        "План мероприятий на 2023 год\nЦель дорожной карты – повышение качества образования\n\
         Основные задачи:\n1) создать условия;\n2) поддержать школы.\n\
         Муниципальный координатор: Смирнова О.П., главный специалист\n\
         № п/п\tМероприятие\tСрок\tОтветственный\n1\tСовещание\tмарт 2023 г.\tИванов И.И.\n",
    )
    .unwrap();
    let written = json(&run(&db, &["import", file.to_str().unwrap(), "--json"]));
    let all = json(&run(&db, &["plans", "--json"]));
    let plan = all.as_array().unwrap().iter().find(|p| p["id"] == written["plan"]).unwrap();
    assert_eq!(plan["goal"], "повышение качества образования", "{plan}");
    assert_eq!(plan["tasks"], serde_json::json!(["создать условия", "поддержать школы"]));
    assert_eq!(plan["coordinator"]["name"], "Смирнова О.П.", "{plan}");
    assert_eq!(plan["coordinator"]["position"], "главный специалист", "{plan}");
}

#[test]
fn a_workbooks_sheet_is_chosen_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path());
    let book = fixture("sheets/plans.xlsx");
    let book = book.to_str().unwrap();
    let preview = json(&run(&db, &["import", book, "--preview", "--json"]));
    assert_eq!(preview["sheets"], serde_json::json!(["Свод", "Дорожная карта", "План на 2024"]));
    assert_eq!(preview["sheet"], "Дорожная карта");

    let o = run(&db, &["import", book, "--sheet", "План на 2024", "--json"]);
    let written = json(&o);
    assert_eq!(written["events"], 3);
    let all = json(&run(&db, &["plans", "--json"]));
    let plan = all.as_array().unwrap().iter().find(|p| p["id"] == written["plan"]).unwrap();
    assert_eq!(plan["period"]["start"], "2024-01-01", "{plan}");

    let o = run(&db, &["import", book, "--sheet", "Лист1"]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o.stderr));
    assert!(text(&o.stderr)
        .contains("В книге нет листа «Лист1». Листы книги: «Свод», «Дорожная карта», «План на 2024»."));
    assert_eq!(plans(&db), 2);
}

/// A .docx made of the given entries.
fn zip_file(path: &Path, entries: &[(&str, &[u8])]) {
    let mut zip = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
    let options =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for (name, bytes) in entries {
        zip.start_file(*name, options).unwrap();
        zip.write_all(bytes).unwrap();
    }
    zip.finish().unwrap();
}

#[test]
fn hostile_files_are_refused_clearly_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path());
    let file = |name: &str| dir.path().join(name);

    std::fs::write(file("not-a-zip.docx"), b"this is not a Word file").unwrap();
    std::fs::write(file("a-pdf.docx"), b"%PDF-1.4 a PDF named .docx").unwrap();
    std::fs::write(file("old.rtf"), b"{\\rtf1\\ansi text}").unwrap();

    let zeros = vec![b' '; 80 * 1024 * 1024];
    zip_file(&file("bomb.docx"), &[("word/document.xml", &zeros)]);
    drop(zeros);

    zip_file(&file("no-document.docx"), &[("[Content_Types].xml", b"<Types/>")]);

    let mut rows = String::from("<w:document xmlns:w=\"w\"><w:body><w:tbl>");
    rows += "<w:tr><w:tc><w:p><w:r><w:t>Мероприятия</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Сроки</w:t></w:r></w:p></w:tc></w:tr>";
    for i in 0..50_500 {
        rows += &format!("<w:tr><w:tc><w:p><w:r><w:t>Мероприятие {i}</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>март 2023</w:t></w:r></w:p></w:tc></w:tr>");
    }
    rows += "</w:tbl></w:body></w:document>";
    zip_file(&file("huge.docx"), &[("word/document.xml", rows.as_bytes())]);

    // What Word writes for a password-protected .docx: an OLE compound file holding the
    // encrypted package and its EncryptionInfo stream.
    let mut ole = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    ole.resize(512, 0);
    ole.extend("EncryptionInfo".encode_utf16().flat_map(u16::to_le_bytes));
    ole.extend("EncryptedPackage".encode_utf16().flat_map(u16::to_le_bytes));
    std::fs::write(file("password.docx"), &ole).unwrap();

    let cases = [
        ("not-a-zip.docx", "не ZIP-архив"),
        ("a-pdf.docx", "Это PDF"),
        ("old.rtf", "сохраните как .docx"),
        ("bomb.docx", "ZIP-бомба"),
        ("no-document.docx", "нет основного текста"),
        ("huge.docx", "больше 50 000 строк"),
        ("password.docx", "защищён паролем"),
    ];
    for (name, expected) in cases {
        let path = file(name);
        let o = run(&db, &["import", path.to_str().unwrap(), "--period", "2022-09-01..2023-08-31", "--json"]);
        let err = text(&o.stderr).replace('\u{a0}', " ");
        assert_eq!(o.status.code(), Some(1), "{name}: {err}");
        assert!(err.contains(expected), "{name}: {err}");
        assert!(o.stdout.is_empty(), "{name}");
        assert_eq!(plans(&db), 1, "{name} wrote something");
    }
}

/// The text of one part of a ZIP (a .docx or an .xlsx).
fn zip_text(path: &Path, name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut text = String::new();
    std::io::Read::read_to_string(&mut zip.by_name(name).unwrap(), &mut text).unwrap();
    text
}

#[test]
fn the_order_as_an_editable_word_document() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path());
    let out = dir.path().join("приказ.docx");
    let o = run(&db, &["export", "--plan", "1", "--document", "order", "--out", out.to_str().unwrap()]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let xml = zip_text(&out, "word/document.xml");
    for words in [
        "ПРИКАЗЫВАЮ:",
        "Контроль исполнения приказа оставляю за собой.",
        "Приложение 3",
        "к приказу Управления образования г. Таганрога",
        "Издание приказа Управления образования г. Таганрога от 16.02.2023 № 206:",
        "до 10 марта 2023 г.",
    ] {
        assert!(xml.contains(words), "no «{words}»");
    }
    // Real Word tables: the working group, the pairings, the roadmap with its section rows
    // spanning the table (four columns: the demo fills no result, evidence or mark) and its
    // header repeated on every page; the roadmap's section is landscape, the order's portrait.
    assert!(xml.matches("<w:tbl>").count() >= 3);
    assert!(xml.contains("<w:gridSpan w:val=\"4\"/>") && xml.contains("<w:tblHeader/>"));
    assert_eq!(xml.matches("<w:sectPr>").count(), 4, "the order and three annexes");
    assert!(xml.contains("w:orient=\"landscape\""));
    assert!(zip_text(&out, "word/header1.xml").contains(" PAGE "));
    // What Word needs to open it: the content types name every part.
    let types = zip_text(&out, "[Content_Types].xml");
    assert!(types.contains("/word/document.xml") && types.contains("/word/styles.xml"));
}

#[test]
fn the_events_as_a_workbook_with_filters() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path());
    let out = dir.path().join("мероприятия.xlsx");
    let o = run(&db, &["export", "--plan", "1", "--document", "annex", "--out", out.to_str().unwrap()]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let sheet = zip_text(&out, "xl/worksheets/sheet1.xml");
    assert!(
        sheet.contains("<autoFilter ref=\"A4:M20\"/>"),
        "16 events and the header under the title, filters on"
    );
    assert!(sheet.contains("state=\"frozen\""));
    let strings = zip_text(&out, "xl/sharedStrings.xml");
    assert!(strings.contains("Содержание деятельности") && strings.contains("до 10 марта 2023 г."));
    assert!(zip_text(&out, "xl/styles.xml").contains("formatCode=\"dd.mm.yyyy\""));
    assert!(zip_text(&out, "xl/workbook.xml").contains("name=\"Мероприятия\""));
    let o = run(&db, &["export", "--plan", "1", "--document", "order", "--out", out.to_str().unwrap()]);
    assert!(text(&o.stderr).contains("В Excel выгружается таблица мероприятий"));
}

/// The events of a plan without their ids, as the CLI prints them.
fn events_without_ids(db: &Path, plan: &str) -> Vec<Value> {
    let mut v = json(&run(db, &["events", "--plan", plan, "--json"]));
    for e in v.as_array_mut().unwrap() {
        e.as_object_mut().unwrap().remove("id");
    }
    v.as_array().unwrap().clone()
}

#[test]
fn a_bundle_imports_into_another_district_without_loss() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path());
    let bundle = dir.path().join("план.json");
    assert!(run(&db, &["bundle", "--plan", "1", "--out", bundle.to_str().unwrap()]).status.success());
    let second = dir.path().join("second.sqlite3");
    assert!(run(&second, &["demo"]).status.success());
    // The same plan (title and period) is there already: the import asks and writes nothing.
    let asked = run(&second, &["import", bundle.to_str().unwrap(), "--json"]);
    assert_eq!(asked.status.code(), Some(1));
    assert!(text(&asked.stderr).contains("уже есть (№ 1)"), "{}", text(&asked.stderr));
    assert_eq!(plans(&second), 1);
    let v = json(&run(&second, &["import", bundle.to_str().unwrap(), "--duplicate", "keep", "--json"]));
    assert_eq!((v["plan"].as_i64(), v["events"].as_i64()), (Some(2), Some(16)));
    assert_eq!(events_without_ids(&second, "2"), events_without_ids(&db, "1"));
    assert_eq!(v["warnings"].as_array().unwrap().len(), 0, "the same district knows every school");
    // Replacing takes the place of one of them: still two plans.
    json(&run(&second, &["import", bundle.to_str().unwrap(), "--duplicate", "replace", "--json"]));
    assert_eq!(plans(&second), 2);

    let broken = dir.path().join("broken.json");
    std::fs::write(&broken, r#"{"format": "koordinator-plan", "version": 7}"#).unwrap();
    let o = run(&second, &["import", broken.to_str().unwrap()]);
    assert!(text(&o.stderr).contains("более новой версией"));
    assert_eq!(plans(&second), 2);
}

#[test]
fn next_years_plan_from_last_years() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path());
    let v = json(&run(&db, &["copy-plan", "--plan", "1", "--json"]));
    let id = v["plan"].as_i64().unwrap().to_string();
    let plans = json(&run(&db, &["plans", "--json"]));
    let copy = plans.as_array().unwrap().iter().find(|p| p["id"] == v["plan"]).unwrap();
    assert_eq!(copy["period"]["start"], "2023-09-01");
    assert!(copy["title"].as_str().unwrap().contains("2023-2024 учебном году"));
    let events = json(&run(&db, &["events", "--plan", &id, "--json"]));
    let third = &events[2];
    assert_eq!(third["timeframe"]["text"], "до 10 марта 2024 г.");
    assert_eq!(third["timeframe"]["end"], "2024-03-10");
    assert!(events.as_array().unwrap().iter().all(|e| e["status"] == "planned"));
}

/// A roadmap imported into a district whose profile is filled in gets the profile's issuer and
/// coordinator where the document names none (issue 25, point 1).
#[test]
fn an_imported_plan_takes_the_issuer_and_coordinator_from_the_profile() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("район.sqlite3");
    {
        let mut store = store::Store::create(&db).unwrap();
        let profile = domain::DistrictProfile {
            issuer: "Отдел образования Администрации Н-ского района".into(),
            issuer_genitive: "Отдела образования Администрации Н-ского района".into(),
            coordinator: "Петрова А.А., ведущий специалист".into(),
            head: "Сидоров Б.Б., начальник отдела".into(),
            oktmo: "60737000".into(),
            district: "Н-ский район".into(),
        };
        store.change("Сведения о районе", |tx| store::setting::set_profile(tx, &profile)).unwrap();
    }
    let table = dir.path().join("план.txt");
    std::fs::write(&table, "№\tМероприятие\tСрок\n1\tСовещание\tмарт 2023\n2\tСеминар\tапрель 2023\n")
        .unwrap();
    let o = run(&db, &["import", table.to_str().unwrap(), "--period", "2023-01-01..2023-12-31", "--json"]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let plans = json(&run(&db, &["plans", "--json"]));
    let plan = &plans[0];
    assert_eq!(plan["issuer"], "Отдел образования Администрации Н-ского района", "{plan}");
    assert_eq!(plan["coordinator"]["name"], "Петрова А.А.", "{plan}");
}

/// Text copied out of a PDF splits a header's words («М ероприятия»): the content column is
/// still found, and every event keeps its words (issue 25, point 13).
#[test]
fn a_header_split_by_a_pdf_copy_still_names_its_columns() {
    let dir = tempfile::tempdir().unwrap();
    let table = dir.path().join("из PDF.txt");
    std::fs::write(
        &table,
        "План мероприятий\n№ /п\tМ ероприятия\tСроки\tОтветственные\n1.\tОрганизационный этап\n\
         1.1\tСовещание с директорами школ\tсентябрь 2023\tИванова И.И.\n\
         1.2\tАнализ результатов ВПР\tоктябрь 2023\tПетрова П.П.\n",
    )
    .unwrap();
    let db = dir.path().join("район.sqlite3");
    let o = run(&db, &["import", table.to_str().unwrap(), "--period", "2023-09-01..2024-08-31", "--json"]);
    let v = json(&o);
    assert_eq!(v["events"].as_i64(), Some(2), "{v}");
    assert!(!v["warnings"].to_string().contains("нет содержания"), "{v}");
    let events = json(&run(&db, &["events", "--plan", "1", "--json"]));
    let contents: Vec<&str> =
        events.as_array().unwrap().iter().map(|e| e["content"].as_str().unwrap()).collect();
    assert_eq!(contents, ["Совещание с директорами школ", "Анализ результатов ВПР"]);
}

/// The plan's title and period, as the CLI prints them.
fn plan_heading(db: &Path) -> (Value, Value) {
    let v = json(&run(db, &["plans", "--json"]));
    (v[0]["title"].clone(), v[0]["period"].clone())
}

/// Issue 25, point 5: the program's own workbook and Word table, imported into another data file,
/// are the same plan — title, period, sections, numbers, contents, the timeframes' text alone,
/// executors, results, evidence, marks, and (in the workbook, which has the column) the states.
#[test]
fn the_workbook_and_the_word_table_come_back_as_they_went_out() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path());
    {
        // What a coordinator fills in as the year goes: a result, a place, a mark, the states.
        let mut store = store::Store::open(&db).unwrap();
        store
            .change("Отметки", |tx| {
                let mut third =
                    store::event::list(tx, 1)?.into_iter().find(|e| e.number == "3").unwrap().draft();
                third.result = "Положение о межшкольном партнёрстве".into();
                third.evidence = "Приказ от 10.03.2023 № 391".into();
                third.place = "МБОУ СОШ № 5, актовый зал".into();
                store::event::update(tx, store::event::list(tx, 1)?[2].id, &third)?;
                store::event::set_status(
                    tx,
                    1,
                    domain::EventStatus::Done,
                    "Выполнено: приказ № 206",
                    "Приказ",
                )?;
                store::event::set_status(tx, 2, domain::EventStatus::InProgress, "", "")?;
                store::event::set_status(tx, 4, domain::EventStatus::Cancelled, "", "")?;
                Ok(())
            })
            .unwrap();
    }
    let sent = events_without_ids(&db, "1");
    for ext in ["xlsx", "docx"] {
        let out = dir.path().join(format!("копия.{ext}"));
        let mut args = vec!["export", "--plan", "1", "--document", "annex", "--out", out.to_str().unwrap()];
        if ext == "docx" {
            args.extend(["--columns", "number,content,timeframe,place,executors,result,evidence,completion"]);
        }
        assert!(run(&db, &args).status.success());
        let back = dir.path().join(format!("принято-{ext}.sqlite3"));
        let o = run(&back, &["import", out.to_str().unwrap(), "--json"]);
        assert!(o.status.success(), "{}", text(&o.stderr));
        assert_eq!(plan_heading(&back), plan_heading(&db), "{ext}: the title and the period");
        let came = events_without_ids(&back, "1");
        assert_eq!(came.len(), sent.len());
        for (a, b) in sent.iter().zip(&came) {
            let mut a = a.clone();
            // The Word table has no «Состояние»: a marked event comes back done, the others planned.
            if ext == "docx" {
                a["status"] = if a["completion_mark"] == "" { "planned".into() } else { "done".into() };
            }
            assert_eq!(&a, b, "{ext}");
        }
    }
}

/// «Место проведения» of a real plan is kept at import (it was dropped with a warning), shown
/// by `events`, printed when some event has one, and asked for by name on the command line.
#[test]
fn the_place_of_an_event_comes_in_and_prints() {
    let dir = tempfile::tempdir().unwrap();
    let table = dir.path().join("план.txt");
    std::fs::write(
        &table,
        "План мероприятий на 2023-2024 учебный год\n\
         №\tМероприятие\tСроки\tМесто проведения\tОтветственные\n\
         1.\tСеминар для заместителей директоров\tоктябрь 2023\tМБОУ СОШ № 5, актовый зал\tПетрова А.С., методист\n\
         2.\tСовещание с директорами\tноябрь 2023\t\tИванова И.И.\n",
    )
    .unwrap();
    let db = dir.path().join("d.sqlite3");
    let o = run(&db, &["import", table.to_str().unwrap(), "--json"]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    assert!(!text(&o.stdout).contains("Место проведения» не импортируется"), "{}", text(&o.stdout));
    let events = json(&run(&db, &["events", "--plan", "1", "--json"]));
    assert_eq!(events[0]["place"], "МБОУ СОШ № 5, актовый зал");
    assert_eq!(events[1]["place"], "");
    // Printed by default: one event fills it.
    let pdf = dir.path().join("план.pdf");
    assert!(run(&db, &["export", "--plan", "1", "--document", "annex", "--out", pdf.to_str().unwrap()])
        .status
        .success());
    let printed =
        String::from_utf8(Command::new("pdftotext").arg(&pdf).arg("-").output().unwrap().stdout).unwrap();
    let words = printed.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(words.contains("Место проведения") && words.contains("МБОУ СОШ № 5, актовый зал"), "{printed}");
    // The column by its code; an unknown code names the known ones, «place» among them.
    let o = run(
        &db,
        &[
            "export",
            "--plan",
            "1",
            "--document",
            "annex",
            "--columns",
            "number,venue",
            "--out",
            pdf.to_str().unwrap(),
        ],
    );
    assert!(text(&o.stderr).contains("timeframe, place, executors"), "{}", text(&o.stderr));
    let o = run(
        &db,
        &[
            "export",
            "--plan",
            "1",
            "--document",
            "annex",
            "--blocks",
            "goal,щит",
            "--out",
            pdf.to_str().unwrap(),
        ],
    );
    assert!(text(&o.stderr).contains("неизвестный блок «щит»; возможны: goal, tasks"), "{}", text(&o.stderr));
}
