//! Unit tests of the ranking on small tables built in code.

use super::*;
use crate::pricing::schema;
use crate::usage;

fn table(text: &str) -> Platform {
    let raw = schema::read(text).unwrap();
    schema::build(raw, crate::pricing::Origin::Builtin("test".into()), None).unwrap()
}

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 21).unwrap()
}
