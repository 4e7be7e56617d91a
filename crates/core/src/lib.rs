//! The pure core of `credits`: money, pricing tables, cost math, the ledger and plan advice.
//!
//! Nothing here touches files, the clock, the network, a terminal or a database: every input
//! arrives as a value (a table's text, a date, a list of records) and every result leaves as
//! one. That is what lets the store, the application and the command line share it, and what
//! lets `fuzz.rs` throw arbitrary input at every public parser.

pub mod advice;
pub mod chart;
pub mod cost;
pub mod dates;
pub mod error;
pub mod ledger;
pub mod money;
pub mod pricing;
pub mod records;
pub mod shots;
pub mod slug;
pub mod text;
pub mod usage;

#[cfg(any(test, feature = "fuzzing"))]
pub mod fuzz;
