//! `account set | list --json` and what `topup` and `adjust` recorded (`--json`).

use super::{dec, Dec};
use credits_core::records::{Account, AccountChange, PlanTerms};
use serde::Serialize;

/// `account set --json`: the change recorded, and the plans it replaced or ended.
#[derive(Serialize)]
pub struct AccountSetView<'a> {
    pub platform: &'a str,
    pub plan: &'a str,
    pub billing: &'static str,
    pub since: String,
    pub renews_on: Option<u8>,
    #[serde(flatten)]
    pub terms: TermsView,
    /// The plan set for the same date that this one replaces.
    pub replaced: Option<&'a str>,
    /// The plan before, which ends on `since`.
    pub previous: Option<&'a str>,
}

/// What the user pays, when not the list price: `price` and `credits`, each null when listed.
#[derive(Serialize)]
pub struct TermsView {
    pub price: Option<Dec>,
    pub credits: Option<Dec>,
}

impl TermsView {
    pub fn new(t: &PlanTerms) -> TermsView {
        TermsView {
            price: dec(t.price),
            credits: dec(t.credits),
        }
    }
}

/// One row of `account list --json`: the plan now, and each change on the platform.
#[derive(Serialize)]
pub struct AccountView<'a> {
    pub platform: &'a str,
    pub plan: &'a str,
    pub billing: &'static str,
    pub since: Option<String>,
    pub renews_on: Option<u8>,
    #[serde(flatten)]
    pub terms: TermsView,
    pub history: Vec<AccountChangeView<'a>>,
}

#[derive(Serialize)]
pub struct AccountChangeView<'a> {
    pub plan: &'a str,
    pub billing: &'static str,
    pub effective_on: String,
    pub renews_on: Option<u8>,
    #[serde(flatten)]
    pub terms: TermsView,
}

impl<'a> AccountView<'a> {
    /// `history`: every platform's changes; the account's own are kept.
    pub fn new(a: &'a Account, history: &'a [AccountChange]) -> AccountView<'a> {
        AccountView {
            platform: &a.platform,
            plan: &a.plan,
            billing: a.billing.as_str(),
            since: a.since.map(|d| d.to_string()),
            renews_on: a.renews_on,
            terms: TermsView::new(&a.terms),
            history: history
                .iter()
                .filter(|c| c.platform == a.platform)
                .map(|c| AccountChangeView {
                    plan: &c.plan,
                    billing: c.billing.as_str(),
                    effective_on: c.effective_on.to_string(),
                    renews_on: c.renews_on,
                    terms: TermsView::new(&c.terms),
                })
                .collect(),
        }
    }
}

/// `topup --json`: the top-up recorded and the balance after it.
#[derive(Serialize)]
pub struct TopupView<'a> {
    pub id: i64,
    pub platform: &'a str,
    pub pack: Option<&'a str>,
    pub credits: Dec,
    pub bonus: Dec,
    pub price: Dec,
    pub currency: &'a str,
    pub price_per_credit: Dec,
    pub at: String,
    /// Null when the credits never expire or their expiry is unknown.
    pub expires_at: Option<String>,
    /// Null without a balance (no account set).
    pub available: Option<Dec>,
}

/// `adjust --json`: the adjustment recorded and the balance after it.
#[derive(Serialize)]
pub struct AdjustView<'a> {
    pub id: i64,
    pub platform: &'a str,
    pub credits: Dec,
    pub note: &'a str,
    pub at: String,
    pub available: Option<Dec>,
}
