//! The history of changes: every change to the data file is one entry with a Russian label,
//! undone and redone as a whole.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::Id;

/// One change in «Журнал изменений», newest first in lists.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Change {
    pub id: Id,
    /// «Срок мероприятия 2.3 изменён».
    pub label: String,
    /// Local time, «2026-12-01T14:05:09».
    pub at: String,
    /// Taken back (it can be made again with «Повторить»).
    pub undone: bool,
    /// What it did, by kind of record.
    pub rows: Vec<RowCount>,
    /// The values it changed, old → new (the first few; ids and positions are not shown).
    #[serde(default)]
    pub edits: Vec<FieldEdit>,
}

/// One value a change changed: «срок мероприятия»: «Февраль 2023 г.» → «Март 2023 г.».
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct FieldEdit {
    pub what: String,
    pub old: String,
    pub new: String,
    /// The line the journal shows: «срок мероприятия: «Февраль 2023 г.» → «Март 2023 г.»».
    pub text: String,
}

impl FieldEdit {
    /// `old` and `new` as shown; «пусто» for an empty value stays unquoted.
    pub fn new(what: &str, old: String, new: String) -> FieldEdit {
        let shown = |v: &str| if v == EMPTY { v.to_owned() } else { crate::text::quoted(v) };
        let text = format!("{what}: {} → {}", shown(&old), shown(&new));
        FieldEdit { what: what.to_owned(), old, new, text }
    }
}

/// How the journal shows an empty value.
pub const EMPTY: &str = "пусто";

/// How many records of one kind a change added, changed and removed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RowCount {
    /// «мероприятия», «школы»…
    pub what: String,
    pub added: u32,
    pub changed: u32,
    pub removed: u32,
}

/// How many changes can be undone and redone now, and what the next of each is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct HistoryState {
    pub undo: u32,
    pub redo: u32,
    pub next_undo: Option<String>,
    pub next_redo: Option<String>,
    /// The change the next undo would take back: a note «Удалено … Отменить» keeps it and
    /// undoes exactly that change, or says it can no longer.
    pub next_undo_id: Option<i64>,
}

/// One backup of the data file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Backup {
    pub path: String,
    /// Local time it was made, «2026-12-01T14:05:09».
    pub at: String,
    pub size: u64,
    /// Why it was made: «вручную», «при запуске», «перед восстановлением» (the window and
    /// the CLI show it so two copies of the same minute can be told apart).
    pub kind: BackupKind,
    /// The kind in Russian, as the lists show it.
    pub label: String,
}

/// Why a backup was made; it is part of the file's name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum BackupKind {
    /// «Сделать копию» or `koordinator backup`.
    Manual,
    /// The day's first start.
    Daily,
    /// The state just before a restore: restoring it takes the restore back.
    BeforeRestore,
}

impl BackupKind {
    pub const ALL: [BackupKind; 3] = [BackupKind::Manual, BackupKind::Daily, BackupKind::BeforeRestore];

    /// The part of the file name after the date: «-вручную».
    pub fn suffix(self) -> &'static str {
        match self {
            BackupKind::Manual => "",
            BackupKind::Daily => "-при-запуске",
            BackupKind::BeforeRestore => "-до-восстановления",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            BackupKind::Manual => "вручную",
            BackupKind::Daily => "при запуске",
            BackupKind::BeforeRestore => "перед восстановлением",
        }
    }
}

/// What an undo or redo says it did: «Отменено: Срок мероприятия 2.3 изменён», and, when the
/// change was made elsewhere, that it was — so nobody takes back another person's work unawares.
pub fn step_message(undo: bool, label: &str, elsewhere: bool) -> String {
    let done = if undo { "Отменено" } else { "Повторено" };
    if elsewhere {
        format!("{done}: {label} — это изменение сделано в другом окне или в командной строке")
    } else {
        format!("{done}: {label}")
    }
}

/// An undo or redo in the window: the history's state after it and what it did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct HistoryStep {
    pub state: HistoryState,
    pub message: String,
}
