//! Mentoring pairings that need a second look, flagged, never forbidden: a mentor that is
//! itself a low-results school that year, a supported school with no mentor, a mentor with
//! more schools than the limit the user set.
//!
//! A category recorded for a year holds through the academic year that starts in it: ШНОР
//! «2022» covers 2022 and the months of 2023 up to August.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use chrono::{Datelike, NaiveDate};

use crate::{Category, Id, Pairing, School};

/// The years whose categories hold on `date`: its own, and the year before until August.
fn years_at(date: NaiveDate) -> [i32; 2] {
    let y = date.year();
    if date.month() < 9 {
        [y, y - 1]
    } else {
        [y, y]
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PairingConflict {
    #[ts(type = "number")]
    pub school_id: Id,
    /// The pairing concerned, when there is one.
    #[ts(type = "number | null")]
    pub pairing_id: Option<Id>,
    pub message: String,
}

/// The conflicts of `year`'s pairings (pairings whose period touches the year).
pub fn pairing_conflicts(
    pairings: &[Pairing],
    schools: &[School],
    year: i32,
    limit: usize,
) -> Vec<PairingConflict> {
    let name = |id: Id| {
        schools.iter().find(|s| s.id == id).map_or(String::from("?"), |s| s.draft.short_name.clone())
    };
    let is = |id: Id, c: Category, years: [i32; 2]| {
        schools.iter().any(|s| s.id == id && years.iter().any(|&y| s.draft.categories_in(y).any(|x| x == c)))
    };
    let mut out = Vec::new();
    for p in pairings {
        let mentor = p.draft.mentor_school_id;
        if is(mentor, Category::LowResults, years_at(p.draft.start)) {
            out.push(PairingConflict {
                school_id: mentor,
                pairing_id: Some(p.id),
                message: format!("наставник {} сам в списке ШНОР", name(mentor)),
            });
        }
    }
    for s in schools.iter().filter(|s| is(s.id, Category::LowResults, [year, year - 1])) {
        if !pairings.iter().any(|p| p.draft.supported_school_id == s.id) {
            out.push(PairingConflict {
                school_id: s.id,
                pairing_id: None,
                message: format!("у школы {} нет наставника в {year} году", s.draft.short_name),
            });
        }
    }
    let mut mentors: Vec<Id> = pairings.iter().map(|p| p.draft.mentor_school_id).collect();
    mentors.sort_unstable();
    mentors.dedup();
    for m in mentors {
        let n = pairings.iter().filter(|p| p.draft.mentor_school_id == m).count();
        if n > limit {
            out.push(PairingConflict {
                school_id: m,
                pairing_id: None,
                message: format!(
                    "у наставника {} {n} {} — больше предела ({limit})",
                    name(m),
                    schools_word(n)
                ),
            });
        }
    }
    out
}

/// «школа», «школы», «школ» after a number.
fn schools_word(n: usize) -> &'static str {
    match (n % 10, n % 100) {
        (1, 11) | (2..=4, 12..=14) | (0 | 5..=9, _) => "школ",
        (1, _) => "школа",
        _ => "школы",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{PairingDraft, SchoolDraft, SchoolStatus};
    use chrono::NaiveDate;

    fn school(id: Id, name: &str, c: Category) -> School {
        School {
            id,
            draft: SchoolDraft {
                short_name: name.into(),
                statuses: vec![SchoolStatus { year: 2023, category: c, cohort_year: None }],
                ..Default::default()
            },
        }
    }

    fn pair(id: Id, supported: Id, mentor: Id) -> Pairing {
        let d = |m| NaiveDate::from_ymd_opt(2023, m, 1).unwrap();
        Pairing {
            id,
            draft: PairingDraft {
                supported_school_id: supported,
                mentor_school_id: mentor,
                start: d(1),
                end: d(12),
                basis_order: String::new(),
                basis_agreement: String::new(),
                note: String::new(),
            },
        }
    }

    #[test]
    fn school_counts_agree_in_russian() {
        let words: Vec<&str> = [1, 2, 5, 11, 12, 21, 22, 25, 111].iter().map(|&n| schools_word(n)).collect();
        assert_eq!(words, ["школа", "школы", "школ", "школ", "школ", "школа", "школы", "школ", "школ"]);
    }

    #[test]
    fn a_category_holds_through_its_academic_year() {
        let schools = [school(1, "СОШ № 1", Category::LowResults), school(7, "лицей № 7", Category::Mentor)];
        let mut p = pair(10, 7, 1);
        p.draft.start = NaiveDate::from_ymd_opt(2024, 2, 1).unwrap();
        let mentor_flags = |p: &Pairing, year| {
            pairing_conflicts(std::slice::from_ref(p), &schools, year, 3)
                .iter()
                .filter(|c| c.pairing_id.is_some())
                .count()
        };
        assert_eq!(mentor_flags(&p, 2024), 1, "ШНОР 2023 holds in February 2024");
        p.draft.start = NaiveDate::from_ymd_opt(2024, 9, 1).unwrap();
        assert_eq!(mentor_flags(&p, 2024), 0, "but not in September 2024");
    }

    #[test]
    fn the_three_conflicts_are_found() {
        let schools = [
            school(1, "СОШ № 1", Category::LowResults),
            school(2, "СОШ № 2", Category::LowResults),
            school(3, "СОШ № 3", Category::LowResults),
            school(7, "лицей № 7", Category::Mentor),
        ];
        let pairings = [pair(10, 1, 7), pair(11, 3, 2), pair(12, 2, 7)];
        let found: Vec<String> =
            pairing_conflicts(&pairings, &schools, 2023, 1).into_iter().map(|c| c.message).collect();
        assert_eq!(
            found,
            ["наставник СОШ № 2 сам в списке ШНОР", "у наставника лицей № 7 2 школы — больше предела (1)"]
        );
        let found: Vec<String> =
            pairing_conflicts(&pairings[..1], &schools, 2023, 3).into_iter().map(|c| c.message).collect();
        assert_eq!(
            found,
            ["у школы СОШ № 2 нет наставника в 2023 году", "у школы СОШ № 3 нет наставника в 2023 году"]
        );
    }
}
