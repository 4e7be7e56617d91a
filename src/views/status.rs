//! `credits status`: one short line for a prompt, tmux or a status bar, and its `--json`.
//! The JSON shape is stable (docs/guide.md, "The status line"): add keys, never rename.

use super::{dec, Dec};
use serde::Serialize;

#[derive(Serialize)]
pub struct StatusView {
    pub as_of: String,
    /// The line as text shows it (parts that did not fit left out).
    pub line: String,
    pub platforms: Vec<StatusPlatformView>,
    pub budgets: Vec<StatusBudgetView>,
}

#[derive(Serialize)]
pub struct StatusPlatformView {
    pub platform: String,
    pub available: Dec,
    /// Credits a day over the last 14 days, to 2 places.
    pub per_day: Dec,
    /// When the balance runs out at that pace; null when the pace is 0.
    pub runs_out: Option<String>,
    /// Whole days until then; null when the pace is 0.
    pub days_left: Option<i64>,
}

#[derive(Serialize)]
pub struct StatusBudgetView {
    pub project: String,
    pub unit: &'static str,
    pub platform: Option<String>,
    pub currency: Option<String>,
    /// `2026-11` for a monthly budget, `total` otherwise.
    pub period: String,
    pub amount: Dec,
    pub used: Option<Dec>,
    pub percent_used: Option<Dec>,
    /// The highest `budget_warn` threshold reached, or null.
    pub warning: Option<u32>,
    pub exceeded: bool,
}

impl StatusBudgetView {
    pub fn new(u: &credits_app::ops::budgets::BudgetUse, warn: &[u32]) -> StatusBudgetView {
        StatusBudgetView {
            project: u.budget.project.clone(),
            unit: u.budget.unit.as_str(),
            platform: u.budget.platform.clone(),
            currency: u.budget.currency.clone(),
            period: u.period.clone(),
            amount: Dec(u.budget.amount),
            used: dec(u.used),
            percent_used: dec(u.percent),
            warning: u.warning(warn),
            exceeded: u.exceeded,
        }
    }
}

/// The most characters the line may have.
pub const MAX_CHARS: usize = 79;

/// The separator between parts.
const SEP: &str = " · ";

/// The line: `format` with `{platforms}` and `{budgets}` replaced by their items (each a
/// list of parts, the first the item itself), fitted under [`MAX_CHARS`]: trailing parts of
/// the last item go first, then whole items from the end (budgets before platforms); a
/// number is never cut.
pub fn line(format: &str, platforms: &[Vec<String>], budgets: &[Vec<String>]) -> String {
    let mut items: Vec<(bool, Vec<String>)> = platforms
        .iter()
        .map(|p| (true, p.clone()))
        .chain(budgets.iter().map(|b| (false, b.clone())))
        .collect();
    loop {
        let text = fill(format, &items);
        if text.chars().count() <= MAX_CHARS || items.is_empty() {
            return text;
        }
        let last = items.len() - 1;
        if items[last].1.len() > 1 {
            items[last].1.pop();
        } else {
            items.pop();
        }
    }
}

fn fill(format: &str, items: &[(bool, Vec<String>)]) -> String {
    let join = |platform: bool| {
        items
            .iter()
            .filter(|(p, _)| *p == platform)
            .map(|(_, parts)| parts.join(SEP))
            .collect::<Vec<_>>()
            .join(SEP)
    };
    let text = format
        .replace("{platforms}", &join(true))
        .replace("{budgets}", &join(false));
    // An empty list leaves its separators behind: drop them. Split on the separator with
    // its spaces, so a name with a `·` of its own (`a·b`) stays whole.
    let parts: Vec<&str> = text
        .split(SEP)
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    parts.join(SEP)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_with_a_middle_dot_stays_whole_and_empty_lists_leave_no_separator() {
        let platforms = vec![vec!["runway 1,310 cr".to_string()]];
        let budgets = vec![vec!["a·b $0/$5".to_string()]];
        assert_eq!(
            line("{platforms} · {budgets}", &platforms, &budgets),
            "runway 1,310 cr · a·b $0/$5"
        );
        assert_eq!(
            line("{platforms} · {budgets}", &platforms, &[]),
            "runway 1,310 cr"
        );
        assert_eq!(line("{platforms} · {budgets}", &[], &budgets), "a·b $0/$5");
    }
}
