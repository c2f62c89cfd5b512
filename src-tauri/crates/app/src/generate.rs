//! A big district for measuring: years of roadmaps, schools with yearly categories and risk
//! profiles, pairings and webinar series — the size a district reaches in ten years. Written
//! through the same paths as an import (plan bundles) and the editor (store functions), in one
//! change, so what the benches and the window bench measure is what a coordinator would have.

use chrono::{Datelike, NaiveDate};
use domain::{
    Category, EventDraft, EventStatus, ExecutorDraft, ExecutorKind, PairingDraft, Period, PlanDraft,
    RiskLevel, SchoolDraft, SchoolStatus, TimeOfDay,
};
use exchange::bundle::{Bundle, BundleEvent, BundleSection};
use store::Store;

use crate::error::{CommandError, CommandResult, ErrorCode};

/// How big: `years` school years from `first_year`, `schools` schools, `events` events a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Size {
    pub first_year: i32,
    pub years: i32,
    pub schools: usize,
    pub events: usize,
}

impl Default for Size {
    /// Ten school years × 60 schools × 600 events a year.
    fn default() -> Self {
        Size { first_year: 2016, years: 10, schools: 60, events: 600 }
    }
}

/// What was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Generated {
    pub plans: usize,
    pub events: usize,
    pub schools: usize,
    pub webinars: usize,
    /// ВПР results: every school, year, grade 4–8 and six subjects.
    pub results: usize,
}

const SUBJECTS: [&str; 6] =
    ["Математика", "Русский язык", "Окружающий мир", "История", "Биология", "География"];

/// Every school's ВПР results, 30 records a school and year, from the spring before the first
/// school year (the year before support, the analysis's base) on; a school's level steady with a
/// little noise, so the analysis has something to weigh.
fn results(school_ids: &[domain::Id], years: std::ops::Range<i32>) -> Vec<domain::ResultRecord> {
    let mut seed: u64 = 2026;
    let mut noise = move || {
        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (seed >> 11) as f64 / (1u64 << 53) as f64
    };
    let mut out = Vec::new();
    for (n, &school_id) in school_ids.iter().enumerate() {
        let level = 0.05 + 0.25 * (n % 17) as f64 / 16.0;
        for y in years.clone() {
            for grade in 4..=8 {
                for subject in SUBJECTS {
                    let participants = 20 + (noise() * 100.0) as u32;
                    let n = f64::from(participants);
                    let twos = ((level + 0.05 * (noise() - 0.5)).clamp(0.0, 0.9) * n) as u32;
                    let good = ((0.45 - level) * n).max(0.0) as u32;
                    let fives = good / 4;
                    out.push(domain::ResultRecord {
                        school_id,
                        year: y,
                        procedure: "ВПР".into(),
                        grade,
                        subject: subject.into(),
                        participants,
                        marks: Some([twos, participants - twos - good, good - fives, fives]),
                        below_min: None,
                        mean_score: None,
                    });
                }
            }
        }
    }
    out
}

const SECTIONS: [&str; 6] = [
    "Организационно-управленческие мероприятия",
    "Повышение квалификации педагогов",
    "Методическое сопровождение",
    "Работа с обучающимися",
    "Работа с родителями",
    "Мониторинг и анализ результатов",
];

const ACTIONS: [&str; 8] = [
    "Проведение семинара по вопросам",
    "Анализ результатов",
    "Организация методической поддержки школ по направлению",
    "Участие педагогов в вебинаре по теме",
    "Подготовка информационной справки о ходе реализации",
    "Консультирование руководителей по вопросам",
    "Мониторинг выполнения мероприятий по направлению",
    "Разработка программы повышения качества по направлению",
];

const TOPICS: [&str; 6] = [
    "повышения читательской грамотности",
    "формирующего оценивания",
    "подготовки к ГИА",
    "работы с обучающимися с трудностями в учёбе",
    "профилактики учебной неуспешности",
    "развития школьного климата",
];

const PEOPLE: [(&str, &str); 6] = [
    ("Смирнова О.П.", "главный специалист"),
    ("Иванов А.С.", "ведущий специалист"),
    ("Кузнецова Е.В.", "методист"),
    ("Петров И.И.", "директор МКУ ИМЦ"),
    ("Соколова Н.А.", "заместитель начальника"),
    ("Морозов Д.Е.", "специалист"),
];

/// A timeframe as coordinators write them, for the `i`-th event of the school year starting in
/// September of `y`: dates, ranges, months, quarters, «до …», recurring, continuous and free.
fn timeframe(i: usize, y: i32) -> String {
    let month = ["сентябрь", "октябрь", "ноябрь", "декабрь"][i % 4];
    let day = 1 + (i * 7) % 27;
    match i % 10 {
        0 => format!("{day:02}.{:02}.{y}", 9 + i % 4),
        1 => format!("{month} {y} г."),
        2 => format!("до {day} марта {} г.", y + 1),
        3 => format!("01.09.{y} – 15.10.{y}"),
        4 => "в течение года".to_owned(),
        5 => format!("I квартал {}", y + 1),
        6 => "ежемесячно".to_owned(),
        7 => format!("ноябрь – декабрь {y}"),
        8 => "по мере необходимости".to_owned(),
        _ => format!("{day} {} {} г.", ["января", "февраля", "апреля", "мая"][i % 4], y + 1),
    }
}

/// One school year's roadmap of `events` events in six sections, every fourth event with two
/// sub-events, earlier years mostly done.
pub fn plan_bundle(y: i32, events: usize, school_names: &[String]) -> Bundle {
    let sections: Vec<BundleSection> = SECTIONS
        .iter()
        .enumerate()
        .map(|(i, title)| BundleSection {
            number: format!("{}", i + 1),
            title: (*title).to_owned(),
            goal: String::new(),
            schools: school_names.iter().skip(i).step_by(SECTIONS.len()).cloned().collect(),
        })
        .collect();
    let per_section = events.div_ceil(SECTIONS.len()).max(1);
    let mut out: Vec<BundleEvent> = Vec::with_capacity(events);
    let (mut top, mut sub, mut parent) = (0usize, 0usize, 0usize);
    for i in 0..events {
        let section = i / per_section;
        if i.is_multiple_of(per_section) {
            top = 0;
        }
        // Events 1 and 2 after every fourth top-level one are its sub-events.
        let is_sub = matches!((i % per_section) % 4, 1 | 2);
        let number = if is_sub && top > 0 {
            sub += 1;
            format!("{}.{}.{}", section + 1, top, sub)
        } else {
            top += 1;
            sub = 0;
            parent = out.len();
            format!("{}.{}", section + 1, top)
        };
        let (who, position) = PEOPLE[i % PEOPLE.len()];
        let status = match (y < 2024, i % 7) {
            (true, 0) => EventStatus::Cancelled,
            (true, _) => EventStatus::Done,
            (false, 0 | 1) => EventStatus::Done,
            (false, 2) => EventStatus::InProgress,
            _ => EventStatus::Planned,
        };
        out.push(BundleEvent {
            section: Some(section.min(SECTIONS.len() - 1)),
            parent: (is_sub && top > 0).then_some(parent),
            number,
            row: EventDraft {
                content: format!("{} {} ({})", ACTIONS[i % ACTIONS.len()], TOPICS[i % TOPICS.len()], i + 1),
                timeframe_text: timeframe(i, y),
                executors: vec![ExecutorDraft {
                    kind: ExecutorKind::Person,
                    name: who.to_owned(),
                    position: position.to_owned(),
                    organisation: String::new(),
                }],
                result: "Повышение качества образования".to_owned(),
                evidence: if status == EventStatus::Done {
                    "Протокол, справка".to_owned()
                } else {
                    String::new()
                },
                status,
                completion_mark: if status == EventStatus::Done {
                    "Выполнено".to_owned()
                } else {
                    String::new()
                },
                // The columns a generated plan leaves empty (the place…).
                ..EventDraft::default()
            },
        });
    }
    Bundle {
        format: exchange::bundle::FORMAT.to_owned(),
        version: exchange::bundle::VERSION,
        plan: PlanDraft {
            title: format!(
                "Дорожная карта сопровождения школ с низкими образовательными результатами на {y}-{} учебный год",
                y + 1
            ),
            period: school_year(y),
            issuer: "Управление образования".to_owned(),
            coordinator: None,
            goal: "Повышение качества образования в школах с низкими результатами".to_owned(),
            tasks: Vec::new(),
        },
        sections,
        events: out,
    }
}

fn school_year(y: i32) -> Period {
    let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).expect("a real date");
    Period { start: day(y, 9, 1), end: day(y + 1, 8, 31) }
}

/// Writes a big district into an empty data file, as one change.
pub fn big_district(store: &mut Store, size: Size) -> CommandResult<Generated> {
    if !(1..=30).contains(&size.years) || size.schools == 0 || size.schools > 1000 || size.events > 100_000 {
        return Err(CommandError::new(
            ErrorCode::Invalid,
            "Размер района: от 1 до 30 лет, от 1 до 1000 школ, не больше 100 000 мероприятий в год",
        ));
    }
    if !store::plan::list(store.read())?.is_empty() || !store::school::list(store.read(), None)?.is_empty() {
        return Err(CommandError::new(
            ErrorCode::Invalid,
            "Файл данных не пуст: большой район создаётся только в новом файле",
        ));
    }
    let years = size.first_year..size.first_year + size.years;
    let label = format!(
        "Создан район для замеров: {}, {}, {} в год",
        store::count(size.years as usize, "учебный год", "учебных года", "учебных лет"),
        store::count(size.schools, "школа", "школы", "школ"),
        store::events_count(size.events)
    );
    let generated = store.change(label, |tx| {
        let mut school_ids = Vec::new();
        let mut names = Vec::new();
        for n in 0..size.schools {
            let short_name = format!("МОБУ СОШ № {}", n + 1);
            let statuses = years
                .clone()
                .flat_map(|year| {
                    let category = match n % 6 {
                        0 | 1 => Category::LowResults,
                        2 => Category::AdverseConditions,
                        3 => Category::RiskZone,
                        4 => Category::Project500,
                        _ => Category::Mentor,
                    };
                    let cohort_year = (category == Category::Project500).then_some(size.first_year);
                    Some(SchoolStatus { year, category, cohort_year })
                })
                .collect();
            school_ids.push(store::school::insert(
                tx,
                &SchoolDraft {
                    name: format!("Муниципальное общеобразовательное бюджетное учреждение средняя общеобразовательная школа № {}", n + 1),
                    short_name: short_name.clone(),
                    director: PEOPLE[n % PEOPLE.len()].0.to_owned(),
                    address: format!("ул. Школьная, {}", n + 1),
                    phone: String::new(),
                    email: String::new(),
                    statuses,
                    code: format!("sch{}", 700_001 + n),
                    inn: String::new(),
                    settlement: None,
                },
            )?);
            names.push(short_name);
        }
        let factors = ["Низкий уровень оснащения", "Дефицит педагогических кадров", "Низкая учебная мотивация"]
            .iter()
            .map(|f| store::risk::add_factor(tx, f))
            .collect::<store::StoreResult<Vec<_>>>()?;
        let mut out = Generated { plans: 0, events: 0, schools: size.schools, webinars: 0, results: 0 };
        for y in years.clone() {
            let bundle = plan_bundle(y, size.events, &names);
            let all = store::school::list(tx, None)?;
            let (draft, _) = exchange::bundle::draft(&bundle, &all);
            let plan_id = store::roadmap::write(tx, &draft, None, &domain::Work::default())?;
            out.plans += 1;
            out.events += bundle.events.len();
            let period = school_year(y);
            for (n, &id) in school_ids.iter().enumerate() {
                // Every low-results school has a mentor school (every sixth one is a mentor).
                if n % 6 < 2 {
                    let mentor = school_ids[(n / 6) * 6 + 5.min(size.schools - 1 - (n / 6) * 6)];
                    if mentor != id {
                        store::pairing::insert(
                            tx,
                            &PairingDraft {
                                supported_school_id: id,
                                mentor_school_id: mentor,
                                start: period.start,
                                end: period.end,
                                basis_order: format!("приказ УО от 01.09.{y} № {}", 100 + n),
                                basis_agreement: String::new(),
                                note: String::new(),
                            },
                        )?;
                    }
                }
                for (f, &factor) in factors.iter().enumerate() {
                    let level = [RiskLevel::Low, RiskLevel::Medium, RiskLevel::High][(n + f + y as usize) % 3];
                    store::risk::set_level(tx, id, factor, y, Some(level))?;
                }
            }
            let series = store::webinar::insert_series(
                tx,
                &domain::SeriesDraft {
                    plan_id: Some(plan_id),
                    event_id: None,
                    title: format!("Вебинары для школ с низкими результатами, {y}-{}", y + 1),
                    audience: "Руководители и заместители руководителей школ".to_owned(),
                    organiser: "МКУ ИМЦ".to_owned(),
                },
            )?;
            for m in 0..9 {
                let month = (period.start.month0() + m) % 12 + 1;
                let year = if month >= 9 { y } else { y + 1 };
                let date = NaiveDate::from_ymd_opt(year, month, 15).expect("a real date");
                store::webinar::insert_webinar(
                    tx,
                    series,
                    &domain::WebinarDraft {
                        date,
                        start_time: Some(TimeOfDay { hour: 14, minute: 0 }),
                        duration_minutes: Some(90),
                        topic: format!("Вебинар по вопросам {}", TOPICS[m as usize % TOPICS.len()]),
                        host_school_id: Some(school_ids[m as usize % school_ids.len()]),
                        link: String::new(),
                        speakers: Vec::new(),
                    },
                    "Europe/Moscow",
                )?;
                out.webinars += 1;
            }
        }
        let records = results(&school_ids, years.clone());
        store::results::write(tx, &records, false)?;
        out.results = records.len();
        Ok(out)
    })?;
    Ok(generated)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_small_district_has_its_plans_events_pairings_and_series() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::create(&dir.path().join("d.sqlite3")).unwrap();
        let size = Size { first_year: 2020, years: 2, schools: 12, events: 40 };
        let g = big_district(&mut store, size).unwrap();
        assert_eq!(g, Generated { plans: 2, events: 80, schools: 12, webinars: 18, results: 12 * 2 * 30 });
        let plans = store::plan::list(store.read()).unwrap();
        assert_eq!(plans.len(), 2);
        let r = store::roadmap::read(store.read(), plans[0].id).unwrap();
        assert_eq!(r.events.len(), 40);
        assert_eq!(r.sections.len(), 6);
        // Numbers are hierarchical and sub-events sit under their parent.
        let sub = r.events.iter().find(|e| e.number.matches('.').count() == 2).unwrap();
        let parent = r.events.iter().find(|e| Some(e.id) == sub.parent_id).unwrap();
        assert!(
            sub.number.starts_with(&format!("{}.", parent.number)),
            "{} under {}",
            sub.number,
            parent.number
        );
        // Every timeframe form is read; only the conditional one is left for review.
        assert!(
            r.events.iter().all(|e| e.timeframe.kind != domain::TimeframeKind::Free
                || e.timeframe.text == "по мере необходимости"),
            "{:?}",
            r.events
                .iter()
                .filter(|e| e.timeframe.kind == domain::TimeframeKind::Free)
                .map(|e| &e.timeframe.text)
                .collect::<Vec<_>>()
        );
        assert_eq!(
            store::pairing::list(store.read(), Some(&domain::SchoolYear::new(2020))).unwrap().len(),
            4
        );
        // Only in an empty file, and in one change.
        assert!(big_district(&mut store, size).is_err());
        assert_eq!(store::history::list(store.read(), 10).unwrap().len(), 1);
    }
}
