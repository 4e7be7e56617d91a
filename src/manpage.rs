//! `credits man`: one roff page with every command (recursively) and its options, plus
//! EXIT STATUS, ENVIRONMENT, FILES and EXAMPLES; `credits man --dir DIR` also writes one
//! page per command (`credits-log.1`, `credits-pricing-show.1`, …), which SEE ALSO names.
//!
//! clap_mangen renders the title, name, synopsis, description and global options; the
//! command sections and the rest are written here with `roff`, from the same clap command.

use crate::cli::Cli;
use anyhow::{Context as _, Result};
use clap::{Arg, Command, CommandFactory};
use clap_mangen::Man;
use roff::{bold, italic, roman, Inline, Roff};
use std::io::Write;
use std::path::{Path, PathBuf};

const EXIT_STATUS: &[(&str, &str)] = &[
    ("0", "Success."),
    (
        "1",
        "An error: error: ... on stderr, with help: ... where there is a suggestion.",
    ),
    (
        "2",
        "A usage error: an unknown option, a missing or malformed value.",
    ),
    (
        "3",
        "credits budget check: at least one budget is exceeded; credits log --strict-budget: the entry would take a budget over (nothing is written); credits balance PLATFORM --expect N: the ledger and the platform differ (the check is kept).",
    ),
];

const ENVIRONMENT: &[(&str, &str)] = &[
    ("CREDITS_DB", "The generation log database, as --db."),
    (
        "CREDITS_PRICING_DIR",
        "A folder of *.toml pricing tables, as --pricing-dir (it must exist).",
    ),
    (
        "CREDITS_PROJECT",
        "The default --project of credits log (before project in the config file).",
    ),
    (
        "CREDITS_USER",
        "Who records entries, top-ups, adjustments and plan changes, as --user (before user in \
         the config file, then the login name).",
    ),
    (
        "CREDITS_NOW",
        "An RFC 3339 time that stands in for the clock (for tests and dated scenarios).",
    ),
    (
        "NO_COLOR",
        "Honoured: the output has no colour or other styling at all.",
    ),
    ("COLUMNS", "The terminal width tables are fitted to."),
    (
        "FAL_KEY, REPLICATE_API_TOKEN, OPENAI_ADMIN_KEY, RUNWAYML_API_SECRET, KLING_ACCESS_KEY, KLING_SECRET_KEY",
        "The keys credits sync sends to each platform's API (read only by that command, never shown or stored).",
    ),
    (
        "CREDITS_SYNC_BASE_URL",
        "Replaces the platforms' API address for credits sync (a proxy, a test server); plain http:// only to this machine.",
    ),
];

const FILES: &[(&str, &str)] = &[
    (
        "~/.config/credits/config.toml",
        "The config file (project: the default project of credits log; user: who records).",
    ),
    (
        "~/.config/credits/pricing/",
        "Your pricing tables (*.toml): patches of the shipped tables, or new platforms.",
    ),
    (
        "~/.local/share/credits/credits.db",
        "The generation log, plans, top-ups, adjustments and budgets (SQLite; $XDG_DATA_HOME/credits/ when set).",
    ),
    (
        "~/.local/share/credits/pricing-bundle.json",
        "The pricing bundle credits pricing update installs.",
    ),
];

const EXAMPLES: &[(&str, &str)] = &[
    (
        "credits estimate runway gen-4 --duration 10",
        "What one 10-second clip costs: credits, plan, per clip, per second.",
    ),
    (
        "credits compare --duration 10 --resolution 1080p",
        "Every model that can make the shot, cheapest per second first.",
    ),
    (
        "credits plans --usage \"40x gen-4 10s, 100x image\" --retries 30",
        "The cheapest plan (or packs, or pay per use) for a month of work.",
    ),
    (
        "credits log runway gen-4 --duration 10 --project spring-ad --tag client=acme",
        "Record a generation.",
    ),
    (
        "credits log runway gen-4 --duration 10 --at \"2026-11-15 15:00\"",
        "Record one made earlier (local time; also today, yesterday, 3d).",
    ),
    (
        "credits report --by project --by month --since 30d",
        "What the last 30 days cost, by project and month.",
    ),
    (
        "credits account set runway --plan pro --since 2026-11-01",
        "The plan you are on, so log and estimate price with it.",
    ),
    (
        "credits budget check || echo over budget",
        "Exit 3 when a budget is exceeded.",
    ),
    (
        "credits man --dir ~/.local/share/man/man1",
        "Install these pages.",
    ),
];

/// The clap command the pages are made from: built, without the `help` subcommand.
pub fn command() -> Command {
    let mut cmd = Cli::command().disable_help_subcommand(true);
    cmd.build();
    cmd
}

/// Every visible command below `cmd`, depth first, with its full name (`credits pricing show`).
pub fn subcommands(cmd: &Command) -> Vec<(String, &Command)> {
    fn walk<'a>(prefix: &str, cmd: &'a Command, out: &mut Vec<(String, &'a Command)>) {
        for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
            let name = format!("{prefix} {}", sub.get_name());
            out.push((name.clone(), sub));
            walk(&name, sub, out);
        }
    }
    let mut out = Vec::new();
    walk(cmd.get_name(), cmd, &mut out);
    out
}

/// Whether an argument is one of the root's global options (described once, under OPTIONS).
fn is_global(root: &Command, arg: &Arg) -> bool {
    arg.is_global_set()
        || root
            .get_arguments()
            .any(|a| a.is_global_set() && a.get_id() == arg.get_id())
}

/// The arguments a command's section lists: its own, visible, not `--help`.
pub fn own_arguments<'a>(root: &Command, cmd: &'a Command) -> Vec<&'a Arg> {
    cmd.get_arguments()
        .filter(|a| !a.is_hide_set() && !is_global(root, a) && a.get_id() != "help")
        .collect()
}

/// The roff text of `roff`, without the apostrophe preamble each rendering repeats.
fn body(text: &[u8]) -> String {
    String::from_utf8_lossy(text)
        .lines()
        .filter(|l| !l.starts_with(".ie \\n(.g .ds Aq") && !l.starts_with(".el .ds Aq"))
        .map(|l| format!("{l}\n"))
        .collect()
}

/// Renders one clap_mangen piece into `out`, preamble dropped.
fn piece(
    out: &mut String,
    render: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<()> {
    let mut buf = Vec::new();
    render(&mut buf)?;
    out.push_str(&body(&buf));
    Ok(())
}

fn help_text(arg: &Arg) -> String {
    let mut text = arg
        .get_long_help()
        .or_else(|| arg.get_help())
        .map(|h| h.to_string())
        .unwrap_or_default();
    let values: Vec<String> = arg
        .get_possible_values()
        .iter()
        .filter(|v| !v.is_hide_set())
        .map(|v| v.get_name().to_string())
        .collect();
    if !values.is_empty() && arg.get_action().takes_values() {
        text.push_str(&format!(" [possible values: {}]", values.join(", ")));
    }
    let defaults: Vec<String> = arg
        .get_default_values()
        .iter()
        .map(|v| v.to_string_lossy().into_owned())
        .collect();
    if !defaults.is_empty() && arg.get_action().takes_values() {
        text.push_str(&format!(" [default: {}]", defaults.join(", ")));
    }
    if let Some(env) = arg.get_env() {
        text.push_str(&format!(" [env: {}]", env.to_string_lossy()));
    }
    text
}

/// One `.TP` entry per argument: `--long <VALUE>` (or `<NAME>`), then its help.
fn arguments(roff: &mut Roff, args: &[&Arg]) {
    for arg in args {
        let mut header: Vec<Inline> = Vec::new();
        let value = arg
            .get_value_names()
            .and_then(|v| v.first())
            .map(|v| v.to_string())
            .unwrap_or_else(|| arg.get_id().to_string().to_uppercase());
        if arg.is_positional() {
            header.push(italic(format!("<{value}>")));
        } else {
            if let Some(short) = arg.get_short() {
                header.push(bold(format!("-{short}")));
                header.push(roman(", "));
            }
            if let Some(long) = arg.get_long() {
                header.push(bold(format!("--{long}")));
            }
            if arg.get_action().takes_values() {
                header.push(roman(" "));
                header.push(italic(format!("<{value}>")));
            }
            if let Some(aliases) = arg.get_visible_aliases() {
                for alias in aliases {
                    header.push(roman(", "));
                    header.push(bold(format!("--{alias}")));
                }
            }
        }
        roff.control("TP", []);
        roff.text(header);
        roff.text([roman(help_text(arg))]);
    }
}

fn definitions(roff: &mut Roff, heading: &str, items: &[(&str, &str)], bold_term: bool) {
    roff.control("SH", [heading]);
    for (term, text) in items {
        roff.control("TP", []);
        roff.text([if bold_term { bold(*term) } else { roman(*term) }]);
        roff.text([roman(*text)]);
    }
}

/// The names of the per-command pages `--dir` writes (`credits-pricing-show`).
fn page_names(root: &Command) -> Vec<String> {
    subcommands(root)
        .into_iter()
        .map(|(name, _)| name.replace(' ', "-"))
        .collect()
}

/// The one page: every command and its options, and the sections a man page has.
pub fn main_page(root: &Command) -> Result<String> {
    let man = Man::new(root.clone());
    let mut page = String::new();
    let mut preamble = Vec::new();
    man.render_title(&mut preamble)?;
    page.push_str(&String::from_utf8_lossy(&preamble));
    piece(&mut page, |w| man.render_name_section(w))?;
    piece(&mut page, |w| man.render_synopsis_section(w))?;
    piece(&mut page, |w| man.render_description_section(w))?;
    piece(&mut page, |w| man.render_options_section(w))?;

    let mut roff = Roff::new();
    roff.control("SH", ["COMMANDS"]);
    for (name, sub) in subcommands(root) {
        roff.control("SS", [name.as_str()]);
        let usage = sub.clone().render_usage().to_string();
        let usage = usage.trim_start_matches("Usage:").trim();
        roff.text([bold(usage)]);
        roff.control("PP", []);
        if let Some(about) = sub.get_long_about().or_else(|| sub.get_about()) {
            roff.text([roman(about.to_string())]);
        }
        let args = own_arguments(root, sub);
        if !args.is_empty() {
            arguments(&mut roff, &args);
        }
        if let Some(after) = sub.get_after_long_help().or_else(|| sub.get_after_help()) {
            after_help(&mut roff, &after.to_string());
        }
    }
    definitions(&mut roff, "EXIT STATUS", EXIT_STATUS, true);
    definitions(&mut roff, "ENVIRONMENT", ENVIRONMENT, true);
    definitions(&mut roff, "FILES", FILES, false);
    roff.control("SH", ["EXAMPLES"]);
    for (command, what) in EXAMPLES {
        roff.control("PP", []);
        roff.text([roman(*what)]);
        roff.control("RS", ["4"]);
        roff.control("nf", []);
        roff.text([bold(format!("$ {command}"))]);
        roff.control("fi", []);
        roff.control("RE", []);
    }
    roff.control("SH", ["SEE ALSO"]);
    let pages: Vec<String> = page_names(root)
        .into_iter()
        .map(|n| format!("{n}(1)"))
        .collect();
    roff.text([roman(format!(
        "One page per command, written by credits man --dir DIR: {}.",
        pages.join(", ")
    ))]);
    page.push_str(&body(roff.render().as_bytes()));
    piece(&mut page, |w| man.render_version_section(w))?;
    Ok(page)
}

/// A command's own page: clap_mangen's, plus SEE ALSO credits(1).
fn command_page(sub: &Command) -> Result<String> {
    let mut buf = Vec::new();
    Man::new(sub.clone()).render(&mut buf)?;
    let mut roff = Roff::new();
    roff.control("SH", ["SEE ALSO"]);
    roff.text([roman(
        "credits(1), for every command, EXIT STATUS, ENVIRONMENT, FILES and EXAMPLES.",
    )]);
    let mut page = String::from_utf8_lossy(&buf).into_owned();
    page.push_str(&body(roff.render().as_bytes()));
    Ok(page)
}

/// Writes `credits.1` and one page per command into `dir` (made if missing); returns the
/// files written.
pub fn write_pages(dir: &Path) -> Result<Vec<PathBuf>> {
    std::fs::create_dir_all(dir)
        .with_context(|| format!("cannot create the folder {}", dir.display()))?;
    let root = command();
    let mut pages = vec![("credits".to_string(), main_page(&root)?)];
    for (name, sub) in subcommands(&root) {
        pages.push((name.replace(' ', "-"), command_page(sub)?));
    }
    let mut written = Vec::new();
    for (name, text) in pages {
        let path = dir.join(format!("{name}.1"));
        std::fs::write(&path, text).with_context(|| format!("cannot write {}", path.display()))?;
        written.push(path);
    }
    Ok(written)
}

/// A command's text after its options, as `--help` shows it: a line of prose is one paragraph
/// (filled to the reader's width, as clap wraps it on a terminal), and lines indented by two
/// spaces (examples, a TOML snippet) are kept exactly as written, never re-wrapped.
fn after_help(roff: &mut Roff, text: &str) {
    let mut example = false;
    for line in text.lines() {
        let indented = line.starts_with("  ");
        if line.trim().is_empty() {
            if example {
                roff.control("fi", []);
                example = false;
            }
            continue;
        }
        if indented && !example {
            roff.control("PP", []);
            roff.control("nf", []);
            example = true;
        } else if !indented {
            if example {
                roff.control("fi", []);
                example = false;
            }
            roff.control("PP", []);
        }
        roff.text([roman(line.to_string())]);
    }
    if example {
        roff.control("fi", []);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The page's section for `name` (`credits pricing show`): from its `.SS` to the next.
    fn section<'a>(page: &'a str, name: &str) -> &'a str {
        let start = page
            .find(&format!(".SS \"{name}\"\n"))
            .unwrap_or_else(|| panic!("no section for {name}"));
        let rest = &page[start + 4..];
        let end = rest
            .find("\n.SS ")
            .or_else(|| rest.find("\n.SH "))
            .unwrap_or(rest.len());
        &rest[..end]
    }

    #[test]
    fn every_command_and_every_long_option_is_on_the_page() {
        let root = command();
        let page = main_page(&root).unwrap();
        let subs = subcommands(&root);
        // Nested ones too.
        for nested in [
            "credits pricing show",
            "credits account set",
            "credits budget check",
        ] {
            assert!(subs.iter().any(|(n, _)| n == nested), "{nested}");
        }
        for (name, sub) in &subs {
            let text = section(&page, name);
            for arg in sub.get_arguments().filter(|a| !a.is_hide_set()) {
                let Some(long) = arg.get_long() else { continue };
                let roff = format!("\\fB\\-\\-{}\\fR", long.replace('-', "\\-"));
                if is_global(&root, arg) || long == "help" {
                    assert!(page.contains(&roff), "global --{long}");
                } else {
                    assert!(text.contains(&roff), "{name} --{long} not in:\n{text}");
                }
            }
        }
        for heading in [
            ".SH OPTIONS",
            ".SH COMMANDS",
            ".SH \"EXIT STATUS\"",
            ".SH ENVIRONMENT",
            ".SH FILES",
            ".SH EXAMPLES",
            ".SH \"SEE ALSO\"",
        ] {
            assert!(page.contains(heading), "{heading}");
        }
        assert_eq!(page.matches(".ds Aq").count(), 2, "one apostrophe preamble");
    }

    #[test]
    fn see_also_names_exactly_the_pages_dir_writes() {
        let dir = tempfile::tempdir().unwrap();
        let written = write_pages(dir.path()).unwrap();
        let page = main_page(&command()).unwrap();
        let see_also = &page[page.find(".SH \"SEE ALSO\"").unwrap()..];
        for path in &written[1..] {
            let stem = path
                .file_stem()
                .unwrap()
                .to_string_lossy()
                .replace('-', "\\-");
            assert!(see_also.contains(&format!("{stem}(1)")), "{stem}");
        }
        assert_eq!(written.len(), subcommands(&command()).len() + 1);
    }
}
