//! The columns of a roadmap table: what a document prints, what an import finds in a table.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

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
    fn column_lists_are_read_by_code() {
        assert_eq!(Column::parse_list("number, content,,").unwrap(), [Column::Number, Column::Content]);
        assert!(Column::parse_list("number,colour").unwrap_err().contains("«colour»"));
    }
}
