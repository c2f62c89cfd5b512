//! The columns of a roadmap table: what a document prints, what an import finds in a table.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{Event, Roadmap};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Column {
    Number,
    Content,
    Timeframe,
    Executors,
    Result,
    Evidence,
    Completion,
}

impl Column {
    pub const ALL: [Column; 7] = [
        Column::Number,
        Column::Content,
        Column::Timeframe,
        Column::Executors,
        Column::Result,
        Column::Evidence,
        Column::Completion,
    ];

    /// The code used on the command line: `number,content,timeframe,executors,completion`.
    pub fn code(self) -> &'static str {
        match self {
            Column::Number => "number",
            Column::Content => "content",
            Column::Timeframe => "timeframe",
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
            Column::Executors => e.executors.iter().map(|x| x.printed()).collect::<Vec<_>>().join("\n"),
            Column::Result => e.result.clone(),
            Column::Evidence => e.evidence.clone(),
            Column::Completion => e.completion_mark.clone(),
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

    /// The header as a roadmap prints it.
    pub fn title(self) -> &'static str {
        match self {
            Column::Number => "№ п/п",
            Column::Content => "Содержание деятельности",
            Column::Timeframe => "Сроки реализации",
            Column::Executors => "Ответственный исполнитель",
            Column::Result => "Планируемый результат",
            Column::Evidence => "Документы, фиксирующие результат",
            Column::Completion => "Отметка о выполнении",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn column_lists_are_read_by_code() {
        assert_eq!(Column::parse_list("number, content,,").unwrap(), [Column::Number, Column::Content]);
        assert!(Column::parse_list("number,colour").unwrap_err().contains("«colour»"));
    }
}
