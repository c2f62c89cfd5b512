//! The `webinar_series`, `webinar` and `webinar_speaker` tables.

use chrono::NaiveDate;
use domain::{Id, TimeOfDay, Webinar, WebinarSeries};
use rusqlite::{params, Connection, Transaction};

use crate::{executor, json_column, StoreError, StoreResult};

#[derive(Debug, Clone, Default)]
pub struct NewSeries {
    pub plan_id: Option<Id>,
    pub event_id: Option<Id>,
    pub title: String,
    pub audience: String,
    pub organiser: String,
}

#[derive(Debug, Clone)]
pub struct NewWebinar {
    pub date: NaiveDate,
    pub start_time: Option<TimeOfDay>,
    pub time_zone: String,
    pub duration_minutes: Option<u32>,
    pub topic: String,
    pub host_school_id: Option<Id>,
    pub link: String,
    pub speaker_ids: Vec<Id>,
}

/// Every series with its sessions by date.
pub fn list(conn: &Connection) -> StoreResult<Vec<WebinarSeries>> {
    let mut stmt = conn.prepare(
        "SELECT id, plan_id, event_id, title, audience, organiser FROM webinar_series ORDER BY id",
    )?;
    let mut series: Vec<WebinarSeries> = stmt
        .query_map([], |r| {
            Ok(WebinarSeries {
                id: r.get(0)?,
                plan_id: r.get(1)?,
                event_id: r.get(2)?,
                title: r.get(3)?,
                audience: r.get(4)?,
                organiser: r.get(5)?,
                webinars: Vec::new(),
            })
        })?
        .collect::<Result<_, _>>()?;
    let mut sessions = conn.prepare(
        "SELECT id, date, json_quote(start_time), time_zone, duration_minutes, topic, host_school_id, link
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
                    id: r.get(0)?,
                    date: r.get(1)?,
                    start_time: json_column(r, 2)?,
                    time_zone: r.get(3)?,
                    duration_minutes: r.get(4)?,
                    topic: r.get(5)?,
                    host_school_id: r.get(6)?,
                    link: r.get(7)?,
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

pub fn insert_series(tx: &Transaction, s: &NewSeries) -> StoreResult<Id> {
    if s.title.trim().is_empty() {
        return Err(StoreError::invalid("title", "Укажите название цикла вебинаров"));
    }
    tx.execute(
        "INSERT INTO webinar_series (plan_id, event_id, title, audience, organiser) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![s.plan_id, s.event_id, s.title.trim(), s.audience.trim(), s.organiser.trim()],
    )?;
    Ok(tx.last_insert_rowid())
}

pub fn insert_webinar(tx: &Transaction, series_id: Id, w: &NewWebinar) -> StoreResult<Id> {
    tx.execute(
        "INSERT INTO webinar (series_id, date, start_time, time_zone, duration_minutes, topic, host_school_id, link)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            series_id,
            w.date,
            w.start_time.map(|t| t.to_string()),
            w.time_zone,
            w.duration_minutes,
            w.topic.trim(),
            w.host_school_id,
            w.link.trim()
        ],
    )?;
    let id = tx.last_insert_rowid();
    let mut stmt = tx.prepare(
        "INSERT OR IGNORE INTO webinar_speaker (webinar_id, executor_id, position) VALUES (?1, ?2, ?3)",
    )?;
    for (i, s) in w.speaker_ids.iter().enumerate() {
        stmt.execute(params![id, s, i as i64])?;
    }
    Ok(id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{district, Store};

    #[test]
    fn a_rescheduled_session_keeps_its_topic_and_time() {
        let mut store = Store::open_in_memory().unwrap();
        district::load(&mut store, &district::parse(district::DEMO).unwrap()).unwrap();
        let before = list(store.read()).unwrap()[0].webinars[0].clone();
        let day = NaiveDate::from_ymd_opt(2023, 4, 28).unwrap();
        store.write(|tx| reschedule(tx, before.id, day, None)).unwrap();
        let after =
            list(store.read()).unwrap()[0].webinars.iter().find(|w| w.id == before.id).cloned().unwrap();
        assert_eq!((after.date, after.topic, after.start_time), (day, before.topic, before.start_time));
        let err = store.write(|tx| reschedule(tx, 999, day, None)).unwrap_err();
        assert_eq!(err.to_string(), "Нет вебинара № 999");
    }
}
