//! Russian free-text timeframes («сроки реализации») understood and placed in time.
//!
//! Contract: [`parse`] keeps the text exactly as given and derives a [`Timeframe`] from it in two
//! layers: `literal` reads what the text says; `resolve` places it in the plan's [`Period`]
//! (supplies missing years, academic years, spans). Pure: no clock, no I/O. It never panics;
//! whatever it cannot place honestly is [`Kind::Free`] with a Russian warning saying why.

mod describe;
mod lexer;
mod literal;
mod occurrences;
mod resolve;
mod wording;
mod words;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

pub use occurrences::Span;
pub use wording::{reworded, wording};
pub use words::plural;

/// The plan's period: the frame every timeframe is placed in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Period {
    pub start: NaiveDate,
    pub end: NaiveDate,
}

/// Why a period was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PeriodError(pub String);

impl fmt::Display for PeriodError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for PeriodError {}

impl Period {
    /// The years a plan may name: a date outside them is a typo («0202-09-01»).
    pub const YEARS: std::ops::RangeInclusive<i32> = 1990..=2100;

    pub fn new(start: NaiveDate, end: NaiveDate) -> Result<Period, PeriodError> {
        use chrono::Datelike;
        for d in [start, end] {
            if !Period::YEARS.contains(&d.year()) {
                return Err(PeriodError(format!(
                    "дата {} вне допустимых лет (1990–2100): проверьте год",
                    d.format("%d.%m.%Y")
                )));
            }
        }
        if end < start {
            return Err(PeriodError(format!(
                "конец периода ({}) раньше его начала ({})",
                end.format("%d.%m.%Y"),
                start.format("%d.%m.%Y")
            )));
        }
        Ok(Period { start, end })
    }

    /// An academic-year plan starts in September (halves of it are school halves).
    pub fn is_academic(&self) -> bool {
        use chrono::Datelike;
        self.start.month() == 9
            && (5..=8).contains(&self.end.month())
            && self.end.year() == self.start.year() + 1
    }
}

impl FromStr for Period {
    type Err = PeriodError;

    /// «2022-09-01..2023-08-31».
    fn from_str(s: &str) -> Result<Period, PeriodError> {
        let bad = || PeriodError(format!("период «{s}» не в виде ГГГГ-ММ-ДД..ГГГГ-ММ-ДД"));
        let (a, b) = s.trim().split_once("..").ok_or_else(bad)?;
        let date = |t: &str| NaiveDate::parse_from_str(t.trim(), "%Y-%m-%d").map_err(|_| bad());
        Period::new(date(a)?, date(b)?)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "TimeframeKind"))]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Date,
    Datetime,
    Range,
    Month,
    Quarter,
    HalfYear,
    Until,
    Continuous,
    Recurring,
    Multiple,
    Free,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Date => "date",
            Kind::Datetime => "datetime",
            Kind::Range => "range",
            Kind::Month => "month",
            Kind::Quarter => "quarter",
            Kind::HalfYear => "half_year",
            Kind::Until => "until",
            Kind::Continuous => "continuous",
            Kind::Recurring => "recurring",
            Kind::Multiple => "multiple",
            Kind::Free => "free",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum Recurrence {
    Weekly,
    Monthly,
    Quarterly,
    HalfYearly,
    Yearly,
}

/// A time of day, written «14:00».
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(type = "string"))]
pub struct TimeOfDay {
    pub hour: u8,
    pub minute: u8,
}

impl fmt::Display for TimeOfDay {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}:{:02}", self.hour, self.minute)
    }
}

impl Serialize for TimeOfDay {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for TimeOfDay {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        let bad = || serde::de::Error::custom(format!("время «{s}» не в виде ЧЧ:ММ"));
        let (h, m) = s.split_once(':').ok_or_else(bad)?;
        let (hour, minute): (u8, u8) = (h.parse().map_err(|_| bad())?, m.parse().map_err(|_| bad())?);
        if hour > 23 || minute > 59 {
            return Err(bad());
        }
        Ok(TimeOfDay { hour, minute })
    }
}

/// «в 14:00» or «с 10:00 до 12:00».
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct TimeSpan {
    pub start: TimeOfDay,
    pub end: Option<TimeOfDay>,
}

/// One placed item of a timeframe; a `multiple` has several.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Part {
    pub kind: Kind,
    pub start: Option<NaiveDate>,
    pub end: Option<NaiveDate>,
    pub time: Option<TimeSpan>,
    pub recurrence: Option<Recurrence>,
}

/// A timeframe: the user's text, always kept, and what it means in time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Timeframe {
    pub text: String,
    pub kind: Kind,
    /// First day covered; `None` for `until` and `free`.
    pub start: Option<NaiveDate>,
    /// Last day covered; `None` for `free`.
    pub end: Option<NaiveDate>,
    /// The placed items (one for every kind but `multiple` and `free`).
    pub parts: Vec<Part>,
    pub time: Option<TimeSpan>,
    pub recurrence: Option<Recurrence>,
    /// Russian sentences: why it is `free`, or what the user should check.
    pub warnings: Vec<String>,
    /// Whether the review list «Сроки требуют проверки» shows it — free, or with a warning.
    /// Set wherever a timeframe is made or read ([`Timeframe::new`]), so the window reads the
    /// rule rather than writing it again.
    pub needs_review: bool,
}

/// A timeframe as stored and sent: [`Timeframe`] without what is derived from the rest.
#[derive(Deserialize)]
struct Stored {
    text: String,
    kind: Kind,
    start: Option<NaiveDate>,
    end: Option<NaiveDate>,
    parts: Vec<Part>,
    time: Option<TimeSpan>,
    recurrence: Option<Recurrence>,
    warnings: Vec<String>,
}

/// Read as stored, its review flag set again: a timeframe stored before the flag existed (or with
/// a stale one) gets the rule's answer.
impl<'de> Deserialize<'de> for Timeframe {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Timeframe, D::Error> {
        Stored::deserialize(d).map(Timeframe::from)
    }
}

/// An event's timeframe before anything is typed.
impl Default for Timeframe {
    fn default() -> Timeframe {
        Timeframe::empty()
    }
}

impl From<Stored> for Timeframe {
    fn from(s: Stored) -> Timeframe {
        let mut t = Timeframe {
            text: s.text,
            kind: s.kind,
            start: s.start,
            end: s.end,
            parts: s.parts,
            time: s.time,
            recurrence: s.recurrence,
            warnings: s.warnings,
            needs_review: false,
        };
        t.needs_review = t.review_rule();
        t
    }
}

impl Timeframe {
    /// A timeframe of `kind` over `parts`, its review flag set by the one rule.
    #[allow(clippy::too_many_arguments)] // the fields, each once
    pub fn new(
        text: String,
        kind: Kind,
        (start, end): (Option<NaiveDate>, Option<NaiveDate>),
        parts: Vec<Part>,
        time: Option<TimeSpan>,
        recurrence: Option<Recurrence>,
        warnings: Vec<String>,
    ) -> Timeframe {
        Timeframe::from(Stored { text, kind, start, end, parts, time, recurrence, warnings })
    }

    /// Nothing written: an empty text, free (what `parse("")` gives in any period).
    pub fn empty() -> Timeframe {
        Timeframe::new(String::new(), Kind::Free, (None, None), Vec::new(), None, None, Vec::new())
    }

    /// True when the review list «Сроки требуют проверки» should show it.
    pub fn needs_review(&self) -> bool {
        self.needs_review
    }

    /// The rule: a timeframe the program could not read, or read with a doubt.
    fn review_rule(&self) -> bool {
        self.kind == Kind::Free || !self.warnings.is_empty()
    }
}

/// Reads `text` and places it in `period`. Never panics; `text` is kept verbatim.
pub fn parse(text: &str, period: &Period) -> Timeframe {
    let norm = lexer::normalise(text);
    let toks = lexer::tokens(&norm);
    let lit = literal::read(&toks);
    resolve::resolve(text, lit, period)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The review flag travels with the timeframe and is the rule's answer however it was
    /// stored: missing (before the flag existed) or wrong.
    #[test]
    fn the_review_flag_is_the_rules_answer_when_read() {
        let period: Period = "2022-09-01..2023-08-31".parse().unwrap();
        let clear = parse("до 10 марта 2023 г.", &period);
        let free = parse("по мере необходимости", &period);
        assert!(!clear.needs_review && free.needs_review);
        let json = serde_json::to_value(&free).unwrap();
        assert_eq!(json["needs_review"], true);
        let mut old = json.clone();
        old.as_object_mut().unwrap().remove("needs_review");
        assert!(serde_json::from_value::<Timeframe>(old).unwrap().needs_review);
        let mut wrong = serde_json::to_value(&clear).unwrap();
        wrong["needs_review"] = true.into();
        assert!(!serde_json::from_value::<Timeframe>(wrong).unwrap().needs_review());
    }
}
