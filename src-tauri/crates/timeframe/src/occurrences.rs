//! Where a timeframe shows on a calendar: its spans, with recurring ones expanded.

use chrono::{Datelike, Days, Months, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::{Kind, Part, Recurrence, Timeframe};

/// Days from `start` to `end`, both included.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Span {
    pub start: NaiveDate,
    pub end: NaiveDate,
}

impl Timeframe {
    /// The spans to draw: a deadline on its day, a recurring timeframe once per week, month,
    /// quarter, half-year or year of its span (cut to the span), a `free` one nowhere.
    pub fn occurrences(&self) -> Vec<Span> {
        let mut out = Vec::new();
        for part in &self.parts {
            part_occurrences(part, &mut out);
        }
        out
    }
}

fn part_occurrences(part: &Part, out: &mut Vec<Span>) {
    let Some(end) = part.end else { return };
    if part.kind == Kind::Until {
        out.push(Span { start: end, end });
        return;
    }
    let Some(start) = part.start else { return };
    let Some(rec) = part.recurrence else {
        out.push(Span { start, end });
        return;
    };
    let mut cursor = unit_start(start, rec);
    while cursor <= end {
        let Some(next) = advance(cursor, rec) else {
            break;
        };
        let last = next.pred_opt().unwrap_or(next);
        out.push(Span { start: cursor.max(start), end: last.min(end) });
        cursor = next;
    }
}

fn unit_start(d: NaiveDate, rec: Recurrence) -> NaiveDate {
    let month_start = |m: u32| NaiveDate::from_ymd_opt(d.year(), m, 1).unwrap_or(d);
    match rec {
        Recurrence::Weekly => d - Days::new(u64::from(d.weekday().num_days_from_monday())),
        Recurrence::Monthly => month_start(d.month()),
        Recurrence::Quarterly => month_start((d.month() - 1) / 3 * 3 + 1),
        Recurrence::HalfYearly => month_start((d.month() - 1) / 6 * 6 + 1),
        Recurrence::Yearly => month_start(1),
    }
}

fn advance(d: NaiveDate, rec: Recurrence) -> Option<NaiveDate> {
    match rec {
        Recurrence::Weekly => d.checked_add_days(Days::new(7)),
        Recurrence::Monthly => d.checked_add_months(Months::new(1)),
        Recurrence::Quarterly => d.checked_add_months(Months::new(3)),
        Recurrence::HalfYearly => d.checked_add_months(Months::new(6)),
        Recurrence::Yearly => d.checked_add_months(Months::new(12)),
    }
}
