//! The `webinar_series`, `webinar` and `webinar_speaker` tables.

use chrono::NaiveDate;
use domain::{
    ExecutorKind, Holiday, Id, RuleDates, SeriesDraft, SessionRule, SpeakerDraft, TimeOfDay, Webinar,
    WebinarDraft, WebinarSeries,
};
use rusqlite::{params, Connection, Transaction};

use crate::{executor, holiday, json_column, StoreError, StoreResult};

/// Every series with its sessions by date.
pub fn list(conn: &Connection) -> StoreResult<Vec<WebinarSeries>> {
    let mut stmt = conn.prepare(
        "SELECT id, plan_id, event_id, title, audience, organiser FROM webinar_series ORDER BY id",
    )?;
    let mut series: Vec<WebinarSeries> = stmt
        .query_map([], |r| {
            Ok(WebinarSeries {
                id: r.get("id")?,
                plan_id: r.get("plan_id")?,
                event_id: r.get("event_id")?,
                title: r.get("title")?,
                audience: r.get("audience")?,
                organiser: r.get("organiser")?,
                webinars: Vec::new(),
            })
        })?
        .collect::<Result<_, _>>()?;
    let mut sessions = conn.prepare(
        "SELECT id, date, json_quote(start_time) AS start_time, time_zone, duration_minutes, topic, host_school_id, link
         FROM webinar WHERE series_id = ?1 ORDER BY date, start_time, id",
    )?;
    let mut speakers = conn.prepare(&format!(
        "SELECT {} FROM webinar_speaker JOIN executor ON executor.id = webinar_speaker.executor_id
         WHERE webinar_speaker.webinar_id = ?1 ORDER BY webinar_speaker.position",
        executor::COLUMNS
    ))?;
    for s in &mut series {
        s.webinars = sessions
            .query_map([s.id], |r| {
                Ok(Webinar {
                    id: r.get("id")?,
                    date: r.get("date")?,
                    start_time: json_column(r, r.as_ref().column_index("start_time")?)?,
                    time_zone: r.get("time_zone")?,
                    duration_minutes: r.get("duration_minutes")?,
                    topic: r.get("topic")?,
                    host_school_id: r.get("host_school_id")?,
                    link: r.get("link")?,
                    speakers: Vec::new(),
                })
            })?
            .collect::<Result<_, _>>()?;
        for w in &mut s.webinars {
            w.speakers =
                speakers.query_map([w.id], |r| executor::from_row(r, 0))?.collect::<Result<_, _>>()?;
        }
    }
    Ok(series)
}

/// Moves a session to another day (and time, if given); its series, topic and speakers stay.
pub fn reschedule(
    tx: &Transaction,
    webinar_id: Id,
    date: NaiveDate,
    start_time: Option<TimeOfDay>,
) -> StoreResult<()> {
    let n = tx.execute(
        "UPDATE webinar SET date = ?2, start_time = coalesce(?3, start_time) WHERE id = ?1",
        params![webinar_id, date, start_time.map(|t| t.to_string())],
    )?;
    if n == 0 {
        return Err(StoreError::NotFound { what: "вебинара", id: webinar_id });
    }
    Ok(())
}

/// Rewrites a session from the form: day, time, topic, host, link and speakers (people new to
/// the district are added to its executors).
pub fn update(tx: &Transaction, webinar_id: Id, d: &WebinarDraft) -> StoreResult<()> {
    check(d)?;
    let n = tx.execute(
        "UPDATE webinar SET date = ?2, start_time = ?3, duration_minutes = ?4, topic = ?5, host_school_id = ?6,
         link = ?7 WHERE id = ?1",
        params![
            webinar_id,
            d.date,
            d.start_time.map(|t| t.to_string()),
            d.duration_minutes,
            d.topic.trim(),
            d.host_school_id,
            d.link.trim()
        ],
    )?;
    if n == 0 {
        return Err(StoreError::NotFound { what: "вебинара", id: webinar_id });
    }
    tx.execute("DELETE FROM webinar_speaker WHERE webinar_id = ?1", [webinar_id])?;
    insert_speakers(tx, webinar_id, &d.speakers)
}

fn check(d: &WebinarDraft) -> StoreResult<()> {
    if d.duration_minutes.is_some_and(|m| !(1..=1440).contains(&m)) {
        return Err(StoreError::invalid(
            domain::ErrorField::DurationMinutes,
            "Длительность — от 1 до 1440 минут",
        ));
    }
    Ok(())
}

/// The session's speakers in their order; people new to the district join its executors.
fn insert_speakers(tx: &Transaction, webinar_id: Id, speakers: &[SpeakerDraft]) -> StoreResult<()> {
    let mut ids = Vec::new();
    for s in speakers.iter().filter(|s| !s.name.trim().is_empty()) {
        ids.push(executor::find_or_create(tx, ExecutorKind::Person, &s.name, &s.position, &s.organisation)?);
    }
    let mut stmt = tx.prepare(
        "INSERT OR IGNORE INTO webinar_speaker (webinar_id, executor_id, position) VALUES (?1, ?2, ?3)",
    )?;
    for (i, s) in ids.iter().enumerate() {
        stmt.execute(params![webinar_id, s, i as i64])?;
    }
    Ok(())
}

/// A new series with its sessions made by `rule` (public holidays skipped), in one transaction.
/// Topics and speakers are filled in later; the time zone is Moscow unless the caller says.
pub fn insert_series_by_rule(
    tx: &Transaction,
    s: &SeriesDraft,
    rule: &SessionRule,
    time_zone: &str,
) -> StoreResult<(Id, RuleDates)> {
    rule.check().map_err(|(field, message)| StoreError::invalid(field, message))?;
    let holidays: Vec<Holiday> = holiday::between(tx, rule.from, rule.horizon())?
        .into_iter()
        .map(|(date, name)| Holiday { date, name })
        .collect();
    let planned = rule.dates(&holidays);
    let series_id = insert_series(tx, s)?;
    for date in &planned.dates {
        insert_webinar(
            tx,
            series_id,
            &WebinarDraft {
                date: *date,
                start_time: Some(rule.start_time),
                duration_minutes: Some(rule.duration_minutes),
                topic: String::new(),
                host_school_id: None,
                link: String::new(),
                speakers: Vec::new(),
            },
            time_zone,
        )?;
    }
    Ok((series_id, planned))
}

pub fn insert_series(tx: &Transaction, s: &SeriesDraft) -> StoreResult<Id> {
    if s.title.trim().is_empty() {
        return Err(StoreError::invalid(domain::ErrorField::Title, "Укажите название цикла вебинаров"));
    }
    tx.execute(
        "INSERT INTO webinar_series (plan_id, event_id, title, audience, organiser) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![s.plan_id, s.event_id, s.title.trim(), s.audience.trim(), s.organiser.trim()],
    )?;
    Ok(tx.last_insert_rowid())
}

/// A new session of the series from its form, in `time_zone`.
pub fn insert_webinar(tx: &Transaction, series_id: Id, w: &WebinarDraft, time_zone: &str) -> StoreResult<Id> {
    check(w)?;
    tx.execute(
        "INSERT INTO webinar (series_id, date, start_time, time_zone, duration_minutes, topic, host_school_id, link)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            series_id,
            w.date,
            w.start_time.map(|t| t.to_string()),
            time_zone,
            w.duration_minutes,
            w.topic.trim(),
            w.host_school_id,
            w.link.trim()
        ],
    )?;
    let id = tx.last_insert_rowid();
    insert_speakers(tx, id, &w.speakers)?;
    Ok(id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{district, Store};

    #[test]
    fn a_session_is_rewritten_from_the_form_and_speakers_join_the_district() {
        let mut store = Store::open_in_memory().unwrap();
        let rule = SessionRule {
            weekday: 4,
            start_time: TimeOfDay { hour: 15, minute: 0 },
            duration_minutes: 60,
            count: 1,
            from: NaiveDate::from_ymd_opt(2023, 3, 2).unwrap(),
        };
        let series = SeriesDraft { title: "Опыт наставников".into(), ..Default::default() };
        let (id, _) = store
            .change("Изменение", |tx| insert_series_by_rule(tx, &series, &rule, "Europe/Moscow"))
            .unwrap();
        let webinar_id = list(store.read()).unwrap()[0].webinars[0].id;
        let speaker = |name: &str| domain::SpeakerDraft {
            name: name.into(),
            position: "учитель математики".into(),
            organisation: "МОБУ лицей № 7".into(),
        };
        let draft = WebinarDraft {
            date: NaiveDate::from_ymd_opt(2023, 3, 9).unwrap(),
            start_time: Some(TimeOfDay { hour: 14, minute: 30 }),
            duration_minutes: Some(90),
            topic: " Смысловое чтение ".into(),
            host_school_id: None,
            link: "https://example.ru/w".into(),
            speakers: vec![speaker("Иванова А.А."), speaker(" "), speaker("Петров Б.Б.")],
        };
        store.change("Изменение", |tx| update(tx, webinar_id, &draft)).unwrap();
        let w = &list(store.read()).unwrap().into_iter().find(|s| s.id == id).unwrap().webinars[0];
        assert_eq!((w.date, w.start_time, w.duration_minutes), (draft.date, draft.start_time, Some(90)));
        assert_eq!(w.topic, "Смысловое чтение");
        let names: Vec<&str> = w.speakers.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["Иванова А.А.", "Петров Б.Б."]);
        let bad = WebinarDraft { duration_minutes: Some(0), topic: "другое".into(), ..draft.clone() };
        assert!(store.change("Изменение", |tx| update(tx, webinar_id, &bad)).is_err());
        assert_eq!(list(store.read()).unwrap()[0].webinars[0].topic, "Смысловое чтение");
        assert!(matches!(
            store.change("Изменение", |tx| update(tx, 999, &draft)),
            Err(StoreError::NotFound { .. })
        ));
    }

    #[test]
    fn a_series_by_rule_skips_holidays() {
        let mut store = Store::open_in_memory().unwrap();
        let rule = SessionRule {
            weekday: 3,
            start_time: TimeOfDay { hour: 15, minute: 0 },
            duration_minutes: 45,
            count: 3,
            from: NaiveDate::from_ymd_opt(2023, 3, 1).unwrap(),
        };
        let series =
            SeriesDraft { title: "Методические среды".into(), ..Default::default() };
        let (id, planned) = store
            .change("Изменение", |tx| insert_series_by_rule(tx, &series, &rule, "Europe/Moscow"))
            .unwrap();
        assert_eq!(planned.skipped[0].name, "Международный женский день");
        let s = list(store.read()).unwrap().into_iter().find(|s| s.id == id).unwrap();
        let days: Vec<String> = s.webinars.iter().map(|w| w.date.to_string()).collect();
        assert_eq!(days, ["2023-03-01", "2023-03-15", "2023-03-22"]);
        assert!(s
            .webinars
            .iter()
            .all(|w| w.start_time == Some(rule.start_time) && w.duration_minutes == Some(45)));
        let bad = SessionRule { count: 0, ..rule };
        assert!(matches!(
            store.change("Изменение", |tx| insert_series_by_rule(
                tx,
                &series,
                &bad,
                "Europe/Moscow"
            )),
            Err(StoreError::Invalid { field: Some(domain::ErrorField::Count), .. })
        ));
    }

    #[test]
    fn a_rescheduled_session_keeps_its_topic_and_time() {
        let mut store = Store::open_in_memory().unwrap();
        district::load(&mut store, &district::parse(district::DEMO).unwrap()).unwrap();
        let before = list(store.read()).unwrap()[0].webinars[0].clone();
        let day = NaiveDate::from_ymd_opt(2023, 4, 28).unwrap();
        store.change("Изменение", |tx| reschedule(tx, before.id, day, None)).unwrap();
        let after =
            list(store.read()).unwrap()[0].webinars.iter().find(|w| w.id == before.id).cloned().unwrap();
        assert_eq!((after.date, after.topic, after.start_time), (day, before.topic, before.start_time));
        let err = store.change("Изменение", |tx| reschedule(tx, 999, day, None)).unwrap_err();
        assert_eq!(err.to_string(), "Нет вебинара № 999");
    }
}
