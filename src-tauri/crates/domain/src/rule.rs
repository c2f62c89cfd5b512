//! «по четвергам в 15:00, 5 раз»: the sessions of a webinar series by rule, public holidays
//! skipped.

use chrono::{Datelike, Days, NaiveDate};
use serde::{Deserialize, Serialize};
use timeframe::TimeOfDay;
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SessionRule {
    /// 1 = Monday … 7 = Sunday.
    pub weekday: u8,
    pub start_time: TimeOfDay,
    pub duration_minutes: u32,
    pub count: u32,
    /// The first day the series may start on.
    pub from: NaiveDate,
}

/// What a rule gives: the session days, and the holidays it stepped over.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RuleDates {
    pub dates: Vec<NaiveDate>,
    pub skipped: Vec<Holiday>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Holiday {
    pub date: NaiveDate,
    pub name: String,
}

impl SessionRule {
    /// Refuses what cannot make a series, in Russian, naming the field.
    pub fn check(&self) -> Result<(), (crate::ErrorField, String)> {
        if !(1..=7).contains(&self.weekday) {
            return Err((
                crate::ErrorField::Weekday,
                "День недели — число от 1 (понедельник) до 7 (воскресенье)".into(),
            ));
        }
        if !(1..=100).contains(&self.count) {
            return Err((crate::ErrorField::Count, "Число занятий — от 1 до 100".into()));
        }
        if !(1..=1440).contains(&self.duration_minutes) {
            return Err((crate::ErrorField::DurationMinutes, "Длительность — от 1 до 1440 минут".into()));
        }
        Ok(())
    }

    /// The last day the rule can reach, for asking which holidays lie in between (every
    /// session could fall on a holiday, so twice the weeks, plus the first one).
    pub fn horizon(&self) -> NaiveDate {
        self.from.checked_add_days(Days::new(u64::from(self.count) * 14 + 7)).unwrap_or(self.from)
    }

    /// The session days: every matching weekday from `from` on that is not a holiday.
    pub fn dates(&self, holidays: &[Holiday]) -> RuleDates {
        let mut out = RuleDates { dates: Vec::new(), skipped: Vec::new() };
        let Ok(()) = self.check() else { return out };
        let shift =
            (7 + i64::from(self.weekday) - 1 - i64::from(self.from.weekday().num_days_from_monday())) % 7;
        let mut day = self.from.checked_add_days(Days::new(shift as u64));
        while let Some(d) = day {
            if out.dates.len() as u32 == self.count || d > self.horizon() {
                break;
            }
            match holidays.iter().find(|h| h.date == d) {
                Some(h) => out.skipped.push(h.clone()),
                None => out.dates.push(d),
            }
            day = d.checked_add_days(Days::new(7));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn rule(weekday: u8, count: u32, from: &str) -> SessionRule {
        SessionRule {
            weekday,
            start_time: TimeOfDay { hour: 15, minute: 0 },
            duration_minutes: 60,
            count,
            from: d(from),
        }
    }

    #[test]
    fn thursdays_from_a_wednesday() {
        let got = rule(4, 5, "2023-03-01").dates(&[]);
        let days: Vec<String> = got.dates.iter().map(|x| x.to_string()).collect();
        assert_eq!(days, ["2023-03-02", "2023-03-09", "2023-03-16", "2023-03-23", "2023-03-30"]);
    }

    #[test]
    fn holidays_are_stepped_over_and_reported() {
        let holidays = [Holiday {
            date: d("2023-03-08"), name: "Международный женский день".into()
        }];
        let got = rule(3, 3, "2023-03-01").dates(&holidays);
        let days: Vec<String> = got.dates.iter().map(|x| x.to_string()).collect();
        assert_eq!(days, ["2023-03-01", "2023-03-15", "2023-03-22"]);
        assert_eq!(got.skipped, holidays);
    }

    #[test]
    fn a_bad_rule_names_its_field() {
        assert_eq!(rule(8, 5, "2023-03-01").check().unwrap_err().0, crate::ErrorField::Weekday);
        assert_eq!(rule(1, 0, "2023-03-01").check().unwrap_err().0, crate::ErrorField::Count);
        assert!(rule(8, 5, "2023-03-01").dates(&[]).dates.is_empty());
    }
}
