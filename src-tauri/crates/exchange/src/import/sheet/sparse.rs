//! A sheet as the cells a file holds, not as the range it declares: a cell at XFD1048576 is one
//! cell, not a billion. Laid out into a grid only after the size of what is really there is
//! checked against the limits.

use std::collections::{BTreeMap, BTreeSet};

use super::super::grid::{tidy, Grid, TableBuilder, MAX_ROWS};
use super::super::limits::{self, MAX_CELLS, MAX_COLUMNS};

/// A merged range, 0-based and inclusive: (row, column) of its first and last cells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Merge {
    pub first: (u32, u32),
    pub last: (u32, u32),
}

impl Merge {
    /// «B2:D4» as Excel writes it.
    pub fn parse(range: &str) -> Option<Merge> {
        let (a, b) = range.split_once(':').unwrap_or((range, range));
        let (first, last) = (cell_ref(a)?, cell_ref(b)?);
        (first.0 <= last.0 && first.1 <= last.1).then_some(Merge { first, last })
    }
}

/// «B7» → (6, 1); None for anything else (and for addresses beyond Excel's sheet).
pub fn cell_ref(r: &str) -> Option<(u32, u32)> {
    let r = r.trim().trim_start_matches('$');
    let letters = r.bytes().take_while(u8::is_ascii_alphabetic).count();
    if letters == 0 || letters > 3 {
        return None;
    }
    let col = r[..letters].bytes().fold(0u32, |n, b| n * 26 + u32::from(b.to_ascii_uppercase() - b'A' + 1));
    let row: u32 = r[letters..].trim_start_matches('$').parse().ok()?;
    ((1..=1_048_576).contains(&row) && col <= 16_384).then(|| (row - 1, col - 1))
}

/// The filled cells of one sheet, as they stream in.
#[derive(Debug, Default)]
pub struct Sparse {
    pub name: String,
    cells: Vec<(u32, u32, String)>,
    merges: Vec<Merge>,
    rows: usize,
    last_row: Option<u32>,
}

impl Sparse {
    pub fn new(name: &str) -> Sparse {
        Sparse { name: name.to_owned(), ..Sparse::default() }
    }

    /// Adds a cell; empty ones are not kept. Refuses a sheet wider or longer than a roadmap
    /// could be, naming the cell that makes it so.
    pub fn push(&mut self, row: u32, col: u32, text: String) -> Result<(), String> {
        if text.trim().is_empty() {
            return Ok(());
        }
        if col as usize >= MAX_COLUMNS {
            return Err(limits::too_many_columns(&self.name, row, col));
        }
        if self.last_row != Some(row) {
            self.last_row = Some(row);
            self.rows += 1;
            if self.rows > MAX_ROWS {
                return Err(limits::too_many_rows(&self.name, row, col));
            }
        }
        if self.cells.len() >= MAX_CELLS {
            return Err(limits::too_many_cells());
        }
        self.cells.push((row, col, text));
        Ok(())
    }

    pub fn merge(&mut self, m: Merge) -> Result<(), String> {
        if self.merges.len() >= MAX_CELLS {
            return Err(limits::too_many_cells());
        }
        self.merges.push(m);
        Ok(())
    }

    /// The sheet laid out as a table: merged ranges as Word's merged cells (a value merged down
    /// belongs to every row it covers; across, it is one wide cell).
    pub fn grid(mut self) -> Result<Grid, String> {
        if self.cells.is_empty() {
            return Ok(Grid::default());
        }
        // Cells in reading order; a cell given twice keeps its first value.
        self.cells.sort_by_key(|(r, c, _)| (*r, *c));
        self.cells.dedup_by_key(|(r, c, _)| (*r, *c));
        let filled = |at: (u32, u32)| self.cells.binary_search_by_key(&at, |(r, c, _)| (*r, *c)).is_ok();
        // Merges whose first cell holds nothing change nothing and are dropped (a hostile file
        // may declare a million of them).
        let merges: Vec<Merge> = self.merges.iter().copied().filter(|m| filled(m.first)).collect();
        let first_col =
            self.cells.iter().map(|c| c.1).chain(merges.iter().map(|m| m.first.1)).min().unwrap_or(0);
        let last_col = self
            .cells
            .iter()
            .map(|c| c.1)
            .chain(merges.iter().map(|m| m.last.1.min(MAX_COLUMNS as u32 - 1)))
            .max()
            .unwrap_or(0);
        let width = (last_col - first_col + 1) as usize;
        // The rows to lay out: those with cells and those a merge covers.
        let mut rows: BTreeSet<u32> = self.cells.iter().map(|c| c.0).collect();
        let mut covering: BTreeMap<u32, Vec<usize>> = BTreeMap::new();
        let mut work = 0usize;
        for (i, m) in merges.iter().enumerate() {
            for r in m.first.0..=m.last.0 {
                work += 1;
                if work > 2 * MAX_CELLS || rows.len() > MAX_ROWS {
                    return Err(limits::too_many_rows(&self.name, r, m.first.1));
                }
                rows.insert(r);
                covering.entry(r).or_default().push(i);
            }
        }
        if rows.len() > MAX_ROWS {
            let last = rows.iter().next_back().copied().unwrap_or(0);
            return Err(limits::too_many_rows(&self.name, last, first_col));
        }
        if rows.len().saturating_mul(width) > MAX_CELLS {
            return Err(limits::too_many_cells());
        }
        let mut table = TableBuilder::default();
        let mut next = 0usize; // the first cell not yet placed, in reading order
        let mut owner: Vec<Option<usize>> = vec![None; width];
        for r in rows {
            owner.iter_mut().for_each(|o| *o = None);
            for &i in covering.get(&r).map(Vec::as_slice).unwrap_or_default() {
                let m = merges[i];
                let to = (m.last.1 - first_col + 1).min(width as u32);
                for j in (m.first.1 - first_col)..to {
                    work += 1;
                    owner[j as usize] = Some(i);
                }
                if work > 4 * MAX_CELLS {
                    return Err(limits::too_many_cells());
                }
            }
            while next < self.cells.len() && self.cells[next].0 < r {
                next += 1;
            }
            let row_end = self.cells[next..].iter().take_while(|c| c.0 == r).count() + next;
            let row_cells = &self.cells[next..row_end];
            let text_at =
                |c: u32| row_cells.binary_search_by_key(&c, |x| x.1).map(|k| row_cells[k].2.as_str()).ok();
            table.start_row();
            let mut j = 0usize;
            while j < width {
                let c = first_col + j as u32;
                let merge = owner[j].map(|i| merges[i]);
                let span = |m: Merge| (m.last.1.min(last_col) - m.first.1 + 1).max(1);
                match merge {
                    Some(m) if m.first != (r, c) => {
                        // Covered from above (the value merged down) or from the left (part of a
                        // wider cell already placed).
                        if m.first.1 == c && m.first.0 < r {
                            table.continued(span(m));
                            j += span(m) as usize;
                        } else {
                            j += 1;
                        }
                    }
                    _ => {
                        let cols = merge.map_or(1, span);
                        table.cell(tidy(text_at(c).unwrap_or_default()), cols, 1);
                        j += cols as usize;
                    }
                }
            }
            table.end_row()?;
            next = row_end;
        }
        Ok(table.grid)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(grid: &Grid) -> Vec<Vec<&str>> {
        grid.rows.iter().map(|r| r.cells.iter().map(String::as_str).collect()).collect()
    }

    #[test]
    fn references_and_ranges() {
        assert_eq!(cell_ref("A1"), Some((0, 0)));
        assert_eq!(cell_ref("$B$7"), Some((6, 1)));
        assert_eq!(cell_ref("XFD1048576"), Some((1_048_575, 16_383)));
        assert_eq!(cell_ref("XFE1"), None);
        assert_eq!(cell_ref("A0"), None);
        assert_eq!(cell_ref("A99999999999"), None);
        assert_eq!(cell_ref("1A"), None);
        assert_eq!(Merge::parse("B2:D4"), Some(Merge { first: (1, 1), last: (3, 3) }));
        assert_eq!(Merge::parse("D4:B2"), None);
    }

    #[test]
    fn merged_cells_laid_out_as_in_word_and_gaps_closed() {
        let mut s = Sparse::new("Лист1");
        for (r, c, t) in [
            (0, 1, "№"),
            (0, 2, "Мероприятие"),
            (0, 3, "Срок"),
            (2, 1, "Раздел"),
            (3, 1, "1"),
            (3, 2, "Совещание"),
            (3, 3, "март"),
            (4, 1, "2"),
            (4, 2, "Семинар"),
        ] {
            s.push(r, c, t.into()).unwrap();
        }
        s.merge(Merge { first: (2, 1), last: (2, 3) }).unwrap();
        s.merge(Merge { first: (3, 3), last: (4, 3) }).unwrap();
        s.merge(Merge { first: (7, 1), last: (9000, 3) }).unwrap(); // an empty merge: dropped
        let grid = s.grid().unwrap();
        assert_eq!(
            rows(&grid),
            [
                vec!["№", "Мероприятие", "Срок"],
                vec!["Раздел", "", ""],
                vec!["1", "Совещание", "март"],
                vec!["2", "Семинар", "март"]
            ]
        );
        assert!(grid.rows[1].spans);
    }

    #[test]
    fn far_cells_are_refused_by_what_is_there() {
        let mut s = Sparse::new("Лист1");
        s.push(0, 0, "№".into()).unwrap();
        let err = s.push(1_048_575, 16_383, "1".into()).unwrap_err();
        assert!(err.contains("XFD1048576") && err.contains("1\u{a0}000 столбцов"), "{err}");
        // Two filled rows two hundred thousand rows apart are two rows.
        let mut s = Sparse::new("Лист1");
        s.push(0, 0, "№".into()).unwrap();
        s.push(199_999, 701, "1".into()).unwrap();
        let grid = s.grid().unwrap();
        assert_eq!(grid.rows.len(), 2);
        assert_eq!(grid.rows[0].cells.len(), 702);
        // A merge down a million rows from a filled cell is refused, not laid out.
        let mut s = Sparse::new("Лист1");
        s.push(0, 0, "x".into()).unwrap();
        s.merge(Merge { first: (0, 0), last: (1_048_575, 0) }).unwrap();
        assert!(s.grid().unwrap_err().contains("50\u{a0}000 строк"));
    }

    #[test]
    fn too_many_rows_refused_while_streaming() {
        let mut s = Sparse::new("Лист1");
        for r in 0..MAX_ROWS as u32 {
            s.push(r, 0, "1".into()).unwrap();
        }
        let err = s.push(MAX_ROWS as u32, 0, "1".into()).unwrap_err();
        assert!(err.contains("A50001"), "{err}");
    }
}
