//! `credits account set | list`: which plan the user is on, per platform.

use super::log::open_store;
use super::Context;
use crate::cli::{AccountCommand, BillingArg};
use crate::error::fail;
use crate::render;
use crate::store::{self, Account};
use anyhow::Result;
use serde_json::{json, Value};
use std::io::Write;

pub fn run(ctx: &Context, cmd: &AccountCommand, out: &mut dyn Write) -> Result<i32> {
    match cmd {
        AccountCommand::Set {
            platform,
            plan,
            billing,
        } => {
            let p = ctx.catalog.platform(platform)?;
            if p.billing == crate::pricing::Billing::Money {
                return Err(fail(format!(
                    "{} bills in money: it has no plans to be on",
                    p.id
                )));
            }
            let plan = p.plan(plan)?;
            let billing = match billing {
                BillingArg::Monthly => store::Billing::Monthly,
                BillingArg::Annual => store::Billing::Annual,
            };
            let mut store = open_store(ctx)?;
            store.set_account(&Account {
                platform: p.id.clone(),
                plan: plan.id.clone(),
                billing,
                since: None,
                renews_on: None,
            })?;
            writeln!(out, "{}: {} ({billing})", p.id, plan.name)?;
            Ok(0)
        }
        AccountCommand::List => {
            let store = open_store(ctx)?;
            let accounts = store.accounts()?;
            if ctx.json {
                let rows: Vec<Value> = accounts
                    .iter()
                    .map(|a| json!({"platform": a.platform, "plan": a.plan, "billing": a.billing.as_str(), "since": a.since.map(|d| d.to_string())}))
                    .collect();
                out.write_all(render::json(&Value::Array(rows)).as_bytes())?;
                return Ok(0);
            }
            if accounts.is_empty() {
                writeln!(
                    out,
                    "no accounts set; `credits account set PLATFORM --plan PLAN` records one"
                )?;
                return Ok(0);
            }
            let rows = accounts
                .iter()
                .map(|a| vec![a.platform.clone(), a.plan.clone(), a.billing.to_string()])
                .collect();
            out.write_all(render::table(&["platform", "plan", "billing"], rows).as_bytes())?;
            Ok(0)
        }
    }
}
