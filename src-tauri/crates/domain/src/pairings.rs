//! Mentoring by school year: the pairings that need a second look, flagged, never forbidden —
//! a mentor that is itself a low-results school that year, a supported school with no mentor, a
//! mentor with more schools than the limit the user set — and the schools to offer in a new
//! pairing. Categories hold for the school year they were recorded for (crate::school_year).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{Category, Id, Pairing, School, SchoolYear};

/// The categories of schools a district supports (the «курируемые» schools).
pub const SUPPORTED: [Category; 4] =
    [Category::LowResults, Category::AdverseConditions, Category::RiskZone, Category::Project500];

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PairingConflict {
    pub school_id: Id,
    /// The pairing concerned, when there is one.
    pub pairing_id: Option<Id>,
    pub message: String,
}

/// A group of schools offered as mentors, under its heading.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct MentorGroup {
    pub label: String,
    pub schools: Vec<Id>,
}

/// What a new pairing of a school year offers: supported schools first (those still without a
/// mentor leading), mentors grouped so a ШНОР school is never the easy pick, and the defaults.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PairingChoices {
    pub supported: Vec<Id>,
    pub mentors: Vec<MentorGroup>,
    pub default_supported: Option<Id>,
    pub default_mentor: Option<Id>,
}

fn has(s: &School, c: Category, year: &SchoolYear) -> bool {
    s.draft.categories_in(year.year).any(|x| x == c)
}

/// The conflicts of the pairings of `year` (pairings whose period touches it).
pub fn pairing_conflicts(
    pairings: &[Pairing],
    schools: &[School],
    year: &SchoolYear,
    limit: usize,
) -> Vec<PairingConflict> {
    let pairings: Vec<&Pairing> =
        pairings.iter().filter(|p| year.touches(p.draft.start, p.draft.end)).collect();
    let school = |id: Id| schools.iter().find(|s| s.id == id);
    let name = |id: Id| school(id).map_or(String::from("?"), |s| s.draft.short_name.clone());
    let mut out = Vec::new();
    for p in &pairings {
        let mentor = p.draft.mentor_school_id;
        if school(mentor).is_some_and(|s| has(s, Category::LowResults, year)) {
            out.push(PairingConflict {
                school_id: mentor,
                pairing_id: Some(p.id),
                message: format!("наставник {} сам в списке ШНОР", name(mentor)),
            });
        }
    }
    for s in schools.iter().filter(|s| has(s, Category::LowResults, year)) {
        if !pairings.iter().any(|p| p.draft.supported_school_id == s.id) {
            out.push(PairingConflict {
                school_id: s.id,
                pairing_id: None,
                message: format!("у школы {} нет наставника {}", s.draft.short_name, year.during),
            });
        }
    }
    let mut mentors: Vec<Id> = pairings.iter().map(|p| p.draft.mentor_school_id).collect();
    mentors.sort_unstable();
    mentors.dedup();
    for m in mentors {
        let mut supported: Vec<Id> = pairings
            .iter()
            .filter(|p| p.draft.mentor_school_id == m)
            .map(|p| p.draft.supported_school_id)
            .collect();
        supported.sort_unstable();
        supported.dedup();
        let n = supported.len();
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

/// The schools a new pairing in `year` offers, in the order to show them.
pub fn pairing_choices(pairings: &[Pairing], schools: &[School], year: &SchoolYear) -> PairingChoices {
    let paired = |id: Id| {
        pairings.iter().any(|p| p.draft.supported_school_id == id && year.touches(p.draft.start, p.draft.end))
    };
    let is_supported = |s: &School| SUPPORTED.iter().any(|&c| has(s, c, year));
    let unpaired: Vec<Id> =
        schools.iter().filter(|s| is_supported(s) && !paired(s.id)).map(|s| s.id).collect();
    let supported: Vec<Id> = unpaired
        .iter()
        .copied()
        .chain(schools.iter().filter(|s| is_supported(s) && paired(s.id)).map(|s| s.id))
        .chain(schools.iter().filter(|s| !is_supported(s)).map(|s| s.id))
        .collect();
    let group = |label: &str, keep: &dyn Fn(&School) -> bool| MentorGroup {
        label: label.to_owned(),
        schools: schools.iter().filter(|s| keep(s)).map(|s| s.id).collect(),
    };
    let low = |s: &School| has(s, Category::LowResults, year);
    let mentor =
        |s: &School| !low(s) && (has(s, Category::Mentor, year) || has(s, Category::TrainingSite, year));
    let mentors: Vec<MentorGroup> = [
        group("Школы-наставники", &|s| mentor(s)),
        group("Другие школы", &|s| !mentor(s) && !low(s)),
        group("Сами в списке ШНОР", &|s| low(s)),
    ]
    .into_iter()
    .filter(|g| !g.schools.is_empty())
    .collect();
    let default_supported = supported.first().copied();
    let default_mentor =
        mentors.iter().flat_map(|g| &g.schools).copied().find(|&id| Some(id) != default_supported);
    PairingChoices { supported, mentors, default_supported, default_mentor }
}

/// «школа», «школы», «школ» after a number.
fn schools_word(n: usize) -> &'static str {
    crate::text::plural(n, "школа", "школы", "школ")
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
                statuses: vec![SchoolStatus { year: 2022, category: c, cohort_year: None }],
                ..Default::default()
            },
        }
    }

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    /// A pairing as in the demo: from the order of 16.02.2023 to the end of the school year.
    fn pair(id: Id, supported: Id, mentor: Id) -> Pairing {
        Pairing {
            id,
            draft: PairingDraft {
                supported_school_id: supported,
                mentor_school_id: mentor,
                start: d(2023, 2, 16),
                end: d(2023, 8, 31),
                basis_order: String::new(),
                basis_agreement: String::new(),
                note: String::new(),
            },
        }
    }

    fn messages(pairings: &[Pairing], schools: &[School], year: i32, limit: usize) -> Vec<String> {
        pairing_conflicts(pairings, schools, &SchoolYear::new(year), limit)
            .into_iter()
            .map(|c| c.message)
            .collect()
    }

    #[test]
    fn school_counts_agree_in_russian() {
        let words: Vec<&str> = [1, 2, 5, 11, 12, 21, 22, 25, 111].iter().map(|&n| schools_word(n)).collect();
        assert_eq!(words, ["школа", "школы", "школ", "школ", "школ", "школа", "школы", "школ", "школ"]);
    }

    #[test]
    fn a_category_holds_for_its_school_year() {
        let schools = [school(1, "СОШ № 1", Category::LowResults), school(7, "лицей № 7", Category::Mentor)];
        // ШНОР «2022» with a pairing from February 2023: the same school year 2022/23.
        assert_eq!(
            messages(&[pair(10, 7, 1)], &schools, 2022, 3),
            ["наставник СОШ № 1 сам в списке ШНОР", "у школы СОШ № 1 нет наставника в 2022/23 учебном году"]
        );
        // The same pairing seen in 2023/24 does not exist there; nor do the categories of 2022.
        assert!(messages(&[pair(10, 7, 1)], &schools, 2023, 3).is_empty());
        // A pairing that runs into September 2023 counts in both school years.
        let mut long = pair(11, 1, 7);
        long.draft.end = d(2023, 12, 31);
        assert!(messages(std::slice::from_ref(&long), &schools, 2022, 3).is_empty());
    }

    #[test]
    fn the_demo_viewed_in_its_school_year_flags_nothing_unpaired() {
        // The case: ШНОР «2022», pairings from 16.02.2023 — every school has its mentor.
        let schools: Vec<School> = (1..=7)
            .map(|i| school(i, &format!("СОШ № {i}"), Category::LowResults))
            .chain([school(8, "лицей № 7", Category::Mentor), school(9, "СОШ № 36", Category::Mentor)])
            .collect();
        let pairings: Vec<Pairing> = (1..=7).map(|i| pair(100 + i, i, if i < 4 { 8 } else { 9 })).collect();
        assert!(messages(&pairings, &schools, 2022, 5).is_empty());
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
        assert_eq!(
            messages(&pairings, &schools, 2022, 1),
            ["наставник СОШ № 2 сам в списке ШНОР", "у наставника лицей № 7 2 школы — больше предела (1)"]
        );
        assert_eq!(
            messages(&pairings[..1], &schools, 2022, 3),
            [
                "у школы СОШ № 2 нет наставника в 2022/23 учебном году",
                "у школы СОШ № 3 нет наставника в 2022/23 учебном году"
            ]
        );
    }

    #[test]
    fn a_new_pairing_offers_unpaired_schools_and_real_mentors_first() {
        let schools = [
            school(1, "СОШ № 1", Category::LowResults),
            school(2, "СОШ № 2", Category::LowResults),
            school(5, "СОШ № 5", Category::TrainingSite),
            school(7, "лицей № 7", Category::Mentor),
            School { id: 9, draft: SchoolDraft { short_name: "СОШ № 9".into(), ..Default::default() } },
        ];
        let c = pairing_choices(&[pair(10, 1, 7)], &schools, &SchoolYear::new(2022));
        assert_eq!(c.supported, [2, 1, 5, 7, 9]);
        assert_eq!(c.default_supported, Some(2));
        let groups: Vec<(&str, &[Id])> =
            c.mentors.iter().map(|g| (g.label.as_str(), g.schools.as_slice())).collect();
        assert_eq!(
            groups,
            [
                ("Школы-наставники", &[5, 7][..]),
                ("Другие школы", &[9][..]),
                ("Сами в списке ШНОР", &[1, 2][..])
            ]
        );
        assert_eq!(c.default_mentor, Some(5));
        // In a year with no categories recorded nobody is ШНОР: every school is «другая».
        let c = pairing_choices(&[], &schools, &SchoolYear::new(2025));
        assert_eq!(c.mentors.len(), 1);
        assert_eq!(c.default_supported, Some(1));
        assert_eq!(c.default_mentor, Some(2));
    }
}
