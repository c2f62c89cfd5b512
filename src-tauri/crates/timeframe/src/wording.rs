//! The words a coordinator would write for a span of days: what the timeline offers when a
//! bar is dragged to new dates. Whole months and quarters are named («март – апрель 2023 г.»,
//! «I квартал 2023 г.»), other spans given by dates; the text reads back as the same span.

use chrono::{Datelike, NaiveDate};

use crate::resolve::ru;

const MONTHS: [&str; 12] = [
    "январь",
    "февраль",
    "март",
    "апрель",
    "май",
    "июнь",
    "июль",
    "август",
    "сентябрь",
    "октябрь",
    "ноябрь",
    "декабрь",
];
const QUARTERS: [&str; 4] = ["I", "II", "III", "IV"];

fn month(d: NaiveDate) -> &'static str {
    MONTHS[d.month0() as usize]
}

fn last_of_month(d: NaiveDate) -> bool {
    d.succ_opt().is_none_or(|n| n.month() != d.month())
}

/// The timeframe text for the days `start..=end` (swapped when given backwards).
pub fn wording(start: NaiveDate, end: NaiveDate) -> String {
    let (start, end) = if end < start { (end, start) } else { (start, end) };
    if start == end {
        return ru(start);
    }
    if start.day() != 1 || !last_of_month(end) {
        return format!("с {} по {}", ru(start), ru(end));
    }
    let (y1, y2) = (start.year(), end.year());
    let same_month = y1 == y2 && start.month() == end.month();
    if same_month {
        return format!("{} {y1} г.", capitalised(month(start)));
    }
    if y1 == y2 && start.month0() % 3 == 0 && end.month0() == start.month0() + 2 {
        return format!("{} квартал {y1} г.", QUARTERS[start.month0() as usize / 3]);
    }
    if y1 == y2 {
        return format!("{} – {} {y1} г.", capitalised(month(start)), month(end));
    }
    format!("{} {y1} г. – {} {y2} г.", capitalised(month(start)), month(end))
}

/// The new wording for a timeframe whose dates were moved (a timeline bar dragged), keeping
/// what the old text says besides its dates: its notes in parentheses («(приказ … № 391)») and
/// a last clause after a comma that names no time («, по согласованию с МО»).
pub fn reworded(old: &str, start: NaiveDate, end: NaiveDate) -> String {
    let mut out = wording(start, end);
    let mut depth = 0usize;
    let mut note = String::new();
    let mut outside = String::new();
    for c in old.chars() {
        match c {
            '(' => {
                depth += 1;
                note.push(c);
            }
            ')' if depth > 0 => {
                depth -= 1;
                note.push(c);
                if depth == 0 {
                    out.push(' ');
                    out.push_str(note.trim());
                    note.clear();
                }
            }
            _ if depth > 0 => note.push(c),
            _ => outside.push(c),
        }
    }
    if let Some((_, clause)) = outside.rsplit_once([',', ';']) {
        let clause = clause.trim();
        let day = |y| NaiveDate::from_ymd_opt(y, 1, 1).unwrap_or_default();
        let wide = crate::Period {
            start: day(*crate::Period::YEARS.start()),
            end: day(*crate::Period::YEARS.end()),
        };
        let timeless = crate::parse(clause, &wide);
        if !clause.is_empty()
            && timeless.start.is_none()
            && timeless.end.is_none()
            && timeless.parts.is_empty()
        {
            out = format!("{out}, {clause}");
        }
    }
    out
}

fn capitalised(word: &str) -> String {
    let mut c = word.chars();
    c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{parse, Period};

    #[test]
    fn a_moved_timeframe_keeps_its_notes_and_conditions() {
        let d = |m, day| NaiveDate::from_ymd_opt(2023, m, day).unwrap();
        assert_eq!(
            reworded("Апрель - май 2023 г. (приказ Управления образования № 391)", d(4, 1), d(6, 30)),
            "II квартал 2023 г. (приказ Управления образования № 391)"
        );
        assert_eq!(
            reworded("до 10 марта 2023 г., по согласованию с методическим объединением", d(3, 1), d(3, 31)),
            "Март 2023 г., по согласованию с методическим объединением"
        );
        // A clause that is itself a time is replaced with the rest of the dates.
        assert_eq!(reworded("февраль, март 2023 г.", d(4, 1), d(4, 30)), "Апрель 2023 г.");
        assert_eq!(reworded("март 2023 г.", d(4, 1), d(4, 30)), "Апрель 2023 г.");
    }

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn spans_are_named_as_a_person_would_and_read_back_the_same() {
        let period: Period = "2022-09-01..2024-08-31".parse().unwrap();
        for (start, end, text) in [
            ("2023-03-10", "2023-03-10", "10.03.2023"),
            ("2023-03-01", "2023-03-31", "Март 2023 г."),
            ("2023-01-01", "2023-03-31", "I квартал 2023 г."),
            ("2023-03-01", "2023-04-30", "Март – апрель 2023 г."),
            ("2022-11-01", "2023-01-31", "Ноябрь 2022 г. – январь 2023 г."),
            ("2023-03-10", "2023-04-15", "с 10.03.2023 по 15.04.2023"),
            ("2023-04-15", "2023-03-10", "с 10.03.2023 по 15.04.2023"),
            ("2024-02-01", "2024-02-29", "Февраль 2024 г."),
        ] {
            let text_for = wording(d(start), d(end));
            assert_eq!(text_for, text);
            let read = parse(&text_for, &period);
            let (s, e) = if d(start) <= d(end) { (start, end) } else { (end, start) };
            assert_eq!((read.start, read.end), (Some(d(s)), Some(d(e))), "«{text_for}»: {:?}", read.warnings);
        }
    }
}
