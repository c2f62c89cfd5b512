//! Long work the person can follow and stop: the worker reports steps («Запись мероприятий:
//! 1 200 из 20 000») and, at each step, learns whether it was asked to stop. Stopping is only
//! ever at a step, so whatever the work writes is rolled back whole by its caller.

use std::fmt;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use serde::Serialize;
use ts_rs::TS;

/// Where a long piece of work is: a Russian label and how far along it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct WorkStep {
    /// «Запись мероприятий», «Вёрстка страниц».
    pub label: String,
    pub done: usize,
    pub total: usize,
}

/// The person asked to stop.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cancelled;

impl fmt::Display for Cancelled {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Остановлено по вашей просьбе: ничего не записано.")
    }
}

impl std::error::Error for Cancelled {}

type Report = dyn Fn(WorkStep) + Send + Sync;

/// A handle the worker reports to; the default reports nowhere and is never cancelled (the
/// command line, tests).
#[derive(Clone, Default)]
pub struct Work {
    report: Option<Arc<Report>>,
    cancel: Option<Arc<AtomicBool>>,
}

impl fmt::Debug for Work {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Work").field("cancelled", &self.stopped()).finish()
    }
}

impl Work {
    pub fn new(report: impl Fn(WorkStep) + Send + Sync + 'static, cancel: Arc<AtomicBool>) -> Work {
        Work { report: Some(Arc::new(report)), cancel: Some(cancel) }
    }

    /// Whether the person asked to stop (for work that waits rather than steps: a child process).
    pub fn stopped(&self) -> bool {
        self.cancel.as_ref().is_some_and(|c| c.load(Ordering::Relaxed))
    }

    /// Reports a step; `Err` when the person asked to stop.
    pub fn step(&self, label: &str, done: usize, total: usize) -> Result<(), Cancelled> {
        if self.stopped() {
            return Err(Cancelled);
        }
        if let Some(report) = &self.report {
            report(WorkStep { label: label.to_owned(), done, total });
        }
        Ok(())
    }

    /// Reports every `every`-th item of a loop (and the last), so a long loop costs little.
    pub fn item(&self, label: &str, done: usize, total: usize, every: usize) -> Result<(), Cancelled> {
        if done.is_multiple_of(every.max(1)) || done + 1 == total {
            self.step(label, done, total)
        } else {
            Ok(())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Mutex;

    #[test]
    fn steps_are_reported_until_the_person_stops() {
        let seen = Arc::new(Mutex::new(Vec::new()));
        let cancel = Arc::new(AtomicBool::new(false));
        let log = seen.clone();
        let work = Work::new(move |p| log.lock().unwrap().push(p.done), cancel.clone());
        for i in 0..10 {
            work.item("Запись", i, 10, 4).unwrap();
        }
        assert_eq!(*seen.lock().unwrap(), [0, 4, 8, 9]);
        cancel.store(true, Ordering::Relaxed);
        assert_eq!(work.step("Запись", 10, 10), Err(Cancelled));
        assert_eq!(Work::default().step("Запись", 0, 1), Ok(()));
    }
}
