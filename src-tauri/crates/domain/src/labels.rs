//! Russian names of the enums, as the CLI and the documents print them. The window gets the
//! same names through `ui/src/api/bindings/labels.ts`, written by this module's test.

use crate::effectiveness::Trend;
use crate::{AnnexKind, Category, EventStatus, Progress};

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
    /// A «Состояние» cell: where the event stands on a day, and an overdue event's own status
    /// when it is under way («выполняется, просрочено»), so that the cell reads back to it.
    pub fn state_text(status: EventStatus, progress: Progress) -> String {
        match (status, progress) {
            (EventStatus::InProgress, Progress::Overdue) => {
                format!("{}, {}", status.label(), progress.label())
            }
            _ => progress.label().to_owned(),
        }
    }

    /// The status a «Состояние» cell names: a status's or a progress's label («просрочено» and
    /// «запланировано» are not done yet: planned; «выполняется, просрочено» is under way). None
    /// for anything else.
    pub fn from_label(text: &str) -> Option<EventStatus> {
        let t = text.split(',').next().unwrap_or("").trim().to_lowercase().replace('ё', "е");
        let progress = Progress::ALL.into_iter().find(|p| p.label() == t);
        match progress {
            Some(Progress::Done) => Some(EventStatus::Done),
            Some(Progress::InProgress) => Some(EventStatus::InProgress),
            Some(Progress::Cancelled) => Some(EventStatus::Cancelled),
            Some(Progress::Overdue | Progress::Planned) => Some(EventStatus::Planned),
            None => None,
        }
    }

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
    /// In the order the window lists them: from the finished to the not yet begun.
    pub const ALL: [Progress; 5] =
        [Progress::Done, Progress::InProgress, Progress::Overdue, Progress::Planned, Progress::Cancelled];

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

impl AnnexKind {
    pub const ALL: [AnnexKind; 7] = [
        AnnexKind::Roadmap,
        AnnexKind::Pairings,
        AnnexKind::WorkingGroup,
        AnnexKind::Schools,
        AnnexKind::Webinars,
        AnnexKind::Overview,
        AnnexKind::Effectiveness,
    ];

    /// What an annex of this kind is, in lists: «3. дорожная карта».
    pub fn label(self) -> &'static str {
        match self {
            AnnexKind::Roadmap => "дорожная карта",
            AnnexKind::Pairings => "закрепление школ-наставников",
            AnnexKind::WorkingGroup => "состав рабочей группы",
            AnnexKind::Schools => "список школ",
            AnnexKind::Webinars => "график вебинаров",
            AnnexKind::Overview => "ход реализации дорожной карты",
            AnnexKind::Effectiveness => "аналитическая справка о результатах и эффективности мер",
        }
    }
}

impl Trend {
    pub const ALL: [Trend; 5] =
        [Trend::Steady, Trend::SingleYear, Trend::Worse, Trend::Unclear, Trend::TooShort];
}

#[cfg(test)]
mod tests {
    use crate::effectiveness::Trend;
    use crate::{AnnexKind, Category, EventStatus, Metric, Progress};

    #[test]
    fn a_state_cell_reads_back_to_its_status() {
        use EventStatus::*;
        for status in [Planned, InProgress, Done, Cancelled] {
            for progress in Progress::ALL {
                let text = EventStatus::state_text(status, progress);
                let back = EventStatus::from_label(&text).unwrap();
                // Planned and overdue read as planned; the rest as they were.
                let expected = match (status, progress) {
                    (InProgress, Progress::Overdue) => InProgress,
                    (_, Progress::Done) => Done,
                    (_, Progress::Cancelled) => Cancelled,
                    (_, Progress::InProgress) => InProgress,
                    _ => Planned,
                };
                assert_eq!(back, expected, "{status:?} {progress:?} «{text}»");
            }
        }
        assert_eq!(EventStatus::from_label("  Выполнено "), Some(Done));
        assert_eq!(EventStatus::from_label("в работе"), None);
    }

    /// The TypeScript module the window takes these names from: one `Record<Type, string>` per
    /// enum, keyed by the serde codes, in the order of `ALL`.
    pub fn typescript() -> String {
        fn record<T: serde::Serialize + Copy>(
            name: &str,
            ty: &str,
            all: &[T],
            label: fn(T) -> &'static str,
        ) -> String {
            let mut out = format!("export const {name}: Record<{ty}, string> = {{\n");
            for &v in all {
                let code = serde_json::to_value(v)
                    .ok()
                    .and_then(|j| j.as_str().map(str::to_owned))
                    .unwrap_or_default();
                out.push_str(&format!("  {code}: {},\n", serde_json::Value::from(label(v))));
            }
            out.push_str("};\n");
            out
        }
        [
            "// Generated by `cargo test -p domain` from src-tauri/crates/domain/src/labels.rs. Do not edit.\n".to_owned(),
            ["Category", "EventStatus", "Progress", "AnnexKind", "Metric", "Trend"]
                .map(|t| format!("import type {{ {t} }} from \"./{t}\";\n"))
                .concat(),
            record("CATEGORY_LABELS", "Category", &Category::ALL, Category::label),
            record("STATUS_LABELS", "EventStatus", &EventStatus::ALL, EventStatus::label),
            record("PROGRESS_LABELS", "Progress", &Progress::ALL, Progress::label),
            record("ANNEX_LABELS", "AnnexKind", &AnnexKind::ALL, AnnexKind::label),
            record("METRIC_LABELS", "Metric", &Metric::ALL, Metric::label),
            record("TREND_LABELS", "Trend", &Trend::ALL, Trend::label),
        ]
        .join("\n")
    }

    /// Writes the window's copy of the labels next to the ts-rs bindings (CI fails when the
    /// committed file differs).
    #[test]
    fn labels_are_exported_to_typescript() {
        let ts = typescript();
        assert!(ts.contains("  risk_zone: \"зона риска\",\n"), "{ts}");
        assert!(ts.contains("  project_500: \"«500+»\",\n"), "{ts}");
        assert!(ts.contains("  overdue: \"просрочено\",\n"), "{ts}");
        if let Ok(dir) = std::env::var("TS_RS_EXPORT_DIR") {
            std::fs::write(std::path::Path::new(&dir).join("labels.ts"), ts).unwrap();
        }
    }

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
