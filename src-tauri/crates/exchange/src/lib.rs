//! What Koordinator exchanges with other programs: roadmaps imported from Word tables, the
//! calendar's dated entries and ICS. Reading and recognising are pure; writing an import goes
//! through the store in the caller's transaction.

pub mod bundle;
pub mod calendar;
pub mod ics;
pub mod import;
pub mod results;
pub mod xlsx;
