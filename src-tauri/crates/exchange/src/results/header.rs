//! The header of a results table: where the rows of schools start, what each column holds, and
//! the column groups (years, subjects, grades) a two-level header makes.

use std::collections::BTreeMap;

use super::context::{words, Context};
use super::parse_number;
use super::schools::{is_login, looks_like_school};
use crate::import::Grid;

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    School,
    Code,
    Inn,
    Participants,
    /// «2»…«5» as 0…3.
    Mark(usize),
    BelowMin,
    MeanScore,
    /// Derived from the marks («качество знаний», «успеваемость»): not stored.
    Derived,
    Other,
}

impl Field {
    pub fn label(self) -> &'static str {
        match self {
            Field::School => "школа",
            Field::Code => "логин ФИС ОКО",
            Field::Inn => "ИНН",
            Field::Participants => "участники",
            Field::Mark(0) => "«2»",
            Field::Mark(1) => "«3»",
            Field::Mark(2) => "«4»",
            Field::Mark(_) => "«5»",
            Field::BelowMin => "не преодолели порог",
            Field::MeanScore => "средний балл",
            Field::Derived | Field::Other => "не загружается",
        }
    }
}

#[derive(Debug, Clone)]
struct ColumnRole {
    field: Field,
    /// The column's own year, subject, grade or procedure (a column group).
    context: Context,
    /// Some(true) when the header says percent, Some(false) when it says counts.
    percent: Option<bool>,
}

/// The columns of one group (one year, one subject…).
#[derive(Debug, Clone, Default)]
pub struct Group {
    pub context: Context,
    pub participants: Option<usize>,
    pub marks: [Option<usize>; 4],
    pub below_min: Option<usize>,
    pub mean_score: Option<usize>,
    pub percent: Option<bool>,
    pub below_percent: bool,
}

pub struct Header {
    /// The first row of the header (rows above are title lines).
    pub first_row: usize,
    /// The first row of schools.
    pub data_row: usize,
    pub school: usize,
    pub code: Option<usize>,
    /// Participants shared by every group.
    pub participants: Option<usize>,
    columns: Vec<ColumnRole>,
    pub notes: Vec<String>,
}

impl Header {
    pub fn find(grid: &Grid) -> Option<Header> {
        let rows = &grid.rows;
        let numeric = |s: &String| parse_number(s).is_some();
        // The first row of schools: a school's name (not a header's «Школа») and a number that is
        // not a year (a header of years is not data).
        let is_year =
            |s: &String| parse_number(s).is_some_and(|v| v.fract() == 0.0 && (1990.0..=2100.0).contains(&v));
        let names_school = |c: &String| {
            looks_like_school(c)
                && !(field_of(c) == Field::School
                    && !c.chars().any(|ch| ch.is_ascii_digit())
                    && c.split_whitespace().count() <= 2)
        };
        let data_row = rows.iter().position(|r| {
            !r.spans && r.cells.iter().any(names_school) && r.cells.iter().any(|c| numeric(c) && !is_year(c))
        })?;
        // Header rows: up to three rows of several cells (mostly words, or the marks «2»–«5»)
        // above the first school, past the totals in between («Вся выборка», the region).
        let is_header = |cells: &[String]| {
            let filled: Vec<&str> = cells.iter().map(|c| c.trim()).filter(|c| !c.is_empty()).collect();
            // Words, years (column groups) and the marks «2»–«5» belong in a header.
            let heading = |c: &&&str| {
                let t = c.trim_matches(|ch: char| !ch.is_alphanumeric());
                parse_number(c).is_none() || matches!(t, "2" | "3" | "4" | "5") || is_year(&c.to_string())
            };
            let words = filled.iter().filter(heading).count();
            filled.len() >= 2 && (2 * words > filled.len() || is_column_numbers(cells))
        };
        let mut end = data_row;
        while end > 0 && !rows[end - 1].spans && !is_header(&rows[end - 1].cells) {
            let filled = rows[end - 1].cells.iter().filter(|c| !c.trim().is_empty()).count();
            if filled < 2 {
                break; // a title line: no header
            }
            end -= 1;
        }
        let mut first_row = end;
        while first_row > 0 && end - first_row < 3 {
            let row = &rows[first_row - 1];
            if row.spans || !is_header(&row.cells) {
                break;
            }
            first_row -= 1;
        }
        if first_row == end {
            return None;
        }
        let block: Vec<&Vec<String>> =
            rows[first_row..end].iter().map(|r| &r.cells).filter(|cells| !is_column_numbers(cells)).collect();
        let width = rows[first_row..].iter().map(|r| r.cells.len()).max().unwrap_or(0);
        // A group's title spans its columns: carried right over the columns the row below names.
        let mut levels: Vec<Vec<String>> = block
            .iter()
            .map(|cells| (0..width).map(|c| cells.get(c).cloned().unwrap_or_default()).collect())
            .collect();
        for l in 0..levels.len().saturating_sub(1) {
            for c in 1..width {
                if levels[l][c].trim().is_empty() && !levels[l + 1][c].trim().is_empty() {
                    levels[l][c] = levels[l][c - 1].clone();
                }
            }
        }
        let mut notes = Vec::new();
        let mut columns: Vec<ColumnRole> = (0..width)
            .map(|c| {
                let parts: Vec<&str> = levels.iter().map(|l| l[c].trim()).filter(|s| !s.is_empty()).collect();
                let label = parts.join(" ");
                let field = field_of(&label);
                if field == Field::Derived {
                    notes
                        .push(format!("Столбец «{label}» не загружается: он считается по отметкам «2»–«5»."));
                }
                ColumnRole { field, context: group_context(&label), percent: percent_of(&label) }
            })
            .collect();
        let data = &rows[data_row..];
        let share = |c: usize, test: &dyn Fn(&str) -> bool| {
            let filled: Vec<&str> = data
                .iter()
                .filter_map(|r| r.cells.get(c))
                .map(|s| s.trim())
                .filter(|s| !s.is_empty())
                .collect();
            if filled.is_empty() {
                0.0
            } else {
                filled.iter().filter(|s| test(s)).count() as f64 / filled.len() as f64
            }
        };
        // Logins and the schools' names by what the cells hold when the header does not say.
        for (c, col) in columns.iter_mut().enumerate() {
            if col.field == Field::Other && share(c, &is_login) > 0.5 {
                col.field = Field::Code;
            }
        }
        let school = columns.iter().position(|c| c.field == Field::School).or_else(|| {
            (0..width)
                .map(|c| (c, share(c, &looks_like_school)))
                .filter(|&(_, s)| s > 0.3)
                .max_by(|a, b| a.1.total_cmp(&b.1))
                .map(|(c, _)| c)
        })?;
        columns[school].field = Field::School;
        let code = columns.iter().position(|c| c.field == Field::Code);
        let participants =
            columns.iter().position(|c| c.field == Field::Participants && c.context.is_empty());
        Some(Header { first_row, data_row, school, code, participants, columns, notes })
    }

    /// The column groups, in the order their first column comes.
    pub fn groups(&self) -> Vec<Group> {
        let mut groups: BTreeMap<Context, (usize, Group)> = BTreeMap::new();
        for (c, col) in self.columns.iter().enumerate() {
            let field = col.field;
            if !matches!(field, Field::Participants | Field::Mark(_) | Field::BelowMin | Field::MeanScore) {
                continue;
            }
            if field == Field::Participants && col.context.is_empty() {
                continue; // shared
            }
            let (_, g) = groups
                .entry(col.context.clone())
                .or_insert_with(|| (c, Group { context: col.context.clone(), ..Group::default() }));
            match field {
                Field::Participants => g.participants = g.participants.or(Some(c)),
                Field::Mark(k) => {
                    g.marks[k] = g.marks[k].or(Some(c));
                    g.percent = g.percent.or(col.percent);
                }
                Field::BelowMin => {
                    g.below_min = g.below_min.or(Some(c));
                    g.below_percent = col.percent == Some(true);
                }
                Field::MeanScore => g.mean_score = g.mean_score.or(Some(c)),
                _ => {}
            }
        }
        let mut list: Vec<(usize, Group)> = groups.into_values().collect();
        list.sort_by_key(|(c, _)| *c);
        list.into_iter().map(|(_, g)| g).collect()
    }
}

/// A row «1 | 2 | 3 | …» numbering the columns.
fn is_column_numbers(cells: &[String]) -> bool {
    let filled: Vec<&str> = cells.iter().map(|c| c.trim()).filter(|c| !c.is_empty()).collect();
    filled.len() >= 3 && filled.iter().enumerate().all(|(i, c)| c.parse::<usize>().ok() == Some(i + 1))
}

/// A column group's own year, subject, grade or procedure.
fn group_context(label: &str) -> Context {
    Context::read(label)
}

fn percent_of(label: &str) -> Option<bool> {
    let w = words(label);
    let has = |p: &str| w.iter().any(|x| x.starts_with(p));
    if label.contains('%') || has("доля") || has("процент") || has("долю") {
        Some(true)
    } else if has("кол") || has("чел") || has("число") || has("количеств") {
        Some(false)
    } else {
        None
    }
}

/// What a column's header says it holds.
fn field_of(label: &str) -> Field {
    let w = words(label);
    let has = |x: &str| w.iter().any(|y| y == x);
    let starts = |p: &str| w.iter().any(|y| y.starts_with(p));
    let lower = label.to_lowercase();
    if starts("логин") || has("код") {
        return Field::Code;
    }
    if has("инн") {
        return Field::Inn;
    }
    if (starts("кол") || starts("числ"))
        && (has("оо") || starts("школ") || starts("организац") || starts("учрежд"))
    {
        return Field::Other; // how many schools a total row covers
    }
    if lower.contains("не преодол")
        || lower.contains("ниже минимал")
        || lower.contains("не набрал")
        || lower.contains("не сдал")
        || (starts("минимальн") && (starts("порог") || starts("балл")))
    {
        return Field::BelowMin;
    }
    if starts("средн") && starts("балл") {
        return Field::MeanScore;
    }
    if starts("средн") || starts("качеств") || starts("успеваем") || starts("обученност")
    {
        return Field::Derived;
    }
    // A mark: a bare 2–5 among the words once years and grades are set aside.
    let grade = super::context::grade_of(&w);
    let mark = w.iter().enumerate().find_map(|(i, x)| {
        let n: usize = x.parse().ok()?;
        let is_grade = grade == Some(n as i32) && w.get(i + 1).is_some_and(|y| y.starts_with("кл"));
        ((2..=5).contains(&n) && !is_grade).then(|| n - 2)
    });
    if let Some(k) = mark {
        return Field::Mark(k);
    }
    if starts("двоек") || starts("неудовл") {
        return Field::Mark(0);
    }
    if starts("троек") || starts("удовлетвор") {
        return Field::Mark(1);
    }
    if starts("четвер") || (starts("хорош") && !starts("отлич")) {
        return Field::Mark(2);
    }
    if starts("пятер") || starts("отлич") {
        return Field::Mark(3);
    }
    if starts("участ")
        || starts("писал")
        || starts("выполнял")
        || starts("сдавал")
        || starts("обучающ")
        || starts("учащ")
        || has("чел")
        || starts("явил")
    {
        return Field::Participants;
    }
    if starts("наименован")
        || starts("образовательн")
        || has("оо")
        || has("оу")
        || starts("школ")
        || starts("организац")
        || starts("учрежден")
        || starts("название")
    {
        return Field::School;
    }
    Field::Other
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_by_meaning() {
        assert_eq!(field_of("Кол-во участников"), Field::Participants);
        assert_eq!(field_of("Распределение отметок участников (%) 2"), Field::Mark(0));
        assert_eq!(field_of("«5»"), Field::Mark(3));
        assert_eq!(field_of("Доля участников, не преодолевших минимальный порог, %"), Field::BelowMin);
        assert_eq!(field_of("Средний тестовый балл"), Field::MeanScore);
        assert_eq!(field_of("Кол-во ОО"), Field::Other);
        assert_eq!(field_of("Наименование ОО"), Field::School);
        assert_eq!(field_of("Логин"), Field::Code);
        assert_eq!(field_of("Качество знаний, %"), Field::Derived);
        assert_eq!(field_of("2022 Доля «2»"), Field::Mark(0));
        assert_eq!(field_of("Число обучающихся, получивших «3»"), Field::Mark(1));
        assert_eq!(percent_of("Распределение отметок участников (%)"), Some(true));
        assert_eq!(percent_of("кол-во «2»"), Some(false));
        assert_eq!(percent_of("2"), None);
    }
}
