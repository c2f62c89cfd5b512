//! Webinar sessions that need a second look: flagged, never forbidden.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{Holiday, Id, Plan, Webinar, WebinarSeries};

/// Why a session needs a second look, in Russian.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Conflict {
    pub webinar_id: Id,
    pub message: String,
}

/// Minutes from midnight to the session's end; a session without a time has no span.
fn span(w: &Webinar) -> Option<(NaiveDate, u32, u32)> {
    let t = w.start_time?;
    let start = u32::from(t.hour) * 60 + u32::from(t.minute);
    Some((w.date, start, start + w.duration_minutes.unwrap_or(60)))
}

/// Overlapping sessions, speakers in two places at once, sessions outside their plan's period
/// or on a holiday.
pub fn webinar_conflicts(series: &[WebinarSeries], plans: &[Plan], holidays: &[Holiday]) -> Vec<Conflict> {
    let mut out = Vec::new();
    let sessions: Vec<(&WebinarSeries, &Webinar)> =
        series.iter().flat_map(|s| s.webinars.iter().map(move |w| (s, w))).collect();
    for (s, w) in &sessions {
        let mut say = |message: String| out.push(Conflict { webinar_id: w.id, message });
        if let Some(h) = holidays.iter().find(|h| h.date == w.date) {
            say(format!("в праздничный день ({})", h.name));
        }
        if let Some(p) = s.plan_id.and_then(|id| plans.iter().find(|p| p.id == id)) {
            if w.date < p.period.start || w.date > p.period.end {
                say(format!(
                    "вне периода дорожной карты ({} — {})",
                    crate::ru_date(p.period.start),
                    crate::ru_date(p.period.end)
                ));
            }
        }
        let Some((day, a0, a1)) = span(w) else { continue };
        for (other_series, o) in &sessions {
            if o.id == w.id {
                continue;
            }
            let Some((other_day, b0, b1)) = span(o) else { continue };
            if other_day != day || a1 <= b0 || b1 <= a0 {
                continue;
            }
            say(format!(
                "пересекается по времени с вебинаром цикла {}",
                crate::text::quoted(&other_series.title)
            ));
            for speaker in w.speakers.iter().filter(|x| o.speakers.iter().any(|y| y.id == x.id)) {
                say(format!("{} выступает в это же время в другом вебинаре", speaker.name));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Executor, ExecutorKind, Period, TimeOfDay};

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn session(id: Id, date: &str, hour: u8, speaker: Option<Id>) -> Webinar {
        Webinar {
            id,
            date: d(date),
            start_time: Some(TimeOfDay { hour, minute: 0 }),
            time_zone: "Europe/Moscow".into(),
            duration_minutes: Some(90),
            topic: String::new(),
            host_school_id: None,
            link: String::new(),
            speakers: speaker
                .map(|id| Executor {
                    id,
                    kind: ExecutorKind::Person,
                    name: "Земляненко Н.В.".into(),
                    position: String::new(),
                    organisation: String::new(),
                })
                .into_iter()
                .collect(),
        }
    }

    fn series(id: Id, title: &str, webinars: Vec<Webinar>) -> WebinarSeries {
        WebinarSeries {
            id,
            plan_id: Some(1),
            event_id: None,
            title: title.into(),
            audience: String::new(),
            organiser: String::new(),
            webinars,
        }
    }

    fn plan() -> Plan {
        Plan {
            id: 1,
            title: "План".into(),
            period: Period { start: d("2022-09-01"), end: d("2023-08-31") },
            issuer: String::new(),
            coordinator: None,
            goal: String::new(),
            tasks: vec![],
            approving_order_id: None,
        }
    }

    #[test]
    fn overlaps_and_double_booked_speakers_are_flagged_both_ways() {
        let s = [
            series(1, "Первый", vec![session(1, "2023-03-02", 15, Some(7))]),
            series(
                2,
                "Второй",
                vec![session(2, "2023-03-02", 16, Some(7)), session(3, "2023-03-02", 17, None)],
            ),
        ];
        let c = webinar_conflicts(&s, &[plan()], &[]);
        let of = |id| c.iter().filter(|x| x.webinar_id == id).map(|x| x.message.clone()).collect::<Vec<_>>();
        assert_eq!(
            of(1),
            [
                "пересекается по времени с вебинаром цикла «Второй»",
                "Земляненко Н.В. выступает в это же время в другом вебинаре"
            ]
        );
        // 16:00–17:30 and 17:00–18:30 overlap; 15:00–16:30 and 17:00 do not.
        assert_eq!(of(3), ["пересекается по времени с вебинаром цикла «Второй»"]);
        assert_eq!(of(2).len(), 3);
    }

    #[test]
    fn holidays_and_days_outside_the_plan_are_flagged() {
        let s = [series(
            1,
            "Первый",
            vec![session(1, "2023-05-09", 15, None), session(2, "2023-09-07", 15, None)],
        )];
        let holidays = [Holiday { date: d("2023-05-09"), name: "День Победы".into() }];
        let c = webinar_conflicts(&s, &[plan()], &holidays);
        assert_eq!(c.len(), 2);
        assert_eq!(c[0].message, "в праздничный день (День Победы)");
        assert!(c[1].message.starts_with("вне периода дорожной карты (01.09.2022 — 31.08.2023)"));
    }
}
