//! What each column of an imported table holds, recognised by meaning: the header's words
//! (a broad vocabulary of real Russian plans, two-level headers, a row of column numbers), and
//! where there is no header, or a column has none, the cells themselves (dates and periods are
//! timeframes, «Фамилия И.О.» and bodies are executors, 1 / 1.1 are numbers, long text is
//! content). Every column gets a reason the preview shows.

use domain::Column;

use super::grid::Grid;
use super::number::is_number_cell;

/// Where a column's cells go.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Slot {
    Field(Column),
    /// «Срок» over «начала реализации» / «окончания реализации»: the two ends of one timeframe.
    Start,
    End,
    /// A Gantt column (one quarter or month) marked «х», «+», «✓» when the event runs then;
    /// the period it stands for, as a timeframe text («I квартал 2013 г.»).
    Mark(String),
    /// «Участники»: executors when the table has no executor column.
    Participants,
    /// «Раздел»: the section each row belongs to (a table with one row per event, as our own
    /// workbook writes it), instead of rows across the table.
    Section,
    /// «Состояние»: where the event stands («выполнено», «отменено»).
    Status,
    /// A column the roadmap has no field for («Место проведения», «Примечание»), or nothing.
    Skip,
}

impl Slot {
    /// The roadmap column the preview shows for it.
    pub fn role(&self) -> Option<Column> {
        match self {
            Slot::Field(c) => Some(*c),
            Slot::Start | Slot::End | Slot::Mark(_) => Some(Column::Timeframe),
            Slot::Participants => Some(Column::Executors),
            Slot::Section | Slot::Status | Slot::Skip => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Layout {
    /// Grid rows that are the header (with its second level and the column-number row).
    pub header_rows: Vec<usize>,
    pub headers: Vec<String>,
    pub slots: Vec<Slot>,
    /// Why each column got its slot: «по заголовку «Дата проведения»».
    pub reasons: Vec<String>,
    /// The table has a header row (else every column was guessed from its cells).
    pub named: bool,
}

/// What a header cell names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Named {
    Field(Column),
    Participants,
    Section,
    Status,
    /// A column the plan has no field for.
    Other,
    /// «начала реализации», «окончания реализации».
    StartWord,
    EndWord,
}

/// Header text as compared: lower case, «ё» as «е», words broken by a hyphen at a line end
/// joined, line breaks and runs of spaces as one space.
fn folded(text: &str) -> String {
    let t = text.to_lowercase().replace('ё', "е").replace("-\n", "").replace('\u{ad}', "");
    t.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// What a header cell names, if it is a header word at all. Text copied out of a PDF splits
/// words («М ероприятия», «Ответстве нные»): a short cell that names nothing is read again with
/// its spaces taken out.
fn named(text: &str) -> Option<Named> {
    named_as(text).or_else(|| {
        let joined: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        (text.chars().count() <= 40 && joined.chars().count() < text.chars().count())
            .then(|| named_as(&joined))
            .flatten()
    })
}

fn named_as(text: &str) -> Option<Named> {
    let h = folded(text);
    if h.is_empty() || h.chars().count() > 130 || text.lines().count() > 6 {
        return None;
    }
    // A long cell is a header only when it starts as one («Наименование органа …,
    // ответственного за реализацию»); otherwise it is text («Включить в перечень …»).
    const OPENINGS: [&str; 17] = [
        "наименован",
        "срок",
        "ответствен",
        "исполнител",
        "документ",
        "результат",
        "содержан",
        "мероприят",
        "дата",
        "отметк",
        "номер",
        "контрольн",
        "ожидаем",
        "планируем",
        "форма",
        "направлен",
        "период",
    ];
    if h.chars().count() > 60 && !OPENINGS.iter().any(|o| h.starts_with(o)) {
        return None;
    }
    let has = |w: &str| h.contains(w);
    let compact: String = h.chars().filter(|c| c.is_alphanumeric() || *c == '№').collect();
    use Column::*;
    Some(
        if matches!(
            compact.as_str(),
            "№" | "n" | "nn" | "no" | "№№" | "нпп" | "пп" | "№пп" | "nпп" | "nnпп" | "номер"
        ) || has("п/п")
            || has("п.п")
            || h.starts_with("номер")
            || h.starts_with("№")
        {
            Named::Field(Number)
        } else if has("требует проверки") || has("проверки срока") {
            // Our own workbook's flag column: about a timeframe, not a timeframe.
            Named::Other
        } else if h == "раздел" || h.starts_with("раздел ") || h.starts_with("раздел,") {
            Named::Section
        } else if ["состояние", "статус", "состояние выполнения", "статус выполнения"].contains(&h.as_str())
        {
            Named::Status
        } else if has("отметка")
            || has("информация о выполнении")
            || has("о выполнении")
            || has("об исполнении")
        {
            Named::Field(Completion)
        } else if has("документ") || has("форма отчетност") || has("форма представления") || has("подтвержд")
        {
            Named::Field(Evidence)
        } else if has("начала") || has("начало") && !has("срок") {
            Named::StartWord
        } else if has("окончани") || has("завершени") {
            Named::EndWord
        } else if has("срок") || has("дата") || has("время") || has("период") || h == "когда" || has("сроки")
        {
            Named::Field(Timeframe)
        } else if has("место проведения") || h == "место" || has("место провед") || has("площадка")
        {
            // After «срок»: «Сроки и место проведения» is a timeframe column, its text kept.
            Named::Field(Place)
        } else if has("ответствен") || has("исполнител") || has("кто проводит") || has("организатор")
        {
            Named::Field(Executors)
        } else if has("результат") || has("показател") || has("итог") || has("эффект")
        {
            Named::Field(Result)
        } else if has("участник") {
            Named::Participants
        } else if has("мероприяти")
            || has("наименование")
            || has("содержание")
            || has("направлени")
            || has("вид работ")
            || has("виды работ")
            || has("этап")
            || has("действи")
            || has("задач")
            || has("работ")
            || has("уровень")
        {
            Named::Field(Content)
        } else if has("место")
            || has("примечани")
            || has("финансир")
            || has("источник")
            || has("объем")
            || has("стоимост")
            || has("бюджет")
            || has("адрес")
        {
            Named::Other
        } else {
            return None;
        },
    )
}

/// The roadmap column a header names (for readers that only need the field).
pub fn column_named(text: &str) -> Option<Column> {
    match named(text)? {
        Named::Field(c) => Some(c),
        Named::Participants => Some(Column::Executors),
        _ => None,
    }
}

/// A row of column numbers under the header: «1 2 3 4 5».
pub fn is_column_numbers(cells: &[String]) -> bool {
    let filled: Vec<&String> = cells.iter().filter(|c| !c.trim().is_empty()).collect();
    filled.len() >= 2
        && cells.iter().enumerate().all(|(i, c)| {
            let c = c.trim().trim_end_matches('.');
            c.is_empty() || c == (i + 1).to_string()
        })
}

/// A mark in a Gantt column: the event runs in that period.
pub fn is_mark(cell: &str) -> bool {
    matches!(
        cell.trim().to_lowercase().as_str(),
        "х" | "x" | "+" | "✓" | "✔" | "v" | "*" | "•" | "●" | "да" | "хх" | "xx"
    )
}

/// A header cell that is a period of a Gantt plan: «I квартал 2013 г.», «январь», «2024».
fn period_label(text: &str) -> bool {
    let t = text.trim();
    if t.is_empty() || t.chars().count() > 40 {
        return false;
    }
    let wide = domain::Period {
        start: chrono::NaiveDate::from_ymd_opt(1990, 1, 1).unwrap_or_default(),
        end: chrono::NaiveDate::from_ymd_opt(2100, 12, 31).unwrap_or_default(),
    };
    let tf = timeframe::parse(t, &wide);
    match tf.kind {
        timeframe::Kind::Quarter | timeframe::Kind::Month | timeframe::Kind::HalfYear => true,
        // «2024», «2024 год»; not a date range «01.01–31.03».
        timeframe::Kind::Range => !t.replace("г.", "").contains('.'),
        _ => false,
    }
}

/// Recognises the columns of `grid`.
pub fn detect(grid: &Grid) -> Layout {
    let width = grid.width();
    let header = find_header(grid);
    let mut layout = match header {
        Some(h) => from_header(grid, h, width),
        None => Layout {
            header_rows: Vec::new(),
            headers: (1..=width).map(|i| format!("Столбец {i}")).collect(),
            slots: vec![Slot::Skip; width],
            reasons: vec![String::new(); width],
            named: false,
        },
    };
    // A column-number row right at the top of a table with no header is no data either.
    if layout.header_rows.is_empty() {
        if let Some(i) = grid.rows.iter().take(3).position(|r| is_column_numbers(&r.cells)) {
            layout.header_rows.push(i);
        }
    }
    guess_unnamed(grid, &mut layout);
    layout
}

/// The first row (of the first twenty) whose cells are header words: at least two of them,
/// naming the content or the timeframe, and few cells that name nothing.
fn find_header(grid: &Grid) -> Option<usize> {
    grid.rows.iter().take(20).position(|r| {
        if r.spans {
            return false;
        }
        let filled: Vec<&String> = r.cells.iter().filter(|c| !c.trim().is_empty()).collect();
        let names: Vec<Named> = filled.iter().filter_map(|c| named(c)).collect();
        let fields = names.iter().filter(|n| matches!(n, Named::Field(_))).count();
        let key = names.iter().any(|n| matches!(n, Named::Field(Column::Content | Column::Timeframe)));
        fields >= 2 && key && names.len() * 3 >= filled.len() * 2
    })
}

fn from_header(grid: &Grid, h: usize, width: usize) -> Layout {
    let top = &grid.rows[h].cells;
    let cell = |cells: &Vec<String>, j: usize| cells.get(j).map(|c| c.trim().to_owned()).unwrap_or_default();
    let mut header_rows = vec![h];
    // The header's second level and the column-number row.
    let mut subs: Vec<String> = vec![String::new(); width];
    for (i, row) in grid.rows.iter().enumerate().skip(h + 1).take(3) {
        if is_column_numbers(&row.cells) {
            header_rows.push(i);
            continue;
        }
        let filled: Vec<&String> = row.cells.iter().filter(|c| !c.trim().is_empty()).collect();
        // A second level names parts of the cells above («начала реализации», «I квартал»); a
        // lone word in the first column is a section («Проектно-деятельностный этап»).
        let lone_first = filled.len() == 1 && row.cells.first().is_some_and(|c| !c.trim().is_empty());
        let header_like = !row.spans
            && !filled.is_empty()
            && !lone_first
            && filled.len() < width.max(2)
            && filled.iter().all(|c| named(c).is_some() || period_label(c));
        let after_numbers = header_rows.len() > 1;
        if !header_like || after_numbers {
            break;
        }
        header_rows.push(i);
        for (j, s) in subs.iter_mut().enumerate() {
            *s = cell(&row.cells, j);
        }
    }
    let mut headers = Vec::with_capacity(width);
    let mut slots = Vec::with_capacity(width);
    let mut reasons = Vec::with_capacity(width);
    let mut group = String::new();
    for (j, sub) in subs.iter().enumerate() {
        let own = cell(top, j);
        // An empty top cell over a filled second level is the merged cell to its left.
        let upper = if own.is_empty() && !sub.is_empty() { group.clone() } else { own.clone() };
        if !own.is_empty() {
            group = own.clone();
        }
        let shown = match (upper.is_empty(), sub.is_empty()) {
            (false, false) => format!("{upper} / {sub}"),
            (false, true) => upper.clone(),
            (true, false) => sub.clone(),
            (true, true) => format!("Столбец {}", j + 1),
        };
        let upper_names = named(&upper);
        let sub_names = named(sub);
        let time_group = matches!(upper_names, Some(Named::Field(Column::Timeframe))) || upper.is_empty();
        let slot = if !sub.is_empty() && period_label(sub) && time_group {
            Slot::Mark(gantt_label(sub, &upper))
        } else if matches!(sub_names, Some(Named::StartWord)) && time_group {
            Slot::Start
        } else if matches!(sub_names, Some(Named::EndWord)) && time_group {
            Slot::End
        } else {
            match sub_names.filter(|_| upper_names.is_none()).or(upper_names) {
                Some(Named::Field(c)) => Slot::Field(c),
                Some(Named::Participants) => Slot::Participants,
                Some(Named::Section) => Slot::Section,
                Some(Named::Status) => Slot::Status,
                Some(Named::StartWord) => Slot::Start,
                Some(Named::EndWord) => Slot::End,
                Some(Named::Other) | None => Slot::Skip,
            }
        };
        let reason = match &slot {
            Slot::Skip if shown.starts_with("Столбец") => String::new(),
            Slot::Skip => {
                format!("по заголовку «{shown}»: в дорожной карте нет такого поля, не импортируется")
            }
            Slot::Mark(p) => format!("по заголовку «{shown}»: отметки в столбце — срок «{p}»"),
            Slot::Section => format!("по заголовку «{shown}»: раздел, к которому относится мероприятие"),
            Slot::Status => format!("по заголовку «{shown}»: выполнено, выполняется или отменено"),
            _ => format!("по заголовку «{shown}»"),
        };
        headers.push(shown);
        slots.push(slot);
        reasons.push(reason);
    }
    Layout { header_rows, headers, slots, reasons, named: true }
}

/// A Gantt column's period, with the year of the group header when the column has none
/// («I квартал» under «Сроки: 2013 год» → «I квартал 2013 г.»).
fn gantt_label(sub: &str, upper: &str) -> String {
    let has_year = sub.split(|c: char| !c.is_ascii_digit()).any(|p| p.len() == 4);
    let years: Vec<&str> = upper.split(|c: char| !c.is_ascii_digit()).filter(|p| p.len() == 4).collect();
    match years.as_slice() {
        [one] if !has_year => format!("{} {one} г.", sub.trim()),
        _ => sub.trim().to_owned(),
    }
}

/// What the cells of a column look like.
#[derive(Debug, Default, Clone, Copy)]
struct Stats {
    filled: usize,
    numbers: usize,
    times: usize,
    people: usize,
    marks: usize,
    chars: usize,
}

/// Columns with no name (no header, or an empty or unknown header cell) get a slot from their
/// cells; a table with no header also takes its content from the longest text.
/// At most this many data rows are read to guess what an unnamed column holds.
const SAMPLE: usize = 400;

fn guess_unnamed(grid: &Grid, layout: &mut Layout) {
    let width = layout.slots.len();
    if width == 1 && layout.slots[0] == Slot::Skip {
        layout.slots[0] = Slot::Field(Column::Content);
        layout.reasons[0] = "единственный столбец — содержание".to_owned();
        return;
    }
    let all: Vec<&Vec<String>> = grid
        .rows
        .iter()
        .enumerate()
        .filter(|(i, r)| !r.spans && !layout.header_rows.contains(i) && r.cells.len() > 1)
        .map(|(_, r)| &r.cells)
        .collect();
    if all.is_empty() {
        return;
    }
    let open: Vec<usize> = (0..width)
        .filter(|j| layout.slots[*j] == Slot::Skip && !layout.reasons[*j].starts_with("по заголовку"))
        .collect();
    if open.is_empty() {
        return;
    }
    // What a column holds shows in a few hundred rows: a long table is sampled evenly, so the
    // guess costs the same for 500 rows and for 50 000 (every cell was read as a timeframe).
    let step = all.len().div_ceil(SAMPLE);
    let data: Vec<&Vec<String>> = all.iter().step_by(step).copied().collect();
    let wide = domain::Period {
        start: chrono::NaiveDate::from_ymd_opt(1990, 1, 1).unwrap_or_default(),
        end: chrono::NaiveDate::from_ymd_opt(2100, 12, 31).unwrap_or_default(),
    };
    let stats: Vec<Stats> = (0..width)
        .map(|j| {
            let mut s = Stats::default();
            if !open.contains(&j) {
                return s;
            }
            for row in &data {
                let Some(c) = row.get(j).map(|c| c.trim()).filter(|c| !c.is_empty()) else { continue };
                s.filled += 1;
                s.chars += c.chars().count();
                if is_number_cell(c) || is_roman(c) {
                    s.numbers += 1;
                } else if is_mark(c) {
                    s.marks += 1;
                } else if c.chars().count() <= 80 && timeframe::parse(c, &wide).kind != timeframe::Kind::Free
                {
                    s.times += 1;
                } else if looks_like_people(c) {
                    s.people += 1;
                }
            }
            s
        })
        .collect();
    let taken = |slots: &[Slot], c: Column| slots.iter().any(|s| s.role() == Some(c));
    let ratio = |n: usize, s: &Stats| n * 100 / s.filled.max(1);
    let says =
        |n: usize, s: &Stats, what: &str| format!("по содержимому: {n} из {} ячеек — {what}", s.filled);
    for &j in &open {
        let s = &stats[j];
        if s.filled == 0 {
            continue;
        }
        let (slot, reason) = if !taken(&layout.slots, Column::Number) && ratio(s.numbers, s) >= 60 && j <= 1 {
            (Slot::Field(Column::Number), says(s.numbers, s, "номера"))
        } else if !taken(&layout.slots, Column::Timeframe) && ratio(s.times, s) >= 50 {
            (Slot::Field(Column::Timeframe), says(s.times, s, "сроки"))
        } else if !taken(&layout.slots, Column::Executors) && ratio(s.people, s) >= 50 {
            (Slot::Field(Column::Executors), says(s.people, s, "люди и организации"))
        } else {
            continue;
        };
        layout.slots[j] = slot;
        layout.reasons[j] = reason;
    }
    // Long text: the content, then the result.
    let mut texts: Vec<usize> = open
        .iter()
        .copied()
        .filter(|j| {
            layout.slots[*j] == Slot::Skip && stats[*j].filled > 0 && stats[*j].chars / stats[*j].filled >= 12
        })
        .collect();
    texts.sort_by_key(|j| std::cmp::Reverse(stats[*j].chars));
    for j in texts {
        let s = &stats[j];
        let avg = s.chars / s.filled.max(1);
        let column = if !taken(&layout.slots, Column::Content) {
            Column::Content
        } else if !taken(&layout.slots, Column::Result) {
            Column::Result
        } else {
            continue;
        };
        layout.slots[j] = Slot::Field(column);
        layout.reasons[j] = format!(
            "по содержимому: текст в {} из {} строк, в среднем {avg} знаков — {}",
            s.filled,
            data.len(),
            if column == Column::Content { "содержание" } else { "результат" }
        );
    }
}

/// «I», «IV.»: a Roman section number.
fn is_roman(cell: &str) -> bool {
    let t = cell.trim().trim_end_matches('.');
    !t.is_empty() && t.len() <= 5 && t.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'І'))
}

/// «Иванова О.П.», «О.П. Иванова», «Управление образования», «методист МКУ ИМЦ».
fn looks_like_people(cell: &str) -> bool {
    let initials = cell.split(|c: char| c.is_whitespace() || c == ',').any(|w| {
        let letters: Vec<char> = w.chars().filter(|c| *c != '.').collect();
        w.matches('.').count() >= 2 && letters.len() == 2 && letters.iter().all(|c| c.is_uppercase())
    });
    let l = cell.to_lowercase();
    let first = l.split_whitespace().next().unwrap_or("");
    let abbreviation = cell
        .split_whitespace()
        .next()
        .is_some_and(|w| w.chars().count() >= 2 && w.chars().all(|c| c.is_uppercase()));
    let bodies = [
        "управлени",
        "отдел",
        "министерств",
        "комитет",
        "департамент",
        "центр",
        "директор",
        "руководител",
        "заместител",
        "специалист",
        "методист",
        "координатор",
        "администрац",
        "учител",
        "педагог",
        "мку",
        "мбоу",
        "моу",
        "гбу",
        "имц",
        "школ",
    ];
    initials || (cell.chars().count() <= 120 && (abbreviation || bodies.iter().any(|b| first.starts_with(b))))
}

#[cfg(test)]
mod pdf_copy_tests {
    use super::*;

    /// A header copied out of a PDF, its words split: every column still named.
    #[test]
    fn split_header_words_are_read_whole() {
        assert_eq!(column_named("№ /п"), Some(Column::Number));
        assert_eq!(column_named("М ероприятия"), Some(Column::Content));
        assert_eq!(column_named("Ответстве нные"), Some(Column::Executors));
        assert_eq!(column_named("Сроки"), Some(Column::Timeframe));
        // A sentence stays a sentence.
        assert_eq!(column_named("Провести семинар для директоров школ района"), None);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every roadmap column is found by the header the program prints for it and by its short
    /// name: a plan exported and edited comes back column by column, and a new column cannot be
    /// added without words the importer knows it by.
    #[test]
    fn every_column_is_found_by_its_own_names() {
        for c in Column::ALL {
            for header in [c.title(), c.label()] {
                assert!(matches!(named(header), Some(Named::Field(x)) if x == c), "«{header}» is not {c:?}");
            }
        }
    }

    fn grid(rows: &[&str]) -> Grid {
        let mut g = Grid::default();
        for r in rows {
            g.push(r.split('|').map(|c| c.trim().to_owned()).collect(), false);
        }
        g
    }

    fn roles(l: &Layout) -> Vec<Option<Column>> {
        l.slots.iter().map(Slot::role).collect()
    }

    use Column::*;

    /// Our own workbook's header: the section and the state are read, the flag is not a
    /// timeframe (the dates beside the text are left out when the plan is recognised).
    #[test]
    fn our_workbooks_header() {
        let l = detect(&grid(&[
            "№ | Раздел | Содержание деятельности | Сроки реализации | Начало | Окончание | Состояние | Требует проверки срока",
            "1 | 1 Этап | Совещание | март 2023 | 01.03.2023 | 31.03.2023 | выполнено | ",
        ]));
        assert_eq!(l.slots[1], Slot::Section);
        assert_eq!(l.slots[6], Slot::Status);
        assert_eq!(l.slots[7], Slot::Skip);
        assert_eq!(roles(&l)[..4], [Some(Number), None, Some(Content), Some(Timeframe)]);
        assert_eq!(column_named("Требует проверки срока"), None);
    }

    #[test]
    fn header_words_of_real_plans() {
        for (header, want) in [
            (
                "N п/п | Мероприятия | Дата проведения | Исполнители",
                vec![Some(Number), Some(Content), Some(Timeframe), Some(Executors)],
            ),
            (
                "Дата, время | Мероприятие | Ответственный",
                vec![Some(Timeframe), Some(Content), Some(Executors)],
            ),
            (
                "N | Направления деятельности | Сроки | Ответственные лица",
                vec![Some(Number), Some(Content), Some(Timeframe), Some(Executors)],
            ),
            (
                "№ | Содержание работы | Место проведения | Срок исполнения | Ответственный за исполнение",
                // «Место проведения» is kept (it was dropped with a warning before).
                vec![Some(Number), Some(Content), Some(Place), Some(Timeframe), Some(Executors)],
            ),
            (
                "Мероприятие | Сроки и место проведения | Место | Адрес",
                // A column of dates and places together is the timeframe, its text kept whole.
                vec![Some(Content), Some(Timeframe), Some(Place), None],
            ),
            (
                "Вид работы | Период | Участники | Примечание",
                vec![Some(Content), Some(Timeframe), Some(Executors), None],
            ),
            (
                "Наименова-\nние мероприятия | Срок ис-\nполнения | Ожидаемый результат | Форма отчётности",
                vec![Some(Content), Some(Timeframe), Some(Result), Some(Evidence)],
            ),
        ] {
            let g = grid(&[header, "1 | Совещание | 10.03.2023 | Иванов И.И. | x"]);
            let l = detect(&g);
            assert_eq!(l.header_rows, [0], "{header}");
            assert_eq!(roles(&l)[..want.len()], want[..], "{header}");
        }
    }

    #[test]
    fn two_level_headers_and_gantt_columns() {
        let g = grid(&[
            "N п/п | Наименование основного мероприятия | Ответственный исполнитель | Срок | | Ожидаемый результат",
            " | | | начала реализации | окончания реализации | ",
            "1 | 2 | 3 | 4 | 5 | 6",
            "3 | Подпрограмма | Управление образования | 2021 | 2025 | Сеть",
        ]);
        let l = detect(&g);
        assert_eq!(l.header_rows, [0, 1, 2]);
        assert_eq!(l.slots[3..5], [Slot::Start, Slot::End]);
        let g = grid(&[
            "Наименование мероприятия | Срок реализации мероприятия | | | | Ответственный орган",
            " | I квартал 2013 г. | II квартал 2013 г. | III квартал 2013 г. | IV квартал 2013 г. | ",
            "1 | 2 | 3 | 4 | 5 | 6",
            "1. Заседания | х | х | - | - | министерство",
        ]);
        let l = detect(&g);
        assert_eq!(l.header_rows, [0, 1, 2]);
        assert_eq!(l.slots[1], Slot::Mark("I квартал 2013 г.".into()));
        assert_eq!(l.slots[5], Slot::Field(Executors));
        let g = grid(&[
            "N п/п | Пошаговые мероприятия | Контрольные показатели | Сроки выполнения: 2013 год | | | ",
            " | | | I квартал | II квартал | III квартал | IV квартал",
            "1 | Шаг | Показатель | + | | | ",
        ]);
        assert_eq!(detect(&g).slots[3], Slot::Mark("I квартал 2013 г.".into()));
    }

    #[test]
    fn without_a_header_columns_are_guessed_from_their_cells() {
        let g = grid(&[
            "01.09.2023 | Совещание с директорами школ по итогам года | Иванова О.П. | 1",
            "октябрь 2023 | Семинар для заместителей директоров | Петров П.П., методист | 2",
            "до 10.12.2023 | Отчёт о выполнении дорожной карты | Управление образования | 3",
        ]);
        let l = detect(&g);
        assert!(l.header_rows.is_empty());
        assert_eq!(roles(&l)[..3], [Some(Timeframe), Some(Content), Some(Executors)]);
        assert!(l.reasons[0].starts_with("по содержимому: 3 из 3 ячеек — сроки"), "{:?}", l.reasons);
    }
}
