//! Pagination: blocks flowed into pages of a part; a table's header repeats on every page it
//! runs onto, a row taller than the rest of a page continues on the next, page numbers stand at
//! the top centre from the second page of each part.

use super::text::{wrap, Line};
use super::{Block, Cell, CellFill, PageSetup, Paragraph, Part, Row, Table};
use crate::fonts::{Fonts, Style, Warnings};
use crate::layout::mm;

/// Something drawn on a page; coordinates in pt from the top-left corner, `y` of text is its baseline.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    /// One line of text: runs at their x, on one baseline `y`, in one face.
    Text { y: f32, style: Style, size: f32, runs: Vec<(f32, String)> },
    /// A rule `width` pt thick in grey `tone` (0 black).
    Line { x1: f32, y1: f32, x2: f32, y2: f32, width: f32, tone: f32 },
    /// A filled rectangle in grey `tone` (0 black, 1 white).
    Fill { x: f32, y: f32, w: f32, h: f32, tone: f32 },
}

#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    pub setup: PageSetup,
    pub items: Vec<Item>,
}

const NUMBER_SIZE: f32 = 12.0;
const PAD_X: f32 = 1.5;
const PAD_Y: f32 = 0.8;

/// Lays out every part, each starting on a new page.
pub fn flow(parts: &[Part], fonts: &Fonts, warnings: &mut Warnings) -> Vec<Page> {
    let mut pages = Vec::new();
    for part in parts {
        let mut f = Flow::new(part.setup, fonts, warnings);
        for block in &part.blocks {
            f.block(block);
        }
        pages.extend(f.pages);
    }
    pages
}

struct Flow<'a> {
    fonts: &'a Fonts,
    warnings: &'a mut Warnings,
    setup: PageSetup,
    pages: Vec<Page>,
    y: f32,
    left: f32,
    right: f32,
    top: f32,
    bottom: f32,
    /// Nothing placed on the current page yet (no space before the first block).
    fresh: bool,
    /// Where the last bordered row on this page ended: the next row shares that rule.
    rule_at: Option<f32>,
}

/// One line of a cell (or a gap between its paragraphs), ready to be placed; a cell's fills
/// ride on a first line of no height, so they go to the page with the row's first chunk.
#[derive(Clone)]
struct CellLine {
    height: f32,
    text: Option<(Line, Style, f32)>,
    fills: Vec<CellFill>,
}

/// The grey of shaded header and section rows.
const SHADE: f32 = 0.92;

impl<'a> Flow<'a> {
    fn new(setup: PageSetup, fonts: &'a Fonts, warnings: &'a mut Warnings) -> Flow<'a> {
        let (left, top, right, bottom) = setup.area();
        let mut f = Flow {
            fonts,
            warnings,
            setup,
            pages: Vec::new(),
            y: top,
            left,
            right,
            top,
            bottom,
            fresh: true,
            rule_at: None,
        };
        f.new_page();
        f
    }

    fn page(&mut self) -> &mut Page {
        self.pages.last_mut().expect("a flow always has a page")
    }

    fn new_page(&mut self) {
        self.pages.push(Page { setup: self.setup, items: Vec::new() });
        self.y = self.top;
        self.fresh = true;
        self.rule_at = None;
        let n = self.pages.len();
        if n >= 2 {
            // ГОСТ Р 7.0.97: numbers at the top centre, from the second page.
            let text = n.to_string();
            let w = self.fonts.face(Style::Regular).width(&text, NUMBER_SIZE);
            let x = (self.left + self.right - w) / 2.0;
            let y = self.top + self.baseline(NUMBER_SIZE, NUMBER_SIZE * 1.15);
            self.page().items.push(Item::Text {
                y,
                style: Style::Regular,
                size: NUMBER_SIZE,
                runs: vec![(x, text)],
            });
            self.y = self.top + NUMBER_SIZE * 1.15 + mm(4.0);
        }
    }

    fn width(&self) -> f32 {
        self.right - self.left
    }

    /// Baseline offset from the top of a line box of height `lh` for text of `size`.
    fn baseline(&self, size: f32, lh: f32) -> f32 {
        let (asc, desc) = self.fonts.face(Style::Regular).vertical();
        (lh - (asc + desc) * size) / 2.0 + asc * size
    }

    fn block(&mut self, block: &Block) {
        match block {
            Block::Paragraph(p) => self.paragraph(p),
            Block::Table(t) => self.table(t),
            Block::Space(h) => {
                if !self.fresh {
                    self.y = (self.y + h).min(self.bottom);
                }
            }
            Block::AtBottom(p) => self.at_bottom(p),
            Block::Chart(c) => {
                if !self.fresh && self.y + c.height > self.bottom {
                    self.new_page();
                }
                let (x, y, w) = (self.left, self.y, self.width());
                let items = c.draw(x, y, w, self.fonts);
                self.page().items.extend(items);
                self.y = (y + c.height).min(self.bottom);
                self.fresh = false;
            }
            Block::PageBreak => {
                if !self.fresh {
                    self.new_page();
                }
            }
        }
    }

    fn lines(&mut self, p: &Paragraph, width: f32) -> Vec<Line> {
        let text = self.fonts.printable(&p.text, self.warnings);
        let p = Paragraph { text, ..p.clone() };
        wrap(&p, width, self.fonts.face(p.style))
    }

    fn paragraph(&mut self, p: &Paragraph) {
        let lines = self.lines(p, self.width());
        let lh = p.line_height();
        if !self.fresh {
            self.y += p.space_before;
        }
        for line in lines {
            if self.y + lh > self.bottom + 0.01 {
                self.new_page();
            }
            let base = self.y + self.baseline(p.size, lh);
            let left = self.left;
            self.place_line(&line, left, base, p.style, p.size);
            self.y += lh;
            self.fresh = false;
        }
        self.y = (self.y + p.space_after).min(self.bottom);
    }

    fn place_line(&mut self, line: &Line, x: f32, baseline: f32, style: Style, size: f32) {
        if line.runs.is_empty() {
            return;
        }
        let runs = line.runs.iter().map(|(dx, text)| (x + dx, text.clone())).collect();
        self.page().items.push(Item::Text { y: baseline, style, size, runs });
    }

    fn at_bottom(&mut self, p: &Paragraph) {
        let lines = self.lines(p, self.width());
        let lh = p.line_height();
        let h = lines.len() as f32 * lh;
        if self.y + h > self.bottom + 0.01 {
            self.new_page();
        }
        self.y = self.bottom - h;
        for line in lines {
            let base = self.y + self.baseline(p.size, lh);
            let left = self.left;
            self.place_line(&line, left, base, p.style, p.size);
            self.y += lh;
        }
        self.fresh = false;
    }

    /// A cell's content as lines for a column `width` pt wide (padding included).
    fn cell_lines(&mut self, cell: &Cell, width: f32) -> Vec<CellLine> {
        let inner = (width - 2.0 * mm(PAD_X)).max(mm(3.0));
        let mut out = Vec::new();
        if !cell.fills.is_empty() {
            out.push(CellLine { height: 0.0, text: None, fills: cell.fills.clone() });
        }
        for (i, p) in cell.paragraphs.iter().enumerate() {
            if i > 0 && p.space_before > 0.0 {
                out.push(CellLine { height: p.space_before, text: None, fills: Vec::new() });
            }
            let lh = p.line_height();
            for line in self.lines(p, inner) {
                out.push(CellLine { height: lh, text: Some((line, p.style, p.size)), fills: Vec::new() });
            }
        }
        out
    }

    fn columns(&self, t: &Table) -> Vec<(f32, f32)> {
        let total: f32 = t.widths.iter().sum::<f32>().max(f32::EPSILON);
        let mut x = self.left;
        t.widths
            .iter()
            .map(|w| {
                let width = w / total * self.width();
                let col = (x, width);
                x += width;
                col
            })
            .collect()
    }

    /// Every cell of a row as (x, width, lines).
    fn row_cells(&mut self, row: &Row, cols: &[(f32, f32)]) -> Vec<(f32, f32, Vec<CellLine>)> {
        match row {
            Row::Span(cell) => {
                let x = cols.first().map_or(self.left, |c| c.0);
                let w = self.width();
                vec![(x, w, self.cell_lines(cell, w))]
            }
            Row::Cells(cells) => cols
                .iter()
                .enumerate()
                .map(|(i, &(x, w))| {
                    let lines = cells.get(i).map(|c| self.cell_lines(c, w)).unwrap_or_default();
                    (x, w, lines)
                })
                .collect(),
        }
    }

    fn table(&mut self, t: &Table) {
        let cols = self.columns(t);
        let header: Vec<_> = t.header.iter().map(|r| self.row_cells(r, &cols)).collect();
        let continued: Vec<_> = t.continued.iter().map(|r| self.row_cells(r, &cols)).collect();
        let header_h: f32 = header.iter().map(|cells| row_height(cells)).sum();
        let continued_h: f32 = continued.iter().map(|cells| row_height(cells)).sum();
        let pad = 2.0 * mm(PAD_Y);
        let rows: Vec<_> =
            t.rows.iter().map(|r| (matches!(r, Row::Span(_)), self.row_cells(r, &cols))).collect();
        let capacity = self.bottom - self.top - continued_h - NUMBER_SIZE * 2.0;
        // What must fit below a row's top for it to start here: the whole row when it is short,
        // a few lines when it may be split; a section row takes the next row's need along.
        let need_of = |i: usize| -> f32 {
            let lead = |cells: &[(f32, f32, Vec<CellLine>)]| {
                let h = row_height(cells);
                if splittable(h, capacity) {
                    lines_height(cells, MIN_SPLIT_LINES) + pad
                } else {
                    h
                }
            };
            let (span, cells) = &rows[i];
            if *span {
                row_height(cells) + rows.get(i + 1).map_or(0.0, |n| lead(&n.1))
            } else {
                lead(cells)
            }
        };
        let first = if rows.is_empty() { 0.0 } else { need_of(0) };
        if self.y + header_h + first > self.bottom && !self.fresh {
            self.new_page();
        }
        self.draw_header(&header, t);
        // The last row never goes alone onto a new page: when it would not fit after the one
        // before it and both are short, they move on together.
        let short = |i: usize| !splittable(row_height(&rows[i].1), capacity);
        let pair = |i: usize| rows.len() >= 3 && i + 2 == rows.len() && short(i) && short(i + 1);
        for (i, (_, cells)) in rows.iter().enumerate() {
            let need = if pair(i) { row_height(cells) + row_height(&rows[i + 1].1) } else { need_of(i) };
            if self.y + need > self.bottom + 0.01 {
                self.new_page();
                self.draw_header(&continued, t);
            }
            let mut rest: Vec<(f32, f32, Vec<CellLine>)> = cells.clone();
            loop {
                let done = self.draw_row_chunk(&mut rest, t.borders, t.shade && rows[i].0);
                if done {
                    break;
                }
                self.new_page();
                self.draw_header(&continued, t);
            }
        }
    }

    fn draw_header(&mut self, header: &[Vec<(f32, f32, Vec<CellLine>)>], t: &Table) {
        for cells in header {
            let mut rest = cells.clone();
            while !self.draw_row_chunk(&mut rest, t.borders, t.shade) {
                self.new_page();
            }
        }
    }

    /// Draws as much of the row as fits on this page; true when nothing is left.
    fn draw_row_chunk(
        &mut self,
        cells: &mut [(f32, f32, Vec<CellLine>)],
        borders: bool,
        shade: bool,
    ) -> bool {
        let pad = mm(PAD_Y);
        let room = self.bottom - self.y - 2.0 * pad;
        let top = self.y;
        let mut used: f32 = 0.0;
        let mut placed = Vec::new();
        let mut fills = Vec::new();
        let mut all_done = true;
        for (ci, (x, w, lines)) in cells.iter_mut().enumerate() {
            let mut h = 0.0;
            let mut take = 0;
            // On a fresh page at least one line goes in, whatever its height: no endless loop.
            while take < lines.len() && (h + lines[take].height <= room + 0.01 || (take == 0 && self.fresh)) {
                h += lines[take].height;
                take += 1;
            }
            if take < lines.len() {
                all_done = false;
            }
            used = used.max(h);
            let mut ly = top + pad;
            for l in lines.drain(..take) {
                fills.extend(l.fills.iter().map(|f| (*x, *w, *f)));
                if let Some((line, style, size)) = l.text {
                    placed.push((ci, *x + mm(PAD_X), ly + self.baseline(size, l.height), line, style, size));
                }
                ly += l.height;
            }
        }
        let height = used + 2.0 * pad;
        let right = cells.last().map_or(self.right, |c| c.0 + c.1);
        let left = cells.first().map_or(self.left, |c| c.0);
        if shade {
            self.page().items.push(Item::Fill { x: left, y: top, w: right - left, h: height, tone: SHADE });
        }
        for (x, w, f) in fills {
            // A bar fills the middle of the row; a thin one is a line through it; a bar of a
            // single day is still wide enough to see.
            let band = if f.thin { 1.6 } else { (height - 2.0 * pad).max(4.0) * 0.7 };
            let (from, to) = (x + w * f.from.clamp(0.0, 1.0), x + w * f.to.clamp(0.0, 1.0));
            let width = (to - from).max(2.0).min(x + w - from);
            let y = top + (height - band) / 2.0;
            self.page().items.push(Item::Fill { x: from, y, w: width, h: band, tone: f.tone });
        }
        for (_, x, base, line, style, size) in placed {
            self.place_line(&line, x, base, style, size);
        }
        if borders {
            let bottom = top + height;
            let shared = self.rule_at.is_some_and(|y| (y - top).abs() < 0.01);
            self.rule_at = Some(bottom);
            let items = &mut self.page().items;
            if !shared {
                items.push(Item::Line { x1: left, y1: top, x2: right, y2: top, width: 0.5, tone: 0.0 });
            }
            items.push(Item::Line { x1: left, y1: bottom, x2: right, y2: bottom, width: 0.5, tone: 0.0 });
            items.push(Item::Line { x1: left, y1: top, x2: left, y2: bottom, width: 0.5, tone: 0.0 });
            for (x, w, _) in cells.iter() {
                items.push(Item::Line { x1: x + w, y1: top, x2: x + w, y2: bottom, width: 0.5, tone: 0.0 });
            }
        }
        self.y = top + height;
        self.fresh = false;
        all_done
    }
}

/// A row is split across pages only when it is tall (a third of a page or more); a shorter
/// row moves whole to the next page, as a careful clerk would set it.
const MIN_SPLIT_LINES: usize = 4;

fn splittable(height: f32, capacity: f32) -> bool {
    height > capacity / 3.0
}

/// Height of the first `n` lines of the row's tallest start.
fn lines_height(cells: &[(f32, f32, Vec<CellLine>)], n: usize) -> f32 {
    cells.iter().map(|c| c.2.iter().take(n).map(|l| l.height).sum::<f32>()).fold(0.0, f32::max)
}

fn row_height(cells: &[(f32, f32, Vec<CellLine>)]) -> f32 {
    let content = cells.iter().map(|c| c.2.iter().map(|l| l.height).sum::<f32>()).fold(0.0, f32::max);
    content + 2.0 * mm(PAD_Y)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::{Margins, Orientation};

    fn body_rows_on(page: &Page) -> usize {
        page.items
            .iter()
            .filter(
                |i| matches!(i, Item::Text { runs, .. } if runs.iter().any(|(_, t)| t.starts_with("строка"))),
            )
            .count()
    }

    #[test]
    fn a_table_never_leaves_its_last_row_alone_on_a_page() {
        let fonts = crate::fonts().unwrap();
        for n in 3..120 {
            let table = Table {
                widths: vec![1.0, 4.0],
                header: vec![Row::Cells(vec![Cell::text("№", 12.0), Cell::text("Тема", 12.0)])],
                continued: vec![],
                rows: (1..=n)
                    .map(|k| {
                        Row::Cells(vec![
                            Cell::text(k.to_string(), 12.0),
                            Cell::text(format!("строка {k}"), 12.0),
                        ])
                    })
                    .collect(),
                borders: true,
                shade: false,
            };
            let part = Part {
                setup: PageSetup::a4(Orientation::Portrait, Margins::STANDARD),
                blocks: vec![Block::Table(table)],
            };
            let mut warnings = Warnings::default();
            let pages = flow(&[part], fonts, &mut warnings);
            let rows: Vec<usize> = pages.iter().map(body_rows_on).collect();
            assert_eq!(rows.iter().sum::<usize>(), n, "{n}: {rows:?}");
            if pages.len() > 1 {
                assert!(*rows.last().unwrap() >= 2, "{n} rows: the last page holds one row: {rows:?}");
            }
        }
    }
}
