//! Pseudo-graphic text tables, as legal databases and old programs print them:
//! `┌─┬─┐ │ ├─┼─┤` or ASCII `+---+ |`. Column edges are where any line has a `│`; a full
//! rule line ends a row; a rule under part of a header (`├──┬──┤` under «Сроки») splits that
//! row into two header levels; wrapped lines of a cell are joined.

use super::grid::{tidy, Grid, TableBuilder};

const VERTICAL: &[char] = &['│', '┃', '║', '|', '├', '┤', '┼', '┬', '┴', '┌', '┐', '└', '┘', '╟', '╢', '╫'];

fn is_rule_char(c: char) -> bool {
    matches!(c, '─' | '━' | '═' | '-' | '—' | '=' | '+' | ' ') || VERTICAL.contains(&c)
}

/// A line made only of rules (and at least one horizontal stroke).
fn is_rule(line: &str) -> bool {
    let t = line.trim();
    !t.is_empty()
        && t.chars().all(is_rule_char)
        && t.chars().any(|c| matches!(c, '─' | '━' | '═' | '-' | '—' | '='))
}

fn is_table_line(line: &str) -> bool {
    let t = line.trim_start();
    t.starts_with(VERTICAL) || t.starts_with('+')
}

/// The table, if `lines` hold one drawn with rules; the lines before it are the preamble.
pub fn read(lines: &[&str]) -> Option<(Grid, Vec<String>)> {
    let drawn = lines.iter().filter(|l| is_table_line(l)).count();
    if drawn < 3 {
        return None;
    }
    let first = lines.iter().position(|l| is_table_line(l))?;
    let preamble: Vec<String> = lines[..first].iter().map(|l| tidy(l)).filter(|l| !l.is_empty()).collect();
    let body: Vec<Vec<char>> = lines[first..]
        .iter()
        .take_while(|l| is_table_line(l) || l.trim().is_empty())
        .map(|l| l.chars().collect())
        .collect();
    // Column edges: every position where a line has a vertical stroke.
    let mut edges: Vec<usize> = body
        .iter()
        .flat_map(|l| l.iter().enumerate().filter(|(_, c)| VERTICAL.contains(c)).map(|(i, _)| i))
        .collect();
    edges.sort_unstable();
    edges.dedup();
    if edges.len() < 3 {
        return None;
    }
    let width = edges.len() - 1;
    let mut table = TableBuilder::default();
    let mut block: Vec<&Vec<char>> = Vec::new();
    let mut blocks = 0usize;
    for line in body.iter().chain(std::iter::once(&Vec::new())) {
        let text: String = line.iter().collect();
        if is_rule(&text) || line.is_empty() {
            if !block.is_empty() {
                emit(&mut table, &block, &edges, width, blocks > 0);
                blocks += 1;
                block.clear();
            }
            continue;
        }
        block.push(line);
    }
    Some((table.grid, preamble))
}

/// A line's cells by the column they start in: the text between its own strokes (a cell
/// spanning several columns starts in the first), and whether it is a rule (a partial
/// separator under a header cell).
fn cells(line: &[char], edges: &[usize], width: usize) -> Vec<Option<(String, bool)>> {
    let mut out = vec![None; width];
    let strokes: Vec<usize> =
        line.iter().enumerate().filter(|(_, c)| VERTICAL.contains(c)).map(|(i, _)| i).collect();
    for pair in strokes.windows(2) {
        let Ok(col) = edges.binary_search(&pair[0]) else { continue };
        if col >= width {
            continue;
        }
        let text: String = line[pair[0] + 1..pair[1]].iter().collect();
        let rule = is_rule(&text);
        out[col] = Some((if rule { String::new() } else { text.trim().to_owned() }, rule));
    }
    out
}

/// One block of lines between rules as one row (or two: a header split by a partial rule), or
/// as several rows when a data block has no rules between its rows (a new number starts one).
fn emit(table: &mut TableBuilder, block: &[&Vec<char>], edges: &[usize], width: usize, data: bool) {
    let lines: Vec<Vec<Option<(String, bool)>>> = block.iter().map(|l| cells(l, edges, width)).collect();
    let text = |i: usize, c: usize| lines[i][c].as_ref().map(|(t, _)| t.as_str()).unwrap_or("");
    // The line where a column's partial rule is, if any.
    let split: Vec<Option<usize>> =
        (0..width).map(|c| lines.iter().position(|l| l[c].as_ref().is_some_and(|(_, rule)| *rule))).collect();
    let levels = if split.iter().any(Option::is_some) { 2 } else { 1 };
    let mut rows: Vec<Vec<Vec<String>>> = Vec::new(); // rows → columns → lines
    let mut start = 0;
    for i in 0..lines.len() {
        if i == 0 || data && !text(i, 0).is_empty() {
            start = rows.len();
            rows.extend(std::iter::repeat_n(vec![Vec::new(); width], levels));
        }
        for c in 0..width {
            if text(i, c).is_empty() {
                continue;
            }
            let level = match split[c] {
                Some(at) if i > at => 1,
                _ => 0,
            };
            rows[start + level.min(levels - 1)][c].push(text(i, c).to_owned());
        }
    }
    for row in rows {
        if row.iter().all(Vec::is_empty) {
            continue;
        }
        table.start_row();
        for lines in row {
            table.cell(join_wrapped(&lines), 1, 1);
        }
        let _ = table.end_row();
    }
}

/// Wrapped lines of a cell as one text: «созда-» + «ние» → «создание».
fn join_wrapped(lines: &[String]) -> String {
    let mut out = String::new();
    for l in lines {
        if out.ends_with('-') && l.starts_with(|c: char| c.is_lowercase()) {
            out.pop();
        } else if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(l);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_box_drawn_header_with_two_levels_and_wrapped_rows() {
        let text = "\
Сетевой план-график на 2011 год
┌────┬──────────────┬──────────────────────────┐
│ N  │  Пошаговые   │Сроки выполнения: 2011 год│
│п/п │  мероприятия ├────────────┬─────────────┤
│    │              │ I квартал  │ II квартал  │
├────┼──────────────┼────────────┼─────────────┤
│ 1  │      2       │     3      │      4      │
├────┼──────────────┼────────────┼─────────────┤
│ 1. │ Разработка   │     х      │             │
│    │ положения    │            │             │
│ 2. │ Мониторинг   │            │      х      │
└────┴──────────────┴────────────┴─────────────┘";
        let lines: Vec<&str> = text.lines().collect();
        let (grid, preamble) = read(&lines).unwrap();
        assert_eq!(preamble, ["Сетевой план-график на 2011 год"]);
        let rows: Vec<Vec<&str>> =
            grid.rows.iter().map(|r| r.cells.iter().map(String::as_str).collect()).collect();
        assert_eq!(rows[0], ["N п/п", "Пошаговые мероприятия", "Сроки выполнения: 2011 год", ""]);
        assert_eq!(rows[1], ["", "", "I квартал", "II квартал"]);
        assert_eq!(rows[2], ["1", "2", "3", "4"]);
        assert_eq!(rows[3], ["1.", "Разработка положения", "х", ""]);
        assert_eq!(rows[4], ["2.", "Мониторинг", "", "х"]);
    }
}
