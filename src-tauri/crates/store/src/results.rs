//! The `result`, `indicator`, `indicator_value` and `school_alias` tables: the results
//! registry, read whole (a district's ten years are ~100 000 rows) and written in one change.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use domain::results::Pooled;
use domain::{Id, Indicator, ResultRecord, ResultRow};
use rusqlite::{params, Connection, Row, Transaction};

use crate::{StoreError, StoreResult};

const COLUMNS: &str =
    "id, school_id, year, procedure, grade, subject, participants, mark2, mark3, mark4, mark5, below_min, mean_score";

/// The columns' positions in a statement over [`COLUMNS`], looked up by name once.
struct At([usize; 13]);

impl At {
    fn of(stmt: &rusqlite::Statement) -> rusqlite::Result<At> {
        let mut at = [0; 13];
        for (i, name) in COLUMNS.split(", ").enumerate() {
            at[i] = stmt.column_index(name)?;
        }
        Ok(At(at))
    }

    fn row(&self, r: &Row) -> rusqlite::Result<ResultRow> {
        let a = &self.0;
        let marks: [Option<u32>; 4] = [r.get(a[7])?, r.get(a[8])?, r.get(a[9])?, r.get(a[10])?];
        Ok(ResultRow {
            id: r.get(a[0])?,
            record: ResultRecord {
                school_id: r.get(a[1])?,
                year: r.get(a[2])?,
                procedure: r.get(a[3])?,
                grade: r.get(a[4])?,
                subject: r.get(a[5])?,
                participants: r.get(a[6])?,
                marks: match marks {
                    [Some(a), Some(b), Some(c), Some(d)] => Some([a, b, c, d]),
                    _ => None,
                },
                below_min: r.get(a[11])?,
                mean_score: r.get(a[12])?,
            },
        })
    }
}

/// Every result, by year, procedure, grade, subject and school.
pub fn list(conn: &Connection) -> StoreResult<Vec<ResultRow>> {
    list_in(conn, None)
}

/// The results of one year (or all), in the same order.
pub fn list_in(conn: &Connection, year: Option<i32>) -> StoreResult<Vec<ResultRow>> {
    let mut stmt = conn.prepare(&format!("SELECT {COLUMNS} FROM result WHERE ?1 IS NULL OR year = ?1"))?;
    let at = At::of(&stmt)?;
    let mut rows = stmt.query_map([year], |r| at.row(r))?.collect::<Result<Vec<_>, _>>()?;
    // Sorted here: cheaper than SQLite's sort of the whole table without an index for it.
    rows.sort_unstable_by(|a, b| {
        let (a, b) = (&a.record, &b.record);
        (a.year, &a.procedure, a.grade, &a.subject, a.school_id).cmp(&(
            b.year,
            &b.procedure,
            b.grade,
            &b.subject,
            b.school_id,
        ))
    });
    Ok(rows)
}

/// The results a filter admits, pooled by school and year as they are read: no record is made
/// (a district's ten years are about a hundred thousand rows).
pub fn pooled(conn: &Connection, filter: &domain::ResultFilter) -> StoreResult<BTreeMap<(Id, i32), Pooled>> {
    Ok(survey(conn, filter)?.pooled(filter))
}

/// One pass over the registry: what it holds (for choosing what to analyse) and the results of
/// the filter's grade and subject pooled by procedure, school and year — so the view learns the
/// usual procedure and has its results without reading the rows twice.
pub fn survey(conn: &Connection, filter: &domain::ResultFilter) -> StoreResult<Survey> {
    let mut stmt = conn.prepare(&format!("SELECT {COLUMNS} FROM result"))?;
    let a = At::of(&stmt)?.0;
    let mut kinds = KindsBuilder::default();
    let mut by_procedure: HashMap<String, BTreeMap<(Id, i32), Pooled>> = HashMap::new();
    // The procedure is chosen after the pass: only grade and subject are filtered here.
    let parts = domain::ResultFilter { procedure: None, ..filter.clone() };
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let text = |i: usize| -> rusqlite::Result<&str> {
            r.get_ref(i)?.as_str().map_err(|e| {
                rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, Box::new(e))
            })
        };
        let (procedure, grade, subject) = (text(a[3])?, r.get(a[4])?, text(a[5])?);
        kinds.add(procedure, grade, subject, r.get(a[2])?);
        if !parts.admits_parts(procedure, grade, subject) {
            continue;
        }
        let marks: [Option<u32>; 4] = [r.get(a[7])?, r.get(a[8])?, r.get(a[9])?, r.get(a[10])?];
        let marks = match marks {
            [Some(w), Some(x), Some(y), Some(z)] => Some([w, x, y, z]),
            _ => None,
        };
        let pools = match by_procedure.get_mut(procedure) {
            Some(p) => p,
            None => by_procedure.entry(procedure.to_owned()).or_default(),
        };
        pools.entry((r.get(a[1])?, r.get(a[2])?)).or_default().add_parts(
            r.get(a[6])?,
            marks,
            r.get(a[11])?,
            r.get(a[12])?,
        );
    }
    Ok(Survey { kinds: kinds.finish(), by_procedure })
}

/// What [`survey`] finds.
pub struct Survey {
    pub kinds: Kinds,
    by_procedure: HashMap<String, BTreeMap<(Id, i32), Pooled>>,
}

impl Survey {
    /// The results of the procedures `filter` admits (its grade and subject were applied while
    /// reading), pooled by school and year.
    pub fn pooled(mut self, filter: &domain::ResultFilter) -> BTreeMap<(Id, i32), Pooled> {
        let only = domain::ResultFilter { procedure: filter.procedure.clone(), ..Default::default() };
        let mut admitted = self.by_procedure.drain().filter(|(p, _)| only.admits_parts(p, 0, ""));
        let Some((_, mut out)) = admitted.next() else { return BTreeMap::new() };
        for (_, more) in admitted {
            for (key, p) in more {
                out.entry(key).or_default().add_pooled(&p);
            }
        }
        out
    }
}

/// What the registry holds, for choosing what to analyse: each procedure with its number of
/// results (most first), the grades and the subjects.
pub fn kinds(conn: &Connection) -> StoreResult<Kinds> {
    // One pass over the rows: SQLite's GROUP BY and DISTINCT would sort the whole table four
    // times (a district's ten years are about a hundred thousand rows).
    let mut kinds = KindsBuilder::default();
    let mut stmt = conn.prepare("SELECT procedure, grade, subject, year FROM result")?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let text = |i: usize| -> rusqlite::Result<&str> { Ok(r.get_ref(i)?.as_str().unwrap_or_default()) };
        kinds.add(text(0)?, r.get(1)?, text(2)?, r.get(3)?);
    }
    Ok(kinds.finish())
}

/// [`Kinds`] gathered row by row.
#[derive(Default)]
struct KindsBuilder {
    procedures: HashMap<String, u32>,
    subjects: BTreeSet<String>,
    grades: BTreeSet<i32>,
    years: BTreeSet<i32>,
}

impl KindsBuilder {
    fn add(&mut self, procedure: &str, grade: i32, subject: &str, year: i32) {
        match self.procedures.get_mut(procedure) {
            Some(n) => *n += 1,
            None => {
                self.procedures.insert(procedure.to_owned(), 1);
            }
        }
        if !subject.is_empty() && !self.subjects.contains(subject) {
            self.subjects.insert(subject.to_owned());
        }
        if grade > 0 {
            self.grades.insert(grade);
        }
        self.years.insert(year);
    }

    fn finish(self) -> Kinds {
        let mut procedures: Vec<(String, u32)> = self.procedures.into_iter().collect();
        procedures.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        Kinds {
            procedures,
            grades: self.grades.into_iter().collect(),
            subjects: self.subjects.into_iter().collect(),
            years: self.years.into_iter().collect(),
        }
    }
}

/// What [`kinds`] finds.
#[derive(Debug, Clone)]
pub struct Kinds {
    pub procedures: Vec<(String, u32)>,
    pub grades: Vec<i32>,
    pub subjects: Vec<String>,
    pub years: Vec<i32>,
}

/// How many results a year and procedure already has.
pub fn count(conn: &Connection, year: i32, procedure: &str) -> StoreResult<u32> {
    Ok(conn.query_row(
        "SELECT count(*) FROM result WHERE year = ?1 AND procedure = ?2",
        params![year, procedure],
        |r| r.get(0),
    )?)
}

/// What a write did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct Written {
    pub added: u32,
    pub replaced: u32,
    /// Records already there and left as they were.
    pub kept: u32,
}

/// Writes records: a record for a school, year, procedure, grade and subject already stored is
/// replaced when `replace`, else left as it was. Every record is checked first: one bad record
/// refuses the whole write.
pub fn write(tx: &Transaction, records: &[ResultRecord], replace: bool) -> StoreResult<Written> {
    for r in records {
        if let Some(problem) = r.problem() {
            return Err(StoreError::refused(format!("Результат не записан: {problem}")));
        }
    }
    let mut insert = tx.prepare(
        "INSERT INTO result (school_id, year, procedure, grade, subject, participants, mark2, mark3, mark4, mark5,
                             below_min, mean_score)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)
         ON CONFLICT (school_id, year, procedure, grade, subject) DO NOTHING",
    )?;
    let mut update = tx.prepare(
        "UPDATE result SET participants = ?6, mark2 = ?7, mark3 = ?8, mark4 = ?9, mark5 = ?10, below_min = ?11,
                mean_score = ?12
         WHERE school_id = ?1 AND year = ?2 AND procedure = ?3 AND grade = ?4 AND subject = ?5",
    )?;
    let mut w = Written::default();
    for r in records {
        let m = r.marks.map(|m| m.map(Some)).unwrap_or([None; 4]);
        let p = params![
            r.school_id,
            r.year,
            r.procedure.trim(),
            r.grade,
            r.subject.trim(),
            r.participants,
            m[0],
            m[1],
            m[2],
            m[3],
            r.below_min,
            r.mean_score
        ];
        if insert.execute(p)? == 1 {
            w.added += 1;
        } else if replace {
            update.execute(p)?;
            w.replaced += 1;
        } else {
            w.kept += 1;
        }
    }
    Ok(w)
}

/// Corrects one stored result (the grid in the window).
pub fn update(tx: &Transaction, id: Id, r: &ResultRecord) -> StoreResult<()> {
    if let Some(problem) = r.problem() {
        return Err(StoreError::refused(problem));
    }
    let m = r.marks.map(|m| m.map(Some)).unwrap_or([None; 4]);
    let n = tx.execute(
        "UPDATE result SET participants = ?2, mark2 = ?3, mark3 = ?4, mark4 = ?5, mark5 = ?6, below_min = ?7,
                mean_score = ?8 WHERE id = ?1",
        params![id, r.participants, m[0], m[1], m[2], m[3], r.below_min, r.mean_score],
    )?;
    if n == 0 {
        return Err(StoreError::NotFound { what: "результата", id });
    }
    Ok(())
}

pub fn delete(tx: &Transaction, id: Id) -> StoreResult<()> {
    if tx.execute("DELETE FROM result WHERE id = ?1", [id])? == 0 {
        return Err(StoreError::NotFound { what: "результата", id });
    }
    Ok(())
}

/// The names earlier imports were told to read as a school («сош 5 им. Чехова» → id).
pub fn aliases(conn: &Connection) -> StoreResult<HashMap<String, Id>> {
    let mut stmt = conn.prepare("SELECT name, school_id FROM school_alias")?;
    let map = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<Result<_, _>>()?;
    Ok(map)
}

/// Remembers that a table's school name means this school; `name` is the importer's key.
pub fn remember(tx: &Transaction, name: &str, school_id: Id) -> StoreResult<()> {
    tx.execute(
        "INSERT INTO school_alias (name, school_id) VALUES (?1, ?2)
         ON CONFLICT (name) DO UPDATE SET school_id = excluded.school_id",
        params![name, school_id],
    )?;
    Ok(())
}

pub fn indicators(conn: &Connection) -> StoreResult<Vec<Indicator>> {
    let mut stmt = conn.prepare("SELECT id, name, unit, higher_is_better FROM indicator ORDER BY name")?;
    let list = stmt
        .query_map([], |r| {
            Ok(Indicator {
                id: r.get("id")?,
                name: r.get("name")?,
                unit: r.get("unit")?,
                higher_is_better: r.get("higher_is_better")?,
            })
        })?
        .collect::<Result<_, _>>()?;
    Ok(list)
}

/// Adds an indicator of the district's own; its name must be new.
pub fn add_indicator(tx: &Transaction, name: &str, unit: &str, higher_is_better: bool) -> StoreResult<Id> {
    let name = domain::text::one_line(name);
    if name.is_empty() {
        return Err(StoreError::invalid(domain::ErrorField::Name, "Укажите название показателя"));
    }
    let taken: bool =
        tx.query_row("SELECT count(*) > 0 FROM indicator WHERE name = ?1", [&name], |r| r.get(0))?;
    if taken {
        return Err(StoreError::Conflict(format!("Показатель «{name}» уже есть")));
    }
    tx.execute(
        "INSERT INTO indicator (name, unit, higher_is_better) VALUES (?1, ?2, ?3)",
        params![name, unit.trim(), higher_is_better],
    )?;
    Ok(tx.last_insert_rowid())
}

/// Sets (or, with None, clears) an indicator's value for a school and year.
pub fn set_indicator_value(
    tx: &Transaction,
    indicator_id: Id,
    school_id: Id,
    year: i32,
    value: Option<f64>,
) -> StoreResult<()> {
    if !domain::results::RESULT_YEARS.contains(&year) {
        return Err(StoreError::invalid(domain::ErrorField::Year, format!("Год {year} вне 1990–2100")));
    }
    let known: bool =
        tx.query_row("SELECT count(*) > 0 FROM indicator WHERE id = ?1", [indicator_id], |r| r.get(0))?;
    if !known {
        return Err(StoreError::NotFound { what: "показателя", id: indicator_id });
    }
    match value {
        Some(v) if !v.is_finite() => {
            return Err(StoreError::invalid(domain::ErrorField::Value, "Значение должно быть числом"))
        }
        Some(v) => tx.execute(
            "INSERT INTO indicator_value (indicator_id, school_id, year, value) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (indicator_id, school_id, year) DO UPDATE SET value = excluded.value",
            params![indicator_id, school_id, year, v],
        )?,
        None => tx.execute(
            "DELETE FROM indicator_value WHERE indicator_id = ?1 AND school_id = ?2 AND year = ?3",
            params![indicator_id, school_id, year],
        )?,
    };
    Ok(())
}

/// An indicator's values: (school, year, value).
pub type IndicatorValues = Vec<(Id, i32, f64)>;

/// An indicator with its values, or None when there is no such indicator.
pub fn indicator_with_values(conn: &Connection, id: Id) -> StoreResult<Option<(Indicator, IndicatorValues)>> {
    match indicators(conn)?.into_iter().find(|i| i.id == id) {
        Some(i) => Ok(Some((i, indicator_values(conn, id)?))),
        None => Ok(None),
    }
}

/// An indicator's values: (school, year) → value.
pub fn indicator_values(conn: &Connection, indicator_id: Id) -> StoreResult<IndicatorValues> {
    let mut stmt = conn.prepare(
        "SELECT school_id, year, value FROM indicator_value WHERE indicator_id = ?1 ORDER BY year",
    )?;
    let list = stmt
        .query_map([indicator_id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<Result<_, _>>()?;
    Ok(list)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Store;

    fn record(school_id: Id, year: i32, marks: [u32; 4]) -> ResultRecord {
        ResultRecord {
            school_id,
            year,
            procedure: "ВПР".into(),
            grade: 5,
            subject: "Математика".into(),
            participants: marks.iter().sum(),
            marks: Some(marks),
            below_min: None,
            mean_score: Some(3.4),
        }
    }

    fn store_with_school() -> (Store, Id) {
        let mut s = Store::open_in_memory().unwrap();
        let id = s
            .change("Школа", |tx| {
                crate::school::insert(
                    tx,
                    &domain::SchoolDraft { short_name: "МОБУ СОШ № 2".into(), ..Default::default() },
                )
            })
            .unwrap();
        (s, id)
    }

    #[test]
    fn results_are_written_read_back_replaced_and_undone() {
        let (mut s, id) = store_with_school();
        let w = s
            .change("Импорт результатов", |tx| {
                write(tx, &[record(id, 2023, [2, 3, 4, 1])], false)
            })
            .unwrap();
        assert_eq!(w, Written { added: 1, replaced: 0, kept: 0 });
        assert_eq!(list(s.read()).unwrap()[0].record, record(id, 2023, [2, 3, 4, 1]));
        // The same key again: kept, or replaced when asked.
        let w = s.change("Ещё раз", |tx| write(tx, &[record(id, 2023, [1, 3, 4, 2])], false)).unwrap();
        assert_eq!(w.kept, 1);
        let w = s.change("Заменить", |tx| write(tx, &[record(id, 2023, [1, 3, 4, 2])], true)).unwrap();
        assert_eq!(w.replaced, 1);
        assert_eq!(list(s.read()).unwrap()[0].record.marks, Some([1, 3, 4, 2]));
        assert_eq!(count(s.read(), 2023, "ВПР").unwrap(), 1);
        s.undo().unwrap();
        assert_eq!(list(s.read()).unwrap()[0].record.marks, Some([2, 3, 4, 1]));
    }

    #[test]
    fn pooled_as_read_equals_pooled_from_records() {
        let (mut s, id) = store_with_school();
        let mut other = record(id, 2023, [1, 2, 3, 4]);
        other.grade = 6;
        let mut russian = record(id, 2023, [4, 3, 2, 1]);
        russian.subject = "Русский язык".into();
        s.change("Импорт", |tx| write(tx, &[record(id, 2023, [2, 3, 4, 1]), other, russian], false)).unwrap();
        let filter =
            domain::ResultFilter { subject: Some("математика".into()), ..Default::default() };
        let pooled = pooled(s.read(), &filter).unwrap();
        let mut by_hand = domain::results::Pooled::default();
        for r in list(s.read()).unwrap().iter().filter(|r| filter.admits(&r.record)) {
            by_hand.add(&r.record);
        }
        assert_eq!(pooled.get(&(id, 2023)), Some(&by_hand));
        assert_eq!(by_hand.marks, [3, 5, 7, 5], "both mathematics records, not Russian");
    }

    #[test]
    fn a_survey_reads_the_rows_once_for_the_choices_and_the_pools_of_each_procedure() {
        let (mut s, id) = store_with_school();
        let mut oge = record(id, 2024, [1, 1, 1, 1]);
        oge.procedure = "ОГЭ".into();
        oge.grade = 9;
        let mut russian = record(id, 2023, [4, 3, 2, 1]);
        russian.subject = "Русский язык".into();
        let rows = [record(id, 2023, [2, 3, 4, 1]), record(id, 2024, [1, 2, 3, 4]), russian, oge];
        s.change("Импорт", |tx| write(tx, &rows, false)).unwrap();
        let maths =
            domain::ResultFilter { subject: Some("Математика".into()), ..Default::default() };
        let read = survey(s.read(), &maths).unwrap();
        // The choices are the whole registry's, whatever the filter.
        let kinds = kinds(s.read()).unwrap();
        assert_eq!(read.kinds.procedures, [("ВПР".to_owned(), 3), ("ОГЭ".to_owned(), 1)]);
        assert_eq!((read.kinds.grades.clone(), read.kinds.years.clone()), (kinds.grades, kinds.years));
        assert_eq!(read.kinds.subjects, kinds.subjects);
        // A procedure chosen after the pass pools only its results, like `pooled`.
        let vpr = domain::ResultFilter { procedure: Some("впр".into()), ..maths.clone() };
        assert_eq!(read.pooled(&vpr), pooled(s.read(), &vpr).unwrap());
        let every = survey(s.read(), &maths).unwrap().pooled(&maths);
        assert_eq!(
            every.get(&(id, 2024)).map(|p| p.marks),
            Some([2, 3, 4, 5]),
            "ВПР and ОГЭ of 2024 together"
        );
        assert_eq!(every.get(&(id, 2023)).map(|p| p.marks), Some([2, 3, 4, 1]), "not Russian");
    }

    #[test]
    fn one_bad_record_writes_nothing() {
        let (mut s, id) = store_with_school();
        let mut bad = record(id, 2023, [2, 3, 4, 1]);
        bad.participants = 3;
        let err =
            s.change("Импорт", |tx| write(tx, &[record(id, 2022, [1, 1, 1, 1]), bad], false)).unwrap_err();
        assert!(err.to_string().contains("больше, чем участников"), "{err}");
        assert!(list(s.read()).unwrap().is_empty());
    }

    #[test]
    fn aliases_and_indicators_are_kept() {
        let (mut s, id) = store_with_school();
        s.change("Сопоставление", |tx| remember(tx, "сош 2 им. чехова", id)).unwrap();
        assert_eq!(aliases(s.read()).unwrap().get("сош 2 им. чехова"), Some(&id));
        let ind = s
            .change("Показатель", |tx| {
                add_indicator(tx, "Доля  поступивших\nв колледжи", "%", true)
            })
            .unwrap();
        assert_eq!(indicators(s.read()).unwrap()[0].name, "Доля поступивших в колледжи");
        s.change("Значение", |tx| set_indicator_value(tx, ind, id, 2023, Some(41.5))).unwrap();
        assert_eq!(indicator_values(s.read(), ind).unwrap(), vec![(id, 2023, 41.5)]);
        let e = s.change("Год", |tx| set_indicator_value(tx, ind, id, 1980, Some(1.0))).unwrap_err();
        assert!(e.to_string().contains("1990–2100"));
    }
}
