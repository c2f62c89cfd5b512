//! A plan bundle: one roadmap as versioned JSON that another Koordinator imports without loss
//! (plan, sections with their schools by name, events with their executors, status and marks),
//! and the copy of last year's plan made through it, its years moved on.

use chrono::{Datelike, NaiveDate};
use domain::{EventStatus, Id, Period, PlanDraft, Roadmap, RoadmapDraft, School, SectionDraft};
use serde::{Deserialize, Serialize};

pub const FORMAT: &str = "koordinator-plan";
pub const VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Bundle {
    /// Always «koordinator-plan».
    pub format: String,
    /// Raised when the layout changes; older versions are read, newer ones refused.
    pub version: u32,
    pub plan: PlanDraft,
    pub sections: Vec<BundleSection>,
    pub events: Vec<BundleEvent>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BundleSection {
    pub number: String,
    pub title: String,
    pub goal: String,
    /// Short names: «МОБУ СОШ № 6». Schools the receiving district lacks are reported.
    pub schools: Vec<String>,
}

/// An event: its place (indexes), its number, and its row (the timeframe as typed: the
/// receiver reads it in the plan's period) — the domain's outline event, as JSON.
pub type BundleEvent = domain::OutlineEvent;

/// The bundle of a roadmap.
pub fn of(r: &Roadmap, schools: &[School]) -> Bundle {
    let school_name = |id: &Id| schools.iter().find(|s| s.id == *id).map(|s| s.draft.short_name.clone());
    let section_index = |id: Option<Id>| id.and_then(|id| r.sections.iter().position(|s| s.id == id));
    // Parents by id, looked up once per event: a 20 000-event plan stays linear.
    let index: std::collections::HashMap<Id, usize> =
        r.events.iter().enumerate().map(|(i, e)| (e.id, i)).collect();
    Bundle {
        format: FORMAT.to_owned(),
        version: VERSION,
        plan: r.plan.draft(),
        sections: r
            .sections
            .iter()
            .map(|s| BundleSection {
                number: s.number.clone(),
                title: s.title.clone(),
                goal: s.goal.clone(),
                schools: s.school_ids.iter().filter_map(school_name).collect(),
            })
            .collect(),
        events: r
            .events
            .iter()
            .map(|e| BundleEvent {
                section: section_index(e.section_id),
                parent: e.parent_id.and_then(|p| index.get(&p).copied()),
                number: e.number.clone(),
                row: e.draft(),
            })
            .collect(),
    }
}

/// Reads a bundle, refusing what is not one or is newer than this program.
pub fn parse(json: &str) -> Result<Bundle, String> {
    let head: serde_json::Value = serde_json::from_str(json).map_err(|e| {
        format!("Файл не похож на пакет дорожной карты: это не JSON (ошибка в строке {}).", e.line())
    })?;
    let Some(head) = head.as_object() else {
        return Err("Файл не похож на пакет дорожной карты: в нём не объект JSON.".into());
    };
    if head.get("format").and_then(|f| f.as_str()) != Some(FORMAT) {
        return Err("Это не пакет дорожной карты Координатора (нет \"format\": \"koordinator-plan\").".into());
    }
    match head.get("version").map(|v| v.as_u64()) {
        Some(Some(v)) if v > VERSION as u64 => {
            return Err(format!(
                "Пакет сделан более новой версией Координатора (формат {v}); обновите программу."
            ))
        }
        Some(Some(v)) if v >= 1 => {}
        None => return Err("В пакете не указана версия формата.".into()),
        Some(_) => return Err("В пакете неизвестная версия формата: это не пакет Координатора.".into()),
    }
    serde_json::from_str(json).map_err(|e| {
        format!(
            "Пакет дорожной карты повреждён (строка {}, столбец {}): нет нужного поля или значение не того вида.",
            e.line(),
            e.column()
        )
    })
}

/// The bundle as a new roadmap of this district: its sections target the district's schools of
/// the same short names; the names the district lacks are given back, to be told.
pub fn draft(b: &Bundle, schools: &[School]) -> (RoadmapDraft, Vec<String>) {
    let mut missing = Vec::new();
    let mut sections = Vec::new();
    for s in &b.sections {
        let mut school_ids = Vec::new();
        for name in &s.schools {
            match schools.iter().find(|x| x.draft.short_name == *name) {
                Some(x) => school_ids.push(x.id),
                None => missing.push(name.clone()),
            }
        }
        sections.push(SectionDraft {
            number: s.number.clone(),
            title: s.title.clone(),
            goal: s.goal.clone(),
            school_ids,
        });
    }
    missing.dedup();
    (RoadmapDraft { plan: b.plan.clone(), sections, events: b.events.clone() }, missing)
}

/// Next year's plan from this one: the period and every year in the texts moved by `years`
/// («до 10 марта 2023 г.» → «до 10 марта 2024 г.»), the marks of completion cleared.
pub fn shifted(b: &Bundle, years: i32) -> Bundle {
    let mut out = b.clone();
    let day = |d: NaiveDate| {
        d.with_year(d.year() + years)
            .or_else(|| NaiveDate::from_ymd_opt(d.year() + years, d.month(), 28))
            .unwrap_or(d)
    };
    out.plan.period = Period { start: day(b.plan.period.start), end: day(b.plan.period.end) };
    out.plan.title = shift_years(&b.plan.title, years);
    for e in &mut out.events {
        e.row.timeframe_text = shift_years(&e.row.timeframe_text, years);
        e.row.status = EventStatus::Planned;
        e.row.completion_mark.clear();
    }
    out
}

/// Every four-digit year 1990–2100 standing alone in `text`, moved by `years`; other numbers
/// («№ 206», «10 марта», «16.02.2023» as a date keeps its form) are left as they are.
pub fn shift_years(text: &str, years: i32) -> String {
    let mut out = String::with_capacity(text.len());
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_ascii_digit() && (i == 0 || !chars[i - 1].is_ascii_digit()) {
            let run: String = chars[i..].iter().take_while(|c| c.is_ascii_digit()).collect();
            match run.parse::<i32>() {
                Ok(y) if run.len() == 4 && (1990..=2100).contains(&y) => out += &(y + years).to_string(),
                _ => out += &run,
            }
            i += run.chars().count();
        } else {
            out.push(chars[i]);
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use store::{district, plan, school, Store, StoreResult};

    /// The bundle written as the program writes one: its draft through the store's writer.
    fn write(
        tx: &rusqlite::Transaction,
        b: &Bundle,
        schools: &[School],
        work: &domain::Work,
    ) -> StoreResult<(Id, Vec<String>)> {
        let (d, missing) = draft(b, schools);
        store::roadmap::write(tx, &d, None, work).map(|id| (id, missing))
    }

    fn demo() -> (Store, Id) {
        let mut store = Store::open_in_memory().unwrap();
        let loaded = district::load(&mut store, &district::parse(district::DEMO).unwrap()).unwrap();
        (store, loaded.plan_id)
    }

    #[test]
    fn a_plan_exported_and_imported_back_is_the_same_plan() {
        let (mut store, id) = demo();
        let schools = school::list(store.read(), None).unwrap();
        let first = of(&store::roadmap::read(store.read(), id).unwrap(), &schools);
        let json = serde_json::to_string_pretty(&first).unwrap();
        let back = parse(&json).unwrap();
        let (copy, missing) =
            store.change("Изменение", |tx| write(tx, &back, &schools, &Default::default())).unwrap();
        assert!(missing.is_empty());
        assert_ne!(copy, id);
        let again = of(&store::roadmap::read(store.read(), copy).unwrap(), &schools);
        assert_eq!(again, first);
        assert_eq!(first.events.len(), 16);
        assert!(first.sections.iter().any(|s| !s.schools.is_empty()));
    }

    #[test]
    fn what_is_not_a_bundle_is_refused() {
        assert!(parse("{}").unwrap_err().contains("не пакет"));
        assert!(parse("[1, 2]").unwrap_err().contains("не похож"));
        for bad in [
            r#"{"format": "koordinator-plan", "version": 0}"#,
            r#"{"format": "koordinator-plan", "version": "1"}"#,
        ] {
            assert!(parse(bad).unwrap_err().contains("неизвестная версия"), "{bad}");
        }
        assert!(parse(r#"{"format": "koordinator-plan", "version": 99}"#)
            .unwrap_err()
            .contains("более новой"));
        let (store, id) = demo();
        let b = of(&store::roadmap::read(store.read(), id).unwrap(), &[]);
        let mut v: serde_json::Value = serde_json::to_value(&b).unwrap();
        v["events"][3]["section"] = serde_json::json!(42);
        let mut store = store;
        let broken: Bundle = serde_json::from_value(v).unwrap();
        let before = plan::list(store.read()).unwrap().len();
        assert!(store.change("Изменение", |tx| write(tx, &broken, &[], &Default::default())).is_err());
        assert_eq!(plan::list(store.read()).unwrap().len(), before, "nothing written");
    }

    #[test]
    fn last_years_plan_becomes_next_years() {
        assert_eq!(shift_years("до 10 марта 2023 г.", 1), "до 10 марта 2024 г.");
        assert_eq!(shift_years("16.02.2023, приказ № 206", 1), "16.02.2024, приказ № 206");
        assert_eq!(shift_years("2022–2023 учебный год", 1), "2023–2024 учебный год");
        assert_eq!(shift_years("12345 и 1700", 1), "12345 и 1700");
        let (mut store, id) = demo();
        let b = of(&store::roadmap::read(store.read(), id).unwrap(), &[]);
        let next = shifted(&b, 1);
        assert_eq!(next.plan.period.start.to_string(), "2023-09-01");
        let (copy, _) = store.change("Изменение", |tx| write(tx, &next, &[], &Default::default())).unwrap();
        let r = store::roadmap::read(store.read(), copy).unwrap();
        let third = &r.events[2];
        assert_eq!(third.timeframe.text, "до 10 марта 2024 г.");
        assert_eq!(third.timeframe.end.unwrap().to_string(), "2024-03-10");
        assert!(r.events.iter().all(|e| e.status == EventStatus::Planned && e.completion_mark.is_empty()));
        assert_eq!(r.events.iter().filter(|e| e.timeframe.needs_review()).count(), 0);
    }
}
