//! Our order with three annexes for a generated 500-event plan, against LibreOffice
//! converting the same content as DOCX, both measured in this one run. Prints the median
//! times, the ratio and the PDF's size. Needs libreoffice-writer and python-docx.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use koordinator_cli::export::{export, DocumentKind, ExportRequest};
use serde_json::json;
use store::district::{self, BundleEvent};
use store::Store;

const EVENTS: usize = 500;

fn generated_store() -> Store {
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
                content: p.content.clone(),
                timeframe: p.timeframe.clone(),
                executors: p.executors.clone(),
                result: p.result.clone(),
                evidence: p.evidence.clone(),
                status: p.status,
                completion_mark: p.completion_mark.clone(),
                children: Vec::new(),
            });
            n += 1;
        }
    }
    for s in &mut d.webinar_series {
        s.event = None;
    }
    let mut store = Store::open_in_memory().unwrap();
    district::load(&mut store, &d).unwrap();
    store
}

/// The same content as the PDF, for python-docx.
fn content_json(store: &Store) -> serde_json::Value {
    let conn = store.read();
    let roadmap = store::plan::roadmap(conn, 1).unwrap();
    let order = store::order::get(conn, roadmap.plan.approving_order_id.unwrap()).unwrap();
    let schools = store::school::list(conn, None).unwrap();
    let name =
        |id: i64| schools.iter().find(|s| s.id == id).map(|s| s.draft.short_name.clone()).unwrap_or_default();
    let mut lines = vec![
        order.draft.issuer.to_uppercase(),
        "ПРИКАЗ".into(),
        format!("{} № {}", order.draft.date, order.draft.number),
    ];
    lines.push(order.draft.title.clone());
    lines.push(order.draft.preamble.clone());
    lines.push("ПРИКАЗЫВАЮ:".into());
    lines.extend(order.draft.points.iter().enumerate().map(|(i, p)| format!("{}. {p}", i + 1)));
    lines.push(format!("{} {}", order.draft.signatory_position, order.draft.signatory_name));
    let mark = |n: i32| {
        vec![format!("Приложение {n}"), format!("к приказу от {} № {}", order.draft.date, order.draft.number)]
    };
    let group = &store::working_group::list(conn).unwrap()[0];
    let pairings = store::pairing::list(conn, None).unwrap();
    let head1 = [mark(1), vec![group.title.clone()]].concat();
    let head2 = [mark(2), vec!["Закрепление школ-наставников".to_owned()]].concat();
    let head3 = [mark(3), vec![roadmap.plan.title.clone(), roadmap.plan.goal.clone()]].concat();
    json!({
        "order": lines,
        "annexes": [
            {"landscape": false, "head": head1,
             "columns": ["№", "Фамилия, инициалы", "Должность", "Роль"], "widths": [6, 22, 48, 24],
             "rows": group.members.iter().enumerate().map(|(i, m)| vec![(i + 1).to_string(), m.executor.name.clone(), m.executor.position.clone(), format!("{:?}", m.role)]).collect::<Vec<_>>()},
            {"landscape": false, "head": head2,
             "columns": ["№", "Курируемая школа", "Школа-наставник", "Период"], "widths": [6, 30, 40, 24],
             "rows": pairings.iter().enumerate().map(|(i, p)| vec![(i + 1).to_string(), name(p.draft.supported_school_id), name(p.draft.mentor_school_id), format!("{} — {}", p.draft.start, p.draft.end)]).collect::<Vec<_>>()},
            {"landscape": true, "head": head3,
             "columns": ["№ п/п", "Содержание деятельности", "Сроки реализации", "Ответственный исполнитель", "Отметка о выполнении"], "widths": [7, 40, 14, 22, 13],
             "rows": roadmap.events.iter().map(|e| vec![e.number.clone(), e.content.clone(), e.timeframe.text.clone(), e.executors.iter().map(|x| x.printed()).collect::<Vec<_>>().join("\n"), e.completion_mark.clone()]).collect::<Vec<_>>()},
        ]
    })
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn main() {
    let out = Path::new(env!("CARGO_TARGET_TMPDIR")).join("order-bench");
    std::fs::create_dir_all(&out).unwrap();
    let store = generated_store();
    let request = ExportRequest {
        plan_id: 1,
        document: DocumentKind::Order,
        landscape: false,
        columns: vec![],
        blocks: None,
        as_of: None,
        long_kept: false,
        a3: false,
    };
    let today = NaiveDate::from_ymd_opt(2023, 5, 15).unwrap();
    let mut ours = Vec::new();
    let mut pdf = None;
    for _ in 0..15 {
        let t = Instant::now();
        let p = export(&store, &request, today, 0, documents::Format::Pdf, &Default::default()).unwrap();
        ours.push(t.elapsed());
        pdf = Some(p);
    }
    let pdf = pdf.unwrap();
    std::fs::write(out.join("koordinator.pdf"), &pdf.bytes).unwrap();
    let ours = median(ours);
    println!(
        "Koordinator: order + 3 annexes, {EVENTS} events: {} pages, {} KB, median {:.1} ms",
        pdf.pages,
        pdf.bytes.len() / 1024,
        ours.as_secs_f64() * 1000.0
    );

    let json_path = out.join("order.json");
    let docx = out.join("order.docx");
    std::fs::write(&json_path, content_json(&store).to_string()).unwrap();
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("benches/docx_from_json.py");
    let ok = Command::new("python3")
        .arg(&script)
        .arg(&json_path)
        .arg(&docx)
        .status()
        .map(|s| s.success())
        .unwrap_or(false);
    if !ok {
        println!("LibreOffice reference skipped: python-docx is missing (pip install python-docx)");
        return;
    }
    let profile = format!("-env:UserInstallation=file://{}", out.join("lo-profile").display());
    let convert = || {
        let t = Instant::now();
        let status = Command::new("libreoffice")
            .args([profile.as_str(), "--headless", "--convert-to", "pdf", "--outdir"])
            .arg(&out)
            .arg(&docx)
            .output();
        status.ok().filter(|o| o.status.success()).map(|_| t.elapsed())
    };
    if convert().is_none() {
        println!(
            "LibreOffice reference skipped: libreoffice is missing (apt-get install libreoffice-writer)"
        );
        return;
    }
    let lo = median((0..5).filter_map(|_| convert()).collect());
    let lo_size = std::fs::metadata(out.join("order.pdf")).map(|m| m.len() / 1024).unwrap_or(0);
    let lo_pages = Command::new("pdfinfo")
        .arg(out.join("order.pdf"))
        .output()
        .ok()
        .and_then(|o| String::from_utf8(o.stdout).ok())
        .and_then(|t| t.lines().find(|l| l.starts_with("Pages:")).map(|l| l[6..].trim().to_owned()))
        .unwrap_or_else(|| "?".into());
    println!(
        "LibreOffice --headless --convert-to pdf, same content as DOCX: {lo_pages} pages, {lo_size} KB, median {:.1} ms (warm profile)",
        lo.as_secs_f64() * 1000.0
    );
    println!("Ratio: Koordinator is {:.0}× faster", lo.as_secs_f64() / ours.as_secs_f64());
}
