//! From a grid to a plan: the header and the column roles, sections («1. …», «Трек 1.»,
//! rows across the table), hierarchical numbers, rows continued after a page break, timeframes
//! read in the plan's period, executors, and the district's schools named in the cells.

use domain::{Id, Period, School, Timeframe};
use serde::Serialize;
use ts_rs::TS;

use super::columns::{guess_roles, header_roles, Column, Role};
use super::grid::Grid;
use super::number::{self, depth, is_number_cell, next_sibling};
use super::people::{executors, school_mentions, ExecutorDraft};

/// What the import found, shown to the user before anything is written.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Recognised {
    /// The header row's texts, or «Столбец N».
    pub headers: Vec<String>,
    /// Per column of the table: the roadmap column it holds, or `null` when not imported.
    pub roles: Vec<Role>,
    pub goal: String,
    pub tasks: Vec<String>,
    pub sections: Vec<ImportedSection>,
    pub events: Vec<ImportedEvent>,
    /// Every flag of every row, and what was left out: Russian sentences.
    pub warnings: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ImportedSection {
    pub number: String,
    pub title: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ImportedEvent {
    /// The table row it came from, 1-based.
    pub line: usize,
    /// Index into `sections`.
    pub section: Option<usize>,
    /// Index into `events`: «1.1» for «1.1.1».
    pub parent: Option<usize>,
    pub number: String,
    pub content: String,
    pub timeframe: Timeframe,
    pub executors: Vec<ExecutorDraft>,
    pub result: String,
    pub evidence: String,
    pub completion_mark: String,
    /// The district's schools the row names.
    #[ts(type = "Array<number>")]
    pub school_ids: Vec<Id>,
    /// Why the row needs a look: no timeframe, an unclear one, an unknown school.
    pub flags: Vec<String>,
}

/// One table row's fields by role, before it is known to be a section or an event.
#[derive(Debug, Clone, Default)]
struct Fields {
    line: usize,
    spans: bool,
    number: Option<String>,
    content: String,
    timeframe: String,
    executors: String,
    result: String,
    evidence: String,
    completion: String,
}

impl Fields {
    fn others_empty(&self) -> bool {
        [&self.timeframe, &self.executors, &self.result, &self.evidence, &self.completion]
            .iter()
            .all(|f| f.is_empty())
    }

    fn others_mut(&mut self) -> [&mut String; 5] {
        [&mut self.timeframe, &mut self.executors, &mut self.result, &mut self.evidence, &mut self.completion]
    }

    /// A row continued after a page break or a broken line: its cells go on the previous one.
    fn append(&mut self, next: Fields) {
        let join = |a: &mut String, b: String| {
            if !b.is_empty() {
                if !a.is_empty() {
                    a.push(' ');
                }
                a.push_str(&b);
            }
        };
        join(&mut self.content, next.content);
        join(&mut self.timeframe, next.timeframe);
        join(&mut self.executors, next.executors);
        join(&mut self.result, next.result);
        join(&mut self.evidence, next.evidence);
        join(&mut self.completion, next.completion);
    }
}

/// Recognises a roadmap in `grid`. `roles` overrides the columns found from the header (the
/// user's mapping in the window).
pub fn recognise(
    grid: &Grid,
    preamble: &[String],
    period: &Period,
    schools: &[School],
    roles: Option<&[Role]>,
) -> Recognised {
    let mut warnings = Vec::new();
    let header = grid.rows.iter().position(|r| !r.spans && header_roles(&r.cells).is_some());
    let width = grid.width();
    let (headers, found): (Vec<String>, Vec<Role>) = match header {
        Some(h) => (grid.rows[h].cells.clone(), header_roles(&grid.rows[h].cells).unwrap_or_default()),
        None => {
            let multi: Vec<_> = grid.rows.iter().filter(|r| r.cells.len() > 1).collect();
            let numbered = multi.iter().filter(|r| is_number_cell(&r.cells[0])).count();
            if width > 1 {
                warnings.push("Строка заголовка не найдена: столбцы распознаны по порядку.".to_owned());
            }
            (
                (1..=width).map(|i| format!("Столбец {i}")).collect(),
                guess_roles(width, numbered * 2 > multi.len()),
            )
        }
    };
    let mut roles: Vec<Role> = roles.map(<[Role]>::to_vec).unwrap_or(found);
    roles.resize(width.max(roles.len()), None);
    let has_number_column = roles.contains(&Some(Column::Number));
    let has_timeframes = roles.contains(&Some(Column::Timeframe));
    if !has_timeframes {
        warnings.push("В таблице нет столбца сроков: сроки мероприятий нужно будет указать.".to_owned());
    }

    let rows = fields(grid, header, &roles);
    let numbered_events =
        rows.iter().any(|f| !f.spans && f.number.is_some() && !f.others_empty()) || has_number_column;

    let known: Vec<(Id, Vec<String>)> = schools
        .iter()
        .map(|s| {
            let keys = school_mentions(&format!("{} {}", s.draft.name, s.draft.short_name));
            (s.id, keys.into_iter().map(|(k, _)| k).collect())
        })
        .collect();

    let mut out = Recognised {
        headers,
        roles,
        goal: String::new(),
        tasks: Vec::new(),
        sections: Vec::new(),
        events: Vec::new(),
        warnings,
    };
    read_preamble(preamble, &mut out);
    let mut in_section = 0usize;
    let mut skipped = Vec::new();
    for f in rows {
        let section = f.others_empty()
            && (f.spans
                || (has_number_column && f.number.is_none())
                || (!has_number_column
                    && f.number.as_deref().is_some_and(|n| depth(n) == 1 || !numbered_events)));
        if section {
            out.sections
                .push(ImportedSection { number: f.number.clone().unwrap_or_default(), title: f.content });
            in_section = 0;
            continue;
        }
        if header.is_none() && out.sections.is_empty() && !numbered_events {
            skipped.push(f.content);
            continue;
        }
        if !f.content.chars().any(char::is_alphanumeric) && f.others_empty() {
            continue; // a stray «.» left in a cell
        }
        in_section += 1;
        let section = out.sections.len().checked_sub(1);
        let number =
            f.number.clone().unwrap_or_else(|| match section.map(|s| out.sections[s].number.as_str()) {
                Some(n) if !n.is_empty() => format!("{n}.{in_section}"),
                _ => in_section.to_string(),
            });
        out.events.push(event(f, number, section, period, &known, &out.events, has_timeframes));
    }
    if !skipped.is_empty() {
        out.warnings.push(format!("Строки до первого раздела не импортированы: {}.", skipped.join("; ")));
    }
    for e in &out.events {
        for flag in &e.flags {
            out.warnings.push(format!("Строка {} (мероприятие {}): {flag}.", e.line, e.number));
        }
    }
    out
}

/// The rows after the header as fields by role; page-break markers glue the next row to the
/// one before, a lower-case line with no number continues the row above, and a next-sibling
/// number found in another column («3.6.2.» in the results of «3.6.1») starts its own row.
fn fields(grid: &Grid, header: Option<usize>, roles: &[Role]) -> Vec<Fields> {
    let mut out: Vec<Fields> = Vec::new();
    let mut glue = false;
    let has_number_column = roles.contains(&Some(Column::Number));
    for row in grid.rows.iter().skip(header.map_or(0, |h| h + 1)) {
        let cells = &row.cells;
        if cells.iter().enumerate().all(|(i, c)| *c == (i + 1).to_string()) || header_roles(cells).is_some() {
            continue; // the column-number row «1 2 3 4 5», or the header again on the next page
        }
        let non_empty: Vec<&String> = cells.iter().filter(|c| !c.is_empty()).collect();
        if non_empty.is_empty() {
            continue;
        }
        if non_empty.iter().all(|c| c.chars().all(|ch| ch == '-' || ch.is_whitespace())) {
            glue = true; // «--	-----	---»: a page break inside a row
            continue;
        }
        let mut f = Fields {
            line: row.line,
            spans: row.spans || (cells.len() == 1 && roles.len() > 1),
            ..Default::default()
        };
        if f.spans {
            f.content = non_empty.iter().map(|c| c.as_str()).collect::<Vec<_>>().join("\n");
        } else {
            for (cell, role) in cells.iter().zip(roles) {
                let slot = match role {
                    Some(Column::Number) => {
                        if is_number_cell(cell) {
                            f.number = Some(cell.trim().trim_end_matches('.').to_owned());
                            continue;
                        }
                        &mut f.content
                    }
                    Some(Column::Content) => &mut f.content,
                    Some(Column::Timeframe) => &mut f.timeframe,
                    Some(Column::Executors) => &mut f.executors,
                    Some(Column::Result) => &mut f.result,
                    Some(Column::Evidence) => &mut f.evidence,
                    Some(Column::Completion) => &mut f.completion,
                    None => continue,
                };
                if !cell.is_empty() {
                    if !slot.is_empty() {
                        slot.push('\n');
                    }
                    slot.push_str(cell);
                }
            }
        }
        if f.number.is_none() {
            if let Some((n, rest)) = number::leading(&f.content) {
                f.number = Some(n);
                f.content = rest.to_owned();
            }
        }
        let continues = f.number.is_none()
            && !has_number_column
            && f.content.starts_with(|c: char| c.is_lowercase())
            && out.last().is_some_and(|p| p.number.is_some());
        if let (true, Some(prev)) = (glue || continues, out.last_mut()) {
            prev.append(f);
            glue = false;
            continue;
        }
        glue = false;
        let line = f.line;
        let split = f.number.as_deref().and_then(next_sibling).and_then(|next| {
            f.others_mut().into_iter().find_map(|cell| {
                let (n, rest) = number::leading(cell).map(|(n, rest)| (n, rest.to_owned()))?;
                if n != next {
                    return None;
                }
                cell.clear();
                Some(Fields { line, number: Some(n), content: rest, ..Default::default() })
            })
        });
        out.push(f);
        out.extend(split);
    }
    out
}

fn event(
    f: Fields,
    number: String,
    section: Option<usize>,
    period: &Period,
    known: &[(Id, Vec<String>)],
    before: &[ImportedEvent],
    has_timeframes: bool,
) -> ImportedEvent {
    let mut flags = Vec::new();
    let timeframe = timeframe::parse(&f.timeframe, period);
    if f.timeframe.trim().is_empty() && has_timeframes {
        flags.push("срок не указан".to_owned());
    } else if !f.timeframe.trim().is_empty() && timeframe.needs_review() {
        let why = timeframe.warnings.join("; ");
        flags.push(if why.is_empty() {
            format!("срок неясен: «{}»", f.timeframe)
        } else {
            format!("срок неясен: {why}")
        });
    }
    if f.content.is_empty() {
        flags.push("нет содержания".to_owned());
    }
    let mut school_ids = Vec::new();
    for (key, printed) in school_mentions(&format!("{}\n{}", f.content, f.executors)) {
        match known.iter().find(|(_, keys)| keys.contains(&key)) {
            Some((id, _)) if !school_ids.contains(id) => school_ids.push(*id),
            Some(_) => {}
            None => flags.push(format!("школа «{printed}» не найдена среди школ района")),
        }
    }
    let parent = number::parent(&number).and_then(|p| before.iter().rposition(|e| e.number == p));
    ImportedEvent {
        line: f.line,
        section,
        parent,
        number,
        content: f.content,
        timeframe,
        executors: executors(&f.executors),
        result: f.result,
        evidence: f.evidence,
        completion_mark: f.completion,
        school_ids,
        flags,
    }
}

/// «Цель: …» and the «- » lines after «Задачи:» above the table.
fn read_preamble(lines: &[String], out: &mut Recognised) {
    let mut in_tasks = false;
    for line in lines {
        let l = line.trim();
        if let Some(goal) = l.strip_prefix("Цель:") {
            out.goal = goal.trim().to_owned();
            in_tasks = false;
        } else if let Some(rest) = l.strip_prefix("Задачи:") {
            in_tasks = true;
            if !rest.trim().is_empty() {
                out.tasks.push(rest.trim().to_owned());
            }
        } else if in_tasks && (l.starts_with("- ") || l.starts_with("• ")) {
            out.tasks.push(l[l.find(' ').unwrap_or(0)..].trim().trim_end_matches(';').to_owned());
        } else {
            in_tasks = false;
        }
    }
}
