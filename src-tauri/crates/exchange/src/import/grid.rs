//! A table as read from a file or the clipboard, before its meaning is recognised: rows of
//! cell texts (paragraphs joined by `\n`), each with the row number the user can find it by.

/// The most rows an import takes: more is not a roadmap but a mistake (or an attack).
pub const MAX_ROWS: usize = 50_000;

#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Grid {
    pub rows: Vec<GridRow>,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct GridRow {
    /// 1-based, as the user counts the table's rows.
    pub line: usize,
    pub cells: Vec<String>,
    /// One cell across the whole table (a merged row in Word): a section.
    pub spans: bool,
}

impl Grid {
    pub fn push(&mut self, cells: Vec<String>, spans: bool) {
        let line = self.rows.len() + 1;
        self.rows.push(GridRow { line, cells, spans });
    }

    pub fn width(&self) -> usize {
        self.rows.iter().filter(|r| !r.spans).map(|r| r.cells.len()).max().unwrap_or(0)
    }

    /// Refuses a table too large to be a roadmap, before anything is recognised or written.
    pub fn check_size(&self) -> Result<(), String> {
        if self.rows.len() > MAX_ROWS {
            return Err(format!(
                "В таблице больше {} строк — столько не бывает в дорожной карте. \
                 Разделите её на несколько файлов.",
                group_thousands(MAX_ROWS)
            ));
        }
        Ok(())
    }
}

/// Builds a grid from a table's cells as a document describes them: cells spanning several
/// columns (gridSpan, colspan) keep the columns after them in place, and a value merged down
/// several rows (w:vMerge, rowspan) belongs to every row it covers.
#[derive(Debug, Default)]
pub struct TableBuilder {
    pub grid: Grid,
    row: Vec<String>,
    /// Real cells in the open row, and whether the first spans several columns.
    cells: usize,
    first_spans: bool,
    /// Per column: a value merged down from above and how many more rows it covers.
    down: Vec<Option<(String, u32)>>,
    /// The last row as placed, for cells that continue the one above (w:vMerge).
    above: Vec<String>,
    /// Cells placed so far, wide cells counted by their columns: a hostile file of a million
    /// cells each «gridSpan=1000» is stopped at the limit, not laid out.
    placed: usize,
}

impl TableBuilder {
    pub fn start_row(&mut self) {
        self.row.clear();
        self.cells = 0;
        self.first_spans = false;
    }

    /// Fills the columns at the row's end that a value from above covers.
    fn fill_down(&mut self) {
        while let Some(Some((text, left))) = self.down.get_mut(self.row.len()) {
            self.row.push(text.clone());
            *left -= 1;
            if *left == 0 {
                let at = self.row.len() - 1;
                self.down[at] = None;
            }
        }
    }

    /// A cell with its text, `cols` wide and `rows` high (1 and 1 for a plain cell).
    pub fn cell(&mut self, text: String, cols: u32, rows: u32) {
        self.fill_down();
        let cols = cols.clamp(1, 1000) as usize;
        if self.cells == 0 {
            self.first_spans = cols > 1;
        }
        self.cells += 1;
        let at = self.row.len();
        if rows > 1 {
            if self.down.len() < at + cols {
                self.down.resize(at + cols, None);
            }
            self.down[at] = Some((text.clone(), rows.min(MAX_ROWS as u32) - 1));
        }
        self.placed += cols;
        if self.placed > super::limits::MAX_CELLS {
            return; // refused at the row's end
        }
        self.row.push(text);
        self.row.extend(std::iter::repeat_n(String::new(), cols - 1));
    }

    /// A cell that continues the one above it (Word's `<w:vMerge/>`): the same value.
    pub fn continued(&mut self, cols: u32) {
        self.fill_down();
        let at = self.row.len();
        let text = self.above.get(at).cloned().unwrap_or_default();
        self.cell(text, cols, 1);
        self.cells -= 1;
    }

    /// Ends the row; rows with no text are dropped. A row whose one cell spans the table is a
    /// section (a merged row).
    pub fn end_row(&mut self) -> Result<(), String> {
        if self.placed > super::limits::MAX_CELLS {
            return Err(super::limits::too_many_cells());
        }
        self.fill_down();
        let row = std::mem::take(&mut self.row);
        self.above = row.clone();
        if row.iter().any(|c| !c.is_empty()) {
            let spans = self.first_spans && self.cells == 1;
            self.grid.push(row, spans);
            self.grid.check_size()?;
        }
        Ok(())
    }
}

/// «50 000»: thousands apart by a non-breaking space, as Russian texts print them.
pub fn group_thousands(n: usize) -> String {
    domain::text::thousands(n as u64)
}

/// Cell text tidied: each line trimmed, blank lines and runs of spaces dropped.
pub fn tidy(text: &str) -> String {
    text.lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_tidied_and_big_tables_refused() {
        assert_eq!(tidy("  27 апреля 2023 г.\n\n\n 4  мая 2023 г. \n"), "27 апреля 2023 г.\n4 мая 2023 г.");
        assert_eq!(group_thousands(50_000), "50\u{a0}000");
        let mut g = Grid::default();
        for _ in 0..=MAX_ROWS {
            g.push(vec!["1".into()], false);
        }
        assert!(g.check_size().unwrap_err().contains("больше 50\u{a0}000 строк"));
    }

    #[test]
    fn merged_cells_belong_to_every_row_and_columns_stay_in_place() {
        let mut t = TableBuilder::default();
        let row = |t: &mut TableBuilder, cells: &[(&str, u32, u32)]| {
            t.start_row();
            for (text, cols, rows) in cells {
                t.cell(text.to_string(), *cols, *rows);
            }
            t.end_row().unwrap();
        };
        row(&mut t, &[("№", 1, 1), ("Мероприятие", 1, 1), ("Срок", 2, 1), ("Ответственный", 1, 1)]);
        row(&mut t, &[("Раздел 1", 5, 1)]);
        row(
            &mut t,
            &[("1", 1, 1), ("Совещание", 1, 1), ("март", 1, 2), ("2023", 1, 1), ("Иванов И.И.", 1, 3)],
        );
        row(&mut t, &[("2", 1, 1), ("Семинар", 1, 1), ("2024", 1, 1)]);
        t.start_row();
        t.cell("3".into(), 1, 1);
        t.cell("Отчёт".into(), 1, 1);
        t.continued(1);
        t.cell("".into(), 1, 1);
        t.end_row().unwrap();
        let rows: Vec<Vec<&str>> =
            t.grid.rows.iter().map(|r| r.cells.iter().map(String::as_str).collect()).collect();
        assert_eq!(rows[0], ["№", "Мероприятие", "Срок", "", "Ответственный"]);
        assert!(t.grid.rows[1].spans && !t.grid.rows[0].spans);
        assert_eq!(rows[2], ["1", "Совещание", "март", "2023", "Иванов И.И."]);
        assert_eq!(rows[3], ["2", "Семинар", "март", "2024", "Иванов И.И."]);
        assert_eq!(rows[4], ["3", "Отчёт", "март", "", "Иванов И.И."]);
    }
}
