//! `import --from PLATFORM --json`: what the platform's billing export brought, item by item.

use super::Dec;
use credits_app::ops::billed::{BilledAction, BilledImport, BilledKind};
use serde::Serialize;

#[derive(Serialize)]
pub struct BilledImportView<'a> {
    pub file: String,
    pub from: &'static str,
    pub platform: &'a str,
    pub added: usize,
    pub enriched: usize,
    pub lines_added: usize,
    pub lines_replaced: usize,
    pub already_present: usize,
    pub skipped: usize,
    pub items: Vec<BilledItemView<'a>>,
}

#[derive(Serialize)]
pub struct BilledItemView<'a> {
    /// `generation`, `line` or `pack`.
    pub kind: &'static str,
    /// The platform's id of a generation, `MODEL DAY [UNIT]` of a line.
    pub reference: &'a str,
    pub model: &'a str,
    pub known_model: bool,
    pub at: String,
    pub status: Option<&'static str>,
    /// What the platform billed, or null when it did not say.
    pub billed: Option<Dec>,
    pub billed_currency: Option<&'a str>,
    pub billed_credits: Option<Dec>,
    /// `added`, `enriched`, `line_added`, `line_replaced`, `already_present`, `skipped`.
    pub action: &'static str,
    pub entry_id: Option<i64>,
    /// How an enriched entry was matched: `id` or `time`.
    pub matched_by: Option<&'static str>,
    /// The entry's status before and after, when the platform's replaced it.
    pub status_changed: Option<[&'static str; 2]>,
    /// Why it was skipped.
    pub reason: Option<&'a str>,
}

impl<'a> BilledImportView<'a> {
    pub fn new(path: &std::path::Path, import: &'a BilledImport) -> BilledImportView<'a> {
        let c = import.counts();
        BilledImportView {
            file: path.display().to_string(),
            from: import.source.as_str(),
            platform: &import.platform,
            added: c.added,
            enriched: c.enriched,
            lines_added: c.lines_added,
            lines_replaced: c.lines_replaced,
            already_present: c.already,
            skipped: c.skipped,
            items: import
                .items
                .iter()
                .map(|i| {
                    let (action, entry_id, matched_by, status_changed, reason) = match &i.action {
                        BilledAction::Added { entry_id } => {
                            ("added", Some(*entry_id), None, None, None)
                        }
                        BilledAction::Enriched {
                            entry_id,
                            by,
                            status,
                        } => (
                            "enriched",
                            Some(*entry_id),
                            Some(by.as_str()),
                            status.map(|(a, b)| [a.as_str(), b.as_str()]),
                            None,
                        ),
                        BilledAction::LineAdded => ("line_added", None, None, None, None),
                        BilledAction::LineReplaced => ("line_replaced", None, None, None, None),
                        BilledAction::AlreadyThere => ("already_present", None, None, None, None),
                        BilledAction::Skipped(why) => {
                            ("skipped", None, None, None, Some(why.as_str()))
                        }
                    };
                    BilledItemView {
                        kind: match i.kind {
                            BilledKind::Generation => "generation",
                            BilledKind::Line => "line",
                            BilledKind::Pack => "pack",
                        },
                        reference: &i.reference,
                        model: &i.model,
                        known_model: i.known_model,
                        at: i.at.format("%Y-%m-%dT%H:%M:%SZ").to_string(),
                        status: i.status.map(|s| s.as_str()),
                        billed: i.billed.as_ref().map(|m| Dec(m.amount)),
                        billed_currency: i.billed.as_ref().map(|m| m.currency.as_str()),
                        billed_credits: i.billed_credits.map(Dec),
                        action,
                        entry_id,
                        matched_by,
                        status_changed,
                        reason,
                    }
                })
                .collect(),
        }
    }
}
