//! Which of the district's schools a results table's row means: by the ФИС ОКО login or ИНН
//! first, then by a name the user mapped before, then by the name itself as the importer reads
//! school names (the form of ownership dropped, «средняя общеобразовательная школа» as «СОШ»,
//! kind and number).

use std::collections::HashMap;

use domain::{Id, School};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// How a table's name was matched to a school.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum MatchKind {
    /// By the ФИС ОКО login.
    Code,
    Inn,
    /// By a mapping the user made in an earlier import.
    Remembered,
    Name,
    /// Not matched: the user maps it, adds it as a new school or leaves it out.
    None,
}

impl MatchKind {
    pub fn label(self) -> &'static str {
        match self {
            MatchKind::Code => "по логину",
            MatchKind::Inn => "по ИНН",
            MatchKind::Remembered => "как в прошлый раз",
            MatchKind::Name => "по названию",
            MatchKind::None => "не найдена в списке школ района",
        }
    }
}

pub struct SchoolIndex {
    code: HashMap<String, Id>,
    inn: HashMap<String, Id>,
    remembered: HashMap<String, Id>,
    name: HashMap<String, Vec<Id>>,
    kind_number: HashMap<String, Vec<Id>>,
}

impl SchoolIndex {
    pub fn new(schools: &[School], remembered: HashMap<String, Id>) -> SchoolIndex {
        let mut index = SchoolIndex {
            code: HashMap::new(),
            inn: HashMap::new(),
            remembered,
            name: HashMap::new(),
            kind_number: HashMap::new(),
        };
        for s in schools {
            let d = &s.draft;
            if !d.code.is_empty() {
                index.code.insert(d.code.to_lowercase(), s.id);
            }
            if !d.inn.is_empty() {
                index.inn.insert(d.inn.clone(), s.id);
            }
            for n in [&d.name, &d.short_name] {
                let key = name_key(n);
                let ids = index.name.entry(key).or_default();
                if !ids.contains(&s.id) {
                    ids.push(s.id);
                }
                if let Some(k) = kind_number(n) {
                    let ids = index.kind_number.entry(k).or_default();
                    if !ids.contains(&s.id) {
                        ids.push(s.id);
                    }
                }
            }
        }
        index
    }

    /// The school a row names, and how it was found.
    pub fn find(&self, name: &str, code: &str, inn: &str) -> (Option<Id>, MatchKind) {
        let one = |ids: Option<&Vec<Id>>| ids.filter(|v| v.len() == 1).map(|v| v[0]);
        if let Some(&id) = self.code.get(&code.to_lowercase()) {
            return (Some(id), MatchKind::Code);
        }
        if let Some(&id) = self.inn.get(inn) {
            return (Some(id), MatchKind::Inn);
        }
        let key = name_key(name);
        if let Some(&id) = self.remembered.get(&key) {
            return (Some(id), MatchKind::Remembered);
        }
        if let Some(id) = one(self.name.get(&key)) {
            return (Some(id), MatchKind::Name);
        }
        if let Some(id) = kind_number(name).and_then(|k| one(self.kind_number.get(&k))) {
            return (Some(id), MatchKind::Name);
        }
        (None, MatchKind::None)
    }
}

/// «(sch613024) МБОУ СОШ № 2» → the login and the name.
pub fn split_code(cell: &str) -> (String, String) {
    let cell = cell.trim();
    if let Some(rest) = cell.strip_prefix('(') {
        if let Some((code, name)) = rest.split_once(')') {
            if is_login(code.trim()) {
                return (code.trim().to_lowercase(), name.trim().to_owned());
            }
        }
    }
    if let Some((code, name)) = cell.split_once(char::is_whitespace) {
        if is_login(code) {
            return (code.to_lowercase(), name.trim().to_owned());
        }
    }
    (String::new(), cell.to_owned())
}

/// A ФИС ОКО login: «sch» and digits.
pub fn is_login(text: &str) -> bool {
    let t = text.to_lowercase();
    t.strip_prefix("sch").is_some_and(|d| d.len() >= 3 && d.chars().all(|c| c.is_ascii_digit()))
}

/// A school's name as compared: lower case, quotes and the form of ownership dropped, the
/// long kinds shortened: «Муниципальное бюджетное общеобразовательное учреждение "Средняя
/// общеобразовательная школа № 2 имени А.П. Чехова"» → «сош № 2 им а п чехова».
pub fn name_key(name: &str) -> String {
    let mut text = format!(" {} ", name.to_lowercase().replace('ё', "е").replace('№', " № "));
    for (long, short) in [
        ("средняя общеобразовательная школа", "сош"),
        ("основная общеобразовательная школа", "оош"),
        ("начальная общеобразовательная школа", "нош"),
        ("общеобразовательная школа", "школа"),
        ("имени", "им"),
    ] {
        text = text.replace(long, short);
    }
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric() && c != '№')
        .filter(|w| !w.is_empty())
        .filter(|w| !is_form_of_ownership(w))
        .map(str::to_owned)
        .collect();
    words.join(" ")
}

fn is_form_of_ownership(w: &str) -> bool {
    const WORDS: [&str; 14] = [
        "муниципальное",
        "муниципальная",
        "государственное",
        "бюджетное",
        "автономное",
        "казенное",
        "частное",
        "общеобразовательное",
        "образовательное",
        "учреждение",
        "организация",
        "мо",
        "оу",
        "г",
    ];
    if WORDS.contains(&w) {
        return true;
    }
    // МБОУ, МОБУ, МАОУ, МКОУ, ГБОУ, ЧОУ, МОУ.
    let n = w.chars().count();
    (3..=5).contains(&n)
        && w.chars().next().is_some_and(|c| "мгчн".contains(c))
        && (w.ends_with("оу") || w.ends_with("обу"))
}

/// «сош 2», «лицей 7», «гимназия 2»: the kind and the number, with or without «№».
pub fn kind_number(name: &str) -> Option<String> {
    let key = name_key(name);
    let words: Vec<&str> = key.split(' ').collect();
    for (i, w) in words.iter().enumerate() {
        let kind = match *w {
            "сош" | "оош" | "нош" | "цо" => *w,
            _ if w.starts_with("лице") => "лицей",
            _ if w.starts_with("гимнази") => "гимназия",
            _ if w.starts_with("школ") => "школа",
            _ => continue,
        };
        let mut rest = words[i + 1..].iter().filter(|x| **x != "№");
        if let Some(n) = rest.next().filter(|n| n.chars().all(|c| c.is_ascii_digit())) {
            return Some(format!("{kind} {n}"));
        }
    }
    None
}

/// A row names a school (not «Вся выборка», a region, a district or a total).
pub fn looks_like_school(name: &str) -> bool {
    let (code, rest) = split_code(name);
    if !code.is_empty() {
        return true;
    }
    let lower = rest.to_lowercase();
    const MARKS: [&str; 12] = [
        "сош",
        "оош",
        "нош",
        "школ",
        "гимназ",
        "лице",
        "интернат",
        "кадет",
        "центр образования",
        "учреждение",
        "цо №",
        "комплекс",
    ];
    MARKS.iter().any(|m| lower.contains(m))
        || rest.split(|c: char| !c.is_alphanumeric()).any(|w| {
            let lw = w.to_lowercase();
            w.chars().all(|c| c.is_uppercase()) && is_form_of_ownership(&lw) && lw.len() > 2
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use domain::SchoolDraft;

    fn school(id: Id, short: &str, name: &str, code: &str) -> School {
        School {
            id,
            draft: SchoolDraft {
                short_name: short.into(),
                name: name.into(),
                code: code.into(),
                ..Default::default()
            },
        }
    }

    #[test]
    fn names_codes_and_totals() {
        assert_eq!(split_code("(sch613024) МБОУ СОШ № 2"), ("sch613024".into(), "МБОУ СОШ № 2".into()));
        assert_eq!(split_code("МБОУ СОШ № 2").0, "");
        assert_eq!(
            name_key("Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 2 имени А.П. Чехова»"),
            "сош № 2 им а п чехова"
        );
        assert_eq!(name_key("МОБУ СОШ №2 им. А.П. Чехова"), "сош № 2 им а п чехова");
        assert_eq!(kind_number("МАОУ «Лицей №7»").as_deref(), Some("лицей 7"));
        assert_eq!(kind_number("СОШ 34").as_deref(), Some("сош 34"));
        for total in ["Вся выборка", "Ростовская обл.", "Таганрог", "Итого по району", "г. Таганрог"]
        {
            assert!(!looks_like_school(total), "{total}");
        }
        for s in ["(sch613024) МБОУ СОШ № 2", "МОУ Покровская ООШ", "Гимназия №2", "МБОУ «Приморская»"]
        {
            assert!(looks_like_school(s), "{s}");
        }
    }

    #[test]
    fn schools_are_found_by_code_then_memory_then_name() {
        let schools = vec![
            school(1, "МОБУ СОШ № 2", "Муниципальное общеобразовательное бюджетное учреждение средняя общеобразовательная школа № 2 имени А.П. Чехова", "sch613024"),
            school(2, "МОБУ лицей № 7", "", ""),
            school(3, "МОБУ СОШ № 5", "", ""),
        ];
        let remembered = HashMap::from([(name_key("Школа Чайка"), 3)]);
        let index = SchoolIndex::new(&schools, remembered);
        assert_eq!(index.find("что угодно", "SCH613024", ""), (Some(1), MatchKind::Code));
        assert_eq!(index.find("МБОУ СОШ №2 им. А.П. Чехова", "", ""), (Some(1), MatchKind::Name));
        assert_eq!(index.find("МАОУ «Лицей № 7»", "", ""), (Some(2), MatchKind::Name));
        assert_eq!(index.find("Школа  «Чайка»", "", ""), (Some(3), MatchKind::Remembered));
        assert_eq!(index.find("МБОУ СОШ № 9", "", ""), (None, MatchKind::None));
    }
}
