//! Рабочая группа: its members and their roles.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{Executor, Id};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum MemberRole {
    Chair,
    Deputy,
    Secretary,
    Member,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct WorkingGroupMember {
    pub executor: Executor,
    pub role: MemberRole,
}

/// Рабочая группа.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct WorkingGroup {
    pub id: Id,
    pub plan_id: Option<Id>,
    pub title: String,
    pub members: Vec<WorkingGroupMember>,
}
