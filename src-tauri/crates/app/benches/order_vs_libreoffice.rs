//! Our order with its annexes for a generated 500-event plan, printed to PDF by
//! `koordinator-cli`, against LibreOffice converting our own .docx of the same order: whole
//! process against whole process, CPU and wall time, both measured in this one run. Needs
//! libreoffice-writer-nogui (bash .ci/setup installs it) and poppler's pdfinfo.

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use store::district::{self, BundleEvent};
use store::Store;

const EVENTS: usize = 500;

fn generated_store(path: &Path) -> Store {
    let mut d = district::parse(district::DEMO).unwrap();
    let pattern: Vec<BundleEvent> =
        d.plan.sections.iter_mut().flat_map(|s| std::mem::take(&mut s.events)).collect();
    let per_section = EVENTS / d.plan.sections.len() + 1;
    let mut n = 0;
    for section in &mut d.plan.sections {
        for i in 0..per_section {
            if n == EVENTS {
                break;
            }
            let p = &pattern[n % pattern.len()];
            section.events.push(BundleEvent {
                key: None,
                number: (i + 1).to_string(),
                children: Vec::new(),
                ..p.clone()
            });
            n += 1;
        }
    }
    for s in &mut d.webinar_series {
        s.event = None;
    }
    let mut store = Store::create(path).unwrap();
    district::load(&mut store, &d).unwrap();
    store
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

/// CPU (user + system, the process and everything it started) and wall time of one run of
/// `program args`, from bash's `time`.
fn timed(program: &Path, args: &[&str], env: &[(&str, &str)]) -> Option<(Duration, Duration)> {
    let quoted: Vec<String> = std::iter::once(program.to_string_lossy().into_owned())
        .chain(args.iter().map(|a| (*a).to_owned()))
        .map(|a| format!("'{a}'"))
        .collect();
    let script = format!("TIMEFORMAT='%3U %3S %3R'; time {} >/dev/null 2>&1", quoted.join(" "));
    let out = Command::new("bash").arg("-c").arg(script).envs(env.iter().copied()).output().ok()?;
    let text = String::from_utf8_lossy(&out.stderr);
    let f: Vec<f64> = text.split_whitespace().filter_map(|x| x.replace(',', ".").parse().ok()).collect();
    (out.status.success() && f.len() == 3)
        .then(|| (Duration::from_secs_f64(f[0] + f[1]), Duration::from_secs_f64(f[2])))
}

fn pages(pdf: &Path) -> String {
    Command::new("pdfinfo")
        .arg(pdf)
        .output()
        .ok()
        .and_then(|o| String::from_utf8(o.stdout).ok())
        .and_then(|t| t.lines().find_map(|l| l.strip_prefix("Pages:")).map(|l| l.trim().to_owned()))
        .unwrap_or_else(|| "?".into())
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// The order with its annexes for a 500-event plan: `koordinator-cli export` to PDF against
/// LibreOffice converting our own .docx of the same order, whole process against whole process.
fn main() {
    let out = Path::new(env!("CARGO_TARGET_TMPDIR")).join("order-bench");
    let _ = std::fs::remove_dir_all(&out);
    std::fs::create_dir_all(&out).unwrap();
    let db = out.join("district.sqlite3");
    drop(generated_store(&db));
    let cli = Path::new(env!("CARGO_BIN_EXE_koordinator-cli"));
    let db_arg = db.to_string_lossy().into_owned();
    let export = |to: &Path| {
        let to = to.to_string_lossy().into_owned();
        timed(cli, &["--db", &db_arg, "export", "--plan", "1", "--document", "order", "--out", &to], &[])
            .expect("koordinator-cli export failed")
    };
    let docx = out.join("order.docx");
    export(&docx);
    let pdf = out.join("koordinator.pdf");
    export(&pdf);
    let runs: Vec<(Duration, Duration)> = (0..15).map(|_| export(&pdf)).collect();
    let (cpu, wall) =
        (median(runs.iter().map(|r| r.0).collect()), median(runs.iter().map(|r| r.1).collect()));
    let size = |p: &Path| std::fs::metadata(p).map(|m| m.len() / 1024).unwrap_or(0);
    println!(
        "Координатор (koordinator-cli export, процесс целиком): приказ с приложениями, дорожная карта в {EVENTS} мероприятий: {} стр., {} КБ; ЦП {:.0} мс, время {:.0} мс (медианы 15 запусков)",
        pages(&pdf),
        size(&pdf),
        ms(cpu),
        ms(wall)
    );

    let profile = format!("-env:UserInstallation=file://{}", out.join("lo-profile").display());
    let outdir = out.join("lo");
    let lo_args = [
        profile.as_str(),
        "--headless",
        "--norestore",
        "--convert-to",
        "pdf",
        "--outdir",
        outdir.to_str().unwrap(),
        docx.to_str().unwrap(),
    ];
    let soffice = Path::new("soffice");
    // The first start writes the profile; it is not counted.
    if timed(soffice, &lo_args, &[]).is_none() {
        println!("Сравнение с LibreOffice пропущено: нет soffice (apt-get install libreoffice-writer-nogui)");
        return;
    }
    let runs: Vec<(Duration, Duration)> = (0..5).filter_map(|_| timed(soffice, &lo_args, &[])).collect();
    let (lo_cpu, lo_wall) =
        (median(runs.iter().map(|r| r.0).collect()), median(runs.iter().map(|r| r.1).collect()));
    let lo_pdf = outdir.join("order.pdf");
    println!(
        "LibreOffice (soffice --headless --convert-to pdf той же .docx, процесс целиком): {} стр., {} КБ; ЦП {:.0} мс, время {:.0} мс (медианы 5 запусков, профиль готов)",
        pages(&lo_pdf),
        size(&lo_pdf),
        ms(lo_cpu),
        ms(lo_wall)
    );
    println!(
        "Отношение: ЦП в {:.1} раза меньше, время в {:.1} раза меньше",
        lo_cpu.as_secs_f64() / cpu.as_secs_f64(),
        lo_wall.as_secs_f64() / wall.as_secs_f64()
    );
}
