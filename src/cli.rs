//! The command line, as clap derive structs. Doc comments are the help text.
//!
//! These are the "low" arguments, close to the flags. Each kind is turned into its validated
//! value in one place, at the end of this file (a [`Request`], a [`PricingChoice`], a
//! [`Filter`]), before any work; the enums the flags name are the records' own types.

use anyhow::Result;
use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};
use clap::{ArgGroup, Args, Parser, Subcommand, ValueEnum, ValueHint};
use credits_app::ops::bundle::Source as BundleSource;
use credits_app::ops::{resolve, Session};
use credits_core::cost::{BillingPeriod, PricingChoice, Request};
use credits_core::money;
use credits_core::records::{BudgetPeriod, Filter, Status};
use rust_decimal::Decimal;
use std::path::PathBuf;

/// What AI video and image generations cost: per credit, per clip, per second.
#[derive(Debug, Parser)]
#[command(name = "credits", version, about, long_about = None, max_term_width = 100)]
pub struct Cli {
    /// Print JSON instead of a table (exact decimals as strings).
    #[arg(long, global = true, help_heading = GLOBAL)]
    pub json: bool,

    /// Show every column of a table, whatever the width (the lines may be longer than it).
    #[arg(long, global = true, help_heading = GLOBAL)]
    pub wide: bool,

    /// Also load every *.toml pricing table in DIR (after the user config dir) [env:
    /// CREDITS_PRICING_DIR].
    #[arg(long, global = true, value_name = "DIR", help_heading = GLOBAL,
          default_value = from_env("CREDITS_PRICING_DIR"), hide_default_value = true)]
    pub pricing_dir: Option<PathBuf>,

    /// The generation log: a SQLite file, or a studio ledger's URL, postgres://user@host/db
    /// (see the README, "A ledger for a studio") [default: the user data dir's credits.db]
    /// [env: CREDITS_DB].
    #[arg(long, global = true, value_name = "PATH|URL", help_heading = GLOBAL,
          default_value = from_env("CREDITS_DB"), hide_default_value = true)]
    pub db: Option<PathBuf>,

    /// Who records what this command logs (entries, top-ups, adjustments, plan changes)
    /// [default: CREDITS_USER, `user` in the config file, else the login name]. On history,
    /// report, export and reprice it picks whose entries instead.
    #[arg(long, global = true, value_name = "NAME", help_heading = GLOBAL,
          value_hint = ValueHint::Other)]
    pub user: Option<String>,

    #[command(subcommand)]
    pub command: Command,
}

/// The help heading of the options every command takes.
const GLOBAL: &str = "Global options";

/// A global option's value from the environment, as a default: clap counts a value of its
/// `env` as given, so a usage line in an error would show `--db <PATH>` as if it were needed.
/// An empty variable counts as unset.
fn from_env(name: &str) -> clap::builder::Resettable<clap::builder::OsStr> {
    std::env::var_os(name)
        .filter(|v| !v.is_empty())
        .map(|v| {
            let leaked: &'static std::ffi::OsStr = Box::leak(v.into_boxed_os_str());
            clap::builder::OsStr::from(leaked)
        })
        .into()
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// What a generation costs on one model: credits, plan, per clip, per second.
    Estimate(EstimateArgs),
    /// Price per credit, per clip and per second from your own plan numbers (no table needed).
    Calc(CalcArgs),
    /// Rank every model that can make a "standard shot" by cost per second.
    Compare(CompareArgs),
    /// Which plan (or plan and packs, or pay per use) is cheapest for a month's work.
    #[command(after_help = PLANS_HELP)]
    Plans(PlansArgs),
    /// List, show, validate, locate and update pricing tables.
    #[command(subcommand)]
    Pricing(PricingCommand),
    /// Record a generation in the log.
    Log(LogArgs),
    /// Log the clips and images you downloaded, read from the files themselves.
    #[command(after_help = SCAN_HELP)]
    Scan(ScanArgs),
    /// Mark a logged generation as failed (charged, refund not yet seen).
    Fail {
        /// Entry id.
        #[arg(value_hint = ValueHint::Other, value_parser = parse_id, allow_negative_numbers = true)]
        id: i64,
        /// Also when the entry was refunded (undoes the refund).
        #[arg(long)]
        force: bool,
    },
    /// Mark a failed generation as refunded (credits returned); implies failed.
    Refund {
        /// Entry id.
        #[arg(value_hint = ValueHint::Other, value_parser = parse_id, allow_negative_numbers = true)]
        id: i64,
        /// When the credits came back (2026-11-21 15:00, RFC 3339, a date, yesterday, 3d) [default: now].
        #[arg(long, value_name = "TIME", allow_hyphen_values = true, value_hint = ValueHint::Other)]
        at: Option<String>,
        /// Also refund an entry marked ok (it succeeded), and accept an --at more than a day in the future.
        #[arg(long)]
        force: bool,
        /// Accept an --at more than a day in the future.
        #[arg(long)]
        allow_future: bool,
    },
    /// Change an entry's project, tags, note, kept flag or status.
    Edit(EditArgs),
    /// Delete an entry.
    Rm {
        /// Entry id.
        #[arg(value_hint = ValueHint::Other, value_parser = parse_id, allow_negative_numbers = true)]
        id: i64,
    },
    /// Price logged entries again from today's tables, account and balance.
    Reprice(RepriceArgs),
    /// List logged generations, newest first.
    History(HistoryArgs),
    /// Clips, seconds, credits, refunds and money by project, platform, model, period or tag.
    Report(ReportArgs),
    /// Failed generations with no refund yet: credits the platforms owe you.
    Refunds,
    /// Write the log as CSV or JSON.
    Export(ExportArgs),
    /// Add entries from a CSV or JSON file (all or nothing; importing twice adds nothing), or
    /// what a platform billed, from its API's JSON (--from).
    Import {
        /// The file (CSV, or JSON when it ends in .json; with --from, the platform's JSON: one
        /// response, or a list of pages).
        file: PathBuf,
        /// Read the file as this platform's billing export (its API's JSON): kept beside the
        /// tables' estimate, matched to what you logged.
        #[arg(long, value_name = "PLATFORM", value_parser = ["fal", "replicate", "openai", "runway", "kling"])]
        from: Option<String>,
    },
    /// Estimated (the tables) against billed (what the platform reported, `import --from`),
    /// per model and day: totals, the largest differences, what was billed but never logged,
    /// logged but never billed, and failures charged.
    Reconcile(ReconcileArgs),
    /// Fetch what a platform billed from its API (the key from an environment variable) and
    /// import it, as `import --from` would; only when run, never at start-up.
    #[command(after_help = SYNC_HELP)]
    Sync(SyncArgs),
    /// Which plan you are on, per platform, and since when (prices what you log).
    #[command(subcommand)]
    Account(AccountCommand),
    /// Record credits you bought: a pack from the table, or credits at a price.
    Topup(TopupArgs),
    /// Correct a balance: signup bonus, daily reward, credits from support (or take some away).
    Adjust(AdjustArgs),
    /// Credits available per platform: by source, what expires next, what they buy.
    Balance(BalanceArgs),
    /// One short line for a prompt or status bar: balances, days left at this pace, budgets.
    Status,
    /// Spending limits per project, in money or credits.
    #[command(subcommand)]
    Budget(BudgetCommand),
    /// The log's database: where it is and what it holds, and copying a whole ledger to
    /// another database.
    #[command(subcommand)]
    Db(DbCommand),
    /// Print a shell completion script.
    Completions {
        /// The shell to complete for.
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff) to stdout, or write every page into a folder.
    Man(ManArgs),
}

#[derive(Debug, Args)]
pub struct ReconcileArgs {
    /// Only this platform (fal, replicate, openai, runway, kling, or a platform id).
    #[arg(value_parser = known_names(Names::Platforms), hide_possible_values = true)]
    pub platform: Option<String>,
    /// From this day (2026-11-21, today, yesterday, or 7d / 2w / 3m ago); days are UTC, as
    /// the platforms bill them.
    #[arg(long, value_name = "DATE", allow_hyphen_values = true, value_hint = ValueHint::Other)]
    pub since: Option<String>,
}

const SYNC_HELP: &str = "\
The key is read from the environment, sent only to the platform's own API over HTTPS, and never printed, logged or stored:
  fal        FAL_KEY (an admin key): GET /v1/models/usage, daily buckets
  replicate  REPLICATE_API_TOKEN: GET /v1/predictions, newest first, back to --since
  openai     OPENAI_ADMIN_KEY (an admin key): GET /v1/organization/costs, daily buckets
  runway     RUNWAYML_API_SECRET: POST /v1/organization/usage, 90 days a request
  kling      KLING_ACCESS_KEY and KLING_SECRET_KEY (a JWT signed HS256): GET /account/costs

Every page is fetched before anything is written: a refused key, a page cut short or a rate limit that does not end imports nothing. A 429 is retried after its Retry-After (at most 5 times, 60 s each). CREDITS_SYNC_BASE_URL replaces the API's address (a proxy, a test server); plain http:// is allowed only to 127.0.0.1, ::1 and localhost.";

#[derive(Debug, Args)]
pub struct SyncArgs {
    /// The platform.
    #[arg(value_parser = ["fal", "replicate", "openai", "runway", "kling"])]
    pub platform: String,
    /// From this day or time (2026-11-01, 7d, 2w) [default: 30 days ago].
    #[arg(long, value_name = "DATE", allow_hyphen_values = true, value_hint = ValueHint::Other)]
    pub since: Option<String>,
}

#[derive(Debug, Args)]
pub struct ManArgs {
    /// Write credits.1 and one page per command (credits-log.1, credits-pricing-show.1, …) into DIR.
    #[arg(long, value_name = "DIR", value_hint = ValueHint::DirPath)]
    pub dir: Option<PathBuf>,
}

/// The request options shared by `estimate`, `log` and shot lists.
#[derive(Debug, Args, Clone, Default)]
pub struct RequestArgs {
    /// Seconds of output per generation: 10, 2.5, 10s, 1m30s.
    #[arg(value_hint = ValueHint::Other, long, value_name = "SECS", value_parser = parse_seconds, allow_negative_numbers = true)]
    pub duration: Option<Decimal>,
    /// Output resolution, e.g. 720p, 1080p, 4k, 1024x1024 (a bare 1080 is read as 1080p).
    #[arg(value_hint = ValueHint::Other, long, value_name = "RES", value_parser = parse_resolution)]
    pub resolution: Option<String>,
    /// Generate sound with the video.
    #[arg(long)]
    pub audio: bool,
    /// Number of reference images.
    #[arg(value_hint = ValueHint::Other, long, value_name = "N", default_value_t = 0)]
    pub refs: u32,
    /// Model mode or quality, e.g. standard, pro, low, high.
    #[arg(value_hint = ValueHint::Other, long, value_name = "M")]
    pub mode: Option<String>,
    /// Characters of input (text to speech).
    #[arg(value_hint = ValueHint::Other, long, value_name = "N")]
    pub chars: Option<u64>,
    /// How many generations.
    #[arg(value_hint = ValueHint::Other, long, value_name = "N", default_value_t = 1, value_parser = parse_count::<u32>, allow_negative_numbers = true)]
    pub count: u32,
    /// Upscale the output.
    #[arg(long)]
    pub upscale: bool,
}

/// How credits are turned into money.
#[derive(Debug, Args, Clone, Default)]
pub struct PricingArgs {
    /// Price the credits with this plan (and say whether it allows the request).
    #[arg(value_hint = ValueHint::Other, long, value_name = "PLAN")]
    pub plan: Option<String>,
    /// Monthly or annual billing of the plan [default: your account's, else monthly].
    #[arg(long, value_parser = billing_parser())]
    pub billing: Option<BillingPeriod>,
    /// Your own price per credit, overriding the plan's.
    #[arg(value_hint = ValueHint::Other, long, value_name = "X", value_parser = parse_non_negative, allow_negative_numbers = true)]
    pub price_per_credit: Option<Decimal>,
}

#[derive(Debug, Args)]
pub struct EstimateArgs {
    /// Platform id or name, e.g. runway.
    #[arg(value_parser = known_names(Names::Platforms), hide_possible_values = true, required_unless_present = "shots")]
    pub platform: Option<String>,
    /// Model id or name, e.g. gen-4.
    #[arg(value_parser = known_names(Names::Models), hide_possible_values = true, required_unless_present = "shots")]
    pub model: Option<String>,
    #[command(flatten)]
    pub request: RequestArgs,
    #[command(flatten)]
    pub pricing: PricingArgs,
    /// Price a whole shot list (TOML with [[shot]] tables) instead of one request.
    #[arg(long, value_name = "FILE", conflicts_with_all = ["model"])]
    pub shots: Option<PathBuf>,
    /// Project whose budgets to check (warns past the budget_warn shares, 50/75/90% by default, and over) [default: CREDITS_PROJECT, or `project` in the config file].
    #[arg(long, conflicts_with = "shots", value_hint = ValueHint::Other)]
    pub project: Option<String>,
}

#[derive(Debug, Args)]
pub struct CalcArgs {
    /// What the plan or pack costs, e.g. 30.
    #[arg(value_hint = ValueHint::Other, long, value_name = "P", value_parser = parse_non_negative, allow_negative_numbers = true)]
    pub plan_price: Decimal,
    /// Credits it includes, e.g. 3000.
    #[arg(value_hint = ValueHint::Other, long, value_name = "C", value_parser = parse_non_negative, allow_negative_numbers = true)]
    pub plan_credits: Decimal,
    /// Credits one clip uses, e.g. 50.
    #[arg(value_hint = ValueHint::Other, long, value_name = "K", value_parser = parse_non_negative, allow_negative_numbers = true)]
    pub clip_credits: Decimal,
    /// Seconds of video in the clip, for the cost per second: 10, 2.5, 10s, 1m30s.
    #[arg(value_hint = ValueHint::Other, long, value_name = "S", value_parser = parse_seconds, allow_negative_numbers = true)]
    pub seconds: Option<Decimal>,
    /// Currency of the plan price.
    #[arg(value_hint = ValueHint::Other, long, default_value = "USD", value_parser = parse_currency)]
    pub currency: String,
}

#[derive(Debug, Args)]
pub struct CompareArgs {
    /// Seconds of the standard shot: 10, 2.5, 10s, 1m30s.
    #[arg(value_hint = ValueHint::Other, long, value_name = "SECS", value_parser = parse_seconds, allow_negative_numbers = true)]
    pub duration: Option<Decimal>,
    /// Resolution of the standard shot (720p, 1080p, 4k; a bare 1080 is read as 1080p).
    #[arg(value_hint = ValueHint::Other, long, value_name = "RES", value_parser = parse_resolution)]
    pub resolution: Option<String>,
    /// The shot has sound.
    #[arg(long)]
    pub audio: bool,
    /// Model mode, where models have modes.
    #[arg(value_hint = ValueHint::Other, long, value_name = "M")]
    pub mode: Option<String>,
    /// What to compare.
    #[arg(long, value_enum, default_value_t = KindArg::Video)]
    pub kind: KindArg,
    /// Only these platforms (repeatable).
    #[arg(value_hint = ValueHint::Other, long = "platform", value_name = "P")]
    pub platforms: Vec<String>,
    /// Only plans up to this one (by name on each platform; `free` means free tiers).
    #[arg(value_hint = ValueHint::Other, long, value_name = "PLAN")]
    pub max_plan: Option<String>,
    /// Monthly or annual billing of the plans.
    #[arg(long, value_parser = billing_parser(), default_value = "monthly")]
    pub billing: BillingPeriod,
}

/// The usage grammar and the rules, under `credits plans --help`.
// Prose is one line per paragraph, so `--help` wraps it to the terminal and the man page fills
// it; indented lines are examples, kept as written (so each stays within 80 columns).
const PLANS_HELP: &str = "\
Usage items (--usage, comma-separated): [COUNTx] WHAT [SECONDS] [RESOLUTION] [audio] [mode=M] [refs=N] [chars=N], where WHAT is [PLATFORM/]MODEL, or a kind (video, image, audio) for the cheapest model of that kind.

Each item's generations are COUNT x (1 + retries), rounded up: a typed item on its own, the log's items once, on each platform's month total. Plans are priced monthly and annually (yearly price / 12); a daily grant counts 30 days; when a plan falls short, the cheapest mix of at most two pack sizes sold to it covers the rest. Money-billed platforms are pay per use.

Examples:
  credits plans --usage \"40x gen-4 10s, 100x image\" --retries 30
  credits plans --usage \"20x kling-v2-6 10s mode=pro\"
  credits plans --from-log --since 30d --explain
  credits plans --shots episode.toml --times 4 --platform runway";

#[derive(Debug, Args)]
#[command(group(ArgGroup::new("source").required(true).multiple(true).args(["usage", "shots", "from_log"])))]
pub struct PlansArgs {
    /// A month's work, e.g. "40x gen-4 10s, 100x image" (repeatable; see below).
    #[arg(value_hint = ValueHint::Other, long, value_name = "ITEMS")]
    pub usage: Vec<String>,
    /// A shot list (as `estimate --shots`), made --times times a month.
    #[arg(long, value_name = "FILE")]
    pub shots: Option<PathBuf>,
    /// How many times a month the shot list is made.
    #[arg(value_hint = ValueHint::Other, long, value_name = "N", default_value_t = 1, requires = "shots", value_parser = parse_count::<u32>, allow_negative_numbers = true)]
    pub times: u32,
    /// What your log shows you made: kept outputs, and the retry rate it measures.
    #[arg(long)]
    pub from_log: bool,
    /// With --from-log: the window read (a date, or 30d / 8w ago), scaled to a month [default: 30d].
    #[arg(
        long,
        value_name = "DATE",
        requires = "from_log",
        allow_hyphen_values = true,
        value_hint = ValueHint::Other
    )]
    pub since: Option<String>,
    /// Extra generations per 100 kept outputs: retries, reruns, failures [default: the log's with --from-log, else 0].
    #[arg(value_hint = ValueHint::Other, long, value_name = "PCT", value_parser = parse_decimal, allow_negative_numbers = true)]
    pub retries: Option<Decimal>,
    /// Let any model of the same kind make a named model's items (compare across platforms).
    #[arg(long)]
    pub any_model: bool,
    /// Only these platforms (repeatable).
    #[arg(value_hint = ValueHint::Other, long = "platform", value_name = "P")]
    pub platforms: Vec<String>,
    /// Only options bought this way.
    #[arg(long, value_enum)]
    pub kind: Option<OptionKindArg>,
    /// Only plans billed this way (pay-per-use and packs are kept).
    #[arg(long, value_parser = billing_parser())]
    pub billing: Option<BillingPeriod>,
    /// Show the N cheapest options.
    #[arg(value_hint = ValueHint::Other, long, value_name = "N", value_parser = parse_count::<u64>, allow_negative_numbers = true)]
    pub top: Option<u64>,
    /// Show the working for the cheapest option (credits per item × count, prices, leftover).
    #[arg(long)]
    pub explain: bool,
}

/// How an option of `credits plans` is bought.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OptionKindArg {
    /// A subscription, with packs when its credits fall short.
    Plan,
    /// Credit packs with no subscription.
    Packs,
    /// Money per generation (API platforms).
    PerUse,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum KindArg {
    Video,
    Image,
    Audio,
    Text,
    Other,
}

#[derive(Debug, Subcommand)]
pub enum PricingCommand {
    /// Every platform: as_of date, plans and models.
    List,
    /// One platform: plans with price per credit, packs, models with rates and minimum plans.
    Show {
        /// Platform id or name.
        #[arg(value_parser = known_names(Names::Platforms), hide_possible_values = true)]
        platform: String,
    },
    /// Check pricing files (or, with none, the shipped tables) and list every problem (exit 1 if any).
    ///
    /// A file for a shipped platform is checked as the patch it would be (unless it says
    /// `replace = true`). With --strict, also: every number cites a graded, dated source,
    /// and the sanity rules hold (higher tiers, audio, resolution and pro mode never cost
    /// less; annual at most 12 × monthly) unless an `allow` gives the reason.
    Validate {
        /// The files to check; none checks every shipped table.
        files: Vec<PathBuf>,
        /// Also require sources, grades, dates and the sanity rules.
        #[arg(long)]
        strict: bool,
    },
    /// Print a table as a pricing file to start an override from (the shipped table; with
    /// --effective, as loaded with your files applied).
    Dump {
        /// Platform id or name.
        #[arg(value_parser = known_names(Names::Platforms), hide_possible_values = true)]
        platform: String,
        /// The table as loaded, with your files' patches applied.
        #[arg(long)]
        effective: bool,
    },
    /// Where tables are looked for, and which files were loaded.
    Dirs,
    /// Where each platform's table comes from (built-in, bundle, your file) and its date,
    /// and which models of your log have shut down since.
    Status {
        /// Instead: every table and model by the date of its newest source, oldest first
        /// (where a refresh of the prices starts).
        #[arg(long)]
        stale: bool,
    },
    /// Install a pricing bundle from a file or URL after checking it, or remove it.
    #[command(group(ArgGroup::new("what").required(true).args(["from", "remove"])))]
    Update {
        /// The bundle: a file, or an https:// URL (plain http:// only to 127.0.0.1, ::1 or
        /// localhost).
        #[arg(long, value_name = "FILE|URL", value_parser = parse_bundle_source, value_hint = ValueHint::FilePath)]
        from: Option<BundleSource>,
        /// Install a bundle even if it is older than the built-in tables.
        #[arg(long, requires = "from")]
        force: bool,
        /// Remove the installed bundle: the built-in tables apply again.
        #[arg(long)]
        remove: bool,
    },
    /// Make a pricing bundle (one dated file) of every *.toml table in DIR.
    Bundle {
        /// The folder of pricing tables.
        dir: PathBuf,
        /// The bundle file to write.
        #[arg(short, long, value_name = "FILE", required = true)]
        output: PathBuf,
    },
}

/// Filters shared by `history`, `report`, `export` and `reprice`.
#[derive(Debug, Args, Clone, Default)]
pub struct FilterArgs {
    /// Only this project.
    #[arg(value_hint = ValueHint::Other, long)]
    pub project: Option<String>,
    /// Only this platform.
    #[arg(value_parser = known_names(Names::Platforms), hide_possible_values = true, long)]
    pub platform: Option<String>,
    /// Only this model.
    #[arg(value_parser = known_names(Names::Models), hide_possible_values = true, long)]
    pub model: Option<String>,
    /// Only entries with this tag (K=V, repeatable: all must match).
    #[arg(value_hint = ValueHint::Other, long = "tag", value_name = "K=V", value_parser = parse_tag)]
    pub tags: Vec<(String, String)>,
    /// Only this status.
    #[arg(long, value_parser = status_parser())]
    pub status: Option<Status>,
    /// From this date or time (2026-11-21, 2026-11-21 15:00, RFC 3339, today, yesterday, or 7d / 2w / 3m ago).
    #[arg(long, value_name = "DATE", allow_hyphen_values = true, value_hint = ValueHint::Other)]
    pub since: Option<String>,
    /// Up to this date or time (the same forms; a date includes its whole day).
    #[arg(long, value_name = "DATE", allow_hyphen_values = true, value_hint = ValueHint::Other)]
    pub until: Option<String>,
    /// Only entries logged by this user (the global --user, as a filter here).
    #[arg(long, value_name = "NAME", value_hint = ValueHint::Other)]
    pub user: Option<String>,
}

#[derive(Debug, Args)]
pub struct LogArgs {
    /// Platform id or name.
    #[arg(value_parser = known_names(Names::Platforms), hide_possible_values = true)]
    pub platform: String,
    /// Model id or name.
    #[arg(value_parser = known_names(Names::Models), hide_possible_values = true)]
    pub model: String,
    #[command(flatten)]
    pub request: RequestArgs,
    /// Project [default: CREDITS_PROJECT, or `project` in config.toml in your config folder: $XDG_CONFIG_HOME/credits, else ~/.config/credits on Linux].
    #[arg(value_hint = ValueHint::Other, long)]
    pub project: Option<String>,
    /// A tag, e.g. client=acme (repeatable).
    #[arg(value_hint = ValueHint::Other, long = "tag", value_name = "K=V", value_parser = parse_tag)]
    pub tags: Vec<(String, String)>,
    /// Credits the platform actually charged (overrides the table; logs unknown models).
    #[arg(value_hint = ValueHint::Other, long, value_name = "N", value_parser = parse_non_negative, allow_negative_numbers = true)]
    pub credits: Option<Decimal>,
    /// The generation failed (charged, refund not yet seen).
    #[arg(long)]
    pub failed: bool,
    /// The output was not used (a rerun or discarded variation).
    #[arg(long)]
    pub discarded: bool,
    /// Refuse the entry (exit 3) if it takes its project over a budget [default: `strict_budget` in the config file].
    #[arg(long)]
    pub strict_budget: bool,
    /// When it ran (2026-11-21 15:00, RFC 3339, a date, yesterday, 3d) [default: now].
    #[arg(long, value_name = "TIME", allow_hyphen_values = true, value_hint = ValueHint::Other)]
    pub at: Option<String>,
    /// Accept an --at more than a day in the future.
    #[arg(long, visible_alias = "allow-future")]
    pub force: bool,
    /// A note.
    #[arg(value_hint = ValueHint::Other, long)]
    pub note: Option<String>,
    /// Price the money with this plan instead of your account's.
    #[arg(value_hint = ValueHint::Other, long, value_name = "PLAN")]
    pub plan: Option<String>,
    /// Your own price per credit for this entry.
    #[arg(value_hint = ValueHint::Other, long, value_name = "X", value_parser = parse_non_negative, allow_negative_numbers = true)]
    pub price_per_credit: Option<Decimal>,
}

/// Where `scan` looks, shown under `credits scan --help`.
const SCAN_HELP: &str = "\
Identified, each of platform and model, by the first that names it: the flags, the file's C2PA manifest (read, not verified), a download-name pattern of a pricing table, the [scan] folder mappings of the config file (config.toml in the config folder: $XDG_CONFIG_HOME/credits, else ~/.config/credits, on Linux; ~/Library/Application Support/credits on macOS; `credits pricing dirs` shows its pricing folder inside it), e.g.:

  [scan]
  \"~/Videos/ad\" = { platform = \"runway\", model = \"gen-4\", project = \"ad\" }
  \"~/Videos/ad/turbo\" = { model = \"gen-4-turbo\" }  # the rest inherited

A model given without a platform names the platform of the only pricing table that has it. A file still downloading or cut short is never logged; a strict budget warns but does not refuse (the platform already charged the clip).";

#[derive(Debug, Args)]
pub struct ScanArgs {
    /// Folders (searched recursively) or files.
    #[arg(required = true, value_hint = ValueHint::AnyPath)]
    pub paths: Vec<PathBuf>,
    /// The platform of every file (else: the file's C2PA manifest, its name, then `[scan]` in the config file).
    #[arg(value_parser = known_names(Names::Platforms), hide_possible_values = true, long)]
    pub platform: Option<String>,
    /// The model of every file (else: the file's C2PA manifest, its name, then `[scan]` in the config file).
    #[arg(value_parser = known_names(Names::Models), hide_possible_values = true, long)]
    pub model: Option<String>,
    /// Project [default: the `[scan]` folder's `project`, else the mapped folder's name, else the name of the folder holding the file].
    #[arg(value_hint = ValueHint::Other, long)]
    pub project: Option<String>,
    /// A tag for every entry, e.g. client=acme (repeatable).
    #[arg(value_hint = ValueHint::Other, long = "tag", value_name = "K=V", value_parser = parse_tag)]
    pub tags: Vec<(String, String)>,
    /// Model mode or quality of every file, e.g. standard, pro [default: the `[scan]` folder's `mode`, else the cheapest, and said].
    #[arg(value_hint = ValueHint::Other, long)]
    pub mode: Option<String>,
    /// List what would be logged, and why, without writing anything.
    #[arg(long, conflicts_with = "watch")]
    pub dry_run: bool,
    /// Log a clip with a sound track at its model's price without audio when the table has
    /// no price for audio (the sound was added later), saying so in the entry's note
    /// [default: the `[scan]` folder's `no_audio_price`].
    #[arg(long)]
    pub no_audio_price: bool,
    /// Keep running: log each new file once it has finished downloading, until interrupted.
    #[arg(long)]
    pub watch: bool,
}

#[derive(Debug, Args)]
pub struct EditArgs {
    /// Entry id.
    #[arg(value_hint = ValueHint::Other, value_parser = parse_id, allow_negative_numbers = true)]
    pub id: i64,
    /// New project (empty string clears it).
    #[arg(value_hint = ValueHint::Other, long)]
    pub project: Option<String>,
    /// Set a tag K=V (repeatable).
    #[arg(value_hint = ValueHint::Other, long = "tag", value_name = "K=V", value_parser = parse_tag)]
    pub tags: Vec<(String, String)>,
    /// Remove a tag by key (repeatable).
    #[arg(value_hint = ValueHint::Other, long = "untag", value_name = "K")]
    pub untag: Vec<String>,
    /// New note (empty string clears it).
    #[arg(value_hint = ValueHint::Other, long)]
    pub note: Option<String>,
    /// Mark the output as used.
    #[arg(long, conflicts_with = "discarded")]
    pub kept: bool,
    /// Mark the output as not used.
    #[arg(long)]
    pub discarded: bool,
    /// Set the status: ok, failed or refunded (undoes a wrong `fail` or `refund`).
    #[arg(long, value_parser = status_parser())]
    pub status: Option<Status>,
    /// With --status refunded: when the credits came back (a time, date or 3d) [default: now].
    #[arg(long, value_name = "TIME", requires = "status", allow_hyphen_values = true, value_hint = ValueHint::Other)]
    pub at: Option<String>,
    /// Accept an --at more than a day in the future.
    #[arg(long, visible_alias = "allow-future", requires = "at")]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct RepriceArgs {
    #[command(flatten)]
    pub filter: FilterArgs,
    /// Show what would change without writing.
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Debug, Args)]
pub struct HistoryArgs {
    #[command(flatten)]
    pub filter: FilterArgs,
    /// At most N entries.
    #[arg(value_hint = ValueHint::Other, long, value_name = "N")]
    pub limit: Option<u32>,
    /// CSV instead of a table.
    #[arg(long, conflicts_with = "json")]
    pub csv: bool,
}

#[derive(Debug, Args)]
pub struct ReportArgs {
    /// Group by project, platform, model, day, week, month, user or tag:KEY (repeatable, in order).
    #[arg(long = "by", value_name = "KEY", value_parser = GroupKeyParser)]
    pub by: Vec<String>,
    #[command(flatten)]
    pub filter: FilterArgs,
    /// CSV instead of a table: one record per row, no total (a pivot table would count it twice).
    #[arg(long, conflicts_with = "json")]
    pub csv: bool,
    /// With --csv: end with a TOTAL record.
    #[arg(long, requires = "csv")]
    pub total: bool,
    /// Draw spend over time as bars, one line per period of the --by day, week or month (money by default; `--chart credits`: credits, per platform).
    #[arg(long, value_name = "WHAT", value_enum, num_args = 0..=1, default_missing_value = "money", conflicts_with = "csv")]
    pub chart: Option<ChartMeasure>,
    /// With --chart: the N largest groups get a series of their own, the rest are "other" (1-9).
    #[arg(long, value_name = "N", requires = "chart", default_value_t = 5, value_hint = ValueHint::Other, value_parser = clap::value_parser!(u8).range(1..=9))]
    pub top: u8,
    /// With --chart: draw with ASCII characters only (the default where the locale is not UTF-8).
    #[arg(long, requires = "chart")]
    pub ascii: bool,
    /// Write a cost sheet for a client to FILE (`-`: standard output): one self-contained HTML page (every entry, totals per model and per day, a chart, the pricing sources), for the filters given.
    #[arg(long, value_name = "FILE", value_hint = ValueHint::FilePath, conflicts_with_all = ["csv", "chart", "by"])]
    pub html: Option<PathBuf>,
    /// With --html: add a markup to what is billed, in percent (15 for 15%).
    #[arg(long, value_name = "PCT", requires = "html", value_parser = parse_non_negative, allow_negative_numbers = true, value_hint = ValueHint::Other)]
    pub markup: Option<Decimal>,
    /// With --html: convert what is billed at a rate you give, with its date: EUR=0.92@2026-12-01 (1 unit of the log's currency = 0.92 EUR).
    #[arg(long, value_name = "CUR=RATE@DATE", requires = "html", value_parser = parse_rate, value_hint = ValueHint::Other)]
    pub rate: Option<credits_app::ops::sheet::Rate>,
    /// Which money: `estimated` (the tables' price of what you logged, the default),
    /// `billed` (what the platforms reported, `import --from`), or `best` (billed where
    /// known, estimated elsewhere).
    #[arg(long, value_name = "WHICH", value_parser = ["estimated", "billed", "best"], conflicts_with_all = ["chart", "html"])]
    pub cost: Option<String>,
}

/// What `report --chart` draws.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ChartMeasure {
    /// The known money, per currency.
    Money,
    /// The credits charged, per platform (never added across platforms).
    Credits,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = FormatArg::Csv)]
    pub format: FormatArg,
    /// Write to FILE instead of stdout.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
    #[command(flatten)]
    pub filter: FilterArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    Csv,
    Json,
}

#[derive(Debug, Subcommand)]
pub enum AccountCommand {
    /// Record the plan you are on for a platform.
    Set {
        /// Platform id or name.
        #[arg(value_parser = known_names(Names::Platforms), hide_possible_values = true)]
        platform: String,
        /// Plan id or name.
        #[arg(value_hint = ValueHint::Other, long)]
        plan: String,
        /// Monthly or annual billing.
        #[arg(long, value_parser = billing_parser(), default_value = "monthly")]
        billing: BillingPeriod,
        /// The date the plan's credits are tracked from (or the change takes effect): 2026-11-01, today, yesterday, 3d [default: --subscribed, else today]. Not when the subscription began: a first-period promotion needs --subscribed.
        #[arg(long, value_name = "DATE", allow_hyphen_values = true, value_hint = ValueHint::Other)]
        since: Option<String>,
        /// The date the subscription began, on or before --since: a first-period (new-subscriber) promotion applies when --since falls in the period from this date to the first renewal, and a monthly plan renews on this day.
        #[arg(long, value_name = "DATE", allow_hyphen_values = true, value_hint = ValueHint::Other)]
        subscribed: Option<String>,
        /// Day of the month the plan renews (1-31) [default: the day of --subscribed, else of --since].
        #[arg(value_hint = ValueHint::Other, long, value_name = "DAY", value_parser = clap::value_parser!(u8).range(1..=31))]
        renews_on: Option<u8>,
        /// What you really pay per billing period (a month, or a year with --billing annual), in the platform's currency, when it is not the table's list price (a discount, taxes, a regional price) or the table does not give one.
        #[arg(long, value_name = "X", value_parser = parse_non_negative, allow_negative_numbers = true, value_hint = ValueHint::Other)]
        price: Option<Decimal>,
        /// Credits the plan gives each grant period, when the table does not say (or says otherwise).
        #[arg(long, value_name = "N", value_parser = parse_positive, allow_negative_numbers = true, value_hint = ValueHint::Other)]
        credits: Option<Decimal>,
    },
    /// The plans you are on, with their history.
    List,
    /// Remove a plan change recorded by mistake (the platform and its date, as `account list` shows them); the plan before it runs on.
    Rm {
        /// Platform id or name.
        #[arg(value_parser = known_names(Names::Platforms), hide_possible_values = true)]
        platform: String,
        /// The date the change took effect (the `from` column of `account list`).
        #[arg(value_name = "DATE", value_hint = ValueHint::Other)]
        date: String,
        /// Also when generations were already paid from its credits (the balance goes below zero).
        #[arg(long)]
        force: bool,
    },
}

#[derive(Debug, Args)]
#[command(group(ArgGroup::new("bought").required(true).args(["pack", "credits"])))]
#[command(args_conflicts_with_subcommands = true, subcommand_negates_reqs = true)]
pub struct TopupArgs {
    #[command(subcommand)]
    pub command: Option<TopupCommand>,
    /// Platform id or name.
    #[arg(value_parser = known_names(Names::Platforms), hide_possible_values = true, required = true)]
    pub platform: Option<String>,
    /// A pack from the platform's table (`credits pricing show PLATFORM` lists them).
    #[arg(value_hint = ValueHint::Other, long, value_name = "PACK")]
    pub pack: Option<String>,
    /// Credits bought, when the purchase is not a pack in the table (needs --price).
    #[arg(value_hint = ValueHint::Other, long, value_name = "N", value_parser = parse_non_negative, requires = "price",
          conflicts_with = "pack", allow_negative_numbers = true)]
    pub credits: Option<Decimal>,
    /// What you paid for --credits (or for --pack, when not the table's price), in the
    /// platform's currency.
    #[arg(value_hint = ValueHint::Other, long, value_name = "X", value_parser = parse_non_negative,
          allow_negative_numbers = true)]
    pub price: Option<Decimal>,
    /// Days until the credits expire [default: the pack's expiry; for --credits, the table's packs' expiry, when they agree].
    #[arg(
        value_hint = ValueHint::Other,
        long,
        value_name = "DAYS",
        conflicts_with = "never_expires"
    )]
    pub expires_in: Option<u32>,
    /// The credits never expire (--credits, or a pack whose table says otherwise).
    #[arg(long)]
    pub never_expires: bool,
    /// When you bought them (2026-11-21 15:00, RFC 3339, a date, yesterday, 3d) [default: now].
    #[arg(long, value_name = "TIME", allow_hyphen_values = true, value_hint = ValueHint::Other)]
    pub at: Option<String>,
    /// Accept an --at more than a day in the future.
    #[arg(long, visible_alias = "allow-future")]
    pub force: bool,
}

/// `topup list | rm`: the top-ups recorded, and undoing one.
#[derive(Debug, Subcommand)]
pub enum TopupCommand {
    /// The top-ups recorded, with their ids and the credits left of each.
    List {
        /// Only this platform.
        #[arg(value_parser = known_names(Names::Platforms), hide_possible_values = true)]
        platform: Option<String>,
    },
    /// Remove a top-up recorded by mistake (e.g. twice); the balance is replayed without it.
    Rm {
        /// Top-up id (`credits topup list`).
        #[arg(value_hint = ValueHint::Other, value_parser = parse_topup_id, allow_negative_numbers = true)]
        id: i64,
        /// Also when generations were already paid from its credits (the balance goes below zero).
        #[arg(long)]
        force: bool,
    },
}

#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true, subcommand_negates_reqs = true)]
pub struct AdjustArgs {
    #[command(subcommand)]
    pub command: Option<AdjustCommand>,
    /// Platform id or name.
    #[arg(value_parser = known_names(Names::Platforms), hide_possible_values = true, required = true)]
    pub platform: Option<String>,
    /// Credits to add (e.g. 100) or, negative, to take away (e.g. -50).
    #[arg(value_hint = ValueHint::Other, value_name = "N", value_parser = parse_decimal, allow_negative_numbers = true, required = true)]
    pub credits: Option<Decimal>,
    /// Why, e.g. "signup bonus", "daily reward", "support refund".
    #[arg(value_hint = ValueHint::Other, long, value_name = "TEXT", required = true)]
    pub note: Option<String>,
    /// When (2026-11-21 15:00, RFC 3339, a date, yesterday, 3d) [default: now].
    #[arg(long, value_name = "TIME", allow_hyphen_values = true, value_hint = ValueHint::Other)]
    pub at: Option<String>,
    /// Take credits away even if the balance goes below zero.
    #[arg(long)]
    pub force: bool,
    /// Accept an --at more than a day in the future (--force here is about the balance).
    #[arg(long)]
    pub allow_future: bool,
}

/// `adjust list | rm`: the adjustments recorded, and undoing one.
#[derive(Debug, Subcommand)]
pub enum AdjustCommand {
    /// The adjustments recorded, with their ids and the credits left of each one that added some.
    List {
        /// Only this platform.
        #[arg(value_parser = known_names(Names::Platforms), hide_possible_values = true)]
        platform: Option<String>,
    },
    /// Remove an adjustment recorded by mistake; the balance is replayed without it.
    Rm {
        /// Adjustment id (`credits adjust list`).
        #[arg(value_hint = ValueHint::Other, value_parser = parse_adjustment_id, allow_negative_numbers = true)]
        id: i64,
        /// Also when generations were already paid from its credits (the balance goes below zero).
        #[arg(long)]
        force: bool,
    },
}

#[derive(Debug, Args)]
pub struct BalanceArgs {
    /// Only this platform.
    #[arg(value_parser = known_names(Names::Platforms), hide_possible_values = true)]
    pub platform: Option<String>,
    /// The balance at this date or time (a date means the end of that day) [default: now].
    #[arg(long, value_name = "DATE", allow_hyphen_values = true, value_hint = ValueHint::Other)]
    pub as_of: Option<String>,
    /// Check the ledger against the balance the platform shows (N credits): exit 0 when they
    /// match; otherwise the difference, its likely causes and the `credits adjust` that would
    /// reconcile it, exit 3. The check is kept: `balance` and `history` show the last one.
    #[arg(long, value_name = "N", value_parser = parse_shown_credits, requires = "platform",
          conflicts_with = "as_of", allow_negative_numbers = true, value_hint = ValueHint::Other)]
    pub expect: Option<Decimal>,
    /// When the platform showed --expect (a date means the end of that day, today's now)
    /// [default: now].
    #[arg(long, value_name = "TIME", requires = "expect", allow_hyphen_values = true,
          value_hint = ValueHint::Other)]
    pub at: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum BudgetCommand {
    /// Set (or replace) a project's budget.
    #[command(group(ArgGroup::new("unit").required(true).args(["money", "credits"])))]
    Set {
        /// Project name, as given to `credits log --project`.
        #[arg(value_hint = ValueHint::Other)]
        project: String,
        /// The limit, e.g. 200.
        #[arg(value_hint = ValueHint::Other, value_name = "AMOUNT", value_parser = parse_non_negative,
              allow_negative_numbers = true)]
        amount: Decimal,
        /// AMOUNT is money (in --currency).
        #[arg(long)]
        money: bool,
        /// AMOUNT is credits (of --platform: credits of different platforms never add up).
        #[arg(long, requires = "platform")]
        credits: bool,
        /// The platform whose credits a credits budget counts.
        #[arg(value_parser = known_names(Names::Platforms), hide_possible_values = true, long, value_name = "P", requires = "credits")]
        platform: Option<String>,
        /// Count per calendar month, or everything logged.
        #[arg(long, value_parser = budget_period_parser(), default_value = "total")]
        period: BudgetPeriod,
        /// Currency of a money budget.
        #[arg(value_hint = ValueHint::Other, long, value_name = "CODE", default_value = "USD", requires = "money",
              conflicts_with = "credits", value_parser = parse_currency)]
        currency: String,
        /// Count only the entries NAME logged (their `logged_by`): one person's budget on a
        /// shared ledger, beside the team's [default: everyone's].
        #[arg(long = "for", value_name = "NAME", value_hint = ValueHint::Other)]
        for_user: Option<String>,
    },
    /// Every budget with what is used and left.
    List,
    /// Exit 3 if any budget is exceeded, 0 if none is (for scripts).
    Check,
    /// Remove a project's budget (both units unless one is given).
    Rm {
        /// Project name.
        #[arg(value_hint = ValueHint::Other)]
        project: String,
        /// Only the money budget.
        #[arg(long, conflicts_with = "credits")]
        money: bool,
        /// Only the credits budget(s).
        #[arg(long)]
        credits: bool,
        /// Only the credits budget of this platform.
        #[arg(value_parser = known_names(Names::Platforms), hide_possible_values = true, long, value_name = "P", conflicts_with = "money")]
        platform: Option<String>,
        /// Only NAME's budget (set with `budget set … --for NAME`).
        #[arg(long = "for", value_name = "NAME", value_hint = ValueHint::Other)]
        for_user: Option<String>,
    },
}

// ----------------------------------------------------------------------------------------------
// The enums flags name are the records' own types (the core knows no clap): each flag takes
// one of their names, and completions and `--help` list them.

/// A parser for a flag that takes one of `all`, by the name `name` gives each.
fn one_of<T: Clone + Send + Sync + 'static>(
    all: &'static [T],
    name: fn(&T) -> &'static str,
) -> impl TypedValueParser<Value = T> {
    PossibleValuesParser::new(all.iter().map(name)).try_map(move |typed: String| {
        all.iter()
            .find(|v| name(v) == typed)
            .cloned()
            .ok_or(clap::Error::new(clap::error::ErrorKind::InvalidValue))
    })
}

fn billing_parser() -> impl TypedValueParser<Value = BillingPeriod> {
    one_of(&[BillingPeriod::Monthly, BillingPeriod::Annual], |b| {
        b.as_str()
    })
}

fn status_parser() -> impl TypedValueParser<Value = Status> {
    one_of(&[Status::Ok, Status::Failed, Status::Refunded], |s| {
        s.as_str()
    })
}

fn budget_period_parser() -> impl TypedValueParser<Value = BudgetPeriod> {
    one_of(&[BudgetPeriod::Month, BudgetPeriod::Total], |p| p.as_str())
}

// ----------------------------------------------------------------------------------------------
// Low → high: the one conversion of each kind of argument.

impl RequestArgs {
    /// The validated request behind the flags.
    pub fn request(&self) -> Result<Request> {
        Request {
            duration: self.duration,
            resolution: self.resolution.clone(),
            audio: self.audio,
            refs: self.refs,
            mode: self.mode.clone(),
            chars: self.chars,
            count: self.count,
            upscale: self.upscale,
            pinned_credits: None,
            // The day comes with `--at` (or today), where the request is priced.
            on: None,
        }
        .normalized()
    }
}

impl PricingArgs {
    /// The pricing the user chose on the command line (`--billing` defaults to monthly).
    pub fn choice(&self) -> PricingChoice {
        PricingChoice {
            plan: self.plan.clone(),
            billing: self.billing.unwrap_or_default(),
            price_per_credit: self.price_per_credit,
        }
    }
}

impl FilterArgs {
    /// The validated filter behind the flags, with names resolved to canonical ids.
    pub fn filter(&self, session: &Session) -> Result<Filter> {
        let catalog = &session.catalog;
        Ok(Filter {
            project: self.project.clone(),
            platform: self
                .platform
                .as_deref()
                .map(|p| resolve::platform_id(catalog, p)),
            model: self
                .model
                .as_deref()
                .map(|m| resolve::model_id(catalog, self.platform.as_deref(), m)),
            tags: self.tags.clone(),
            status: self.status,
            since: self
                .since
                .as_deref()
                .map(|t| credits_core::dates::parse_since(t, &session.now))
                .transpose()?,
            until: self
                .until
                .as_deref()
                .map(|t| credits_core::dates::parse_until(t, &session.now))
                .transpose()?,
            limit: None,
            user: self.user.clone().filter(|u| !u.trim().is_empty()),
        })
    }
}

fn parse_tag(text: &str) -> Result<(String, String), String> {
    match text.split_once('=') {
        Some((k, v)) if !k.trim().is_empty() => Ok((k.trim().to_string(), v.trim().to_string())),
        _ => Err(format!("`{text}` is not K=V, e.g. client=acme")),
    }
}

/// A currency code as typed (`USD`, `EUR`): letters and digits, at most 16 (no space, no
/// control character, nothing a terminal would act on).
fn parse_currency(text: &str) -> Result<String, String> {
    money::check_currency(text).map(|()| text.to_string())
}

/// An entry id: a whole number from 1 (`-1`, `0` and `x` are refused here, saying so).
fn parse_id(text: &str) -> Result<i64, String> {
    parse_id_of(text, "an entry id", "credits history")
}

/// A top-up's id, as `credits topup list` shows it.
fn parse_topup_id(text: &str) -> Result<i64, String> {
    parse_id_of(text, "a top-up id", "credits topup list")
}

/// An adjustment's id, as `credits adjust list` shows it.
fn parse_adjustment_id(text: &str) -> Result<i64, String> {
    parse_id_of(text, "an adjustment id", "credits adjust list")
}

/// An id of `what`: a whole number from 1, refused naming the command that lists them
/// (`list`), since each kind of record is numbered on its own (issue 22, trial F).
fn parse_id_of(text: &str, what: &str, list: &str) -> Result<i64, String> {
    match text.trim().parse::<i64>() {
        Ok(id) if id >= 1 => Ok(id),
        Ok(_) => Err(format!(
            "`{text}` is not {what}: ids are whole numbers from 1 (`{list}` shows them)"
        )),
        Err(_) => Err(format!(
            "`{text}` is not {what}: give the number `{list}` shows"
        )),
    }
}

fn parse_positive(text: &str) -> Result<Decimal, String> {
    match money::parse_non_negative(text) {
        Ok(v) if v.is_zero() => Err("must be above 0".to_string()),
        Ok(v) => Ok(v),
        Err(e) => Err(e.to_string()),
    }
}

/// `--duration`, `--seconds`: seconds as people type them (`credits_core::dates::parse_seconds`).
/// A count typed as people type it: `-2` reaches here (`allow_negative_numbers`) and gets the
/// same message as `0`, rather than clap's tip about `--` or its integer range.
fn parse_count<T: TryFrom<u64>>(text: &str) -> Result<T, String> {
    let trimmed = text.trim();
    let Ok(n) = trimmed.parse::<i128>() else {
        return Err(format!("`{trimmed}` is not a whole number"));
    };
    if n < 1 {
        return Err(format!("must be at least 1, got {n}"));
    }
    u64::try_from(n)
        .ok()
        .and_then(|n| T::try_from(n).ok())
        .ok_or_else(|| format!("{n} is too large"))
}

/// A resolution as the tables write them: `720p` (a bare `720` is that), `4k`, or `WxH`.
/// One no video or image is made at (`99999p`) is refused rather than priced at a base rate.
/// A bare number given as a resolution (`1080`), and what it was read as (`1080p`), for the
/// command to say so once (issue 22, item 7): the value parser has no other way out.
pub static BARE_RESOLUTION: std::sync::Mutex<Option<(String, String)>> =
    std::sync::Mutex::new(None);

fn parse_resolution(text: &str) -> Result<String, String> {
    let r = text.trim().to_lowercase();
    let number = |s: &str, range: std::ops::RangeInclusive<u32>| {
        s.parse::<u32>().ok().filter(|n| range.contains(n))
    };
    let ok = if let Some(lines) = r.strip_suffix('p') {
        number(lines, 144..=4320).is_some()
    } else if let Some(k) = r.strip_suffix('k') {
        number(k, 1..=16).is_some()
    } else if let Some((w, h)) = r.split_once('x') {
        number(w, 16..=16384).is_some() && number(h, 16..=16384).is_some()
    } else if number(&r, 144..=4320).is_some() {
        let read = format!("{r}p");
        if let Ok(mut bare) = BARE_RESOLUTION.lock() {
            *bare = Some((text.to_string(), read.clone()));
        }
        return Ok(read);
    } else {
        false
    };
    if ok {
        Ok(r)
    } else {
        Err(format!(
            "`{text}` is not a resolution\nhelp: give it as 720p or 1080p (144p to 4320p), \
             4k, or WIDTHxHEIGHT such as 1024x1024"
        ))
    }
}

fn parse_seconds(text: &str) -> Result<Decimal, String> {
    credits_core::dates::parse_seconds(text)
}

/// `report --by`: offers the keys for completion and help; `tag:KEY` and the checks are
/// the report's (so a wrong key is the report's `error:` with its `help:`).
#[derive(Clone, Copy, Debug)]
pub struct GroupKeyParser;

/// The keys `report --by` offers (besides `tag:KEY`).
pub const GROUP_KEYS: [&str; 8] = [
    "project", "platform", "model", "day", "week", "month", "user", "tag:",
];

impl clap::builder::TypedValueParser for GroupKeyParser {
    type Value = String;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<String, clap::Error> {
        clap::builder::StringValueParser::new().parse_ref(cmd, arg, value)
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = PossibleValue> + '_>> {
        Some(Box::new(GROUP_KEYS.iter().map(|k| PossibleValue::new(*k))))
    }
}

fn parse_decimal(text: &str) -> Result<Decimal, String> {
    money::parse_decimal(text).map_err(|e| e.to_string())
}

/// `--rate EUR=0.92@2026-12-01`: a currency code, a positive rate and the rate's date.
fn parse_rate(text: &str) -> Result<credits_app::ops::sheet::Rate, String> {
    let form = "expected CUR=RATE@DATE, e.g. EUR=0.92@2026-12-01";
    let (currency, rest) = text
        .split_once('=')
        .ok_or_else(|| format!("no `=` in `{text}`: {form}"))?;
    let (rate, date) = rest
        .split_once('@')
        .ok_or_else(|| format!("no date in `{text}` (the day the rate is from): {form}"))?;
    let currency = currency.trim().to_ascii_uppercase();
    if currency.len() != 3 || !currency.chars().all(|c| c.is_ascii_alphabetic()) {
        return Err(format!(
            "`{currency}` is not a currency code (three letters): {form}"
        ));
    }
    let rate = money::parse_non_negative(rate.trim())
        .map_err(|e| e.to_string())
        .and_then(|r| {
            if r.is_zero() {
                Err("a rate of 0 would bill nothing".to_string())
            } else {
                Ok(r)
            }
        })?;
    let date = chrono::NaiveDate::parse_from_str(date.trim(), "%Y-%m-%d")
        .map_err(|_| format!("`{}` is not a date (YYYY-MM-DD): {form}", date.trim()))?;
    Ok(credits_app::ops::sheet::Rate {
        currency,
        rate,
        date,
    })
}

fn parse_non_negative(text: &str) -> Result<Decimal, String> {
    money::parse_non_negative(text).map_err(|e| e.to_string())
}

/// A balance as a platform shows it (and as `credits` prints it): `1,310` is 1310. Only
/// commas between groups of three digits are taken, so `1,3` stays an error, not 13.
fn parse_shown_credits(text: &str) -> Result<Decimal, String> {
    let t = text.trim();
    let (int, frac) = t.split_once('.').unwrap_or((t, ""));
    let groups: Vec<&str> = int.split(',').collect();
    let grouped = groups.len() > 1
        && (1..=3).contains(&groups[0].len())
        && groups[1..].iter().all(|g| g.len() == 3)
        && groups.iter().all(|g| g.bytes().all(|b| b.is_ascii_digit()));
    if grouped {
        let plain = if frac.is_empty() && !t.contains('.') {
            groups.concat()
        } else {
            format!("{}.{frac}", groups.concat())
        };
        return parse_non_negative(&plain);
    }
    parse_non_negative(text)
}

/// `--from`: an `http(s)://` URL or a path (the transport rule is checked when fetching,
/// so a refusal is an `error:` with its `help:`).
fn parse_bundle_source(text: &str) -> Result<BundleSource, String> {
    Ok(BundleSource::parse(text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_balance_is_read_as_platforms_show_it() {
        let d = |s: &str| Decimal::from_str_exact(s).unwrap();
        assert_eq!(parse_shown_credits("1,310"), Ok(d("1310")));
        assert_eq!(parse_shown_credits("12,345,678.5"), Ok(d("12345678.5")));
        assert_eq!(parse_shown_credits("805"), Ok(d("805")));
        assert!(parse_shown_credits("1,3").is_err());
        assert!(parse_shown_credits("1,3000").is_err());
        assert!(parse_shown_credits("-1,000").is_err());
    }
    use clap::CommandFactory;

    #[test]
    fn verify_cli() {
        Cli::command().debug_assert();
    }

    /// Shells complete file names for a value with no hint: only paths may do that; every
    /// other value offers its possible values or nothing.
    #[test]
    fn only_paths_complete_file_names() {
        fn walk(cmd: &clap::Command, path: &str, bad: &mut Vec<String>) {
            for arg in cmd.get_arguments() {
                if !arg.get_action().takes_values() {
                    continue;
                }
                let is_path = arg.get_value_parser().type_id()
                    == clap::builder::ValueParser::path_buf().type_id();
                let offers_values = !arg.get_possible_values().is_empty();
                let hint = arg.get_value_hint();
                let path_hint = matches!(
                    hint,
                    ValueHint::FilePath | ValueHint::DirPath | ValueHint::AnyPath
                );
                let ok = if is_path || path_hint {
                    hint != ValueHint::Other
                } else {
                    offers_values || hint == ValueHint::Other
                };
                if !ok {
                    bad.push(format!("{path} {}", arg.get_id()));
                }
            }
            for sub in cmd.get_subcommands() {
                walk(sub, &format!("{path} {}", sub.get_name()), bad);
            }
        }
        let mut bad = Vec::new();
        walk(&Cli::command(), "credits", &mut bad);
        assert!(
            bad.is_empty(),
            "complete file names but are not paths:\n{}",
            bad.join("\n")
        );
    }
}

/// `credits db status | copy`.
#[derive(Debug, Subcommand)]
pub enum DbCommand {
    /// The backend (SQLite or PostgreSQL), where the database is (password hidden), its
    /// schema version, entries and size.
    Status,
    /// Copy a whole ledger (entries with their tags and price tables, accounts and plan
    /// history, top-ups, adjustments, budgets) from one database to another, SQLite or
    /// PostgreSQL. Copying again adds nothing; into a ledger that already holds part of it,
    /// only what is new.
    #[command(
        after_help = "Examples:\n  credits db copy --from ~/.local/share/credits/credits.db --to postgres://ann@db.studio/credits\n  credits db copy --from postgres://ann@db.studio/credits --to backup.db"
    )]
    Copy {
        /// The database to copy from: a file or a postgres:// URL (it is only read).
        #[arg(long, value_name = "PATH|URL", value_hint = ValueHint::AnyPath)]
        from: PathBuf,
        /// The database to copy into: a file (made if missing) or a postgres:// URL.
        #[arg(long, value_name = "PATH|URL", value_hint = ValueHint::AnyPath)]
        to: PathBuf,
    },
}

/// Which names [`known_names`] offers.
#[derive(Clone, Copy, Debug)]
pub enum Names {
    Platforms,
    Models,
}

/// A platform or model argument: any text is taken (the user's own tables add names, and the
/// commands resolve and suggest), but shell completions offer the built-in tables' ids. The
/// tables are read only when clap asks for the names (completions), never on a normal run.
pub fn known_names(names: Names) -> KnownNames {
    KnownNames(names)
}

#[derive(Clone, Debug)]
pub struct KnownNames(Names);

impl clap::builder::TypedValueParser for KnownNames {
    type Value = String;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<String, clap::Error> {
        clap::builder::StringValueParser::new().parse_ref(cmd, arg, value)
    }

    fn possible_values(
        &self,
    ) -> Option<Box<dyn Iterator<Item = clap::builder::PossibleValue> + '_>> {
        let catalog = credits_core::pricing::catalog::Catalog::builtin();
        let mut ids: Vec<String> = match self.0 {
            Names::Platforms => catalog.platforms().map(|p| p.id.clone()).collect(),
            Names::Models => catalog
                .platforms()
                .flat_map(|p| p.models.iter().map(|m| m.id.clone()))
                .collect(),
        };
        ids.sort();
        ids.dedup();
        Some(Box::new(
            ids.into_iter().map(clap::builder::PossibleValue::new),
        ))
    }
}

/// A no-break space: clap wraps help at ASCII spaces only, so a line whose spaces are these
/// is never re-wrapped. [`parse`] prints them back as spaces.
const NO_BREAK: char = '\u{a0}';

/// The command line, parsed, with the help's examples kept verbatim (issue 22, trial B): at
/// 60 columns clap once put `project = "ad" }` of a TOML example on a line of its own and
/// split example commands, which then no longer work when copied. An error or the help is
/// returned as clap made it, to print with [`clap_text`].
pub fn parse() -> Result<Cli, clap::Error> {
    use clap::{CommandFactory, FromArgMatches};
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let mut command = verbatim_examples(Cli::command());
    let mut matches = match command.try_get_matches_from_mut(&args) {
        Ok(matches) => matches,
        Err(e) if !e.use_stderr() => return Err(e),
        Err(e) => {
            let words: Option<Vec<&str>> = args.iter().skip(1).map(|a| a.to_str()).collect();
            // Said with the usage of the command itself (`credits topup …`).
            let misplaced = words.and_then(|words| misplaced_words(&command, &words));
            let sub =
                misplaced.and_then(|(name, text)| Some((command.find_subcommand_mut(name)?, text)));
            return Err(match sub {
                Some((sub, text)) => sub.error(clap::error::ErrorKind::UnknownArgument, text),
                None => e,
            });
        }
    };
    Cli::from_arg_matches_mut(&mut matches).map_err(|e| e.format(&mut command))
}

/// Whether `word` is a number as a positional takes it (`1000`, `-50`, `12.5`, `1,310`), not
/// an option.
fn is_number(word: &str) -> bool {
    let digits = word.strip_prefix('-').unwrap_or(word).replace(',', "");
    !digits.is_empty() && Decimal::from_str_exact(&digits).is_ok()
}

/// Whether the option `word` (`--price`, `--db=PATH`, `-h`) is followed by its value as the
/// next word: it names an argument of `command` (or of the top level, whose options are
/// global) that takes one, and does not carry it after `=`.
fn takes_next(root: &clap::Command, command: &clap::Command, word: &str) -> bool {
    if word.contains('=') {
        return false;
    }
    let named = |a: &&clap::Arg| match word.strip_prefix("--") {
        Some(long) => a.get_long() == Some(long),
        None => word
            .chars()
            .nth(1)
            .is_some_and(|c| a.get_short() == Some(c)),
    };
    command
        .get_arguments()
        .chain(root.get_arguments())
        .find(named)
        .is_some_and(|a| a.get_action().takes_values())
}

/// `words` (the arguments after the program's name) split into the positionals and the
/// options with their values, as `command` reads them; `--` ends the options.
fn split_words<'w>(
    root: &clap::Command,
    command: &clap::Command,
    words: &[&'w str],
) -> (Vec<(usize, &'w str)>, Vec<&'w str>) {
    let (mut positionals, mut options) = (Vec::new(), Vec::new());
    let mut i = 0;
    while let Some(word) = words.get(i) {
        if *word == "--" {
            positionals.extend(words.iter().enumerate().skip(i + 1).map(|(j, w)| (j, *w)));
            break;
        }
        if word.starts_with('-') && word.len() > 1 && !is_number(word) {
            options.push(*word);
            if takes_next(root, command, word) {
                if let Some(value) = words.get(i + 1) {
                    options.push(*value);
                    i += 1;
                }
            }
        } else {
            positionals.push((i, *word));
        }
        i += 1;
    }
    (positionals, options)
}

/// A word as it would be typed in a shell: quoted when it holds more than letters, digits
/// and `-_.,:/@+=%`.
fn shell_word(word: &str) -> String {
    let plain = !word.is_empty()
        && word
            .chars()
            .all(|c| c.is_alphanumeric() || "-_.,:/@+=%".contains(c));
    if plain {
        word.to_string()
    } else {
        let escaped: String = word
            .chars()
            .flat_map(|c| match c {
                '"' | '\\' | '$' | '`' => vec!['\\', c],
                c => vec![c],
            })
            .collect();
        format!("\"{escaped}\"")
    }
}

/// `is not an argument`, `are not arguments`.
fn not_arguments(n: usize) -> &'static str {
    if n == 1 {
        "is not an argument"
    } else {
        "are not arguments"
    }
}

/// The `error:` and `help:` of `credits topup runway 1000` and `credits adjust runway 25
/// signup bonus` (a trial of issue 23): the amounts and the note are options there, and clap
/// said only "the subcommand '1000' cannot be used with '<PLATFORM>'". The command's name
/// and the text; `None` when `words` are not one of those commands with words past its
/// positionals.
fn misplaced_words<'w>(root: &clap::Command, words: &[&'w str]) -> Option<(&'w str, String)> {
    let (top, _) = split_words(root, root, words);
    let &(at, name) = top.first()?;
    let kept = match name {
        "topup" => 1,
        "adjust" => 2,
        _ => return None,
    };
    let command = root.find_subcommand(name)?;
    let rest = &words[at + 1..];
    let (positionals, options) = split_words(root, command, rest);
    let first = positionals.first().map(|(_, w)| *w)?;
    if command.find_subcommand(first).is_some() || positionals.len() <= kept {
        return None;
    }
    let (given, extra): (Vec<&str>, Vec<&str>) = (
        positionals.iter().take(kept).map(|(_, w)| *w).collect(),
        positionals.iter().skip(kept).map(|(_, w)| *w).collect(),
    );
    let has = |flag: &str| {
        options
            .iter()
            .any(|o| *o == flag || o.starts_with(&format!("{flag}=")))
    };
    let mut suggested: Vec<String> = vec!["credits".into(), name.into()];
    suggested.extend(given.iter().map(|w| shell_word(w)));
    let shown: Vec<String> = extra.iter().map(|w| format!("`{w}`")).collect();
    let (error, hint) = if name == "topup" {
        let mut numbers = extra.iter().filter(|w| is_number(w));
        let pack = extra.len() == 1 && !is_number(extra[0]) && !has("--pack") && !has("--credits");
        let mut hint = String::new();
        if pack {
            // A name: a pack of the table, as `credits pricing show` names it.
            suggested.push(format!("--pack {}", shell_word(extra[0])));
        } else {
            hint = format!(
                " (or --pack NAME: `credits pricing show {}` lists the packs)",
                shell_word(given[0])
            );
            if !has("--credits") {
                let n = numbers.next().map_or("N".to_string(), |n| n.to_string());
                suggested.push(format!("--credits {n}"));
            }
            if !has("--price") {
                let x = numbers.next().map_or("X".to_string(), |x| x.to_string());
                suggested.push(format!("--price {x}"));
            }
        }
        (
            format!(
                "{} {} of `credits topup`, which takes the platform only: give the \
                 credits bought with --credits and what you paid with --price, or a pack of \
                 the table with --pack",
                shown.join(" "),
                not_arguments(extra.len())
            ),
            hint,
        )
    } else {
        if !has("--note") {
            suggested.push(format!("--note {}", shell_word(&extra.join(" "))));
        }
        (
            format!(
                "{} {} of `credits adjust`, which takes the platform and the credits: give \
                 why with --note",
                shown.join(" "),
                not_arguments(extra.len())
            ),
            String::new(),
        )
    };
    suggested.extend(
        options
            .iter()
            .filter(|o| !["-h", "--help"].contains(o))
            .map(|o| shell_word(o)),
    );
    Some((
        name,
        format!("{error}\nhelp: {}{hint}", suggested.join(" ")),
    ))
}

/// `command` and its subcommands with every example line of their help text made of
/// no-break spaces. An example is a line indented by two that is not a definition
/// (`  fal        FAL_KEY …`, a word and then two spaces, which may wrap as prose).
fn verbatim_examples(mut command: clap::Command) -> clap::Command {
    let verbatim = |text: &str| -> String {
        text.lines()
            .map(|line| {
                let Some(body) = line.strip_prefix("  ") else {
                    return line.to_string();
                };
                let definition = body
                    .split_once(' ')
                    .is_some_and(|(word, rest)| !word.is_empty() && rest.starts_with(' '));
                if body.starts_with(' ') || definition {
                    line.to_string()
                } else {
                    line.replace(' ', &NO_BREAK.to_string())
                }
            })
            .collect::<Vec<_>>()
            .join("\n")
    };
    if let Some(text) = command.get_after_help().map(|t| verbatim(&t.to_string())) {
        command = command.after_help(text);
    }
    if let Some(text) = command
        .get_after_long_help()
        .map(|t| verbatim(&t.to_string()))
    {
        command = command.after_long_help(text);
    }
    let names: Vec<String> = command
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in names {
        command = command.mut_subcommand(name, verbatim_examples);
    }
    command
}

/// What clap made of an error or of `--help`, as text: no-break spaces printed as spaces.
pub fn clap_text(error: &clap::Error, styled: bool) -> String {
    let text = error.render();
    let text = if styled {
        text.ansi().to_string()
    } else {
        text.to_string()
    };
    text.replace(NO_BREAK, " ")
}
