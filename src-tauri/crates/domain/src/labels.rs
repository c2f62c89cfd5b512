//! Russian names of the enums, as the CLI and the documents print them.

use crate::{Category, EventStatus, Progress};

impl Category {
    /// «ШНОР», «ШНСУ», «500+» …
    pub fn label(self) -> &'static str {
        match self {
            Category::LowResults => "ШНОР",
            Category::AdverseConditions => "ШНСУ",
            Category::RiskZone => "зона риска",
            Category::Project500 => "«500+»",
            Category::Mentor => "школа-наставник",
            Category::TrainingSite => "стажировочная площадка",
        }
    }
}

impl EventStatus {
    pub fn label(self) -> &'static str {
        match self {
            EventStatus::Planned => "запланировано",
            EventStatus::InProgress => "выполняется",
            EventStatus::Done => "выполнено",
            EventStatus::Cancelled => "отменено",
        }
    }
}

impl Progress {
    pub fn label(self) -> &'static str {
        match self {
            Progress::Done => "выполнено",
            Progress::Cancelled => "отменено",
            Progress::Overdue => "просрочено",
            Progress::InProgress => "выполняется",
            Progress::Planned => "запланировано",
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::{Category, EventStatus};

    #[test]
    fn codes_round_trip() {
        for c in Category::ALL {
            assert_eq!(Category::from_code(c.code()), Some(c));
            let json = serde_json::to_string(&c).unwrap();
            assert_eq!(json, format!("\"{}\"", c.code()));
        }
        for s in EventStatus::ALL {
            assert_eq!(EventStatus::from_code(s.code()), Some(s));
        }
    }
}
