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
        if let Some(found) = from_words(line).or_else(|| from_months(line)) {
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
    let (period, why) = whole_years(start, end);
    Some(Found {
        period,
        reason: format!(
            "по датам в сроках: с {} по {}; {why}",
            start.format("%d.%m.%Y"),
            end.format("%d.%m.%Y")
        ),
    })
}

/// «(сентябрь 2021 года - май 2022 года)», «с января 2021 г. по декабрь 2022 г.»: a span of
/// months with their years, read as a timeframe.
fn from_months(line: &str) -> Option<Found> {
    const MONTHS: [&str; 11] =
        ["январ", "феврал", "март", "апрел", "июн", "июл", "август", "сентябр", "октябр", "ноябр", "декабр"];
    let words: Vec<&str> = line.split_whitespace().collect();
    let bare = |w: &str| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
    let month = |w: &str| {
        let w = bare(w);
        MONTHS.iter().any(|m| w.starts_with(m)) || matches!(w.as_str(), "май" | "мая" | "мае")
    };
    let year = |w: &str| {
        let w = bare(w);
        w.len() == 4 && w.parse::<i32>().is_ok_and(|y| (FIRST_YEAR..=LAST_YEAR).contains(&y))
    };
    let named: Vec<usize> =
        (0..words.len().saturating_sub(1)).filter(|&i| month(words[i]) && year(words[i + 1])).collect();
    // A span needs two ends; one month in a title is a date, not the plan's period.
    let (&first, &last) = (named.first()?, named.last()?);
    if first == last {
        return None;
    }
    let mut until = last + 2;
    if words.get(until).is_some_and(|w| bare(w).starts_with("год") || bare(w) == "г") {
        until += 1;
    }
    let said = words[first..until].join(" ");
    let said = said.trim_matches(|c: char| matches!(c, '(' | ')' | ',' | ';' | '.'));
    let tf = timeframe::parse(said, &years(FIRST_YEAR, LAST_YEAR));
    let (start, end) = (tf.start?, tf.end?);
    let (period, why) = whole_years(start, end);
    Some(Found { period, reason: format!("по тексту документа: «{said}»; {why}") })
}

/// The period around `start`..`end`: their academic year when they fit one (September to
/// August), else the calendar years they cover — and why, for the preview: «в течение года»,
/// «IV квартал» are read against the period, and a plan's first and last dates are rarely its
/// period's bounds.
fn whole_years(start: NaiveDate, end: NaiveDate) -> (Period, String) {
    let first = if start.month() >= 9 { start.year() } else { start.year() - 1 };
    // Within one academic year and across its new year, or starting in its autumn.
    let in_one = NaiveDate::from_ymd_opt(first + 1, 8, 31).is_some_and(|last| end <= last);
    if in_one && (start.year() < end.year() || start.month() >= 9) {
        (academic(first), format!("это {first}/{} учебный год — он и взят целиком", first + 1))
    } else if start.year() == end.year() {
        (years(start.year(), end.year()), format!("взят {} календарный год целиком", start.year()))
    } else {
        (
            years(start.year(), end.year()),
            format!(
                "это не один учебный год, поэтому взяты календарные годы целиком: {}–{}",
                start.year(),
                end.year()
            ),
        )
    }
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
    fn a_span_of_months_in_the_title() {
        let title = "Дорожная карта мероприятий по поддержке школ города Сургута (сентябрь 2021 года - май 2022 года)";
        let found = detect(&lines(&[title]), &[], &["III квартал 2021"], today());
        assert_eq!(found.period, p("2021-09-01..2022-08-31"), "{}", found.reason);
        assert_eq!(
            found.reason,
            "по тексту документа: «сентябрь 2021 года - май 2022 года»; это 2021/2022 учебный год — он и взят целиком"
        );
        let found =
            detect(&lines(&["План на период с января 2021 г. по декабрь 2022 г."]), &[], &[], today());
        assert_eq!(found.period, p("2021-01-01..2022-12-31"), "{}", found.reason);
        // One month named is a date in the title, not the period; «мая» needs its year.
        let found = detect(&lines(&["Приказ от 12 мая 2021 г. о материалах 2021 года"]), &[], &[], today());
        assert!(found.reason.contains("проверьте"), "{}", found.reason);
    }

    #[test]
    fn else_the_dates_else_this_academic_year() {
        let found = detect(&[], &[], &["16.02.2023", "до 10 марта 2023 г.", "сентябрь 2022", "май"], today());
        assert_eq!(found.period, p("2022-09-01..2023-08-31"), "{}", found.reason);
        assert!(
            found.reason.ends_with("; это 2022/2023 учебный год — он и взят целиком"),
            "{}",
            found.reason
        );
        let found = detect(&[], &[], &["март 2024", "ноябрь 2024"], today());
        assert_eq!(found.period, p("2024-01-01..2024-12-31"));
        assert_eq!(
            found.reason,
            "по датам в сроках: с 01.03.2024 по 30.11.2024; взят 2024 календарный год целиком"
        );
        // Dates across two academic years: whole calendar years, and the reason says why.
        let found = detect(&[], &[], &["15.03.2021", "20.11.2022"], today());
        assert_eq!(found.period, p("2021-01-01..2022-12-31"));
        assert!(
            found
                .reason
                .ends_with("; это не один учебный год, поэтому взяты календарные годы целиком: 2021–2022"),
            "{}",
            found.reason
        );
        let found = detect(&[], &[], &["ежемесячно"], today());
        assert_eq!(found.period, p("2026-09-01..2027-08-31"));
        assert!(found.reason.contains("проверьте"));
    }
}
