//! Schools' results: one record per school, year, procedure, grade and subject (aggregates, no
//! pupil's data), and the measures the analysis reads from them.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::Id;

/// Below this many participants a figure is of limited use (ФИОКО's guidance: informative from
/// about 50, approximate at 20–30).
pub const FEW_PARTICIPANTS: u32 = 20;

/// The years a result may carry.
pub const RESULT_YEARS: std::ops::RangeInclusive<i32> = 1990..=2100;

/// One result: how the pupils of a school did on one procedure. `year` is the calendar year the
/// procedure was held («ВПР 2023» — spring of the 2022/23 school year).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ResultRecord {
    pub school_id: Id,
    pub year: i32,
    /// «ВПР», «ОГЭ», «ЕГЭ» or the district's own diagnostic.
    pub procedure: String,
    /// 1–11; 0 when the procedure has no grade.
    pub grade: i32,
    /// «Математика»; empty when the record covers the procedure as a whole.
    pub subject: String,
    pub participants: u32,
    /// How many got «2», «3», «4», «5» (ВПР, ОГЭ), when known.
    pub marks: Option<[u32; 4]>,
    /// How many did not pass the minimum (ЕГЭ), when known.
    pub below_min: Option<u32>,
    /// Mean score, when given.
    pub mean_score: Option<f64>,
}

impl ResultRecord {
    /// What is wrong with the record, in Russian, or None.
    pub fn problem(&self) -> Option<String> {
        if !RESULT_YEARS.contains(&self.year) {
            return Some(format!("год {} вне 1990–2100", self.year));
        }
        if self.procedure.trim().is_empty() {
            return Some("не указана процедура (ВПР, ОГЭ, ЕГЭ…)".into());
        }
        if !(0..=11).contains(&self.grade) {
            return Some(format!("класс {} вне 1–11", self.grade));
        }
        if let Some(m) = self.marks {
            let sum: u64 = m.iter().map(|&x| u64::from(x)).sum();
            if sum > u64::from(self.participants) {
                return Some(format!("отметок {sum} — больше, чем участников ({})", self.participants));
            }
        }
        if self.below_min.is_some_and(|b| b > self.participants) {
            return Some(format!("не преодолевших порог больше, чем участников ({})", self.participants));
        }
        if self.mean_score.is_some_and(|s| !s.is_finite() || s < 0.0) {
            return Some("средний балл не число или меньше нуля".into());
        }
        None
    }

    /// Same school, year, procedure, grade and subject: the same record.
    pub fn key(&self) -> (Id, i32, String, i32, String) {
        (self.school_id, self.year, self.procedure.clone(), self.grade, self.subject.clone())
    }
}

/// A stored result with its row id (the grid edits rows).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ResultRow {
    pub id: Id,
    #[serde(flatten)]
    pub record: ResultRecord,
}

/// Which results a measure is taken over; None takes every value.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ResultFilter {
    pub procedure: Option<String>,
    pub grade: Option<i32>,
    pub subject: Option<String>,
}

impl ResultFilter {
    pub fn admits(&self, r: &ResultRecord) -> bool {
        self.admits_parts(&r.procedure, r.grade, &r.subject)
    }

    /// The same over a record's parts (the store filters rows without making records).
    pub fn admits_parts(&self, procedure: &str, grade: i32, subject: &str) -> bool {
        let same = |a: &str, b: &str| a == b || a.to_lowercase() == b.to_lowercase();
        self.procedure.as_deref().is_none_or(|p| same(p, procedure))
            && self.grade.is_none_or(|g| g == grade)
            && self.subject.as_deref().is_none_or(|s| same(s, subject))
    }

    /// «ВПР, 5 класс, математика» (or «все результаты»).
    pub fn describe(&self) -> String {
        let mut parts = Vec::new();
        if let Some(p) = &self.procedure {
            parts.push(p.clone());
        }
        if let Some(g) = self.grade.filter(|&g| g > 0) {
            parts.push(format!("{g} класс"));
        }
        if let Some(s) = &self.subject {
            parts.push(s.to_lowercase());
        }
        if parts.is_empty() {
            "все результаты".into()
        } else {
            parts.join(", ")
        }
    }
}

/// What the analysis measures. Shares are in percent, so changes are in percentage points.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Metric {
    /// Доля отметок «2», % (lower is better).
    ShareOfTwos,
    /// Доля отметок «4» и «5», %.
    ShareOfGood,
    /// Средняя отметка.
    MeanMark,
    /// Доля не преодолевших минимальный порог, % (lower is better).
    BelowMinimum,
    /// Средний балл.
    MeanScore,
}

impl Metric {
    pub const ALL: [Metric; 5] =
        [Metric::ShareOfTwos, Metric::ShareOfGood, Metric::MeanMark, Metric::BelowMinimum, Metric::MeanScore];

    pub fn code(self) -> &'static str {
        match self {
            Metric::ShareOfTwos => "share_of_twos",
            Metric::ShareOfGood => "share_of_good",
            Metric::MeanMark => "mean_mark",
            Metric::BelowMinimum => "below_minimum",
            Metric::MeanScore => "mean_score",
        }
    }

    pub fn from_code(code: &str) -> Option<Metric> {
        Metric::ALL.into_iter().find(|m| m.code() == code)
    }

    pub fn label(self) -> &'static str {
        match self {
            Metric::ShareOfTwos => "Доля отметок «2», %",
            Metric::ShareOfGood => "Доля отметок «4» и «5», %",
            Metric::MeanMark => "Средняя отметка",
            Metric::BelowMinimum => "Доля не преодолевших минимальный порог, %",
            Metric::MeanScore => "Средний балл",
        }
    }

    /// The unit of a change: «п. п.» for shares, «балла» for marks and scores.
    pub fn change_unit(self) -> &'static str {
        match self {
            Metric::ShareOfTwos | Metric::ShareOfGood | Metric::BelowMinimum => "п. п.",
            Metric::MeanMark | Metric::MeanScore => "балла",
        }
    }

    pub fn higher_is_better(self) -> bool {
        matches!(self, Metric::ShareOfGood | Metric::MeanMark | Metric::MeanScore)
    }

    /// +1 when a rise is an improvement, −1 when a fall is.
    pub fn better_sign(self) -> f64 {
        if self.higher_is_better() {
            1.0
        } else {
            -1.0
        }
    }
}

/// A school's results of one year pooled over the records a filter admits.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Pooled {
    pub participants: u32,
    /// Participants of records that give marks, and the marks.
    pub marked: u32,
    pub marks: [u32; 4],
    /// Participants of records that give the share below the minimum, and that count.
    pub thresholded: u32,
    pub below_min: u32,
    /// Σ mean × participants over records with a mean score, and those participants.
    pub score_sum: f64,
    pub scored: u32,
}

impl Pooled {
    pub fn add(&mut self, r: &ResultRecord) {
        self.add_parts(r.participants, r.marks, r.below_min, r.mean_score);
    }

    pub fn add_parts(
        &mut self,
        participants: u32,
        marks: Option<[u32; 4]>,
        below_min: Option<u32>,
        mean: Option<f64>,
    ) {
        self.participants += participants;
        if let Some(m) = marks {
            self.marked += participants;
            for (a, b) in self.marks.iter_mut().zip(m) {
                *a += b;
            }
        }
        if let Some(b) = below_min {
            self.thresholded += participants;
            self.below_min += b;
        }
        if let Some(s) = mean {
            self.score_sum += s * f64::from(participants);
            self.scored += participants;
        }
    }

    /// Another pool's results added to this one (a group of schools, several procedures).
    pub fn add_pooled(&mut self, b: &Pooled) {
        self.participants += b.participants;
        self.marked += b.marked;
        for (x, y) in self.marks.iter_mut().zip(b.marks) {
            *x += y;
        }
        self.thresholded += b.thresholded;
        self.below_min += b.below_min;
        self.score_sum += b.score_sum;
        self.scored += b.scored;
    }

    /// The measure and the pupils behind it, with the sampling variance of the measure (pupils'
    /// marks as independent draws: p(1−p)/n for a share, the marks' variance / n for a mean);
    /// None when the records do not give it.
    pub fn measure(&self, metric: Metric) -> Option<Measure> {
        let share = |k: u32, n: u32| {
            let p = f64::from(k) / f64::from(n);
            Measure {
                value: 100.0 * f64::from(k) / f64::from(n),
                pupils: n,
                variance: Some(1e4 * p * (1.0 - p) / f64::from(n)),
            }
        };
        match metric {
            Metric::ShareOfTwos | Metric::ShareOfGood | Metric::MeanMark => {
                let n: u32 = self.marks.iter().sum();
                if self.marked == 0 || n == 0 {
                    return None;
                }
                Some(match metric {
                    Metric::ShareOfTwos => share(self.marks[0], n),
                    Metric::ShareOfGood => share(self.marks[2] + self.marks[3], n),
                    _ => {
                        let nf = f64::from(n);
                        let mean = (2..=5).zip(self.marks).map(|(m, k)| f64::from(m * k)).sum::<f64>() / nf;
                        let var = (2..=5)
                            .zip(self.marks)
                            .map(|(m, k)| f64::from(k) * (f64::from(m) - mean).powi(2))
                            .sum::<f64>()
                            / nf;
                        Measure { value: mean, pupils: n, variance: Some(var / nf) }
                    }
                })
            }
            Metric::BelowMinimum => (self.thresholded > 0).then(|| share(self.below_min, self.thresholded)),
            Metric::MeanScore => (self.scored > 0).then(|| Measure {
                value: self.score_sum / f64::from(self.scored),
                pupils: self.scored,
                variance: None,
            }),
        }
    }
}

/// A measure of a school (or group) in one year.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Measure {
    pub value: f64,
    pub pupils: u32,
    /// Sampling variance; None when the data cannot give it (a mean score without spread).
    pub variance: Option<f64>,
}

/// An indicator the district defines itself («Доля выпускников, поступивших в колледжи»).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Indicator {
    pub id: Id,
    pub name: String,
    pub unit: String,
    pub higher_is_better: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(marks: [u32; 4]) -> ResultRecord {
        ResultRecord {
            school_id: 1,
            year: 2023,
            procedure: "ВПР".into(),
            grade: 5,
            subject: "Математика".into(),
            participants: marks.iter().sum(),
            marks: Some(marks),
            below_min: None,
            mean_score: None,
        }
    }

    #[test]
    fn measures_by_hand() {
        // 10 pupils: two «2», three «3», four «4», one «5».
        let mut p = Pooled::default();
        p.add(&record([2, 3, 4, 1]));
        let twos = p.measure(Metric::ShareOfTwos).unwrap();
        assert_eq!((twos.value, twos.pupils), (20.0, 10));
        // p(1−p)/n in percent²: 0.2·0.8/10·10⁴ = 160.
        assert!((twos.variance.unwrap() - 160.0).abs() < 1e-9);
        assert_eq!(p.measure(Metric::ShareOfGood).unwrap().value, 50.0);
        // (2·2 + 3·3 + 4·4 + 5·1) / 10 = 3.4; variance (2·1.96 + 3·0.16 + 4·0.36 + 2.56)/10 = 0.84.
        let mean = p.measure(Metric::MeanMark).unwrap();
        assert!((mean.value - 3.4).abs() < 1e-12);
        assert!((mean.variance.unwrap() - 0.084).abs() < 1e-12);
        assert!(p.measure(Metric::BelowMinimum).is_none());
        // Pooling a second class adds its pupils.
        p.add(&record([0, 5, 5, 0]));
        assert_eq!(p.measure(Metric::ShareOfTwos).unwrap().pupils, 20);
        assert!((p.measure(Metric::ShareOfTwos).unwrap().value - 10.0).abs() < 1e-12);
    }

    #[test]
    fn problems_are_named_in_russian() {
        let mut r = record([2, 3, 4, 1]);
        assert_eq!(r.problem(), None);
        r.participants = 5;
        assert_eq!(r.problem().unwrap(), "отметок 10 — больше, чем участников (5)");
        r = record([1, 1, 1, 1]);
        r.year = 1989;
        assert!(r.problem().unwrap().contains("1990–2100"));
    }

    #[test]
    fn filter_admits_by_procedure_grade_subject() {
        let f = ResultFilter {
            procedure: Some("ВПР".into()),
            grade: Some(5),
            subject: Some("математика".into()),
        };
        assert!(f.admits(&record([1, 1, 1, 1])));
        assert_eq!(f.describe(), "ВПР, 5 класс, математика");
        let mut r = record([1, 1, 1, 1]);
        r.grade = 6;
        assert!(!f.admits(&r));
    }
}
