//! The `order`, `order_point` and `annex` tables.

use domain::{Annex, AnnexDraft, AnnexKind, Id, Order, OrderDraft, Orientation, PointDraft};
use rusqlite::{params, Connection, OptionalExtension, Transaction};

use crate::{corrupt_column, StoreError, StoreResult};

pub fn list(conn: &Connection) -> StoreResult<Vec<Order>> {
    let ids: Vec<Id> = conn
        .prepare("SELECT id FROM \"order\" ORDER BY date DESC, id")?
        .query_map([], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    ids.into_iter().map(|id| get(conn, id)).collect()
}

pub fn get(conn: &Connection, id: Id) -> StoreResult<Order> {
    let mut order = conn
        .query_row(
            "SELECT issuer, date, number, place, title, preamble, signatory_position, signatory_name, executor_name, executor_phone
             FROM \"order\" WHERE id = ?1",
            [id],
            |r| {
                Ok(Order {
                    id,
                    draft: OrderDraft {
                        issuer: r.get("issuer")?,
                        date: r.get("date")?,
                        number: r.get("number")?,
                        place: r.get("place")?,
                        title: r.get("title")?,
                        preamble: r.get("preamble")?,
                        points: Vec::new(),
                        signatory_position: r.get("signatory_position")?,
                        signatory_name: r.get("signatory_name")?,
                        executor_name: r.get("executor_name")?,
                        executor_phone: r.get("executor_phone")?,
                    },
                    annexes: Vec::new(),
                })
            },
        )
        .optional()?
        .ok_or(StoreError::NotFound { what: "приказа", id })?;
    order.draft.points = conn
        .prepare("SELECT text FROM order_point WHERE order_id = ?1 ORDER BY position")?
        .query_map([id], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    order.annexes = conn
        .prepare(
            "SELECT id, number, kind, title, orientation, plan_id, working_group_id FROM annex WHERE order_id = ?1 ORDER BY number",
        )?
        .query_map([id], |r| {
            let kind: String = r.get("kind")?;
            let orientation: String = r.get("orientation")?;
            Ok(Annex {
                id: r.get("id")?,
                number: r.get("number")?,
                draft: AnnexDraft {
                    kind: annex_kind(&kind)
                        .ok_or_else(|| corrupt_column(r.as_ref().column_index("kind").unwrap_or(0), format!("вид приложения «{kind}»")))?,
                    title: r.get("title")?,
                    orientation: if orientation == "landscape" { Orientation::Landscape } else { Orientation::Portrait },
                    plan_id: r.get("plan_id")?,
                    working_group_id: r.get("working_group_id")?,
                },
            })
        })?
        .collect::<Result<_, _>>()?;
    Ok(order)
}

fn annex_kind(code: &str) -> Option<AnnexKind> {
    Some(match code {
        "roadmap" => AnnexKind::Roadmap,
        "pairings" => AnnexKind::Pairings,
        "working_group" => AnnexKind::WorkingGroup,
        "schools" => AnnexKind::Schools,
        "webinars" => AnnexKind::Webinars,
        "overview" => AnnexKind::Overview,
        "effectiveness" => AnnexKind::Effectiveness,
        _ => return None,
    })
}

fn annex_code(kind: AnnexKind) -> &'static str {
    match kind {
        AnnexKind::Roadmap => "roadmap",
        AnnexKind::Pairings => "pairings",
        AnnexKind::WorkingGroup => "working_group",
        AnnexKind::Schools => "schools",
        AnnexKind::Webinars => "webinars",
        AnnexKind::Overview => "overview",
        AnnexKind::Effectiveness => "effectiveness",
    }
}

/// Creates (`id` = None) or rewrites an order from the composer: its points cite their annexes,
/// numbered in citation order; a roadmap annex makes the order the plan's approving order.
pub fn save(tx: &Transaction, id: Option<Id>, o: &OrderDraft, points: &[PointDraft]) -> StoreResult<Id> {
    let (texts, annexes) = domain::compose(points);
    if texts.is_empty() {
        return Err(StoreError::invalid(domain::ErrorField::Points, "В приказе нет ни одного пункта"));
    }
    let draft = OrderDraft { points: texts, ..o.clone() };
    check(&draft)?;
    let id = match id {
        None => insert(tx, &draft, &annexes)?,
        Some(id) => {
            let n = tx.execute(
                "UPDATE \"order\" SET issuer = ?2, date = ?3, number = ?4, place = ?5, title = ?6, preamble = ?7,
                 signatory_position = ?8, signatory_name = ?9, executor_name = ?10, executor_phone = ?11 WHERE id = ?1",
                params![
                    id,
                    draft.issuer.trim(),
                    draft.date,
                    draft.number.trim(),
                    draft.place.trim(),
                    draft.title.trim(),
                    draft.preamble.trim(),
                    draft.signatory_position.trim(),
                    draft.signatory_name.trim(),
                    draft.executor_name.trim(),
                    draft.executor_phone.trim()
                ],
            )?;
            if n == 0 {
                return Err(StoreError::NotFound { what: "приказа", id });
            }
            tx.execute("DELETE FROM order_point WHERE order_id = ?1", [id])?;
            tx.execute("DELETE FROM annex WHERE order_id = ?1", [id])?;
            insert_children(tx, id, &draft, &annexes)?;
            id
        }
    };
    for a in annexes.iter().filter(|a| a.kind == AnnexKind::Roadmap) {
        if let Some(plan) = a.plan_id {
            crate::plan::set_approving_order(tx, plan, Some(id))?;
        }
    }
    Ok(id)
}

/// What every order needs, new or rewritten: a number and a title. One place, so that a
/// rewrite cannot empty what a new order must have (the title was checked for new ones only).
fn check(o: &OrderDraft) -> StoreResult<()> {
    if o.number.trim().is_empty() {
        return Err(StoreError::invalid(domain::ErrorField::Number, "Укажите номер приказа"));
    }
    if o.title.trim().is_empty() {
        return Err(StoreError::invalid(domain::ErrorField::Title, "Укажите заголовок приказа"));
    }
    Ok(())
}

/// Inserts an order with its points and annexes (numbered 1, 2, … in the given order).
pub fn insert(tx: &Transaction, o: &OrderDraft, annexes: &[AnnexDraft]) -> StoreResult<Id> {
    check(o)?;
    tx.execute(
        "INSERT INTO \"order\" (issuer, date, number, place, title, preamble, signatory_position, signatory_name, executor_name, executor_phone)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        params![
            o.issuer.trim(),
            o.date,
            o.number.trim(),
            o.place.trim(),
            o.title.trim(),
            o.preamble.trim(),
            o.signatory_position.trim(),
            o.signatory_name.trim(),
            o.executor_name.trim(),
            o.executor_phone.trim()
        ],
    )?;
    let id = tx.last_insert_rowid();
    insert_children(tx, id, o, annexes)?;
    Ok(id)
}

/// The order's points and annexes (numbered 1, 2, … in the given order).
fn insert_children(tx: &Transaction, id: Id, o: &OrderDraft, annexes: &[AnnexDraft]) -> StoreResult<()> {
    let mut stmt = tx.prepare("INSERT INTO order_point (order_id, position, text) VALUES (?1, ?2, ?3)")?;
    for (i, p) in o.points.iter().enumerate() {
        stmt.execute(params![id, i as i64 + 1, p.trim()])?;
    }
    let mut stmt = tx.prepare(
        "INSERT INTO annex (order_id, number, kind, title, orientation, plan_id, working_group_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    for (i, a) in annexes.iter().enumerate() {
        let orientation = match a.orientation {
            Orientation::Portrait => "portrait",
            Orientation::Landscape => "landscape",
        };
        stmt.execute(params![
            id,
            i as i64 + 1,
            annex_code(a.kind),
            a.title.trim(),
            orientation,
            a.plan_id,
            a.working_group_id
        ])?;
    }
    Ok(())
}
