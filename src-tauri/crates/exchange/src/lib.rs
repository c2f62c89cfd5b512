//! What Koordinator exchanges with other programs. Contract: pure functions from domain values
//! to dated entries and file contents (no store, no clock); the caller writes the file.

pub mod calendar;
pub mod ics;
