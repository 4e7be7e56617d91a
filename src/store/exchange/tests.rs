//! Tests of export and import, each on fresh in-memory databases.

use super::*;
use crate::store::{GroupKey, ReportRow};

fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

fn opts(source: &str) -> ImportOptions {
    ImportOptions {
        source: source.into(),
        default_offset: FixedOffset::east_opt(3600).unwrap(),
        now: DateTime::parse_from_rfc3339("2026-05-10T12:00:00Z")
            .unwrap()
            .with_timezone(&Utc),
        progress_every: 2,
    }
}

/// Prices like the caller would: 0.01 USD per credit, 10 credits a clip unless given.
fn price(row: &ImportRow) -> Result<Priced> {
    if row.model == "no-such-model" {
        bail!("unknown model `{}`", row.model);
    }
    let credits = row.credits.unwrap_or(Decimal::from(10 * row.count));
    Ok(Priced {
        credits,
        cost: Some(Money {
            amount: credits * d("0.01"),
            currency: "USD".into(),
        }),
        pricing: "test plan".into(),
    })
}

fn import_str(store: &mut Store, text: &str, format: Format) -> Result<ImportSummary> {
    store.import(text.as_bytes(), format, &opts("log.csv"), price, None)
}

fn count(store: &Store) -> usize {
    store.entries(&Filter::default()).unwrap().len()
}

/// A log with a bit of everything: offsets, tags, statuses, unknown cost, notes with commas.
fn sample() -> Store {
    let mut store = Store::open_in_memory().unwrap();
    let rows = [
        (
            "2026-04-30T23:30:00-04:00",
            "ad",
            "10",
            Some("0.1"),
            vec![("client", "acme")],
        ),
        (
            "2026-05-02T10:00:00+02:00",
            "ad",
            "2.5",
            Some("0.025"),
            vec![],
        ),
        (
            "2026-05-03T10:00:00Z",
            "trailer",
            "40",
            None,
            vec![("client", "globex"), ("shot", "a=b")],
        ),
        (
            "2026-05-03T11:00:00Z",
            "trailer",
            "0.001",
            Some("0.000001"),
            vec![],
        ),
    ];
    for (i, (at, project, credits, cost, tags)) in rows.into_iter().enumerate() {
        let id = store
            .insert_entry(&NewEntry {
                at: DateTime::parse_from_rfc3339(at).unwrap(),
                platform: "runway".into(),
                model: "gen4".into(),
                duration: Some(d("5.5")),
                resolution: Some("720p".into()),
                audio: Some(i % 2 == 0),
                refs: Some(1),
                count: 2,
                credits: d(credits),
                cost: cost.map(|c| Money {
                    amount: d(c),
                    currency: "USD".into(),
                }),
                pricing: if cost.is_some() {
                    "account plan Pro, monthly"
                } else {
                    "unpriced"
                }
                .into(),
                project: Some(project.into()),
                tags: tags
                    .into_iter()
                    .map(|(k, v)| (k.to_string(), v.to_string()))
                    .collect(),
                note: Some(format!(" take {i}, \"quoted\"\nsecond line")),
                kept: i != 1,
                ..NewEntry::default()
            })
            .unwrap();
        if i == 2 {
            store.set_status(id, Status::Refunded).unwrap();
        }
        if i == 3 {
            store.set_status(id, Status::Failed).unwrap();
        }
    }
    store
}

fn full_report(store: &Store) -> Vec<ReportRow> {
    store
        .report(
            &Filter::default(),
            &[
                GroupKey::Project,
                GroupKey::Month,
                GroupKey::Tag("client".into()),
            ],
        )
        .unwrap()
}

fn without_ids(store: &Store) -> Vec<Entry> {
    let mut entries = store.entries(&Filter::default()).unwrap();
    for e in &mut entries {
        e.id = 0;
    }
    entries
}

#[test]
fn export_then_import_into_a_fresh_database_gives_the_same_report() {
    for format in [Format::Csv, Format::Json] {
        let source = sample();
        let mut out = Vec::new();
        assert_eq!(
            source.export(&Filter::default(), format, &mut out).unwrap(),
            4
        );
        let mut fresh = Store::open_in_memory().unwrap();
        let summary = fresh
            .import(
                out.as_slice(),
                format,
                &opts("export"),
                |_: &ImportRow| -> Result<Priced> { panic!("snapshots are not re-priced") },
                None,
            )
            .unwrap();
        assert_eq!(
            summary,
            ImportSummary {
                rows: 4,
                added: 4,
                present: 0
            }
        );
        assert_eq!(full_report(&fresh), full_report(&source), "{format}");
        assert_eq!(without_ids(&fresh), without_ids(&source), "{format}");

        // And back into the database it came from: nothing new.
        let mut source = source;
        let again = source
            .import(out.as_slice(), format, &opts("export"), price, None)
            .unwrap();
        assert_eq!(again.added, 0);
        assert_eq!(again.present, 4);
    }
}

#[test]
fn export_formats_look_as_documented() {
    let store = sample();
    let mut csv_out = Vec::new();
    store
        .export(
            &Filter {
                project: Some("trailer".into()),
                ..Filter::default()
            },
            Format::Csv,
            &mut csv_out,
        )
        .unwrap();
    let text = String::from_utf8(csv_out).unwrap();
    let mut lines = text.lines();
    assert_eq!(lines.next().unwrap(), COLUMNS.join(","));
    assert!(
        lines
            .next()
            .unwrap()
            .starts_with("2026-05-03T10:00:00Z,runway,gen4,5.5,720p,true,1,,,2,40,,,unpriced,trailer,client=globex;shot=a=b,"),
        "{text}"
    );

    let mut json_out = Vec::new();
    store
        .export(&Filter::default(), Format::Json, &mut json_out)
        .unwrap();
    let value: serde_json::Value = serde_json::from_slice(&json_out).unwrap();
    let first = &value[0];
    assert_eq!(first["at"], "2026-04-30T23:30:00-04:00");
    assert_eq!(first["credits"], "10");
    assert_eq!(first["cost"], "0.1");
    assert_eq!(first["duration"], "5.5");
    assert_eq!(first["tags"]["client"], "acme");
    assert_eq!(value[2]["cost"], serde_json::Value::Null);
    assert_eq!(value[2]["status"], "refunded");

    let mut empty = Vec::new();
    Store::open_in_memory()
        .unwrap()
        .export(&Filter::default(), Format::Json, &mut empty)
        .unwrap();
    assert_eq!(empty, b"[]\n");
}

const MINIMAL: &str = "\u{feff}Platform,model,duration,credits,project,tags\n\
    runway,gen4,5,,ad,client=acme\n\
    runway,gen4,10,25,ad,\n\
    kling,v2,5,,trailer,client=acme;shot=2\n";

#[test]
fn a_minimal_csv_is_priced_by_the_caller() {
    let mut store = Store::open_in_memory().unwrap();
    let mut seen = Vec::new();
    let summary = store
        .import(
            MINIMAL.as_bytes(),
            Format::Csv,
            &opts("sheet.csv"),
            |row: &ImportRow| {
                seen.push((row.line, row.credits));
                price(row)
            },
            None,
        )
        .unwrap();
    assert_eq!(summary.added, 3);
    assert_eq!(seen, vec![(2, None), (3, Some(d("25"))), (4, None)]);
    let entries = store.entries(&Filter::default()).unwrap();
    let e = entries.iter().find(|e| e.credits == d("25")).unwrap();
    assert_eq!(e.cost.as_ref().unwrap().amount, d("0.25"));
    assert_eq!(e.pricing, "test plan");
    // No `at`: the import time, in the caller's offset.
    assert_eq!(e.at.to_rfc3339(), "2026-05-10T13:00:00+01:00");
    assert!(e.dedup_key.starts_with("import:"));
}

#[test]
fn importing_the_same_file_twice_adds_nothing() {
    let mut store = Store::open_in_memory().unwrap();
    assert_eq!(
        import_str(&mut store, MINIMAL, Format::Csv).unwrap().added,
        3
    );
    let again = import_str(&mut store, MINIMAL, Format::Csv).unwrap();
    assert_eq!((again.added, again.present), (0, 3));
    assert_eq!(count(&store), 3);
}

#[test]
fn identical_rows_in_one_file_both_count() {
    let text = "platform,model,duration\nrunway,gen4,5\nrunway,gen4,5\nrunway,gen4, 5.0\n";
    let mut store = Store::open_in_memory().unwrap();
    let summary = import_str(&mut store, text, Format::Csv).unwrap();
    assert_eq!(summary.added, 3);
    // The same file again: each of the three is recognised.
    assert_eq!(import_str(&mut store, text, Format::Csv).unwrap().added, 0);
    // A file with one more copy adds exactly that one.
    let more = format!("{text}runway,gen4,5\n");
    assert_eq!(import_str(&mut store, &more, Format::Csv).unwrap().added, 1);
    assert_eq!(count(&store), 4);
}

#[test]
fn a_failing_row_in_the_middle_leaves_nothing_imported() {
    let mut store = Store::open_in_memory().unwrap();
    let bad_value = "platform,model,duration\nrunway,gen4,5\nrunway,gen4,five\nrunway,gen4,5\n";
    let err = format!(
        "{:#}",
        import_str(&mut store, bad_value, Format::Csv).unwrap_err()
    );
    assert!(
        err.contains("log.csv: line 3, column 3 (duration): `five` is not a number of seconds"),
        "{err}"
    );
    assert_eq!(count(&store), 0);

    let bad_price = "platform,model\nrunway,gen4\nrunway,no-such-model\n";
    let err = format!(
        "{:#}",
        import_str(&mut store, bad_price, Format::Csv).unwrap_err()
    );
    assert!(
        err.contains("log.csv: line 3") && err.contains("unknown model `no-such-model`"),
        "{err}"
    );
    assert_eq!(count(&store), 0);

    let too_precise = "platform,model,credits\nrunway,gen4,1\nrunway,gen4,0.0001\n";
    let err = format!(
        "{:#}",
        import_str(&mut store, too_precise, Format::Csv).unwrap_err()
    );
    assert!(
        err.contains("line 3, column 3 (credits): credits 0.0001 has more than 3 decimal places"),
        "{err}"
    );
    assert_eq!(count(&store), 0);

    let json = "[\n{\"platform\":\"runway\",\"model\":\"gen4\"},\n{\"platform\":\"runway\",\"model\":\"gen4\",\"count\":0}\n]";
    let err = format!(
        "{:#}",
        import_str(&mut store, json, Format::Json).unwrap_err()
    );
    assert!(err.contains("line 3, field `count`"), "{err}");
    assert_eq!(count(&store), 0);
}

#[test]
fn bad_files_are_errors_naming_the_place() {
    let mut store = Store::open_in_memory().unwrap();
    let cases: &[(&str, Format, &str)] = &[
        (
            "platform,model,colour,size\nrunway,gen4,red,2\n",
            Format::Csv,
            "unknown columns `colour`, `size`",
        ),
        (
            "model\ngen4\n",
            Format::Csv,
            "the column `platform` is required",
        ),
        (
            "platform,model\nrunway,gen4,extra\n",
            Format::Csv,
            "line: 2",
        ),
        (
            "platform,model,status\nrunway,gen4,lost\n",
            Format::Csv,
            "line 2, column 3 (status): unknown status `lost`",
        ),
        (
            "platform,model,at\nrunway,gen4,yesterday\n",
            Format::Csv,
            "line 2, column 3 (at): `yesterday` is not a time",
        ),
        (
            "platform,model,tags\nrunway,gen4,client\n",
            Format::Csv,
            "column 3 (tags): `client` is not KEY=VALUE",
        ),
        (
            "platform,model\n,gen4\n",
            Format::Csv,
            "line 2, column 1 (platform): platform is required",
        ),
        (
            "platform,model,cost\nrunway,gen4,1\n",
            Format::Csv,
            "a cost needs a currency",
        ),
        (
            "platform,model,pricing\nrunway,gen4,plan\n",
            Format::Csv,
            "line 2: a row with `pricing` needs `credits`",
        ),
        (
            "[\n{\"platform\": \"runway\", \"model\": \"gen4\", \"colour\": 1}\n]",
            Format::Json,
            "line 2: unknown field `colour`",
        ),
        (
            "[\n{\"platform\": \"runway\",\n \"model\": }\n]",
            Format::Json,
            "log.csv: expected value at line 3 column 11",
        ),
        (
            "{\"platform\": \"runway\"}",
            Format::Json,
            "expected an array",
        ),
        ("[] []", Format::Json, "trailing characters"),
    ];
    for (text, format, expected) in cases {
        let err = format!("{:#}", import_str(&mut store, text, *format).unwrap_err());
        assert!(err.contains(expected), "expected {expected:?} in {err:?}");
    }
    assert_eq!(count(&store), 0);
}

#[test]
fn a_hand_written_json_file_imports() {
    let text = r#"[
        {"at": "2026-05-04", "platform": "runway", "model": "gen4", "duration": 5,
         "credits": 12.5, "audio": true, "tags": {"client": "acme"}, "kept": false},
        {"platform": "kling", "model": "v2", "tags": "client=globex", "note": null}
    ]"#;
    let mut store = Store::open_in_memory().unwrap();
    assert_eq!(import_str(&mut store, text, Format::Json).unwrap().added, 2);
    let entries = store.entries(&Filter::default()).unwrap();
    let runway = entries.iter().find(|e| e.platform == "runway").unwrap();
    assert_eq!(runway.credits, d("12.5"));
    assert_eq!(runway.at.to_rfc3339(), "2026-05-04T00:00:00+01:00");
    assert_eq!(runway.audio, Some(true));
    assert!(!runway.kept);
    assert_eq!(runway.tags, vec![("client".into(), "acme".into())]);
    assert_eq!(import_str(&mut store, text, Format::Json).unwrap().added, 0);
}

#[test]
fn progress_is_reported_every_n_rows_and_at_the_end() {
    let mut store = Store::open_in_memory().unwrap();
    let text = "platform,model,duration\nrunway,gen4,1\nrunway,gen4,2\nrunway,gen4,3\n";
    let mut ticks = Vec::new();
    let mut on_progress = |p: Progress| ticks.push(p);
    store
        .import(
            text.as_bytes(),
            Format::Csv,
            &opts("log.csv"),
            price,
            Some(&mut on_progress),
        )
        .unwrap();
    let rows: Vec<u64> = ticks.iter().map(|p| p.rows).collect();
    assert_eq!(rows, vec![2, 3]);
    assert_eq!(ticks.last().unwrap().bytes, text.len() as u64);
}

#[test]
fn format_from_path_and_name() {
    assert_eq!(Format::from_path(Path::new("a/log.CSV")), Some(Format::Csv));
    assert_eq!(Format::from_path(Path::new("log.json")), Some(Format::Json));
    assert_eq!(Format::from_path(Path::new("log.txt")), None);
    assert!("xml".parse::<Format>().is_err());
}

#[test]
fn batched_inserts_pair_each_row_with_its_own_tags() {
    let mut store = Store::open_in_memory().unwrap();
    let mut first = String::from("platform,model,tags,dedup_key\n");
    for i in 0..50 {
        first.push_str(&format!("runway,gen4,from=first,k{i}\n"));
    }
    assert_eq!(
        import_str(&mut store, &first, Format::Csv).unwrap().added,
        50
    );

    // Spans several batches; keys already present, and a key repeated within a batch, are
    // skipped without shifting the tags of the rows after them.
    let mut second = String::from("platform,model,tags,dedup_key\n");
    for i in 0..200 {
        second.push_str(&format!("runway,gen4,from=second;row={i},k{i}\n"));
        if i == 100 {
            second.push_str("runway,gen4,from=repeat,k100\n");
        }
    }
    let summary = import_str(&mut store, &second, Format::Csv).unwrap();
    assert_eq!(
        (summary.rows, summary.added, summary.present),
        (201, 150, 51)
    );
    for e in store.entries(&Filter::default()).unwrap() {
        let i: usize = e.dedup_key[1..].parse().unwrap();
        let expected = if i < 50 {
            vec![("from".to_string(), "first".to_string())]
        } else {
            vec![
                ("from".to_string(), "second".to_string()),
                ("row".to_string(), i.to_string()),
            ]
        };
        assert_eq!(e.tags, expected, "{}", e.dedup_key);
    }
}
