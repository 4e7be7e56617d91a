//! The import parsers under the core's fuzz generators (`credits_core::fuzz`): any CSV or
//! JSON an import is given is read or refused with an error, never a panic.

use super::{read, Format, ReadOptions};
use chrono::DateTime;
use credits_core::fuzz::{config, date_text, number, text};
use proptest::prelude::*;

proptest! {
    #![proptest_config(config())]

    /// Any CSV an import is given: rows are read or refused with an error, never a panic.
    #[test]
    fn csv_import_never_panics(rows in prop::collection::vec(
        (text(), text(), number(), date_text(), text(), text()), 0..6)
    ) {
        let mut csv = String::from("at,platform,model,duration,project,tags,credits\n");
        for (platform, model, n, at, project, tags) in rows {
            let q = |s: &str| format!("\"{}\"", s.replace('"', "\"\""));
            csv.push_str(&format!("{},{},{},{n},{},{},{n}\n", q(&at), q(&platform), q(&model), q(&project), q(&tags)));
        }
        let now = DateTime::parse_from_rfc3339("2026-11-21T12:00:00Z").unwrap();
        let opts = ReadOptions::new("fuzz.csv", now);
        let _ = read(csv.as_bytes(), Format::Csv, &opts, &mut |_| Ok(()));
    }

    /// Any JSON an import is given, well-formed or not.
    #[test]
    fn json_import_never_panics(rows in prop::collection::vec(
        (text(), number(), date_text(), text()), 0..5), junk in text()
    ) {
        let entries: Vec<String> = rows
            .iter()
            .map(|(model, n, at, note)| format!(
                "{{\"at\": {}, \"platform\": \"runway\", \"model\": {}, \"credits\": {n}, \"note\": {}}}",
                serde_json::to_string(at).unwrap(),
                serde_json::to_string(model).unwrap(),
                serde_json::to_string(note).unwrap()
            ))
            .collect();
        let now = DateTime::parse_from_rfc3339("2026-11-21T12:00:00Z").unwrap();
        let opts = ReadOptions::new("fuzz.json", now);
        for doc in [
            format!("[{}]", entries.join(",")),
            format!("{{\"format\": \"credits\", \"version\": 1, \"entries\": [{}]}}", entries.join(",")),
            format!("[{}{junk}", entries.join(",")),
        ] {
            let _ = read(doc.as_bytes(), Format::Json, &opts, &mut |_| Ok(()));
        }
    }

}
