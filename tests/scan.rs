//! `credits scan` through the binary (issue 13): clips and images the tests write themselves
//! (MP4s with `mp4::Mp4Writer`: an H.264 track of a given size and length, optionally an AAC
//! track; the sample bytes are not decodable, the container is what is read), identified by
//! flags, a download-name pattern of a pricing file and a `[scan]` folder of the config file,
//! logged once whatever the copies and names, and `--watch` stopped by SIGINT and SIGTERM.
//!
//! Prices from the shipped tables: Runway Gen-4 is 12 credits a second in 5 s and 10 s
//! clips, Gen-4 Turbo 5; fal's pixverse-v6 is money-billed, $0.115 a second at 1080p with
//! sound (Google's veo-3.1 and Imagen 4, used here before, shut down in 2026).

mod common;

use common::media::write_mp4;
use common::{entry_count, DbState, Sandbox};
use std::fs;
use std::io::BufRead;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant};

// ---- media the tests make ----

/// An EBML element: its id, its size (as an 8-byte EBML number) and its data.
fn ebml(id: &[u8], data: &[u8]) -> Vec<u8> {
    let mut e = id.to_vec();
    e.push(0x01);
    e.extend_from_slice(&(data.len() as u64).to_be_bytes()[1..]);
    e.extend_from_slice(data);
    e
}

/// A WebM of `width`×`height` lasting `millis` ms (timecode scale 1 ms), with an Opus track
/// when `audio`: the header, segment info and tracks, no frames.
fn write_webm(path: &Path, width: u16, height: u16, millis: u32, audio: bool) {
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).unwrap();
    }
    let header = ebml(&[0x1a, 0x45, 0xdf, 0xa3], &ebml(&[0x42, 0x82], b"webm"));
    let mut info = ebml(&[0x2a, 0xd7, 0xb1], &1_000_000u32.to_be_bytes());
    info.extend(ebml(&[0x44, 0x89], &f64::from(millis).to_be_bytes()));
    let mut video = ebml(&[0xb0], &width.to_be_bytes());
    video.extend(ebml(&[0xba], &height.to_be_bytes()));
    let mut track = ebml(&[0xd7], &[1]);
    track.extend(ebml(&[0x73, 0xc5], &[1]));
    track.extend(ebml(&[0x83], &[1]));
    track.extend(ebml(&[0x86], b"V_VP9"));
    track.extend(ebml(&[0xe0], &video));
    let mut tracks = ebml(&[0xae], &track);
    if audio {
        let mut sound = ebml(&[0xd7], &[2]);
        sound.extend(ebml(&[0x73, 0xc5], &[2]));
        sound.extend(ebml(&[0x83], &[2]));
        sound.extend(ebml(&[0x86], b"A_OPUS"));
        sound.extend(ebml(&[0xe1], &ebml(&[0xb5], &48000f64.to_be_bytes())));
        tracks.extend(ebml(&[0xae], &sound));
    }
    let mut segment = ebml(&[0x15, 0x49, 0xa9, 0x66], &info);
    segment.extend(ebml(&[0x16, 0x54, 0xae, 0x6b], &tracks));
    let mut bytes = header;
    bytes.extend(ebml(&[0x18, 0x53, 0x80, 0x67], &segment));
    fs::write(path, bytes).unwrap();
}

/// The header of a PNG of `width`×`height` (all `imagesize` reads), without its end.
fn png_head(width: u32, height: u32) -> Vec<u8> {
    let mut b = b"\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR".to_vec();
    b.extend_from_slice(&width.to_be_bytes());
    b.extend_from_slice(&height.to_be_bytes());
    b.extend_from_slice(&[8, 6, 0, 0, 0, 0, 0, 0, 0]);
    b
}

/// The `IEND` chunk that ends every whole PNG.
const PNG_END: &[u8] = b"\x00\x00\x00\x00IEND\xae\x42\x60\x82";

/// A PNG of `width`×`height`: its header and its `IEND` chunk.
fn write_png(path: &Path, width: u32, height: u32) {
    write_png_seeded(path, width, height, 0);
}

/// `write_png` with `seed` in the header's (unchecked) CRC, so that two images of one size
/// differ.
fn write_png_seeded(path: &Path, width: u32, height: u32, seed: u8) {
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).unwrap();
    }
    let mut b = png_head(width, height);
    if let Some(last) = b.last_mut() {
        *last = seed;
    }
    b.extend_from_slice(PNG_END);
    fs::write(path, b).unwrap();
}

/// Writes the config file's `[scan]` table: each folder with its mapping's keys.
fn map_folders(sandbox: &Sandbox, folders: &[(&Path, &str)]) {
    let mut text = String::from("[scan]\n");
    for (dir, keys) in folders {
        text.push_str(&format!("\"{}\" = {{ {keys} }}\n", dir.display()));
    }
    sandbox.write(".config/credits/config.toml", &text);
}

fn clips(sandbox: &Sandbox) -> PathBuf {
    sandbox.path().join("clips")
}

fn json_files(run: &common::Run) -> Vec<serde_json::Value> {
    run.json()["files"].as_array().cloned().unwrap_or_default()
}

fn file_named<'a>(files: &'a [serde_json::Value], name: &str) -> &'a serde_json::Value {
    files
        .iter()
        .find(|f| f["path"].as_str().is_some_and(|p| p.ends_with(name)))
        .unwrap_or_else(|| panic!("no {name} in {files:#?}"))
}

// ---- reading the files ----

#[test]
fn clips_are_read_priced_by_their_length_and_logged_with_their_path() {
    let sandbox = Sandbox::with_db();
    let dir = clips(&sandbox);
    // 5.04 s: a few frames over a 5 s clip; 9.8 s: a 10 s clip trimmed.
    write_mp4(&dir.join("teaser/a.mp4"), 1280, 720, 5040, false);
    // 720p: Runway's Gen-4 makes 720p only (its table says so), so a 1080p file is refused.
    write_mp4(&dir.join("teaser/b.mp4"), 1280, 720, 9800, false);
    // The tolerance is 0.25 s, inclusive: 5.25 s is a 5 s clip, 5.26 s is billed as 10 s.
    write_mp4(&dir.join("edge/c.mp4"), 1280, 720, 5250, false);
    write_mp4(&dir.join("edge/d.mp4"), 1280, 720, 5260, false);
    let run = sandbox.run(&["scan", "clips", "--platform", "runway", "--model", "gen-4"]);
    run.success()
        .stdout_has("5.25 (as 5)")
        .stdout_has("5.26 (billed 10)")
        .stdout_has("5.04 (as 5)")
        .stdout_has("9.8 (billed 10)")
        .stdout_has("720p")
        .stdout_has("logged #1")
        .stdout_has("logged #2")
        .stdout_has("flags")
        .stdout_has("logged 4 of 4 files");
    let history = sandbox.run(&["--json", "history"]);
    history.success();
    let entries = history.json();
    let by_path = |name: &str| {
        entries
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["path"].as_str().is_some_and(|p| p.ends_with(name)))
            .cloned()
            .unwrap_or_else(|| panic!("no entry for {name}: {entries:#}"))
    };
    let a = by_path("a.mp4");
    assert_eq!(common::decimal(&a["credits"]).unwrap().to_string(), "60");
    assert_eq!(common::decimal(&a["duration"]).unwrap().to_string(), "5");
    assert_eq!(a["resolution"], "720p");
    assert_eq!(a["project"], "teaser", "the folder holding the file");
    let b = by_path("b.mp4");
    assert_eq!(common::decimal(&b["credits"]).unwrap().to_string(), "120");
    assert_eq!(b["resolution"], "720p");
}

#[test]
fn sound_is_read_from_the_file_and_priced_or_refused_by_the_table() {
    let sandbox = Sandbox::with_db();
    let dir = clips(&sandbox);
    write_mp4(&dir.join("veo/with-sound.mp4"), 1920, 1080, 8000, true);
    let run = sandbox.run(&[
        "--json",
        "scan",
        "clips/veo",
        "--platform",
        "fal",
        "--model",
        "pixverse-v6",
    ]);
    run.success();
    let files = json_files(&run);
    let f = file_named(&files, "with-sound.mp4");
    assert_eq!(f["audio"], true);
    assert_eq!(f["status"], "logged");
    assert_eq!(common::decimal(&f["cost"]).unwrap().to_string(), "0.92");
    // Gen-4's table has no price for sound: not logged, and said why.
    write_mp4(&dir.join("runway/sound.mp4"), 1280, 720, 5000, true);
    let run = sandbox.run(&[
        "scan",
        "clips/runway",
        "--platform",
        "runway",
        "--model",
        "gen-4",
    ]);
    run.success()
        .stdout_has("not logged")
        .stdout_has("no price for audio");
    assert_eq!(entry_count(&sandbox.db()), 1);
}

#[test]
fn a_model_alone_names_the_platform_of_the_only_table_with_it() {
    let sandbox = Sandbox::with_db();
    let dir = clips(&sandbox);
    write_mp4(&dir.join("shots/a.mp4"), 1280, 720, 5000, false);
    // Only Runway's table has Gen-4 Turbo (5 credits a second): priced there, and said so.
    let run = sandbox.run(&[
        "--json",
        "scan",
        "clips",
        "--model",
        "Gen-4 Turbo",
        "--dry-run",
    ]);
    run.success();
    let files = json_files(&run);
    let a = file_named(&files, "a.mp4");
    assert_eq!(a["platform"], "runway");
    assert_eq!(a["model"], "gen-4-turbo");
    assert_eq!(common::decimal(&a["credits"]).unwrap().to_string(), "25");
    assert_eq!(
        a["identified_by"],
        "platform: the only table with gen-4-turbo; model: flags"
    );
    // sora-2 is both OpenAI's and MakeClipAI's: no guess, the choice is named.
    let run = sandbox.run(&["scan", "clips", "--model", "sora-2"]);
    run.success()
        .stdout_has("unidentified")
        .stdout_has("sora-2 is in the tables of makeclipai and openai; pass --platform");
    // A flag no table could price is refused before any file is read, with what was meant.
    let run = sandbox.run(&["scan", "clips", "--model", "gen4turbo"]);
    run.error()
        .stderr_has("error: no pricing table has a model `gen4turbo`")
        .stderr_has("help: did you mean")
        .stderr_has("`gen-4-turbo`")
        .stdout_lacks("a.mp4");
    let run = sandbox.run(&["scan", "clips", "--platform", "runway", "--model", "gen-9"]);
    run.error()
        .stderr_has("error: unknown model `gen-9` on runway")
        .stdout_lacks("a.mp4");
    sandbox
        .run(&["scan", "clips", "--platform", "runwy"])
        .error()
        .stderr_has("help: did you mean `runway`?");
    assert_eq!(entry_count(&sandbox.db()), 0);
}

#[test]
fn images_broken_files_and_other_files() {
    let sandbox = Sandbox::with_db();
    let dir = clips(&sandbox);
    write_png(&dir.join("still.png"), 1024, 1536);
    write_mp4(&dir.join("whole.mp4"), 1280, 720, 5000, false);
    // Cut short: the movie header, written last, is gone.
    let bytes = fs::read(dir.join("whole.mp4")).unwrap();
    fs::write(dir.join("cut.mp4"), &bytes[..bytes.len() / 2]).unwrap();
    fs::write(dir.join("fake.mp4"), "not a video at all").unwrap();
    fs::write(dir.join("notes.txt"), "text").unwrap();
    fs::write(dir.join("clip.mp4.part"), &bytes[..10]).unwrap();
    fs::write(dir.join(".hidden.mp4"), &bytes).unwrap();
    let run = sandbox.run(&[
        "--json",
        "scan",
        "clips",
        "--platform",
        "google",
        "--model",
        "gemini-3.1-flash-image",
    ]);
    run.success();
    let files = json_files(&run);
    let names: Vec<&str> = files.iter().map(|f| f["path"].as_str().unwrap()).collect();
    assert_eq!(
        names.len(),
        4,
        "notes.txt, .part and hidden files are skipped: {names:?}"
    );
    let still = file_named(&files, "still.png");
    assert_eq!(
        (still["width"].clone(), still["height"].clone()),
        (1024.into(), 1536.into())
    );
    assert_eq!(still["resolution"], "1024x1536");
    assert_eq!(still["status"], "logged", "{still:#}");
    let cut = file_named(&files, "cut.mp4");
    assert_eq!(cut["status"], "unreadable");
    assert!(
        cut["reason"].as_str().unwrap().contains("cut short"),
        "{cut:#}"
    );
    assert_eq!(file_named(&files, "fake.mp4")["status"], "unreadable");
    // A clip is not logged as an image generation, whatever the flags say.
    let whole = file_named(&files, "whole.mp4");
    assert_eq!(whole["status"], "not_logged");
    assert!(
        whole["reason"]
            .as_str()
            .unwrap()
            .contains("the file is a video"),
        "{whole:#}"
    );
    assert_eq!(entry_count(&sandbox.db()), 1);
}

// ---- identification ----

/// A user pricing file for a platform whose downloads are named `TestGen <seed>.mp4`.
fn testgen_table(sandbox: &Sandbox) {
    sandbox.write(
        ".config/credits/pricing/testgen.toml",
        r#"name = "TestGen"
sources = [{ id = "tg-docs", title = "TestGen help: downloads", url = "https://example.com/testgen", read = 2026-11-01, grade = "official" }]

[[plan]]
name = "Pro"
price = 10
credits = 1000
source = "tg-docs"

[[model]]
name = "tg-1"
per_second = 2
durations = [5, 10]
source = "tg-docs"
download_names = [{ pattern = "TestGen *.mp4", source = "tg-docs" }]
"#,
    );
}

#[test]
fn platform_and_model_come_from_the_name_then_the_config_folder_never_a_guess() {
    let sandbox = Sandbox::with_db();
    testgen_table(&sandbox);
    let dir = clips(&sandbox);
    write_mp4(&dir.join("inbox/TestGen 12345.mp4"), 1280, 720, 5000, false);
    write_mp4(&dir.join("mapped/m.mp4"), 1280, 720, 10000, false);
    write_mp4(&dir.join("inbox/unknown.mp4"), 1280, 720, 6000, false);
    map_folders(
        &sandbox,
        &[(
            &dir.join("mapped"),
            r#"platform = "runway", model = "gen-4-turbo", project = "launch""#,
        )],
    );
    let run = sandbox.run(&["--json", "scan", "clips"]);
    run.success();
    let files = json_files(&run);
    let named = file_named(&files, "TestGen 12345.mp4");
    assert_eq!(named["status"], "logged");
    assert_eq!(
        (named["platform"].clone(), named["model"].clone()),
        ("testgen".into(), "tg-1".into())
    );
    assert_eq!(named["identified_by"], "name `TestGen *.mp4` (tg-docs)");
    assert_eq!(named["project"], "inbox");
    let mapped = file_named(&files, "m.mp4");
    assert_eq!(mapped["status"], "logged");
    assert_eq!(mapped["model"], "gen-4-turbo");
    assert_eq!(mapped["project"], "launch");
    assert_eq!(
        common::decimal(&mapped["credits"]).unwrap().to_string(),
        "50"
    );
    assert!(mapped["identified_by"]
        .as_str()
        .unwrap()
        .starts_with("config folder"));
    // The pattern is shown with the table, so a user can see what `scan` will take.
    sandbox
        .run(&["pricing", "show", "testgen"])
        .success()
        .stdout_has("tg-1: `credits scan` takes files named `TestGen *.mp4` for it (tg-docs)");
    let unknown = file_named(&files, "unknown.mp4");
    assert_eq!(unknown["status"], "unidentified");
    assert_eq!(entry_count(&sandbox.db()), 2);
    // The flags come first: --model names the model of the unknown file, and of the others
    // only for the platform the flags or their own layer decided.
    let text = sandbox.run(&["scan", "clips"]);
    text.success()
        .stdout_has("unidentified (no platform or model)")
        .stdout_has("already #1");
}

/// A JUMBF box.
fn jbox(kind: &[u8; 4], payload: &[u8]) -> Vec<u8> {
    let mut b = u32::try_from(payload.len() + 8)
        .unwrap()
        .to_be_bytes()
        .to_vec();
    b.extend_from_slice(kind);
    b.extend_from_slice(payload);
    b
}

/// A JUMBF superbox with a labelled description box.
fn labelled(label: &str, content: &[u8]) -> Vec<u8> {
    let mut desc = vec![0u8; 16];
    desc.push(0x03);
    desc.extend_from_slice(label.as_bytes());
    desc.push(0);
    let mut inner = jbox(b"jumd", &desc);
    inner.extend_from_slice(content);
    jbox(b"jumb", &inner)
}

fn cbor_box(value: &ciborium::Value) -> Vec<u8> {
    let mut out = Vec::new();
    ciborium::ser::into_writer(value, &mut out).unwrap();
    jbox(b"cbor", &out)
}

/// Appends a C2PA manifest store (unsigned: the tool reads, it does not verify) whose claim
/// generator is `generator` and whose `c2pa.created` action names `agent`, in the top-level
/// `uuid` box the C2PA specification gives ISO BMFF files.
fn add_c2pa(path: &Path, generator: &str, agent: &str) {
    use ciborium::Value as V;
    let text = |s: &str| V::Text(s.into());
    let claim = V::Map(vec![(text("claim_generator"), text(generator))]);
    let actions = V::Map(vec![(
        text("actions"),
        V::Array(vec![V::Map(vec![
            (text("action"), text("c2pa.created")),
            (text("softwareAgent"), text(agent)),
        ])]),
    )]);
    let mut manifest = labelled(
        "c2pa.assertions",
        &labelled("c2pa.actions", &cbor_box(&actions)),
    );
    manifest.extend(labelled("c2pa.claim", &cbor_box(&claim)));
    let store = labelled("c2pa", &labelled("urn:uuid:0f1e2d3c", &manifest));
    let mut payload = vec![
        0xd8, 0xfe, 0xc3, 0xd6, 0x1b, 0x0e, 0x48, 0x3c, 0x92, 0x97, 0x58, 0x28, 0x87, 0x7e, 0xc4,
        0x81,
    ];
    payload.extend_from_slice(&[0, 0, 0, 0]);
    payload.extend_from_slice(b"manifest\0");
    payload.extend_from_slice(&0u64.to_be_bytes());
    payload.extend_from_slice(&store);
    let mut bytes = fs::read(path).unwrap();
    bytes.extend(jbox(b"uuid", &payload));
    fs::write(path, bytes).unwrap();
}

#[test]
fn content_credentials_identify_a_file_before_its_name_or_folder() {
    let sandbox = Sandbox::with_db();
    let dir = clips(&sandbox);
    let clip = dir.join("mapped/credentialed.mp4");
    write_mp4(&clip, 1280, 720, 8000, false);
    add_c2pa(&clip, "OpenAI Sora", "sora-2");
    // Made (and so modified) on 2026-09-01, before sora-2 was shut down: the entry's time is
    // the file's.
    let made = std::time::UNIX_EPOCH + Duration::from_secs(1_788_220_800);
    fs::File::options()
        .write(true)
        .open(&clip)
        .unwrap()
        .set_modified(made)
        .unwrap();
    // The folder says Runway: the manifest comes first.
    map_folders(
        &sandbox,
        &[(
            &dir.join("mapped"),
            r#"platform = "runway", model = "gen-4""#,
        )],
    );
    let run = sandbox.run(&["--json", "scan", "clips"]);
    run.success();
    let files = json_files(&run);
    let f = file_named(&files, "credentialed.mp4");
    assert_eq!(f["status"], "logged", "{f:#}");
    assert_eq!(
        (f["platform"].clone(), f["model"].clone()),
        ("openai".into(), "sora-2".into())
    );
    assert_eq!(f["identified_by"], "C2PA (unverified): OpenAI Sora, sora-2");
    assert_eq!(common::decimal(&f["cost"]).unwrap().to_string(), "0.8");
    assert_eq!(f["at"], "2026-09-01T00:00:00+00:00");
    // A generator no table knows identifies nothing: the folder decides.
    let other = dir.join("mapped/other.mp4");
    write_mp4(&other, 1280, 720, 5000, false);
    add_c2pa(&other, "SomeEditor 1.0", "whatever");
    let run = sandbox.run(&["--json", "scan", "clips"]);
    let files = json_files(&run);
    let f = file_named(&files, "other.mp4");
    assert_eq!(f["platform"], "runway");
    assert_eq!(
        f["identified_by"],
        format!(
            "config folder {}",
            fs::canonicalize(dir.join("mapped")).unwrap().display()
        )
    );
}

#[test]
fn a_pattern_without_a_source_is_refused_by_strict_validation() {
    let sandbox = Sandbox::new();
    sandbox.write(
        "tables/loose.toml",
        "name = \"Loose\"\nas_of = 2026-11-01\n[[model]]\nname = \"m\"\ncredits = 1\ndownload_names = [{ pattern = \"*.mp4\" }]\n",
    );
    let run = sandbox.run(&["pricing", "validate", "tables/loose.toml"]);
    run.code(1).stderr_has("would match almost any file");
}

// ---- idempotence ----

#[test]
fn scanning_again_a_copy_or_a_renamed_file_adds_nothing_and_rm_frees_it() {
    let sandbox = Sandbox::with_db();
    let dir = clips(&sandbox);
    write_mp4(&dir.join("one/a.mp4"), 1280, 720, 5000, false);
    let args = ["scan", "clips", "--platform", "runway", "--model", "gen-4"];
    sandbox
        .run(&args)
        .success()
        .stdout_has("logged 1 of 1 file")
        .stdout_lacks("of 1 files");
    let before = DbState::of(&sandbox.db());
    let again = sandbox.run(&args);
    // The file where it was logged from: the table says so, no line of its own.
    again
        .success()
        .stdout_has("logged 0 of 1 file, 1 already in the log")
        .stdout_has("already #1")
        .stdout_lacks("already logged as");
    before.assert_same(&sandbox.db(), &again);
    fs::copy(dir.join("one/a.mp4"), dir.join("one/copy of a.mp4")).unwrap();
    fs::create_dir_all(dir.join("two")).unwrap();
    fs::rename(dir.join("one/a.mp4"), dir.join("two/renamed.mp4")).unwrap();
    let copies = sandbox.run(&args);
    // A copy and a moved file name the file that was logged.
    copies
        .success()
        .stdout_has("logged 0 of 2 files, 2 already in the log")
        .stdout_has("clips/one/copy of a.mp4: already logged as #1 (from ")
        .stdout_has("clips/two/renamed.mp4: already logged as #1 (from ");
    before.assert_same(&sandbox.db(), &copies);
    // Removing the entry frees the file: it can be scanned again.
    sandbox.run(&["rm", "1"]).success();
    sandbox
        .run(&[
            "scan",
            "clips/two",
            "--platform",
            "runway",
            "--model",
            "gen-4",
        ])
        .success()
        .stdout_has("logged 1 of 1 file");
}

/// Sets a file's modification time.
fn set_mtime(path: &Path, to: std::time::SystemTime) {
    fs::OpenOptions::new()
        .write(true)
        .open(path)
        .unwrap()
        .set_modified(to)
        .unwrap();
}

#[test]
fn a_rescan_knows_the_logged_file_by_its_size_and_time_without_reading_it() {
    let sandbox = Sandbox::with_db();
    let dir = clips(&sandbox);
    let clip = dir.join("a.mp4");
    write_mp4(&clip, 1280, 720, 5000, false);
    let args = ["scan", "clips", "--platform", "runway", "--model", "gen-4"];
    sandbox
        .run(&args)
        .success()
        .stdout_has("logged 1 of 1 file");
    // Other bytes of the same length, with the time put back: a rescan does not read the
    // file it logged (a library of videos is gigabytes), so it takes it as the logged one.
    let when = fs::metadata(&clip).unwrap().modified().unwrap();
    let mut bytes = fs::read(&clip).unwrap();
    let last = bytes.len() - 1;
    bytes[last] ^= 0xff;
    fs::write(&clip, &bytes).unwrap();
    set_mtime(&clip, when);
    sandbox
        .run(&args)
        .success()
        .stdout_has("logged 0 of 1 file")
        .stdout_has("already #1");
    // Its time changed, it is read: new bytes are a new clip.
    set_mtime(&clip, when + Duration::from_secs(60));
    let run = sandbox.run(&[
        "--json",
        "scan",
        "clips",
        "--platform",
        "runway",
        "--model",
        "gen-4",
    ]);
    run.success();
    let a = file_named(&json_files(&run), "a.mp4").clone();
    assert_eq!(a["status"], "logged", "{a:#}");
    assert_eq!(entry_count(&sandbox.db()), 2);
}

#[test]
fn a_touched_file_is_hashed_once_then_known_by_its_new_time() {
    let sandbox = Sandbox::with_db();
    let dir = clips(&sandbox);
    let clip = dir.join("a.mp4");
    write_mp4(&clip, 1280, 720, 5000, false);
    let args = ["scan", "clips", "--platform", "runway", "--model", "gen-4"];
    sandbox.run(&args).success();
    let stamp = || {
        common::open_db(&sandbox.db())
            .query_row("SELECT size, modified_ns FROM entry_file", [], |r| {
                Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?))
            })
            .unwrap()
    };
    let first = stamp();
    assert_eq!(first.0 as u64, fs::metadata(&clip).unwrap().len());
    // Touched: the same bytes, found by their hash, and the row takes the new time.
    let later = fs::metadata(&clip).unwrap().modified().unwrap() + Duration::from_secs(3600);
    set_mtime(&clip, later);
    sandbox.run(&args).success().stdout_has("already #1");
    assert_eq!(stamp().1, first.1 + 3_600_000_000_000);
    assert_eq!(entry_count(&sandbox.db()), 1);
}

#[test]
fn dry_run_lists_what_it_would_log_and_writes_nothing() {
    let sandbox = Sandbox::with_db();
    let dir = clips(&sandbox);
    write_mp4(&dir.join("p/a.mp4"), 1280, 720, 5000, false);
    write_mp4(&dir.join("p/b.mp4"), 1280, 720, 10000, false);
    let args = [
        "scan",
        "clips",
        "--platform",
        "runway",
        "--model",
        "gen-4",
        "--dry-run",
    ];
    let run = sandbox.run(&args);
    run.success()
        .stdout_has("would log")
        .stdout_has("would log 2 of 2 files (dry run: nothing was written)")
        .stdout_lacks("logged #");
    assert!(!sandbox.db().exists(), "a dry run creates no database");
    // With a database: byte for byte as it was.
    sandbox
        .run(&["log", "runway", "gen-4", "--duration", "5"])
        .success();
    let before = DbState::of(&sandbox.db());
    let run = sandbox.run(&args);
    run.success();
    before.assert_same(&sandbox.db(), &run);
}

#[test]
fn bad_input_is_an_error_naming_it() {
    let sandbox = Sandbox::with_db();
    sandbox
        .run(&["scan", "no-such-folder"])
        .error()
        .stderr_has("no-such-folder does not exist");
    assert!(!sandbox.db().exists());
    sandbox.write(
        ".config/credits/config.toml",
        "[scan]\n\"relative/dir\" = { platform = \"runway\" }\n",
    );
    fs::create_dir_all(clips(&sandbox)).unwrap();
    sandbox
        .run(&["scan", "clips"])
        .error()
        .stderr_has("is not an absolute path");
    sandbox.write(
        ".config/credits/config.toml",
        "[scan]\n\"/x\" = { platfrom = \"runway\" }\n",
    );
    sandbox
        .run(&["scan", "clips"])
        .error()
        .stderr_has("platfrom");
}

#[test]
fn file_names_never_reach_the_terminal_as_control_characters() {
    let sandbox = Sandbox::with_db();
    let dir = clips(&sandbox);
    write_mp4(&dir.join("evil\u{1b}[31mred.mp4"), 1280, 720, 5000, false);
    let run = sandbox.run(&["scan", "clips"]);
    run.success()
        .stdout_lacks("\u{1b}")
        .stdout_has("\\u{1b}[31mred.mp4");
}

// ---- --watch ----

/// Starts `scan --watch` on `clips/` (Runway Gen-4), waits until it watches, and returns it
/// with a reader of its stdout lines.
fn start_watch(sandbox: &Sandbox) -> (std::process::Child, std::sync::mpsc::Receiver<String>) {
    start_watch_with(sandbox, &["--platform", "runway", "--model", "gen-4"])
}

/// `start_watch` with these flags.
fn start_watch_with(
    sandbox: &Sandbox,
    flags: &[&str],
) -> (std::process::Child, std::sync::mpsc::Receiver<String>) {
    let (child, stdout, _stderr) = start_watch_io(sandbox, flags);
    (child, stdout)
}

/// `start_watch_with`, with a reader of its stderr lines after "watching" too.
fn start_watch_io(
    sandbox: &Sandbox,
    flags: &[&str],
) -> (
    std::process::Child,
    std::sync::mpsc::Receiver<String>,
    std::sync::mpsc::Receiver<String>,
) {
    fs::create_dir_all(clips(sandbox)).unwrap();
    let mut args = vec!["scan", "clips", "--watch"];
    args.extend_from_slice(flags);
    let mut child = sandbox
        .command(&args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stderr = child.stderr.take().unwrap();
    let mut lines = std::io::BufReader::new(stderr).lines();
    loop {
        match lines.next() {
            Some(Ok(line)) if line.contains("watching") => break,
            Some(Ok(_)) => continue,
            _ => panic!("scan --watch ended before watching"),
        }
    }
    // Kept open to the end (read even when nobody listens): the binary says when it stops.
    let (send_err, recv_err) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in lines.map_while(Result::ok) {
            let _ = send_err.send(line);
        }
    });
    let stdout = child.stdout.take().unwrap();
    let (send, recv) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in std::io::BufReader::new(stdout)
            .lines()
            .map_while(Result::ok)
        {
            let _ = send.send(line);
        }
    });
    (child, recv, recv_err)
}

fn signal(child: &std::process::Child, name: &str) {
    let status = std::process::Command::new("kill")
        .args([&format!("-{name}"), &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
}

fn wait_exit(child: &mut std::process::Child) -> std::process::ExitStatus {
    let deadline = Instant::now() + Duration::from_secs(15);
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            return status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("scan --watch did not stop");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn watch_logs_a_file_once_it_has_downloaded_and_stops_on_sigint() {
    let sandbox = Sandbox::with_db();
    let (mut child, lines) = start_watch(&sandbox);
    let dir = clips(&sandbox);
    // Downloaded as a .part file, renamed when done, as browsers do.
    write_mp4(&dir.join("new.mp4.part"), 1280, 720, 5000, false);
    fs::rename(dir.join("new.mp4.part"), dir.join("new.mp4")).unwrap();
    let line = lines
        .recv_timeout(Duration::from_secs(20))
        .expect("a line for the new file");
    assert!(
        line.starts_with("logged #1: clips/new.mp4: runway gen-4, 60 credits"),
        "{line}"
    );
    // A copy under another name is said to be one (not silently skipped), and not logged.
    fs::copy(dir.join("new.mp4"), dir.join("copy.mp4")).unwrap();
    let line = lines
        .recv_timeout(Duration::from_secs(20))
        .expect("a line for the copy");
    assert!(
        line.starts_with("clips/copy.mp4: already logged as #1 (from "),
        "{line}"
    );
    signal(&child, "INT");
    assert_eq!(wait_exit(&mut child).code(), Some(0));
    assert_eq!(entry_count(&sandbox.db()), 1);
}

#[test]
fn watch_says_each_note_once_not_with_every_file() {
    let sandbox = Sandbox::with_db();
    // No account set for Runway: every clip brings the same note.
    let (mut child, lines, errors) =
        start_watch_io(&sandbox, &["--platform", "runway", "--model", "gen-4"]);
    let dir = clips(&sandbox);
    for (i, name) in ["one.mp4", "two.mp4"].iter().enumerate() {
        write_mp4(&dir.join(name), 1280, 720, 5000 + i as u32 * 40, false);
        let line = lines
            .recv_timeout(Duration::from_secs(20))
            .expect("a line for the new file");
        assert!(line.contains(name), "{line}");
    }
    signal(&child, "TERM");
    assert_eq!(wait_exit(&mut child).code(), Some(0));
    // Read to its end: the process has exited, so its stderr has too.
    let said: Vec<String> = errors.iter().collect();
    let account_notes = said
        .iter()
        .filter(|l| l.contains("no account set for runway"))
        .count();
    assert_eq!(account_notes, 1, "{said:#?}");
}

#[test]
fn watch_logs_files_written_into_a_folder_made_while_it_runs() {
    let sandbox = Sandbox::with_db();
    let (mut child, lines) = start_watch(&sandbox);
    let dir = clips(&sandbox);
    // `mkdir d; cp clip d/` at once: the file can come before the folder is watched.
    for i in 0..3u32 {
        let sub = dir.join(format!("new{i}"));
        fs::create_dir(&sub).unwrap();
        write_mp4(&sub.join("a.mp4"), 1280, 720, 5000 + i * 40, false);
    }
    let got = lines_within(&lines, Duration::from_secs(15));
    for i in 0..3 {
        let name = format!("clips/new{i}/a.mp4");
        assert!(
            got.iter()
                .any(|l| l.contains(&name) && l.starts_with("logged #")),
            "{name} not logged: {got:#?}"
        );
    }
    signal(&child, "INT");
    assert_eq!(wait_exit(&mut child).code(), Some(0));
    assert_eq!(entry_count(&sandbox.db()), 3);
}

#[test]
fn watch_json_is_one_object_per_line() {
    let sandbox = Sandbox::with_db();
    let dir = clips(&sandbox);
    write_mp4(&dir.join("old.mp4"), 1280, 720, 5000, false);
    sandbox
        .run(&["scan", "clips", "--platform", "runway", "--model", "gen-4"])
        .success();
    let (mut child, lines) = start_watch_with(
        &sandbox,
        &["--platform", "runway", "--model", "gen-4", "--json"],
    );
    write_mp4(&dir.join("new.mp4"), 1280, 720, 5040, false);
    let got = lines_within(&lines, Duration::from_secs(8));
    signal(&child, "INT");
    assert_eq!(wait_exit(&mut child).code(), Some(0));
    // Every line is a whole object: the first pass's file, then the new one.
    let objects: Vec<serde_json::Value> = got
        .iter()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l:?} in {got:#?}")))
        .collect();
    assert_eq!(objects.len(), 2, "{got:#?}");
    assert_eq!(objects[0]["status"], "already_logged");
    assert_eq!(objects[0]["identified_by"], serde_json::Value::Null);
    assert_eq!(objects[1]["status"], "logged");
    assert!(objects[1]["path"].as_str().unwrap().ends_with("new.mp4"));
    assert_eq!(objects[1]["identified_by"], "flags");
}

#[test]
fn watch_stops_cleanly_on_sigterm() {
    let sandbox = Sandbox::with_db();
    let (mut child, _lines) = start_watch(&sandbox);
    signal(&child, "TERM");
    assert_eq!(wait_exit(&mut child).code(), Some(0));
}

// ---- priced like `log` ----

#[test]
fn entries_carry_the_flags_project_and_tags_and_budgets_warn_as_log_does() {
    let sandbox = Sandbox::with_db();
    let dir = clips(&sandbox);
    write_mp4(&dir.join("any/a.mp4"), 1280, 720, 10000, false);
    sandbox
        .run(&[
            "budget",
            "set",
            "launch",
            "100",
            "--credits",
            "--platform",
            "runway",
        ])
        .success();
    let run = sandbox.run(&[
        "scan",
        "clips",
        "--platform",
        "runway",
        "--model",
        "gen-4",
        "--project",
        "launch",
        "--tag",
        "client=acme",
    ]);
    // 120 credits against a budget of 100: the warning `log` gives.
    run.success().stderr_has("warning:").stderr_has("launch");
    let history = sandbox.run(&["--json", "history"]);
    let e = &history.json()[0];
    assert_eq!(e["project"], "launch");
    assert_eq!(e["tags"]["client"], "acme", "{e:#}");
}

#[test]
fn webm_clips_are_read_too() {
    let sandbox = Sandbox::with_db();
    let dir = clips(&sandbox);
    write_webm(&dir.join("web/a.webm"), 1920, 1080, 8000, true);
    write_webm(&dir.join("web/b.webm"), 1280, 720, 5040, false);
    let bytes = fs::read(dir.join("web/a.webm")).unwrap();
    fs::write(dir.join("web/cut.webm"), &bytes[..bytes.len() / 2]).unwrap();
    let run = sandbox.run(&[
        "--json",
        "scan",
        "clips",
        "--platform",
        "fal",
        "--model",
        "pixverse-v6",
    ]);
    run.success();
    let files = json_files(&run);
    let a = file_named(&files, "a.webm");
    assert_eq!(a["status"], "logged", "{a:#}");
    assert_eq!(
        (
            a["resolution"].clone(),
            a["audio"].clone(),
            a["seconds"].clone()
        ),
        ("1080p".into(), true.into(), "8".into())
    );
    assert_eq!(common::decimal(&a["cost"]).unwrap().to_string(), "0.92");
    let b = file_named(&files, "b.webm");
    assert_eq!(
        (b["seconds"].clone(), b["audio"].clone()),
        ("5.04".into(), false.into())
    );
    assert_eq!(file_named(&files, "cut.webm")["status"], "unreadable");
}

// ---- files still downloading ----

/// Every line `lines` gives within `wait`.
fn lines_within(lines: &std::sync::mpsc::Receiver<String>, wait: Duration) -> Vec<String> {
    let deadline = Instant::now() + wait;
    let mut out = Vec::new();
    while let Some(left) = deadline.checked_duration_since(Instant::now()) {
        match lines.recv_timeout(left) {
            Ok(line) => out.push(line),
            Err(_) => break,
        }
    }
    out
}

#[test]
fn a_half_written_file_is_never_logged_by_scan() {
    let sandbox = Sandbox::with_db();
    let dir = clips(&sandbox);
    // A PNG whose header is there but not its end; a WebM shorter than its segment says.
    fs::create_dir_all(&dir).unwrap();
    fs::write(dir.join("half.png"), png_head(1024, 1024)).unwrap();
    write_webm(&dir.join("whole.webm"), 1280, 720, 5000, false);
    let bytes = fs::read(dir.join("whole.webm")).unwrap();
    fs::write(dir.join("half.webm"), &bytes[..bytes.len() - 20]).unwrap();
    fs::remove_file(dir.join("whole.webm")).unwrap();
    let run = sandbox.run(&[
        "--json",
        "scan",
        "clips",
        "--platform",
        "fal",
        "--model",
        "pixverse-v6",
    ]);
    run.success();
    let files = json_files(&run);
    for name in ["half.png", "half.webm"] {
        let f = file_named(&files, name);
        assert_eq!(f["status"], "unreadable", "{f:#}");
        assert!(
            f["reason"]
                .as_str()
                .unwrap()
                .contains("still downloading or cut short"),
            "{f:#}"
        );
    }
    assert_eq!(entry_count(&sandbox.db()), 0);
}

#[test]
fn watch_logs_a_download_that_paused_once_when_it_is_whole() {
    let sandbox = Sandbox::with_db();
    let (mut child, lines) = start_watch_with(
        &sandbox,
        &["--platform", "google", "--model", "gemini-3.1-flash-image"],
    );
    let dir = clips(&sandbox);
    // Written under its own name, with a pause longer than a short settle time: readable
    // (its header is there) but not whole.
    fs::write(dir.join("slow.png"), png_head(1024, 1024)).unwrap();
    std::thread::sleep(Duration::from_millis(4500));
    let mut f = fs::OpenOptions::new()
        .append(true)
        .open(dir.join("slow.png"))
        .unwrap();
    std::io::Write::write_all(&mut f, PNG_END).unwrap();
    drop(f);
    let first = lines
        .recv_timeout(Duration::from_secs(20))
        .expect("a line for the finished file");
    assert!(first.starts_with("logged #1: clips/slow.png"), "{first}");
    let more = lines_within(&lines, Duration::from_secs(5));
    assert!(more.is_empty(), "logged once: {more:?}");
    signal(&child, "INT");
    assert_eq!(wait_exit(&mut child).code(), Some(0));
    assert_eq!(entry_count(&sandbox.db()), 1);
}

#[test]
fn watch_does_not_list_the_files_of_its_first_pass_again() {
    let sandbox = Sandbox::with_db();
    let dir = clips(&sandbox);
    fs::create_dir_all(&dir).unwrap();
    fs::write(dir.join("fake.mp4"), "not a video at all").unwrap();
    write_mp4(&dir.join("old.mp4"), 1280, 720, 5000, false);
    let (mut child, lines) = start_watch(&sandbox);
    let all = lines_within(&lines, Duration::from_secs(6));
    let summary = all
        .iter()
        .position(|l| l.starts_with("logged 1 of 2 files"))
        .unwrap_or_else(|| panic!("the first pass's table: {all:#?}"));
    let after: Vec<&String> = all[summary + 1..]
        .iter()
        .filter(|l| l.contains("fake.mp4") || l.contains("old.mp4"))
        .collect();
    assert!(after.is_empty(), "listed again: {after:?}");
    signal(&child, "INT");
    assert_eq!(wait_exit(&mut child).code(), Some(0));
    assert_eq!(entry_count(&sandbox.db()), 1);
}

#[test]
fn watch_logs_the_files_of_a_folder_moved_in() {
    let sandbox = Sandbox::with_db();
    let outside = sandbox.path().join("unzipped/batch");
    write_mp4(&outside.join("a.mp4"), 1280, 720, 5000, false);
    write_mp4(&outside.join("inner/b.mp4"), 1280, 720, 10000, false);
    let (mut child, lines) = start_watch(&sandbox);
    fs::rename(&outside, clips(&sandbox).join("batch")).unwrap();
    let mut got = vec![
        lines.recv_timeout(Duration::from_secs(20)).expect("a.mp4"),
        lines.recv_timeout(Duration::from_secs(20)).expect("b.mp4"),
    ];
    got.sort();
    assert!(
        got[0].contains("clips/batch/a.mp4: runway gen-4, 60 credits"),
        "{got:?}"
    );
    assert!(
        got[1].contains("clips/batch/inner/b.mp4: runway gen-4, 120 credits"),
        "{got:?}"
    );
    signal(&child, "INT");
    assert_eq!(wait_exit(&mut child).code(), Some(0));
    assert_eq!(entry_count(&sandbox.db()), 2);
}

#[test]
fn sigint_stops_watch_during_its_first_pass() {
    let sandbox = Sandbox::with_db();
    let dir = clips(&sandbox);
    fs::create_dir_all(&dir).unwrap();
    // 64 GiB that take no room (a sparse file): hashing it takes far longer than the test.
    fs::File::create(dir.join("huge.mp4"))
        .unwrap()
        .set_len(64 << 30)
        .unwrap();
    let mut child = sandbox
        .command(&[
            "scan",
            "clips",
            "--watch",
            "--platform",
            "runway",
            "--model",
            "gen-4",
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    std::thread::sleep(Duration::from_millis(1500));
    let asked = Instant::now();
    signal(&child, "INT");
    let status = wait_exit(&mut child);
    assert!(
        asked.elapsed() < Duration::from_secs(5),
        "stopped only after {:?}",
        asked.elapsed()
    );
    assert_eq!(status.code(), Some(0));
    let mut stderr = String::new();
    std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut stderr).unwrap();
    assert!(stderr.contains("stopped watching"), "{stderr}");
}

// ---- what a file is priced as ----

#[test]
fn mode_comes_from_the_flag_or_the_folder_mapping() {
    let sandbox = Sandbox::with_db();
    let dir = clips(&sandbox);
    write_png(&dir.join("flag/a.png"), 1024, 1024);
    let run = sandbox.run(&[
        "--json",
        "scan",
        "clips/flag",
        "--platform",
        "openai",
        "--model",
        "gpt-image-1-mini",
        "--mode",
        "high",
    ]);
    run.success();
    let files = json_files(&run);
    assert_eq!(
        common::decimal(&file_named(&files, "a.png")["cost"])
            .unwrap()
            .to_string(),
        "0.036"
    );
    // From the folder mapping; without one the cheapest mode, and said.
    write_png_seeded(&dir.join("mapped/b.png"), 1024, 1024, 1);
    write_png_seeded(&dir.join("plain/c.png"), 1024, 1024, 2);
    map_folders(
        &sandbox,
        &[
            (
                &dir.join("mapped"),
                r#"platform = "openai", model = "gpt-image-1-mini", mode = "medium""#,
            ),
            (
                &dir.join("plain"),
                r#"platform = "openai", model = "gpt-image-1-mini""#,
            ),
        ],
    );
    let run = sandbox.run(&["--json", "scan", "clips/mapped", "clips/plain"]);
    run.success();
    let files = json_files(&run);
    let b = file_named(&files, "b.png");
    assert_eq!(b["status"], "logged", "{b:#}");
    assert_eq!(common::decimal(&b["cost"]).unwrap().to_string(), "0.011");
    assert_eq!(
        common::decimal(&file_named(&files, "c.png")["cost"])
            .unwrap()
            .to_string(),
        "0.005"
    );
    // A mode the model does not offer is refused, naming what it offers.
    write_png_seeded(&dir.join("bad/d.png"), 1024, 1024, 3);
    let run = sandbox.run(&[
        "scan",
        "clips/bad",
        "--platform",
        "openai",
        "--model",
        "gpt-image-1-mini",
        "--mode",
        "ultra",
    ]);
    run.success().stdout_has("not logged").stdout_has("offers");
}

#[test]
fn reasons_speak_of_the_file_and_the_config_not_of_log_flags() {
    let sandbox = Sandbox::with_db();
    let dir = clips(&sandbox);
    // Sound read from the file.
    write_mp4(&dir.join("runway/sound.mp4"), 1280, 720, 5000, true);
    sandbox
        .run(&[
            "scan",
            "clips/runway",
            "--platform",
            "runway",
            "--model",
            "gen-4",
        ])
        .success()
        .stdout_has("the file has a sound track and gen-4 has no price for audio")
        .stdout_lacks("--audio");
    // A platform misspelt in the config file: fixed there.
    write_mp4(&dir.join("typo/a.mp4"), 1280, 720, 5000, false);
    map_folders(
        &sandbox,
        &[(&dir.join("typo"), r#"platform = "runwey", model = "gen-4""#)],
    );
    sandbox
        .run(&["scan", "clips/typo"])
        .success()
        .stdout_has("platform `runwey` is not in the pricing tables")
        .stdout_has("[scan]")
        .stdout_has("fix the platform there")
        .stdout_lacks("--credits");
}

#[test]
fn a_strict_budget_warns_but_does_not_refuse_a_scanned_clip() {
    let sandbox = Sandbox::with_db();
    let dir = clips(&sandbox);
    write_mp4(&dir.join("launch/a.mp4"), 1280, 720, 10000, false);
    sandbox.write(".config/credits/config.toml", "strict_budget = true\n");
    sandbox
        .run(&[
            "budget",
            "set",
            "launch",
            "100",
            "--credits",
            "--platform",
            "runway",
        ])
        .success();
    let run = sandbox.run(&["scan", "clips", "--platform", "runway", "--model", "gen-4"]);
    run.success()
        .stdout_has("logged 1 of 1 file")
        .stdout_lacks("not logged")
        .stderr_has("warning:")
        .stderr_has("launch");
    assert_eq!(entry_count(&sandbox.db()), 1);
}

#[test]
fn dry_run_says_would_and_names_a_repeat_by_its_file() {
    let sandbox = Sandbox::with_db();
    let dir = clips(&sandbox);
    write_mp4(&dir.join("p/a.mp4"), 1280, 720, 5000, false);
    fs::copy(dir.join("p/a.mp4"), dir.join("p/b.mp4")).unwrap();
    sandbox
        .run(&[
            "budget",
            "set",
            "p",
            "50",
            "--credits",
            "--platform",
            "runway",
        ])
        .success();
    let run = sandbox.run(&[
        "scan",
        "clips",
        "--platform",
        "runway",
        "--model",
        "gen-4",
        "--dry-run",
    ]);
    run.success()
        .stdout_has("the same file as clips/p/a.mp4 above")
        .stdout_lacks("already #")
        .stdout_has("would log 1 of 2 files")
        .stderr_has("would take")
        .stderr_lacks("logged anyway");
    // Beyond the balance: what would happen, not what did.
    sandbox
        .run(&["account", "set", "runway", "--plan", "Standard"])
        .success();
    sandbox
        .run(&["adjust", "runway", "-600", "--note", "spent elsewhere"])
        .success();
    sandbox
        .run(&[
            "scan",
            "clips",
            "--platform",
            "runway",
            "--model",
            "gen-4",
            "--dry-run",
        ])
        .success()
        .stderr_has("it would take the runway balance to -35")
        .stderr_lacks("it is now");
}

// ---- identification, continued ----

#[test]
fn a_generator_naming_only_a_platform_gives_way_to_a_mapped_folder() {
    let sandbox = Sandbox::with_db();
    let dir = clips(&sandbox);
    let clip = dir.join("mapped/photos.mp4");
    write_mp4(&clip, 1280, 720, 5000, false);
    add_c2pa(&clip, "Google Photos", "some-editor");
    map_folders(
        &sandbox,
        &[(
            &dir.join("mapped"),
            r#"platform = "runway", model = "gen-4""#,
        )],
    );
    let run = sandbox.run(&["--json", "scan", "clips"]);
    run.success();
    let files = json_files(&run);
    let f = file_named(&files, "photos.mp4");
    assert_eq!(f["status"], "logged", "{f:#}");
    assert_eq!(
        (f["platform"].clone(), f["model"].clone()),
        ("runway".into(), "gen-4".into())
    );
    let how = f["identified_by"].as_str().unwrap();
    assert!(
        how.contains("config folder") && how.contains("C2PA (unverified): Google Photos"),
        "{how}"
    );
    // A platform's name inside a word names nothing: "Sparkling" is not Kling.
    let other = dir.join("loose/sparkle.mp4");
    write_mp4(&other, 1280, 720, 6000, false);
    add_c2pa(&other, "Sparkling Studio 2", "kling-v2-6");
    let run = sandbox.run(&["--json", "scan", "clips/loose"]);
    let files = json_files(&run);
    let f = file_named(&files, "sparkle.mp4");
    assert_eq!(f["status"], "unidentified", "{f:#}");
    assert_eq!(f["platform"], serde_json::Value::Null, "{f:#}");
}

#[test]
fn nested_config_folders_inherit_what_they_leave_out() {
    let sandbox = Sandbox::with_db();
    let dir = clips(&sandbox);
    write_mp4(&dir.join("vids/deep/a.mp4"), 1280, 720, 5000, false);
    write_mp4(&dir.join("half/b.mp4"), 1280, 720, 10000, false);
    map_folders(
        &sandbox,
        &[
            (
                &dir.join("vids"),
                r#"platform = "runway", model = "gen-4", project = "teaser""#,
            ),
            (&dir.join("vids/deep"), r#"model = "gen-4-turbo""#),
            (&dir.join("half"), r#"platform = "runway""#),
        ],
    );
    let run = sandbox.run(&["--json", "scan", "clips"]);
    run.success();
    let files = json_files(&run);
    let a = file_named(&files, "a.mp4");
    assert_eq!(a["status"], "logged", "{a:#}");
    assert_eq!(
        (
            a["platform"].clone(),
            a["model"].clone(),
            a["project"].clone()
        ),
        ("runway".into(), "gen-4-turbo".into(), "teaser".into())
    );
    // A mapped folder without a model: the hint says what its mapping lacks.
    let b = file_named(&files, "b.mp4");
    assert_eq!(b["status"], "unidentified");
    let why = b["reason"].as_str().unwrap();
    assert!(
        why.contains("mapped under [scan]") && why.contains("gives no model"),
        "{why}"
    );
}

#[test]
fn rescans_show_the_logged_entry_and_json_uses_canonical_ids() {
    let sandbox = Sandbox::with_db();
    let dir = clips(&sandbox);
    write_mp4(&dir.join("a.mp4"), 1280, 720, 5000, false);
    let run = sandbox.run(&[
        "--json",
        "scan",
        "clips",
        "--platform",
        "Runway",
        "--model",
        "Gen-4",
    ]);
    run.success();
    let files = json_files(&run);
    assert_eq!(
        (files[0]["platform"].clone(), files[0]["model"].clone()),
        ("runway".into(), "gen-4".into())
    );
    // Not logged (a clip for an image model): still the tables' ids.
    write_mp4(&clips(&sandbox).join("b.mp4"), 1280, 720, 6000, false);
    let run = sandbox.run(&[
        "--json",
        "scan",
        "clips/b.mp4",
        "--platform",
        "OpenAI",
        "--model",
        "GPT-Image-1-Mini",
    ]);
    let files = json_files(&run);
    assert_eq!(files[0]["status"], "not_logged");
    assert_eq!(
        (files[0]["platform"].clone(), files[0]["model"].clone()),
        ("openai".into(), "gpt-image-1-mini".into())
    );
    let again = sandbox.run(&["--json", "scan", "clips/a.mp4"]);
    let files = json_files(&again);
    assert_eq!(files[0]["status"], "already_logged");
    assert_eq!(
        (files[0]["platform"].clone(), files[0]["model"].clone()),
        ("runway".into(), "gen-4".into())
    );
}

/// Without a `project`, a file in a subfolder of a mapped folder belongs to the mapped
/// folder's project (a batch folder is not a project of its own); a file in no mapped
/// folder to the folder holding it. A file that is not media at all is said to be so, not
/// "cut short".
#[test]
fn a_subfolder_of_a_mapped_folder_is_the_same_project() {
    let sandbox = Sandbox::with_db();
    let dir = clips(&sandbox);
    write_mp4(&dir.join("spring-ad/batch2/a.mp4"), 1280, 720, 10000, false);
    write_mp4(&dir.join("loose/b.mp4"), 1280, 720, 5000, false);
    sandbox.write("clips/loose/fake.mp4", "junk\n");
    map_folders(
        &sandbox,
        &[(
            &dir.join("spring-ad"),
            r#"platform = "runway", model = "gen-4""#,
        )],
    );
    let run = sandbox.run(&[
        "--json",
        "scan",
        "clips",
        "--platform",
        "runway",
        "--model",
        "gen-4",
    ]);
    run.success();
    let files = json_files(&run);
    assert_eq!(
        file_named(&files, "a.mp4")["project"],
        "spring-ad",
        "{files:#?}"
    );
    assert_eq!(file_named(&files, "b.mp4")["project"], "loose");
    let fake = file_named(&files, "fake.mp4");
    let why = fake["reason"].as_str().unwrap();
    assert!(
        why.contains("not a readable MP4") && !why.contains("cut short"),
        "{why}"
    );
}

#[test]
fn no_audio_price_logs_a_clip_with_sound_at_the_price_without_audio_and_says_so() {
    // Issue 22: every clip with a sound track was refused on models with no audio price,
    // with no way to say "the sound was added later, log the video".
    let sandbox = Sandbox::with_db();
    let dir = clips(&sandbox);
    write_mp4(&dir.join("runway/sound.mp4"), 1280, 720, 5000, true);
    let args = [
        "scan",
        "clips/runway",
        "--platform",
        "runway",
        "--model",
        "gen-4",
    ];
    sandbox
        .run(&args)
        .success()
        .stdout_has("not logged")
        .stdout_has("--no-audio-price logs it");
    assert_eq!(entry_count(&sandbox.db()), 0);

    let mut flagged = args.to_vec();
    flagged.push("--no-audio-price");
    sandbox.run(&flagged).success().stdout_has("logged #1");
    let history = sandbox.run(&["--json", "history"]);
    let entry = &history.json()[0];
    assert_eq!(entry["model"], "gen-4");
    assert_eq!(
        common::decimal(&entry["credits"]).unwrap().to_string(),
        "60"
    );
    assert!(
        entry["note"]
            .as_str()
            .unwrap()
            .contains("sound track is not priced"),
        "{entry:#}"
    );

    // The same from the folder's mapping.
    write_mp4(&dir.join("mapped/sound.mp4"), 1280, 720, 10000, true);
    map_folders(
        &sandbox,
        &[(
            &dir.join("mapped"),
            "platform = \"runway\", model = \"gen-4\", no_audio_price = true",
        )],
    );
    sandbox
        .run(&["scan", "clips/mapped"])
        .success()
        .stdout_has("logged #2");
}
