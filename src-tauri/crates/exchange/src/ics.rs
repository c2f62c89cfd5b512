//! iCalendar (RFC 5545): webinar sessions at their times and roadmap events as all-day spans.
//!
//! UIDs are built from the kind and the row id («webinar-7@koordinator»), so exporting again
//! and importing into the same calendar updates the entries instead of duplicating them.
//! Times carry a TZID with its VTIMEZONE; lines are folded at 75 octets on character
//! boundaries and end with CRLF; text is escaped as the RFC says.

use chrono::{Days, NaiveDate, NaiveDateTime};

use crate::calendar::CalendarEntry;

/// A calendar to write: the time zone of the webinars' times and what goes in.
pub struct Calendar<'a> {
    pub name: &'a str,
    /// IANA name; Europe/Moscow (UTC+3, no summer time since 2014) is the default.
    pub time_zone: &'a str,
    pub entries: &'a [CalendarEntry],
    /// When the file is made (DTSTAMP), from the caller's clock.
    pub stamp: NaiveDateTime,
}

/// Fixed offsets of the zones Russian districts use (none of them changes with the seasons).
fn offset(zone: &str) -> Option<&'static str> {
    Some(match zone {
        "Europe/Kaliningrad" => "+0200",
        "Europe/Moscow" | "Europe/Simferopol" | "Europe/Kirov" | "Europe/Volgograd" => "+0300",
        "Europe/Samara" | "Europe/Astrakhan" | "Europe/Saratov" | "Europe/Ulyanovsk" => "+0400",
        "Asia/Yekaterinburg" => "+0500",
        "Asia/Omsk" => "+0600",
        "Asia/Novosibirsk" | "Asia/Barnaul" | "Asia/Tomsk" | "Asia/Novokuznetsk" | "Asia/Krasnoyarsk" => {
            "+0700"
        }
        "Asia/Irkutsk" => "+0800",
        "Asia/Chita" | "Asia/Yakutsk" | "Asia/Khandyga" => "+0900",
        "Asia/Vladivostok" | "Asia/Ust-Nera" => "+1000",
        "Asia/Magadan" | "Asia/Sakhalin" | "Asia/Srednekolymsk" => "+1100",
        "Asia/Kamchatka" | "Asia/Anadyr" => "+1200",
        _ => return None,
    })
}

/// The calendar as ICS text. A zone it does not know is an error (said in Russian).
pub fn write(cal: &Calendar) -> Result<String, String> {
    let tz_offset =
        offset(cal.time_zone).ok_or_else(|| format!("часовой пояс «{}» не поддерживается", cal.time_zone))?;
    let mut out = Lines::default();
    out.line("BEGIN:VCALENDAR");
    out.line("VERSION:2.0");
    out.line("PRODID:-//Koordinator//Koordinator//RU");
    out.line("CALSCALE:GREGORIAN");
    out.line(&format!("X-WR-CALNAME:{}", escape(cal.name)));
    out.line(&format!("X-WR-TIMEZONE:{}", cal.time_zone));
    out.line("BEGIN:VTIMEZONE");
    out.line(&format!("TZID:{}", cal.time_zone));
    out.line("BEGIN:STANDARD");
    out.line("DTSTART:19700101T000000");
    out.line(&format!("TZOFFSETFROM:{tz_offset}"));
    out.line(&format!("TZOFFSETTO:{tz_offset}"));
    out.line("END:STANDARD");
    out.line("END:VTIMEZONE");
    let stamp = cal.stamp.format("%Y%m%dT%H%M%SZ").to_string();
    for e in cal.entries {
        out.line("BEGIN:VEVENT");
        out.line(&format!("UID:{}@koordinator", e.uid));
        out.line(&format!("DTSTAMP:{stamp}"));
        match e.time {
            Some(t) => {
                let zone = e.time_zone.as_deref().filter(|z| offset(z).is_some()).unwrap_or(cal.time_zone);
                let start = e.start.format("%Y%m%d").to_string();
                out.line(&format!("DTSTART;TZID={zone}:{start}T{:02}{:02}00", t.hour, t.minute));
                out.line(&format!("DURATION:PT{}M", e.duration_minutes.unwrap_or(60)));
            }
            None => {
                // No time of day: an all-day entry over its days (DTEND is exclusive).
                out.line(&format!("DTSTART;VALUE=DATE:{}", e.start.format("%Y%m%d")));
                out.line(&format!("DTEND;VALUE=DATE:{}", next_day(e.end)));
            }
        }
        out.line(&format!("SUMMARY:{}", escape(&e.title)));
        out.line(&format!("DESCRIPTION:{}", escape(&e.description)));
        if !e.link.is_empty() {
            out.line(&format!("URL:{}", e.link));
        }
        out.line("END:VEVENT");
    }
    out.line("END:VCALENDAR");
    Ok(out.text)
}

fn next_day(d: NaiveDate) -> String {
    d.checked_add_days(Days::new(1)).unwrap_or(d).format("%Y%m%d").to_string()
}

/// RFC 5545 §3.3.11: backslash, semicolon, comma and new lines in TEXT values.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

#[derive(Default)]
struct Lines {
    text: String,
}

impl Lines {
    /// Appends a content line folded at 75 octets (never inside a UTF-8 character), CRLF-ended.
    fn line(&mut self, line: &str) {
        let mut width = 0;
        for c in line.chars() {
            let n = c.len_utf8();
            if width + n > 75 {
                self.text.push_str("\r\n ");
                width = 1;
            }
            self.text.push(c);
            width += n;
        }
        self.text.push_str("\r\n");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped() {
        assert_eq!(escape("a,b;c\\d\nе"), "a\\,b\\;c\\\\d\\nе");
    }

    #[test]
    fn long_lines_fold_at_75_octets_on_character_boundaries() {
        let mut l = Lines::default();
        l.line(&format!("SUMMARY:{}", "ж".repeat(100)));
        for line in l.text.split("\r\n").filter(|x| !x.is_empty()) {
            assert!(line.len() <= 75, "{} octets", line.len());
        }
        let unfolded = l.text.replace("\r\n ", "");
        assert_eq!(unfolded, format!("SUMMARY:{}\r\n", "ж".repeat(100)));
    }

    #[test]
    fn unknown_zones_are_refused() {
        let cal = Calendar {
            name: "x",
            time_zone: "Mars/Olympus",
            entries: &[],
            stamp: NaiveDate::from_ymd_opt(2023, 1, 1).unwrap().and_hms_opt(0, 0, 0).unwrap(),
        };
        assert!(write(&cal).unwrap_err().contains("Mars/Olympus"));
    }
}
