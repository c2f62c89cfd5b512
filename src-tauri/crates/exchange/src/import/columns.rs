//! Column roles of a roadmap table, recognised from the header's words.

pub use domain::Column;

/// What a column of the imported table holds: one of the roadmap's columns, or nothing to
/// import (`None`).
pub type Role = Option<Column>;

/// The role a header cell names, if any: «Содержание деятельности» → Content. Headers are
/// short; a long cell is text, whatever words it holds.
pub fn role_of(header: &str) -> Role {
    if header.chars().count() > 60 || header.contains('\n') && header.chars().count() > 40 {
        return None;
    }
    let h = header.to_lowercase();
    let has = |w: &str| h.contains(w);
    Some(if has("№") || has("п/п") || h.trim() == "номер" {
        Column::Number
    } else if has("документ") {
        Column::Evidence
    } else if has("отметка") || has("выполнени") && !has("срок") {
        Column::Completion
    } else if has("срок") {
        Column::Timeframe
    } else if has("ответствен") || has("исполнител") {
        Column::Executors
    } else if has("результат") || has("показател") {
        Column::Result
    } else if has("содержание") || has("наименование") || has("мероприяти") || has("деятельност")
    {
        Column::Content
    } else {
        return None;
    })
}

/// The roles of a header row: every cell names a role and one of them is the content.
pub fn header_roles(cells: &[String]) -> Option<Vec<Role>> {
    let roles: Vec<Role> = cells.iter().map(|c| role_of(c)).collect();
    let named = roles.iter().filter(|r| r.is_some()).count();
    let non_empty = cells.iter().filter(|c| !c.trim().is_empty()).count();
    (named >= 2 && named == non_empty && roles.contains(&Some(Column::Content))).then_some(roles)
}

/// Roles by position when the table has no header: a number column if the first column holds
/// only numbers, then content, timeframe, executors, result, evidence, completion.
pub fn guess_roles(width: usize, first_column_numbers: bool) -> Vec<Role> {
    // The roadmap's own order, the number aside.
    let order = Column::ALL.into_iter().filter(|c| *c != Column::Number);
    let mut roles = Vec::with_capacity(width);
    if first_column_numbers && width > 1 {
        roles.push(Some(Column::Number));
    }
    let rest = width - roles.len();
    roles.extend(order.map(Some).chain(std::iter::repeat(None)).take(rest));
    roles
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    /// Every column named: roles with no `None`.
    fn named(list: &[Column]) -> Vec<Role> {
        list.iter().copied().map(Some).collect()
    }

    #[test]
    fn the_seed_headers_are_recognised() {
        use Column::*;
        let taganrog = cells(&[
            "№ п/п",
            "Содержание деятельности",
            "Сроки реализации",
            "Ответственный исполнитель",
            "Отметка о выполнении",
        ]);
        assert_eq!(
            header_roles(&taganrog).unwrap(),
            named(&[Number, Content, Timeframe, Executors, Completion])
        );
        let surgut =
            cells(&["Наименование мероприятия (этапа контракта)", "Сроки", "Результат (целевые показатели)"]);
        assert_eq!(header_roles(&surgut).unwrap(), named(&[Content, Timeframe, Result]));
        let other = cells(&["Мероприятия", "Ответственные исполнители", "Документы, фиксирующие результат"]);
        assert_eq!(header_roles(&other).unwrap(), named(&[Content, Executors, Evidence]));
        assert_eq!(header_roles(&cells(&["1.", "Издание приказа", "16.02.2023"])), None);
        let text = cells(&[
            "Включить в перечень направлений деятельности Муниципального бюджетного образовательного учреждения",
            "Назначить ответственного за повышение квалификации",
        ]);
        assert_eq!(header_roles(&text), None);
    }

    #[test]
    fn roles_are_guessed_by_position_without_a_header() {
        use Column::*;
        assert_eq!(guess_roles(4, true), named(&[Number, Content, Timeframe, Executors]));
        assert_eq!(guess_roles(2, false), named(&[Content, Timeframe]));
        assert_eq!(guess_roles(1, true), named(&[Content]));
    }
}
