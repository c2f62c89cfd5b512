//! The `school` and `school_status` tables.

use domain::{Category, Id, School, SchoolDraft, SchoolStatus};
use rusqlite::{params, Connection, OptionalExtension, Transaction};

use crate::{StoreError, StoreResult};

/// All schools (or those with a status in `year`), by short name.
pub fn list(conn: &Connection, year: Option<i32>) -> StoreResult<Vec<School>> {
    select(conn, year, None)
}

/// Schools with a status in `year` (or all), or the one school `id`, with their statuses.
fn select(conn: &Connection, year: Option<i32>, id: Option<Id>) -> StoreResult<Vec<School>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT id, {FIELDS} FROM school
         WHERE (?1 IS NULL OR id IN (SELECT school_id FROM school_status WHERE year = ?1))
           AND (?2 IS NULL OR id = ?2)
         ORDER BY id"
    ))?;
    let mut schools = stmt
        .query_map(rusqlite::params![year, id], |r| {
            Ok(School {
                id: r.get("id")?,
                draft: SchoolDraft {
                    name: r.get("name")?,
                    short_name: r.get("short_name")?,
                    director: r.get("director")?,
                    address: r.get("address")?,
                    phone: r.get("phone")?,
                    email: r.get("email")?,
                    statuses: Vec::new(),
                    code: r.get("code")?,
                    inn: r.get("inn")?,
                    settlement: domain::Settlement::from_code(&r.get::<_, String>("settlement")?),
                },
            })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    schools.sort_by_cached_key(|s| natural_key(&s.draft.short_name));
    let mut stmt = conn.prepare(
        "SELECT school_id, year, category, cohort_year FROM school_status
         WHERE ?1 IS NULL OR school_id = ?1 ORDER BY year, category",
    )?;
    let statuses = stmt.query_map([id], |r| {
        Ok((r.get::<_, Id>(0)?, r.get::<_, i32>(1)?, r.get::<_, String>(2)?, r.get(3)?))
    })?;
    let index: std::collections::HashMap<Id, usize> =
        schools.iter().enumerate().map(|(i, s)| (s.id, i)).collect();
    for row in statuses {
        let (school_id, year, category, cohort_year) = row?;
        if let Some(&i) = index.get(&school_id) {
            let category = Category::from_code(&category)
                .ok_or_else(|| StoreError::Corrupt(format!("неизвестная категория «{category}»")))?;
            schools[i].draft.statuses.push(SchoolStatus { year, category, cohort_year });
        }
    }
    Ok(schools)
}

/// Sorts «МОБУ СОШ № 6» before «МОБУ СОШ № 16»: runs of digits compare as numbers.
pub fn natural_key(name: &str) -> Vec<(String, u64)> {
    let mut key = Vec::new();
    let mut text = String::new();
    let mut digits = String::new();
    for c in name.chars() {
        if c.is_ascii_digit() {
            digits.push(c);
        } else {
            if !digits.is_empty() {
                key.push((std::mem::take(&mut text), digits.parse().unwrap_or(u64::MAX)));
                digits.clear();
            }
            text.extend(c.to_lowercase());
        }
    }
    key.push((text, digits.parse().unwrap_or(0)));
    key
}

pub fn get(conn: &Connection, id: Id) -> StoreResult<School> {
    select(conn, None, Some(id))?.pop().ok_or(StoreError::NotFound { what: "школы", id })
}

/// The school with this short name, if any.
pub fn find_by_short_name(conn: &Connection, short_name: &str) -> StoreResult<Option<Id>> {
    Ok(conn
        .query_row("SELECT id FROM school WHERE short_name = ?1", [short_name.trim()], |r| r.get(0))
        .optional()?)
}

/// The school's own columns, in one order for INSERT and UPDATE (`?1` … `?9`).
const FIELDS: &str = "name, short_name, director, address, phone, email, code, inn, settlement";

/// `settlement` is the draft's settlement code, held by the caller for the statement's life.
fn values<'a>(d: &'a SchoolDraft, settlement: &'a &'static str) -> [&'a dyn rusqlite::ToSql; 9] {
    [&d.name, &d.short_name, &d.director, &d.address, &d.phone, &d.email, &d.code, &d.inn, settlement]
}

fn settlement_code(d: &SchoolDraft) -> &'static str {
    d.settlement.map_or("", |s| s.code())
}

pub fn insert(tx: &Transaction, draft: &SchoolDraft) -> StoreResult<Id> {
    let draft = validate(tx, None, draft)?;
    tx.execute(
        &format!("INSERT INTO school ({FIELDS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"),
        &values(&draft, &settlement_code(&draft))[..],
    )?;
    let id = tx.last_insert_rowid();
    write_statuses(tx, id, &draft.statuses)?;
    Ok(id)
}

/// Records a school's ФИС ОКО login learnt from a results table, when it has none and no
/// other school has it; true when recorded.
pub fn learn_code(tx: &Transaction, id: Id, code: &str) -> StoreResult<bool> {
    let code = code.trim().to_lowercase();
    if code.is_empty() {
        return Ok(false);
    }
    let n = tx.execute(
        "UPDATE school SET code = ?2 WHERE id = ?1 AND code = ''
           AND NOT EXISTS (SELECT 1 FROM school WHERE lower(code) = ?2)",
        params![id, code],
    )?;
    Ok(n == 1)
}

pub fn update(tx: &Transaction, id: Id, draft: &SchoolDraft) -> StoreResult<()> {
    let draft = validate(tx, Some(id), draft)?;
    // «name = ?1, short_name = ?2, …» from the same column list, the id last.
    let set: Vec<String> = FIELDS.split(", ").enumerate().map(|(i, f)| format!("{f} = ?{}", i + 1)).collect();
    let settlement = settlement_code(&draft);
    let mut params = values(&draft, &settlement).to_vec();
    params.push(&id);
    let n = tx.execute(&format!("UPDATE school SET {} WHERE id = ?10", set.join(", ")), &params[..])?;
    if n == 0 {
        return Err(StoreError::NotFound { what: "школы", id });
    }
    tx.execute("DELETE FROM school_status WHERE school_id = ?1", [id])?;
    write_statuses(tx, id, &draft.statuses)
}

fn write_statuses(tx: &Transaction, id: Id, statuses: &[SchoolStatus]) -> StoreResult<()> {
    let mut stmt = tx.prepare(
        "INSERT OR IGNORE INTO school_status (school_id, year, category, cohort_year) VALUES (?1, ?2, ?3, ?4)",
    )?;
    for s in statuses {
        stmt.execute(params![id, s.year, s.category.code(), s.cohort_year])?;
    }
    Ok(())
}

/// Trims the fields and refuses what the user must correct, naming the field.
fn validate(conn: &Connection, id: Option<Id>, draft: &SchoolDraft) -> StoreResult<SchoolDraft> {
    let mut d = draft.clone();
    for f in [&mut d.name, &mut d.short_name, &mut d.director, &mut d.address, &mut d.phone, &mut d.email] {
        *f = f.trim().to_owned();
    }
    d.code = d.code.trim().to_lowercase();
    d.inn = d.inn.split_whitespace().collect();
    if !(d.inn.is_empty() || d.inn.len() == 10 && d.inn.chars().all(|c| c.is_ascii_digit())) {
        return Err(StoreError::invalid(domain::ErrorField::Inn, "ИНН школы — 10 цифр"));
    }
    use domain::ErrorField;
    for (field, column, value, what) in
        [(ErrorField::Code, "code", &d.code, "логином ФИС ОКО"), (ErrorField::Inn, "inn", &d.inn, "ИНН")]
    {
        if value.is_empty() {
            continue;
        }
        let sql = format!("SELECT short_name FROM school WHERE lower({column}) = lower(?1) AND id IS NOT ?2");
        let other: Option<String> = conn.query_row(&sql, params![value, id], |r| r.get(0)).optional()?;
        if let Some(other) = other {
            let message = format!("Школа с {what} «{value}» уже есть: «{other}»");
            return Err(StoreError::Taken { field, message });
        }
    }
    if d.short_name.is_empty() {
        return Err(StoreError::invalid(
            domain::ErrorField::ShortName,
            "Укажите краткое название школы, например «МОБУ СОШ № 6»",
        ));
    }
    if d.name.is_empty() {
        d.name = d.short_name.clone();
    }
    for s in &mut d.statuses {
        if !(1990..=2200).contains(&s.year) {
            return Err(StoreError::invalid(
                domain::ErrorField::Statuses,
                format!("Год {} вне допустимого диапазона", s.year),
            ));
        }
        if s.category != Category::Project500 {
            s.cohort_year = None;
        }
    }
    if let Some(other) = find_by_short_name(conn, &d.short_name)? {
        if Some(other) != id {
            let message = format!("Школа «{}» уже есть в списке", d.short_name);
            return Err(StoreError::Taken { field: domain::ErrorField::ShortName, message });
        }
    }
    Ok(d)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Store;

    fn draft(short: &str, year: i32, category: Category) -> SchoolDraft {
        SchoolDraft {
            name: format!("Школа {short}"),
            short_name: short.into(),
            director: "Иванова И.И.".into(),
            statuses: vec![SchoolStatus { year, category, cohort_year: None }],
            ..Default::default()
        }
    }

    #[test]
    fn insert_list_and_filter_by_year() {
        let mut store = Store::open_in_memory().unwrap();
        store
            .change("Изменение", |tx| insert(tx, &draft("МОБУ СОШ № 6", 2022, Category::LowResults)))
            .unwrap();
        store.change("Изменение", |tx| insert(tx, &draft("МОБУ лицей № 7", 2023, Category::Mentor))).unwrap();
        assert_eq!(list(store.read(), None).unwrap().len(), 2);
        let in_2022 = list(store.read(), Some(2022)).unwrap();
        assert_eq!(in_2022.len(), 1);
        assert_eq!(in_2022[0].draft.short_name, "МОБУ СОШ № 6");
        assert_eq!(in_2022[0].draft.statuses[0].category, Category::LowResults);
    }

    #[test]
    fn numbers_sort_as_numbers() {
        let mut names = vec!["МОБУ СОШ № 16", "МОБУ лицей № 7", "МОБУ СОШ № 6", "мобу сош № 8"];
        names.sort_by_cached_key(|n| natural_key(n));
        assert_eq!(names, ["МОБУ лицей № 7", "МОБУ СОШ № 6", "мобу сош № 8", "МОБУ СОШ № 16"]);
    }

    #[test]
    fn a_duplicate_school_is_refused_and_nothing_is_written() {
        let mut store = Store::open_in_memory().unwrap();
        store
            .change("Изменение", |tx| insert(tx, &draft("МОБУ СОШ № 6", 2022, Category::LowResults)))
            .unwrap();
        let err = store
            .change("Изменение", |tx| insert(tx, &draft(" МОБУ СОШ № 6 ", 2023, Category::Mentor)))
            .unwrap_err();
        assert!(
            matches!(err, StoreError::Taken { field: domain::ErrorField::ShortName, ref message } if message.contains("уже есть")),
            "{err}"
        );
        assert_eq!(list(store.read(), None).unwrap().len(), 1);
    }

    #[test]
    fn an_empty_short_name_names_its_field() {
        let mut store = Store::open_in_memory().unwrap();
        let err =
            store.change("Изменение", |tx| insert(tx, &draft("  ", 2022, Category::LowResults))).unwrap_err();
        assert!(matches!(err, StoreError::Invalid { field: Some(domain::ErrorField::ShortName), .. }));
    }

    #[test]
    fn codes_inn_and_settlement_are_kept_and_unique() {
        let mut s = Store::open_in_memory().unwrap();
        let a = s.change("a", |tx| insert(tx, &draft("МОБУ СОШ № 1", 2022, Category::LowResults))).unwrap();
        let b = s.change("b", |tx| insert(tx, &draft("МОБУ СОШ № 2", 2022, Category::Mentor))).unwrap();
        let mut d = get(s.read(), a).unwrap().draft;
        (d.code, d.inn, d.settlement) =
            (" SCH613001 ".into(), "6154 0123 45".into(), Some(domain::Settlement::Village));
        s.change("код", |tx| update(tx, a, &d)).unwrap();
        let got = get(s.read(), a).unwrap().draft;
        assert_eq!(
            (got.code.as_str(), got.inn.as_str(), got.settlement),
            ("sch613001", "6154012345", Some(domain::Settlement::Village))
        );
        let mut other = get(s.read(), b).unwrap().draft;
        other.code = "sch613001".into();
        let e = s.change("тот же код", |tx| update(tx, b, &other)).unwrap_err();
        assert!(e.to_string().contains("логином ФИС ОКО «sch613001» уже есть"), "{e}");
        // The form marks the field that collides, not the short name.
        assert!(matches!(e, StoreError::Taken { field: domain::ErrorField::Code, .. }), "{e:?}");
        other.code = String::new();
        other.inn = "6154012345".into();
        let e = s.change("тот же ИНН", |tx| update(tx, b, &other)).unwrap_err();
        assert!(matches!(e, StoreError::Taken { field: domain::ErrorField::Inn, .. }), "{e:?}");
        other.code = String::new();
        other.inn = "12345".into();
        assert!(s.change("ИНН", |tx| update(tx, b, &other)).unwrap_err().to_string().contains("10 цифр"));
        // A code learnt from a results table only where none is set and none is taken.
        assert!(!s.change("уже есть", |tx| learn_code(tx, b, "SCH613001")).unwrap());
        assert!(s.change("новый", |tx| learn_code(tx, b, "sch613002")).unwrap());
        assert_eq!(get(s.read(), b).unwrap().draft.code, "sch613002");
    }

    #[test]
    fn update_replaces_statuses() {
        let mut store = Store::open_in_memory().unwrap();
        let id = store
            .change("Изменение", |tx| insert(tx, &draft("СОШ № 1", 2022, Category::LowResults)))
            .unwrap();
        let mut d = draft("СОШ № 1", 2023, Category::Project500);
        d.statuses[0].cohort_year = Some(2022);
        d.director = "Петров П.П.".into();
        store.change("Изменение", |tx| update(tx, id, &d)).unwrap();
        let s = get(store.read(), id).unwrap();
        assert_eq!(s.draft.director, "Петров П.П.");
        assert_eq!(s.draft.statuses, d.statuses);
    }

    #[test]
    fn deleting_a_school_removes_its_statuses() {
        let mut store = Store::open_in_memory().unwrap();
        let id = store
            .change("Изменение", |tx| insert(tx, &draft("СОШ № 1", 2022, Category::LowResults)))
            .unwrap();
        store.change("Изменение", |tx| Ok(tx.execute("DELETE FROM school WHERE id = ?1", [id])?)).unwrap();
        let n: i64 = store.read().query_row("SELECT count(*) FROM school_status", [], |r| r.get(0)).unwrap();
        assert_eq!(n, 0);
    }
}
