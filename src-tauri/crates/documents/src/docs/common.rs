//! What every document shares: sizes, the annex mark, titles, Russian dates.

use chrono::NaiveDate;
use domain::Order;

use crate::fonts::Style;
use crate::layout::{mm, Align, Block, Cell, Paragraph, Row, Table};

/// Body text (ГОСТ Р 7.0.97: 14 pt) and tables (12 pt or smaller).
pub const BODY: f32 = 14.0;
pub const TABLE: f32 = 12.0;
/// The red line of Russian body text.
pub const INDENT: f32 = 12.5;

/// Everything a document may draw on, gathered by the caller from the store.
pub use domain::District;

/// «Приложение N к приказу … от … № …», top right of an annex's first page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnnexMark {
    pub number: Option<i32>,
    pub issuer: String,
    pub date: NaiveDate,
    pub order_number: String,
}

impl AnnexMark {
    pub fn of(order: &Order, number: i32, numbered: bool) -> AnnexMark {
        AnnexMark {
            number: numbered.then_some(number),
            issuer: order.draft.issuer.clone(),
            date: order.draft.date,
            order_number: order.draft.number.clone(),
        }
    }

    pub fn block(&self, page_width_pt: f32) -> Block {
        let head = match self.number {
            Some(n) => format!("Приложение {n}"),
            None => "Приложение".to_owned(),
        };
        let text = format!(
            "{head}\nк приказу {}\nот {} № {}",
            genitive(&self.issuer),
            ru_date(self.date),
            self.order_number
        );
        // The mark stands in the right part of the page, its lines flush left, 95 mm wide.
        let indent = (page_width_pt - mm(95.0)).max(0.0);
        Block::Paragraph(Paragraph::new(text, TABLE).indent(0.0, indent).space(0.0, mm(6.0)))
    }
}

/// The issuer in the genitive, as «к приказу …» needs it: «Управление образования» →
/// «Управления образования», «Комитет по образованию» → «Комитета по образованию».
pub fn genitive(issuer: &str) -> String {
    let (first, rest) = issuer.split_once(' ').unwrap_or((issuer, ""));
    let changed = if let Some(stem) = first.strip_suffix("ие") {
        format!("{stem}ия")
    } else if let Some(stem) = first.strip_suffix("ство") {
        format!("{stem}ства")
    } else if let Some(stem) = first.strip_suffix('я') {
        format!("{stem}и")
    } else if let Some(stem) = first.strip_suffix('а') {
        format!("{stem}ы")
    } else if first
        .ends_with(|c: char| "бвгджзклмнпрстфхцчшщ".contains(c.to_lowercase().next().unwrap_or(' ')))
    {
        format!("{first}а")
    } else {
        first.to_owned()
    };
    if rest.is_empty() {
        changed
    } else {
        format!("{changed} {rest}")
    }
}

pub fn ru_date(d: NaiveDate) -> String {
    domain::ru_date(d)
}

pub fn title(text: impl Into<String>) -> Block {
    Block::Paragraph(
        Paragraph::new(text, BODY).style(Style::Bold).align(Align::Center).space(mm(2.0), mm(4.0)),
    )
}

pub fn body(text: impl Into<String>) -> Block {
    Block::Paragraph(Paragraph::new(text, BODY).align(Align::Justify).indent(mm(INDENT), 0.0))
}

/// A plain bordered table with a bold centred header row and the column-number row below it,
/// the numbers repeated on every further page.
pub fn table(widths: Vec<f32>, titles: &[&str], rows: Vec<Row>) -> Table {
    let head = |t: &str| Cell::of(Paragraph::new(t, TABLE).style(Style::Bold).align(Align::Center));
    let numbers = Row::Cells(
        (1..=titles.len())
            .map(|i| Cell::of(Paragraph::new(i.to_string(), 10.0).align(Align::Center)))
            .collect(),
    );
    Table {
        widths,
        header: vec![Row::Cells(titles.iter().map(|t| head(t)).collect()), numbers.clone()],
        continued: vec![numbers],
        rows,
        borders: true,
        shade: true,
    }
}

pub fn cell(text: impl Into<String>) -> Cell {
    Cell::text(text, TABLE)
}

pub fn centred(text: impl Into<String>) -> Cell {
    Cell::of(Paragraph::new(text, TABLE).align(Align::Center))
}

pub fn span(text: impl Into<String>) -> Row {
    Row::Span(Cell::of(Paragraph::new(text, TABLE).style(Style::Bold).align(Align::Center)))
}

#[cfg(test)]
mod tests {
    use super::genitive;

    #[test]
    fn issuers_in_the_genitive() {
        assert_eq!(genitive("Управление образования г. Таганрога"), "Управления образования г. Таганрога");
        assert_eq!(genitive("Комитет по образованию"), "Комитета по образованию");
        assert_eq!(genitive("Министерство образования"), "Министерства образования");
        assert_eq!(genitive("Администрация района"), "Администрации района");
        assert_eq!(genitive("Служба"), "Службы");
    }
}
