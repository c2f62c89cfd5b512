//! Tables as text: what Word gives when a document is saved as text (one cell per tab-led
//! line, paragraphs of a cell on the lines after it — the seeds of Taganrog and Dubna), and
//! tab-separated rows (Excel's clipboard, quoted cells may hold line breaks — the Surgut seed).

use super::columns::{header_roles, role_of, Column};
use super::grid::{tidy, Grid};
use super::number::is_number_cell;

/// A grid from text, and the lines before the table (the title, goal and tasks).
pub fn read(text: &str) -> (Grid, Vec<String>) {
    let text = without_bookmarks(&text.replace("\r\n", "\n").replace('\r', "\n"));
    let lines: Vec<&str> = text.lines().collect();
    if let Some(table) = super::boxed::read(&lines) {
        return table;
    }
    let led = lines.iter().filter(|l| l.starts_with('\t')).count();
    let inner = lines.iter().filter(|l| !l.starts_with('\t') && l.contains('\t')).count();
    if led > inner {
        cell_stream(&lines)
    } else if let Some(sep) = csv_separator(&lines) {
        delimited_rows(&text, sep)
    } else {
        delimited_rows(&text, '\t')
    }
}

/// A CSV file (Excel saves «;» in Russian, «,» elsewhere): no tabs, and most lines split into
/// the same number of cells by one separator outside quotes.
fn csv_separator(lines: &[&str]) -> Option<char> {
    if lines.iter().any(|l| l.contains('\t')) {
        return None;
    }
    let filled: Vec<&&str> = lines.iter().filter(|l| !l.trim().is_empty()).collect();
    if filled.len() < 2 {
        return None;
    }
    [';', ','].into_iter().find(|&sep| {
        let counts: Vec<usize> = filled.iter().map(|l| outside_quotes(l, sep)).collect();
        let most = counts.iter().copied().filter(|&c| c > 0).max().unwrap_or(0);
        most > 0 && counts.iter().filter(|&&c| c == most).count() * 5 >= filled.len() * 4
    })
}

fn outside_quotes(line: &str, sep: char) -> usize {
    let mut quoted = false;
    line.chars()
        .filter(|&c| {
            if c == '"' {
                quoted = !quoted;
            }
            c == sep && !quoted
        })
        .count()
}

/// Word's «save as text»: every cell starts with a tab; lines without one continue the cell.
fn cell_stream(lines: &[&str]) -> (Grid, Vec<String>) {
    let mut preamble = Vec::new();
    let mut cells: Vec<String> = Vec::new();
    for line in lines {
        if let Some(rest) = line.strip_prefix('\t') {
            cells.extend(rest.split('\t').map(str::to_owned));
        } else if let Some(last) = cells.last_mut() {
            last.push('\n');
            last.push_str(line);
        } else if !line.trim().is_empty() {
            preamble.push(line.trim().to_owned());
        }
    }
    let cells: Vec<String> = cells.iter().map(|c| tidy(c)).collect();
    let mut grid = Grid::default();
    // The header: the first run of cells that all name a role.
    let header = (0..cells.len()).find_map(|i| {
        // Each role once: «Проектно-деятельностный этап» right after the header is a section.
        let mut seen = Vec::new();
        let run = cells[i..]
            .iter()
            .map_while(|c| role_of(c).filter(|r| !seen.contains(r)).inspect(|r| seen.push(*r)))
            .count();
        header_roles(&cells[i..i + run]).map(|roles| (i, roles))
    });
    let Some((start, roles)) = header else {
        // No header: one column, a cell a row.
        for c in cells.into_iter().filter(|c| !c.is_empty()) {
            grid.push(vec![c], false);
        }
        return (grid, preamble);
    };
    let width = roles.len();
    grid.push(cells[start..start + width].to_vec(), false);
    let mut row: Vec<String> = Vec::new();
    for c in &cells[start + width..] {
        let numbered = roles[0] == Some(Column::Number);
        if numbered && is_number_cell(c) {
            flush(&mut grid, &mut row);
            row.push(c.clone());
        } else if !row.is_empty() && row.len() < width {
            row.push(c.clone());
        } else {
            flush(&mut grid, &mut row);
            if !c.is_empty() {
                if numbered {
                    // Text where a row's number belongs: a row across the table.
                    grid.push(vec![c.clone()], true);
                } else {
                    row.push(c.clone());
                }
            }
        }
    }
    flush(&mut grid, &mut row);
    preamble.extend(cells[..start].iter().filter(|c| !c.is_empty()).cloned());
    (grid, preamble)
}

/// Word's text export keeps bookmarks as «[bookmark: _GoBack]»: not the user's text.
fn without_bookmarks(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("[bookmark: ") {
        out.push_str(&rest[..at]);
        match rest[at..].find(']') {
            Some(end) => rest = &rest[at + end + 1..],
            None => {
                out.push_str(&rest[at..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

fn flush(grid: &mut Grid, row: &mut Vec<String>) {
    if !row.is_empty() {
        grid.push(std::mem::take(row), false);
    }
}

/// Tab-separated rows; a cell that starts with `"` runs to its closing quote (Excel quotes
/// cells with line breaks and doubles the quotes inside). Lines before the header are the
/// preamble.
fn delimited_rows(text: &str, sep: char) -> (Grid, Vec<String>) {
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut row: Vec<String> = Vec::new();
    let mut cell = String::new();
    let mut chars = text.chars().peekable();
    let mut at_cell_start = true;
    while let Some(c) = chars.next() {
        match c {
            '"' if at_cell_start => {
                while let Some(q) = chars.next() {
                    if q == '"' {
                        if chars.peek() == Some(&'"') {
                            chars.next();
                            cell.push('"');
                        } else {
                            break;
                        }
                    } else {
                        cell.push(q);
                    }
                }
                at_cell_start = false;
            }
            c if c == sep => {
                row.push(std::mem::take(&mut cell));
                at_cell_start = true;
            }
            '\n' => {
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
                at_cell_start = true;
            }
            _ => {
                cell.push(c);
                at_cell_start = false;
            }
        }
    }
    row.push(cell);
    rows.push(row);

    let mut grid = Grid::default();
    let mut preamble = Vec::new();
    let header =
        rows.iter().position(|r| header_roles(&r.iter().map(|c| tidy(c)).collect::<Vec<_>>()).is_some());
    for (i, r) in rows.into_iter().enumerate() {
        let cells: Vec<String> = r.iter().map(|c| tidy(c)).collect();
        if cells.iter().all(String::is_empty) {
            continue;
        }
        if header.is_some_and(|h| i < h) {
            preamble.push(cells.join(" "));
        } else {
            let spans = cells.len() == 1;
            grid.push(cells, spans);
        }
    }
    (grid, preamble)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cell_stream_is_cut_into_rows_by_the_number_column() {
        let text = "Цель: тест\n\t№ п/п\n\tСодержание\n\tСроки\n\t\nЭтап первый\n\t1.\n\tСовещание\nс директорами\n\tмарт\n\t2.\n\tСеминар\n\tапрель\n";
        let (grid, preamble) = read(text);
        assert_eq!(preamble, ["Цель: тест"]);
        let rows: Vec<Vec<&str>> =
            grid.rows.iter().map(|r| r.cells.iter().map(String::as_str).collect()).collect();
        assert_eq!(
            rows,
            [
                vec!["№ п/п", "Содержание", "Сроки"],
                vec!["Этап первый"],
                vec!["1.", "Совещание\nс директорами", "март"],
                vec!["2.", "Семинар", "апрель"],
            ]
        );
        assert!(grid.rows[1].spans);
    }

    #[test]
    fn word_bookmarks_are_not_text() {
        let (_, preamble) = read(
            "[bookmark: _GoBack]Муниципальная дорожная карта\nЦель: [bookmark: x]тест\n\t№\n\tМероприятия\n",
        );
        assert_eq!(preamble, ["Муниципальная дорожная карта", "Цель: тест"]);
        assert_eq!(without_bookmarks("[bookmark: без конца"), "[bookmark: без конца");
    }

    #[test]
    fn tab_rows_keep_quoted_line_breaks() {
        let text = "Дорожная карта\nМероприятия\tСроки\n\"Первое\nвторая строка\"\tмарт\n\"Кавычки \"\"внутри\"\"\"\tапрель\n";
        let (grid, preamble) = read(text);
        assert_eq!(preamble, ["Дорожная карта"]);
        assert_eq!(grid.rows[1].cells, ["Первое\nвторая строка", "март"]);
        assert_eq!(grid.rows[2].cells, ["Кавычки \"внутри\"", "апрель"]);
    }

    #[test]
    fn csv_files_split_by_their_separator() {
        let (grid, _) =
            read("ОО;Участники;Ср. балл\nМОБУ СОШ № 6;25;3,4\n\"Школа; с точкой с запятой\";18;3,1\n");
        assert_eq!(grid.rows[1].cells, ["МОБУ СОШ № 6", "25", "3,4"]);
        assert_eq!(grid.rows[2].cells[0], "Школа; с точкой с запятой");
        let (grid, _) = read("school,n\nA,1\nB,2\n");
        assert_eq!(grid.rows[2].cells, ["B", "2"]);
        // Prose with a comma here and there is not a table.
        let (grid, _) = read("Дорожная карта, проект\nПервое мероприятие\nВторое\n");
        assert!(grid.rows.iter().all(|r| r.cells.len() == 1));
    }
}
