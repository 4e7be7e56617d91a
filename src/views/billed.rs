//! `import --from PLATFORM --json`: what the platform's billing export brought, item by item.

use super::Dec;
use credits_app::ops::billed::{
    BilledAction, BilledImport, BilledKind, DayDrift, DriftUnit, FailureEvidence, Reconciliation,
};
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
    /// Prepaid packs recorded as top-ups (Kling).
    pub topups_added: usize,
    /// Prepaid packs taken as top-ups recorded by hand, now linked to them.
    pub topups_matched: usize,
    pub already_present: usize,
    pub skipped: usize,
    /// What the packs usable now have left, summed (Kling); null when none was listed.
    pub units_left: Option<Dec>,
    /// Of `units_left`, what is in packs this import did not record (a size the tables do
    /// not sell): not the ledger's to check until recorded.
    pub units_left_unrecorded: Dec,
    /// `sync kling`: that balance checked against the ledger, as `balance --expect` checks
    /// it; null otherwise.
    pub balance_check: Option<super::balance::CheckView<'a>>,
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
    /// Why the entry added was left unpriced (its cost unknown); null when priced.
    pub unpriced: Option<&'a str>,
    /// `added`, `enriched`, `line_added`, `line_replaced`, `topup_added`, `topup_matched`,
    /// `already_present`, `skipped`.
    pub action: &'static str,
    pub entry_id: Option<i64>,
    /// How an enriched entry was matched: `id` or `time`.
    pub matched_by: Option<&'static str>,
    /// The entry's status before and after, when the platform's replaced it.
    pub status_changed: Option<[&'static str; 2]>,
    /// Why it was skipped; for a pack recorded, what the platform listed (left, validity).
    pub reason: Option<&'a str>,
    /// A pack recorded as a top-up: the tables' pack it is priced as, with its price.
    pub priced_as: Option<&'a str>,
    /// A pack recorded as a top-up, or matched to one recorded by hand: the top-up's id.
    pub topup_id: Option<i64>,
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
            topups_added: c.topups_added,
            topups_matched: c.topups_matched,
            already_present: c.already,
            skipped: c.skipped,
            units_left: import.units_left.map(Dec),
            units_left_unrecorded: Dec(import.units_left_unrecorded),
            balance_check: None,
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
                        BilledAction::TopupAdded { said, .. } => {
                            ("topup_added", None, None, None, Some(said.as_str()))
                        }
                        BilledAction::TopupMatched { said, .. } => {
                            ("topup_matched", None, None, None, Some(said.as_str()))
                        }
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
                        unpriced: i.unpriced.as_deref(),
                        action,
                        entry_id,
                        matched_by,
                        status_changed,
                        reason,
                        priced_as: match &i.action {
                            BilledAction::TopupAdded { pack, .. } => Some(pack.as_str()),
                            _ => None,
                        },
                        topup_id: match &i.action {
                            BilledAction::TopupAdded { topup_id, .. }
                            | BilledAction::TopupMatched { topup_id, .. } => Some(*topup_id),
                            _ => None,
                        },
                    }
                })
                .collect(),
        }
    }
}

/// `reconcile --json`: the same headings as the text, amounts as decimal strings.
#[derive(Serialize)]
pub struct ReconcileView<'a> {
    pub totals: Vec<TotalView<'a>>,
    pub largest_differences: Vec<DayView<'a>>,
    pub billed_not_logged: Vec<DayView<'a>>,
    pub generations_not_logged: Vec<GenerationView<'a>>,
    pub logged_not_billed: Vec<DayView<'a>>,
    pub failures_charged: Vec<FailureView<'a>>,
    /// Billed lines in another unit than their platform's estimate: never compared.
    pub not_compared: Vec<NotComparedView<'a>>,
}

#[derive(Serialize)]
pub struct NotComparedView<'a> {
    pub platform: &'a str,
    pub model: &'a str,
    pub day: String,
    /// The line's unit: a currency code, or `credits`.
    pub unit: &'a str,
    pub billed: Option<Dec>,
    /// The unit the log estimates the platform in.
    pub estimated_in: &'a str,
}

/// The unit of an amount: a currency code, or `credits`.
fn unit_text(u: &DriftUnit) -> &str {
    match u {
        DriftUnit::Money(c) => c,
        DriftUnit::Credits => "credits",
    }
}

#[derive(Serialize)]
pub struct TotalView<'a> {
    pub platform: &'a str,
    pub unit: &'a str,
    pub from: String,
    pub to: String,
    pub estimated: Dec,
    /// Entries whose estimate is unknown (not counted in `estimated`).
    pub unpriced: usize,
    pub billed: Dec,
    pub difference: Option<Dec>,
}

#[derive(Serialize)]
pub struct DayView<'a> {
    pub platform: &'a str,
    pub model: &'a str,
    pub day: String,
    pub unit: &'a str,
    pub logged: usize,
    /// Null when unknown (an unpriced entry) or nothing was logged.
    pub estimated: Option<Dec>,
    pub unpriced: usize,
    /// Null when the platform billed nothing for it.
    pub billed: Option<Dec>,
    /// Billed minus estimated, when both are known.
    pub difference: Option<Dec>,
}

#[derive(Serialize)]
pub struct GenerationView<'a> {
    pub platform: &'a str,
    pub reference: &'a str,
    pub model: &'a str,
    pub at: String,
    pub status: &'static str,
    pub entry_id: Option<i64>,
}

#[derive(Serialize)]
pub struct FailureView<'a> {
    pub entry_id: i64,
    pub platform: &'a str,
    pub model: &'a str,
    pub at: String,
    pub unit: &'a str,
    pub estimated: Option<Dec>,
    /// `day_billed_in_full` or `listed_failed`.
    pub evidence: &'static str,
}

impl<'a> DayView<'a> {
    pub fn new(d: &'a DayDrift) -> DayView<'a> {
        DayView {
            platform: &d.platform,
            model: &d.model,
            day: d.day.to_string(),
            unit: unit_text(&d.unit),
            logged: d.logged,
            estimated: if d.logged > 0 {
                d.estimated.map(Dec)
            } else {
                None
            },
            unpriced: d.unpriced,
            billed: d.billed.map(Dec),
            difference: d.difference().filter(|_| d.logged > 0).map(Dec),
        }
    }
}

impl<'a> ReconcileView<'a> {
    pub fn new(r: &'a Reconciliation) -> ReconcileView<'a> {
        ReconcileView {
            totals: r
                .totals
                .iter()
                .map(|t| TotalView {
                    platform: &t.platform,
                    unit: unit_text(&t.unit),
                    from: t.from.to_string(),
                    to: t.to.to_string(),
                    estimated: Dec(t.estimated),
                    unpriced: t.unpriced,
                    billed: Dec(t.billed),
                    difference: t.difference().map(Dec),
                })
                .collect(),
            largest_differences: r.largest.iter().map(DayView::new).collect(),
            billed_not_logged: r.billed_not_logged.iter().map(DayView::new).collect(),
            generations_not_logged: r
                .generations_not_logged
                .iter()
                .map(|g| GenerationView {
                    platform: &g.platform,
                    reference: &g.reference,
                    model: &g.model,
                    at: g.at.format("%Y-%m-%dT%H:%M:%SZ").to_string(),
                    status: g.status.as_str(),
                    entry_id: g.entry_id,
                })
                .collect(),
            logged_not_billed: r.logged_not_billed.iter().map(DayView::new).collect(),
            failures_charged: r
                .failures_charged
                .iter()
                .map(|f| FailureView {
                    entry_id: f.entry_id,
                    platform: &f.platform,
                    model: &f.model,
                    at: f.at.format("%Y-%m-%dT%H:%M:%SZ").to_string(),
                    unit: unit_text(&f.unit),
                    estimated: f.estimated.map(Dec),
                    evidence: match f.evidence {
                        FailureEvidence::DayBilledInFull => "day_billed_in_full",
                        FailureEvidence::ListedFailed => "listed_failed",
                    },
                })
                .collect(),
            not_compared: r
                .not_compared
                .iter()
                .map(|n| NotComparedView {
                    platform: &n.line.platform,
                    model: &n.line.model,
                    day: n.line.day.to_string(),
                    unit: n
                        .line
                        .amount
                        .as_ref()
                        .map(|m| m.currency.as_str())
                        .unwrap_or("credits"),
                    billed: match &n.line.amount {
                        Some(m) => Some(Dec(m.amount)),
                        None => n.line.credits.map(Dec),
                    },
                    estimated_in: unit_text(&n.estimated_in),
                })
                .collect(),
        }
    }
}
