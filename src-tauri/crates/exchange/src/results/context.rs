//! What a results table is about when its rows do not say: the year, procedure, grade and
//! subject read from title lines («ВПР 2023. Математика 5 класс»), column groups, the sheet's
//! or the file's name.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Year, procedure, grade, subject: each known or not.
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[ts(export, rename = "ResultsContext")]
pub struct Context {
    pub year: Option<i32>,
    pub procedure: Option<String>,
    pub grade: Option<i32>,
    pub subject: Option<String>,
}

impl Context {
    /// Everything `text` says.
    pub fn read(text: &str) -> Context {
        let words = words(text);
        Context {
            year: year_of(&words),
            procedure: procedure_of(&words),
            grade: grade_of(&words),
            subject: subject_of(&words),
        }
    }

    /// This context, its gaps filled from `other`.
    pub fn or(self, other: &Context) -> Context {
        Context {
            year: self.year.or(other.year),
            procedure: self.procedure.or_else(|| other.procedure.clone()),
            grade: self.grade.or(other.grade),
            subject: self.subject.or_else(|| other.subject.clone()),
        }
    }

    pub fn is_empty(&self) -> bool {
        *self == Context::default()
    }

    /// «ВПР 2023, 5 класс, математика».
    pub fn describe(&self) -> String {
        let mut parts = Vec::new();
        match (&self.procedure, self.year) {
            (Some(p), Some(y)) => parts.push(format!("{p} {y}")),
            (Some(p), None) => parts.push(p.clone()),
            (None, Some(y)) => parts.push(y.to_string()),
            _ => {}
        }
        if let Some(g) = self.grade {
            parts.push(format!("{g} класс"));
        }
        if let Some(s) = &self.subject {
            parts.push(s.to_lowercase());
        }
        parts.join(", ")
    }
}

/// Lower-case words and numbers; «ВПР-2023.» → «впр», «2023».
pub fn words(text: &str) -> Vec<String> {
    text.to_lowercase()
        .replace('ё', "е")
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

fn year_in(w: &str) -> Option<i32> {
    (w.len() == 4 && w.chars().all(|c| c.is_ascii_digit())).then(|| w.parse().ok()).flatten()
}

/// The year results were obtained: a single year, or the later of a school year «2022-2023»,
/// «2022/23». Several different years: none (they are column groups, not the table's year).
fn year_of(words: &[String]) -> Option<i32> {
    let mut years: Vec<i32> = Vec::new();
    let mut i = 0;
    while i < words.len() {
        if let Some(y) = year_in(&words[i]).filter(|y| (1900..=2200).contains(y)) {
            let next = words.get(i + 1);
            let spring = next.and_then(|n| {
                year_in(n).filter(|&n| n == y + 1).or_else(|| {
                    (n.len() == 2).then(|| n.parse::<i32>().ok()).flatten().filter(|&n| n == (y + 1) % 100)
                })
            });
            match spring {
                Some(_) => {
                    years.push(y + 1);
                    i += 2;
                    continue;
                }
                None => years.push(y),
            }
        }
        i += 1;
    }
    years.sort_unstable();
    years.dedup();
    (years.len() == 1).then(|| years[0])
}

/// ВПР, ОГЭ, ЕГЭ or a diagnostic, by its abbreviation or its words.
pub fn procedure_of(words: &[String]) -> Option<String> {
    let has = |w: &str| words.iter().any(|x| x == w);
    let starts = |p: &str| words.iter().any(|x| x.starts_with(p));
    let after = |a: &str, b: &str| words.windows(2).any(|w| w[0] == a && w[1] == b);
    let name = if has("впр") || (starts("всероссийск") && starts("проверочн")) {
        "ВПР"
    } else if has("огэ") || after("гиа", "9") || (starts("основн") && starts("государственн"))
    {
        "ОГЭ"
    } else if has("егэ")
        || after("гиа", "11")
        || (starts("единого") || starts("единый")) && starts("государствен")
    {
        "ЕГЭ"
    } else if starts("диагностик") && starts("региональн") {
        "Региональная диагностика"
    } else if starts("диагностик") && starts("муниципальн") {
        "Муниципальная диагностика"
    } else if starts("диагностик") {
        "Диагностическая работа"
    } else {
        return None;
    };
    Some(name.to_owned())
}

/// «5 класс», «5 кл.», «5-х классов», «класс: 5».
pub fn grade_of(words: &[String]) -> Option<i32> {
    let number = |w: &String| w.parse::<i32>().ok().filter(|g| (1..=11).contains(g));
    let is_class = |w: &String| w.starts_with("кл");
    for (i, w) in words.iter().enumerate() {
        if let Some(g) = number(w) {
            let next = words.get(i + 1);
            let after = if next.is_some_and(|n| matches!(n.as_str(), "х" | "е" | "й" | "ые" | "ых")) {
                words.get(i + 2)
            } else {
                next
            };
            if after.is_some_and(is_class) {
                return Some(g);
            }
        }
        if is_class(w) && !w.starts_with("клуб") {
            if let Some(g) = words.get(i + 1).and_then(number) {
                return Some(g);
            }
        }
    }
    None
}

/// The school subjects results come in, by the start of their words.
const SUBJECTS: [(&str, &str); 16] = [
    ("матем", "Математика"),
    ("русск", "Русский язык"),
    ("литерат", "Литература"),
    ("окружающ", "Окружающий мир"),
    ("истор", "История"),
    ("обществозн", "Обществознание"),
    ("географ", "География"),
    ("биолог", "Биология"),
    ("физик", "Физика"),
    ("хими", "Химия"),
    ("информатик", "Информатика"),
    ("английск", "Английский язык"),
    ("немецк", "Немецкий язык"),
    ("французск", "Французский язык"),
    ("иностранн", "Иностранный язык"),
    ("естествозн", "Естествознание"),
];

/// The subject a text names; ЕГЭ mathematics keeps its level («Математика (профильная)»).
pub fn subject_of(words: &[String]) -> Option<String> {
    for (i, w) in words.iter().enumerate() {
        let short = match w.as_str() {
            "мат" => Some("Математика"),
            "рус" => Some("Русский язык"),
            "физ" if words.get(i + 1).is_none_or(|n| !n.starts_with("культ")) => Some("Физика"),
            _ => None,
        };
        let found = short.or_else(|| SUBJECTS.iter().find(|(stem, _)| w.starts_with(stem)).map(|(_, s)| *s));
        if let Some(s) = found {
            if s == "Математика" {
                let near = &words[i + 1..words.len().min(i + 3)];
                if near.iter().any(|n| n.starts_with("профил")) {
                    return Some("Математика (профильная)".into());
                }
                if near.iter().any(|n| n.starts_with("базов")) {
                    return Some("Математика (базовая)".into());
                }
            }
            return Some(s.to_owned());
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_lines_say_year_procedure_grade_and_subject() {
        let c = Context::read("ВПР 2023. Математика 5 класс");
        assert_eq!(
            c,
            Context {
                year: Some(2023),
                procedure: Some("ВПР".into()),
                grade: Some(5),
                subject: Some("Математика".into())
            }
        );
        assert_eq!(c.describe(), "ВПР 2023, 5 класс, математика");
        let c = Context::read("Результаты ГИА-9 в форме ОГЭ по русскому языку, 2022-2023 учебный год");
        assert_eq!(
            (c.year, c.procedure.as_deref(), c.subject.as_deref()),
            (Some(2023), Some("ОГЭ"), Some("Русский язык"))
        );
        let c = Context::read("Единый государственный экзамен 2022/23 уч. г. Математика профильного уровня");
        assert_eq!((c.year, c.procedure.as_deref()), (Some(2023), Some("ЕГЭ")));
        assert_eq!(c.subject.as_deref(), Some("Математика (профильная)"));
        assert_eq!(Context::read("Всероссийские проверочные работы, 4-х классов").grade, Some(4));
        assert_eq!(Context::read("рус. яз. 6 кл.").subject.as_deref(), Some("Русский язык"));
        // Several years: columns, not the table's year. A login's digits are not a year.
        assert_eq!(Context::read("2021 2022 2023").year, None);
        assert_eq!(Context::read("(sch613024) МБОУ СОШ № 2").year, None);
        assert_eq!(Context::read("Физическая культура").subject, None);
        assert!(Context::read("Лист1").is_empty());
    }
}
