//! What the user should hear about a result, as data. The workflows return these; commands
//! render them (`note: …` or `warning: …` on stderr, or a `notes` array in JSON). Code
//! decides by matching the variant, never by reading the text.

use chrono::{DateTime, FixedOffset, NaiveDate, Timelike};
use credits_core::money;
use rust_decimal::Decimal;
use std::fmt;

/// One thing to tell the user.
#[derive(Debug, Clone, PartialEq)]
pub enum Note {
    /// A note from the pricing tables or the cost math (`cost::Quote::notes`).
    Table(String),
    /// The platform or model is not in the tables: logged with the user's credits.
    NotInTables {
        platform: String,
        model: String,
        credits: Decimal,
        money_known: bool,
    },
    /// No account on a credits platform: priced like `estimate`, or money unknown.
    NoAccount {
        platform: String,
        /// The plan it was priced with (the cheapest paid one), if any.
        priced_with: Option<String>,
        /// The table sells credits only in packs (no plans): the note points to `topup`,
        /// and to `sync SOURCE` when the platform's packs can be fetched (Kling).
        packs_only: Option<Option<String>>,
    },
    /// Why the money of this generation is unknown.
    MoneyUnknown(MoneyUnknown),
    /// The plan used does not allow the model.
    NeedsPlan {
        model: String,
        min_plan: Option<String>,
        plan: Option<String>,
    },
    /// The generation is dated before the platform's balance starts.
    BeforeBalanceStart {
        platform: String,
        start: DateTime<FixedOffset>,
    },
    /// A warning: the generation takes the balance below zero.
    BeyondBalance {
        platform: String,
        needed: Decimal,
        before: Decimal,
        after: Decimal,
        /// Whether it was logged anyway (`log`), or only estimated.
        logged: bool,
    },
    /// `scan --dry-run`: the file would take the balance below zero (a scan logs it anyway:
    /// the platform already charged it).
    WouldGoBeyondBalance {
        platform: String,
        needed: Decimal,
        before: Decimal,
        after: Decimal,
    },
    /// A plan recorded without a start date has no balance yet.
    UndatedPlan { platform: String, plan: String },
    /// Tables older than `days` days.
    StaleTables {
        days: i64,
        tables: Vec<(String, NaiveDate)>,
    },
    /// The balance could not be read for an estimate (the estimate itself stands).
    BalanceNotChecked(String),
    /// Opening the database renamed entries to canonical ids (schema 3).
    NamesRepaired(Vec<Renamed>),
    /// The rate used is not vouched for by the platform's own page: it rests only on
    /// third-party pages (`sources` lists them), or cites none (`sources` empty).
    Unvouched {
        platform: String,
        model: String,
        sources: Vec<String>,
    },
    /// The model is deprecated (still priced).
    Deprecated {
        platform: String,
        model: String,
        lifecycle: String,
    },
    /// An entry whose money is unknown: a money budget of its project cannot count it.
    BudgetUnchecked {
        project: String,
        /// As in `BudgetCrossed`.
        month: Option<String>,
        amount: String,
        logged: bool,
    },
    /// `compare` left out shut-down models.
    ShutDownLeftOut(Vec<(String, String, NaiveDate)>),
    /// An entry (logged, or estimated: `logged` false) takes a project's budget past a `budget_warn` share
    /// or over its amount.
    BudgetCrossed {
        project: String,
        /// The month a monthly budget counts (`2026-11`); `None` for a total budget.
        month: Option<String>,
        exceeded: bool,
        /// Use, amount and what is left (negative: over), each in the budget's unit.
        used: String,
        amount: String,
        left: String,
        percent: Decimal,
        logged: bool,
    },
}

/// Why money is unknown.
#[derive(Debug, Clone, PartialEq)]
pub enum MoneyUnknown {
    /// The cost math's reason (no plan price, a free plan, …).
    Quote(String),
    /// Some credits were spent beyond the recorded balance.
    BeyondBalance { platform: String, credits: Decimal },
    /// The grants the credits came from have no known price.
    UnpricedGrants(Vec<String>),
}

/// One (platform, model) renamed by the repair of schema 3.
#[derive(Debug, Clone, PartialEq)]
pub struct Renamed {
    pub from: (String, String),
    pub to: (String, String),
    pub entries: u64,
}

impl Note {
    /// Whether this note helps someone choose where to generate (how fresh and how well
    /// sourced a table's price is), and so belongs only to the commands that show prices to
    /// choose by (`estimate`, `compare`, `plans`, `pricing`): said on every `log`, `scan` or
    /// report it would repeat itself without changing what was recorded (issue 21).
    pub fn is_for_choosing(&self) -> bool {
        matches!(self, Note::Unvouched { .. } | Note::StaleTables { .. })
    }

    /// Whether this is said as `warning:` rather than `note:`.
    pub fn is_warning(&self) -> bool {
        matches!(
            self,
            Note::BeyondBalance { .. }
                | Note::WouldGoBeyondBalance { .. }
                | Note::BudgetCrossed { .. }
                | Note::BudgetUnchecked { .. }
        )
    }
}

/// A time for people: the date alone at midnight.
pub fn fmt_time(t: &DateTime<FixedOffset>) -> String {
    if t.hour() == 0 && t.minute() == 0 && t.second() == 0 {
        t.format("%Y-%m-%d").to_string()
    } else {
        t.format("%Y-%m-%d %H:%M").to_string()
    }
}

impl MoneyUnknown {
    /// Why, without the leading "money unknown:".
    pub fn reason(&self) -> String {
        match self {
            MoneyUnknown::Quote(why) => why.clone(),
            MoneyUnknown::BeyondBalance { platform, credits } => format!(
                "{} of these credits were beyond your {platform} balance; record the top-up or \
                 adjustment that paid for them (`credits topup`, `credits adjust`), then \
                 `credits reprice`",
                money::fmt_credits(*credits)
            ),
            MoneyUnknown::UnpricedGrants(labels) => {
                format!("the price of {} is unknown", labels.join(", "))
            }
        }
    }
}

impl fmt::Display for MoneyUnknown {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "money unknown: {}", self.reason())
    }
}

impl fmt::Display for Note {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Note::Table(text) => f.write_str(text),
            Note::NotInTables {
                platform,
                model,
                credits,
                money_known,
            } => write!(
                f,
                "{platform} {model} is not in the pricing tables: logged with your {} credits{}",
                money::fmt_credits(*credits),
                if *money_known { "" } else { ", money unknown" }
            ),
            Note::NoAccount {
                platform,
                priced_with,
                packs_only,
            } => {
                let priced = match priced_with {
                    Some(plan) => format!("priced like `estimate`, with {plan}"),
                    None => "money unknown".to_string(),
                };
                match packs_only {
                    None => write!(
                        f,
                        "no account set for {platform}: {priced}; `credits account set \
                         {platform} --plan PLAN` records yours"
                    ),
                    Some(sync) => write!(
                        f,
                        "no top-up of {platform} this generation can draw on: {priced}; `credits topup {platform} \
                         --pack PACK` records what you bought{}",
                        match sync {
                            Some(source) => format!(", `credits sync {source}` fetches your packs"),
                            None => String::new(),
                        }
                    ),
                }
            }
            Note::MoneyUnknown(why) => write!(f, "{why}"),
            Note::NeedsPlan {
                model,
                min_plan,
                plan,
            } => write!(
                f,
                "{model} needs {} or above; your plan is {}",
                min_plan.as_deref().unwrap_or("?"),
                plan.as_deref().unwrap_or("?")
            ),
            Note::BeforeBalanceStart { platform, start } => write!(
                f,
                "before your {platform} balance starts ({}): not counted in it",
                fmt_time(start)
            ),
            Note::BeyondBalance {
                platform,
                needed,
                before,
                after,
                logged,
            } if *logged => write!(
                f,
                "this needs {} credits but the {platform} balance had {}: it is now {} (logged \
                 anyway: the platform charged it)",
                money::fmt_credits(*needed),
                money::fmt_credits(*before),
                money::fmt_credits(*after)
            ),
            Note::BeyondBalance {
                platform,
                needed,
                before,
                ..
            } => write!(
                f,
                "this needs {} credits; your {platform} balance is {} (`credits balance \
                 {platform}`)",
                money::fmt_credits(*needed),
                money::fmt_credits(*before)
            ),
            Note::WouldGoBeyondBalance {
                platform,
                needed,
                before,
                after,
            } => write!(
                f,
                "this would need {} credits but the {platform} balance would have {}: it would \
                 take the {platform} balance to {} (a scan logs it anyway: the platform already \
                 charged it)",
                money::fmt_credits(*needed),
                money::fmt_credits(*before),
                money::fmt_credits(*after)
            ),
            Note::UndatedPlan { platform, plan } => write!(
                f,
                "your {platform} plan ({plan}) has no start date, so its credits are not in the \
                 balance: `credits account set {platform} --plan {plan} --since DATE`"
            ),
            Note::StaleTables { days, tables } => {
                let list: Vec<String> =
                    tables.iter().map(|(id, d)| format!("{id} ({d})")).collect();
                write!(
                    f,
                    "prices older than {days} days, check the platform's page: {}",
                    list.join(", ")
                )
            }
            Note::BalanceNotChecked(why) => write!(f, "balance not checked: {why}"),
            Note::Unvouched {
                platform,
                model,
                sources,
            } if sources.is_empty() => write!(
                f,
                "{platform} {model}'s rate cites no source in its table: check it before relying on it"
            ),
            Note::Unvouched {
                platform,
                model,
                sources,
            } => write!(
                f,
                "{platform} {model}'s rate rests only on third-party pages ({}), not on {platform}'s own",
                sources.join("; ")
            ),
            Note::Deprecated {
                platform,
                model,
                lifecycle,
            } => write!(f, "{platform} {model} was {lifecycle}"),
            Note::BudgetCrossed {
                project,
                month,
                exceeded,
                used,
                amount,
                left,
                percent,
                logged,
            } => {
                let verb = if *logged { "takes" } else { "would take" };
                let state = if *exceeded {
                    format!("over its {amount}: {used} used ({left} over)")
                } else {
                    format!("to {}% of {amount}: {used} used, {left} left", percent.round())
                };
                let period = match month {
                    None => "total".to_string(),
                    Some(m) => format!("{m} monthly"),
                };
                write!(f, "this entry {verb} {project}'s {period} budget {state}")
            }
            Note::BudgetUnchecked {
                project,
                month,
                amount,
                logged,
            } => {
                let period = match month {
                    None => "total".to_string(),
                    Some(m) => format!("{m} monthly"),
                };
                let verb = if *logged { "is" } else { "would be" };
                write!(
                    f,
                    "this entry's money is unknown, so {project}'s {period} budget of {amount} cannot count it: it {verb} logged without that check"
                )
            }
            Note::ShutDownLeftOut(models) => {
                let list: Vec<String> = models
                    .iter()
                    .map(|(p, m, d)| format!("{p} {m} ({d})"))
                    .collect();
                write!(f, "left out, shut down: {}", list.join(", "))
            }
            Note::NamesRepaired(renamed) => {
                let total: u64 = renamed.iter().map(|r| r.entries).sum();
                let list: Vec<String> = renamed
                    .iter()
                    .map(|r| {
                        format!(
                            "{} {} → {} {} ({})",
                            r.from.0, r.from.1, r.to.0, r.to.1, r.entries
                        )
                    })
                    .collect();
                write!(
                    f,
                    "the log now names platforms and models by their ids: {} renamed: {}",
                    money::fmt_count(total, "entry", "entries"),
                    list.join("; ")
                )
            }
        }
    }
}
