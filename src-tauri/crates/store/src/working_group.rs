//! The `working_group` and `working_group_member` tables.

use domain::{Id, MemberRole, WorkingGroup, WorkingGroupMember};
use rusqlite::{params, Connection, Transaction};

use crate::{corrupt_column, executor, StoreError, StoreResult};

fn role_code(role: MemberRole) -> &'static str {
    match role {
        MemberRole::Chair => "chair",
        MemberRole::Deputy => "deputy",
        MemberRole::Secretary => "secretary",
        MemberRole::Member => "member",
    }
}

fn role(code: &str) -> Option<MemberRole> {
    [MemberRole::Chair, MemberRole::Deputy, MemberRole::Secretary, MemberRole::Member]
        .into_iter()
        .find(|r| role_code(*r) == code)
}

pub fn list(conn: &Connection) -> StoreResult<Vec<WorkingGroup>> {
    let mut groups: Vec<WorkingGroup> = conn
        .prepare("SELECT id, plan_id, title FROM working_group ORDER BY id")?
        .query_map([], |r| {
            Ok(WorkingGroup { id: r.get(0)?, plan_id: r.get(1)?, title: r.get(2)?, members: Vec::new() })
        })?
        .collect::<Result<_, _>>()?;
    let mut stmt = conn.prepare(&format!(
        "SELECT {}, working_group_member.role FROM working_group_member
         JOIN executor ON executor.id = working_group_member.executor_id
         WHERE working_group_member.working_group_id = ?1 ORDER BY working_group_member.position",
        executor::COLUMNS
    ))?;
    for g in &mut groups {
        g.members = stmt
            .query_map([g.id], |r| {
                let code: String = r.get(5)?;
                Ok(WorkingGroupMember {
                    executor: executor::from_row(r, 0)?,
                    role: role(&code).ok_or_else(|| corrupt_column(5, format!("роль «{code}»")))?,
                })
            })?
            .collect::<Result<_, _>>()?;
    }
    Ok(groups)
}

pub fn insert(
    tx: &Transaction,
    plan_id: Option<Id>,
    title: &str,
    members: &[(Id, MemberRole)],
) -> StoreResult<Id> {
    if title.trim().is_empty() {
        return Err(StoreError::invalid(domain::ErrorField::Title, "Укажите название рабочей группы"));
    }
    tx.execute("INSERT INTO working_group (plan_id, title) VALUES (?1, ?2)", params![plan_id, title.trim()])?;
    let id = tx.last_insert_rowid();
    let mut stmt =
        tx.prepare("INSERT INTO working_group_member (working_group_id, executor_id, role, position) VALUES (?1, ?2, ?3, ?4)")?;
    for (i, (executor_id, r)) in members.iter().enumerate() {
        stmt.execute(params![id, executor_id, role_code(*r), i as i64])?;
    }
    Ok(id)
}
