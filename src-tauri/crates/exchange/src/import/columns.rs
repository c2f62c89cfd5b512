//! Column roles of a roadmap table, recognised from the header's words.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// What a column of the imported table holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Role {
    Number,
    Content,
    Timeframe,
    Executors,
    Result,
    Evidence,
    Completion,
    /// Not imported.
    Ignore,
}

/// The role a header cell names, if any: «Содержание деятельности» → Content. Headers are
/// short; a long cell is text, whatever words it holds.
pub fn role_of(header: &str) -> Option<Role> {
    if header.chars().count() > 60 || header.contains('\n') && header.chars().count() > 40 {
        return None;
    }
    let h = header.to_lowercase();
    let has = |w: &str| h.contains(w);
    Some(if has("№") || has("п/п") || h.trim() == "номер" {
        Role::Number
    } else if has("документ") {
        Role::Evidence
    } else if has("отметка") || has("выполнени") && !has("срок") {
        Role::Completion
    } else if has("срок") {
        Role::Timeframe
    } else if has("ответствен") || has("исполнител") {
        Role::Executors
    } else if has("результат") || has("показател") {
        Role::Result
    } else if has("содержание") || has("наименование") || has("мероприяти") || has("деятельност")
    {
        Role::Content
    } else {
        return None;
    })
}

/// The roles of a header row: every cell names a role and one of them is the content.
pub fn header_roles(cells: &[String]) -> Option<Vec<Role>> {
    let roles: Vec<Option<Role>> = cells.iter().map(|c| role_of(c)).collect();
    let named = roles.iter().filter(|r| r.is_some()).count();
    let non_empty = cells.iter().filter(|c| !c.trim().is_empty()).count();
    (named >= 2 && named == non_empty && roles.contains(&Some(Role::Content)))
        .then(|| roles.into_iter().map(|r| r.unwrap_or(Role::Ignore)).collect())
}

/// Roles by position when the table has no header: a number column if the first column holds
/// only numbers, then content, timeframe, executors, result, evidence, completion.
pub fn guess_roles(width: usize, first_column_numbers: bool) -> Vec<Role> {
    let order =
        [Role::Content, Role::Timeframe, Role::Executors, Role::Result, Role::Evidence, Role::Completion];
    let mut roles = Vec::with_capacity(width);
    if first_column_numbers && width > 1 {
        roles.push(Role::Number);
    }
    let rest = width - roles.len();
    roles.extend(order.into_iter().chain(std::iter::repeat(Role::Ignore)).take(rest));
    roles
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn the_seed_headers_are_recognised() {
        use Role::*;
        let taganrog = cells(&[
            "№ п/п",
            "Содержание деятельности",
            "Сроки реализации",
            "Ответственный исполнитель",
            "Отметка о выполнении",
        ]);
        assert_eq!(header_roles(&taganrog).unwrap(), [Number, Content, Timeframe, Executors, Completion]);
        let surgut =
            cells(&["Наименование мероприятия (этапа контракта)", "Сроки", "Результат (целевые показатели)"]);
        assert_eq!(header_roles(&surgut).unwrap(), [Content, Timeframe, Result]);
        let other = cells(&["Мероприятия", "Ответственные исполнители", "Документы, фиксирующие результат"]);
        assert_eq!(header_roles(&other).unwrap(), [Content, Executors, Evidence]);
        assert_eq!(header_roles(&cells(&["1.", "Издание приказа", "16.02.2023"])), None);
        let text = cells(&[
            "Включить в перечень направлений деятельности Муниципального бюджетного образовательного учреждения",
            "Назначить ответственного за повышение квалификации",
        ]);
        assert_eq!(header_roles(&text), None);
    }

    #[test]
    fn roles_are_guessed_by_position_without_a_header() {
        use Role::*;
        assert_eq!(guess_roles(4, true), [Number, Content, Timeframe, Executors]);
        assert_eq!(guess_roles(2, false), [Content, Timeframe]);
        assert_eq!(guess_roles(1, true), [Content]);
    }
}
