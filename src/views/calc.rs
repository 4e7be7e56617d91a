//! `calc --json`: the numbers typed and what they make, exact.

use super::Dec;
use serde::Serialize;

#[derive(Serialize)]
pub struct CalcView<'a> {
    pub currency: &'a str,
    pub plan_price: Dec,
    pub plan_credits: Dec,
    /// Credits a clip costs.
    pub credits: Dec,
    pub seconds: Option<Dec>,
    pub price_per_credit: Dec,
    pub cost_per_clip: Dec,
    pub cost_per_second: Option<Dec>,
}
