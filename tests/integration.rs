//! The cross-crate tests of the console program as one binary (one link instead of seven):
//! each file of this folder is a module. `hostile` and `crash` stay binaries of their own:
//! they measure and kill their children, and other tests' children in the same process would
//! blur what they measure.

mod cli;
mod documents;
mod exchange;
mod long_work;
mod region;
mod results;
mod safety;

/// What several of them share: running the console program.
mod support {
    pub mod cli;
}
