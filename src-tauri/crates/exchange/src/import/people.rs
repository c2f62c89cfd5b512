//! Executors and schools in a roadmap's cells: «Баркалова Е.В., муниципальный координатор
//! Земляненко Н.В., директор МОБУ лицея № 7» is two people; «МОБУ лицея № 7» is a school the
//! district may know.

pub use domain::ExecutorDraft;
use domain::ExecutorKind;

/// The people and bodies of an executors cell, in their order.
pub fn executors(cell: &str) -> Vec<ExecutorDraft> {
    let mut out = Vec::new();
    for line in cell.split(['\n', ';']) {
        let line = line.split_whitespace().collect::<Vec<_>>().join(" ");
        let starts = name_starts(&line);
        if starts.is_empty() {
            let name = line.trim_matches([',', ' ', '.', '-']).trim();
            if !name.is_empty() {
                out.push(ExecutorDraft {
                    kind: ExecutorKind::Body,
                    name: name.to_owned(),
                    position: String::new(),
                    organisation: String::new(),
                });
            }
            continue;
        }
        // Text before the first name belongs to no one we can name: a body.
        let before = line[..starts[0].0].trim_matches([',', ' ']).trim();
        if !before.is_empty() {
            out.push(ExecutorDraft {
                kind: ExecutorKind::Body,
                name: before.to_owned(),
                position: String::new(),
                organisation: String::new(),
            });
        }
        for (i, (start, name_end, written)) in starts.iter().enumerate() {
            let (start, name_end) = (*start, *name_end);
            let end = starts.get(i + 1).map_or(line.len(), |s| s.0);
            let name = written
                .clone()
                .unwrap_or_else(|| line[start..name_end].split_whitespace().collect::<Vec<_>>().join(" "));
            let position = line[name_end..end].trim().trim_matches([',', ' ']).trim().to_owned();
            out.push(ExecutorDraft {
                kind: ExecutorKind::Person,
                name,
                position,
                organisation: String::new(),
            });
        }
    }
    out
}

/// Where each «Фамилия И.О.» (or «И.О. Фамилия», given as «Фамилия И.О.») starts and ends
/// in the line (byte offsets).
fn name_starts(line: &str) -> Vec<(usize, usize, Option<String>)> {
    let chars: Vec<(usize, char)> = line.char_indices().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let (start, c) = chars[i];
        let word_start = i == 0 || !chars[i - 1].1.is_alphabetic();
        if word_start && is_cyrillic_upper(c) {
            if let Some(end) = surname_and_initials(&chars, i) {
                out.push((start, chars.get(end).map_or(line.len(), |x| x.0), None));
                i = end;
                continue;
            }
            // «МОБУ СОШ № 8 им. А.Г. Ломакина» names a school, not a person.
            let before: String = chars[..i].iter().map(|(_, c)| c).collect::<String>();
            let honour = before.trim_end().trim_end_matches('.').trim_end().to_lowercase();
            let named_after = honour.ends_with(" им") || honour.ends_with("имени") || honour == "им";
            if let Some((end, name)) = initials_and_surname(&chars, i).filter(|_| !named_after) {
                out.push((start, chars.get(end).map_or(line.len(), |x| x.0), Some(name)));
                i = end;
                continue;
            }
        }
        i += 1;
    }
    out
}

/// «Н.Е. Байрачный» from `i`: the index after the surname, and the name as «Байрачный Н.Е.».
fn initials_and_surname(chars: &[(usize, char)], mut i: usize) -> Option<(usize, String)> {
    let mut initials = String::new();
    for n in 0..2 {
        if n == 1 {
            i += chars[i..].iter().take_while(|(_, c)| c.is_whitespace()).count().min(1);
        }
        let (&(_, letter), &(_, dot)) = (chars.get(i)?, chars.get(i + 1)?);
        if !is_cyrillic_upper(letter) || dot != '.' {
            return None;
        }
        initials.push(letter);
        initials.push('.');
        i += 2;
    }
    i += chars[i..].iter().take_while(|(_, c)| c.is_whitespace()).count();
    let letters = chars[i..].iter().take_while(|(_, c)| c.is_alphabetic() || *c == '-').count();
    let surname: String = chars[i..i + letters].iter().map(|(_, c)| c).collect();
    let mut it = surname.chars();
    let proper = it.next().is_some_and(is_cyrillic_upper) && it.next().is_some_and(char::is_lowercase);
    (letters >= 2 && proper).then(|| (i + letters, format!("{surname} {initials}")))
}

/// From a capital at `i`: a surname (letters, maybe a hyphen), spaces, «И.» and «О.» with or
/// without a space between; returns the index after the last dot.
fn surname_and_initials(chars: &[(usize, char)], mut i: usize) -> Option<usize> {
    let letters = chars[i..].iter().take_while(|(_, c)| c.is_alphabetic() || *c == '-').count();
    if letters < 2 || !chars[i + 1].1.is_lowercase() {
        return None;
    }
    i += letters;
    let spaces = chars[i..].iter().take_while(|(_, c)| c.is_whitespace()).count();
    if spaces == 0 {
        return None;
    }
    i += spaces;
    for n in 0..2 {
        if n == 1 {
            i += chars[i..].iter().take_while(|(_, c)| c.is_whitespace()).count().min(1);
        }
        let (Some(&(_, letter)), Some(&(_, dot))) = (chars.get(i), chars.get(i + 1)) else { return None };
        if !is_cyrillic_upper(letter) || dot != '.' {
            return None;
        }
        i += 2;
    }
    Some(i)
}

fn is_cyrillic_upper(c: char) -> bool {
    ('А'..='Я').contains(&c) || c == 'Ё'
}

/// Keys of the schools a text names: «МОБУ лицея № 7» → «лицей 7», «СОШ № 34» → «сош 34».
pub fn school_mentions(text: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let words: Vec<&str> = text.split_whitespace().collect();
    for (i, w) in words.iter().enumerate() {
        let Some(number) = number_after_sign(w, words.get(i + 1)) else { continue };
        // The kind of school is among the three words before «№».
        let from = i.saturating_sub(3);
        let Some((k, kind)) =
            words[from..i].iter().enumerate().rev().find_map(|(k, x)| kind_of(x).map(|kind| (k, kind)))
        else {
            continue;
        };
        let key = format!("{kind} {number}");
        let mut start = from + k;
        if start > 0 && words[start - 1].chars().all(|c| c.is_uppercase()) {
            start -= 1; // «МОБУ»
        }
        let printed = format!("{} № {number}", words[start..i].join(" "));
        if !out.iter().any(|(k, _)| *k == key) {
            out.push((key, printed));
        }
    }
    out
}

/// «№ 7», «№7», «№7,»: the school's number.
fn number_after_sign(word: &str, next: Option<&&str>) -> Option<String> {
    let rest = word.strip_prefix('№')?;
    let digits: String = if rest.is_empty() { next?.to_string() } else { rest.to_owned() }
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    (!digits.is_empty()).then_some(digits)
}

fn kind_of(word: &str) -> Option<&'static str> {
    let w = word.to_lowercase();
    let w = w.trim_matches(|c: char| !c.is_alphabetic());
    Some(match w {
        "сош" => "сош",
        "оош" => "оош",
        "нош" => "нош",
        _ if w.starts_with("лице") => "лицей",
        _ if w.starts_with("гимнази") => "гимназия",
        _ if w.starts_with("школ") => "школа",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn initials_before_the_surname() {
        let names: Vec<String> =
            executors("Н.Е. Байрачный К.А. Федоренко Т.Ю. Горностаева").into_iter().map(|e| e.name).collect();
        assert_eq!(names, ["Байрачный Н.Е.", "Федоренко К.А.", "Горностаева Т.Ю."]);
        let two = executors("Р.А. Гардымова, начальник отдела И.А. Никитин");
        assert_eq!((two[0].name.as_str(), two[0].position.as_str()), ("Гардымова Р.А.", "начальник отдела"));
        assert_eq!(two[1].name, "Никитин И.А.");
    }

    fn names(cell: &str) -> Vec<(String, String)> {
        executors(cell).into_iter().map(|e| (e.name, e.position)).collect()
    }

    #[test]
    fn two_people_on_one_line_are_two_executors() {
        assert_eq!(
            names("Баркалова Е.В., муниципальный координатор Земляненко  Н.В. , директор МОБУ лицея № 7"),
            [
                ("Баркалова Е.В.".into(), "муниципальный координатор".into()),
                ("Земляненко Н.В.".into(), "директор МОБУ лицея № 7".into())
            ]
        );
        assert_eq!(
            names("Целуйко Е.М., директор, Лапина Н.Ю., педагог-психолог"),
            [("Целуйко Е.М.".into(), "директор".into()), ("Лапина Н.Ю.".into(), "педагог-психолог".into())]
        );
        let body = executors("Управление образования г. Таганрога");
        assert_eq!(
            (body[0].kind, body[0].name.as_str()),
            (ExecutorKind::Body, "Управление образования г. Таганрога")
        );
        assert_eq!(names("Морозова О.Л., начальник Управления образования г. Таганрога").len(), 1);
        assert!(executors("").is_empty());
    }

    #[test]
    fn schools_are_named_by_kind_and_number() {
        let keys: Vec<String> =
            school_mentions("директор МОБУ лицея № 7 и МОБУ СОШ №34, гимназия «Мариинская» № 2")
                .into_iter()
                .map(|(k, _)| k)
                .collect();
        assert_eq!(keys, ["лицей 7", "сош 34", "гимназия 2"]);
        assert_eq!(school_mentions("приказ № 206").len(), 0);
    }
}
