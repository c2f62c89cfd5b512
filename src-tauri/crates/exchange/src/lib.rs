//! What Koordinator exchanges with other programs. Contract: pure functions from domain values
//! to file contents (no store, no clock); the caller writes the file.

pub mod ics;
