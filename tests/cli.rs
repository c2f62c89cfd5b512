//! The command line as other tools use it: the real binary, a temporary data file.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_koordinator-cli");

fn run(args: &[&str]) -> Output {
    Command::new(BIN).args(args).env_remove("KOORDINATOR_DB").output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

fn demo_db(dir: &Path) -> PathBuf {
    let db = dir.join("district.sqlite3");
    let o = run(&["--db", db.to_str().unwrap(), "demo"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("18 школ"), "{}", stdout(&o));
    db
}

fn json(o: &Output) -> Value {
    assert!(o.status.success(), "{}", stderr(o));
    serde_json::from_str(&stdout(o)).unwrap()
}

#[test]
fn schools_json_lists_the_eighteen_demo_schools_with_categories() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    // --db after the subcommand works as well as before it.
    let schools = json(&run(&["schools", "--json", "--db", db.to_str().unwrap()]));
    let schools = schools.as_array().unwrap();
    assert_eq!(schools.len(), 18);
    let with = |cat: &str| {
        schools
            .iter()
            .filter(|s| {
                s["statuses"].as_array().unwrap().iter().any(|st| st["category"] == cat && st["year"] == 2022)
            })
            .count()
    };
    assert_eq!((with("low_results"), with("mentor")), (7, 5));
    let s6 = schools.iter().find(|s| s["short_name"] == "МОБУ СОШ № 6").unwrap();
    assert_eq!(s6["director"], "Муразян О.В.");
    assert!(s6["id"].is_i64() && s6["name"].is_string());
    assert_eq!(
        json(&run(&["--db", db.to_str().unwrap(), "schools", "--json", "--year", "2030"])),
        Value::Array(vec![])
    );
}

#[test]
fn the_data_file_comes_from_the_environment_when_no_flag_is_given() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let o = Command::new(BIN).args(["plans", "--json"]).env("KOORDINATOR_DB", &db).output().unwrap();
    let plans = json(&o);
    assert_eq!(plans.as_array().unwrap().len(), 1);
    assert_eq!(plans[0]["period"]["start"], "2022-09-01");
}

#[test]
fn events_json_keeps_the_contract() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let plans = json(&run(&["--db", db.to_str().unwrap(), "plans", "--json"]));
    let id = plans[0]["id"].as_i64().unwrap().to_string();
    let events = json(&run(&["--db", db.to_str().unwrap(), "events", "--plan", &id, "--json"]));
    let events = events.as_array().unwrap();
    assert_eq!(events.len(), 16);
    let first = &events[0];
    for key in [
        "id",
        "number",
        "section",
        "content",
        "timeframe",
        "executors",
        "result",
        "evidence",
        "status",
        "completion_mark",
    ] {
        assert!(first.get(key).is_some(), "missing {key}");
    }
    assert_eq!(first["number"], "1");
    assert_eq!(first["section"], "Проектно-деятельностный этап");
    assert_eq!(first["executors"][0], "Морозова О.Л., начальник Управления образования г. Таганрога");
    assert_eq!(first["status"], "planned");
    let until = events.iter().find(|e| e["timeframe"]["text"] == "до 10 марта 2023 г.").unwrap();
    assert_eq!(
        until["timeframe"],
        serde_json::json!({"text": "до 10 марта 2023 г.", "kind": "until", "start": null, "end": "2023-03-10", "warnings": []})
    );
    let last = events.last().unwrap();
    assert_eq!((last["section"].as_str(), last["number"].as_str()), (Some("Итоговый этап"), Some("2")));
}

#[test]
fn timeframe_prints_exactly_one_json_line() {
    let o = run(&["timeframe", "--period", "2022-09-01..2023-08-31", "до 10 марта 2023 г."]);
    assert!(o.status.success());
    assert_eq!(
        stdout(&o),
        "{\"text\": \"до 10 марта 2023 г.\", \"kind\": \"until\", \"start\": null, \"end\": \"2023-03-10\", \"warnings\": []}\n"
    );
}

#[test]
fn timeframe_reads_stdin_line_by_line_in_order() {
    let mut child = Command::new(BIN)
        .args(["timeframe", "--period", "2022-09-01..2023-08-31", "--stdin"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all("март\nпо мере необходимости\n16.02.2023\n".as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let lines: Vec<Value> = stdout(&out).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let kinds: Vec<_> = lines.iter().map(|l| l["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["month", "free", "date"]);
    assert_eq!(lines[1]["warnings"][0], "Не удалось определить срок: срок зависит от условия, а не от даты");
}

#[test]
fn only_a_bad_period_fails_the_timeframe_command() {
    let o = run(&["timeframe", "--period", "2023-08-31..2022-09-01", "март"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("конец периода"), "{}", stderr(&o));
    let o = run(&["timeframe", "--period", "2022-09-01..2023-08-31", "абракадабра"]);
    assert!(o.status.success());
}

#[test]
fn errors_are_russian_and_exit_non_zero() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let o = run(&["--db", db.to_str().unwrap(), "events", "--plan", "99", "--json"]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(stderr(&o).trim(), "Ошибка: Нет дорожной карты № 99");
    let o = run(&["--db", db.to_str().unwrap(), "demo"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("только в пустой файл"), "{}", stderr(&o));
    let o = run(&["schools", "--frobnicate"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("неизвестный параметр «--frobnicate»"), "{}", stderr(&o));
    let o = run(&["events"]);
    assert!(stderr(&o).contains("не хватает параметра"), "{}", stderr(&o));
}

#[test]
fn ics_of_the_demo_series_has_five_sessions_with_stable_uids() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let ics = |name: &str, extra: &[&str]| {
        let out = dir.path().join(name);
        let mut args =
            vec!["--db", db.to_str().unwrap(), "ics", "--plan", "1", "--out", out.to_str().unwrap()];
        args.extend_from_slice(extra);
        let o = run(&args);
        assert!(o.status.success(), "{}", stderr(&o));
        std::fs::read_to_string(out).unwrap()
    };
    let series = ics("series.ics", &["--series", "1"]);
    assert!(series.starts_with("BEGIN:VCALENDAR\r\n") && series.ends_with("END:VCALENDAR\r\n"));
    assert!(series.lines().all(|l| l.len() <= 76), "lines are folded at 75 octets");
    let unfolded = series.replace("\r\n ", "");
    assert_eq!(unfolded.matches("BEGIN:VEVENT").count(), 5);
    assert!(unfolded.contains("BEGIN:VTIMEZONE\r\nTZID:Europe/Moscow"));
    assert!(unfolded.contains("DTSTART;VALUE=DATE:20230427"), "no time in the seed: an all-day entry");
    assert!(unfolded.contains("SUMMARY:Вебинар: «Система восполнения профессиональных дефицитов педагогических работников» (из опыта работы МОБУ лицея № 7)"));
    // Exported again: the same UIDs, so a calendar updates rather than duplicates.
    let uids = |t: &str| {
        t.replace("\r\n ", "")
            .lines()
            .filter(|l| l.starts_with("UID:"))
            .map(str::to_owned)
            .collect::<Vec<_>>()
    };
    assert_eq!(uids(&series), uids(&ics("again.ics", &["--series", "1"])));
    // The whole calendar: the 5 sessions and every placed event.
    let whole = ics("plan.ics", &[]).replace("\r\n ", "");
    assert!(whole.matches("BEGIN:VEVENT").count() > 5 + 16);
    assert!(whole.contains("SUMMARY:Срок: 3. Разработка локальных актов"), "a deadline on its day");
    let o = run(&[
        "--db",
        db.to_str().unwrap(),
        "ics",
        "--plan",
        "1",
        "--zone",
        "Mars/Olympus",
        "--out",
        "/tmp/x.ics",
    ]);
    assert!(stderr(&o).contains("часовой пояс «Mars/Olympus» не поддерживается"));
}

/// `koordinator-cli` with no subcommand prints the help (it has no window to open), and it does
/// not link the window's libraries: that is what makes a call cost milliseconds.
#[test]
fn the_console_program_prints_help_and_links_no_gtk_or_webkit() {
    let o = run(&[]);
    assert!(o.status.success());
    assert!(stdout(&o).contains("Команды:") && stdout(&o).contains("history"), "{}", stdout(&o));
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("нет.sqlite3");
    let o = run(&["--db", missing.to_str().unwrap(), "plans"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).starts_with("Ошибка: Файл данных не найден"), "{}", stderr(&o));
    if cfg!(target_os = "linux") {
        let ldd = Command::new("ldd").arg(BIN).output().unwrap();
        let libs = stdout(&ldd);
        assert!(ldd.status.success(), "{libs}");
        for window_lib in ["gtk", "webkit", "gdk", "soup"] {
            assert!(!libs.contains(window_lib), "koordinator-cli links {window_lib}:\n{libs}");
        }
    }
}
