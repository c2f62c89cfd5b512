//! A writing process killed (`kill -9`) at random moments, a hundred times: the data file always
//! passes SQLite's integrity check, every change that had finished is there, and no plan is ever
//! half-written (each holds all 16 events of the copied plan or does not exist).

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use rusqlite::Connection;

const BIN: &str = env!("CARGO_BIN_EXE_koordinator-cli");
const ROUNDS: usize = 100;

/// A small deterministic generator: the seed is printed, so a failure can be replayed.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, below: u64) -> u64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (self.0 >> 33) % below
    }
}

/// Runs the program with `args` and kills it (SIGKILL) if it has not finished after a random
/// time below `window` µs: (whether it finished by itself, its exit status).
fn run_killed(args: &[&std::ffi::OsStr], window: u64, rng: &mut Lcg) -> (bool, std::process::ExitStatus) {
    let mut child = Command::new(BIN).args(args).stdout(Stdio::null()).stderr(Stdio::null()).spawn().unwrap();
    let deadline = Instant::now() + Duration::from_micros(rng.next(window));
    let mut finished = false;
    while Instant::now() < deadline {
        if child.try_wait().unwrap().is_some() {
            finished = true;
            break;
        }
        std::thread::sleep(Duration::from_micros(100));
    }
    if !finished {
        child.kill().unwrap();
    }
    (finished, child.wait().unwrap())
}

fn counts(db: &Path) -> (i64, Vec<i64>) {
    let conn = Connection::open(db).unwrap();
    let ok: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
    assert_eq!(ok, "ok");
    let fk: i64 = conn.query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| r.get(0)).unwrap();
    assert_eq!(fk, 0);
    let plans: i64 = conn.query_row("SELECT count(*) FROM plan", [], |r| r.get(0)).unwrap();
    let per_plan: Vec<i64> = conn
        .prepare("SELECT (SELECT count(*) FROM event e WHERE e.plan_id = p.id) FROM plan p ORDER BY p.id")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    (plans, per_plan)
}

#[test]
fn a_killed_writer_never_leaves_a_half_written_district() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("район.sqlite3");
    let bundle = dir.path().join("план.json");
    let run = |args: &[&str]| Command::new(BIN).arg("--db").arg(&db).args(args).output().unwrap();
    assert!(run(&["demo"]).status.success());
    assert!(run(&["bundle", "--plan", "1", "--out", bundle.to_str().unwrap()]).status.success());
    // Kill within about one run's time, however fast the program is on this machine.
    let started = Instant::now();
    assert!(run(&["copy-plan", "--plan", "1"]).status.success());
    assert!(run(&["undo"]).status.success());
    let window = (started.elapsed().as_micros() as u64 * 3 / 4).max(2_000);
    let seed = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_nanos() as u64;
    eprintln!("seed {seed}");
    let mut rng = Lcg(seed);
    let mut finished_plans = 1i64;
    let mut killed = 0;
    for round in 0..ROUNDS {
        let op = rng.next(3);
        let args: Vec<String> = match op {
            0 => vec!["copy-plan".into(), "--plan".into(), "1".into()],
            1 => vec!["import".into(), bundle.display().to_string(), "--duplicate".into(), "keep".into()],
            _ => vec!["undo".into()],
        };
        let (plans_before, _) = counts(&db);
        let mut full: Vec<&std::ffi::OsStr> = vec!["--db".as_ref(), db.as_os_str()];
        full.extend(args.iter().map(std::ffi::OsStr::new));
        let (finished, status) = run_killed(&full, window, &mut rng);
        killed += usize::from(!finished);
        let (plans_after, per_plan) = counts(&db);
        assert!(per_plan.iter().all(|n| *n == 16), "round {round}: a half-written plan: {per_plan:?}");
        let done = status.success();
        match (op, done) {
            (0 | 1, true) => {
                assert_eq!(plans_after, plans_before + 1, "round {round}: a finished copy is missing")
            }
            (_, true) => assert!(plans_after <= plans_before, "round {round}: undo"),
            (_, false) => assert!((plans_after - plans_before).abs() <= 1, "round {round}"),
        }
        finished_plans = plans_after;
    }
    assert!(killed >= 10, "the test must kill writers mid-way: only {killed} of {ROUNDS} were killed");
    eprintln!("{ROUNDS} rounds, {killed} killed, {finished_plans} plans at the end");
}

/// A restore killed at random moments, sixty times, between two backups of different sizes (one
/// plan, two plans): the data file always passes the integrity check and holds one of the two
/// whole states — never a mix, never a damaged file (issue 24).
#[test]
fn a_killed_restore_leaves_one_whole_state() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("район.sqlite3");
    let run = |args: &[&str]| Command::new(BIN).arg("--db").arg(&db).args(args).output().unwrap();
    assert!(run(&["demo"]).status.success());
    let one = dir.path().join("одна.sqlite3");
    Connection::open(&db).unwrap().execute("VACUUM INTO ?1", [one.to_str().unwrap()]).unwrap();
    assert!(run(&["copy-plan", "--plan", "1"]).status.success());
    let two = dir.path().join("две.sqlite3");
    Connection::open(&db).unwrap().execute("VACUUM INTO ?1", [two.to_str().unwrap()]).unwrap();
    let started = Instant::now();
    assert!(run(&["restore", one.to_str().unwrap()]).status.success());
    let window = (started.elapsed().as_micros() as u64).max(2_000);
    let seed = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_nanos() as u64;
    eprintln!("seed {seed}");
    let mut rng = Lcg(seed);
    let mut killed = 0;
    for round in 0..60 {
        let from = if round % 2 == 0 { &two } else { &one };
        let args = ["--db".as_ref(), db.as_os_str(), "restore".as_ref(), from.as_os_str()];
        let (finished, status) = run_killed(&args, window, &mut rng);
        killed += usize::from(!finished);
        let (plans, per_plan) = counts(&db);
        assert!(per_plan.iter().all(|n| *n == 16), "round {round}: a half-restored plan: {per_plan:?}");
        assert!(plans == 1 || plans == 2, "round {round}: {plans} plans");
        if status.success() {
            assert_eq!(plans, if round % 2 == 0 { 2 } else { 1 }, "round {round}: a finished restore");
        }
    }
    assert!(killed >= 6, "the test must kill restores mid-way: only {killed} of 60 were killed");
    eprintln!("60 restores, {killed} killed");
}

/// The region's state of one district: the package's date in its row, and whether the package
/// kept beside it is the one the row describes (its checksum in the manifest matches).
fn region_state(db: &Path) -> Option<String> {
    let conn = Connection::open(db).unwrap();
    let ok: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
    assert_eq!(ok, "ok");
    let row: Option<(String, String, Vec<u8>)> = conn
        .query_row(
            "SELECT d.made_at, d.sha256, p.bytes FROM region_district d JOIN region_package p USING (code)",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .ok();
    let rows: i64 = conn.query_row("SELECT count(*) FROM region_district", [], |r| r.get(0)).unwrap();
    let packages: i64 = conn.query_row("SELECT count(*) FROM region_package", [], |r| r.get(0)).unwrap();
    assert_eq!(rows, packages, "a district without its package, or a package without its district");
    row.map(|(made, sha, bytes)| {
        let kept = app::package::open(&bytes).unwrap();
        assert_eq!(kept.manifest.sha256, sha, "the row and the package kept are of different packages");
        made
    })
}

/// A package import killed (`kill -9`) at random moments, forty times, into a region file that
/// holds the district's previous package: the region file passes the integrity check and holds
/// the previous package or the new one whole — its row and its package file always of one
/// package (issue 27).
#[test]
fn a_killed_package_import_leaves_the_region_as_it_was_or_with_the_new_package() {
    let dir = tempfile::tempdir().unwrap();
    let district = dir.path().join("район.sqlite3");
    let run = |db: &Path, args: &[&str]| Command::new(BIN).arg("--db").arg(db).args(args).output().unwrap();
    // A district of some size, so that an import takes long enough to be killed inside.
    let g = run(&district, &["generate", "--years", "3", "--schools", "30", "--events", "300"]);
    assert!(g.status.success(), "{}", String::from_utf8_lossy(&g.stderr));
    let mut store = store::Store::open(&district).unwrap();
    let profile = domain::DistrictProfile {
        issuer: "Управление образования".into(),
        district: "Район для замеров".into(),
        oktmo: "60636000".into(),
        ..Default::default()
    };
    store.change("Сведения о районе", |tx| store::setting::set_profile(tx, &profile)).unwrap();
    let at = |t: &str| chrono::NaiveDateTime::parse_from_str(t, "%Y-%m-%d %H:%M").unwrap();
    let (old, new) = (dir.path().join("old.koord"), dir.path().join("new.koord"));
    app::package::make(&store, &old, at("2026-11-01 10:00")).unwrap();
    store
        .change("Ещё одно", |tx| store::event::set_status(tx, 1, domain::EventStatus::Done, "", ""))
        .unwrap();
    app::package::make(&store, &new, at("2026-12-01 10:00")).unwrap();
    drop(store);
    let base = dir.path().join("регион-база.sqlite3");
    assert!(run(&base, &["region", "import", old.to_str().unwrap()]).status.success());
    let region = dir.path().join("регион.sqlite3");
    let fresh = || {
        for suffix in ["-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", region.display()));
        }
        std::fs::copy(&base, &region).unwrap();
    };
    fresh();
    let started = Instant::now();
    assert!(run(&region, &["region", "import", new.to_str().unwrap()]).status.success());
    // A little past one run's time: most are killed on the way, a few finish.
    let window = (started.elapsed().as_micros() as u64 * 5 / 4).max(2_000);
    assert_eq!(region_state(&region).as_deref(), Some("2026-12-01T10:00:00"));
    let seed = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_nanos() as u64;
    eprintln!("seed {seed}");
    let mut rng = Lcg(seed);
    let (mut killed, mut new_after_kill) = (0, 0);
    for round in 0..40 {
        fresh();
        let args =
            ["--db".as_ref(), region.as_os_str(), "region".as_ref(), "import".as_ref(), new.as_os_str()];
        let (finished, status) = run_killed(&args, window, &mut rng);
        killed += usize::from(!finished);
        let state = region_state(&region);
        if !finished && state.as_deref() == Some("2026-12-01T10:00:00") {
            new_after_kill += 1;
        }
        let expected: &[&str] = if status.success() {
            &["2026-12-01T10:00:00"]
        } else {
            &["2026-11-01T10:00:00", "2026-12-01T10:00:00"]
        };
        assert!(state.as_deref().is_some_and(|s| expected.contains(&s)), "round {round}: {state:?}");
    }
    assert!(killed >= 10, "the test must kill imports mid-way: only {killed} of 40 were killed");
    eprintln!("40 package imports, {killed} killed, {new_after_kill} of them after the new package was in");
}
