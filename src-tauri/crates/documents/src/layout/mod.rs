//! A small layout engine: paragraphs and tables flowed into A4 pages as a display list of
//! positioned words and lines, which `render` turns into PDF. Everything is measured with the
//! fonts' real advances; nothing is ever drawn outside the margins.

mod chart;
mod flow;
mod text;

pub use chart::{Chart, ChartKind, IntervalRow, Series};
pub use flow::{flow, Item, Page};
pub use text::Line;

use crate::fonts::Style;

/// Millimetres to points.
pub fn mm(v: f32) -> f32 {
    v * 72.0 / 25.4
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Orientation {
    Portrait,
    Landscape,
}

/// Page margins in mm (ГОСТ Р 7.0.97: at least 20 left, 10 right, 20 top and bottom).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Margins {
    pub top: f32,
    pub right: f32,
    pub bottom: f32,
    pub left: f32,
}

impl Margins {
    pub const STANDARD: Margins = Margins { top: 20.0, right: 10.0, bottom: 20.0, left: 20.0 };
    /// For documents kept over ten years: a 30 mm left margin for binding.
    pub const LONG_KEPT: Margins = Margins { top: 20.0, right: 10.0, bottom: 20.0, left: 30.0 };
}

/// The sheet: A4 for every document, A3 for a wide timeline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Paper {
    #[default]
    A4,
    A3,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PageSetup {
    pub orientation: Orientation,
    pub margins: Margins,
    pub paper: Paper,
}

impl PageSetup {
    /// An A4 page.
    pub fn a4(orientation: Orientation, margins: Margins) -> PageSetup {
        PageSetup { orientation, margins, paper: Paper::A4 }
    }

    /// Page width and height in pt.
    pub fn size(&self) -> (f32, f32) {
        let (w, h) = match self.paper {
            Paper::A4 => (mm(210.0), mm(297.0)),
            Paper::A3 => (mm(297.0), mm(420.0)),
        };
        match self.orientation {
            Orientation::Portrait => (w, h),
            Orientation::Landscape => (h, w),
        }
    }

    /// The printable area: (left, top, right, bottom) in pt from the top-left corner.
    pub fn area(&self) -> (f32, f32, f32, f32) {
        let (w, h) = self.size();
        let m = self.margins;
        (mm(m.left), mm(m.top), w - mm(m.right), h - mm(m.bottom))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Center,
    Right,
    Justify,
}

/// A paragraph: its text may hold `\n` (forced line breaks); a line starting with «- » or «• »
/// is a list item and wraps under its own text.
#[derive(Debug, Clone, PartialEq)]
pub struct Paragraph {
    pub text: String,
    pub style: Style,
    pub size: f32,
    pub align: Align,
    /// Indent of the first line, pt (the red line of Russian body text).
    pub first_indent: f32,
    /// Left indent of every line, pt.
    pub left_indent: f32,
    pub space_before: f32,
    pub space_after: f32,
}

impl Paragraph {
    pub fn new(text: impl Into<String>, size: f32) -> Paragraph {
        Paragraph {
            text: text.into(),
            style: Style::Regular,
            size,
            align: Align::Left,
            first_indent: 0.0,
            left_indent: 0.0,
            space_before: 0.0,
            space_after: 0.0,
        }
    }

    pub fn style(mut self, style: Style) -> Paragraph {
        self.style = style;
        self
    }

    pub fn align(mut self, align: Align) -> Paragraph {
        self.align = align;
        self
    }

    pub fn indent(mut self, first: f32, left: f32) -> Paragraph {
        self.first_indent = first;
        self.left_indent = left;
        self
    }

    pub fn space(mut self, before: f32, after: f32) -> Paragraph {
        self.space_before = before;
        self.space_after = after;
        self
    }

    /// Line height: single spacing of Times New Roman in Word.
    pub fn line_height(&self) -> f32 {
        self.size * 1.15
    }
}

/// A table cell: paragraphs stacked, and filled bands drawn behind them (a timeline's bars).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Cell {
    pub paragraphs: Vec<Paragraph>,
    pub fills: Vec<CellFill>,
}

/// A band across part of a cell: `from` and `to` are fractions of the cell's width; `tone` is
/// the grey level (0 black, 1 white); a thin band is a line through the middle of the row.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CellFill {
    pub from: f32,
    pub to: f32,
    pub tone: f32,
    pub thin: bool,
}

impl Cell {
    pub fn text(text: impl Into<String>, size: f32) -> Cell {
        Cell { paragraphs: vec![Paragraph::new(text, size)], fills: Vec::new() }
    }

    pub fn of(p: Paragraph) -> Cell {
        Cell { paragraphs: vec![p], fills: Vec::new() }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Row {
    Cells(Vec<Cell>),
    /// A row spanning every column (a section of a roadmap).
    Span(Cell),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// Relative widths of the columns.
    pub widths: Vec<f32>,
    /// Rows at the top of the table.
    pub header: Vec<Row>,
    /// Rows repeated at the top of every further page the table runs onto (the column
    /// numbers «1 2 3 4 5», or the whole header).
    pub continued: Vec<Row>,
    pub rows: Vec<Row>,
    pub borders: bool,
    /// Shade header and spanning rows.
    pub shade: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Paragraph(Paragraph),
    Table(Table),
    Space(f32),
    /// Placed at the bottom of the current page (the executor mark of an order).
    AtBottom(Paragraph),
    /// Starts a new page.
    PageBreak,
    /// A chart, kept whole on one page.
    Chart(Chart),
}

/// A part of a document with its own page setup and page numbering: the order, each annex.
#[derive(Debug, Clone, PartialEq)]
pub struct Part {
    pub setup: PageSetup,
    pub blocks: Vec<Block>,
}
