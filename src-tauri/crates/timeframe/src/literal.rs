//! Layer 1: what the text literally says, before any plan period is known.
//!
//! A text is a list of items (joined by new lines, «;», «/», «,» or «и»); each item is a point
//! in time, a range, a deadline, a continuous or recurring span, or something unreadable.

use crate::lexer::Tok;
use crate::words::{classify, is_ordinal_suffix, Word, MONTHS_GENITIVE};
use crate::{Recurrence, TimeOfDay, TimeSpan};

/// A point as written: any part may be missing and is supplied later from neighbours or the plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Point {
    /// A number with no unit yet: «3» in «с 3 по 7 апреля», «I» in «I - II квартал».
    Bare(u32),
    Day {
        day: u32,
        month: Option<u32>,
        year: Option<i32>,
    },
    Month {
        month: u32,
        year: Option<i32>,
    },
    Quarter {
        n: u32,
        year: Option<i32>,
    },
    Half {
        n: u32,
        year: Option<i32>,
        /// Start year of an academic year named with it: «I полугодие 2022-2023 учебного года».
        academic: Option<i32>,
    },
    Year(i32),
    /// An academic year by its first calendar year: «2022-2023 учебный год» → 2022.
    AcademicYear(i32),
}

impl Point {
    pub(crate) fn year(&self) -> Option<i32> {
        match *self {
            Point::Bare(_) => None,
            Point::Day { year, .. } | Point::Month { year, .. } | Point::Quarter { year, .. } => year,
            Point::Half { year, academic, .. } => year.or(academic),
            Point::Year(y) | Point::AcademicYear(y) => Some(y),
        }
    }

    pub(crate) fn with_year(self, y: i32) -> Point {
        match self {
            Point::Day { day, month, .. } => Point::Day { day, month, year: Some(y) },
            Point::Month { month, .. } => Point::Month { month, year: Some(y) },
            Point::Quarter { n, .. } => Point::Quarter { n, year: Some(y) },
            Point::Half { n, academic: None, .. } => Point::Half { n, year: Some(y), academic: None },
            other => other,
        }
    }

    /// (month, day) where the point begins within its year, to tell whether a list crosses a new year.
    fn month_day(&self) -> Option<(u32, u32)> {
        match *self {
            Point::Day { day, month: Some(m), .. } => Some((m, day)),
            Point::Month { month, .. } => Some((month, 1)),
            Point::Quarter { n, .. } => Some((3 * n - 2, 1)),
            Point::Half { n, academic: None, .. } => Some((6 * n - 5, 1)),
            _ => None,
        }
    }

    /// Gives a bare number the unit and year of `other`: «3» before «7 апреля 2023» is
    /// 3 April 2023, «I» before «II квартал 2022» the first quarter of 2022.
    fn with_unit_of(self, other: &Point) -> Point {
        let Point::Bare(n) = self else { return self };
        match *other {
            Point::Day { month, year, .. } => Point::Day { day: n, month, year },
            Point::Quarter { year, .. } => Point::Quarter { n, year },
            Point::Half { year, academic, .. } => Point::Half { n, year, academic },
            _ => self,
        }
    }
}

/// A unit named without a number: «до конца года», «до конца квартала».
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Unit {
    Year,
    AcademicYear,
    Half,
    Quarter,
    Month,
    /// «до конца» alone, «до окончания срока».
    Plan,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Item {
    At(Point, Option<TimeSpan>),
    Range(Point, Point),
    /// «до 10 марта» (the day itself) or «до конца марта» (`end_of`); «до марта» ends before March.
    Until {
        point: Point,
        end_of: bool,
    },
    UntilEndOf(Unit),
    /// «с 1 сентября 2023 г.» alone: from that day to the end of the plan.
    Since(Point),
    /// The plan's whole period, or a named year or academic year.
    Continuous(Option<Point>),
    Recurring(Recurrence),
    /// Why no time could be read, in Russian.
    Free(String),
}

/// The whole text as read: its items and the words no rule knew.
#[derive(Debug, Default)]
pub(crate) struct Literal<'a> {
    pub(crate) items: Vec<Item>,
    pub(crate) unknown: Vec<&'a str>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Sem {
    Num(u32, u8),
    Pair(u32, u32),
    DotDate(u32, u32, i32),
    Time(u32, u32),
    Word(Word),
    Dash,
}

pub(crate) fn read<'a>(toks: &[Tok<'a>]) -> Literal<'a> {
    let mut lit = Literal::default();
    let mut all_sems = Vec::new();
    for part in split_items(toks) {
        let mut sems = Vec::with_capacity(part.len());
        let mut i = 0;
        while i < part.len() {
            match part[i] {
                Tok::Num(n, _)
                    if matches!(part.get(i + 1), Some(Tok::Dash))
                        && matches!(part.get(i + 2), Some(Tok::Word(w)) if is_ordinal_suffix(w)) =>
                {
                    sems.push(Sem::Word(Word::Ordinal(n)));
                    i += 2;
                }
                Tok::Num(n, d) => sems.push(Sem::Num(n, d)),
                Tok::Pair(a, b) => sems.push(Sem::Pair(a, b)),
                Tok::DotDate(d, m, y) => sems.push(Sem::DotDate(d, m, y)),
                Tok::Time(h, m) => sems.push(Sem::Time(h, m)),
                // «плану-графику»: a hyphen inside a filler phrase joins nothing.
                Tok::Dash
                    if i > 0
                        && matches!(part[i - 1], Tok::Word(w) if classify(w) == Some(Word::Filler))
                        && matches!(part.get(i + 1), Some(Tok::Word(w)) if classify(w) == Some(Word::Filler)) =>
                    {}
                Tok::Dash => sems.push(Sem::Dash),
                // «по графику», «по плану»: how, not until when.
                Tok::Word("по") if matches!(part.get(i + 1), Some(Tok::Word(w)) if SCHEDULE_WORDS.contains(w)) =>
                    {}
                Tok::Word(w) => match classify(w) {
                    Some(Word::Filler | Word::And) => {}
                    Some(word) => sems.push(Sem::Word(word)),
                    None => lit.unknown.push(w),
                },
                Tok::Comma | Tok::Slash | Tok::Semicolon | Tok::Newline => {}
            }
            i += 1;
        }
        if !sems.is_empty() {
            lit.items.push(item(&sems));
        }
        all_sems.extend(sems);
    }
    // A rhythm whose qualifiers a comma cut off («ежемесячно, до 25 числа», «до 1 числа месяца,
    // следующего за отчётным»): when no item names a time of its own, the text is that rhythm.
    if let Some(r) = recurrence(&all_sems) {
        // A day with no month («до 25 числа») qualifies the rhythm; it is no time of its own.
        let monthless = |p: &Point| matches!(p, Point::Bare(_) | Point::Day { month: None, .. });
        let qualifier = |i: &Item| match i {
            Item::Recurring(_) | Item::Free(_) => true,
            Item::Until { point, .. } | Item::At(point, _) => monthless(point),
            _ => false,
        };
        if lit.items.iter().all(qualifier) {
            lit.items = vec![Item::Recurring(r)];
        }
    }
    complete(&mut lit.items);
    lit
}

/// Words after «по» that name a schedule, not a time: «по графику», «по плану-графику».
const SCHEDULE_WORDS: &[&str] =
    &["графику", "плану", "расписанию", "утвержденному", "отдельному", "согласованному"];

/// Splits the tokens into list items. A comma before a time, a comma between a month and its
/// year («Октябрь, 2024») and a slash between two years («2022/2023») do not separate; two
/// whole dates side by side («12.10.2023 19.10.2023») are two items.
fn split_items<'t, 'a>(toks: &'t [Tok<'a>]) -> Vec<&'t [Tok<'a>]> {
    let mut parts = Vec::new();
    let mut start = 0;
    for (i, t) in toks.iter().enumerate() {
        // A new month or date right after a year («сентябрь - октябрь 2023 декабрь 2023»).
        let after_year = i > start
            && match toks[i - 1] {
                Tok::Num(_, 4) | Tok::DotDate(..) => true,
                Tok::Word(w) => {
                    classify(w) == Some(Word::YearMark) && i >= 2 && matches!(toks[i - 2], Tok::Num(_, 4))
                }
                _ => false,
            };
        let starts_new = match t {
            Tok::DotDate(..) => true,
            Tok::Word(w) => matches!(classify(w), Some(Word::Month(_))),
            _ => false,
        };
        if after_year && starts_new {
            parts.push(&toks[start..i]);
            start = i;
            continue;
        }
        let splits = match t {
            Tok::Newline | Tok::Semicolon => true,
            Tok::Word("и") => true,
            Tok::Slash => {
                !(matches!(i.checked_sub(1).and_then(|p| toks.get(p)), Some(Tok::Num(_, 4)))
                    && matches!(toks.get(i + 1), Some(Tok::Num(_, 4))))
            }
            Tok::Comma => {
                let month_before = matches!(i.checked_sub(1).and_then(|p| toks.get(p)),
                    Some(Tok::Word(w)) if matches!(classify(w), Some(Word::Month(_))));
                let month_year = month_before && matches!(toks.get(i + 1), Some(Tok::Num(_, 4)));
                !(starts_time(&toks[i + 1..]) || month_year)
            }
            _ => false,
        };
        if splits {
            parts.push(&toks[start..i]);
            start = i + 1;
        }
    }
    parts.push(&toks[start..]);
    parts
}

fn starts_time(rest: &[Tok]) -> bool {
    let rest = match rest.first() {
        Some(Tok::Word("в" | "с")) => &rest[1..],
        _ => rest,
    };
    match rest.first() {
        Some(Tok::Time(..)) => true,
        Some(&Tok::Pair(a, b)) => is_time_pair(a, b) && !is_date_pair(a, b),
        _ => false,
    }
}

fn is_time_pair(h: u32, m: u32) -> bool {
    h < 24 && m < 60
}

fn is_date_pair(d: u32, m: u32) -> bool {
    (1..=31).contains(&d) && (1..=12).contains(&m)
}

struct Cursor<'s> {
    s: &'s [Sem],
    at: usize,
    problem: Option<String>,
}

impl Cursor<'_> {
    fn peek(&self) -> Option<Sem> {
        self.s.get(self.at).copied()
    }

    fn peek_at(&self, ahead: usize) -> Option<Sem> {
        self.s.get(self.at + ahead).copied()
    }

    fn eat(&mut self, want: Word) -> bool {
        if self.peek() == Some(Sem::Word(want)) {
            self.at += 1;
            true
        } else {
            false
        }
    }

    fn eat_dash_or(&mut self, words: &[Word]) -> bool {
        match self.peek() {
            Some(Sem::Dash) => {}
            Some(Sem::Word(w)) if words.contains(&w) => {}
            _ => return false,
        }
        self.at += 1;
        true
    }

    fn done(&self) -> bool {
        self.at >= self.s.len()
    }

    /// A year after a point: «2023», «2023 г.», «2022-2023 учебного года» (academic: the first year).
    fn year(&mut self) -> Option<(i32, bool)> {
        let Some(Sem::Num(y, 4)) = self.peek() else {
            return None;
        };
        self.at += 1;
        let academic = self.academic_tail(y);
        self.eat(Word::YearMark);
        Some((y as i32, academic))
    }

    /// After a year «y»: «-y+1 учебного» or «/y+1 уч.» or just «учебного».
    fn academic_tail(&mut self, y: u32) -> bool {
        if let (Some(Sem::Dash), Some(Sem::Num(z, 4))) = (self.peek(), self.peek_at(1)) {
            if z == y + 1 {
                self.at += 2;
                if self.eat(Word::Academic) {
                    return true;
                }
                self.at -= 2;
            }
        }
        if let Some(Sem::Num(z, 4)) = self.peek() {
            // «2022/2023»: the slash was dropped when the list was split.
            if z == y + 1 {
                self.at += 1;
                if self.eat(Word::Academic) {
                    return true;
                }
                self.at -= 1;
            }
        }
        self.eat(Word::Academic)
    }

    fn point(&mut self) -> Option<Point> {
        let point = match self.peek()? {
            Sem::DotDate(d, m, y) => {
                self.at += 1;
                self.eat(Word::YearMark);
                Point::Day { day: d, month: Some(m), year: Some(y) }
            }
            Sem::Pair(a, b) if is_date_pair(a, b) => {
                self.at += 1;
                let year = self.year().map(|(y, _)| y);
                Point::Day { day: a, month: Some(b), year }
            }
            Sem::Num(y, 4) => {
                self.at += 1;
                let academic = self.academic_tail(y);
                self.eat(Word::YearMark);
                if academic {
                    Point::AcademicYear(y as i32)
                } else {
                    Point::Year(y as i32)
                }
            }
            Sem::Num(n, 1 | 2) | Sem::Word(Word::Ordinal(n)) => {
                self.at += 1;
                self.unit_after(n)
            }
            Sem::Word(Word::Month(m)) => {
                self.at += 1;
                let year = self.year().map(|(y, _)| y);
                Point::Month { month: m, year }
            }
            _ => return None,
        };
        Some(point)
    }

    /// What follows a number: a month name (a day), «квартал», «полугодие», or nothing yet.
    fn unit_after(&mut self, n: u32) -> Point {
        match self.peek() {
            Some(Sem::Word(Word::Month(m))) => {
                self.at += 1;
                if let Some(Sem::Word(Word::Month(other))) = self.peek() {
                    self.problem = Some(format!(
                        "для одного дня указаны два месяца: «{n} {}» и «{}»",
                        genitive(m),
                        genitive(other)
                    ));
                }
                let year = self.year().map(|(y, _)| y);
                Point::Day { day: n, month: Some(m), year }
            }
            Some(Sem::Word(Word::Quarter)) => {
                self.at += 1;
                let year = self.year().map(|(y, _)| y);
                Point::Quarter { n, year }
            }
            Some(Sem::Word(Word::Half)) => {
                self.at += 1;
                match self.year() {
                    Some((y, true)) => Point::Half { n, year: None, academic: Some(y) },
                    Some((y, false)) => Point::Half { n, year: Some(y), academic: None },
                    None => Point::Half { n, year: None, academic: None },
                }
            }
            Some(Sem::Word(Word::SchoolQuarter)) => {
                self.at += 1;
                self.problem =
                    Some("у четвертей учебного года нет общих дат: укажите месяцы или даты".into());
                Point::Bare(n)
            }
            _ => Point::Bare(n),
        }
    }

    /// «в 14:00», «, 15.00», «с 10:00 до 12:00», «10:00-12:00».
    fn time(&mut self) -> Option<TimeSpan> {
        let save = self.at;
        self.eat(Word::From);
        let Some(start) = self.clock() else {
            self.at = save;
            return None;
        };
        let before_end = self.at;
        let end = if self.eat_dash_or(&[Word::Until, Word::Through]) {
            let end = self.clock();
            if end.is_none() {
                self.at = before_end;
            }
            end
        } else {
            None
        };
        Some(TimeSpan { start, end })
    }

    fn clock(&mut self) -> Option<TimeOfDay> {
        let (h, m) = match self.peek()? {
            Sem::Time(h, m) => (h, m),
            Sem::Pair(h, m) => (h, m),
            _ => return None,
        };
        if !is_time_pair(h, m) {
            return None;
        }
        self.at += 1;
        Some(TimeOfDay { hour: h as u8, minute: m as u8 })
    }
}

fn genitive(month: u32) -> &'static str {
    MONTHS_GENITIVE[(month.clamp(1, 12) - 1) as usize]
}

fn has(sems: &[Sem], want: Word) -> bool {
    sems.contains(&Sem::Word(want))
}

fn item(sems: &[Sem]) -> Item {
    if has(sems, Word::Condition) {
        return Item::Free("срок зависит от условия, а не от даты".into());
    }
    if let Some(r) = recurrence(sems) {
        return Item::Recurring(r);
    }
    let mut c = Cursor { s: sems, at: 0, problem: None };
    let read = read_item(&mut c);
    if let Some(problem) = c.problem {
        return Item::Free(problem);
    }
    match read {
        Some(item) if c.done() => item,
        Some(_) => Item::Free("часть срока не удалось разобрать".into()),
        None => Item::Free("срок не распознан".into()),
    }
}

fn recurrence(sems: &[Sem]) -> Option<Recurrence> {
    let mut unit = None;
    let mut counted = false;
    for s in sems {
        match *s {
            Sem::Word(Word::Every(r)) => return Some(r),
            Sem::Word(Word::Times | Word::Each) => counted = true,
            Sem::Word(Word::MonthUnit) => unit = unit.or(Some(Recurrence::Monthly)),
            Sem::Word(Word::WeekUnit) => unit = unit.or(Some(Recurrence::Weekly)),
            // «раз в четверть»: school quarters have no common dates, but their rhythm is a quarter's.
            Sem::Word(Word::Quarter | Word::SchoolQuarter) => unit = unit.or(Some(Recurrence::Quarterly)),
            Sem::Word(Word::Half) => unit = unit.or(Some(Recurrence::HalfYearly)),
            Sem::Word(Word::YearMark) => unit = unit.or(Some(Recurrence::Yearly)),
            _ => {}
        }
    }
    if counted {
        unit
    } else {
        None
    }
}

fn read_item(c: &mut Cursor) -> Option<Item> {
    if c.eat(Word::Until) {
        if c.eat(Word::EndOf) {
            if let Some(point) = c.point() {
                return Some(Item::Until { point, end_of: true });
            }
            let unit = if c.eat(Word::Academic) {
                c.eat(Word::YearMark);
                Unit::AcademicYear
            } else if c.eat(Word::YearMark) {
                Unit::Year
            } else if c.eat(Word::Half) {
                Unit::Half
            } else if c.eat(Word::Quarter) {
                Unit::Quarter
            } else if c.eat(Word::MonthUnit) {
                Unit::Month
            } else {
                c.eat(Word::During);
                Unit::Plan
            };
            return Some(Item::UntilEndOf(unit));
        }
        let point = c.point()?;
        return Some(Item::Until { point, end_of: false });
    }
    if c.eat(Word::During) {
        while c.eat(Word::During) {}
        if c.eat(Word::Academic) || c.eat(Word::YearMark) {
            c.eat(Word::YearMark);
            return Some(Item::Continuous(None));
        }
        let first = c.point();
        // «в течение 2024-2026 гг.»: the years from the first to the second.
        if let Some(Point::Year(_)) = first {
            let save = c.at;
            if c.eat_dash_or(&[Word::Through, Word::Until]) {
                if let (Some(from), Some(to @ Point::Year(_))) = (first, c.point()) {
                    return Some(Item::Range(from, to));
                }
                c.at = save;
            }
        }
        return Some(match first {
            Some(p @ (Point::Year(_) | Point::AcademicYear(_))) => Item::Continuous(Some(p)),
            Some(p) => Item::At(p, None),
            None => Item::Continuous(None),
        });
    }
    let from = c.eat(Word::From);
    let first = c.point()?;
    let save = c.at;
    if c.eat_dash_or(&[Word::Through, Word::Until]) {
        if let Some(second) = c.point() {
            return Some(Item::Range(first.with_unit_of(&second), second));
        }
        c.at = save;
    }
    let time = c.time();
    if from && time.is_none() && matches!(first, Point::Day { month: Some(_), .. } | Point::Month { .. }) {
        return Some(Item::Since(first));
    }
    Some(Item::At(first, time))
}

/// Fills what one item leaves to its neighbours: the start of a range takes the end's year
/// («24 мая - 25 мая 2023»), a list item takes the year or unit of the next one
/// («Июнь/сентябрь 2023», «10, 17 и 24 марта»). A start later in the year than its end crosses
/// the new year («ноябрь - январь 2022» starts in November 2021).
fn complete(items: &mut [Item]) {
    for item in items.iter_mut() {
        if let Item::Range(a, b) = item {
            match (a.year(), b.year()) {
                (None, Some(y)) => *a = a.with_year(if crosses(a, b) { y - 1 } else { y }),
                (Some(y), None) => *b = b.with_year(if crosses(a, b) { y + 1 } else { y }),
                _ => {}
            }
        }
    }
    for i in (0..items.len().saturating_sub(1)).rev() {
        let next = match &items[i + 1] {
            Item::At(p, _) => *p,
            Item::Range(p, _) => *p,
            _ => continue,
        };
        if let Item::At(p, _) = &mut items[i] {
            *p = p.with_unit_of(&next);
            if p.year().is_none() {
                if let Some(y) = next.year() {
                    *p = p.with_year(if crosses(p, &next) { y - 1 } else { y });
                }
            }
        }
    }
}

fn crosses(a: &Point, b: &Point) -> bool {
    matches!((a.month_day(), b.month_day()), (Some(x), Some(y)) if x > y)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexer::{normalise, tokens};

    fn items(text: &str) -> Vec<Item> {
        let n = normalise(text);
        read(&tokens(&n)).items
    }

    fn day(day: u32, month: u32, year: Option<i32>) -> Point {
        Point::Day { day, month: Some(month), year }
    }

    #[test]
    fn a_day_range_takes_the_month_and_year_of_its_end() {
        assert_eq!(items("с 3 по 7 апреля"), vec![Item::Range(day(3, 4, None), day(7, 4, None))]);
        assert_eq!(
            items("24 мая - 25 мая 2023 г."),
            vec![Item::Range(day(24, 5, Some(2023)), day(25, 5, Some(2023)))]
        );
    }

    #[test]
    fn quarter_range_with_one_unit_word() {
        assert_eq!(
            items("I - II квартал 2022"),
            vec![Item::Range(
                Point::Quarter { n: 1, year: Some(2022) },
                Point::Quarter { n: 2, year: Some(2022) }
            )]
        );
    }

    #[test]
    fn month_range_crossing_the_new_year() {
        assert_eq!(
            items("ноябрь - январь 2022"),
            vec![Item::Range(
                Point::Month { month: 11, year: Some(2021) },
                Point::Month { month: 1, year: Some(2022) }
            )]
        );
    }

    #[test]
    fn a_list_shares_the_year_of_its_last_item() {
        assert_eq!(
            items("Июнь/сентябрь 2023"),
            vec![
                Item::At(Point::Month { month: 6, year: Some(2023) }, None),
                Item::At(Point::Month { month: 9, year: Some(2023) }, None)
            ]
        );
        assert_eq!(
            items("10, 17 и 24 марта"),
            vec![
                Item::At(day(10, 3, None), None),
                Item::At(day(17, 3, None), None),
                Item::At(day(24, 3, None), None)
            ]
        );
    }

    #[test]
    fn date_with_time_after_a_comma() {
        assert_eq!(
            items("14.03.2023, 15.00"),
            vec![Item::At(
                day(14, 3, Some(2023)),
                Some(TimeSpan { start: TimeOfDay { hour: 15, minute: 0 }, end: None })
            )]
        );
    }

    #[test]
    fn two_months_for_one_day_is_a_problem() {
        let got = items("до 15 апреля марта 2023 г.");
        assert!(matches!(&got[..], [Item::Free(w)] if w.contains("два месяца")), "{got:?}");
    }

    #[test]
    fn academic_year_in_words() {
        assert_eq!(
            items("в течение 2022-2023 учебного года"),
            vec![Item::Continuous(Some(Point::AcademicYear(2022)))]
        );
        assert_eq!(items("В течение учебного года"), vec![Item::Continuous(None)]);
    }
}
