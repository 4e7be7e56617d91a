//! The views of `credits pricing …`: the tables (`list`, `show`), the files checked and read
//! (`validate`, `dirs`), and the installed bundle (`status`, `update`, `bundle`).

use super::Dec;
use crate::render::Column;
use credits_app::ops::bundle::{BundleState, Installed, Made, Removed, Status};
use credits_core::cost::{self, BillingPeriod};
use credits_core::money::{self, fmt_credits, fmt_credits_amount};
use credits_core::pricing::bundle::{Change, Table};
use credits_core::pricing::catalog::{Catalog, LoadedFile, SearchDir};
use credits_core::pricing::{
    Billing, Expiry, Lifecycle, Model, Origin, Pack, Plan, Platform, Provenance, Rate, Source,
};
use serde::Serialize;

fn billing(p: &Platform) -> &'static str {
    if p.billing == Billing::Money {
        "money"
    } else {
        "credits"
    }
}

fn sha256<'a>(catalog: &'a Catalog, p: &Platform) -> Option<&'a str> {
    catalog.stamp(&p.id).map(|t| t.sha256.as_str())
}

/// `pricing list --json`: one row per platform.
#[derive(Serialize)]
pub struct PlatformRow<'a> {
    pub platform: &'a str,
    pub name: &'a str,
    pub as_of: String,
    /// What an entry priced with this table records (`history --json`, `priced_with`).
    pub sha256: Option<&'a str>,
    pub billing: &'static str,
    pub currency: &'a str,
    pub plans: Vec<&'a str>,
    pub models: Vec<&'a str>,
    pub source: String,
    /// The table, for the text row's plan names, unit and origin.
    #[serde(skip)]
    pub table: &'a Platform,
}

impl<'a> PlatformRow<'a> {
    pub fn new(catalog: &'a Catalog, p: &'a Platform) -> PlatformRow<'a> {
        PlatformRow {
            platform: &p.id,
            name: &p.name,
            as_of: p.as_of.to_string(),
            sha256: sha256(catalog, p),
            billing: billing(p),
            currency: &p.currency,
            plans: p.plans.iter().map(|x| x.id.as_str()).collect(),
            models: p.models.iter().map(|x| x.id.as_str()).collect(),
            source: p.origin.to_string(),
            table: p,
        }
    }

    /// The text table of `pricing list`.
    pub const COLUMNS: [Column<'static>; 6] = [
        Column::essential("platform"),
        Column::optional("as of", 3),
        Column::optional("billed in", 4),
        Column::optional("plans", 1),
        Column::optional("models", 5),
        Column::optional("from", 2),
    ];

    pub fn cells(&self) -> Vec<String> {
        let p = self.table;
        let plans: Vec<&str> = p.plans.iter().map(|x| x.name.as_str()).collect();
        vec![
            self.platform.to_string(),
            self.as_of.clone(),
            p.unit().to_string(),
            plans.join(", "),
            self.models.len().to_string(),
            source_label(&p.origin),
        ]
    }
}

/// `pricing show --json`: a platform's whole table, each number with its provenance.
#[derive(Serialize)]
pub struct PlatformView<'a> {
    pub platform: &'a str,
    pub name: &'a str,
    pub as_of: String,
    pub currency: &'a str,
    /// What an entry priced with this table records (`history --json`, `priced_with`).
    pub sha256: Option<&'a str>,
    pub billing: &'static str,
    pub failed_refunded: Option<bool>,
    pub credit_unit: &'a str,
    pub sources: Vec<SourceView<'a>>,
    pub notes: &'a [String],
    pub plans: Vec<PlanView<'a>>,
    pub packs: Vec<PackView<'a>>,
    pub models: Vec<ModelView<'a>>,
    pub source: String,
    pub patched_by: Vec<String>,
}

/// A source the table lists.
#[derive(Serialize)]
pub struct SourceView<'a> {
    pub id: &'a str,
    pub title: &'a str,
    pub url: Option<&'a str>,
    pub date: Option<String>,
    pub read: Option<String>,
    pub grade: Option<&'static str>,
}

#[derive(Serialize)]
pub struct PlanView<'a> {
    pub plan: &'a str,
    pub name: &'a str,
    pub tier: usize,
    pub price: Option<Dec>,
    pub annual_price: Option<Dec>,
    pub credits: Option<Dec>,
    pub grant: &'static str,
    pub rollover: Option<bool>,
    pub price_per_credit: Option<Dec>,
    pub annual_price_per_credit: Option<Dec>,
    pub promotion: Option<String>,
    pub notes: &'a [String],
    pub provenance: ProvenanceView<'a>,
    pub lifecycle: LifecycleView<'a>,
    #[serde(skip)]
    pub item: &'a Plan,
}

#[derive(Serialize)]
pub struct PackView<'a> {
    pub pack: &'a str,
    pub name: &'a str,
    pub price: Dec,
    pub credits: Dec,
    pub bonus: Dec,
    pub price_per_credit: Option<Dec>,
    pub expires_after_days: Option<u32>,
    pub never_expires: Option<bool>,
    /// The id of the lowest plan that may buy it.
    pub min_plan: Option<String>,
    pub any_amount: bool,
    /// An introductory pack: recorded when bought, never the price credits are quoted at.
    pub trial: bool,
    pub provenance: ProvenanceView<'a>,
    #[serde(skip)]
    pub item: &'a Pack,
}

#[derive(Serialize)]
pub struct ModelView<'a> {
    pub model: &'a str,
    pub name: &'a str,
    pub kind: &'static str,
    /// The display name of the lowest plan that may use it.
    pub min_plan: Option<&'a str>,
    pub included_from: Option<&'a str>,
    pub rates: Vec<RateView<'a>>,
    pub notes: &'a [String],
    pub download_names: Vec<DownloadNameView<'a>>,
    pub provenance: ProvenanceView<'a>,
    pub lifecycle: LifecycleView<'a>,
    #[serde(skip)]
    pub item: &'a Model,
}

/// One variant of a model and its rate in words ([`describe_rate`]).
#[derive(Serialize)]
pub struct RateView<'a> {
    pub variant: String,
    pub rate: String,
    pub provenance: ProvenanceView<'a>,
}

/// A file name `credits scan` takes for a model's downloads.
#[derive(Serialize)]
pub struct DownloadNameView<'a> {
    pub pattern: &'a str,
    pub sources: Vec<&'a str>,
}

/// A number's provenance: source ids, best grade, verification date, and whether the
/// number is the user's.
#[derive(Serialize)]
pub struct ProvenanceView<'a> {
    pub sources: Vec<&'a str>,
    pub grade: Option<&'static str>,
    pub verified: Option<String>,
    pub from: String,
    pub yours: bool,
}

#[derive(Serialize)]
pub struct LifecycleView<'a> {
    pub deprecated: Option<String>,
    pub shutdown: Option<String>,
    pub replaced_by: &'a [String],
}

impl<'a> ProvenanceView<'a> {
    pub fn new(p: &Platform, prov: &'a Provenance) -> ProvenanceView<'a> {
        ProvenanceView {
            sources: prov.sources.iter().map(|s| s.id.as_str()).collect(),
            grade: prov.grade().map(|g| g.as_str()),
            verified: prov.verified.map(|d| d.to_string()),
            from: prov.origin.to_string(),
            yours: prov.origin != p.origin,
        }
    }
}

impl<'a> LifecycleView<'a> {
    pub fn new(l: &'a Lifecycle) -> LifecycleView<'a> {
        LifecycleView {
            deprecated: l.deprecated.map(|d| d.to_string()),
            shutdown: l.shutdown.map(|d| d.to_string()),
            replaced_by: &l.replaced_by,
        }
    }
}

impl<'a> SourceView<'a> {
    pub fn new(s: &'a Source) -> SourceView<'a> {
        SourceView {
            id: &s.id,
            title: &s.title,
            url: s.url.as_deref(),
            date: s.date.map(|d| d.to_string()),
            read: s.read.map(|d| d.to_string()),
            grade: s.grade.map(|g| g.as_str()),
        }
    }
}

/// What a credit costs on a plan's `billing` period; `None` when free or unknown.
fn plan_price_per_credit(plan: &Plan, billing: BillingPeriod) -> Option<rust_decimal::Decimal> {
    cost::plan_price_per_credit(plan, billing)
        .ok()
        .map(|r| money::to_decimal(&r))
}

/// What a credit costs in a pack, bonus included; `None` when it cannot be told.
fn pack_price_per_credit(k: &Pack) -> Option<rust_decimal::Decimal> {
    k.total_credits()
        .and_then(|total| money::rdiv(&money::ratio(k.price), &money::ratio(total)).ok())
        .map(|r| money::to_decimal(&r))
}

impl<'a> PlanView<'a> {
    pub fn new(p: &'a Platform, x: &'a Plan) -> PlanView<'a> {
        PlanView {
            plan: &x.id,
            name: &x.name,
            tier: x.tier,
            price: x.price.map(Dec),
            annual_price: x.annual_price.map(Dec),
            credits: x.credits.map(Dec),
            grant: x.grant.key(),
            rollover: x.rollover,
            price_per_credit: plan_price_per_credit(x, BillingPeriod::Monthly).map(Dec),
            annual_price_per_credit: plan_price_per_credit(x, BillingPeriod::Annual).map(Dec),
            promotion: cost::promotion_note(x, &p.currency),
            notes: &x.notes,
            provenance: ProvenanceView::new(p, &x.provenance),
            lifecycle: LifecycleView::new(&x.lifecycle),
            item: x,
        }
    }
}

impl<'a> PackView<'a> {
    pub fn new(p: &'a Platform, k: &'a Pack) -> PackView<'a> {
        PackView {
            pack: &k.id,
            name: &k.name,
            price: Dec(k.price),
            credits: Dec(k.credits),
            bonus: Dec(k.bonus),
            price_per_credit: pack_price_per_credit(k).map(Dec),
            expires_after_days: match k.expiry {
                Expiry::AfterDays(d) => Some(d),
                _ => None,
            },
            never_expires: match k.expiry {
                Expiry::Never => Some(true),
                Expiry::AfterDays(_) => Some(false),
                Expiry::Unknown => None,
            },
            min_plan: k.min_plan.map(|t| p.plan_name_id(t)),
            any_amount: k.any_amount,
            trial: k.trial,
            provenance: ProvenanceView::new(p, &k.provenance),
            item: k,
        }
    }
}

impl<'a> ModelView<'a> {
    pub fn new(p: &'a Platform, m: &'a Model) -> ModelView<'a> {
        ModelView {
            model: &m.id,
            name: &m.name,
            kind: m.kind.as_str(),
            min_plan: m.min_plan.map(|t| p.plan_name(t)),
            included_from: m.included_from.map(|t| p.plan_name(t)),
            rates: model_rates(p, m)
                .into_iter()
                .zip(&m.variants)
                .map(|((variant, rate), v)| RateView {
                    variant,
                    rate,
                    provenance: ProvenanceView::new(p, &v.provenance),
                })
                .collect(),
            notes: &m.notes,
            download_names: m
                .download_names
                .iter()
                .map(|d| DownloadNameView {
                    pattern: &d.pattern,
                    sources: d.sources.iter().map(|s| s.id.as_str()).collect(),
                })
                .collect(),
            provenance: ProvenanceView::new(p, &m.provenance),
            lifecycle: LifecycleView::new(&m.lifecycle),
            item: m,
        }
    }
}

impl<'a> PlatformView<'a> {
    pub fn new(catalog: &'a Catalog, p: &'a Platform) -> PlatformView<'a> {
        PlatformView {
            platform: &p.id,
            name: &p.name,
            as_of: p.as_of.to_string(),
            currency: &p.currency,
            sha256: sha256(catalog, p),
            billing: billing(p),
            failed_refunded: p.failed_refunded,
            credit_unit: p.credit_word(),
            sources: p.sources.iter().map(SourceView::new).collect(),
            notes: &p.notes,
            plans: p.plans.iter().map(|x| PlanView::new(p, x)).collect(),
            packs: p.packs.iter().map(|k| PackView::new(p, k)).collect(),
            models: p.models.iter().map(|m| ModelView::new(p, m)).collect(),
            source: p.origin.to_string(),
            patched_by: p.patches.iter().map(|o| o.to_string()).collect(),
        }
    }
}

impl ProvenanceView<'_> {
    /// A number's provenance in a few words: `rw-credits (official, 2026-09-20)`, marked
    /// when it comes from the user's file rather than the table.
    pub fn label(&self) -> String {
        let mut label = if self.sources.is_empty() {
            "unsourced".to_string()
        } else {
            let grade = self.grade.unwrap_or("ungraded");
            let date = self
                .verified
                .as_ref()
                .map(|d| format!(", {d}"))
                .unwrap_or_default();
            format!("{} ({grade}{date})", self.sources.join(", "))
        };
        if self.yours {
            label.push_str(" [yours]");
        }
        label
    }
}

/// Money in `currency`, or `unknown`.
fn money_or(value: Option<Dec>, currency: &str) -> String {
    value.map_or("unknown".to_string(), |d| money::fmt_money(d.0, currency))
}

impl PlanView<'_> {
    /// The plans table of `pricing show`.
    pub const COLUMNS: [Column<'static>; 8] = [
        Column::shrinkable("plan", 5, 12),
        Column::essential("monthly"),
        Column::optional("yearly", 3),
        Column::essential("credits"),
        Column::optional("$/credit", 6),
        Column::optional("$/credit annual", 2),
        Column::optional("rollover", 4),
        Column::optional("source", 1),
    ];

    pub fn cells(&self, currency: &str) -> Vec<String> {
        let free = self.item.is_free();
        vec![
            self.name.to_string(),
            money_or(self.price, currency),
            money_or(self.annual_price, currency),
            self.credits.map_or("unknown".to_string(), |v| {
                format!("{} / {}", fmt_credits(v.0), self.item.grant.as_str())
            }),
            if free {
                "no price (free)".to_string()
            } else {
                money_or(self.price_per_credit, currency)
            },
            if free {
                "-".to_string()
            } else {
                money_or(self.annual_price_per_credit, currency)
            },
            match self.rollover {
                Some(true) => "yes",
                Some(false) => "no",
                None => "unknown",
            }
            .to_string(),
            self.provenance.label(),
        ]
    }
}

impl PackView<'_> {
    /// The packs table of `pricing show`.
    pub const COLUMNS: [Column<'static>; 8] = [
        Column::shrinkable("pack", 5, 12),
        Column::essential("price"),
        Column::essential("credits"),
        Column::optional("bonus", 3),
        Column::optional("$/credit", 6),
        Column::optional("expires", 4),
        Column::optional("sold to", 2),
        Column::optional("source", 1),
    ];

    pub fn cells(&self, p: &Platform) -> Vec<String> {
        vec![
            self.name.to_string(),
            money::fmt_money(self.price.0, &p.currency),
            fmt_credits(self.credits.0),
            fmt_credits(self.bonus.0),
            money_or(self.price_per_credit, &p.currency),
            match self.item.expiry {
                Expiry::Never => "never".to_string(),
                Expiry::AfterDays(d) => format!("after {d} days"),
                Expiry::Unknown => "unknown".to_string(),
            },
            match self.item.min_plan {
                Some(t) => format!("{}+", p.plan_name(t)),
                None if self.item.trial => "trial".to_string(),
                None if p.plans.is_empty() => "anyone".to_string(),
                None => "not stated".to_string(),
            },
            self.provenance.label(),
        ]
    }
}

impl ModelView<'_> {
    /// The models table of `pricing show`: a row per variant (the model's own cells on the
    /// first), and one for the plan that includes it.
    pub const COLUMNS: [Column<'static>; 6] = [
        Column::essential("model"),
        Column::optional("kind", 2),
        Column::shrinkable("variant", 4, 12),
        Column::essential("rate"),
        Column::optional("min plan", 3),
        Column::optional("source", 1),
    ];

    pub fn rows(&self) -> Vec<Vec<String>> {
        let m = self.item;
        let mut rows = Vec::new();
        for (i, (rate, v)) in self.rates.iter().zip(&m.variants).enumerate() {
            let first = |cell: &str| {
                if i == 0 {
                    cell.to_string()
                } else {
                    String::new()
                }
            };
            // A variant's source is shown when it differs from its model's.
            let source = if i == 0 || v.provenance != m.provenance {
                rate.provenance.label()
            } else {
                String::new()
            };
            rows.push(vec![
                first(self.model),
                first(self.kind),
                rate.variant.clone(),
                rate.rate.clone(),
                first(self.min_plan.unwrap_or("-")),
                source,
            ]);
        }
        if let Some(plan) = self.included_from {
            rows.push(vec![
                String::new(),
                String::new(),
                String::new(),
                format!("included from {plan}"),
                String::new(),
                String::new(),
            ]);
        }
        rows
    }
}

/// A rate in words: `12 credits/s (5 s, 10 s)`, `5 s: 70 · 10 s: 140`.
fn describe_rate(platform: &Platform, rate: &Rate) -> String {
    let money_billed = platform.billing == Billing::Money;
    // Money-billed rates read as money ($0.10/s); credit rates as credits (12 credits/s).
    let amount = |a: &money::Amount| {
        if money_billed {
            money::fmt_money_amount(a, &platform.currency)
        } else {
            fmt_credits_amount(a)
        }
    };
    let unit = if money_billed {
        String::new()
    } else {
        format!(" {}", platform.credit_word())
    };
    match rate {
        Rate::Flat(a) => format!("{}{unit} each", amount(a)),
        Rate::Buckets(buckets) => buckets
            .iter()
            .map(|b| {
                let gate = b
                    .min_plan
                    .map(|t| format!(" ({}+)", platform.plan_name(t)))
                    .unwrap_or_default();
                format!("{} s: {}{gate}", b.seconds.normalize(), amount(&b.credits))
            })
            .collect::<Vec<_>>()
            .join(" · "),
        Rate::PerSecond { rate, durations } => {
            let lengths = if durations.is_empty() {
                String::new()
            } else {
                let d: Vec<String> = durations
                    .iter()
                    .map(|d| format!("{} s", d.normalize()))
                    .collect();
                format!(" ({})", d.join(", "))
            };
            format!("{}{unit}/s{lengths}", amount(rate))
        }
        Rate::PerInput {
            credits,
            per,
            unit: input,
        } => {
            format!(
                "{}{unit} per {} {}",
                amount(credits),
                fmt_credits(*per),
                input.as_str()
            )
        }
    }
}

/// Each variant of a model in words, with its rate (gated ones marked `(Plan+)`).
fn model_rates(platform: &Platform, model: &Model) -> Vec<(String, String)> {
    model
        .variants
        .iter()
        .map(|v| {
            let gate = v
                .min_plan
                .map(|t| format!(" ({}+)", platform.plan_name(t)))
                .unwrap_or_default();
            (
                cost::describe_variant(v),
                format!("{}{gate}", describe_rate(platform, &v.rate)),
            )
        })
        .collect()
}

/// `pricing validate --json`: one row per checked file (or shipped table).
#[derive(Serialize)]
pub struct CheckedView<'a> {
    pub file: &'a str,
    pub ok: bool,
    pub platform: Option<&'a str>,
    pub patches_shipped_table: bool,
    pub strict: bool,
    pub problems: &'a [String],
}

/// `pricing dirs --json`: where tables are looked for, and every file read.
#[derive(Serialize)]
pub struct DirsView<'a> {
    pub dirs: Vec<DirView<'a>>,
    pub files: Vec<FileView<'a>>,
}

#[derive(Serialize)]
pub struct DirView<'a> {
    pub path: String,
    pub why: &'a str,
    pub exists: bool,
}

/// A file read, and what became of it.
#[derive(Serialize)]
pub struct FileView<'a> {
    pub file: String,
    pub platform: Option<&'a str>,
    pub replaced_by: Option<String>,
    pub patches: bool,
    pub error: Option<&'a str>,
}

impl<'a> DirsView<'a> {
    pub fn new(dirs: &'a [SearchDir], files: &'a [LoadedFile]) -> DirsView<'a> {
        DirsView {
            dirs: dirs
                .iter()
                .map(|d| DirView {
                    path: d.path.display().to_string(),
                    why: d.why,
                    exists: d.exists,
                })
                .collect(),
            files: files
                .iter()
                .map(|f| FileView {
                    file: f.origin.to_string(),
                    platform: f.platform_id.as_deref(),
                    replaced_by: f.replaced_by.as_ref().map(|o| o.to_string()),
                    patches: f.patches,
                    error: f.error.as_deref(),
                })
                .collect(),
        }
    }
}

/// `pricing status --json`: the installed bundle, and where each platform's table comes from.
#[derive(Serialize)]
pub struct StatusView<'a> {
    /// Null when no bundle is installed.
    pub bundle: Option<BundleView<'a>>,
    pub bundle_path: Option<String>,
    pub builtin_date: Option<String>,
    pub platforms: Vec<TableSourceView<'a>>,
    /// Models in the log that the tables now say are shut down (none without a log).
    pub logged_shut_down: Vec<LoggedShutDownView<'a>>,
}

/// A model in the log that has shut down since.
#[derive(Serialize)]
pub struct LoggedShutDownView<'a> {
    pub platform: &'a str,
    pub model: &'a str,
    pub entries: u64,
    pub lifecycle: &'a str,
}

impl<'a> LoggedShutDownView<'a> {
    pub fn new(l: &'a credits_app::ops::reports::LoggedShutDown) -> LoggedShutDownView<'a> {
        LoggedShutDownView {
            platform: &l.platform,
            model: &l.model,
            entries: l.entries,
            lifecycle: &l.lifecycle,
        }
    }
}

/// `pricing status --stale`: every table and model by the age of its newest source.
#[derive(Serialize)]
pub struct StaleView<'a> {
    pub today: String,
    pub tables: Vec<SourceAgeView<'a>>,
}

#[derive(Serialize)]
pub struct SourceAgeView<'a> {
    pub platform: &'a str,
    /// Null for the table's own facts (plans, packs).
    pub model: Option<&'a str>,
    pub newest_source: Option<String>,
    pub age_days: Option<i64>,
    pub grade: Option<&'static str>,
    pub lifecycle: Option<&'a str>,
}

impl<'a> StaleView<'a> {
    pub fn new(
        today: chrono::NaiveDate,
        rows: &'a [credits_core::pricing::freshness::SourceAge],
    ) -> StaleView<'a> {
        StaleView {
            today: today.to_string(),
            tables: rows
                .iter()
                .map(|r| SourceAgeView {
                    platform: &r.platform,
                    model: r.model.as_deref(),
                    newest_source: r.newest_source.map(|d| d.to_string()),
                    age_days: r.age_days,
                    grade: r.grade,
                    lifecycle: r.lifecycle.as_deref(),
                })
                .collect(),
        }
    }
}

impl SourceAgeView<'_> {
    /// The text table of `pricing status --stale`.
    pub const COLUMNS: [Column<'static>; 6] = [
        Column::essential("platform"),
        Column::shrinkable("model", 1, 16),
        Column::essential("newest source"),
        Column::essential("days"),
        Column::optional("grade", 2),
        Column::optional("lifecycle", 3),
    ];

    pub fn cells(&self) -> Vec<String> {
        vec![
            self.platform.to_string(),
            self.model.unwrap_or("(plans, packs)").to_string(),
            self.newest_source
                .clone()
                .unwrap_or_else(|| "none dated".into()),
            self.age_days.map_or_else(|| "-".into(), |d| d.to_string()),
            self.grade.unwrap_or("-").to_string(),
            self.lifecycle.unwrap_or("").to_string(),
        ]
    }
}

/// The installed bundle: its date and table count, or why it is not used.
#[derive(Serialize)]
pub struct BundleView<'a> {
    pub path: String,
    pub date: Option<String>,
    pub tables: usize,
    pub error: Option<&'a str>,
}

/// Where one platform's table comes from.
#[derive(Serialize)]
pub struct TableSourceView<'a> {
    pub platform: &'a str,
    /// `builtin`, `bundle` or `file`.
    pub source: &'static str,
    /// The built-in table's name, the bundle's file name, or the user file's path.
    pub file: String,
    pub bundle_date: Option<String>,
    pub as_of: String,
    /// User files that patch the table (it still comes from its source).
    pub patched_by: Vec<String>,
    #[serde(skip)]
    pub origin: &'a Origin,
}

impl TableSourceView<'_> {
    /// The text table of `pricing status`.
    pub const COLUMNS: [Column<'static>; 3] = [
        Column::essential("platform"),
        Column::shrinkable("source", 1, 16),
        Column::essential("as of"),
    ];

    pub fn cells(&self) -> Vec<String> {
        let mut source = match self.origin {
            Origin::File(path) => format!("user file {}", path.display()),
            other => source_label(other),
        };
        for patch in &self.patched_by {
            source.push_str(&format!(", patched by {patch}"));
        }
        vec![self.platform.to_string(), source, self.as_of.clone()]
    }
}

/// Where a table comes from, in a table cell: `built-in`, `bundle 2026-11-25`, a path.
pub fn source_label(origin: &Origin) -> String {
    match origin {
        Origin::Builtin(_) => "built-in".to_string(),
        Origin::Bundle { date, .. } => format!("bundle {date}"),
        Origin::File(path) => path.display().to_string(),
    }
}

impl<'a> StatusView<'a> {
    /// `patches` gives the user files patching a platform's table.
    pub fn new(
        status: &'a Status,
        patches: impl Fn(&str) -> Vec<String>,
        logged_shut_down: &'a [credits_app::ops::reports::LoggedShutDown],
    ) -> StatusView<'a> {
        let path = status
            .path
            .as_ref()
            .map(|p| p.display().to_string())
            .unwrap_or_default();
        StatusView {
            bundle: match &status.bundle {
                BundleState::None => None,
                BundleState::Installed { date, tables } => Some(BundleView {
                    path,
                    date: Some(date.to_string()),
                    tables: *tables,
                    error: None,
                }),
                BundleState::Broken { error } => Some(BundleView {
                    path,
                    date: None,
                    tables: 0,
                    error: Some(error),
                }),
            },
            bundle_path: status.path.as_ref().map(|p| p.display().to_string()),
            builtin_date: status.builtin_date.map(|d| d.to_string()),
            logged_shut_down: logged_shut_down
                .iter()
                .map(LoggedShutDownView::new)
                .collect(),
            platforms: status
                .platforms
                .iter()
                .map(|(id, origin, as_of)| {
                    let (source, file, bundle_date) = match origin {
                        Origin::Builtin(name) => ("builtin", name.clone(), None),
                        Origin::Bundle { file, date, .. } => {
                            ("bundle", file.clone(), Some(date.to_string()))
                        }
                        Origin::File(path) => ("file", path.display().to_string(), None),
                    };
                    TableSourceView {
                        platform: id,
                        source,
                        file,
                        bundle_date,
                        as_of: as_of.to_string(),
                        patched_by: patches(id),
                        origin,
                    }
                })
                .collect(),
        }
    }
}

/// `pricing update --json`: the bundle installed, each table against the built-in one.
#[derive(Serialize)]
pub struct InstalledView<'a> {
    pub installed: String,
    pub source: String,
    pub date: String,
    pub builtin_date: Option<String>,
    pub forced_older: bool,
    pub replaced: bool,
    pub tables: Vec<InstalledTableView<'a>>,
    /// What each table that replaces a built-in one whole lacks.
    pub shrunk: &'a [String],
}

#[derive(Serialize)]
pub struct InstalledTableView<'a> {
    pub file: &'a str,
    pub platform: &'a str,
    pub as_of: String,
    pub sha256: &'a str,
    /// `new`, `changed` or `same`.
    pub change: &'static str,
    /// The built-in table's date, when `changed`.
    pub builtin_as_of: Option<String>,
    #[serde(skip)]
    pub kind: Change,
}

impl InstalledTableView<'_> {
    /// The text table of `pricing update`.
    pub const COLUMNS: [Column<'static>; 4] = [
        Column::essential("platform"),
        Column::path("file", 2, 12),
        Column::essential("as of"),
        Column::optional("versus built-in", 1),
    ];

    pub fn cells(&self) -> Vec<String> {
        let versus = match self.kind {
            Change::New => "new".to_string(),
            Change::Changed { builtin_as_of } => {
                format!("changed (built-in as of {builtin_as_of})")
            }
            Change::Same => "same as built-in".to_string(),
        };
        vec![
            self.platform.to_string(),
            self.file.to_string(),
            self.as_of.clone(),
            versus,
        ]
    }
}

impl<'a> InstalledView<'a> {
    pub fn new(installed: &'a Installed) -> InstalledView<'a> {
        InstalledView {
            installed: installed.path.display().to_string(),
            source: installed.source.to_string(),
            date: installed.date.to_string(),
            builtin_date: installed.builtin_date.map(|d| d.to_string()),
            forced_older: installed.older,
            replaced: installed.replaced,
            tables: installed
                .tables
                .iter()
                .map(|(t, kind)| {
                    let (change, builtin_as_of) = match kind {
                        Change::New => ("new", None),
                        Change::Changed { builtin_as_of } => {
                            ("changed", Some(builtin_as_of.to_string()))
                        }
                        Change::Same => ("same", None),
                    };
                    InstalledTableView {
                        file: &t.file,
                        platform: &t.platform,
                        as_of: t.as_of.to_string(),
                        sha256: &t.sha256,
                        change,
                        builtin_as_of,
                        kind: *kind,
                    }
                })
                .collect(),
            shrunk: &installed.shrunk,
        }
    }
}

/// `pricing update --remove --json`.
#[derive(Serialize)]
pub struct RemovedView {
    pub removed: bool,
    pub path: String,
    pub date: Option<String>,
}

impl RemovedView {
    pub fn new(path: &std::path::Path, removed: Option<&Removed>) -> RemovedView {
        RemovedView {
            removed: removed.is_some(),
            path: path.display().to_string(),
            date: removed.and_then(|r| r.date).map(|d| d.to_string()),
        }
    }
}

/// `pricing bundle --json`: the bundle written and its tables.
#[derive(Serialize)]
pub struct MadeView<'a> {
    pub file: String,
    pub date: String,
    pub tables: Vec<BundleTableView<'a>>,
}

#[derive(Serialize)]
pub struct BundleTableView<'a> {
    pub file: &'a str,
    pub platform: &'a str,
    pub as_of: String,
    pub sha256: &'a str,
}

impl BundleTableView<'_> {
    /// The text table of `pricing bundle`.
    pub const COLUMNS: [Column<'static>; 3] = [
        Column::path("file", 1, 12),
        Column::essential("platform"),
        Column::essential("as of"),
    ];

    pub fn cells(&self) -> Vec<String> {
        vec![
            self.file.to_string(),
            self.platform.to_string(),
            self.as_of.clone(),
        ]
    }
}

impl<'a> BundleTableView<'a> {
    pub fn new(t: &'a Table) -> BundleTableView<'a> {
        BundleTableView {
            file: &t.file,
            platform: &t.platform,
            as_of: t.as_of.to_string(),
            sha256: &t.sha256,
        }
    }
}

impl<'a> MadeView<'a> {
    pub fn new(made: &'a Made) -> MadeView<'a> {
        MadeView {
            file: made.path.display().to_string(),
            date: made.bundle.date.to_string(),
            tables: made
                .bundle
                .tables
                .iter()
                .map(BundleTableView::new)
                .collect(),
        }
    }
}
