//! Приказ and its annexes, as the composer writes it: numbered points, some citing an annex. Annexes are
//! numbered in the order the points cite them, and each citing point says «(приложение N)».

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::declension::{self, Case};
use chrono::NaiveDate;

use crate::{Id, Plan, WorkingGroup};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum AnnexKind {
    Roadmap,
    Pairings,
    WorkingGroup,
    Schools,
    Webinars,
    /// «Ход реализации дорожной карты на <дата приказа>».
    Overview,
    /// «Аналитическая справка о результатах и эффективности мер поддержки…».
    Effectiveness,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Orientation {
    Portrait,
    Landscape,
}

/// Приложение к приказу.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Annex {
    pub id: Id,
    pub number: i32,
    #[serde(flatten)]
    pub draft: crate::AnnexDraft,
}

/// Приказ.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Order {
    pub id: Id,
    #[serde(flatten)]
    pub draft: OrderDraft,
    pub annexes: Vec<Annex>,
}

/// What the user writes for an order: its requisites, text and signature.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct OrderDraft {
    pub issuer: String,
    pub date: NaiveDate,
    pub number: String,
    pub place: String,
    pub title: String,
    pub preamble: String,
    pub points: Vec<String>,
    pub signatory_position: String,
    pub signatory_name: String,
    pub executor_name: String,
    pub executor_phone: String,
}

/// An annex before it has a number.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AnnexDraft {
    pub kind: AnnexKind,
    pub title: String,
    pub orientation: Orientation,
    pub plan_id: Option<Id>,
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

/// A ready wording the composer offers: its button's label and the point it adds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ReadyPoint {
    pub label: String,
    pub point: PointDraft,
}

/// The usual points of an order about `plan`, worded in the cases Russian needs: «Утвердить
/// муниципальную дорожную карту …», «Назначить муниципальным координатором Смирнову О.П.,
/// главного специалиста …». The texts are proposals the person edits before printing.
pub fn ready_points(plan: Option<&Plan>, group: Option<&WorkingGroup>) -> Vec<ReadyPoint> {
    let annex = |kind: AnnexKind, plan_id: Option<Id>, working_group_id: Option<Id>| AnnexDraft {
        kind,
        title: String::new(),
        orientation: if kind == AnnexKind::Roadmap { Orientation::Landscape } else { Orientation::Portrait },
        plan_id,
        working_group_id,
    };
    let ready = |label: &str, text: String, annex: Option<AnnexDraft>| ReadyPoint {
        label: label.to_owned(),
        point: PointDraft { text, annex },
    };
    let plan_id = plan.map(|p| p.id);
    let mut out = vec![
        ready(
            "Утвердить дорожную карту",
            format!(
                "Утвердить {}",
                plan.map_or("дорожную карту".to_owned(), |p| plan_title_in(
                    &p.title,
                    Case::Accusative
                ))
            ),
            Some(annex(AnnexKind::Roadmap, plan_id, None)),
        ),
        ready(
            "Закрепить школы-наставники",
            "Закрепить за курируемыми школами школы-наставники".to_owned(),
            Some(annex(AnnexKind::Pairings, None, None)),
        ),
    ];
    if let Some(g) = group {
        out.push(ready(
            "Утвердить состав рабочей группы",
            format!("Утвердить состав рабочей группы {}", crate::text::quoted(&g.title)),
            Some(annex(AnnexKind::WorkingGroup, None, Some(g.id))),
        ));
    }
    let coordinator = plan.and_then(|p| p.coordinator.as_ref()).map_or("…".to_owned(), |c| {
        let who = declension::person(&c.name, Case::Accusative);
        match c.position.trim() {
            "" => who,
            position => format!("{who}, {}", declension::position(position, Case::Accusative)),
        }
    });
    out.push(ready(
        "Назначить муниципального координатора",
        format!("Назначить муниципальным координатором {coordinator}"),
        None,
    ));
    out.push(ready(
        "Принять к сведению ход реализации",
        "Принять к сведению ход реализации дорожной карты на дату приказа".to_owned(),
        Some(annex(AnnexKind::Overview, plan_id, None)),
    ));
    out.push(ready(
        "Принять к сведению аналитическую справку",
        "Принять к сведению аналитическую справку о результатах и эффективности мер поддержки школ с низкими \
         образовательными результатами"
            .to_owned(),
        Some(annex(AnnexKind::Effectiveness, None, None)),
    ));
    out.push(ready("Контроль исполнения", "Контроль исполнения приказа оставляю за собой".to_owned(), None));
    out
}

/// The order's usual title: «Об утверждении муниципальной дорожной карты …».
pub fn order_title(plan: &Plan) -> String {
    format!("Об утверждении {}", plan_title_in(&plan.title, Case::Genitive))
}

/// The title the order's points call for: «Об утверждении …» while a point approves something
/// (an annex of the roadmap, the pairings, the working group, the schools, the webinars),
/// «О ходе реализации …» when the points only take note of how the plan goes, «О результатах
/// и эффективности мер поддержки …» when they only take note of the справка; None when the
/// points say nothing either way (the person's title stays).
pub fn order_title_for(plan: &Plan, points: &[PointDraft]) -> Option<String> {
    let kinds: Vec<AnnexKind> = points.iter().filter_map(|p| p.annex.as_ref().map(|a| a.kind)).collect();
    let noting = |k: &AnnexKind| matches!(k, AnnexKind::Overview | AnnexKind::Effectiveness);
    if kinds.iter().any(|k| !noting(k)) {
        return Some(order_title(plan));
    }
    let genitive = plan_title_in(&plan.title, Case::Genitive);
    match (kinds.contains(&AnnexKind::Overview), kinds.contains(&AnnexKind::Effectiveness)) {
        (true, _) => Some(format!("О ходе реализации {genitive}")),
        (false, true) => Some(
            "О результатах и эффективности мер поддержки школ с низкими образовательными результатами"
                .to_owned(),
        ),
        (false, false) => None,
    }
}

/// A plan's title in the case a point needs: «Дорожная карта …» → «дорожную карту …»
/// (accusative) or «дорожной карты …» (genitive); another title is quoted after the noun.
pub fn plan_title_in(title: &str, case: Case) -> String {
    let (adjective, noun) = match case {
        Case::Genitive => ("муниципальной ", "дорожной карты"),
        Case::Dative => ("муниципальной ", "дорожной карте"),
        _ => ("муниципальную ", "дорожную карту"),
    };
    let title = crate::text::one_line(title);
    let title = title.as_str();
    let lower = title.trim().to_lowercase();
    let (municipal, rest) = match lower.strip_prefix("муниципальная ") {
        Some(r) => (true, r.trim_start()),
        None => (false, lower.as_str()),
    };
    match rest.strip_prefix("дорожная карта") {
        Some(tail) => {
            // The tail as the person wrote it (its capitals), taken from the original.
            let all = title.trim().chars().count();
            let tail: String = title.trim().chars().skip(all - tail.chars().count()).collect();
            let tail = tail.trim();
            let head = format!("{}{noun}", if municipal { adjective } else { "" });
            if tail.is_empty() {
                head
            } else {
                format!("{head} {tail}")
            }
        }
        None => format!("{noun} {}", crate::text::quoted(title.trim())),
    }
}

/// «Морозова О.Л., начальник Управления образования» → («Морозова О.Л.», «начальник
/// Управления образования»): the profile's one line for a person split at its first comma.
fn name_and_position(line: &str) -> (String, String) {
    match line.split_once(',') {
        Some((name, position)) => (name.trim().to_owned(), position.trim().to_owned()),
        None => (line.trim().to_owned(), String::new()),
    }
}

/// A name as a signature prints it (ГОСТ Р 7.0.97): initials before the surname, «Морозова О.Л.»
/// → «О.Л. Морозова». Anything else (full names, a name already so) is left as typed.
fn initials_first(name: &str) -> String {
    let words: Vec<&str> = name.split_whitespace().collect();
    let initials = |w: &str| {
        let letters: Vec<&str> = w.split('.').filter(|p| !p.is_empty()).collect();
        w.ends_with('.')
            && !letters.is_empty()
            && letters.iter().all(|p| p.chars().count() == 1 && p.chars().all(char::is_uppercase))
    };
    match words.as_slice() {
        [surname, rest @ ..]
            if !rest.is_empty() && rest.iter().all(|w| initials(w)) && !initials(surname) =>
        {
            format!("{} {surname}", rest.concat())
        }
        _ => name.trim().to_owned(),
    }
}

/// The draft a new order starts from, so that nothing the district already told is typed
/// again: what stays the same is carried over from the previous order (issuer, place,
/// signatory, executor and phone); what is missing comes from the district's profile (issuer,
/// the district as the place, who signs — as a signature prints it —, the coordinator as
/// executor); the executor follows the chosen plan's coordinator.
pub fn new_order(
    profile: &crate::DistrictProfile,
    plan: Option<&Plan>,
    previous: Option<&crate::OrderDraft>,
    today: chrono::NaiveDate,
) -> crate::OrderDraft {
    let or = |a: &str, b: &str| if a.trim().is_empty() { b.trim().to_owned() } else { a.trim().to_owned() };
    let prev = |f: fn(&crate::OrderDraft) -> &String| previous.map(|p| f(p).clone()).unwrap_or_default();
    let (head_name, head_position) = name_and_position(&profile.head);
    let (coordinator, _) = name_and_position(&profile.coordinator);
    let plan_executor = plan.and_then(|p| p.coordinator.as_ref()).map(|c| c.name.clone()).unwrap_or_default();
    crate::OrderDraft {
        issuer: or(&or(&prev(|p| &p.issuer), plan.map_or("", |p| p.issuer.as_str())), &profile.issuer),
        date: today,
        number: String::new(),
        place: or(&prev(|p| &p.place), &profile.district),
        title: String::new(),
        preamble: String::new(),
        points: Vec::new(),
        signatory_position: or(&prev(|p| &p.signatory_position), &crate::text::upper_first(&head_position)),
        signatory_name: or(&prev(|p| &p.signatory_name), &initials_first(&head_name)),
        executor_name: or(&or(&plan_executor, &prev(|p| &p.executor_name)), &coordinator),
        executor_phone: prev(|p| &p.executor_phone),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Annex;

    fn plan(title: &str) -> Plan {
        Plan {
            id: 7,
            title: title.into(),
            period: "2022-09-01..2023-08-31".parse().unwrap(),
            issuer: String::new(),
            coordinator: Some(crate::Executor {
                id: 1,
                kind: crate::ExecutorKind::Person,
                name: "Смирнова О.П.".into(),
                position: "главный специалист сектора развития".into(),
                organisation: String::new(),
            }),
            goal: String::new(),
            tasks: Vec::new(),
            approving_order_id: None,
        }
    }

    #[test]
    fn a_new_order_starts_from_the_profile_the_previous_order_and_the_plan() {
        let profile = crate::DistrictProfile {
            issuer: "Управление образования г. Таганрога".into(),
            issuer_genitive: "Управления образования г. Таганрога".into(),
            coordinator: "Баркалова Е.В., главный специалист".into(),
            head: "Морозова О.Л., начальник Управления образования".into(),
            oktmo: String::new(),
            district: "г. Таганрог".into(),
        };
        let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 4).unwrap();
        let first = new_order(&profile, None, None, today);
        assert_eq!(first.issuer, "Управление образования г. Таганрога");
        assert_eq!(
            (first.signatory_name.as_str(), first.signatory_position.as_str()),
            ("О.Л. Морозова", "Начальник Управления образования")
        );
        assert_eq!(first.place, "г. Таганрог");
        assert_eq!(first.executor_name, "Баркалова Е.В.");
        assert_eq!(first.date, today);
        // The previous order's choices stay; the chosen plan's coordinator is the executor.
        let mut previous = first.clone();
        previous.signatory_name = "Иванова А.А.".into();
        previous.signatory_position = "заместитель начальника".into();
        previous.executor_phone = "8 (8634) 00-00-00".into();
        previous.number = "391".into();
        let mut p = plan("Дорожная карта");
        p.coordinator = Some(crate::Executor {
            id: 1,
            kind: crate::ExecutorKind::Person,
            name: "Смирнова О.П.".into(),
            position: String::new(),
            organisation: String::new(),
        });
        let next = new_order(&profile, Some(&p), Some(&previous), today);
        assert_eq!(next.signatory_name, "Иванова А.А.");
        assert_eq!(next.executor_phone, "8 (8634) 00-00-00");
        assert_eq!(next.executor_name, "Смирнова О.П.");
        assert_eq!(next.number, "", "a number is never carried over");
        // Nothing known: empty fields, never a guess.
        let blank = new_order(&crate::DistrictProfile::default(), None, None, today);
        assert_eq!(
            (blank.issuer.as_str(), blank.signatory_name.as_str(), blank.executor_name.as_str()),
            ("", "", "")
        );
    }

    #[test]
    fn a_signature_prints_the_initials_first() {
        assert_eq!(initials_first("Морозова О.Л."), "О.Л. Морозова");
        assert_eq!(initials_first("Морозова О. Л."), "О.Л. Морозова");
        assert_eq!(initials_first("Петров-Водкин К.С."), "К.С. Петров-Водкин");
        for kept in ["О.Л. Морозова", "Морозова Ольга Леонидовна", "Морозова", "", "Морозова о.л."]
        {
            assert_eq!(initials_first(kept), kept);
        }
    }

    #[test]
    fn a_title_in_a_point_is_one_line_with_inner_quotes() {
        assert_eq!(
            plan_title_in("План «Школа»\nнового   типа", Case::Accusative),
            "дорожную карту «План „Школа“ нового типа»"
        );
        assert_eq!(
            plan_title_in("Дорожная карта («дорожная карта»)\nпо работе", Case::Genitive),
            "дорожной карты («дорожная карта») по работе"
        );
        // A working group's title in a point: its own quotes become the inner „…“.
        let group =
            WorkingGroup {
                id: 1, plan_id: None, title: "Группа «Школа успеха»".into(), members: Vec::new()
            };
        let points = ready_points(None, Some(&group));
        assert!(
            points.iter().any(|r| r.point.text == "Утвердить состав рабочей группы «Группа „Школа успеха“»"),
            "{:?}",
            points.iter().map(|r| &r.point.text).collect::<Vec<_>>()
        );
    }

    #[test]
    fn ready_points_are_worded_in_the_right_cases() {
        let p = plan("Муниципальная дорожная карта сопровождения ШНОР в 2022-2023 учебном году");
        let points = ready_points(Some(&p), None);
        let text = |label: &str| points.iter().find(|r| r.label == label).unwrap().point.text.clone();
        assert_eq!(
            text("Утвердить дорожную карту"),
            "Утвердить муниципальную дорожную карту сопровождения ШНОР в 2022-2023 учебном году"
        );
        assert_eq!(
            text("Назначить муниципального координатора"),
            "Назначить муниципальным координатором Смирнову О.П., главного специалиста сектора развития"
        );
        assert_eq!(
            order_title(&p),
            "Об утверждении муниципальной дорожной карты сопровождения ШНОР в 2022-2023 учебном году"
        );
        assert_eq!(
            order_title(&plan("План работы со ШНОР")),
            "Об утверждении дорожной карты «План работы со ШНОР»"
        );
        // The title follows the points: approving, or only taking note of the plan's course.
        let only = |label: &str| vec![points.iter().find(|r| r.label == label).unwrap().point.clone()];
        assert_eq!(order_title_for(&p, &only("Утвердить дорожную карту")), Some(order_title(&p)));
        assert_eq!(
            order_title_for(&p, &only("Принять к сведению ход реализации")).as_deref(),
            Some(
                "О ходе реализации муниципальной дорожной карты сопровождения ШНОР в 2022-2023 учебном году"
            )
        );
        assert_eq!(order_title_for(&p, &only("Контроль исполнения")), None);
        // Roadmap, mentors, overview and the справка on results.
        assert_eq!(points.iter().filter(|r| r.point.annex.is_some()).count(), 4);
        assert_eq!(ready_points(None, None)[2].point.text, "Назначить муниципальным координатором …");
    }

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
