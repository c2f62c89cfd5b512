//! Layer 2: places what the text says in the plan's period.

use chrono::{Datelike, Days, NaiveDate};

use crate::literal::{Item, Literal, Point, Unit};
use crate::words::MONTHS_GENITIVE;
use crate::{Kind, Part, Period, Timeframe};

pub(crate) fn resolve(text: &str, lit: Literal, period: &Period) -> Timeframe {
    let mut warnings = Vec::new();
    let mut parts = Vec::with_capacity(lit.items.len());
    let mut failures = Vec::new();
    for item in &lit.items {
        match part(item, period, &mut warnings) {
            Ok(p) => parts.push(p),
            Err(reason) => failures.push(reason),
        }
    }
    if !lit.unknown.is_empty() {
        let words: Vec<String> = lit.unknown.iter().map(|w| format!("«{w}»")).collect();
        warnings.push(format!("не распознаны слова: {}", words.join(", ")));
    }
    if lit.items.is_empty() && lit.unknown.is_empty() {
        failures.push("срок не указан".into());
    } else if lit.items.is_empty() {
        failures.push("в тексте нет даты, месяца или периода".into());
    }
    if !failures.is_empty() {
        let mut all: Vec<String> =
            failures.into_iter().map(|f| format!("Не удалось определить срок: {f}")).collect();
        all.extend(warnings);
        return free(text, all);
    }
    for p in &parts {
        out_of_period_warning(p, period, &mut warnings);
    }
    let (kind, time, recurrence) = match &parts[..] {
        [one] => (one.kind, one.time, one.recurrence),
        _ => (Kind::Multiple, None, None),
    };
    let span = (parts.iter().filter_map(|p| p.start).min(), parts.iter().filter_map(|p| p.end).max());
    Timeframe::new(text.to_owned(), kind, span, parts, time, recurrence, warnings)
}

fn free(text: &str, warnings: Vec<String>) -> Timeframe {
    Timeframe::new(text.to_owned(), Kind::Free, (None, None), Vec::new(), None, None, warnings)
}

fn part(item: &Item, period: &Period, warnings: &mut Vec<String>) -> Result<Part, String> {
    let placed = |kind, (start, end): (NaiveDate, NaiveDate)| Part {
        kind,
        start: Some(start),
        end: Some(end),
        time: None,
        recurrence: None,
    };
    Ok(match item {
        Item::At(point, time) => {
            let span = place(point, period, warnings)?;
            let kind = match point {
                Point::Day { .. } if time.is_some() => Kind::Datetime,
                Point::Day { .. } => Kind::Date,
                Point::Month { .. } => Kind::Month,
                Point::Quarter { .. } => Kind::Quarter,
                Point::Half { .. } => Kind::HalfYear,
                _ => Kind::Range,
            };
            Part { time: *time, ..placed(kind, span) }
        }
        Item::Range(a, b) => {
            let (start, a_end) = place(a, period, warnings)?;
            let yearless = a.year().is_none() && b.year().is_none();
            let b = if yearless { b.with_year(start.year()) } else { *b };
            let (_, mut end) = span(&b)?;
            if end < a_end && yearless {
                // Neither side names a year and the end comes first in the year: it crosses.
                end = span(&b.with_year(start.year() + 1))?.1;
            }
            if end < start {
                return Err(format!("конец срока ({}) раньше его начала ({})", ru(end), ru(start)));
            }
            placed(Kind::Range, (start, end))
        }
        Item::Until { point, end_of } => {
            let (start, end) = place(point, period, warnings)?;
            let end = match point {
                Point::Day { .. } => end,
                _ if *end_of => end,
                _ => start.pred_opt().ok_or("дата вне допустимого диапазона")?,
            };
            Part { start: None, ..placed(Kind::Until, (end, end)) }
        }
        Item::Since(point) => {
            let (start, _) = place(point, period, warnings)?;
            placed(Kind::Range, (start, period.end.max(start)))
        }
        Item::UntilEndOf(unit) => {
            let end = end_of_unit(*unit, period)?;
            Part { start: None, ..placed(Kind::Until, (end, end)) }
        }
        Item::Continuous(None) => placed(Kind::Continuous, (period.start, period.end)),
        Item::Continuous(Some(point)) => placed(Kind::Continuous, span(point)?),
        Item::Recurring(r) => {
            Part { recurrence: Some(*r), ..placed(Kind::Recurring, (period.start, period.end)) }
        }
        Item::Free(reason) => return Err(reason.clone()),
    })
}

/// Places a point, choosing the year when the text gives none: the first occurrence that falls
/// in the plan's period, else the nearest one (with a warning).
fn place(
    point: &Point,
    period: &Period,
    warnings: &mut Vec<String>,
) -> Result<(NaiveDate, NaiveDate), String> {
    let point = match point {
        Point::Half { n, year: None, academic: None } if period.is_academic() => {
            let first = period.start.year();
            &Point::Half { n: *n, year: None, academic: Some(first) }
        }
        p => p,
    };
    if point.year().is_some() {
        return span(point);
    }
    if let Point::Bare(n) = point {
        return Err(format!("у числа «{n}» не указан месяц"));
    }
    let (first, last) = (period.start.year(), period.end.year());
    let mut first_error = None;
    let mut inside = Vec::new();
    for y in first..=last {
        match span(&point.with_year(y)) {
            Ok(s) if s.1 >= period.start && s.0 <= period.end => inside.push(s),
            Ok(_) => {}
            Err(e) => {
                first_error.get_or_insert(e);
            }
        }
    }
    if let Some(&s) = inside.first() {
        // A plan over several years has this month or quarter in each: never a silent guess.
        if inside.len() > 1 {
            warnings.push(format!(
                "год не указан, а план охватывает несколько лет: взят {} год; укажите год",
                s.0.year()
            ));
        }
        return Ok(s);
    }
    let distance = |s: (NaiveDate, NaiveDate)| {
        if s.1 < period.start {
            (period.start - s.1).num_days()
        } else {
            (s.0 - period.end).num_days()
        }
    };
    let nearest =
        (first - 1..=last + 1).filter_map(|y| span(&point.with_year(y)).ok()).min_by_key(|s| distance(*s));
    match nearest {
        Some(s) => {
            warnings.push(format!(
                "год не указан, а в период плана ({} — {}) срок не попадает: взят {} год",
                ru(period.start),
                ru(period.end),
                s.0.year()
            ));
            Ok(s)
        }
        None => Err(first_error.unwrap_or_else(|| "несуществующая дата".into())),
    }
}

/// The days a point with a year covers.
fn span(point: &Point) -> Result<(NaiveDate, NaiveDate), String> {
    let year = point.year().ok_or("не указан год")?;
    if !(1900..=2200).contains(&year) {
        return Err(format!("год {year} вне допустимого диапазона"));
    }
    match *point {
        Point::Bare(n) => Err(format!("у числа «{n}» не указан месяц")),
        Point::Day { day, month: Some(m), .. } => {
            let bad = || format!("несуществующая дата: {day} {}", genitive(m));
            if !(1..=12).contains(&m) {
                return Err(format!("несуществующая дата: месяца {m} нет"));
            }
            let d = NaiveDate::from_ymd_opt(year, m, day).ok_or_else(bad)?;
            Ok((d, d))
        }
        Point::Day { day, month: None, .. } => Err(format!("у числа «{day}» не указан месяц")),
        Point::Month { month, .. } => months(year, month, month),
        Point::Quarter { n, .. } if (1..=4).contains(&n) => months(year, 3 * n - 2, 3 * n),
        Point::Quarter { n, .. } => Err(format!("квартала с номером {n} нет")),
        Point::Half { n: 1, academic: Some(a), .. } => months(a, 9, 12),
        Point::Half { n: 2, academic: Some(a), .. } => months(a + 1, 1, 5),
        Point::Half { n, .. } if (1..=2).contains(&n) => months(year, 6 * n - 5, 6 * n),
        Point::Half { n, .. } => Err(format!("полугодия с номером {n} нет")),
        Point::Year(y) => months(y, 1, 12),
        Point::AcademicYear(y) => {
            let (start, _) = months(y, 9, 9)?;
            let (_, end) = months(y + 1, 8, 8)?;
            Ok((start, end))
        }
    }
}

fn months(year: i32, first: u32, last: u32) -> Result<(NaiveDate, NaiveDate), String> {
    let bad = || format!("месяц {first}–{last} {year} года вне допустимого диапазона");
    let start = NaiveDate::from_ymd_opt(year, first, 1).ok_or_else(bad)?;
    let end = NaiveDate::from_ymd_opt(year, last, 1)
        .and_then(|d| d.checked_add_months(chrono::Months::new(1)))
        .and_then(|d| d.checked_sub_days(Days::new(1)))
        .ok_or_else(bad)?;
    Ok((start, end))
}

/// «до конца года/полугодия/квартала/месяца/учебного года», counted from the plan's start.
fn end_of_unit(unit: Unit, period: &Period) -> Result<NaiveDate, String> {
    let s = period.start;
    let (y, m) = (s.year(), s.month());
    let end = match unit {
        Unit::Year => months(y, 12, 12)?.1,
        Unit::AcademicYear => months(if m >= 9 { y + 1 } else { y }, 8, 8)?.1,
        Unit::Half => months(y, if m <= 6 { 6 } else { 12 }, if m <= 6 { 6 } else { 12 })?.1,
        Unit::Quarter => {
            let q_last = m.div_ceil(3) * 3;
            months(y, q_last, q_last)?.1
        }
        Unit::Month => months(y, m, m)?.1,
        Unit::Plan => period.end,
    };
    Ok(end)
}

fn out_of_period_warning(p: &Part, period: &Period, warnings: &mut Vec<String>) {
    let before = p.start.unwrap_or(period.start) < period.start || p.end.is_some_and(|e| e < period.start);
    let after = p.end.is_some_and(|e| e > period.end);
    if before || after {
        let span = match (p.start, p.end) {
            (Some(a), Some(b)) if a == b => ru(a),
            (Some(a), Some(b)) => format!("{} — {}", ru(a), ru(b)),
            (None, Some(b)) => format!("до {}", ru(b)),
            _ => return,
        };
        let warning =
            format!("срок {span} выходит за период плана ({} — {})", ru(period.start), ru(period.end));
        if !warnings.contains(&warning) {
            warnings.push(warning);
        }
    }
}

pub(crate) fn ru(d: NaiveDate) -> String {
    d.format("%d.%m.%Y").to_string()
}

fn genitive(month: u32) -> &'static str {
    MONTHS_GENITIVE[(month.clamp(1, 12) - 1) as usize]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_know_their_last_day() {
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        assert_eq!(months(2024, 2, 2), Ok((d(2024, 2, 1), d(2024, 2, 29))));
        assert_eq!(months(2023, 10, 12), Ok((d(2023, 10, 1), d(2023, 12, 31))));
    }

    #[test]
    fn absurd_years_are_refused_not_panicked_on() {
        assert!(span(&Point::Year(999_999)).is_err());
        assert!(span(&Point::Day { day: 1, month: Some(1), year: Some(i32::MAX) }).is_err());
    }
}
