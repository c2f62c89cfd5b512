//! The region's picture (issue 27): what a district package says about its district — its
//! supported schools by year, its roadmaps' progress, its effectiveness estimate — and what
//! changed since the district's previous package. Computed once, when a package is accepted;
//! the region's table and documents read these summaries, never the packages themselves.

use std::collections::BTreeSet;

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::text::count;
use crate::{Category, SUPPORTED};

/// What a package says of itself (`manifest.json`): who made it, when, from which schema, and
/// the SHA-256 of its content. Local row ids never appear here: a district is its ОКТМО.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Manifest {
    /// Always [`Manifest::FORMAT`]: a zip of ours that is not a package is told apart.
    pub format: String,
    pub format_version: u32,
    /// ОКТМО.
    pub district_code: String,
    pub district_name: String,
    /// The district's education body.
    pub issuer: String,
    /// The data file the package was made from (two computers of one district differ here).
    pub file_id: String,
    /// Local time of the district's computer.
    #[ts(type = "string")]
    pub made_at: NaiveDateTime,
    pub program_version: String,
    /// The data file's schema version (its migrations).
    pub schema_version: u32,
    /// Hex SHA-256 of the content file.
    pub sha256: String,
}

impl Manifest {
    pub const FORMAT: &'static str = "koordinator-district-package";
    /// The version of the package format this program writes and the newest it reads.
    pub const VERSION: u32 = 1;
}

/// Supported schools of one school year by category, and those without a mentor school.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct YearSchools {
    pub year: i32,
    /// Per category of [`SUPPORTED`], in that order; a school with two categories counts in each.
    pub by_category: Vec<CategoryCount>,
    /// Schools with at least one supported category.
    pub supported: u32,
    pub without_mentor: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CategoryCount {
    pub category: Category,
    pub schools: u32,
}

/// One roadmap's progress on the package's day.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PlanProgress {
    pub title: String,
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub events: u32,
    pub done: u32,
    pub overdue: u32,
    pub cancelled: u32,
}

/// The district's own effectiveness estimate (its default analysis), when it has results.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct DistrictEffect {
    pub metric: String,
    pub unit: String,
    pub value: f64,
    pub low: Option<f64>,
    pub high: Option<f64>,
    pub schools: u32,
    pub comparison_schools: u32,
    pub pupils: u32,
    pub few: bool,
    /// «−3,5 п. п. (95 % интервал: от −6,0 до −1,0)».
    pub text: String,
    /// The analysis's first finding, in the district's words.
    pub finding: String,
}

/// What identifies the district's things across packages, for [`changes`]: roadmap titles,
/// the events done (roadmap title and number), the schools supported in the latest year (code
/// or, without one, short name).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Digest {
    pub plans: BTreeSet<String>,
    pub done: BTreeSet<String>,
    pub supported: BTreeSet<String>,
}

/// Everything the region keeps of a package besides the package itself.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct DistrictSummary {
    /// The package's day: progress (done, overdue) is as of it.
    pub as_of: NaiveDate,
    pub schools: u32,
    /// Oldest first.
    pub years: Vec<YearSchools>,
    pub plans: Vec<PlanProgress>,
    pub effect: Option<DistrictEffect>,
    pub digest: Digest,
}

impl DistrictSummary {
    /// The year's schools; an empty year when the district recorded none for it.
    pub fn year(&self, year: i32) -> YearSchools {
        self.years
            .iter()
            .find(|y| y.year == year)
            .cloned()
            .unwrap_or(YearSchools { year, ..Default::default() })
    }

    /// Supported schools of `year` in `category` (all supported ones for None).
    pub fn supported(&self, year: i32, category: Option<Category>) -> u32 {
        let y = self.year(year);
        match category {
            None => y.supported,
            Some(c) => y.by_category.iter().find(|n| n.category == c).map_or(0, |n| n.schools),
        }
    }

    /// Events of every roadmap together (done, overdue, not cancelled).
    pub fn events(&self) -> (u32, u32, u32) {
        self.plans.iter().fold((0, 0, 0), |(d, o, t), p| {
            (d + p.done, o + p.overdue, t + p.events.saturating_sub(p.cancelled))
        })
    }
}

/// Counts schools by supported category for every year that has one.
pub fn year_schools(schools: &[crate::School], pairings: &[crate::Pairing]) -> Vec<YearSchools> {
    let years: BTreeSet<i32> =
        schools.iter().flat_map(|s| s.draft.statuses.iter().map(|st| st.year)).collect();
    years
        .into_iter()
        .filter_map(|year| {
            let school_year = crate::SchoolYear::new(year);
            let mut by_category: Vec<CategoryCount> =
                SUPPORTED.iter().map(|&category| CategoryCount { category, schools: 0 }).collect();
            let (mut supported, mut without_mentor) = (0, 0);
            for s in schools {
                let cats: BTreeSet<Category> =
                    s.draft.categories_in(year).filter(|c| SUPPORTED.contains(c)).collect();
                if cats.is_empty() {
                    continue;
                }
                supported += 1;
                for n in by_category.iter_mut().filter(|n| cats.contains(&n.category)) {
                    n.schools += 1;
                }
                let paired = pairings.iter().any(|p| {
                    p.draft.supported_school_id == s.id && school_year.touches(p.draft.start, p.draft.end)
                });
                if !paired {
                    without_mentor += 1;
                }
            }
            (supported > 0).then_some(YearSchools { year, by_category, supported, without_mentor })
        })
        .collect()
}

/// What changed since the district's previous package, in Russian sentences for the window
/// and the command line.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Changes {
    /// No previous package: everything is new.
    pub first: bool,
    pub new_plans: Vec<String>,
    pub removed_plans: Vec<String>,
    /// Events done since the previous package.
    pub done_since: u32,
    pub schools_added: Vec<String>,
    pub schools_left: Vec<String>,
}

impl Changes {
    /// «новые дорожные карты: …», «выполнено мероприятий с прошлого пакета: 12» …; «без
    /// изменений» when nothing moved.
    pub fn lines(&self) -> Vec<String> {
        if self.first {
            return vec!["первый пакет района".into()];
        }
        let list = |v: &[String]| v.iter().map(|t| crate::text::quoted(t)).collect::<Vec<_>>().join(", ");
        let mut out = Vec::new();
        if !self.new_plans.is_empty() {
            out.push(format!("новые дорожные карты: {}", list(&self.new_plans)));
        }
        if !self.removed_plans.is_empty() {
            out.push(format!("больше нет дорожных карт: {}", list(&self.removed_plans)));
        }
        if self.done_since > 0 {
            out.push(format!(
                "с прошлого пакета выполнено {}",
                count(self.done_since as usize, "мероприятие", "мероприятия", "мероприятий")
            ));
        }
        if !self.schools_added.is_empty() {
            out.push(format!("новые курируемые школы: {}", self.schools_added.join(", ")));
        }
        if !self.schools_left.is_empty() {
            out.push(format!("больше не курируются: {}", self.schools_left.join(", ")));
        }
        if out.is_empty() {
            out.push("без изменений".into());
        }
        out
    }
}

/// The difference between a district's previous package and its new one.
pub fn changes(old: Option<&Digest>, new: &Digest) -> Changes {
    let Some(old) = old else { return Changes { first: true, ..Default::default() } };
    let minus = |a: &BTreeSet<String>, b: &BTreeSet<String>| a.difference(b).cloned().collect::<Vec<_>>();
    Changes {
        first: false,
        new_plans: minus(&new.plans, &old.plans),
        removed_plans: minus(&old.plans, &new.plans),
        done_since: new.done.difference(&old.done).count() as u32,
        schools_added: minus(&new.supported, &old.supported),
        schools_left: minus(&old.supported, &new.supported),
    }
}

/// How many days a package may be old before the region's table flags it.
pub const STALE_DAYS: i64 = 45;

/// A district as the region's table shows it: its last package and that package's summary.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct DistrictRow {
    pub code: String,
    pub name: String,
    pub issuer: String,
    #[ts(type = "string")]
    pub made_at: NaiveDateTime,
    #[ts(type = "string")]
    pub received_at: NaiveDateTime,
    /// The file it came in.
    pub source: String,
    pub program_version: String,
    pub summary: DistrictSummary,
    /// Since the package before it.
    pub changes: Changes,
}

impl DistrictRow {
    /// Older than [`STALE_DAYS`] on `today`.
    pub fn stale(&self, today: NaiveDate) -> bool {
        (today - self.made_at.date()).num_days() > STALE_DAYS
    }
}

/// Every district's figures for one school year (and one category, or all supported ones):
/// what the region's table and documents show, computed once in Rust.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RegionTable {
    pub year: i32,
    pub category: Option<Category>,
    /// The years any package has schools for, newest first.
    pub years: Vec<i32>,
    pub today: NaiveDate,
    pub rows: Vec<RegionRow>,
    pub total: RegionRow,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RegionRow {
    pub code: String,
    pub name: String,
    /// Per category of [`SUPPORTED`], for the year.
    pub by_category: Vec<CategoryCount>,
    /// Supported schools of the chosen category (all supported ones without one).
    pub supported: u32,
    pub without_mentor: u32,
    pub plans: u32,
    pub events: u32,
    pub done: u32,
    pub overdue: u32,
    /// Done of the events not cancelled, in per cent (None without events).
    pub percent_done: Option<u32>,
    #[ts(type = "string | null")]
    pub made_at: Option<NaiveDateTime>,
    pub stale: bool,
    pub changes: Vec<String>,
}

/// The region's table for `year` and `category`.
pub fn region_table(
    districts: &[DistrictRow],
    year: i32,
    category: Option<Category>,
    today: NaiveDate,
) -> RegionTable {
    let empty_counts =
        || SUPPORTED.iter().map(|&category| CategoryCount { category, schools: 0 }).collect::<Vec<_>>();
    let mut total = RegionRow {
        code: String::new(),
        name: "Всего по региону".into(),
        by_category: empty_counts(),
        supported: 0,
        without_mentor: 0,
        plans: 0,
        events: 0,
        done: 0,
        overdue: 0,
        percent_done: None,
        made_at: None,
        stale: false,
        changes: Vec::new(),
    };
    let rows: Vec<RegionRow> = districts
        .iter()
        .filter(|d| category.is_none() || d.summary.supported(year, category) > 0)
        .map(|d| {
            let y = d.summary.year(year);
            let (done, overdue, events) = d.summary.events();
            let row = RegionRow {
                code: d.code.clone(),
                name: d.name.clone(),
                by_category: if y.by_category.is_empty() { empty_counts() } else { y.by_category.clone() },
                supported: d.summary.supported(year, category),
                without_mentor: y.without_mentor,
                plans: d.summary.plans.len() as u32,
                events,
                done,
                overdue,
                percent_done: percent(done, events),
                made_at: Some(d.made_at),
                stale: d.stale(today),
                changes: d.changes.lines(),
            };
            for (t, n) in total.by_category.iter_mut().zip(&row.by_category) {
                t.schools += n.schools;
            }
            total.supported += row.supported;
            total.without_mentor += row.without_mentor;
            total.plans += row.plans;
            total.events += row.events;
            total.done += row.done;
            total.overdue += row.overdue;
            row
        })
        .collect();
    total.percent_done = percent(total.done, total.events);
    let mut years: Vec<i32> = districts
        .iter()
        .flat_map(|d| d.summary.years.iter().map(|y| y.year))
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    years.reverse();
    RegionTable { year, category, years, today, rows, total }
}

fn percent(done: u32, of: u32) -> Option<u32> {
    (of > 0).then(|| ((done as f64 * 100.0) / of as f64).round() as u32)
}

/// The school year the region's table opens on: the newest any package has, else today's.
pub fn default_year(districts: &[DistrictRow], today: NaiveDate) -> i32 {
    let current = crate::school_year_of(today);
    let years: BTreeSet<i32> =
        districts.iter().flat_map(|d| d.summary.years.iter().map(|y| y.year)).collect();
    if years.contains(&current) {
        current
    } else {
        years.iter().rev().find(|&&y| y <= current).or(years.last()).copied().unwrap_or(current)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Pairing, PairingDraft, School, SchoolDraft, SchoolStatus};

    fn school(id: i64, cats: &[(i32, Category)]) -> School {
        School {
            id,
            draft: SchoolDraft {
                short_name: format!("СОШ № {id}"),
                statuses: cats
                    .iter()
                    .map(|&(year, category)| SchoolStatus { year, category, cohort_year: None })
                    .collect(),
                ..Default::default()
            },
        }
    }

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn schools_are_counted_by_year_and_category_with_those_without_a_mentor() {
        let schools = [
            school(
                1,
                &[
                    (2022, Category::LowResults),
                    (2022, Category::AdverseConditions),
                    (2023, Category::LowResults),
                ],
            ),
            school(2, &[(2022, Category::Project500)]),
            school(3, &[(2022, Category::Mentor)]),
        ];
        // School 1 has a mentor in 2022/23 only; school 2 never.
        let pairings = [Pairing {
            id: 1,
            draft: PairingDraft {
                supported_school_id: 1,
                mentor_school_id: 3,
                start: date(2022, 9, 1),
                end: date(2023, 5, 31),
                basis_order: String::new(),
                basis_agreement: String::new(),
                note: String::new(),
            },
        }];
        let years = year_schools(&schools, &pairings);
        assert_eq!(years.len(), 2);
        let y2022 = &years[0];
        assert_eq!((y2022.year, y2022.supported, y2022.without_mentor), (2022, 2, 1));
        let n = |y: &YearSchools, c| y.by_category.iter().find(|n| n.category == c).unwrap().schools;
        assert_eq!(n(y2022, Category::LowResults), 1);
        assert_eq!(n(y2022, Category::AdverseConditions), 1);
        assert_eq!(n(y2022, Category::Project500), 1);
        assert_eq!((years[1].year, years[1].supported, years[1].without_mentor), (2023, 1, 1));
    }

    #[test]
    fn changes_name_new_plans_done_events_and_schools_both_ways() {
        let set = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<BTreeSet<_>>();
        let old =
            Digest {
                plans: set(&["План 2023"]), done: set(&["План 2023|1.1"]), supported: set(&["a", "b"])
            };
        let new = Digest {
            plans: set(&["План 2023", "План 2024"]),
            done: set(&["План 2023|1.1", "План 2023|1.2", "План 2024|1"]),
            supported: set(&["b", "c"]),
        };
        let c = changes(Some(&old), &new);
        assert_eq!(c.new_plans, ["План 2024"]);
        assert_eq!(c.done_since, 2);
        assert_eq!(
            (c.schools_added.as_slice(), c.schools_left.as_slice()),
            (&["c".to_string()][..], &["a".to_string()][..])
        );
        assert_eq!(
            c.lines(),
            [
                "новые дорожные карты: «План 2024»",
                "с прошлого пакета выполнено 2 мероприятия",
                "новые курируемые школы: c",
                "больше не курируются: a"
            ]
        );
        assert_eq!(changes(Some(&new), &new).lines(), ["без изменений"]);
        assert_eq!(changes(None, &new).lines(), ["первый пакет района"]);
    }

    #[test]
    fn the_table_sums_districts_and_flags_stale_packages() {
        let row = |code: &str, made: NaiveDate, done: u32, events: u32, supported: u32| DistrictRow {
            code: code.into(),
            name: format!("Район {code}"),
            issuer: String::new(),
            made_at: made.and_hms_opt(10, 0, 0).unwrap(),
            received_at: made.and_hms_opt(11, 0, 0).unwrap(),
            source: String::new(),
            program_version: String::new(),
            summary: DistrictSummary {
                as_of: made,
                schools: 10,
                years: vec![YearSchools {
                    year: 2026,
                    by_category: vec![CategoryCount { category: Category::LowResults, schools: supported }],
                    supported,
                    without_mentor: 1,
                }],
                plans: vec![PlanProgress {
                    title: "П".into(),
                    events,
                    done,
                    overdue: 1,
                    cancelled: 2,
                    ..Default::default()
                }],
                effect: None,
                digest: Digest::default(),
            },
            changes: Changes::default(),
        };
        let today = date(2026, 12, 4);
        let districts = [row("1", date(2026, 12, 1), 9, 12, 3), row("2", date(2026, 9, 1), 0, 0, 0)];
        let t = region_table(&districts, 2026, None, today);
        // 9 done of 12 − 2 cancelled = 90 %; the second district's package is 94 days old.
        assert_eq!(t.rows[0].percent_done, Some(90));
        assert_eq!((t.rows[0].stale, t.rows[1].stale), (false, true));
        assert_eq!((t.total.supported, t.total.done, t.total.events, t.total.without_mentor), (3, 9, 10, 2));
        // The second district drops out of the table for «ШНОР» (none of it in 2026).
        let t = region_table(&districts, 2026, Some(Category::LowResults), today);
        assert_eq!(t.rows.len(), 1);
        assert_eq!(default_year(&districts, today), 2026);
    }
}
