//! An order as the composer writes it: numbered points, some citing an annex. Annexes are
//! numbered in the order the points cite them, and each citing point says «(приложение N)».

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{AnnexKind, Id, Order, Orientation};

/// An annex before it has a number.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AnnexDraft {
    pub kind: AnnexKind,
    pub title: String,
    pub orientation: Orientation,
    #[ts(type = "number | null")]
    pub plan_id: Option<Id>,
    #[ts(type = "number | null")]
    pub working_group_id: Option<Id>,
}

/// A point of the order and the annex it approves, if any.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PointDraft {
    pub text: String,
    pub annex: Option<AnnexDraft>,
}

/// The text without its «(приложение N)» / «(приложение)».
fn without_citation(text: &str) -> String {
    let t = text.trim().trim_end_matches('.');
    let cut = t.rfind("(приложение").filter(|&i| t[i..].ends_with(')'));
    cut.map_or(t, |i| t[..i].trim_end()).to_owned()
}

/// The points' texts with their citations, and the annexes numbered by citation. With one
/// annex it is cited as «(приложение)», as ГОСТ Р 7.0.97 has it.
pub fn compose(points: &[PointDraft]) -> (Vec<String>, Vec<AnnexDraft>) {
    let cited = points.iter().filter(|p| p.annex.is_some()).count();
    let mut annexes = Vec::new();
    let texts = points
        .iter()
        .filter(|p| !p.text.trim().is_empty())
        .map(|p| {
            let base = without_citation(&p.text);
            match &p.annex {
                Some(a) => {
                    annexes.push(a.clone());
                    if cited == 1 {
                        format!("{base} (приложение).")
                    } else {
                        format!("{base} (приложение {}).", annexes.len())
                    }
                }
                None if p.text.trim().ends_with(['.', ':', ';']) => p.text.trim().to_owned(),
                None => format!("{}.", p.text.trim()),
            }
        })
        .collect();
    (texts, annexes)
}

/// The composer's points of a stored order: each annex goes back to the point citing it.
pub fn points_of(order: &Order) -> Vec<PointDraft> {
    let single = order.annexes.len() == 1;
    order
        .draft
        .points
        .iter()
        .map(|text| {
            let annex = order.annexes.iter().find(|a| {
                text.contains(&format!("(приложение {})", a.number))
                    || (single && text.contains("(приложение)"))
            });
            PointDraft { text: without_citation(text), annex: annex.map(|a| a.draft.clone()) }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Annex;

    fn annex(kind: AnnexKind) -> Option<AnnexDraft> {
        Some(AnnexDraft {
            kind,
            title: String::new(),
            orientation: Orientation::Portrait,
            plan_id: Some(1),
            working_group_id: None,
        })
    }

    fn point(text: &str, a: Option<AnnexDraft>) -> PointDraft {
        PointDraft { text: text.into(), annex: a }
    }

    #[test]
    fn annexes_are_numbered_as_the_points_cite_them() {
        let points = [
            point("Утвердить дорожную карту (приложение 3)", annex(AnnexKind::Roadmap)),
            point("Назначить координатора", None),
            point("Закрепить школы-наставники", annex(AnnexKind::Pairings)),
            point("", None),
            point("Контроль исполнения приказа оставляю за собой.", None),
        ];
        let (texts, annexes) = compose(&points);
        assert_eq!(
            texts,
            [
                "Утвердить дорожную карту (приложение 1).",
                "Назначить координатора.",
                "Закрепить школы-наставники (приложение 2).",
                "Контроль исполнения приказа оставляю за собой.",
            ]
        );
        assert_eq!(
            annexes.iter().map(|a| a.kind).collect::<Vec<_>>(),
            [AnnexKind::Roadmap, AnnexKind::Pairings]
        );
        let (one, _) = compose(&points[..2]);
        assert_eq!(one[0], "Утвердить дорожную карту (приложение).");
    }

    #[test]
    fn a_stored_order_comes_back_as_its_points() {
        let points = [
            point("Закрепить школы-наставники", annex(AnnexKind::Pairings)),
            point("Утвердить дорожную карту", annex(AnnexKind::Roadmap)),
        ];
        let (texts, annexes) = compose(&points);
        let order = Order {
            id: 1,
            draft: crate::OrderDraft {
                issuer: String::new(),
                date: chrono::NaiveDate::from_ymd_opt(2023, 2, 16).unwrap(),
                number: String::new(),
                place: String::new(),
                title: String::new(),
                preamble: String::new(),
                points: texts,
                signatory_position: String::new(),
                signatory_name: String::new(),
                executor_name: String::new(),
                executor_phone: String::new(),
            },
            annexes: annexes
                .iter()
                .enumerate()
                .map(|(i, a)| Annex { id: i as Id, number: i as i32 + 1, draft: a.clone() })
                .collect(),
        };
        assert_eq!(points_of(&order), points);
    }
}
