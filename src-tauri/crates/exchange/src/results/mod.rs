//! Results tables as coordinators get them: ФИС ОКО «Статистика по отметкам» (a row per school,
//! the marks as percentages or counts), РЦОИ tables of ОГЭ/ЕГЭ (mean score, share below the
//! minimum), a district's own summaries with years or subjects as column groups. Columns are
//! recognised by meaning, the year, procedure, grade and subject from the title lines, the
//! sheet's or the file's name; schools by login, ИНН, an earlier mapping, or name. Pure: the
//! caller writes what the preview shows.

pub mod context;
mod header;
pub mod schools;

use std::collections::BTreeMap;

use domain::{Id, ResultRecord, School};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::import::Source;
pub use context::Context;
use header::{Field, Header};
pub use schools::{name_key, MatchKind, SchoolIndex};

/// One result read from the table, before the user says what its school is.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ImportedResult {
    /// Where it is: «лист „5 класс“, строка 12».
    pub place: String,
    /// The name key of its school (see [`NameMatch`]).
    pub key: String,
    /// Its school_id is 0 until the school is known.
    pub record: ResultRecord,
}

/// A school named in the table and the district's school it means.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct NameMatch {
    pub key: String,
    /// As the table writes it (without the login).
    pub name: String,
    pub code: String,
    pub school_id: Option<Id>,
    pub how: MatchKind,
    /// «по логину», «по названию», «не найдена».
    pub how_label: String,
    pub rows: u32,
}

/// What an import of results would write, for the preview.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ResultsPreview {
    pub results: Vec<ImportedResult>,
    pub names: Vec<NameMatch>,
    /// The table gave the marks as percentages (converted to counts with the participants).
    pub percent: bool,
    /// What the table is about, as read from its title lines (for the preview's heading).
    pub context: Context,
    /// The same in words: «ВПР 2023, 5 класс, математика».
    pub context_label: String,
    /// Things to check: rows whose percentages do not add up, columns not taken, totals left out.
    pub warnings: Vec<String>,
    /// What refuses the import: a percentage over 100, more marks than participants…
    pub errors: Vec<String>,
}

impl ResultsPreview {
    pub fn unmatched(&self) -> impl Iterator<Item = &NameMatch> {
        self.names.iter().filter(|n| n.school_id.is_none())
    }
}

/// Recognises the results in `sources` (one per sheet read) against the district's schools.
/// `hints` (from the command line or the window) win over the title lines; column groups win
/// over both.
pub fn recognise(sources: &[(Source, String)], hints: &Context, index: &SchoolIndex) -> ResultsPreview {
    let mut p = ResultsPreview {
        results: Vec::new(),
        names: Vec::new(),
        percent: false,
        context: Context::default(),
        context_label: String::new(),
        warnings: Vec::new(),
        errors: Vec::new(),
    };
    let mut names: BTreeMap<String, NameMatch> = BTreeMap::new();
    let mut order: Vec<String> = Vec::new();
    for (source, file_name) in sources {
        let before = p.results.len();
        read_source(source, file_name, hints, &mut p, &mut |key, name, code| {
            let entry = names.entry(key.to_owned()).or_insert_with(|| {
                order.push(key.to_owned());
                let (school_id, how) = index.find(name, code, "");
                NameMatch {
                    key: key.to_owned(),
                    name: name.to_owned(),
                    code: code.to_owned(),
                    school_id,
                    how,
                    how_label: how.label().to_owned(),
                    rows: 0,
                }
            });
            entry.rows += 1;
        });
        if p.results.len() == before && sources.len() > 1 {
            if let Some(sheet) = &source.sheet {
                p.warnings.push(format!("Лист «{sheet}»: результатов школ не найдено, пропущен."));
            }
        }
    }
    p.names = order.into_iter().filter_map(|k| names.remove(&k)).collect();
    p.context_label = p.context.describe();
    let ids: std::collections::HashMap<&str, Id> =
        p.names.iter().filter_map(|n| Some((n.key.as_str(), n.school_id?))).collect();
    for r in &mut p.results {
        r.record.school_id = ids.get(r.key.as_str()).copied().unwrap_or(0);
    }
    if p.results.is_empty() && p.errors.is_empty() {
        p.errors.push(
            "В таблице не найдено строк с результатами школ: нужен столбец с названиями школ и столбцы \
             с числом участников, отметками «2»–«5», средним баллом или долей не преодолевших порог."
                .into(),
        );
    }
    p
}

fn read_source(
    source: &Source,
    file_name: &str,
    hints: &Context,
    p: &mut ResultsPreview,
    seen: &mut dyn FnMut(&str, &str, &str),
) {
    let sheet = source.sheet.clone().unwrap_or_default();
    let place = |line: usize| {
        if sheet.is_empty() {
            format!("строка {line}")
        } else {
            format!("лист «{sheet}», строка {line}")
        }
    };
    let Some(header) = Header::find(&source.grid) else {
        return;
    };
    // Title lines above the table, then the sheet's name, then the file's.
    let mut titles: Vec<String> = source.preamble.clone();
    titles.extend(source.grid.rows[..header.first_row].iter().map(|r| r.cells.join(" ")));
    let stem = std::path::Path::new(file_name).file_stem().map(|s| s.to_string_lossy().into_owned());
    let table = Context::read(&titles.join("\n"))
        .or(&Context::read(&sheet))
        .or(&Context::read(&stem.unwrap_or_default()));
    let base = hints.clone().or(&table);
    if p.context.is_empty() {
        p.context = base.clone();
    }
    p.warnings.extend(header.notes.iter().cloned());
    // Each group's year, procedure, grade, subject and whether its marks are percentages, once.
    struct Ready<'g> {
        group: &'g header::Group,
        year: i32,
        procedure: String,
        grade: i32,
        subject: String,
        percent: bool,
    }
    let groups = header.groups();
    let mut ready = Vec::new();
    for group in &groups {
        let ctx = group.context.clone().or(&base);
        let what =
            if group.context.is_empty() { String::new() } else { format!(" ({})", group.context.describe()) };
        let Some(year) = ctx.year else {
            push_once(
                &mut p.errors,
                format!("Не удалось определить год результатов{what}: укажите его (--year)."),
            );
            continue;
        };
        if !domain::results::RESULT_YEARS.contains(&year) {
            push_once(&mut p.errors, format!("Год {year}{what} вне 1990–2100."));
            continue;
        }
        let Some(procedure) = ctx.procedure.clone() else {
            push_once(
                &mut p.errors,
                format!("Не удалось определить процедуру (ВПР, ОГЭ, ЕГЭ…){what}: укажите её (--procedure)."),
            );
            continue;
        };
        let percent = group.percent.unwrap_or_else(|| infer_percent(&source.grid, &header, group));
        p.percent |= percent && group.marks.iter().any(Option::is_some);
        ready.push(Ready {
            group,
            year,
            procedure,
            grade: ctx.grade.unwrap_or(0),
            subject: ctx.subject.unwrap_or_default(),
            percent,
        });
    }
    let mut uneven = Vec::new();
    // Row by row: a school's name is read and keyed once for all its groups.
    for row in &source.grid.rows[header.data_row..] {
        let cell = |c: Option<usize>| c.and_then(|c| row.cells.get(c)).map(|s| s.trim()).unwrap_or("");
        let raw_name = cell(Some(header.school));
        if raw_name.is_empty() || !schools::looks_like_school(raw_name) {
            continue;
        }
        let (mut code, name) = schools::split_code(raw_name);
        if code.is_empty() {
            code = cell(header.code).to_lowercase();
        }
        let key = name_key(&name);
        let number = |c: Option<usize>| parse_number(cell(c));
        for g in &ready {
            let group = g.group;
            let n = number(group.participants.or(header.participants));
            let marks: Vec<Option<f64>> = group.marks.iter().map(|&c| number(c)).collect();
            let below = number(group.below_min);
            let mean = number(group.mean_score);
            if n.is_none() && marks.iter().all(Option::is_none) && below.is_none() && mean.is_none() {
                continue; // this group is empty on this row
            }
            let at = place(row.line);
            match record(n, &marks, below, mean, g.percent, group.below_percent) {
                Ok((participants, marks, below_min, off)) => {
                    if let Some(sum) = off {
                        uneven.push(format!("{at} ({} %)", decimal(sum)));
                    }
                    seen(&key, &name, &code);
                    p.results.push(ImportedResult {
                        place: at,
                        key: key.clone(),
                        record: ResultRecord {
                            school_id: 0,
                            year: g.year,
                            procedure: g.procedure.clone(),
                            grade: g.grade,
                            subject: g.subject.clone(),
                            participants,
                            marks,
                            below_min,
                            mean_score: mean,
                        },
                    });
                }
                Err(e) => p.errors.push(format!("{at}: {e}")),
            }
        }
    }
    if !uneven.is_empty() {
        let shown: Vec<&str> = uneven.iter().take(5).map(String::as_str).collect();
        let more = if uneven.len() > 5 { format!(" и ещё {}", uneven.len() - 5) } else { String::new() };
        p.warnings.push(format!(
            "Проценты отметок в сумме не дают 100 — проверьте: {}{more}. Количества пересчитаны по числу участников.",
            shown.join("; ")
        ));
    }
    if p.errors.len() > 20 {
        let n = p.errors.len() - 20;
        p.errors.truncate(20);
        p.errors.push(format!("…и ещё {n} ошибок."));
    }
}

fn push_once(list: &mut Vec<String>, text: String) {
    if !list.contains(&text) {
        list.push(text);
    }
}

type Read = (u32, Option<[u32; 4]>, Option<u32>, Option<f64>);

/// A row's numbers as counts; percentages converted with the participants. The fourth value
/// is the sum of percentages when it is off 100 by more than rounding.
fn record(
    n: Option<f64>,
    marks: &[Option<f64>],
    below: Option<f64>,
    _mean: Option<f64>,
    percent: bool,
    below_percent: bool,
) -> Result<Read, String> {
    let has_marks = marks.iter().any(Option::is_some);
    for v in marks.iter().flatten().chain(below.iter()).chain(n.iter()) {
        if *v < 0.0 {
            return Err(format!("отрицательное число {}", decimal(*v)));
        }
    }
    let whole = |v: f64, what: &str| -> Result<u32, String> {
        if (v - v.round()).abs() > 1e-6 || v > 1e7 {
            return Err(format!("{what} {} — не целое число", decimal(v)));
        }
        Ok(v.round() as u32)
    };
    let values: [f64; 4] = [0, 1, 2, 3].map(|i| marks.get(i).copied().flatten().unwrap_or(0.0));
    let mut off = None;
    let (participants, counts) = if !has_marks {
        (n.map(|v| whole(v, "число участников")).transpose()?, None)
    } else if percent {
        if let Some((i, v)) = values.iter().enumerate().find(|(_, v)| **v > 100.0) {
            return Err(format!("доля отметки «{}» {} % — больше 100", i + 2, decimal(*v)));
        }
        let Some(n) = n else {
            return Err(
                "отметки даны в процентах, а числа участников нет — не пересчитать в количества".into()
            );
        };
        let n = whole(n, "число участников")?;
        let sum: f64 = values.iter().sum();
        if (sum - 100.0).abs() > 1.0 && sum > 0.0 {
            off = Some(sum);
        }
        (Some(n), Some(shares_to_counts(values, n)))
    } else {
        let counts = [0, 1, 2, 3].map(|i| whole(values[i], "количество отметок"));
        let counts = [counts[0].clone()?, counts[1].clone()?, counts[2].clone()?, counts[3].clone()?];
        let total: u32 = counts.iter().sum();
        let n = match n {
            Some(n) => whole(n, "число участников")?,
            None => total,
        };
        if total > n {
            return Err(format!("отметок {total} — больше, чем участников ({n})"));
        }
        (Some(n), Some(counts))
    };
    let participants = participants.unwrap_or(0);
    let below_min = match below {
        None => None,
        Some(b) if below_percent => {
            if b > 100.0 {
                return Err(format!("доля не преодолевших порог {} % — больше 100", decimal(b)));
            }
            Some((b * f64::from(participants) / 100.0).round() as u32)
        }
        Some(b) => {
            let b = whole(b, "число не преодолевших порог")?;
            if b > participants {
                return Err(format!("не преодолевших порог {b} — больше, чем участников ({participants})"));
            }
            Some(b)
        }
    };
    if participants == 0 && counts.is_none() && below_min.is_none() {
        return Err("нет числа участников".into());
    }
    Ok((participants, counts, below_min, off))
}

/// Percentages of `n` pupils as counts that add up to `n` (largest remainders), when the
/// percentages add up to about 100; else each rounded on its own.
fn shares_to_counts(p: [f64; 4], n: u32) -> [u32; 4] {
    let exact = p.map(|x| x * f64::from(n) / 100.0);
    let mut counts = exact.map(|x| x.floor() as u32);
    let sum: f64 = p.iter().sum();
    if (sum - 100.0).abs() <= 1.5 {
        let mut order = [0usize, 1, 2, 3];
        order.sort_by(|&a, &b| (exact[b] - exact[b].floor()).total_cmp(&(exact[a] - exact[a].floor())));
        let mut left = n.saturating_sub(counts.iter().sum());
        for &i in order.iter().cycle().take(8) {
            if left == 0 {
                break;
            }
            if exact[i] > 0.0 {
                counts[i] += 1;
                left -= 1;
            }
        }
        counts
    } else {
        exact.map(|x| x.round() as u32)
    }
}

/// The marks of a group are percentages when most rows' marks add up to about 100 while their
/// participants do not, or have fractions.
fn infer_percent(grid: &crate::import::Grid, header: &Header, group: &header::Group) -> bool {
    let (mut pct, mut cnt) = (0, 0);
    for row in &grid.rows[header.data_row..] {
        let cell = |c: Option<usize>| c.and_then(|c| row.cells.get(c)).and_then(|s| parse_number(s));
        let marks: Vec<f64> = group.marks.iter().filter_map(|&c| cell(c)).collect();
        if marks.len() < 2 {
            continue;
        }
        let sum: f64 = marks.iter().sum();
        let n = cell(group.participants.or(header.participants));
        let fractional = marks.iter().any(|m| (m - m.round()).abs() > 1e-6);
        if n.is_some_and(|n| (sum - n).abs() < 0.5) && !fractional {
            cnt += 1;
        } else if fractional || ((sum - 100.0).abs() <= 1.5 && n.is_none_or(|n| n != 100.0)) {
            pct += 1;
        } else {
            cnt += 1;
        }
    }
    pct > cnt
}

/// «23,5», «23.5», «23,5 %», « 12 »; a dash or nothing is no number.
pub fn parse_number(text: &str) -> Option<f64> {
    let t: String = text
        .trim()
        .trim_end_matches('%')
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{a0}')
        .map(|c| if c == ',' { '.' } else { c })
        .collect();
    if t.is_empty() || t.chars().all(|c| matches!(c, '-' | '—' | '–')) {
        return None;
    }
    t.parse::<f64>().ok().filter(|v| v.is_finite())
}

fn decimal(x: f64) -> String {
    let s = if (x - x.round()).abs() < 1e-9 { format!("{x:.0}") } else { format!("{x:.1}") };
    s.replace('.', ",")
}

/// What a field of the header is, for the preview's column list.
pub fn field_label(f: Field) -> &'static str {
    f.label()
}

/// Resolved by the user: what each unmatched name means.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case", tag = "kind", content = "school_id")]
#[ts(export)]
pub enum NameChoice {
    /// This school of the district (remembered for the next import).
    School(Id),
    /// Add it to the district's schools.
    New,
    /// Leave its rows out.
    Skip,
}

/// A school a results table names that the district lacks, as it would be added.
pub fn new_school(n: &NameMatch) -> domain::SchoolDraft {
    domain::SchoolDraft {
        name: n.name.clone(),
        short_name: n.name.clone(),
        code: n.code.clone(),
        ..Default::default()
    }
}

/// The schools of the preview as the index found them, for tests and the CLI.
pub fn index(schools: &[School], remembered: std::collections::HashMap<String, Id>) -> SchoolIndex {
    SchoolIndex::new(schools, remembered)
}

#[cfg(test)]
mod tests;
