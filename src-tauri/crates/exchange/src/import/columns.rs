//! Column roles of a roadmap table, recognised from the header's words.

pub use domain::Column;

/// What a column of the imported table holds: one of the roadmap's columns, or nothing to
/// import (`None`).
pub type Role = Option<Column>;

/// The role a header cell names, if any: «Содержание деятельности» → Content (the vocabulary
/// lives in [`super::layout`]).
pub fn role_of(header: &str) -> Role {
    super::layout::column_named(header)
}

/// The roles of a header row: every cell names a role and one of them is the content.
pub fn header_roles(cells: &[String]) -> Option<Vec<Role>> {
    let roles: Vec<Role> = cells.iter().map(|c| role_of(c)).collect();
    let named = roles.iter().filter(|r| r.is_some()).count();
    let non_empty = cells.iter().filter(|c| !c.trim().is_empty()).count();
    (named >= 2 && named == non_empty && roles.contains(&Some(Column::Content))).then_some(roles)
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
}
