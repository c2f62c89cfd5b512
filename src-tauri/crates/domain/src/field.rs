//! The form fields a refused value can belong to: the window marks the field by this name and
//! shows the message beside it. A closed list, so a form and the store cannot drift apart on a
//! spelling (each name is the draft's field the form edits).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ErrorField {
    // A plan and an order.
    Title,
    Period,
    Number,
    Issuer,
    Points,
    // A school and the district.
    Name,
    ShortName,
    Code,
    Inn,
    Oktmo,
    Statuses,
    // Mentoring, webinars, executors.
    MentorSchoolId,
    End,
    Executors,
    DurationMinutes,
    Weekday,
    Count,
    // Results and indicators.
    Year,
    Value,
}
