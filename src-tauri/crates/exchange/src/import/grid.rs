//! A table as read from a file or the clipboard, before its meaning is recognised: rows of
//! cell texts (paragraphs joined by `\n`), each with the row number the user can find it by.

/// The most rows an import takes: more is not a roadmap but a mistake (or an attack).
pub const MAX_ROWS: usize = 10_000;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Grid {
    pub rows: Vec<GridRow>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
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

/// «50 000»: thousands apart by a non-breaking space, as Russian texts print them.
pub fn group_thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('\u{a0}');
        }
        out.push(c);
    }
    out
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
        assert!(g.check_size().unwrap_err().contains("больше 10\u{a0}000 строк"));
    }
}
