//! Исполнители: the people and organisations events, webinars and working groups name.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::Id;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ExecutorKind {
    /// A person: «Баркалова Е.В.», with position and organisation.
    Person,
    /// A body: «ИМЦ УО», «рабочая группа».
    Body,
}

/// Ответственный исполнитель.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Executor {
    pub id: Id,
    pub kind: ExecutorKind,
    /// «Баркалова Е.В.» or the body's name.
    pub name: String,
    /// As printed after the name, in the case the sentence needs: «начальник Управления образования г. Таганрога».
    pub position: String,
    /// The organisation in the nominative, for filtering: «МОБУ лицей № 7».
    pub organisation: String,
}

/// One entry of an executor filter: a person (or body) however many positions they were written
/// with («Баркалова Е.В.» and «Баркалова Е.В., муниципальный координатор» are one person).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ExecutorChoice {
    pub label: String,
    /// Every executor row of that person: an event of any of them passes the filter.
    pub ids: Vec<Id>,
}

/// The filter's entries for these executors (those in use): one per person, by name — case,
/// spaces and dots between initials do not make another person — in the order given.
pub fn executor_choices(executors: &[Executor]) -> Vec<ExecutorChoice> {
    let key = |x: &Executor| -> String {
        let kind = matches!(x.kind, ExecutorKind::Body);
        format!("{kind}{}", x.name.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_lowercase())
    };
    let mut out: Vec<(String, ExecutorChoice)> = Vec::new();
    for x in executors {
        let k = key(x);
        match out.iter_mut().find(|(known, _)| *known == k) {
            Some((_, c)) => c.ids.push(x.id),
            None => out.push((k, ExecutorChoice { label: x.name.clone(), ids: vec![x.id] })),
        }
    }
    out.into_iter().map(|(_, c)| c).collect()
}

impl Executor {
    /// «Баркалова Е.В., муниципальный координатор» — as the roadmap prints it.
    pub fn printed(&self) -> String {
        if self.position.is_empty() {
            self.name.clone()
        } else {
            format!("{}, {}", self.name, self.position)
        }
    }
}

/// An executor as the user types or the import reads it, before it is found or created in the
/// district: «Баркалова Е.В.», «муниципальный координатор».
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ExecutorDraft {
    pub kind: ExecutorKind,
    pub name: String,
    pub position: String,
    pub organisation: String,
}

impl Executor {
    pub fn draft(&self) -> ExecutorDraft {
        ExecutorDraft {
            kind: self.kind,
            name: self.name.clone(),
            position: self.position.clone(),
            organisation: self.organisation.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_person_is_one_filter_entry_however_written() {
        let x = |id, name: &str, position: &str| Executor {
            id,
            kind: ExecutorKind::Person,
            name: name.into(),
            position: position.into(),
            organisation: String::new(),
        };
        let body = Executor { kind: ExecutorKind::Body, ..x(5, "Баркалова Е.В.", "") };
        let choices = executor_choices(&[
            x(1, "Баркалова Е.В.", ""),
            x(2, "Баркалова Е.В.", "муниципальный координатор"),
            x(3, "Баркалова Е. В.", "главный специалист"),
            x(4, "Морозова О.Л.", "начальник"),
            body,
        ]);
        let got: Vec<(&str, &[Id])> = choices.iter().map(|c| (c.label.as_str(), c.ids.as_slice())).collect();
        assert_eq!(
            got,
            [("Баркалова Е.В.", &[1, 2, 3][..]), ("Морозова О.Л.", &[4][..]), ("Баркалова Е.В.", &[5][..])]
        );
    }
}
