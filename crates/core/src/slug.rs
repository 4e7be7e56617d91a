//! Ids for platforms, plans, packs and models, and "did you mean" suggestions.
//!
//! An id is the slug of a display name: lowercased, any parenthesised part dropped,
//! runs of spaces turned into `-` (issue 2: `Google Veo2 (5s)` → `google-veo2`). On the
//! command line a name matches an id case-insensitively, by id or by display name.

use crate::error::{ErrorKind, UserError};

/// The slug of a display name.
pub fn slugify(name: &str) -> String {
    let mut without_parens = String::with_capacity(name.len());
    let mut depth = 0usize;
    for ch in name.chars() {
        match ch {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 => without_parens.push(ch),
            _ => {}
        }
    }
    without_parens
        .split_whitespace()
        .collect::<Vec<_>>()
        .join("-")
        .to_lowercase()
}

/// Whether what the user typed names the item with this id and display name.
pub fn matches(typed: &str, id: &str, name: &str) -> bool {
    let typed = typed.trim();
    typed.eq_ignore_ascii_case(id) || typed.eq_ignore_ascii_case(name) || slugify(typed) == id
}

/// The known ids closest to what the user typed, best first (at most three).
///
/// Case-insensitive edit distance, like cargo's suggestions; a typed prefix or
/// substring of an id also counts as close.
pub fn suggest<'a>(typed: &str, ids: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let typed = slugify(typed);
    let mut scored: Vec<(usize, &str)> = ids
        .into_iter()
        .filter_map(|id| {
            let distance = strsim::levenshtein(&typed, id);
            let limit = (typed.chars().count().max(3) / 3).max(2);
            let related = !typed.is_empty() && (id.contains(&typed) || typed.contains(id));
            (distance <= limit || related).then_some((distance, id))
        })
        .collect();
    scored.sort();
    scored.dedup_by(|a, b| a.1 == b.1);
    scored
        .into_iter()
        .take(3)
        .map(|(_, id)| id.to_string())
        .collect()
}

/// A `help:` line for an unknown name, or a list of what exists when nothing is close.
pub fn did_you_mean<'a>(
    typed: &str,
    what: &str,
    ids: impl IntoIterator<Item = &'a str> + Clone,
) -> String {
    let close = suggest(typed, ids.clone());
    if close.is_empty() {
        let all: Vec<&str> = ids.into_iter().collect();
        if all.is_empty() {
            return format!("there are no {what} in this table");
        }
        format!("known {what}: {}", all.join(", "))
    } else {
        let quoted: Vec<String> = close.iter().map(|id| format!("`{id}`")).collect();
        format!("did you mean {}?", quoted.join(" or "))
    }
}

/// The error for a name no list knows: `message` as given, the `help:` line of
/// [`did_you_mean`] (or `empty_help` when the list is empty and one is given), and the kind
/// [`ErrorKind::UnknownName`] with the close ids.
pub fn unknown<'a>(
    what: &'static str,
    typed: &str,
    message: String,
    ids: impl IntoIterator<Item = &'a str> + Clone,
    empty_help: Option<String>,
) -> anyhow::Error {
    let help = match empty_help {
        Some(help) if ids.clone().into_iter().next().is_none() => help,
        _ => did_you_mean(typed, &format!("{what}s"), ids.clone()),
    };
    UserError::with_help(message, help)
        .kind(ErrorKind::UnknownName {
            what,
            typed: typed.to_string(),
            close: suggest(typed, ids),
        })
        .into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_follow_the_issue_examples() {
        assert_eq!(slugify("Kling AI"), "kling-ai");
        assert_eq!(slugify("Sora 2"), "sora-2");
        assert_eq!(slugify("Seedance 2.0"), "seedance-2.0");
        assert_eq!(slugify("Kling v2.1"), "kling-v2.1");
        assert_eq!(slugify("Google Veo2 (5s)"), "google-veo2");
        assert_eq!(slugify("Google Text-to-Speech"), "google-text-to-speech");
        assert_eq!(slugify("Script Generation (GPT-4)"), "script-generation");
    }

    #[test]
    fn names_match_by_id_or_display_name_in_any_case() {
        assert!(matches("KLING-AI", "kling-ai", "Kling AI"));
        assert!(matches("kling ai", "kling-ai", "Kling AI"));
        assert!(!matches("kling", "kling-ai", "Kling AI"));
    }

    #[test]
    fn suggestions_find_near_misses() {
        let ids = ["kling-ai", "sora-2", "pika-basic", "pika-effects"];
        assert_eq!(suggest("klnig-ai", ids), vec!["kling-ai"]);
        assert_eq!(suggest("pika", ids), vec!["pika-basic", "pika-effects"]);
        assert!(suggest("zzzzzzzz", ids).is_empty());
    }
}
