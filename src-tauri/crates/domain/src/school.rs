//! Schools, their yearly categories, risk profiles and mentor pairings.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::Id;

/// Категория школы на год.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Category {
    /// ШНОР.
    LowResults,
    /// ШНСУ.
    AdverseConditions,
    /// В зоне риска снижения образовательных результатов.
    RiskZone,
    /// «500+» (with a cohort year).
    #[serde(rename = "project_500")]
    #[ts(rename = "project_500")]
    Project500,
    /// Школа-наставник.
    Mentor,
    /// Стажировочная / базовая площадка.
    TrainingSite,
}

impl Category {
    pub const ALL: [Category; 6] = [
        Category::LowResults,
        Category::AdverseConditions,
        Category::RiskZone,
        Category::Project500,
        Category::Mentor,
        Category::TrainingSite,
    ];

    /// The code stored in the database and sent as JSON.
    pub fn code(self) -> &'static str {
        match self {
            Category::LowResults => "low_results",
            Category::AdverseConditions => "adverse_conditions",
            Category::RiskZone => "risk_zone",
            Category::Project500 => "project_500",
            Category::Mentor => "mentor",
            Category::TrainingSite => "training_site",
        }
    }

    pub fn from_code(code: &str) -> Option<Category> {
        Category::ALL.into_iter().find(|c| c.code() == code)
    }
}

/// A school's category for one year. `year` is the year the list was issued for (for an
/// academic year, the year it starts).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SchoolStatus {
    pub year: i32,
    pub category: Category,
    /// The «500+» cohort year; only with `project_500`.
    pub cohort_year: Option<i32>,
}

/// Образовательная организация.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct School {
    pub id: Id,
    #[serde(flatten)]
    pub draft: SchoolDraft,
}

/// What the user types for a school: everything but the id.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SchoolDraft {
    /// Full name: «Муниципальное общеобразовательное бюджетное учреждение …».
    pub name: String,
    /// Short name as printed: «МОБУ СОШ № 6».
    pub short_name: String,
    /// «Муразян О.В.».
    pub director: String,
    pub address: String,
    pub phone: String,
    pub email: String,
    pub statuses: Vec<SchoolStatus>,
    /// The login in ФИС ОКО («sch613024»): results tables name schools by it.
    #[serde(default)]
    pub code: String,
    /// ИНН, 10 digits.
    #[serde(default)]
    pub inn: String,
    /// City or village, when recorded: comparison schools are sought in the same kind of place.
    #[serde(default)]
    pub settlement: Option<Settlement>,
}

/// The kind of place a school is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Settlement {
    City,
    Village,
}

impl Settlement {
    pub fn code(self) -> &'static str {
        match self {
            Settlement::City => "city",
            Settlement::Village => "village",
        }
    }

    pub fn from_code(code: &str) -> Option<Settlement> {
        [Settlement::City, Settlement::Village].into_iter().find(|s| s.code() == code)
    }

    pub fn label(self) -> &'static str {
        match self {
            Settlement::City => "город",
            Settlement::Village => "село",
        }
    }
}

impl SchoolDraft {
    /// The categories the school has in `year`.
    pub fn categories_in(&self, year: i32) -> impl Iterator<Item = Category> + '_ {
        self.statuses.iter().filter(move |s| s.year == year).map(|s| s.category)
    }
}

/// A factor of the «500+» risk profile (editable reference data with an edition year).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RiskFactor {
    pub id: Id,
    pub edition_year: i32,
    pub position: i32,
    pub name: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum RiskLevel {
    Low,
    Medium,
    High,
}

/// One cell of a school's risk profile: school × factor × year → level.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RiskProfileEntry {
    pub school_id: Id,
    pub risk_factor_id: Id,
    pub year: i32,
    pub level: RiskLevel,
}

/// Межшкольное партнерство: a supported school and its mentor school for a period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Pairing {
    pub id: Id,
    #[serde(flatten)]
    pub draft: PairingDraft,
}

/// What the user gives for a pairing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PairingDraft {
    pub supported_school_id: Id,
    pub mentor_school_id: Id,
    pub start: NaiveDate,
    pub end: NaiveDate,
    /// The order that fixed the pairing: «приказ УО от 16.02.2023 № 206».
    pub basis_order: String,
    /// The agreement: «договор о совместной деятельности от …».
    pub basis_agreement: String,
    pub note: String,
}
