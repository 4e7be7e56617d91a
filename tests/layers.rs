//! The layers hold: the crates depend one way (core ← store ← app ← the `credits` binary),
//! only the store names an SQL driver, the core does no I/O, and inside each crate no two
//! top-level modules import each other, directly or round a circle.
//!
//! Cargo refuses an import against the crate order; these checks cover what it cannot see:
//! a new dependency in the wrong `Cargo.toml`, `std::fs` or the clock slipping into the core,
//! and circles inside one crate (which is how the old single crate's layers were lost).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The `[dependencies]` (not dev) a manifest names.
fn dependencies(manifest: &Path) -> BTreeSet<String> {
    let text = std::fs::read_to_string(manifest).expect("read a Cargo.toml");
    let doc: toml::Table = text.parse().expect("a Cargo.toml parses");
    doc.get("dependencies")
        .and_then(|d| d.as_table())
        .map(|d| d.keys().cloned().collect())
        .unwrap_or_default()
}

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap_or_else(|e| panic!("read {}: {e}", dir.display())) {
        let path = e.expect("a dir entry").path();
        if path.is_dir() {
            out.extend(rust_files(&path));
        } else if path.extension().is_some_and(|x| x == "rs") {
            out.push(path);
        }
    }
    out.sort();
    out
}

/// A file's code: comment lines dropped (docs may name other layers), and its unit tests
/// (`#[cfg(test)] mod tests` and the `tests.rs` / `*_tests.rs` files) left out.
fn code_of(path: &Path) -> String {
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    if name == "tests.rs" || name.ends_with("_tests.rs") || name == "fuzz.rs" {
        return String::new();
    }
    let text = std::fs::read_to_string(path).expect("read a source file");
    let text = match text.find("#[cfg(test)]\nmod tests") {
        Some(i) => &text[..i],
        None => &text[..],
    };
    text.lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The crate's top-level modules: each `src/x.rs` or `src/x/` but the crate root.
fn top_level_modules(src: &Path) -> BTreeMap<String, Vec<PathBuf>> {
    let mut modules = BTreeMap::new();
    for e in std::fs::read_dir(src).expect("read src") {
        let path = e.expect("a dir entry").path();
        let name = path
            .file_stem()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        if path.is_dir() {
            let files = rust_files(&path);
            if !files.is_empty() {
                modules.insert(name, files);
            }
        } else if path.extension().is_some_and(|x| x == "rs") && name != "lib" && name != "main" {
            modules.insert(name, vec![path]);
        }
    }
    modules
}

/// The names a piece of code reaches through `crate::` (and `super::` from a top-level file).
fn names_used(code: &str, top_level_file: bool) -> BTreeSet<String> {
    let squeezed: String = code.split_whitespace().collect();
    let mut names = BTreeSet::new();
    let mut after = |prefix: &str| {
        for (i, _) in squeezed.match_indices(prefix) {
            let rest = &squeezed[i + prefix.len()..];
            if let Some(list) = rest.strip_prefix('{') {
                // `crate::{a, b::c, d::{e, f}}`: the first name of each top-level item.
                let mut depth = 0;
                let mut item_start = true;
                let mut word = String::new();
                for c in list.chars() {
                    match c {
                        '{' => depth += 1,
                        '}' if depth == 0 => break,
                        '}' => depth -= 1,
                        ',' if depth == 0 => {
                            if !word.is_empty() {
                                names.insert(std::mem::take(&mut word));
                            }
                            item_start = true;
                        }
                        c if item_start && (c.is_alphanumeric() || c == '_') => word.push(c),
                        _ => {
                            if !word.is_empty() {
                                names.insert(std::mem::take(&mut word));
                            }
                            item_start = false;
                        }
                    }
                }
                if !word.is_empty() {
                    names.insert(word);
                }
            } else {
                let word: String = rest
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                names.insert(word);
            }
        }
    };
    after("crate::");
    if top_level_file {
        after("super::");
    }
    names
}

/// The circles among a crate's top-level modules (each as its modules, sorted).
fn circles(src: &Path) -> Vec<Vec<String>> {
    let modules = top_level_modules(src);
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (module, files) in &modules {
        for file in files {
            let top_level_file = file.parent() == Some(src);
            for name in names_used(&code_of(file), top_level_file) {
                if name != *module && modules.contains_key(&name) {
                    edges.entry(module.clone()).or_default().insert(name);
                }
            }
        }
    }
    // Two modules are in one circle when each reaches the other.
    let reach = |from: &String| {
        let mut seen = BTreeSet::new();
        let mut todo = vec![from.clone()];
        while let Some(m) = todo.pop() {
            for next in edges.get(&m).into_iter().flatten() {
                if seen.insert(next.clone()) {
                    todo.push(next.clone());
                }
            }
        }
        seen
    };
    let reaches: BTreeMap<&String, BTreeSet<String>> =
        modules.keys().map(|m| (m, reach(m))).collect();
    let mut found: Vec<Vec<String>> = Vec::new();
    for (m, r) in &reaches {
        if !r.contains(*m) {
            continue;
        }
        let mut circle: Vec<String> = r
            .iter()
            .filter(|o| reaches.get(o).is_some_and(|back| back.contains(*m)))
            .cloned()
            .collect();
        circle.sort();
        if !found.contains(&circle) {
            found.push(circle);
        }
    }
    found
}

fn crates() -> Vec<(&'static str, PathBuf)> {
    vec![
        ("credits", root().join("src")),
        ("credits-core", root().join("crates/core/src")),
        ("credits-store", root().join("crates/store/src")),
        ("credits-app", root().join("crates/app/src")),
    ]
}

#[test]
fn no_import_circle_between_the_top_level_modules_of_any_crate() {
    let mut broken = Vec::new();
    for (name, src) in crates() {
        assert!(
            top_level_modules(&src).len() >= 3,
            "{name}: found its modules"
        );
        for circle in circles(&src) {
            broken.push(format!("{name}: {}", circle.join(" ↔ ")));
        }
    }
    assert!(broken.is_empty(), "import circles:\n{}", broken.join("\n"));
}

#[test]
fn the_circle_check_sees_a_circle() {
    let dir = std::env::temp_dir().join(format!("credits-layers-{}", std::process::id()));
    let src = dir.join("src");
    std::fs::create_dir_all(src.join("b")).unwrap();
    std::fs::write(src.join("lib.rs"), "mod a;\nmod b;\nmod c;\n").unwrap();
    std::fs::write(src.join("a.rs"), "use crate::{c, b::x};\n").unwrap();
    std::fs::write(src.join("b/mod.rs"), "// crate::c in a comment\n").unwrap();
    std::fs::write(src.join("b/inner.rs"), "fn f() { crate::a::g(); }\n").unwrap();
    std::fs::write(src.join("c.rs"), "pub fn h() {}\n").unwrap();
    let found = circles(&src);
    std::fs::remove_dir_all(&dir).unwrap();
    assert_eq!(found, vec![vec!["a".to_string(), "b".to_string()]]);
}

#[test]
fn the_crates_depend_one_way_and_only_the_store_names_an_sql_driver() {
    let deps = |path: &str| dependencies(&root().join(path));
    let core = deps("crates/core/Cargo.toml");
    let store = deps("crates/store/Cargo.toml");
    let app = deps("crates/app/Cargo.toml");
    let binary = deps("Cargo.toml");
    let ours = |d: &BTreeSet<String>| -> Vec<String> {
        d.iter()
            .filter(|n| n.starts_with("credits"))
            .cloned()
            .collect()
    };
    assert_eq!(
        ours(&core),
        Vec::<String>::new(),
        "the core depends on no crate of ours"
    );
    assert_eq!(ours(&store), ["credits-core"]);
    assert_eq!(ours(&app), ["credits-core", "credits-store"]);
    assert_eq!(
        ours(&binary),
        ["credits-app", "credits-core", "credits-store"]
    );
    let drivers = ["rusqlite", "postgres", "tokio-postgres", "sqlx", "diesel"];
    for (name, d) in [("core", &core), ("app", &app), ("credits", &binary)] {
        for driver in drivers {
            assert!(!d.contains(driver), "{name} depends on {driver}");
        }
    }
    assert!(store.contains("rusqlite") && store.contains("postgres"));
    // The one other crate that names a driver is the tests' throwaway-server harness
    // (`crates/testpg`: it makes a database per test): never a dependency of the product,
    // only a dev-dependency, so the driver cannot reach the binary through it.
    for (name, d) in [
        ("core", &core),
        ("store", &store),
        ("app", &app),
        ("credits", &binary),
    ] {
        assert!(
            !d.contains("credits-testpg"),
            "{name} depends on credits-testpg"
        );
    }
    let testpg = deps("crates/testpg/Cargo.toml");
    assert!(
        ours(&testpg).is_empty(),
        "the test harness depends on no crate of ours"
    );
    // The core does no I/O: no HTTP, file watching or directory walking either.
    for outer in ["ureq", "notify", "walkdir", "directories", "tempfile"] {
        assert!(!core.contains(outer), "the core depends on {outer}");
    }
}

#[test]
fn the_core_touches_no_file_network_process_or_clock() {
    let src = root().join("crates/core/src");
    let forbidden = [
        "std::fs",
        "std::net",
        "std::process",
        "Utc::now",
        "Local::now",
        "SystemTime::now",
        "Instant::now",
        "std::env::var",
        "std::io::stdin",
    ];
    let mut broken = Vec::new();
    for file in rust_files(&src) {
        let code = code_of(&file);
        for needle in forbidden {
            if code.contains(needle) {
                broken.push(format!("{} uses {needle}", file.display()));
            }
        }
    }
    assert!(broken.is_empty(), "{}", broken.join("\n"));
}
