//! The file formats alone: reading rows, the dedup keys they derive, writing entries.

use super::*;

const PIN: &str = "\
at,platform,model,duration,resolution,audio,refs,mode,chars,count,credits,cost,currency,project,tags,note,status,kept
2026-11-02 14:30,Runway,Gen-4,10,,false,0,,,2,,,,spring-ad,client=acme;shot=3, a note ,failed,false
2026-11-03T09:15:00+01:00,runway,gen-4,5,,,,,,,,,,,,,,
,Runway,gen-4,5,,,,,,,60,,,,,,,
";

fn rows(text: &str, format: Format) -> Result<Vec<ImportRow>> {
    let now = DateTime::parse_from_rfc3339("2026-11-20T12:00:00+02:00").unwrap();
    let opts = ReadOptions::new("pin.csv", now);
    let mut out = Vec::new();
    read(text.as_bytes(), format, &opts, &mut |item| {
        if let Item::Entry(row) = item {
            out.push(row);
        }
        Ok(())
    })?;
    Ok(out)
}

/// The keys of rows without `dedup_key`, computed by the code before `exchange` left the
/// store: they must never change, or re-importing an old file would add its rows again.
#[test]
fn derived_keys_are_pinned() {
    let rows = rows(PIN, Format::Csv).unwrap();
    let keys: Vec<String> = rows
        .iter()
        .map(|r| r.derived_key(&r.fingerprint(), 0))
        .collect();
    assert_eq!(
        keys,
        [
            "import:20261102T123000:f65e67b0fe5f7a6a789c0272",
            "import:20261103T081500:2436b9aeba5a5554180041b2",
            "import:4b62cb0705edef7bf063a562",
        ]
    );
    // Typed names as read, not canonical.
    assert_eq!(rows[0].entry.platform, "Runway");
    assert!(rows[0].omitted.credits && rows[0].omitted.pricing && !rows[0].omitted.audio);
    assert!(rows[1].omitted.audio && rows[1].omitted.refs);
    assert_eq!(rows[2].credits(), Some(Decimal::from(60)));
    // The same row from JSON gives the same key.
    let json = r#"[{"at": "2026-11-03T09:15:00+01:00", "platform": "runway", "model": "gen-4", "duration": 5}]"#;
    let row = &rows_json(json)[0];
    assert_eq!(
        row.derived_key(&row.fingerprint(), 0),
        "import:20261103T081500:2436b9aeba5a5554180041b2"
    );
}

fn rows_json(text: &str) -> Vec<ImportRow> {
    rows(text, Format::Json).unwrap()
}

#[test]
fn new_columns_change_the_key_only_when_given() {
    let base = "platform,model,status,refunded_at,upscale,price_source\n";
    let plain = rows(&format!("{base}runway,gen-4,refunded,,,\n"), Format::Csv).unwrap();
    let older = rows(
        "platform,model,status\nrunway,gen-4,refunded\n",
        Format::Csv,
    )
    .unwrap();
    let with = rows(
        &format!("{base}runway,gen-4,refunded,2026-11-04T10:00:00Z,true,plan\n"),
        Format::Csv,
    )
    .unwrap();
    assert_eq!(plain[0].fingerprint(), older[0].fingerprint());
    assert_ne!(plain[0].fingerprint(), with[0].fingerprint());
    let e = &with[0].entry;
    assert_eq!(
        e.refunded_at.map(|t| t.to_rfc3339()),
        Some("2026-11-04T10:00:00+00:00".to_string())
    );
    assert!(e.request.upscale);
    assert_eq!(e.price_source, Some(PriceSource::Plan));
}

/// The table that priced an entry comes along in two columns, and is never part of a dedup
/// key: a file with and without them gives the same keys.
#[test]
fn priced_with_columns_are_read_and_stay_out_of_the_key() {
    let sha = "AB".repeat(32);
    let with = rows(
        &format!(
            "platform,model,credits,priced_with_as_of,priced_with_sha256\n\
             Runway,gen-4,10,2026-05-04,{sha}\n"
        ),
        Format::Csv,
    )
    .unwrap();
    let without = rows("platform,model,credits\nRunway,gen-4,10\n", Format::Csv).unwrap();
    assert_eq!(with[0].fingerprint(), without[0].fingerprint());
    assert_eq!(
        with[0].entry.table,
        Some(TableStamp {
            platform: "Runway".into(),
            as_of: NaiveDate::from_ymd_opt(2026, 5, 4).unwrap(),
            sha256: "ab".repeat(32),
        })
    );
    let json = format!(
        r#"[{{"platform": "Runway", "model": "gen-4", "credits": "10",
             "priced_with_as_of": "2026-05-04", "priced_with_sha256": "{sha}"}}]"#
    );
    let from_json = &rows_json(&json)[0];
    assert_eq!(from_json.entry.table, with[0].entry.table);
    assert_eq!(from_json.fingerprint(), without[0].fingerprint());

    for (text, expected) in [
        (
            "platform,model,priced_with_as_of\nrunway,gen-4,2026-05-04\n".to_string(),
            "line 2, column 3 (priced_with_as_of): priced_with_as_of needs priced_with_sha256",
        ),
        (
            format!("platform,model,priced_with_sha256\nrunway,gen-4,{sha}\n"),
            "line 2, column 3 (priced_with_sha256): priced_with_sha256 needs priced_with_as_of",
        ),
        (
            "platform,model,priced_with_as_of,priced_with_sha256\nrunway,gen-4,2026-05-04,abc\n"
                .to_string(),
            "column 4 (priced_with_sha256): `abc` is not a SHA-256 (64 hex digits)",
        ),
        (
            format!(
                "platform,model,priced_with_as_of,priced_with_sha256\nrunway,gen-4,May,{sha}\n"
            ),
            "column 3 (priced_with_as_of): `May` is not a YYYY-MM-DD date",
        ),
    ] {
        let err = format!("{:#}", rows(&text, Format::Csv).unwrap_err());
        assert!(err.contains(expected), "expected {expected:?} in {err:?}");
    }
}

#[test]
fn errors_name_the_file_line_and_column() {
    let err = rows("platform,model,duration\nrunway,gen-4,ten\n", Format::Csv).unwrap_err();
    assert_eq!(
        format!("{err:#}"),
        "pin.csv: line 2, column 3 (duration): `ten` is not a number of seconds"
    );
    let err = rows(
        "platform,model,status,refunded_at\nrunway,gen-4,failed,2026-11-04T10:00:00Z\n",
        Format::Csv,
    )
    .unwrap_err();
    assert!(
        format!("{err:#}").contains("line 2, column 4 (refunded_at)"),
        "{err:#}"
    );
    let err = rows(
        "{\"format\": \"credits\", \"version\": 1,\n\"topups\": [{\"platform\": \"x\"}]}",
        Format::Json,
    )
    .unwrap_err();
    assert!(format!("{err:#}").starts_with("pin.csv: "), "{err:#}");
    let err = rows("{\"format\": \"credits\", \"version\": 2}", Format::Json).unwrap_err();
    assert!(format!("{err:#}").contains("version 2"), "{err:#}");
}

#[test]
fn the_csv_header_is_the_columns_even_without_entries() {
    let mut out = Vec::new();
    let w = Writer::begin(Format::Csv, &mut out, &State::default()).unwrap();
    assert_eq!(w.finish().unwrap(), 0);
    assert_eq!(
        String::from_utf8(out).unwrap(),
        format!("{}\n", COLUMNS.join(","))
    );
}

#[test]
fn format_from_path_and_name() {
    assert_eq!(Format::from_path(Path::new("a/log.CSV")), Some(Format::Csv));
    assert_eq!(Format::from_path(Path::new("log.json")), Some(Format::Json));
    assert_eq!(Format::from_path(Path::new("log.txt")), None);
    assert!("xml".parse::<Format>().is_err());
}

/// Each bad input is an error naming the file, the line and, for a value, its column (CSV)
/// or field (JSON). Whole-file atomicity is `ops::exchange`'s to test.
#[test]
fn bad_files_are_errors_naming_the_place() {
    let cases: &[(&str, Format, &str)] = &[
        (
            "platform,model,colour,size\nrunway,gen4,red,2\n",
            Format::Csv,
            "log.csv: line 1: unknown columns `colour`, `size`",
        ),
        (
            "model\ngen4\n",
            Format::Csv,
            "log.csv: line 1: the column `platform` is required",
        ),
        (
            "platform,model\nrunway,gen4,extra\n",
            Format::Csv,
            "line: 2",
        ),
        (
            "platform,model,status\nrunway,gen4,lost\n",
            Format::Csv,
            "log.csv: line 2, column 3 (status): unknown status `lost`",
        ),
        (
            "platform,model,at\nrunway,gen4,yesterday\n",
            Format::Csv,
            "log.csv: line 2, column 3 (at): `yesterday` is not a time",
        ),
        (
            "platform,model,tags\nrunway,gen4,client\n",
            Format::Csv,
            "log.csv: line 2, column 3 (tags): `client` is not KEY=VALUE",
        ),
        (
            "platform,model\n,gen4\n",
            Format::Csv,
            "log.csv: line 2, column 1 (platform): platform is required",
        ),
        (
            "platform,model,cost\nrunway,gen4,1\n",
            Format::Csv,
            "log.csv: line 2, column 3 (cost): a cost needs a currency",
        ),
        (
            "platform,model,pricing\nrunway,gen4,plan\n",
            Format::Csv,
            "log.csv: line 2: a row with `pricing` needs `credits`",
        ),
        (
            "[\n{\"platform\": \"runway\", \"model\": \"gen4\", \"colour\": 1}\n]",
            Format::Json,
            "log.csv: line 2: unknown field `colour`",
        ),
        (
            "[\n{\"platform\": \"runway\",\n \"model\": }\n]",
            Format::Json,
            "log.csv: expected value at line 3 column 11",
        ),
        // An object is now the state export: without `format` its fields are unknown.
        (
            "{\"platform\": \"runway\"}",
            Format::Json,
            "log.csv: unknown field `platform` (known: format, version,",
        ),
        (
            "{\"platform\": \"runway\"}",
            Format::Json,
            "at line 1 column 12",
        ),
        ("[] []", Format::Json, "log.csv: trailing characters"),
    ];
    for (text, format, expected) in cases {
        let now = DateTime::parse_from_rfc3339("2026-05-10T13:00:00+01:00").unwrap();
        let opts = ReadOptions::new("log.csv", now);
        let err = read(text.as_bytes(), *format, &opts, &mut |_| Ok(())).unwrap_err();
        let err = format!("{err:#}");
        assert!(err.contains(expected), "expected {expected:?} in {err:?}");
        assert!(err.starts_with("log.csv: "), "{err:?}");
    }
}
