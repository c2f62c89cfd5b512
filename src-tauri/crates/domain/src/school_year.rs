//! The school year (учебный год), 1 September to 31 August, named by the year it starts in.
//!
//! The one rule for yearly data: a school's category recorded for year Y (the ШНОР list «2022»)
//! is its category in school year Y/Y+1, and everything shown «by year» about schools and
//! mentoring — pairings, their conflicts, the schools a plan works with — is by school year.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A school year for the window: its number (the year it starts), «2022/23 учебный год»,
/// «в 2022/23 учебном году» and its first and last day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SchoolYear {
    pub year: i32,
    pub label: String,
    pub during: String,
    pub start: NaiveDate,
    pub end: NaiveDate,
}

impl SchoolYear {
    pub fn new(year: i32) -> SchoolYear {
        let short = (year + 1).rem_euclid(100);
        SchoolYear {
            year,
            label: format!("{year}/{short:02} учебный год"),
            during: format!("в {year}/{short:02} учебном году"),
            start: NaiveDate::from_ymd_opt(year, 9, 1).unwrap_or(NaiveDate::MIN),
            end: NaiveDate::from_ymd_opt(year + 1, 8, 31).unwrap_or(NaiveDate::MAX),
        }
    }

    /// The school year `date` falls in: September onwards belongs to the year just begun.
    pub fn of(date: NaiveDate) -> SchoolYear {
        SchoolYear::new(school_year_of(date))
    }

    /// Whether the period `start..=end` has a day in this school year.
    pub fn touches(&self, start: NaiveDate, end: NaiveDate) -> bool {
        start <= self.end && end >= self.start
    }
}

/// The number of the school year `date` falls in.
pub fn school_year_of(date: NaiveDate) -> i32 {
    if date.month() >= 9 {
        date.year()
    } else {
        date.year() - 1
    }
}

/// The school years to offer for data whose years (categories recorded, pairings' school years)
/// are `known`: from the earliest to the next after the latest, and always the current one and
/// the next, so a coordinator can plan ahead. Newest first.
pub fn school_years(known: impl IntoIterator<Item = i32>, today: NaiveDate) -> Vec<SchoolYear> {
    let current = school_year_of(today);
    let mut lo = current;
    let mut hi = current + 1;
    for y in known {
        lo = lo.min(y);
        hi = hi.max(y + 1);
    }
    (lo..=hi).rev().map(SchoolYear::new).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn september_starts_the_school_year() {
        assert_eq!(school_year_of(d(2023, 8, 31)), 2022);
        assert_eq!(school_year_of(d(2023, 9, 1)), 2023);
        assert_eq!(school_year_of(d(2023, 2, 16)), 2022);
        let y = SchoolYear::new(2022);
        assert_eq!(y.label, "2022/23 учебный год");
        assert_eq!(y.during, "в 2022/23 учебном году");
        assert_eq!((y.start, y.end), (d(2022, 9, 1), d(2023, 8, 31)));
        assert_eq!(SchoolYear::new(2099).label, "2099/00 учебный год");
    }

    #[test]
    fn a_period_touches_the_school_years_it_has_days_in() {
        let y = SchoolYear::new(2022);
        assert!(y.touches(d(2023, 2, 16), d(2023, 8, 31)));
        assert!(y.touches(d(2022, 1, 1), d(2022, 9, 1)));
        assert!(!y.touches(d(2022, 1, 1), d(2022, 8, 31)));
        assert!(!y.touches(d(2023, 9, 1), d(2024, 8, 31)));
    }

    #[test]
    fn offered_years_run_from_the_data_to_the_next_year() {
        let years: Vec<i32> = school_years([2022, 2020], d(2026, 12, 2)).iter().map(|y| y.year).collect();
        assert_eq!(years, [2027, 2026, 2025, 2024, 2023, 2022, 2021, 2020]);
        let years: Vec<i32> = school_years([], d(2026, 3, 1)).iter().map(|y| y.year).collect();
        assert_eq!(years, [2026, 2025]);
    }
}
