//! From a grid to a plan: the header and the column roles, sections («1. …», «Трек 1.»,
//! rows across the table), hierarchical numbers, rows continued after a page break, timeframes
//! read in the plan's period, executors, and the district's schools named in the cells.

use domain::{EventDraft, EventStatus, Id, Period, School, Timeframe};
use serde::Serialize;
use ts_rs::TS;

use super::columns::{Column, Role};
use super::grid::Grid;
use super::layout::{self, is_column_numbers, is_mark, Layout, Slot};
use super::number::{self, depth, is_number_cell, next_sibling};
use super::people::{executors, school_mentions};
use super::period;

/// What the import found, shown to the user before anything is written.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Recognised {
    /// The header row's texts, or «Столбец N».
    pub headers: Vec<String>,
    /// Per column of the table: the roadmap column it holds, or `null` when not imported.
    pub roles: Vec<Role>,
    /// Per column: why it was taken for what it holds («по заголовку «Сроки»»).
    pub reasons: Vec<String>,
    /// The plan's period: as given, or as the document says.
    pub period: Period,
    pub period_reason: String,
    /// The document's own title, if the lines above the table name one.
    pub title: String,
    /// «Координатор: …» above the table.
    pub coordinator: String,
    pub goal: String,
    pub tasks: Vec<String>,
    pub sections: Vec<ImportedSection>,
    pub events: Vec<ImportedEvent>,
    /// How many events and flagged events the table has ([`Recognised::shortened`] shows fewer).
    pub events_total: usize,
    pub flagged_total: usize,
    /// Every flag of every row, and what was left out: Russian sentences.
    pub warnings: Vec<String>,
    /// A workbook's sheets, for the person to choose another, and the one read.
    pub sheets: Vec<String>,
    pub sheet: Option<String>,
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
    /// The row's timeframe read in the period (its text is the row's `timeframe_text`).
    pub timeframe: Timeframe,
    /// The row as the store takes it: its cells as written, the executors read into people,
    /// the state as a «Состояние» column says (else done when marked, planned when not).
    #[serde(flatten)]
    #[ts(flatten)]
    pub row: EventDraft,
    /// The district's schools the row names.
    pub school_ids: Vec<Id>,
    /// Why the row needs a look: no timeframe, an unclear one, an unknown school.
    pub flags: Vec<String>,
}

/// One table row's fields by role, before it is known to be a section or an event: its cells
/// keyed by the column they fill (`fields[Column::Place]`), so a new column needs no new field
/// here.
#[derive(Debug, Clone, Default)]
struct Fields {
    line: usize,
    spans: bool,
    number: Option<String>,
    /// By [`Column::index`]; the number column's cell is `number` (kept apart: it may be absent).
    cells: [String; Column::ALL.len()],
    /// The «Раздел» and «Состояние» cells, when the table has those columns.
    section: String,
    status: String,
}

impl std::ops::Index<Column> for Fields {
    type Output = String;
    fn index(&self, c: Column) -> &String {
        &self.cells[c.index()]
    }
}

impl std::ops::IndexMut<Column> for Fields {
    fn index_mut(&mut self, c: Column) -> &mut String {
        &mut self.cells[c.index()]
    }
}

/// The cells beside the number and the content: a row with none of them may be a section.
const OTHERS: [Column; Column::ALL.len() - 2] = {
    let mut out = [Column::Number; Column::ALL.len() - 2];
    let mut i = 2;
    while i < Column::ALL.len() {
        out[i - 2] = Column::ALL[i];
        i += 1;
    }
    out
};

impl Fields {
    fn others_empty(&self) -> bool {
        OTHERS.iter().all(|&c| self[c].is_empty())
    }

    fn others_mut(&mut self) -> impl Iterator<Item = &mut String> {
        self.cells
            .iter_mut()
            .enumerate()
            .filter(|(i, _)| OTHERS.iter().any(|c| c.index() == *i))
            .map(|(_, s)| s)
    }

    /// A row continued after a page break or a broken line: its cells go on the previous one.
    fn append(&mut self, next: Fields) {
        for (a, b) in self.cells.iter_mut().zip(next.cells) {
            if !b.is_empty() {
                if !a.is_empty() {
                    a.push(' ');
                }
                a.push_str(&b);
            }
        }
    }
}

/// Recognises a roadmap in `grid` read in `period`. `roles` overrides the columns found (the
/// user's mapping in the window).
pub fn recognise(
    grid: &Grid,
    preamble: &[String],
    period: &Period,
    schools: &[School],
    roles: Option<&[Role]>,
) -> Recognised {
    run(grid, preamble, Some(*period), chrono::NaiveDate::default(), schools, roles)
}

/// Like [`recognise`], with the period taken from the document when the user gave none: what
/// its title says, else the span of its dates, else the academic year of `today`.
pub fn recognise_source(
    source: &super::Source,
    period: Option<Period>,
    today: chrono::NaiveDate,
    schools: &[School],
    roles: Option<&[Role]>,
) -> Recognised {
    let mut r = run(&source.grid, &source.preamble, period, today, schools, roles);
    r.warnings.splice(0..0, source.notes.iter().cloned());
    r.sheets.clone_from(&source.sheets);
    r.sheet.clone_from(&source.sheet);
    r
}

fn run(
    grid: &Grid,
    preamble: &[String],
    period: Option<Period>,
    today: chrono::NaiveDate,
    schools: &[School],
    roles: Option<&[Role]>,
) -> Recognised {
    let mut warnings = Vec::new();
    let mut layout = layout::detect(grid);
    let width = layout.slots.len();
    if let Some(user) = roles {
        for (j, role) in user.iter().enumerate().take(width) {
            if layout.slots[j].role() != *role {
                layout.slots[j] = role.map_or(Slot::Skip, Slot::Field);
                layout.reasons[j] = "выбрано вручную".to_owned();
            }
        }
    }
    // «Участники» are the executors only when no column names them.
    let has_executors = layout.slots.contains(&Slot::Field(Column::Executors));
    for (slot, reason) in layout.slots.iter_mut().zip(layout.reasons.iter_mut()) {
        if *slot == Slot::Participants && has_executors {
            *slot = Slot::Skip;
            reason.push_str(": есть столбец исполнителей, участники не импортируются");
        }
    }
    if !layout.named && width > 1 {
        warnings
            .push("Строка заголовка не найдена: столбцы распознаны по содержимому — проверьте.".to_owned());
    }
    for (j, slot) in layout.slots.iter().enumerate() {
        if *slot == Slot::Skip && !layout.reasons[j].is_empty() && !layout.reasons[j].starts_with("выбрано")
        {
            warnings.push(format!(
                "Столбец «{}» не импортируется: в дорожной карте нет такого поля.",
                layout.headers[j]
            ));
        }
    }
    // «Начало» and «Окончание» beside the timeframe's own text are dates worked out of it (our
    // workbook writes them): the text is what was typed, the dates would read it twice.
    if layout.slots.contains(&Slot::Field(Column::Timeframe)) {
        for (j, slot) in layout.slots.iter_mut().enumerate() {
            if matches!(slot, Slot::Start | Slot::End) {
                *slot = Slot::Skip;
                layout.reasons[j] = format!(
                    "по заголовку «{}»: дата из срока — срок берётся из его текста",
                    layout.headers[j]
                );
            }
        }
    }
    let has_number_column = layout.slots.contains(&Slot::Field(Column::Number));
    let has_section_column = layout.slots.contains(&Slot::Section);
    let has_timeframes = layout.slots.iter().any(|s| s.role() == Some(Column::Timeframe));
    if !has_timeframes {
        warnings.push("В таблице нет столбца сроков: сроки мероприятий нужно будет указать.".to_owned());
    }

    let rows = fields(grid, &layout);
    // Rows above the header are the document's lines (its title), not the table.
    let mut preamble = preamble.to_vec();
    if layout.named {
        let top = layout.header_rows.first().copied().unwrap_or(0);
        let lines = grid.rows[..top]
            .iter()
            .map(|r| r.cells.iter().filter(|c| !c.is_empty()).cloned().collect::<Vec<_>>().join(" "));
        preamble.extend(lines.filter(|l| !l.is_empty()));
    }
    let preamble = preamble.as_slice();
    let found = match period {
        Some(p) => period::Found { period: p, reason: "указан при импорте".to_owned() },
        None => {
            // Timeframes, and sections that are years («2019 год»).
            let texts: Vec<&str> = rows
                .iter()
                .map(|f| {
                    if f.others_empty() && looks_like_section(&f[Column::Content]) {
                        f[Column::Content].as_str()
                    } else {
                        f[Column::Timeframe].as_str()
                    }
                })
                .filter(|t| !t.is_empty())
                .collect();
            period::detect(preamble, &layout.headers, &texts, today)
        }
    };
    let period = found.period;
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
        headers: layout.headers.clone(),
        roles: layout.slots.iter().map(Slot::role).collect(),
        reasons: layout.reasons.clone(),
        period,
        period_reason: found.reason,
        title: title_of(preamble),
        coordinator: String::new(),
        goal: String::new(),
        tasks: Vec::new(),
        sections: Vec::new(),
        events: Vec::new(),
        events_total: 0,
        flagged_total: 0,
        warnings,
        sheets: Vec::new(),
        sheet: None,
    };
    read_preamble(preamble, &mut out);
    let mut in_section = 0usize;
    let mut section_label: Option<String> = None;
    let mut skipped = Vec::new();
    // The latest event of each number: a sub-event's parent is found in one lookup.
    let mut numbers = std::collections::HashMap::new();
    for (i, f) in rows.iter().enumerate() {
        let next_number = rows[i + 1..].iter().find_map(|r| r.number.as_deref());
        let heads_children = |n: &str| next_number.is_some_and(|next| next.starts_with(&format!("{n}.")));
        // A «Раздел» column: a new value starts a section.
        if has_section_column && !f.section.is_empty() {
            let label = f.section.trim().to_owned();
            if section_label.as_deref() != Some(label.as_str()) {
                let (number, title) = section_of(&label);
                out.sections.push(ImportedSection { number, title });
                in_section = 0;
                section_label = Some(label);
            }
        }
        let section = f.others_empty()
            && (f.spans
                || looks_like_section(&f[Column::Content])
                || (has_number_column && f.number.is_none() && !f[Column::Content].is_empty())
                || f.number.as_deref().is_some_and(|n| depth(n) == 1 && heads_children(n))
                || (!has_number_column
                    && f.number.as_deref().is_some_and(|n| depth(n) == 1 || !numbered_events)));
        if section {
            let (number, title) = section_number(f);
            out.sections.push(ImportedSection { number, title });
            in_section = 0;
            continue;
        }
        if layout.header_rows.is_empty() && out.sections.is_empty() && !numbered_events {
            skipped.push(f[Column::Content].clone());
            continue;
        }
        if !f[Column::Content].chars().any(char::is_alphanumeric) && f.others_empty() {
            continue; // a stray «.» left in a cell
        }
        in_section += 1;
        let section = out.sections.len().checked_sub(1);
        let number =
            f.number.clone().unwrap_or_else(|| match section.map(|s| out.sections[s].number.as_str()) {
                Some(n) if !n.is_empty() && n.chars().all(|c| c.is_ascii_digit() || c == '.') => {
                    format!("{n}.{in_section}")
                }
                _ => in_section.to_string(),
            });
        let e = event(f.clone(), number, section, &period, &known, &numbers, has_timeframes);
        numbers.insert(e.number.clone(), out.events.len());
        out.events.push(e);
    }
    if !skipped.is_empty() {
        out.warnings.push(format!("Строки до первого раздела не импортированы: {}.", skipped.join("; ")));
    }
    for e in &out.events {
        for flag in &e.flags {
            out.warnings.push(format!("Строка {} (мероприятие {}): {flag}.", e.line, e.number));
        }
    }
    out.events_total = out.events.len();
    out.flagged_total = out.events.iter().filter(|e| !e.flags.is_empty()).count();
    out
}

impl Recognised {
    /// What a preview shows of a big table: the first `limit` events and up to `limit` more that
    /// need a look, the sentences about the table and the first `limit` about rows. The counts
    /// stay those of the whole table; the import reads the table again, whole.
    pub fn shortened(mut self, limit: usize) -> Recognised {
        if self.events.len() > limit {
            let mut flagged_kept = 0;
            let mut i = 0;
            self.events.retain(|e| {
                i += 1;
                let flagged = !e.flags.is_empty() && flagged_kept < limit;
                flagged_kept += usize::from(i > limit && flagged);
                i <= limit || flagged
            });
        }
        let mut rows = 0;
        self.warnings.retain(|w| {
            let about_a_row = w.starts_with("Строка ");
            rows += usize::from(about_a_row);
            !about_a_row || rows <= limit
        });
        self
    }
}

/// «I. Анализ работы», «Раздел 2. …», «Трек 1.», «2019 год», «ОРГАНИЗАЦИОННЫЕ МЕРОПРИЯТИЯ».
fn looks_like_section(content: &str) -> bool {
    let t = content.trim();
    let first = t.split([' ', '.']).next().unwrap_or("");
    let lower = t.to_lowercase();
    let roman = !first.is_empty()
        && first.len() <= 5
        && first.chars().all(|c| matches!(c, 'I' | 'V' | 'X'))
        && t[first.len()..].starts_with(['.', ' ']);
    let word = ["раздел", "трек", "этап ", "модуль", "блок ", "направление ", "подпрограмма"]
        .iter()
        .any(|w| lower.starts_with(w));
    let year = {
        let digits: String = t.chars().take_while(char::is_ascii_digit).collect();
        digits.len() == 4 && matches!(lower[4..].trim(), "" | "год" | "г." | "г")
    };
    let letters: Vec<char> = t.chars().filter(|c| c.is_alphabetic()).collect();
    let capitals = letters.len() >= 8 && letters.iter().all(|c| c.is_uppercase()) && t.contains(' ');
    roman || word || year || capitals
}

/// A «Раздел» cell's number and title: «2 Аналитический этап» or «II. Анализ» → («2», …).
fn section_of(label: &str) -> (String, String) {
    let first = label.split([' ', '.']).next().unwrap_or("");
    let numbered = !first.is_empty()
        && (first.chars().all(|c| c.is_ascii_digit())
            || first.len() <= 5 && first.chars().all(|c| matches!(c, 'I' | 'V' | 'X')));
    let rest = label[first.len()..].trim_start_matches(['.', ' ']).trim();
    if numbered && !rest.is_empty() {
        (first.to_owned(), rest.to_owned())
    } else {
        (String::new(), label.to_owned())
    }
}

/// A section's number and title: «I. Анализ» → («I», «Анализ»); «1» from the number column.
fn section_number(f: &Fields) -> (String, String) {
    if let Some(n) = &f.number {
        return (n.clone(), f[Column::Content].clone());
    }
    let t = f[Column::Content].trim();
    let first = t.split([' ', '.']).next().unwrap_or("");
    if !first.is_empty() && first.len() <= 5 && first.chars().all(|c| matches!(c, 'I' | 'V' | 'X')) {
        let rest = t[first.len()..].trim_start_matches(['.', ' ']).trim();
        if !rest.is_empty() {
            return (first.to_owned(), rest.to_owned());
        }
    }
    (String::new(), f[Column::Content].clone())
}

/// The plan's title from the lines above the table: the line that names the document
/// («Дорожная карта», «План мероприятий», «Комплекс мер») and the lines that go on with it.
fn title_of(preamble: &[String]) -> String {
    const NAMES: [&str; 8] = [
        "дорожная карта",
        "план ",
        "план-график",
        "комплекс мер",
        "перечень",
        "сетевой план",
        "программа",
        "мероприятия",
    ];
    // «Муниципальная дорожная карта …», «Региональный план …»: one adjective may come first.
    let names = |l: &str| NAMES.iter().any(|n| l.starts_with(n)) || l == "план";
    let Some(i) = preamble.iter().position(|l| {
        let l = l.trim().to_lowercase();
        let after_adjective = l.split_once(' ').filter(|(first, _)| {
            ["ая", "ый", "ий", "ой", "ое", "ее"].iter().any(|e| first.ends_with(e))
                && first.chars().count() > 4
        });
        names(&l) || after_adjective.is_some_and(|(_, rest)| names(rest))
    }) else {
        return String::new();
    };
    let mut title = preamble[i].trim().to_owned();
    for next in preamble[i + 1..].iter().take(3) {
        let n = next.trim();
        if n.starts_with(|c: char| c.is_lowercase()) || title.split_whitespace().count() <= 3 && !n.is_empty()
        {
            title.push(' ');
            title.push_str(n);
        } else {
            break;
        }
    }
    domain::text::one_line(&title)
}

/// The rows after the header as fields by role; page-break markers glue the next row to the
/// one before, a lower-case line with no number continues the row above, and a next-sibling
/// number found in another column («3.6.2.» in the results of «3.6.1») starts its own row.
fn fields(grid: &Grid, layout: &Layout) -> Vec<Fields> {
    let mut out: Vec<Fields> = Vec::new();
    let mut glue = false;
    let slots = &layout.slots;
    let header_cells = layout.header_rows.first().map(|h| &grid.rows[*h].cells);
    let contents = slots.iter().filter(|s| **s == Slot::Field(Column::Content)).count();
    for (i, row) in grid.rows.iter().enumerate() {
        let cells = &row.cells;
        let above_header = layout.named && layout.header_rows.first().is_some_and(|h| i < *h);
        if above_header
            || layout.header_rows.contains(&i)
            || is_column_numbers(cells)
            || Some(cells) == header_cells
        {
            continue; // the header, its column numbers, or the header again on the next page
        }
        let non_empty: Vec<&String> = cells.iter().filter(|c| !c.is_empty()).collect();
        if non_empty.is_empty() {
            continue;
        }
        if non_empty.iter().all(|c| c.chars().all(|ch| ch == '-' || ch.is_whitespace())) {
            glue = true; // «--	-----	---»: a page break inside a row
            continue;
        }
        // Text in the first cell alone, where the first column is not the content's: a row
        // across the table whose merge was lost (text exports, a reordered table).
        let first_alone = non_empty.len() == 1
            && cells.first().is_some_and(|c| !c.is_empty())
            && slots.len() >= 3
            && !matches!(slots.first(), Some(Slot::Field(Column::Content | Column::Number)));
        let mut f = Fields {
            line: row.line,
            spans: row.spans || (cells.len() == 1 && slots.len() > 1) || first_alone,
            ..Default::default()
        };
        let (mut start, mut end, mut marks) = (String::new(), String::new(), Vec::new());
        if f.spans {
            f[Column::Content] = non_empty.iter().map(|c| c.as_str()).collect::<Vec<_>>().join("\n");
        } else {
            for (j, (cell, slot)) in cells.iter().zip(slots).enumerate() {
                if cell.is_empty() {
                    continue;
                }
                let slot_text = match slot {
                    Slot::Field(Column::Number) => {
                        if is_number_cell(cell) {
                            f.number = Some(cell.trim().trim_end_matches('.').to_owned());
                            continue;
                        }
                        &mut f[Column::Content]
                    }
                    Slot::Field(Column::Content) if contents > 1 && filled_contents(cells, slots) > 1 => {
                        let labelled = format!("{}: {cell}", layout.headers[j]);
                        push_line(&mut f[Column::Content], &labelled);
                        continue;
                    }
                    Slot::Field(column) => &mut f[*column],
                    Slot::Participants => &mut f[Column::Executors],
                    Slot::Start => &mut start,
                    Slot::End => &mut end,
                    Slot::Section => &mut f.section,
                    Slot::Status => &mut f.status,
                    Slot::Mark(period) => {
                        if is_mark(cell) {
                            marks.push((j, period.clone()));
                        } else if !cell.chars().all(|c| matches!(c, '-' | '–' | '—' | ' ')) {
                            // A date written in the quarter's cell says more than a mark.
                            marks.push((usize::MAX - j, cell.clone()));
                        }
                        continue;
                    }
                    Slot::Skip => continue,
                };
                push_line(slot_text, cell);
            }
        }
        let span = match (start.trim(), end.trim()) {
            ("", "") => String::new(),
            (s, "") | ("", s) => s.to_owned(),
            (s, e) if s == e => s.to_owned(),
            (s, e) => format!("{s} - {e}"),
        };
        for extra in [span, gantt(&marks)] {
            push_line(&mut f[Column::Timeframe], &extra);
        }
        if f.number.is_none() {
            if let Some((n, rest)) = number::leading(&f[Column::Content]).map(|(n, r)| (n, r.to_owned())) {
                f.number = Some(n);
                f[Column::Content] = rest;
            }
        }
        let continues = f.number.is_none()
            && !f.spans
            && f[Column::Content].starts_with(|c: char| c.is_lowercase())
            && out.last().is_some_and(|p| {
                p.number.is_some()
                    && !p.spans
                    && (f[Column::Timeframe].is_empty() || p[Column::Timeframe].is_empty())
            });
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
                let mut f = Fields { line, number: Some(n), ..Default::default() };
                f[Column::Content] = rest;
                Some(f)
            })
        });
        out.push(f);
        out.extend(split);
    }
    out
}

/// How many content cells of a row hold text (levels as columns: regional, municipal, school).
fn filled_contents(cells: &[String], slots: &[Slot]) -> usize {
    cells.iter().zip(slots).filter(|(c, s)| !c.is_empty() && **s == Slot::Field(Column::Content)).count()
}

fn push_line(slot: &mut String, text: &str) {
    if text.is_empty() {
        return;
    }
    if !slot.is_empty() {
        slot.push('\n');
    }
    slot.push_str(text);
}

/// The timeframe of a Gantt row: its marked periods, neighbours joined into one span
/// («I квартал 2013 г. - IV квартал 2013 г.»), the rest listed.
fn gantt(marks: &[(usize, String)]) -> String {
    let mut runs: Vec<(usize, String, String)> = Vec::new();
    for (column, label) in marks {
        match runs.last_mut() {
            Some((last, _, end)) if *last + 1 == *column => {
                *last = *column;
                *end = label.clone();
            }
            _ => runs.push((*column, label.clone(), label.clone())),
        }
    }
    runs.into_iter()
        .map(|(_, first, last)| if first == last { first } else { format!("{first} - {last}") })
        .collect::<Vec<_>>()
        .join(", ")
}

fn event(
    mut f: Fields,
    number: String,
    section: Option<usize>,
    period: &Period,
    known: &[(Id, Vec<String>)],
    numbers: &std::collections::HashMap<String, usize>,
    has_timeframes: bool,
) -> ImportedEvent {
    let mut flags = Vec::new();
    let timeframe = timeframe::parse(&f[Column::Timeframe], period);
    if f[Column::Timeframe].trim().is_empty() && has_timeframes {
        flags.push("срок не указан".to_owned());
    } else if !f[Column::Timeframe].trim().is_empty() && timeframe.needs_review() {
        let why = timeframe.warnings.join("; ");
        flags.push(if why.is_empty() {
            format!("срок неясен: «{}»", f[Column::Timeframe])
        } else {
            format!("срок неясен: {why}")
        });
    }
    if f[Column::Content].is_empty() {
        flags.push("нет содержания".to_owned());
    }
    let mut school_ids = Vec::new();
    for (key, printed) in school_mentions(&format!("{}\n{}", f[Column::Content], f[Column::Executors])) {
        match known.iter().find(|(_, keys)| keys.contains(&key)) {
            Some((id, _)) if !school_ids.contains(id) => school_ids.push(*id),
            Some(_) => {}
            None => flags.push(format!("школа «{printed}» не найдена среди школ района")),
        }
    }
    let parent = number::parent(&number).and_then(|p| numbers.get(p).copied());
    let mut row = EventDraft { executors: executors(&f[Column::Executors]), ..EventDraft::default() };
    for c in Column::ALL {
        if let Some(text) = c.text_mut(&mut row) {
            *text = std::mem::take(&mut f[c]);
        }
    }
    row.status = EventStatus::from_label(&f.status).unwrap_or(if row.completion_mark.is_empty() {
        EventStatus::Planned
    } else {
        EventStatus::Done
    });
    ImportedEvent { line: f.line, section, parent, number, timeframe, row, school_ids, flags }
}

/// The passport lines above the table: «Цель: …», «Задачи:» with its list, «Координатор: …»,
/// whatever the label's wording («Цель дорожной карты –», «Муниципальный координатор:»,
/// «Основные задачи:»).
fn read_preamble(lines: &[String], out: &mut Recognised) {
    let mut in_tasks = false;
    for line in lines {
        let l = line.trim();
        if let Some(who) = labelled(l, &["координатор", "координаторы"]) {
            out.coordinator = who.to_owned();
            in_tasks = false;
        } else if let Some(goal) = labelled(l, &["цель", "цели"]) {
            out.goal = goal.to_owned();
            in_tasks = false;
        } else if let Some(rest) = labelled(l, &["задачи", "задача"]) {
            in_tasks = true;
            if !rest.is_empty() {
                out.tasks.push(rest.to_owned());
            }
        } else if in_tasks && task_item(l).is_some() {
            out.tasks.extend(task_item(l));
        } else {
            in_tasks = false;
        }
    }
}

/// The text after a short label that holds one of `names` («Цель:», «Цель дорожной карты –»,
/// «Муниципальный координатор:»): at most five words before a colon or a dash.
fn labelled<'a>(line: &'a str, names: &[&str]) -> Option<&'a str> {
    let (label, rest) = line
        .split_once(':')
        .or_else(|| line.split_once(" – "))
        .or_else(|| line.split_once(" — "))
        .or_else(|| line.split_once(" - "))?;
    let words: Vec<String> = label.split_whitespace().map(str::to_lowercase).collect();
    let named = words.len() <= 5 && words.iter().any(|w| names.contains(&w.as_str()));
    named.then(|| rest.trim())
}

/// A task in the list: «- …», «• …», «1) …», «2. …».
fn task_item(line: &str) -> Option<String> {
    let rest = line
        .strip_prefix("- ")
        .or_else(|| line.strip_prefix("• "))
        .or_else(|| line.strip_prefix("– "))
        .or_else(|| {
            let digits = line.find(|c: char| !c.is_ascii_digit()).filter(|&i| i > 0 && i <= 2)?;
            line[digits..].strip_prefix(") ").or_else(|| line[digits..].strip_prefix(". "))
        })?;
    Some(rest.trim().trim_end_matches([';', '.']).to_owned()).filter(|t| !t.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passport_lines_whatever_their_labels() {
        let lines: Vec<String> = [
            "План мероприятий на 2023 год",
            "Цель дорожной карты – повышение качества образования",
            "Основные задачи:",
            "1) создать условия;",
            "2) поддержать школы.",
            "Муниципальный координатор: Смирнова О.П., главный специалист",
            "Целевые показатели: не менее 80 %",
        ]
        .map(String::from)
        .to_vec();
        let mut r = recognise(&Grid::default(), &[], &"2023-01-01..2023-12-31".parse().unwrap(), &[], None);
        read_preamble(&lines, &mut r);
        assert_eq!(r.goal, "повышение качества образования");
        assert_eq!(r.tasks, ["создать условия", "поддержать школы"]);
        assert_eq!(r.coordinator, "Смирнова О.П., главный специалист");
    }

    #[test]
    fn a_big_preview_shows_its_first_rows_and_those_that_need_a_look() {
        let mut g = Grid::default();
        g.push(vec!["№".into(), "Мероприятие".into(), "Срок".into(), "Ответственный".into()], false);
        for i in 1..=1000 {
            // Every hundredth row has no timeframe: flagged.
            let when = if i % 100 == 0 { String::new() } else { "март 2023".to_owned() };
            g.push(vec![i.to_string(), format!("Мероприятие {i}"), when, "Иванова А.А.".into()], false);
        }
        let r = recognise(&g, &[], &"2023-01-01..2023-12-31".parse().unwrap(), &[], None);
        assert_eq!((r.events_total, r.flagged_total, r.events.len()), (1000, 10, 1000));
        let short = r.shortened(50);
        assert_eq!((short.events_total, short.flagged_total), (1000, 10));
        let numbers: Vec<&str> = short.events.iter().map(|e| e.number.as_str()).collect();
        // 1–50, then the flagged 100, 200 … 1000.
        assert_eq!(numbers.len(), 60);
        assert_eq!(&numbers[48..52], ["49", "50", "100", "200"]);
        assert_eq!(short.warnings.iter().filter(|w| w.starts_with("Строка ")).count(), 10);
    }
}
