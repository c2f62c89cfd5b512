//! What the command line prints: the JSON contract other tools rely on, and plain tables.

use domain::{Column, Plan, Roadmap, School, Timeframe};
use serde::Serialize;

/// `koordinator timeframe`: exactly these keys, in this order.
#[derive(Serialize)]
pub struct TimeframeLine<'a> {
    text: &'a str,
    kind: &'static str,
    start: Option<String>,
    end: Option<String>,
    warnings: &'a [String],
}

impl<'a> From<&'a Timeframe> for TimeframeLine<'a> {
    fn from(tf: &'a Timeframe) -> Self {
        TimeframeLine {
            text: &tf.text,
            kind: tf.kind.as_str(),
            start: tf.start.map(|d| d.to_string()),
            end: tf.end.map(|d| d.to_string()),
            warnings: &tf.warnings,
        }
    }
}

/// `koordinator events --json`: one object per event — its place, timeframe and executors, and
/// each text column of the roadmap under its row field's name ([`Column::field`]), so a new
/// column reaches the JSON without a line here.
#[derive(Serialize)]
pub struct EventRow<'a> {
    id: i64,
    number: &'a str,
    section: Option<&'a str>,
    timeframe: TimeframeLine<'a>,
    executors: Vec<String>,
    status: &'static str,
    #[serde(flatten)]
    texts: Texts<'a>,
}

/// The event's text columns as `"field": "text"` pairs (the timeframe's text is in `timeframe`).
struct Texts<'a>(&'a domain::Event);

impl Serialize for Texts<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = s.serialize_map(None)?;
        for c in Column::ALL.into_iter().filter(|&c| c != Column::Timeframe) {
            if let Some(field) = c.field() {
                map.serialize_entry(field, &c.value(self.0))?;
            }
        }
        map.end()
    }
}

pub fn event_rows(r: &Roadmap) -> Vec<EventRow<'_>> {
    r.events
        .iter()
        .map(|e| EventRow {
            id: e.id,
            number: &e.number,
            section: e
                .section_id
                .and_then(|id| r.sections.iter().find(|s| s.id == id))
                .map(|s| s.title.as_str()),
            timeframe: TimeframeLine::from(&e.timeframe),
            executors: e.executors.iter().map(|x| x.printed()).collect(),
            status: e.status.code(),
            texts: Texts(e),
        })
        .collect()
}

pub fn schools(schools: &[School], year: Option<i32>) -> String {
    if schools.is_empty() {
        return "Школ нет.".into();
    }
    let mut out = String::new();
    for s in schools {
        let categories: Vec<String> = s
            .draft
            .statuses
            .iter()
            .filter(|st| year.is_none_or(|y| st.year == y))
            .map(|st| format!("{} ({})", st.category.label(), st.year))
            .collect();
        out += &format!(
            "{:>4}  {}  — директор {}; {}\n",
            s.id,
            s.draft.short_name,
            dash(&s.draft.director),
            categories.join(", ")
        );
    }
    out.trim_end().to_owned()
}

pub fn plans(plans: &[Plan]) -> String {
    if plans.is_empty() {
        return "Дорожных карт нет.".into();
    }
    let lines: Vec<String> = plans
        .iter()
        .map(|p| {
            format!(
                "{:>4}  {} ({} — {})",
                p.id,
                p.title,
                domain::ru_date(p.period.start),
                domain::ru_date(p.period.end)
            )
        })
        .collect();
    lines.join("\n")
}

pub fn events(r: &Roadmap) -> String {
    let mut out = format!("{}\n", r.plan.title);
    let mut section = None;
    for e in &r.events {
        if e.section_id != section {
            section = e.section_id;
            if let Some(s) = r.sections.iter().find(|s| Some(s.id) == section) {
                out += &format!("\n{}\n", s.title.lines().next().unwrap_or_default());
            }
        }
        let first_line = e.content.lines().next().unwrap_or_default();
        out += &format!("{:>5}  {}  [{}]\n", e.number, first_line, e.timeframe.text.replace('\n', "; "));
    }
    out.trim_end().to_owned()
}

fn dash(s: &str) -> &str {
    if s.is_empty() {
        "—"
    } else {
        s
    }
}

/// An import's preview: sections, numbered events with their timeframes, the flags.
pub fn recognised(r: &exchange::import::Recognised) -> String {
    let mut out = String::new();
    let mut section = None;
    for e in &r.events {
        if e.section != section {
            section = e.section;
            if let Some(s) = section.map(|i| &r.sections[i]) {
                out += &format!("\n{} {}\n", s.number, s.title.lines().next().unwrap_or_default());
            }
        }
        let first_line = e.row.content.lines().next().unwrap_or_default();
        out += &format!("{:>7}  {}  [{}]\n", e.number, first_line, e.timeframe.text.replace('\n', "; "));
    }
    for w in &r.warnings {
        out += &format!("  ! {w}\n");
    }
    out.trim().to_owned()
}

/// A bundle's preview: what `import` would add, nothing written.
pub fn bundle_preview(p: &crate::import::BundlePreview) -> String {
    let mut out = format!(
        "Пакет дорожной карты «{}» на период {} – {}: {}, {}. Ничего не записано.",
        p.title,
        p.period.start.format("%d.%m.%Y"),
        p.period.end.format("%d.%m.%Y"),
        store::count(p.sections, "раздел", "раздела", "разделов"),
        store::events_count(p.events),
    );
    for s in &p.missing_schools {
        out += &format!("\n  ! школа «{s}» не найдена среди школ района: раздел будет без неё");
    }
    out
}

/// One line of `history --json`: the contract's four keys.
#[derive(Serialize)]
pub struct HistoryLine<'a> {
    pub id: i64,
    pub label: &'a str,
    pub at: &'a str,
    pub undone: bool,
    /// «срок мероприятия: «Февраль 2023 г.» → «Март 2023 г.»».
    pub edits: Vec<&'a str>,
}

impl<'a> From<&'a domain::Change> for HistoryLine<'a> {
    fn from(c: &'a domain::Change) -> Self {
        let edits = c.edits.iter().map(|e| e.text.as_str()).collect();
        HistoryLine { id: c.id, label: &c.label, at: &c.at, undone: c.undone, edits }
    }
}

/// «Журнал изменений» as text: newest first, what each did.
pub fn history(changes: &[domain::Change]) -> String {
    if changes.is_empty() {
        return "Изменений пока нет.".to_owned();
    }
    changes
        .iter()
        .map(|c| {
            let what: Vec<String> = c
                .rows
                .iter()
                .map(|r| {
                    let mut parts = Vec::new();
                    if r.added > 0 {
                        parts.push(format!("+{}", r.added));
                    }
                    if r.changed > 0 {
                        parts.push(format!("~{}", r.changed));
                    }
                    if r.removed > 0 {
                        parts.push(format!("−{}", r.removed));
                    }
                    format!("{} {}", r.what, parts.join(" "))
                })
                .collect();
            let undone = if c.undone { " (отменено)" } else { "" };
            let edits: String = c.edits.iter().map(|e| format!("\n       {}", e.text)).collect();
            format!(
                "{:>5}  {}  {}{undone}\n       {}{edits}",
                c.id,
                c.at.replace('T', " "),
                c.label,
                what.join("; ")
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The backups as text, newest first.
pub fn backups(list: &[domain::Backup]) -> String {
    if list.is_empty() {
        return "Резервных копий пока нет.".to_owned();
    }
    list.iter()
        .map(|b| {
            format!(
                "{}  {:>7} КБ  {:<21}  {}",
                b.at.replace('T', " "),
                b.size.div_ceil(1024),
                b.label,
                b.path
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// A line of input that could not be read, in its place among the answers.
#[derive(Serialize)]
pub struct InputError {
    pub error: String,
}

/// The stored results as a table: year, procedure, grade, subject, school, participants, marks.
pub fn results(rows: &[domain::ResultRow], schools: &[School]) -> String {
    if rows.is_empty() {
        return "Результатов пока нет. Загрузите таблицу: koordinator results import ФАЙЛ".into();
    }
    let name =
        |id: domain::Id| schools.iter().find(|s| s.id == id).map_or("?", |s| s.draft.short_name.as_str());
    let mut lines =
        vec!["Год\tПроцедура\tКласс\tПредмет\tШкола\tУчастников\t«2»\t«3»\t«4»\t«5»\tСр. балл".to_owned()];
    for r in rows {
        let r = &r.record;
        let marks = r.marks.map_or("\t\t\t".to_owned(), |m| m.map(|x| x.to_string()).join("\t"));
        lines.push(format!(
            "{}\t{}\t{}\t{}\t{}\t{}\t{marks}\t{}",
            r.year,
            r.procedure,
            if r.grade > 0 { r.grade.to_string() } else { String::new() },
            r.subject,
            name(r.school_id),
            r.participants,
            r.mean_score.map(|s| format!("{s:.1}").replace('.', ",")).unwrap_or_default()
        ));
    }
    lines.join("\n")
}

/// What a results table would give, and what the person must decide.
pub fn results_preview(p: &exchange::results::ResultsPreview) -> String {
    let mut out = Vec::new();
    let what = p.context.describe();
    out.push(format!(
        "Распознано результатов: {}{}{}.",
        p.results.len(),
        if what.is_empty() { String::new() } else { format!(" ({what})") },
        if p.percent {
            "; отметки даны в процентах и пересчитаны в количества по числу участников"
        } else {
            ""
        }
    ));
    for n in &p.names {
        let how = if n.school_id.is_none() { n.how_label.to_uppercase() } else { n.how_label.clone() };
        let code = if n.code.is_empty() { String::new() } else { format!(" ({})", n.code) };
        out.push(format!("  {}{code} — {how}, строк: {}", n.name, n.rows));
    }
    for w in &p.warnings {
        out.push(format!("Проверьте: {w}"));
    }
    for e in &p.errors {
        out.push(format!("Ошибка: {e}"));
    }
    out.join("\n")
}

pub fn results_written(w: &crate::results::Written) -> String {
    let mut parts = vec![format!("Загружено результатов: {} ({})", w.added, w.what)];
    if w.replaced > 0 {
        parts.push(format!("заменено: {}", w.replaced));
    }
    if w.kept > 0 {
        parts.push(format!("оставлено прежних: {}", w.kept));
    }
    if w.new_schools > 0 {
        parts.push(format!("добавлено школ: {}", w.new_schools));
    }
    if w.skipped > 0 {
        parts.push(format!("пропущено строк: {}", w.skipped));
    }
    format!("{}.", parts.join("; "))
}

/// The analysis in plain Russian: findings, then each supported school.
pub fn analysis(a: &domain::Analysis) -> String {
    let mut out = vec![format!("{} — {}", a.metric_label, a.filter_label)];
    out.extend(a.findings.iter().cloned());
    let supported: Vec<&domain::effectiveness::SchoolAnalysis> =
        a.schools.iter().filter(|s| s.cohort.is_some() && !s.series.is_empty()).collect();
    if !supported.is_empty() {
        out.push(String::new());
        out.push("Школы под поддержкой:".into());
        for s in supported {
            let series: Vec<String> = s
                .series
                .iter()
                .map(|p| {
                    let few = if p.few { " — мало участников" } else { "" };
                    format!("{}: {}{few}", p.year, p.text())
                })
                .collect();
            out.push(format!("  {} — {}. {}", s.name, series.join("; "), s.summary));
        }
    }
    out.join("\n")
}

/// The region's table: a line per district, tab-separated, the region's total last.
pub fn region_table(t: &domain::region::RegionTable) -> String {
    if t.rows.is_empty() {
        return "В файле региона пока нет районов: koordinator region import ФАЙЛ|ПАПКА".to_owned();
    }
    let category = t.category.map(|c| format!(", {}", c.label())).unwrap_or_default();
    let mut out = vec![format!("{}{category}", domain::SchoolYear::new(t.year).label)];
    let categories: Vec<&str> = domain::SUPPORTED.iter().map(|c| c.label()).collect();
    out.push(format!(
        "Район\tОКТМО\t{}\tбез наставника\tдорожных карт\tмероприятий\tвыполнено, %\tпросрочено\tпакет от",
        categories.join("\t")
    ));
    for r in t.rows.iter().chain(std::iter::once(&t.total)) {
        let counts: Vec<String> = r.by_category.iter().map(|n| n.schools.to_string()).collect();
        let made = match r.made_at {
            Some(at) if r.stale => format!("{} (устарел)", domain::ru_date(at.date())),
            Some(at) => domain::ru_date(at.date()),
            None => String::new(),
        };
        out.push(format!(
            "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{made}",
            r.name,
            r.code,
            counts.join("\t"),
            r.without_mentor,
            r.plans,
            r.events,
            r.percent_done.map_or("—".into(), |p| p.to_string()),
            r.overdue
        ));
    }
    out.join("\n")
}
