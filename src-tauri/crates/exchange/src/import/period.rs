//! The plan's period from the document itself: what its title says («на 2022-2023 учебный
//! год», «в 2016 году», «в 2021 - 2025 годах»), else the span of the dates in its timeframes,
//! else the academic year that contains `today`.

use chrono::{Datelike, NaiveDate};
use domain::Period;

/// A period and why it was taken, for the preview.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub period: Period,
    pub reason: String,
}

const FIRST_YEAR: i32 = 1990;
const LAST_YEAR: i32 = 2100;

/// Reads the period from the `lines` above the table (the nearest to the table first: the
/// plan's own title says more than the order that approved it), then from the `headers`
/// («Сроки выполнения: 2011 - 2013 гг.»), else from the `timeframes` texts.
pub fn detect(lines: &[String], headers: &[String], timeframes: &[&str], today: NaiveDate) -> Found {
    for line in lines.iter().rev().chain(headers) {
        if let Some(found) = from_words(line) {
            return found;
        }
    }
    if let Some(found) = from_dates(timeframes) {
        return found;
    }
    let first = if today.month() >= 9 { today.year() } else { today.year() - 1 };
    Found {
        period: academic(first),
        reason: "в документе период не указан: взят текущий учебный год — проверьте".into(),
    }
}

fn academic(first: i32) -> Period {
    Period {
        start: NaiveDate::from_ymd_opt(first, 9, 1).unwrap_or_default(),
        end: NaiveDate::from_ymd_opt(first + 1, 8, 31).unwrap_or_default(),
    }
}

fn years(first: i32, last: i32) -> Period {
    Period {
        start: NaiveDate::from_ymd_opt(first, 1, 1).unwrap_or_default(),
        end: NaiveDate::from_ymd_opt(last, 12, 31).unwrap_or_default(),
    }
}

/// «на 2022-2023 учебный год», «2022/2023 учебного года», «в 2016 году», «на 2013 год»,
/// «в 2021 - 2025 годах», «2011 - 2013 гг.».
fn from_words(line: &str) -> Option<Found> {
    let l = line.to_lowercase().replace(['–', '—', '/'], "-");
    let words: Vec<&str> = l
        .split(|c: char| c.is_whitespace() || c == ',' || c == '(' || c == ')')
        .filter(|w| !w.is_empty())
        .collect();
    let year = |w: &str| -> Option<i32> {
        let digits: String = w.chars().take_while(char::is_ascii_digit).collect();
        let y: i32 = digits.parse().ok()?;
        (digits.len() == 4 && (FIRST_YEAR..=LAST_YEAR).contains(&y)).then_some(y)
    };
    for i in 0..words.len() {
        let Some(first) = year(words[i]) else { continue };
        // «2022-2023» as one word, or «2022 - 2023», «2022 -2023».
        let (second, next) = if let Some((_, b)) = words[i].split_once('-') {
            (year(b), i + 1)
        } else if words.get(i + 1).is_some_and(|w| *w == "-") {
            (words.get(i + 2).and_then(|w| year(w)), i + 3)
        } else if let Some(b) = words.get(i + 1).and_then(|w| w.strip_prefix('-')) {
            (year(b), i + 2)
        } else {
            (None, i + 1)
        };
        let tail = words[next..].iter().take(2).copied().collect::<Vec<_>>().join(" ");
        let before = i.checked_sub(1).map(|p| words[p]).unwrap_or("");
        let academic_tail = tail.starts_with("учебн") || tail.starts_with("уч.");
        let year_tail = tail.starts_with("год") || tail.starts_with("гг") || tail.starts_with("г.");
        let introduced = matches!(before, "на" | "в" | "во" | "период" | "годы" | "годах" | "до");
        match second {
            Some(second) if academic_tail && second == first + 1 => {
                return Some(Found {
                    period: academic(first),
                    reason: format!("по тексту документа: «{first}-{second} учебный год»"),
                })
            }
            Some(second) if second > first && second - first <= 15 && (year_tail || introduced) => {
                return Some(Found {
                    period: years(first, second),
                    reason: format!("по тексту документа: «{first} - {second} годы»"),
                })
            }
            None if year_tail && matches!(before, "на" | "в" | "во") => {
                // «на 2011 год и на среднесрочный период до 2013 года».
                let until =
                    words[next..].windows(2).find_map(|w| (w[0] == "до").then(|| year(w[1])).flatten());
                let last = until.filter(|y| *y > first && y - first <= 15).unwrap_or(first);
                let said = words[i.saturating_sub(1)..(next + 1).min(words.len())].join(" ");
                let said = if last > first { format!("{said} … до {last} года") } else { said };
                return Some(Found {
                    period: years(first, last),
                    reason: format!("по тексту документа: «{said}»"),
                });
            }
            _ => {}
        }
    }
    None
}

/// The span of the years named in the timeframes: one academic year when the dates fit one
/// (September to August), else the calendar years they cover.
fn from_dates(timeframes: &[&str]) -> Option<Found> {
    let wide = years(FIRST_YEAR, LAST_YEAR);
    let mut spans: Vec<(NaiveDate, NaiveDate)> = Vec::new();
    for text in timeframes {
        // Only texts that name a year: «март» alone says nothing of the period.
        if !text
            .split(|c: char| !c.is_ascii_digit())
            .any(|p| p.len() == 4 || p.len() == 2 && text.contains('.'))
        {
            continue;
        }
        let tf = timeframe::parse(text, &wide);
        if let (Some(s), Some(e)) = (tf.start, tf.end) {
            spans.push((s, e));
        } else if let Some(e) = tf.end {
            spans.push((e, e));
        }
    }
    let start = spans.iter().map(|s| s.0).min()?;
    let end = spans.iter().map(|s| s.1).max()?;
    let first = if start.month() >= 9 { start.year() } else { start.year() - 1 };
    // Within one academic year and across its new year, or starting in its autumn.
    let in_one = end <= NaiveDate::from_ymd_opt(first + 1, 8, 31)?;
    let period = if in_one && (start.year() < end.year() || start.month() >= 9) {
        academic(first)
    } else {
        years(start.year(), end.year())
    };
    Some(Found {
        period,
        reason: format!("по датам в сроках: с {} по {}", start.format("%d.%m.%Y"), end.format("%d.%m.%Y")),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 1).unwrap()
    }

    fn p(s: &str) -> Period {
        s.parse().unwrap()
    }

    fn lines(l: &[&str]) -> Vec<String> {
        l.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn the_title_names_the_period() {
        for (line, want) in [
            (
                "Дорожная карта по повышению качества образования в 2022-2023 учебном году",
                "2022-09-01..2023-08-31",
            ),
            ("План на 2022/2023 учебный год", "2022-09-01..2023-08-31"),
            ("организации и проведения ГИА в Краснодарском крае в 2016 году", "2016-01-01..2016-12-31"),
            ("образования в Архангельской области на 2013 год по кварталам", "2013-01-01..2013-12-31"),
            ("Орловской области в 2021 - 2025 годах\"", "2021-01-01..2025-12-31"),
            ("Сроки выполнения Программы: 2011 - 2013 гг.", "2011-01-01..2013-12-31"),
            (
                "программы «Образование» на 2011 год и на среднесрочный период до 2013 года",
                "2011-01-01..2013-12-31",
            ),
        ] {
            let found =
                detect(&lines(&["Приложение N 2", "от 13 ноября 2015 г. N 5976", line]), &[], &[], today());
            assert_eq!(found.period, p(want), "{line}: {}", found.reason);
            assert!(found.reason.starts_with("по тексту документа"), "{}", found.reason);
        }
    }

    #[test]
    fn else_the_dates_else_this_academic_year() {
        let found = detect(&[], &[], &["16.02.2023", "до 10 марта 2023 г.", "сентябрь 2022", "май"], today());
        assert_eq!(found.period, p("2022-09-01..2023-08-31"), "{}", found.reason);
        let found = detect(&[], &[], &["март 2024", "ноябрь 2024"], today());
        assert_eq!(found.period, p("2024-01-01..2024-12-31"));
        let found = detect(&[], &[], &["ежемесячно"], today());
        assert_eq!(found.period, p("2026-09-01..2027-08-31"));
        assert!(found.reason.contains("проверьте"));
    }
}
