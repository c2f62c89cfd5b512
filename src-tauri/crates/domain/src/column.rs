//! The columns of a roadmap table: what a document prints, what an import finds in a table.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{Event, EventDraft, Roadmap};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Column {
    Number,
    Content,
    Timeframe,
    Place,
    Executors,
    Result,
    Evidence,
    Completion,
}

impl Column {
    pub const ALL: [Column; 8] = [
        Column::Number,
        Column::Content,
        Column::Timeframe,
        Column::Place,
        Column::Executors,
        Column::Result,
        Column::Evidence,
        Column::Completion,
    ];

    /// The column's place in [`Column::ALL`] (tables keyed by column are arrays).
    pub const fn index(self) -> usize {
        self as usize
    }

    /// The code used on the command line: `number,content,timeframe,executors,completion`.
    pub fn code(self) -> &'static str {
        match self {
            Column::Number => "number",
            Column::Content => "content",
            Column::Timeframe => "timeframe",
            Column::Place => "place",
            Column::Executors => "executors",
            Column::Result => "result",
            Column::Evidence => "evidence",
            Column::Completion => "completion",
        }
    }

    /// `number,content` → the columns; an unknown code is named in Russian.
    pub fn parse_list(list: &str) -> Result<Vec<Column>, String> {
        list.split(',')
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .map(|c| {
                Column::ALL.into_iter().find(|k| k.code() == c).ok_or_else(|| {
                    let known: Vec<_> = Column::ALL.iter().map(|k| k.code()).collect();
                    format!("неизвестный столбец «{c}»; возможны: {}", known.join(", "))
                })
            })
            .collect()
    }

    /// What the column holds of an event, as it was typed.
    pub fn value(self, e: &Event) -> String {
        match self {
            Column::Number => e.number.clone(),
            Column::Content => e.content.clone(),
            Column::Timeframe => e.timeframe.text.clone(),
            Column::Place => e.place.clone(),
            Column::Executors => e.executors.iter().map(|x| x.printed()).collect::<Vec<_>>().join("\n"),
            Column::Result => e.result.clone(),
            Column::Evidence => e.evidence.clone(),
            Column::Completion => e.completion_mark.clone(),
        }
    }

    /// Where a column's text goes in an event's row, as typed; None for the number (the
    /// outline's) and the executors (read into people).
    pub fn text_mut(self, d: &mut EventDraft) -> Option<&mut String> {
        match self {
            Column::Number | Column::Executors => None,
            Column::Content => Some(&mut d.content),
            Column::Timeframe => Some(&mut d.timeframe_text),
            Column::Place => Some(&mut d.place),
            Column::Result => Some(&mut d.result),
            Column::Evidence => Some(&mut d.evidence),
            Column::Completion => Some(&mut d.completion_mark),
        }
    }

    /// The name of the column's text in an event's row ([`EventDraft`]) and in its JSON: the key
    /// `koordinator events --json` writes it under. None for the number and the executors.
    pub fn field(self) -> Option<&'static str> {
        match self {
            Column::Number | Column::Executors => None,
            Column::Content => Some("content"),
            Column::Timeframe => Some("timeframe_text"),
            Column::Place => Some("place"),
            Column::Result => Some("result"),
            Column::Evidence => Some("evidence"),
            Column::Completion => Some("completion_mark"),
        }
    }

    /// How «Журнал изменений» names the column when an event's value in it changes.
    pub fn journal(self) -> &'static str {
        match self {
            Column::Number => "номер мероприятия",
            Column::Content => "содержание мероприятия",
            Column::Timeframe => "срок мероприятия",
            Column::Place => "место проведения",
            Column::Executors => "исполнители",
            Column::Result => "планируемый результат",
            Column::Evidence => "документ, подтверждающий результат",
            Column::Completion => "отметка о выполнении",
        }
    }

    /// A column's share of a printed table's width, and its width in an Excel sheet
    /// (characters).
    pub fn widths(self) -> (f32, f64) {
        match self {
            Column::Number => (7.0, 7.0),
            Column::Content => (40.0, 60.0),
            Column::Timeframe => (14.0, 22.0),
            Column::Place => (16.0, 24.0),
            Column::Executors => (22.0, 36.0),
            Column::Result => (20.0, 36.0),
            Column::Evidence => (14.0, 30.0),
            Column::Completion => (13.0, 30.0),
        }
    }

    /// The columns a plan's table prints unless the person chooses: the number and the content,
    /// then every other column at least one event fills — never one empty all the way down (an
    /// approving order's roadmap has no «Отметка о выполнении» yet).
    pub fn filled_in(r: &Roadmap) -> Vec<Column> {
        Column::ALL
            .into_iter()
            .filter(|&c| {
                matches!(c, Column::Number | Column::Content)
                    || r.events.iter().any(|e| !c.value(e).trim().is_empty())
            })
            .collect()
    }

    /// The short name the window shows beside a table's column (the import's choices).
    pub fn label(self) -> &'static str {
        match self {
            Column::Number => "№",
            Column::Content => "Содержание",
            Column::Timeframe => "Сроки",
            Column::Place => "Место проведения",
            Column::Executors => "Ответственные",
            Column::Result => "Результат",
            Column::Evidence => "Документы",
            Column::Completion => "Отметка о выполнении",
        }
    }

    /// The header as a roadmap prints it.
    pub fn title(self) -> &'static str {
        match self {
            Column::Number => "№ п/п",
            Column::Content => "Содержание деятельности",
            Column::Timeframe => "Сроки реализации",
            Column::Place => "Место проведения",
            Column::Executors => "Ответственный исполнитель",
            Column::Result => "Планируемый результат",
            Column::Evidence => "Документы, фиксирующие результат",
            Column::Completion => "Отметка о выполнении",
        }
    }
}

/// What a roadmap may print above its table (блоки над таблицей).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum RoadmapBlock {
    Goal,
    Tasks,
    Coordinator,
    Schools,
}

impl RoadmapBlock {
    pub const ALL: [RoadmapBlock; 4] =
        [RoadmapBlock::Goal, RoadmapBlock::Tasks, RoadmapBlock::Coordinator, RoadmapBlock::Schools];

    /// The code used on the command line: `goal,tasks,coordinator,schools`.
    pub fn code(self) -> &'static str {
        match self {
            RoadmapBlock::Goal => "goal",
            RoadmapBlock::Tasks => "tasks",
            RoadmapBlock::Coordinator => "coordinator",
            RoadmapBlock::Schools => "schools",
        }
    }

    /// Its name in the window's list.
    pub fn title(self) -> &'static str {
        match self {
            RoadmapBlock::Goal => "цель",
            RoadmapBlock::Tasks => "задачи",
            RoadmapBlock::Coordinator => "муниципальный координатор",
            RoadmapBlock::Schools => "курируемые школы и школы-наставники",
        }
    }

    /// `goal,tasks` → the blocks (`none`: none of them); an unknown code is named in Russian.
    pub fn parse_list(list: &str) -> Result<Vec<RoadmapBlock>, String> {
        list.split(',')
            .map(str::trim)
            .filter(|b| !b.is_empty() && *b != "none")
            .map(|b| {
                RoadmapBlock::ALL.into_iter().find(|k| k.code() == b).ok_or_else(|| {
                    let known: Vec<_> = RoadmapBlock::ALL.iter().map(|k| k.code()).collect();
                    format!("неизвестный блок «{b}»; возможны: {}", known.join(", "))
                })
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The columns' names reach the window from here, not re-typed in TypeScript: written
    /// beside ts-rs's bindings when the tests run (CI fails if the committed file differs).
    #[test]
    fn the_column_names_reach_the_window() {
        let mut ts = String::from(
            "// Generated by `cargo test -p domain` from domain::Column (column.rs). Do not edit.\n\
             import type { Column } from \"./Column\";\n",
        );
        for (name, what, text) in [
            (
                "COLUMN_LABELS",
                "The short name beside a table's column.",
                Column::label as fn(Column) -> &'static str,
            ),
            ("COLUMN_TITLES", "The header as a roadmap prints it.", Column::title),
        ] {
            ts.push_str(&format!("\n/** {what} */\nexport const {name}: Record<Column, string> = {{\n"));
            for c in Column::ALL {
                ts.push_str(&format!("  {}: {:?},\n", c.code(), text(c)));
            }
            ts.push_str("};\n");
        }
        let dir = std::env::var("TS_RS_EXPORT_DIR").unwrap_or_else(|_| "../../../ui/src/api/bindings".into());
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
        std::fs::write(dir.join("columns.ts"), ts).unwrap();
        // The command line's codes are the window's: serde's names.
        for c in Column::ALL {
            assert_eq!(serde_json::to_string(&c).unwrap(), format!("\"{}\"", c.code()));
        }
        for b in RoadmapBlock::ALL {
            assert_eq!(serde_json::to_string(&b).unwrap(), format!("\"{}\"", b.code()));
        }
        assert_eq!(RoadmapBlock::parse_list("goal, none").unwrap(), [RoadmapBlock::Goal]);
        assert_eq!(
            RoadmapBlock::parse_list("goal,цель").unwrap_err(),
            "неизвестный блок «цель»; возможны: goal, tasks, coordinator, schools"
        );
    }

    #[test]
    fn a_plan_prints_the_columns_its_events_fill() {
        use crate::fixture;
        let event = |result: &str, mark: &str| Event {
            result: result.into(),
            completion_mark: mark.into(),
            ..fixture::event(1)
        };
        let plan = fixture::roadmap;
        // Results typed in one event of two; nobody has marked anything done yet.
        let r = plan(vec![event("Приказ", ""), event("", "")]);
        assert_eq!(Column::filled_in(&r), [Column::Number, Column::Content, Column::Result]);
        let r = plan(vec![event("", "Выполнено 12.03.2023")]);
        assert_eq!(Column::filled_in(&r), [Column::Number, Column::Content, Column::Completion]);
        assert_eq!(Column::filled_in(&plan(Vec::new())), [Column::Number, Column::Content]);
    }

    #[test]
    fn every_column_sits_at_its_index() {
        for (i, c) in Column::ALL.into_iter().enumerate() {
            assert_eq!(c.index(), i, "{c:?}");
        }
        // The importer keeps the number and the content apart from the other cells.
        assert_eq!(&Column::ALL[..2], &[Column::Number, Column::Content]);
    }

    #[test]
    fn column_lists_are_read_by_code() {
        assert_eq!(Column::parse_list("number, content,,").unwrap(), [Column::Number, Column::Content]);
        assert!(Column::parse_list("number,colour").unwrap_err().contains("«colour»"));
    }
}
